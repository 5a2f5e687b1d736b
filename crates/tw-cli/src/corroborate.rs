//! The corroboration stage, run after each ingest.
//!
//! The store keeps, for every document already indexed, the record the
//! index needs of it (`tw_corroborate::DocRecord`: fingerprint, outlet,
//! citations, and the links decided when it arrived). A run restores the
//! index from those records (no text is read, nothing is compared again),
//! adds only the documents stored since (fingerprinted and compared on
//! every core),
//! and writes their records plus the rows of the stories and claim groups
//! that changed, in one transaction. When there are no records, or they
//! were written by another format version, or cannot be restored, the run
//! rebuilds everything from the documents in the order they were stored,
//! which gives the same result as adding them one run at a time.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use anyhow::{bail, Result};
use tw_corroborate::{Changes, Corroborator, DocRecord, STATE_VERSION};
use tw_model::{Claim, Document};
use tw_store::{CorroborationRecord, CorroborationUpdate, GroupRow, Store, StoryRow};

/// What a corroboration run did and what the store now holds.
#[derive(Debug, Default, Clone, Copy)]
pub struct Corroboration {
    /// Stories (of two or more documents) stored.
    pub stories: u64,
    /// Claim groups stored.
    pub groups: u64,
    /// Groups with more than one independent origin.
    pub corroborated: u64,
    /// Documents this run added to the index.
    pub added: usize,
    /// Stories this run created or changed.
    pub changed_stories: usize,
    /// Groups this run created or changed.
    pub changed_groups: usize,
    /// True when the run rebuilt the index from all documents.
    pub rebuilt: bool,
}

/// Documents added to the index together (fingerprinted and compared on
/// every core); bounds the texts held in memory at once.
const CHUNK: usize = 4096;

/// Add the documents stored since the last run; rebuild when the stored
/// state is missing, outdated or unreadable.
pub fn corroborate(store: &mut Store) -> Result<Corroboration> {
    run(store, false)
}

/// Rebuild the index and every story and group from all documents.
pub fn rebuild(store: &mut Store) -> Result<Corroboration> {
    run(store, true)
}

/// Runs at most per call: another run follows when other processes stored
/// records (this run's writes would ignore them) or documents (left for
/// later) while this one worked; the last run rebuilds if none could
/// write.
const MAX_RUNS: usize = 4;

fn run(store: &mut Store, force_rebuild: bool) -> Result<Corroboration> {
    let mut done = Corroboration::default();
    let mut rebuild = force_rebuild;
    for attempt in 1..=MAX_RUNS {
        match run_once(store, rebuild)? {
            Some(run) => {
                done = Corroboration {
                    added: done.added + run.added,
                    changed_stories: done.changed_stories + run.changed_stories,
                    changed_groups: done.changed_groups + run.changed_groups,
                    rebuilt: done.rebuilt || run.rebuilt,
                    ..run
                };
                rebuild = false;
                if !store.has_documents_to_corroborate()? {
                    break;
                }
                tracing::info!(attempt, "documents were stored meanwhile; adding them");
            }
            None => {
                tracing::info!(
                    attempt,
                    "another process updated the corroboration state meanwhile; again"
                );
                rebuild = rebuild || attempt + 1 == MAX_RUNS;
            }
        }
    }
    Ok(done)
}

/// What a run read and built on one snapshot of the store.
struct Indexed {
    corroborator: Corroborator,
    added: Vec<String>,
    restored: usize,
    rebuild: bool,
    loaded: Duration,
    clustering: Duration,
    indexed: Duration,
}

