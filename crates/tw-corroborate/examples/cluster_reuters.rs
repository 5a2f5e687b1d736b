//! Cluster the Reuters-21578 stories and write a sample of clustered pairs
//! for a person to check by hand.
//!
//! ```text
//! cargo run --release -p tw-corroborate --example cluster_reuters -- \
//!     /work/shared/corpora/reuters21578.jsonl /tmp/reuters-pairs.txt
//! ```
//!
//! Prints the load and clustering wall times and the number of clusters;
//! writes 30 pairs (a story's origin and one other member, sampled with a
//! fixed seed) with the first 300 characters of each text.

use std::fmt::Write as _;
use std::time::Instant;

use tw_corroborate::{fingerprint, Corroborator, Fingerprint};
use tw_model::{Document, PublishedDate};

/// xorshift64 with a fixed seed: the same sample on every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

const SAMPLE: usize = 30;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(input), Some(output)) = (args.next(), args.next()) else {
        eprintln!("usage: cluster_reuters <reuters21578.jsonl> <pairs-output.txt>");
        std::process::exit(2);
    };

    let started = Instant::now();
    let raw =
        std::fs::read_to_string(&input).unwrap_or_else(|e| panic!("cannot read {input}: {e}"));
    let docs: Vec<Document> = raw
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
    drop(raw);
    let loaded = started.elapsed();

    let started = Instant::now();
    // Fingerprints are independent of each other: compute them on every
    // core, then add the documents in order (the index itself is
    // sequential).
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = docs.len().div_ceil(threads).max(1);
    let fingerprints: Vec<Fingerprint> = std::thread::scope(|scope| {
        let handles: Vec<_> = docs
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|d| fingerprint(&d.text))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("fingerprint thread"))
            .collect()
    });
    let mut corroborator = Corroborator::new();
    for (doc, fp) in docs.iter().zip(fingerprints) {
        corroborator.add_fingerprinted(doc, &[], fp);
    }
    let stories = corroborator.stories();
    let clustering = started.elapsed();

    let clustered: usize = stories.iter().map(|s| s.members.len()).sum();
    let largest = stories.iter().map(|s| s.members.len()).max().unwrap_or(0);
    println!("documents: {}", docs.len());
    println!("load: {:.2} s", loaded.as_secs_f64());
    println!("clustering: {:.2} s", clustering.as_secs_f64());
    println!("clusters (2+ documents): {}", stories.len());
    println!("documents in clusters: {clustered}");
    println!("largest cluster: {largest}");

    // Every (origin, other member) pair, then a seeded sample of them.
    let pairs: Vec<(usize, usize)> = stories
        .iter()
        .enumerate()
        .flat_map(|(s, story)| (1..story.members.len()).map(move |m| (s, m)))
        .collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut picked: Vec<usize> = Vec::new();
    while picked.len() < SAMPLE.min(pairs.len()) {
        let i = rng.below(pairs.len());
        if !picked.contains(&i) {
            picked.push(i);
        }
    }
    let by_id: std::collections::HashMap<&str, &Document> =
        docs.iter().map(|d| (d.id.as_str(), d)).collect();
    let text_of = |id: &str| {
        by_id
            .get(id)
            .map(|d| {
                d.text
                    .chars()
                    .take(300)
                    .collect::<String>()
                    .replace('\n', " ")
            })
            .unwrap_or_default()
    };
    let mut out = String::new();
    for (n, &i) in picked.iter().enumerate() {
        let (s, m) = pairs[i];
        let story = &stories[s];
        let (origin, member) = (&story.members[0], &story.members[m]);
        let _ = writeln!(
            out,
            "## pair {} (story {}, {} members)\n{} [{}] {}\n  {}\n{} [{}: {}] {}\n  {}\n",
            n + 1,
            story.id,
            story.members.len(),
            origin.doc_id,
            origin.role.as_str(),
            origin.published.as_deref().unwrap_or("?"),
            text_of(&origin.doc_id),
            member.doc_id,
            member.role.as_str(),
            member.reason,
            member.published.as_deref().unwrap_or("?"),
            text_of(&member.doc_id),
        );
    }
    std::fs::write(&output, out).unwrap_or_else(|e| panic!("cannot write {output}: {e}"));
    println!("wrote {} pairs to {output}", picked.len());
}
