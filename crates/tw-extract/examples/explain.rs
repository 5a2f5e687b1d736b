//! Print how the extractor reads a text: sentences, their attribution and
//! mentions. `cargo run -p tw-extract --example explain -- FILE [ANCHOR]`
//! (FILE holds the clean text; ANCHOR is an ISO date). A FILE ending in
//! `.json` holds one JSON Lines record (`title`, `text`, `published`, and
//! the rest as metadata, such as a `dateline`), read as ingest reads it.

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: explain FILE [ANCHOR]");
    let text = std::fs::read_to_string(&path).expect("readable file");
    let anchor = args.next();
    let doc = if path.ends_with(".json") {
        let mut record: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&text).expect("one JSON object");
        let mut field = |name: &str| match record.remove(name) {
            Some(serde_json::Value::String(s)) => Some(s),
            _ => None,
        };
        let text = field("text").expect("a text field");
        let title = field("title");
        let published = anchor.or_else(|| field("published"));
        tw_model::Document {
            id: field("id").unwrap_or_else(|| "explain".into()),
            text,
            title,
            published: published.and_then(|a| tw_model::PublishedDate::parse(&a)),
            metadata: record,
            ..tw_model::Document::default()
        }
    } else {
        tw_model::Document {
            id: "explain".into(),
            text,
            published: anchor.and_then(|a| tw_model::PublishedDate::parse(&a)),
            ..tw_model::Document::default()
        }
    };
    let flat = tw_extract::frames::flatten(&doc.text);
    let ctx = tw_extract::frames::Context::new(&doc, &flat);
    for (i, s) in ctx.sentences.iter().enumerate() {
        println!("[{i}] {:?}", &doc.text[s.start..s.end]);
        let a = &ctx.attributions[i];
        println!(
            "    attribution: {:?} {:?} explicit={}",
            a.certainty, a.source, a.explicit
        );
        for m in ctx.mentions.within(s.start, s.end) {
            println!("    {:?} {:?}", m.text, m.kind);
        }
    }
    for c in tw_extract::extract(&doc).claims {
        println!("{}", serde_json_line(&c));
    }
}

fn serde_json_line(c: &tw_model::Claim) -> String {
    format!(
        "{} {:?}->{:?} {:?} {:?} {:?} {:?}",
        c.kind.as_str(),
        c.exporter,
        c.importer,
        c.commodities
            .iter()
            .map(|x| x.text.as_str())
            .collect::<Vec<_>>(),
        c.status,
        c.certainty,
        c.time
    )
}