/// One run; `None` when another process stored records in the meantime
/// and nothing was written.
fn run_once(store: &mut Store, force_rebuild: bool) -> Result<Option<Corroboration>> {
    let started = Instant::now();
    let Indexed {
        mut corroborator,
        added,
        restored,
        rebuild,
        loaded,
        clustering,
        indexed,
    } = store.with_read_snapshot(|store| index(store, force_rebuild, started))?;
    let version = STATE_VERSION.to_string();

    if added.is_empty() && !rebuild {
        let counts = store.corroboration_counts()?;
        tracing::debug!(restored, "corroboration: nothing new");
        return Ok(Some(Corroboration {
            stories: counts.stories,
            groups: counts.groups,
            corroborated: counts.corroborated,
            ..Corroboration::default()
        }));
    }

    let changes = corroborator.take_changes();
    let (story_rows, group_rows, group_claims) = rows(&changes);
    let viewed = started.elapsed();
    // Records are encoded as they are written, not all held at once.
    let mut missing: Option<String> = None;
    let records = added.iter().filter_map(|id| match corroborator.record(id) {
        Some(record) => Some(CorroborationRecord {
            doc_id: id.clone(),
            seq: record.seq(),
            record: record.encode(),
        }),
        None => {
            missing.get_or_insert_with(|| id.clone());
            None
        }
    });
    let written = store.update_corroboration(
        &CorroborationUpdate {
            version: &version,
            rebuild,
            restored: restored as u64,
            story_docs: &changes.story_docs,
            stories: &story_rows,
            group_claims: &group_claims,
            groups: &group_rows,
        },
        records,
    )?;
    if let Some(id) = missing {
        bail!("{id} was added to the index but has no record");
    }
    if !written {
        return Ok(None);
    }
    let counts = store.corroboration_counts()?;
    tracing::debug!(
        rebuild,
        restored,
        added = added.len(),
        changed_stories = changes.stories.len(),
        changed_groups = changes.groups.len(),
        load_s = loaded.as_secs_f64(),
        read_s = (indexed - loaded - clustering).as_secs_f64(),
        cluster_s = clustering.as_secs_f64(),
        views_s = (viewed - indexed).as_secs_f64(),
        store_s = (started.elapsed() - viewed).as_secs_f64(),
        "corroboration timings"
    );
    Ok(Some(Corroboration {
        stories: counts.stories,
        groups: counts.groups,
        corroborated: counts.corroborated,
        added: added.len(),
        changed_stories: changes.stories.len(),
        changed_groups: changes.groups.len(),
        rebuilt: rebuild,
    }))
}

/// Restore the index from the stored records (or start afresh when
/// rebuilding, or when they cannot be used) and add the documents without
/// a record, all read from one snapshot.
fn index(store: &Store, force_rebuild: bool, started: Instant) -> Result<Indexed> {
    let version = STATE_VERSION.to_string();
    let mut claims: HashMap<String, Vec<Claim>> = HashMap::new();
    for claim in store.claims_to_corroborate()? {
        claims.entry(claim.doc_id.clone()).or_default().push(claim);
    }
    let claims_of = |id: &str| claims.get(id).map_or(&[][..], Vec::as_slice);

    let mut rebuild =
        force_rebuild || store.corroboration_version()?.as_deref() != Some(version.as_str());
    let mut corroborator = Corroborator::new();
    // Room for every stored document at once: the index then never grows
    // by copying (and holding twice) its largest tables.
    let documents = usize::try_from(store.corroboration_counts()?.documents).unwrap_or(0);
    corroborator.reserve(documents);
    let mut restored = 0usize;
    if !rebuild {
        let mut failure: Option<String> = None;
        store.for_each_corroboration_record(|doc_id, _, bytes| {
            if failure.is_some() {
                return Ok(());
            }
            let outcome = DocRecord::decode(bytes)
                .map_err(|e| e.to_string())
                .and_then(|record| {
                    corroborator
                        .restore(record, claims_of(doc_id))
                        .map_err(|e| e.to_string())
                });
            match outcome {
                Ok(()) => restored += 1,
                Err(e) => failure = Some(format!("{doc_id}: {e}")),
            }
            Ok(())
        })?;
        if let Some(reason) = failure {
            tracing::warn!(%reason, "stored corroboration state unusable; rebuilding");
            rebuild = true;
            corroborator = Corroborator::new();
            corroborator.reserve(documents);
            restored = 0;
        }
    }
    let loaded = started.elapsed();

    // The documents to add, in the order they were stored, a chunk at a
    // time: fingerprints and comparisons on every core, then the index in
    // order.
    let mut added: Vec<String> = Vec::new();
    let mut chunk: Vec<Document> = Vec::with_capacity(CHUNK);
    let mut clustering = Duration::ZERO;
    let mut add_chunk = |chunk: &mut Vec<Document>, corroborator: &mut Corroborator| {
        let started = Instant::now();
        let batch: Vec<(&Document, &[Claim])> =
            chunk.iter().map(|d| (d, claims_of(&d.id))).collect();
        corroborator.add_batch(&batch);
        added.extend(chunk.drain(..).map(|d| d.id));
        clustering += started.elapsed();
    };
    store.for_each_document_to_corroborate(rebuild, |doc| {
        chunk.push(doc);
        if chunk.len() == CHUNK {
            add_chunk(&mut chunk, &mut corroborator);
        }
        Ok(())
    })?;
    add_chunk(&mut chunk, &mut corroborator);
    Ok(Indexed {
        corroborator,
        added,
        restored,
        rebuild,
        loaded,
        clustering,
        indexed: started.elapsed(),
    })
}

