use std::time::Instant;
use tw_model::{Document, PublishedDate};
fn main() {
    let raw = std::fs::read_to_string("/work/shared/corpora/reuters21578.jsonl").unwrap();
    let docs: Vec<Document> = raw.lines().map(|line| {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let field = |name: &str| v.get(name).and_then(|x| x.as_str()).map(str::to_string);
        Document { id: field("id").unwrap(), source: field("source"), published: field("published").as_deref().and_then(PublishedDate::parse), text: field("text").unwrap_or_default(), ..Document::default() }
    }).collect();
    let t = Instant::now();
    let fps: Vec<_> = docs.iter().map(|d| tw_corroborate::fingerprint(&d.text)).collect();
    println!("fingerprints {:?}", t.elapsed());
    let t = Instant::now();
    let mut c = tw_corroborate::Corroborator::new();
    for (d, fp) in docs.iter().zip(fps) { c.add_fingerprinted(d, &[], fp); }
    println!("add {:?}", t.elapsed());
    let t = Instant::now();
    let s = c.stories();
    println!("stories {:?} {}", t.elapsed(), s.len());
    let mut sizes: Vec<_> = s.iter().map(|s| (s.members.len(), s.id.clone())).collect();
    sizes.sort(); sizes.reverse();
    println!("{:?}", &sizes[..10]);
    let mut hist = [[0usize; 10]; 10];
    for st in &s { let o = tw_corroborate::fingerprint(&docs.iter().find(|d| d.id == st.members[0].doc_id).unwrap().text);
      for m in &st.members[1..] { let f = tw_corroborate::fingerprint(&docs.iter().find(|d| d.id == m.doc_id).unwrap().text);
        let (c, a) = (f.containment(&o), f.anchor_containment(&o)); hist[((c*10.0) as usize).min(9)][((a*10.0) as usize).min(9)] += 1; } }
    println!("rows containment decile, cols anchor containment decile");
    for (i, r) in hist.iter().enumerate() { println!("{i} {:?}", r); }
    for st in &s { if st.members.len() >= 20 { for m in st.members.iter().take(12) { println!("  {} {} {:?} | {}", m.doc_id, m.role.as_str(), m.reason, docs.iter().find(|d| d.id == m.doc_id).unwrap().text.chars().take(100).collect::<String>().replace('\n'," ")); } } }
}
#[allow(dead_code)]
fn unused() {}
