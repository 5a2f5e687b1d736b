//! Scoring of predicted claims against gold files, as fixed by SPEC.md
//! section 4.
//!
//! The reference scorer `shared/tools/score.py` is the ground truth: this
//! crate reproduces it figure for figure (the same unit splitting and merging,
//! the same one-to-one pairing order, the same evidence-overlap test with its
//! 25-character window tried every 8 characters, the same rounding to 4
//! decimals) so that `tradewatch eval` and the reference agree to the last
//! digit. Python semantics that matter for this (truthiness, `==` across ints,
//! floats and bools, `round`, `repr`) live in a private `py` module.
//!
//! ```ignore
//! let gold = tw_eval::load_gold_dir(Path::new("gold/reuters-dev"))?;
//! let predictions = tw_eval::parse_predictions_jsonl(&std::fs::read_to_string("pred.jsonl")?)?;
//! let report = tw_eval::score(&gold, &predictions);
//! println!("{}", report.render_text(true));
//! ```
//!
//! Apart from [`load_gold_dir`], which reads a directory, the crate does no IO.

#![deny(missing_docs)]

mod matching;
mod py;
mod report;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde_json::Value;

pub use report::{
    KindScores, Mismatch, MismatchKind, OtherMiss, Report, Side, SlotScore, TradeFlowScores,
};

use matching::{ev_texts, get, kind_of, overlaps, pair, qty_equal, units};

/// Errors from reading gold files or prediction lines.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EvalError {
    /// A file or directory could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A gold file is not valid JSON.
    #[error("invalid json in {path}: {source}")]
    GoldJson {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: serde_json::Error,
    },
    /// A gold file is valid JSON but not a gold record.
    #[error("invalid gold file {path}: {reason}")]
    GoldShape {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// Two gold files carry the same `doc_id`.
    #[error("duplicate gold doc_id {doc_id} in {first} and {second}")]
    DuplicateDocId {
        /// The doc id.
        doc_id: String,
        /// The file read first.
        first: PathBuf,
        /// The other file.
        second: PathBuf,
    },
    /// A prediction line is not a JSON object.
    #[error("invalid prediction on line {line}: {reason}")]
    Prediction {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        reason: String,
    },
}

/// One gold file (SPEC.md section 3).
#[derive(Debug, Clone, PartialEq)]
pub struct GoldDoc {
    /// The document id predictions are matched on.
    pub doc_id: String,
    /// The date relative times are resolved against, when given.
    pub anchor: Option<String>,
    /// The gold claims, as written.
    pub claims: Vec<Value>,
    /// The whole gold object (for `url`, `input`, `provenance`,
    /// `clean_text_excludes`, ...).
    pub raw: Value,
}

impl GoldDoc {
    /// A gold record from its JSON object; `reason` says what is missing.
    pub fn from_value(raw: Value) -> Result<GoldDoc, String> {
        let doc_id = match raw.get("doc_id") {
            Some(Value::String(s)) => s.clone(),
            Some(_) => return Err("doc_id is not a string".to_string()),
            None => return Err("no doc_id".to_string()),
        };
        let claims = match raw.get("claims") {
            Some(Value::Array(list)) => list.clone(),
            Some(_) => return Err("claims is not a list".to_string()),
            None => return Err("no claims".to_string()),
        };
        if let Some(k) = claims.iter().position(|c| !c.is_object()) {
            return Err(format!("claim {k} is not an object"));
        }
        let anchor = raw
            .get("anchor")
            .and_then(Value::as_str)
            .map(str::to_string);
        Ok(GoldDoc {
            doc_id,
            anchor,
            claims,
            raw,
        })
    }
}

/// Read every `*.json` file directly in `dir` (not recursive; like Python's
/// `glob`, names starting with a dot are skipped), sorted by doc id.
pub fn load_gold_dir(dir: &Path) -> Result<Vec<GoldDoc>, EvalError> {
    let io_err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| EvalError::Io { path, source }
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io_err(dir))? {
        let path = entry.map_err(io_err(dir))?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if name.starts_with('.') || !name.ends_with(".json") || !path.is_file() {
            continue;
        }
        files.push(path);
    }
    files.sort();
    let mut by_id: BTreeMap<String, (PathBuf, GoldDoc)> = BTreeMap::new();
    for path in files {
        let text = std::fs::read_to_string(&path).map_err(io_err(&path))?;
        let raw: Value = serde_json::from_str(&text).map_err(|source| EvalError::GoldJson {
            path: path.clone(),
            source,
        })?;
        let doc = GoldDoc::from_value(raw).map_err(|reason| EvalError::GoldShape {
            path: path.clone(),
            reason,
        })?;
        if let Some((first, _)) = by_id.get(&doc.doc_id) {
            return Err(EvalError::DuplicateDocId {
                doc_id: doc.doc_id,
                first: first.clone(),
                second: path,
            });
        }
        by_id.insert(doc.doc_id.clone(), (path, doc));
    }
    Ok(by_id.into_values().map(|(_, doc)| doc).collect())
}

