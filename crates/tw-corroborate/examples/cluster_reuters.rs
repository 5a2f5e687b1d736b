//! Cluster the Reuters-21578 stories and write a sample of clustered pairs
//! for a person to check by hand.
//!
//! ```text
//! cargo run --release -p tw-corroborate --example cluster_reuters -- \
//!     /work/shared/corpora/reuters21578.jsonl /tmp/reuters-pairs.txt \
//!     [--seed N] [--sample N] [--all /tmp/all-pairs.tsv] [--check]
//! ```
//!
//! Prints the load and clustering wall times and the number of clusters;
//! writes a sample of pairs (a story's origin and one other member, drawn
//! with a seeded generator, 30 by default) with both titles and the first
//! 400 characters of each text. `--all` also writes every (origin, member)
//! pair as tab-separated values, for counting and re-judging. `--check`
//! also adds the documents one at a time and checks that the stories are
//! the same as the batch's.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::time::Instant;

use tw_corroborate::Corroborator;
use tw_model::Document;

#[path = "../tests/it/jsonl.rs"]
mod jsonl;

/// xorshift64: the same sample for the same seed on every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// The seed of the sample in `bench/corroboration-sample.md`.
const DEFAULT_SEED: u64 = 0x9e37_79b9_7f4a_7c15;
const DEFAULT_SAMPLE: usize = 30;

struct Options {
    input: String,
    output: String,
    seed: u64,
    sample: usize,
    all: Option<String>,
    check: bool,
}

fn usage() -> ! {
    eprintln!(
        "usage: cluster_reuters <reuters21578.jsonl> <pairs-output.txt> \
         [--seed N] [--sample N] [--all pairs.tsv] [--check]"
    );
    std::process::exit(2);
}

fn options() -> Options {
    let mut args = std::env::args().skip(1);
    let (Some(input), Some(output)) = (args.next(), args.next()) else {
        usage();
    };
    let mut options = Options {
        input,
        output,
        seed: DEFAULT_SEED,
        sample: DEFAULT_SAMPLE,
        all: None,
        check: false,
    };
    while let Some(flag) = args.next() {
        if flag == "--check" {
            options.check = true;
            continue;
        }
        let value = args.next().unwrap_or_else(|| usage());
        match flag.as_str() {
            "--seed" => {
                options.seed = parse_seed(&value).unwrap_or_else(|| usage());
            }
            "--sample" => options.sample = value.parse().unwrap_or_else(|_| usage()),
            "--all" => options.all = Some(value),
            _ => usage(),
        }
    }
    options
}

/// A decimal or `0x` hexadecimal seed; zero would stall xorshift.
fn parse_seed(value: &str) -> Option<u64> {
    let seed = match value.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(&hex.replace('_', ""), 16).ok()?,
        None => value.parse().ok()?,
    };
    (seed != 0).then_some(seed)
}

fn main() {
    let options = options();
    let started = Instant::now();
    let raw = std::fs::read_to_string(&options.input)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", options.input));
    let docs: Vec<Document> = jsonl::documents(&raw);
    drop(raw);
    let loaded = started.elapsed();

    let started = Instant::now();
    // Fingerprints and the comparisons with earlier documents run on every
    // core; counting, linking and grouping follow in order.
    let mut corroborator = Corroborator::new();
    let batch: Vec<(&Document, &[tw_model::Claim])> = docs.iter().map(|d| (d, &[][..])).collect();
    corroborator.add_batch(&batch);
    let stories = corroborator.stories();
    let clustering = started.elapsed();
    if options.check {
        let started = Instant::now();
        let mut one_by_one = Corroborator::new();
        for doc in &docs {
            one_by_one.add(doc, &[]);
        }
        let same = one_by_one.stories() == stories;
        println!(
            "one at a time: {:.2} s, same stories as the batch: {same}",
            started.elapsed().as_secs_f64()
        );
        assert!(same, "batch and one-at-a-time stories differ");
    }

    let clustered: usize = stories.iter().map(|s| s.members.len()).sum();
    let largest = stories.iter().map(|s| s.members.len()).max().unwrap_or(0);
    println!("documents: {}", docs.len());
    println!("load: {:.2} s", loaded.as_secs_f64());
    println!(
        "clustering: {:.2} s on {} threads",
        clustering.as_secs_f64(),
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!("clusters (2+ documents): {}", stories.len());
    println!("documents in clusters: {clustered}");
    println!("largest cluster: {largest}");

    // Every (origin, other member) pair, then a seeded sample of them.
    let pairs: Vec<(usize, usize)> = stories
        .iter()
        .enumerate()
        .flat_map(|(s, story)| (1..story.members.len()).map(move |m| (s, m)))
        .collect();
    println!("clustered pairs (origin, member): {}", pairs.len());
    let by_id: HashMap<&str, &Document> = docs.iter().map(|d| (d.id.as_str(), d)).collect();
    let title_of = |id: &str| {
        by_id
            .get(id)
            .and_then(|d| d.title.clone())
            .unwrap_or_default()
    };
    let head_of = |id: &str, chars: usize| {
        by_id
            .get(id)
            .map(|d| {
                d.text
                    .chars()
                    .take(chars)
                    .collect::<String>()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default()
    };

    if let Some(path) = &options.all {
        let mut tsv = String::from(
            "story\tmembers\torigin\tmember\trole\treason\torigin_title\tmember_title\n",
        );
        for &(s, m) in &pairs {
            let story = &stories[s];
            let (origin, member) = (&story.members[0], &story.members[m]);
            let _ = writeln!(
                tsv,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                story.id,
                story.members.len(),
                origin.doc_id,
                member.doc_id,
                member.role.as_str(),
                member.reason,
                title_of(&origin.doc_id),
                title_of(&member.doc_id),
            );
        }
        std::fs::write(path, tsv).unwrap_or_else(|e| panic!("cannot write {path}: {e}"));
        println!("wrote {} pairs to {path}", pairs.len());
    }

    let mut rng = Rng(options.seed);
    let mut picked: Vec<usize> = Vec::new();
    while picked.len() < options.sample.min(pairs.len()) {
        let i = rng.below(pairs.len());
        if !picked.contains(&i) {
            picked.push(i);
        }
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# seed {:#x}, {} of {} pairs\n",
        options.seed,
        picked.len(),
        pairs.len()
    );
    for (n, &i) in picked.iter().enumerate() {
        let (s, m) = pairs[i];
        let story = &stories[s];
        let (origin, member) = (&story.members[0], &story.members[m]);
        let _ = writeln!(
            out,
            "## pair {} (story {}, {} members)\n{} [origin] {} \"{}\"\n  {}\n{} [{}: {}] {} \"{}\"\n  {}\n",
            n + 1,
            story.id,
            story.members.len(),
            origin.doc_id,
            origin.published.as_deref().unwrap_or("?"),
            title_of(&origin.doc_id),
            head_of(&origin.doc_id, 400),
            member.doc_id,
            member.role.as_str(),
            member.reason,
            member.published.as_deref().unwrap_or("?"),
            title_of(&member.doc_id),
            head_of(&member.doc_id, 400),
        );
    }
    std::fs::write(&options.output, out)
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", options.output));
    println!("wrote {} pairs to {}", picked.len(), options.output);
}
