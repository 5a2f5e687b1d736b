//! The article-extraction benchmark: runs this crate's HTML extraction on
//! every page of a benchmark folder and scores it the way the benchmark
//! defines it (`METRIC.md` of the Zyte article-extraction benchmark).
//!
//! Layout: `html/<id>.html.gz` (gzip-compressed pages) and
//! `ground-truth.json` (`{id: {"articleBody": ..., "url": ...}}`).
//!
//! Metric: tokens are runs of word characters (`\w+`, Unicode, case kept);
//! each text is the multiset of its 4-token shingles (a text of fewer than
//! four tokens is one shingle); per page tp = shared shingles, fp = extra
//! predicted, fn = missing, each divided by their sum; precision and recall
//! are the means over pages of tp/(tp+fp) and tp/(tp+fn) (1.0 when fp and
//! fn are both 0, 0.0 when tp and the other count are both 0); F1 is
//! computed from the two means.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use regex::Regex;
use serde::Deserialize;

use crate::{document_from_html, IngestError, IngestOptions};

/// Scores of one benchmark run.
#[derive(Debug, Clone, PartialEq)]
pub struct BenchReport {
    /// Pages scored.
    pub pages: usize,
    /// Mean per-page precision.
    pub precision: f64,
    /// Mean per-page recall.
    pub recall: f64,
    /// F1 of the mean precision and mean recall.
    pub f1: f64,
    /// Wall-clock milliseconds per page for decoding, extraction and
    /// cleaning (not for reading and unzipping the file).
    pub ms_per_page: f64,
    /// Every page's score, in id order.
    pub per_page: Vec<PageScore>,
}

/// The score of one page.
#[derive(Debug, Clone, PartialEq)]
pub struct PageScore {
    /// Page id (file stem).
    pub id: String,
    /// tp/(tp+fp) for this page.
    pub precision: f64,
    /// tp/(tp+fn) for this page.
    pub recall: f64,
    /// Why extraction failed, if it did (the prediction is then empty).
    pub error: Option<String>,
}

#[derive(Deserialize)]
struct Truth {
    #[serde(rename = "articleBody")]
    article_body: String,
    url: Option<String>,
}

/// Run the benchmark in `dir`.
///
/// # Errors
/// [`IngestError::Io`] when a file cannot be read, [`IngestError::Bench`]
/// when `ground-truth.json` is malformed or a page is missing.
pub fn bench_article_extraction(dir: &Path) -> Result<BenchReport, IngestError> {
    let truth_path = dir.join("ground-truth.json");
    let truth_text =
        std::fs::read_to_string(&truth_path).map_err(|e| IngestError::io(&truth_path, e))?;
    let truth: HashMap<String, Truth> = serde_json::from_str(&truth_text)
        .map_err(|e| IngestError::Bench(format!("ground-truth.json: {e}")))?;
    let mut ids: Vec<&String> = truth.keys().collect();
    ids.sort();

    let mut per_page = Vec::with_capacity(ids.len());
    let mut elapsed = Duration::ZERO;
    for id in ids {
        let page_path = dir.join("html").join(format!("{id}.html.gz"));
        let html = read_gzip(&page_path, crate::DEFAULT_MAX_BYTES)?;
        let expected = &truth[id];
        let opts = IngestOptions {
            url: expected.url.clone(),
            ..IngestOptions::default()
        };
        let started = Instant::now();
        let result = document_from_html(&html, &opts, id);
        elapsed += started.elapsed();
        let (predicted, error) = match result {
            Ok(document) => (document.text, None),
            Err(error) => (String::new(), Some(error.to_string())),
        };
        let (precision, recall) = page_scores(&expected.article_body, &predicted);
        per_page.push(PageScore {
            id: id.clone(),
            precision,
            recall,
            error,
        });
    }
    let pages = per_page.len();
    if pages == 0 {
        return Err(IngestError::Bench(
            "ground-truth.json lists no pages".into(),
        ));
    }
    let precision = per_page.iter().map(|p| p.precision).sum::<f64>() / pages as f64;
    let recall = per_page.iter().map(|p| p.recall).sum::<f64>() / pages as f64;
    Ok(BenchReport {
        pages,
        precision,
        recall,
        f1: f1(precision, recall),
        ms_per_page: elapsed.as_secs_f64() * 1000.0 / pages as f64,
        per_page,
    })
}

/// Decompress a gzip file, refusing output over `cap` bytes (the cap is on
/// the decompressed size, where a gzip bomb would do its damage).
fn read_gzip(path: &Path, cap: u64) -> Result<Vec<u8>, IngestError> {
    let file = std::fs::File::open(path).map_err(|e| IngestError::io(path, e))?;
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(file)
        .take(cap + 1)
        .read_to_end(&mut out)
        .map_err(|e| IngestError::io(path, e))?;
    if out.len() as u64 > cap {
        return Err(IngestError::TooLarge {
            bytes: out.len() as u64,
            limit: cap,
        });
    }
    Ok(out)
}

fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\w+").expect("valid pattern"));

const SHINGLE: usize = 4;

fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let tokens: Vec<&str> = WORD.find_iter(text).map(|m| m.as_str()).collect();
    let mut counts = HashMap::new();
    if tokens.is_empty() {
        return counts;
    }
    if tokens.len() < SHINGLE {
        counts.insert(tokens, 1);
        return counts;
    }
    for window in tokens.windows(SHINGLE) {
        *counts.entry(window.to_vec()).or_insert(0) += 1;
    }
    counts
}

/// Per-page precision and recall of `predicted` against `expected`.
pub(crate) fn page_scores(expected: &str, predicted: &str) -> (f64, f64) {
    let truth = shingles(expected);
    let guess = shingles(predicted);
    let mut tp = 0usize;
    let mut false_pos = 0usize;
    for (shingle, &count) in &guess {
        let shared = truth.get(shingle).copied().unwrap_or(0).min(count);
        tp += shared;
        false_pos += count - shared;
    }
    let false_neg = truth.values().sum::<usize>() - tp;
    // Dividing by the total makes every page weigh the same; the ratios
    // below do not change, but the definition is kept as published.
    let total = (tp + false_pos + false_neg).max(1) as f64;
    let (tp, false_pos, false_neg) = (
        tp as f64 / total,
        false_pos as f64 / total,
        false_neg as f64 / total,
    );
    (
        ratio(tp, false_pos, false_neg),
        ratio(tp, false_neg, false_pos),
    )
}

/// tp/(tp+miss), with the benchmark's conventions for empty cases.
fn ratio(tp: f64, miss: f64, other: f64) -> f64 {
    if miss == 0.0 && other == 0.0 {
        1.0
    } else if tp == 0.0 && miss == 0.0 {
        0.0
    } else {
        tp / (tp + miss)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_shingles() {
        let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
        let (p, r) = page_scores("a b c d e", "a b c d e");
        assert!(close(p, 1.0) && close(r, 1.0));
        // Truth shingles: abcd, bcde. Predicted: abcd, bcdx, cdxy.
        let (p, r) = page_scores("a b c d e", "a b c d x y");
        assert!(close(p, 1.0 / 3.0) && close(r, 0.5), "{p} {r}");
        let (p, r) = page_scores("a b c d", "");
        assert!(close(p, 0.0) && close(r, 0.0));
        let (p, r) = page_scores("", "");
        assert!(close(p, 1.0) && close(r, 1.0));
        // Short texts are one shingle; case is kept.
        let (p, _) = page_scores("Two words", "two words");
        assert!(close(p, 0.0));
        assert!(close(f1(0.5, 1.0), 2.0 / 3.0));
    }
}
