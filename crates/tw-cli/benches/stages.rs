//! Per-stage throughput of the pipeline, in bytes of clean text per second,
//! so the slowest stage is visible.
//!
//! `cargo bench -p tw-cli --bench stages`. Input: the first 2,000 stories of
//! `$TW_CORPUS` (default `../shared/corpora/reuters21578.jsonl` beside the
//! repository, a JSON Lines file as in SPEC section 1); without it, the
//! bundled example repeated. Results are recorded in BENCHMARKS.md.

use std::path::PathBuf;

use divan::counter::BytesCount;
use divan::Bencher;
use tw_model::{Claim, Document, Mention};

fn main() {
    divan::main();
}

const STORIES: usize = 2_000;

/// The raw JSON lines of the input.
fn lines() -> &'static [String] {
    static LINES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    LINES.get_or_init(|| {
        let default = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/corpora/reuters21578.jsonl");
        let path = std::env::var_os("TW_CORPUS")
            .map(PathBuf::from)
            .unwrap_or(default);
        match std::fs::read_to_string(&path) {
            Ok(text) => text.lines().take(STORIES).map(str::to_string).collect(),
            Err(_) => {
                let example = include_str!("../../../examples/daily-nk-trade-offices.txt");
                let line =
                    serde_json::json!({"id": "example", "published": "2022-11", "text": example})
                        .to_string();
                (0..200)
                    .map(|k| line.replace("\"example\"", &format!("\"example-{k}\"")))
                    .collect()
            }
        }
    })
}

/// The documents, cleaned once.
fn documents() -> &'static [Document] {
    static DOCS: std::sync::OnceLock<Vec<Document>> = std::sync::OnceLock::new();
    DOCS.get_or_init(|| {
        lines()
            .iter()
            .filter_map(|l| tw_ingest::document_from_json_line(l, "bench").ok())
            .collect()
    })
}

fn text_bytes() -> usize {
    documents().iter().map(|d| d.text.len()).sum()
}

#[divan::bench(sample_count = 5)]
fn cleaning(b: Bencher) {
    let bytes: usize = lines().iter().map(String::len).sum();
    b.counter(BytesCount::new(bytes)).bench(|| {
        lines()
            .iter()
            .filter_map(|l| tw_ingest::document_from_json_line(l, "bench").ok())
            .count()
    });
}

#[divan::bench(sample_count = 5)]
fn sentence_splitting(b: Bencher) {
    b.counter(BytesCount::new(text_bytes())).bench(|| {
        documents()
            .iter()
            .map(|d| tw_extract::sentences::split(&d.text).len())
            .sum::<usize>()
    });
}

#[divan::bench(sample_count = 5)]
fn gazetteer_matching(b: Bencher) {
    let gazetteer = tw_gazetteer::Gazetteer::global();
    b.counter(BytesCount::new(text_bytes())).bench(|| {
        documents()
            .iter()
            .map(|d| gazetteer.find(&d.text).len())
            .sum::<usize>()
    });
}

#[divan::bench(sample_count = 5)]
fn commodity_quantity_money(b: Bencher) {
    let lexicon = tw_goods::Lexicon::global();
    b.counter(BytesCount::new(text_bytes())).bench(|| {
        documents()
            .iter()
            .map(|d| {
                let (quantities, money) = tw_goods::find_quantities_and_money(&d.text);
                lexicon.find(&d.text).len() + quantities.len() + money.len()
            })
            .sum::<usize>()
    });
}

#[divan::bench(sample_count = 5)]
fn time_normalisation(b: Bencher) {
    let anchor = tw_time::Anchor::from_iso("1987-03-26");
    b.counter(BytesCount::new(text_bytes())).bench(|| {
        documents()
            .iter()
            .map(|d| tw_time::find_times(&d.text, anchor.as_ref()).len())
            .sum::<usize>()
    });
}

#[divan::bench(sample_count = 5)]
fn claim_building(b: Bencher) {
    b.counter(BytesCount::new(text_bytes())).bench(|| {
        documents()
            .iter()
            .map(|d| tw_extract::extract(d).claims.len())
            .sum::<usize>()
    });
}

/// The documents with their claims and mentions, extracted once.
fn extracted() -> Vec<(Document, Vec<Claim>, Vec<Mention>)> {
    documents()
        .iter()
        .map(|d| {
            let e = tw_extract::extract(d);
            (d.clone(), e.claims, e.mentions)
        })
        .collect()
}

#[divan::bench(sample_count = 5)]
fn storing(b: Bencher) {
    let items = extracted();
    b.counter(BytesCount::new(text_bytes())).bench(|| {
        let mut store = tw_store::Store::open_in_memory().expect("store");
        store.insert_batch(&items).expect("insert").len()
    });
}

/// As `tradewatch ingest` writes: a new store file (WAL), batches of 512
/// written as they come, a commit every 2,048 documents.
#[divan::bench(sample_count = 5)]
fn storing_to_a_file(b: Bencher) {
    let items = extracted();
    b.counter(BytesCount::new(text_bytes()))
        .with_inputs(|| {
            let batches: Vec<Vec<_>> = items.chunks(512).map(<[_]>::to_vec).collect();
            (tempfile::tempdir().expect("temporary folder"), batches)
        })
        .bench_local_values(|(dir, batches)| {
            let mut store = tw_store::Store::open(&dir.path().join("bench.db")).expect("store");
            let mut load = store.bulk_load();
            let mut stored = 0;
            for batch in batches {
                load.write(batch).expect("write");
                if load.uncommitted() >= 2048 {
                    stored += load.commit().expect("commit").len();
                }
            }
            stored += load.commit().expect("commit").len();
            stored
        });
}