/// Story rows, group rows, and the claims whose group rows they replace.
fn rows(changes: &Changes) -> (Vec<StoryRow>, Vec<GroupRow>, Vec<String>) {
    let story_rows = changes
        .stories
        .iter()
        .flat_map(|s| {
            s.members.iter().map(|m| StoryRow {
                doc_id: m.doc_id.clone(),
                story_id: s.id.clone(),
                role: m.role.as_str().to_string(),
                reason: m.reason.clone(),
                origin: m.origin.clone(),
            })
        })
        .collect();
    let mut group_rows = Vec::new();
    let mut group_claims = Vec::new();
    for g in &changes.groups {
        for m in &g.members {
            let variants: Vec<serde_json::Value> = m
                .variants
                .iter()
                .map(|v| serde_json::json!({"slot": v.slot, "here": v.here, "reference": v.reference}))
                .collect();
            group_claims.push(m.claim_id.clone());
            group_rows.push(GroupRow {
                claim_id: m.claim_id.clone(),
                group_id: g.id.clone(),
                key: g.key.clone(),
                origin: m.origin.clone(),
                reference: m.reference,
                independent_origins: g.independent_origins,
                variants: serde_json::Value::Array(variants).to_string(),
            });
        }
    }
    (story_rows, group_rows, group_claims)
}

#[cfg(test)]
mod tests {
    use tw_model::{Certainty, ClaimKind, Evidence, PublishedDate, Status};

    use super::*;

    const BODY: &str = "North Korea is preparing to open new trade offices in Vladivostok, \
        Saint Petersburg and Moscow, a source in the country told Daily NK on Tuesday, \
        adding that the offices would help expand imports of Russian wheat flour and \
        fertiliser as the two countries deepen their economic ties after the pandemic.";

    fn document(id: &str, source: &str, date: &str, text: &str) -> (Document, Vec<Claim>) {
        let doc = Document {
            id: id.into(),
            source: Some(source.into()),
            published: PublishedDate::parse(date),
            text: text.into(),
            format: "text".into(),
            origin: "test".into(),
            ..Document::default()
        };
        let mut claim = Claim::new(id, ClaimKind::Presence);
        claim.actor = Some("KP".into());
        claim.places = vec!["Vladivostok".into()];
        claim.status = Status::Planned;
        claim.certainty = Certainty::Anonymous;
        let end = text.chars().count();
        claim.evidence = vec![Evidence {
            text: text.into(),
            start: 0,
            end,
        }];
        claim.assign_id();
        (doc, vec![claim])
    }

    /// A family with a copy, a rewrite, an independent report and an
    /// unrelated story, in the order they are stored.
    fn family() -> Vec<(Document, Vec<Claim>)> {
        let mut docs = vec![
            document("origin", "Daily NK", "2022-11-04", BODY),
            document(
                "unrelated",
                "Wire",
                "2022-11-05",
                "Cocoa arrivals in Bahia rose to 155,221 bags in the week, \
                 Comissaria Smith said, with showers improving prospects for \
                 the temporao crop across the whole zone this season.",
            ),
            document(
                "copy",
                "The Diplomat",
                "2022-11-06",
                &format!("{BODY} Enjoying this article? Subscribe now."),
            ),
            document(
                "wire",
                "Wire",
                "2022-11-09",
                "A Russian official said North Korea will open a trade office \
                 in Vladivostok next year, the first of several it plans.",
            ),
            // Earlier than the origin, stored last.
            document("early", "Blog", "2022-11-03", &format!("Reposted: {BODY}")),
        ];
        // The cocoa story states no claim about the offices.
        docs[1].1.clear();
        docs
    }

    fn store_with(docs: &[(Document, Vec<Claim>)]) -> Store {
        let mut store = Store::open_in_memory().unwrap();
        for (doc, claims) in docs {
            store.insert(doc, claims, &[]).unwrap();
        }
        store
    }

