//! The corroboration stage: after an ingest run, every stored document is
//! fingerprinted (in parallel), clustered into stories and its claims into
//! groups by `tw-corroborate`, and the result replaces the store's story and
//! group tables in one transaction.

use std::collections::HashMap;

use anyhow::Result;
use rayon::prelude::*;
use tw_corroborate::{fingerprint, Corroborator};
use tw_model::{Claim, Document};
use tw_store::{ClaimFilter, GroupRow, Store, StoryRow};

/// What corroboration found.
#[derive(Debug, Default, Clone, Copy)]
pub struct Corroboration {
    pub stories: usize,
    pub groups: usize,
    pub corroborated: usize,
}

/// Recompute stories and claim groups over the whole store.
pub fn corroborate(store: &mut Store) -> Result<Corroboration> {
    let started = std::time::Instant::now();
    let mut docs: Vec<Document> = Vec::new();
    store.for_each_document(|mut d| {
        // Only the clean text is compared: drop the raw input at once.
        d.raw = String::new();
        docs.push(d);
        Ok(())
    })?;
    // Publication order first: the earliest report is the origin.
    docs.sort_by(|a, b| {
        let key = |d: &Document| d.published.as_ref().map(|p| p.iso.clone());
        key(a)
            .is_none()
            .cmp(&key(b).is_none())
            .then(key(a).cmp(&key(b)))
            .then(a.id.cmp(&b.id))
    });
    let mut claims: HashMap<String, Vec<Claim>> = HashMap::new();
    for claim in store.claims(&ClaimFilter::default())? {
        claims.entry(claim.doc_id.clone()).or_default().push(claim);
    }
    let loaded = started.elapsed();
    let fingerprints: Vec<_> = docs.par_iter().map(|d| fingerprint(&d.text)).collect();
    let fingerprinted = started.elapsed();
    let mut corroborator = Corroborator::new();
    for (doc, fp) in docs.iter().zip(fingerprints) {
        corroborator.add_fingerprinted(doc, claims.get(&doc.id).map_or(&[][..], Vec::as_slice), fp);
    }
    let stories = corroborator.stories();
    let story_rows: Vec<StoryRow> = stories
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
    let groups = corroborator.groups();
    let mut group_rows = Vec::new();
    let mut corroborated = 0;
    for g in &groups {
        if g.independent_origins > 1 {
            corroborated += 1;
        }
        for m in &g.members {
            let variants: Vec<serde_json::Value> = m
                .variants
                .iter()
                .map(|v| serde_json::json!({"slot": v.slot, "here": v.here, "reference": v.reference}))
                .collect();
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
    let clustered = started.elapsed();
    store.replace_corroboration(&story_rows, &group_rows)?;
    tracing::debug!(
        load_s = loaded.as_secs_f64(),
        fingerprint_s = (fingerprinted - loaded).as_secs_f64(),
        cluster_s = (clustered - fingerprinted).as_secs_f64(),
        store_s = (started.elapsed() - clustered).as_secs_f64(),
        "corroboration timings"
    );
    Ok(Corroboration {
        stories: stories.len(),
        groups: groups.len(),
        corroborated,
    })
}
