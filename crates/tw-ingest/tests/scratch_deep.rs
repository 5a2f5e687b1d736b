#[test]
fn deep() {
    let mut html = String::from("<html><body>");
    html.push_str(&"<div>".repeat(100_000));
    html.push_str("deep text");
    html.push_str(&"</div>".repeat(100_000));
    let t = std::time::Instant::now();
    let doc = dom_query::Document::from(html.as_str());
    eprintln!("parsed {:?}", t.elapsed());
    let mut r = dom_smoothie::Readability::with_document(doc, None, None).unwrap();
    let a = r.parse();
    eprintln!("readability {:?} {:?}", t.elapsed(), a.map(|a| a.text_content.len()));
}
