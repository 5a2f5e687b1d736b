use std::collections::HashMap;
use std::path::PathBuf;

use tw_corroborate::Corroborator;
use tw_model::Document;

/// The corpus, when `TW_SHARED` names the shared folder (it is never part of
/// the repository).
fn corpus() -> Option<Vec<Document>> {
    let shared = std::env::var_os("TW_SHARED")?;
    let path = PathBuf::from(shared).join("corpora/reuters21578.jsonl");
    let text = std::fs::read_to_string(&path).expect("TW_SHARED holds corpora/reuters21578.jsonl");
    Some(crate::jsonl::documents(&text))
}

/// Wire items repeated word for word under the same headline on the same
/// or the next day (repeats, and corrections that fix only the headline)
/// must land in one story, and most stories must stay alone. (The same
/// text under another headline, or days later, is not always a repeat: a
/// desk's dividend notices, port reports and central bank notices read the
/// same every time.)
#[test]
fn repeated_reuters_stories_cluster() {
    let Some(docs) = corpus() else {
        eprintln!("skipped: set TW_SHARED=/work/shared to run");
        return;
    };
    let mut corroborator = Corroborator::new();
    let batch: Vec<(&Document, &[tw_model::Claim])> = docs.iter().map(|d| (d, &[][..])).collect();
    corroborator.add_batch(&batch);
    let mut by_text: HashMap<(String, String), Vec<&Document>> = HashMap::new();
    for doc in &docs {
        let words: Vec<&str> = doc.text.split_whitespace().collect();
        if words.len() >= 10 {
            let key = (
                headline(doc.title.as_deref().unwrap_or("")),
                words.join(" "),
            );
            by_text.entry(key).or_default().push(doc);
        }
    }
    let day = |d: &Document| d.published.as_ref().map(|p| p.date_part().to_string());
    let mut checked = 0;
    for repeats in by_text.values().filter(|ids| ids.len() > 1) {
        let first = repeats[0];
        let origin = corroborator.origin_key(&first.id);
        for doc in &repeats[1..] {
            if days_between(day(first).as_deref(), day(doc).as_deref()) > 1 {
                continue;
            }
            assert_eq!(
                corroborator.origin_key(&doc.id),
                origin,
                "{} {}",
                first.id,
                doc.id
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} repeated texts");
    let clustered: usize = corroborator.stories().iter().map(|s| s.members.len()).sum();
    assert!(
        clustered < docs.len() / 4,
        "{clustered} of {} clustered",
        docs.len()
    );
}

/// A headline without the labels of a repeat or a correction, letters and
/// digits only.
fn headline(title: &str) -> String {
    let upper: String = title
        .to_uppercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    upper
        .split_whitespace()
        .filter(|w| !matches!(*w, "CORRECTED" | "RPT" | "REPEAT"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whole days between two `YYYY-MM-DD` dates (a large number when either
/// is missing).
fn days_between(a: Option<&str>, b: Option<&str>) -> i64 {
    let day = |d: &str| -> Option<i64> {
        let y: i64 = d.get(0..4)?.parse().ok()?;
        let m: i64 = d.get(5..7)?.parse().ok()?;
        let d: i64 = d.get(8..10)?.parse().ok()?;
        Some(y * 372 + m * 31 + d)
    };
    match (a.and_then(day), b.and_then(day)) {
        (Some(a), Some(b)) => (a - b).abs(),
        _ => i64::MAX,
    }
}