    fn snapshot(store: &Store) -> (Vec<StoryRow>, Vec<GroupRow>) {
        let stories = store.story_rows().unwrap();
        let mut groups = Vec::new();
        for claim in store.claims(&tw_store::ClaimFilter::default()).unwrap() {
            groups.push(store.group_row(&claim.id).unwrap().unwrap());
        }
        groups.sort_by(|a, b| a.claim_id.cmp(&b.claim_id));
        (stories, groups)
    }

    /// Adding documents run by run gives the same stories and groups as a
    /// run over all of them, and each run adds only the new documents.
    #[test]
    fn incremental_runs_equal_a_rebuild() {
        let docs = family();
        let mut incremental = Store::open_in_memory().unwrap();
        for (i, (doc, claims)) in docs.iter().enumerate() {
            incremental.insert(doc, claims, &[]).unwrap();
            let run = corroborate(&mut incremental).unwrap();
            assert_eq!(run.added, 1, "run {i}");
            assert_eq!(run.rebuilt, i == 0, "run {i}");
        }
        // Nothing new: nothing added, nothing written.
        let idle = corroborate(&mut incremental).unwrap();
        assert_eq!((idle.added, idle.rebuilt), (0, false));

        let mut scratch = store_with(&docs);
        let full = corroborate(&mut scratch).unwrap();
        assert_eq!(full.added, docs.len());
        assert_eq!(snapshot(&incremental), snapshot(&scratch));

        // An explicit rebuild of the incremental store changes nothing.
        let before = snapshot(&incremental);
        let again = rebuild(&mut incremental).unwrap();
        assert!(again.rebuilt);
        assert_eq!(again.added, docs.len());
        assert_eq!(snapshot(&incremental), before);

        // The story holds the copies and the independent wire report; it
        // is named after the document that founded it, although an earlier
        // copy arrived later and is now its origin.
        let (stories, groups) = before;
        let story: Vec<(&str, &str, &str)> = stories
            .iter()
            .map(|r| (r.story_id.as_str(), r.doc_id.as_str(), r.role.as_str()))
            .collect();
        assert_eq!(
            story,
            vec![
                ("s_origin", "early", "origin"),
                ("s_origin", "origin", "copy"),
                ("s_origin", "copy", "copy"),
                ("s_origin", "wire", "independent"),
            ]
        );
        assert!(groups
            .iter()
            .filter(|g| g.key.starts_with("presence"))
            .all(|g| g.independent_origins == 2));
    }

    /// A new document touches only its own story and group rows.
    #[test]
    fn a_new_document_rewrites_only_what_it_changes() {
        let docs = family();
        let mut store = store_with(&docs[..2]);
        corroborate(&mut store).unwrap();
        let (doc, claims) = &docs[2];
        store.insert(doc, claims, &[]).unwrap();
        let run = corroborate(&mut store).unwrap();
        assert_eq!(run.added, 1);
        assert_eq!(run.changed_stories, 1);
        // The presence group of the origin and the copy; the cocoa
        // story's group is untouched.
        assert_eq!(run.changed_groups, 1);
        assert_eq!(run.stories, 1);
    }

    /// Records of another format version, or unreadable ones, make the run
    /// rebuild instead of failing.
    #[test]
    fn unusable_state_is_rebuilt() {
        let docs = family();
        let mut store = store_with(&docs[..3]);
        corroborate(&mut store).unwrap();
        let expected = snapshot(&store);
        store
            .update_corroboration(
                &CorroborationUpdate::records_only("0", false, 3),
                [CorroborationRecord {
                    doc_id: "copy".into(),
                    seq: 2,
                    record: vec![1, 2, 3],
                }],
            )
            .unwrap();
        let run = corroborate(&mut store).unwrap();
        assert!(run.rebuilt);
        assert_eq!(snapshot(&store), expected);
        // Right version, broken record.
        store
            .update_corroboration(
                &CorroborationUpdate::records_only(&STATE_VERSION.to_string(), false, 3),
                [CorroborationRecord {
                    doc_id: "copy".into(),
                    seq: 2,
                    record: vec![9; 40],
                }],
            )
            .unwrap();
        let run = corroborate(&mut store).unwrap();
        assert!(run.rebuilt);
        assert_eq!(snapshot(&store), expected);
    }
}
