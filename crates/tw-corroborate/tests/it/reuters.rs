use std::collections::HashMap;
use std::path::PathBuf;

use tw_corroborate::Corroborator;
use tw_model::{Document, PublishedDate};

/// The corpus, when `TW_SHARED` names the shared folder (it is never part of
/// the repository).
fn corpus() -> Option<Vec<Document>> {
    let shared = std::env::var_os("TW_SHARED")?;
    let path = PathBuf::from(shared).join("corpora/reuters21578.jsonl");
    let text = std::fs::read_to_string(&path).expect("TW_SHARED holds corpora/reuters21578.jsonl");
    let docs = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("valid JSON line");
            let field = |name: &str| v.get(name).and_then(|x| x.as_str()).map(str::to_string);
            Document {
                id: field("id").expect("every story has an id"),
                source: field("source"),
                published: field("published").as_deref().and_then(PublishedDate::parse),
                text: field("text").unwrap_or_default(),
                ..Document::default()
            }
        })
        .collect();
    Some(docs)
}

/// Stories whose text repeats word for word (corrected and repeated wire
/// items) must land in one story, and most stories must stay alone.
#[test]
fn repeated_reuters_stories_cluster() {
    let Some(docs) = corpus() else {
        eprintln!("skipped: set TW_SHARED=/work/shared to run");
        return;
    };
    let mut corroborator = Corroborator::new();
    for doc in &docs {
        corroborator.add(doc, &[]);
    }
    let mut by_text: HashMap<String, Vec<&str>> = HashMap::new();
    for doc in &docs {
        let words: Vec<&str> = doc.text.split_whitespace().collect();
        if words.len() >= 10 {
            by_text.entry(words.join(" ")).or_default().push(&doc.id);
        }
    }
    let mut checked = 0;
    for ids in by_text.values().filter(|ids| ids.len() > 1) {
        let origin = corroborator.origin_key(ids[0]);
        for id in &ids[1..] {
            assert_eq!(corroborator.origin_key(id), origin, "{ids:?}");
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
