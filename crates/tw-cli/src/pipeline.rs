//! The ingest pipeline: sources → clean → extract (in parallel) → flag →
//! store (one batched writer).
//!
//! Items stream from `tw-ingest`; they are extracted in batches on every
//! core with rayon, checked against the sanctions measures, and written by
//! the single store connection as they come, into a transaction committed
//! every [`COMMIT_EVERY`] documents (an item that fails half way makes the
//! store redo the uncommitted batches one savepoint per item), so an
//! interrupted run leaves only whole documents.

use std::path::PathBuf;

use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use tw_ingest::{IngestOptions, Item};
use tw_model::{Claim, Document, Mention};
use tw_sanctions::MeasureSet;
use tw_store::{InsertOutcome, Store};

/// Documents extracted per batch: large enough to keep both cores busy,
/// small enough to bound memory.
const BATCH: usize = 512;

/// Documents written between two commits. A commit rewrites every index
/// page its transaction touched, and the mention indexes are touched all
/// over by any batch: committing every few batches costs much less than a
/// commit per batch. An interrupted run loses at most these (whole)
/// documents, which are held in memory until committed.
const COMMIT_EVERY: usize = 2048;

/// One extracted document.
type Extraction = (Document, Vec<Claim>, Vec<Mention>);

/// A stored batch with the outcome of each document.
type Written = (Vec<Extraction>, Vec<InsertOutcome>);

/// What an ingest run did.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    pub stored: usize,
    pub duplicates: usize,
    pub skipped: usize,
    pub claims: usize,
    pub skipped_reasons: Vec<(String, String)>,
}

/// Extract and flag one document.
pub fn process(doc: &Document, measures: &MeasureSet) -> (Vec<Claim>, Vec<Mention>) {
    let extraction = tw_extract::extract(doc);
    let mut claims = extraction.claims;
    for claim in &mut claims {
        claim.sanctions = measures.flag(claim);
    }
    (claims, extraction.mentions)
}

/// What the reader hands on: documents to extract, or items it skipped.
enum Read {
    Documents(Vec<Document>),
    Skipped(String, String),
}

/// What the extractor hands on to the writer.
enum Extracted {
    Documents(Vec<Extraction>),
    Skipped(String, String),
}

/// Ingest `paths` into `store`, with a progress bar on a terminal.
/// `keep` filters documents by id before extraction (used by `eval`).
///
/// Three stages overlap: a reader thread parses and cleans, the rayon pool
/// extracts each batch on every core, and this thread writes. Bounded
/// channels keep memory flat however large the input.
pub fn ingest(
    store: &mut Store,
    paths: &[PathBuf],
    opts: &IngestOptions,
    keep: Option<&(dyn Fn(&Document) -> bool + Sync)>,
    progress: bool,
) -> Result<Summary> {
    let measures = MeasureSet::builtin()?;
    let bar = if progress {
        ProgressBar::new_spinner()
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} {elapsed_precise} {pos} documents ({per_sec}) {msg}",
        )
        .expect("valid template"),
    );
    let mut summary = Summary::default();
    std::thread::scope(|scope| -> Result<()> {
        // Reading is several times faster than extracting: one batch in
        // hand is enough. Two extracted batches cover the writer's commits.
        let (read_tx, read_rx) = std::sync::mpsc::sync_channel::<Read>(1);
        let (done_tx, done_rx) = std::sync::mpsc::sync_channel::<Extracted>(2);
        scope.spawn(move || {
            let mut batch: Vec<Document> = Vec::with_capacity(BATCH);
            for item in tw_ingest::ingest_paths(paths, opts) {
                let sent = match item {
                    Item::Document(doc) => {
                        if keep.is_some_and(|k| !k(&doc)) {
                            continue;
                        }
                        batch.push(*doc);
                        if batch.len() < BATCH {
                            continue;
                        }
                        read_tx.send(Read::Documents(std::mem::take(&mut batch)))
                    }
                    Item::Skipped { origin, reason } => read_tx.send(Read::Skipped(origin, reason)),
                };
                if sent.is_err() {
                    return; // the writer stopped on an error
                }
            }
            if !batch.is_empty() {
                let _ = read_tx.send(Read::Documents(batch));
            }
        });
        let measures = &measures;
        scope.spawn(move || {
            // Build the extractors' tables (automata, lexicons) while the
            // reader fills the first batch, rather than on one core while
            // the other waits for them.
            process(&Document::default(), measures);
            for read in read_rx {
                let out = match read {
                    Read::Documents(docs) => Extracted::Documents(
                        docs.into_par_iter()
                            .map(|doc| {
                                let (claims, mentions) = process(&doc, measures);
                                (doc, claims, mentions)
                            })
                            .collect(),
                    ),
                    Read::Skipped(origin, reason) => Extracted::Skipped(origin, reason),
                };
                if done_tx.send(out).is_err() {
                    return;
                }
            }
        });
        let mut load = store.bulk_load();
        for extracted in done_rx {
            match extracted {
                Extracted::Documents(items) => {
                    load.write(items)?;
                    if load.uncommitted() >= COMMIT_EVERY {
                        let done = load.commit()?;
                        settle(load.store(), done, &mut summary)?;
                    }
                }
                Extracted::Skipped(origin, reason) => {
                    let done = load.commit()?;
                    let store = load.store();
                    settle(store, done, &mut summary)?;
                    tracing::warn!(%origin, %reason, "skipped");
                    store.log_ingest(&origin, &origin, "skipped", Some(&reason))?;
                    summary.skipped += 1;
                    summary.skipped_reasons.push((origin, reason));
                }
            }
            bar.set_position((summary.stored + summary.duplicates + summary.skipped) as u64);
        }
        let done = load.commit()?;
        settle(load.store(), done, &mut summary)?;
        Ok(())
    })?;
    bar.finish_and_clear();
    Ok(summary)
}

/// Count what happened to each document of the committed batches and log
/// the duplicates and failures, in input order.
fn settle(store: &mut Store, done: Vec<Written>, summary: &mut Summary) -> Result<()> {
    let mut log: Vec<(&str, &str, &'static str, String)> = Vec::new();
    for (items, outcomes) in &done {
        for ((doc, claims, _), outcome) in items.iter().zip(outcomes) {
            match outcome {
                InsertOutcome::Inserted => {
                    summary.stored += 1;
                    summary.claims += claims.len();
                }
                InsertOutcome::Duplicate { existing_id } => {
                    summary.duplicates += 1;
                    tracing::debug!(id = %doc.id, existing = %existing_id, "duplicate content, nothing changed");
                    log.push((
                        &doc.origin,
                        &doc.id,
                        "duplicate",
                        format!("same content as {existing_id}"),
                    ));
                }
                InsertOutcome::Failed { reason } => {
                    tracing::warn!(id = %doc.id, %reason, "not stored");
                    log.push((&doc.origin, &doc.id, "skipped", reason.clone()));
                    summary.skipped += 1;
                    summary
                        .skipped_reasons
                        .push((doc.origin.clone(), reason.clone()));
                }
            }
        }
    }
    let entries: Vec<(&str, &str, &str, Option<&str>)> = log
        .iter()
        .map(|(origin, item, status, reason)| (*origin, *item, *status, Some(reason.as_str())))
        .collect();
    store.log_ingest_many(&entries)?;
    Ok(())
}
