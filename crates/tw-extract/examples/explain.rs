//! Print how the extractor reads a text: sentences, their attribution and
//! mentions. `cargo run -p tw-extract --example explain -- FILE [ANCHOR]`
//! (FILE holds the clean text; ANCHOR is an ISO date).

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: explain FILE [ANCHOR]");
    let text = std::fs::read_to_string(path).expect("readable file");
    let doc = tw_model::Document {
        id: "explain".into(),
        text,
        published: args.next().and_then(|a| tw_model::PublishedDate::parse(&a)),
        ..tw_model::Document::default()
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
