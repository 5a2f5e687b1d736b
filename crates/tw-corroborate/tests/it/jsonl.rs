//! Reuters JSON Lines to documents, uncleaned: the shape the corpus tests
//! and the `cluster_reuters` example (which includes this file) compare.

use tw_model::{Document, PublishedDate};

/// One document per non-empty line: id, source, date, title and text.
pub fn documents(text: &str) -> Vec<Document> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("valid JSON line");
            let field = |name: &str| v.get(name).and_then(|x| x.as_str()).map(str::to_string);
            Document {
                id: field("id").expect("every story has an id"),
                source: field("source"),
                published: field("published").as_deref().and_then(PublishedDate::parse),
                title: field("title"),
                text: field("text").unwrap_or_default(),
                ..Document::default()
            }
        })
        .collect()
}