/// Parse a predictions JSON Lines text: one claim object a line, blank lines
/// skipped.
pub fn parse_predictions_jsonl(text: &str) -> Result<Vec<Value>, EvalError> {
    let mut out = Vec::new();
    for (k, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let value: Value = serde_json::from_str(line).map_err(|e| EvalError::Prediction {
            line: k + 1,
            reason: e.to_string(),
        })?;
        if !value.is_object() {
            return Err(EvalError::Prediction {
                line: k + 1,
                reason: "not a json object".to_string(),
            });
        }
        out.push(value);
    }
    Ok(out)
}

fn ratio(num: usize, den: usize) -> Option<f64> {
    (den > 0).then(|| py::round4(num as f64 / den as f64))
}

/// Counts for one non-trade kind: [pred matched, pred, gold matched, gold].
type KindCounts = [usize; 4];

/// Compare predicted claims with gold claims of the same kind (or of any
/// non-trade kind) by evidence overlap; also list the ones without partner.
fn kind_counts(gold: &[&Value], pred: &[&Value]) -> (KindCounts, Vec<usize>, Vec<usize>) {
    let gold_ev: Vec<Vec<String>> = gold.iter().map(|c| ev_texts(get(c, "evidence"))).collect();
    let pred_ev: Vec<Vec<String>> = pred.iter().map(|c| ev_texts(get(c, "evidence"))).collect();
    // score.py always calls overlaps(predicted, gold), in that order.
    let pred_ok: Vec<bool> = pred_ev
        .iter()
        .map(|p| gold_ev.iter().any(|g| overlaps(p, g)))
        .collect();
    let gold_ok: Vec<bool> = gold_ev
        .iter()
        .map(|g| pred_ev.iter().any(|p| overlaps(p, g)))
        .collect();
    let unmatched = |ok: &[bool]| {
        ok.iter()
            .enumerate()
            .filter(|(_, o)| !**o)
            .map(|(k, _)| k)
            .collect()
    };
    (
        [
            pred_ok.iter().filter(|o| **o).count(),
            pred.len(),
            gold_ok.iter().filter(|o| **o).count(),
            gold.len(),
        ],
        unmatched(&gold_ok),
        unmatched(&pred_ok),
    )
}

/// Score `predictions` (claim objects with `doc_id`, `kind` and the export
/// record's slots) against `gold`. Only documents with a gold record are
/// scored; predictions for other documents are ignored. When two gold records
/// share a doc id the later one wins, as in score.py.
pub fn score(gold: &[GoldDoc], predictions: &[Value]) -> Report {
    let gold: BTreeMap<&str, &GoldDoc> = gold.iter().map(|g| (g.doc_id.as_str(), g)).collect();
    let mut pred: HashMap<&str, Vec<&Value>> = HashMap::new();
    for c in predictions {
        if let Some(doc) = c.get("doc_id").and_then(Value::as_str) {
            if gold.contains_key(doc) {
                pred.entry(doc).or_default().push(c);
            }
        }
    }
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    // score.py creates slot entries on first use: all four on the first pair.
    const SLOTS: [&str; 4] = ["status", "certainty", "time", "quantity"];
    let mut slot_counts = [[0usize; 2]; 4];
    let mut other: BTreeMap<String, KindCounts> = BTreeMap::new();
    let mut any_kind: KindCounts = [0; 4];
    let mut mismatches = Vec::new();
    let mut other_misses = Vec::new();
    let mut per_doc = Vec::new();
    let empty: Vec<&Value> = Vec::new();
    for (&doc, g) in &gold {
        let p = pred.get(doc).unwrap_or(&empty);
        let gu = units(&g.claims);
        let pu = units(p.iter().copied());
        let pairs = pair(&gu, &pu);
        tp += pairs.len();
        fp += pu.len() - pairs.len();
        fn_ += gu.len() - pairs.len();
        if !gu.is_empty() || !pu.is_empty() {
            per_doc.push((2 * pairs.len()) as f64 / (gu.len() + pu.len()) as f64);
        }
        let mut paired_g = vec![false; gu.len()];
        let mut paired_p = vec![false; pu.len()];
        for &(i, j) in &pairs {
            paired_g[i] = true;
            paired_p[j] = true;
            for (k, s) in SLOTS.iter().enumerate().take(3) {
                slot_counts[k][1] += 1;
                let (gv, pv) = (gu[i].slot(s), pu[j].slot(s));
                if py::eq(gv, pv) {
                    slot_counts[k][0] += 1;
                } else {
                    mismatches.push(Mismatch {
                        doc_id: doc.to_string(),
                        kind: MismatchKind::Slot {
                            slot: s.to_string(),
                            gold: gv.clone(),
                            pred: pv.clone(),
                            pred_evidence: pu[j].evidence.clone(),
                        },
                        exporter: gu[i].exporter.clone(),
                        importer: gu[i].importer.clone(),
                        commodity: gu[i].commodity.clone(),
                        evidence: gu[i].evidence.clone(),
                    });
                }
            }
            slot_counts[3][1] += 1;
            slot_counts[3][0] += usize::from(qty_equal(&gu[i].quantity, &pu[j].quantity));
        }
        let unpaired = |list: &[matching::Unit], paired: &[bool], kind: MismatchKind| {
            list.iter()
                .zip(paired)
                .filter(|(_, done)| !**done)
                .map(|(u, _)| Mismatch {
                    doc_id: doc.to_string(),
                    kind: kind.clone(),
                    exporter: u.exporter.clone(),
                    importer: u.importer.clone(),
                    commodity: u.commodity.clone(),
                    evidence: u.evidence.clone(),
                })
                .collect::<Vec<_>>()
        };
        mismatches.extend(unpaired(&gu, &paired_g, MismatchKind::FalseNegative));
        mismatches.extend(unpaired(&pu, &paired_p, MismatchKind::FalsePositive));

        // Other kinds: (kind, evidence) overlap, per kind present in the doc.
        let kinds: BTreeSet<&str> = g
            .claims
            .iter()
            .chain(p.iter().copied())
            .filter_map(kind_of)
            .filter(|k| *k != "trade_flow")
            .collect();
        for kind in kinds {
            let gk: Vec<&Value> = g
                .claims
                .iter()
                .filter(|c| kind_of(c) == Some(kind))
                .collect();
            let pk: Vec<&Value> = p
                .iter()
                .copied()
                .filter(|c| kind_of(c) == Some(kind))
                .collect();
            let (counts, missed, spurious) = kind_counts(&gk, &pk);
            let o = other.entry(kind.to_string()).or_default();
            for (acc, n) in o.iter_mut().zip(counts) {
                *acc += n;
            }
            let miss = |claims: &[&Value], idx: Vec<usize>, side: Side| {
                idx.into_iter()
                    .map(|k| OtherMiss {
                        doc_id: doc.to_string(),
                        kind: kind.to_string(),
                        side,
                        evidence: ev_texts(get(claims[k], "evidence")),
                    })
                    .collect::<Vec<_>>()
            };
            other_misses.extend(miss(&gk, missed, Side::Gold));
            other_misses.extend(miss(&pk, spurious, Side::Predicted));
        }
        // Any non-trade kind: is each non-trade claim found at all? A claim
        // without a string kind counts here, as `c.get('kind') != ...` does.
        let gk: Vec<&Value> = g
            .claims
            .iter()
            .filter(|c| kind_of(c) != Some("trade_flow"))
            .collect();
        let pk: Vec<&Value> = p
            .iter()
            .copied()
            .filter(|c| kind_of(c) != Some("trade_flow"))
            .collect();
        let (counts, _, _) = kind_counts(&gk, &pk);
        for (acc, n) in any_kind.iter_mut().zip(counts) {
            *acc += n;
        }
    }
    other.insert("any_kind".to_string(), any_kind);

    let precision = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else {
        0.0
    };
    let recall = if tp + fn_ > 0 {
        tp as f64 / (tp + fn_) as f64
    } else {
        0.0
    };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    // Plain left-to-right summation, as Python 3.11's sum() does.
    let macro_f1 = if per_doc.is_empty() {
        0.0
    } else {
        per_doc.iter().fold(0.0, |acc, x| acc + x) / per_doc.len() as f64
    };
    let slots = if slot_counts[0][1] == 0 {
        Vec::new()
    } else {
        SLOTS
            .iter()
            .zip(slot_counts)
            .map(|(s, [correct, total])| SlotScore {
                slot: s.to_string(),
                correct,
                total,
                accuracy: py::round4(correct as f64 / total as f64),
            })
            .collect()
    };
    let other = other
        .into_iter()
        .map(|(k, [pm, pn, gm, gn])| {
            let scores = KindScores {
                pred_matched: pm,
                pred: pn,
                gold_matched: gm,
                gold: gn,
                precision: ratio(pm, pn),
                recall: ratio(gm, gn),
            };
            (k, scores)
        })
        .collect();
    Report {
        docs: gold.len(),
        trade_flow: TradeFlowScores {
            tp,
            fp,
            fn_,
            precision: py::round4(precision),
            recall: py::round4(recall),
            f1: py::round4(f1),
            macro_f1: py::round4(macro_f1),
            macro_docs: per_doc.len(),
        },
        slots,
        other,
        mismatches,
        other_misses,
    }
}
