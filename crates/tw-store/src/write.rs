//! Writes: documents with their claims and mentions, claim replacement,
//! sanctions flags and the ingest log.

use std::collections::HashSet;

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use tw_model::{Claim, Document, Mention, SanctionFlag};

use crate::codec::{json, precision_name};
use crate::filter::time_bounds;
use crate::{InsertOutcome, Store, StoreError};

/// The statuses the ingest log accepts.
const INGEST_STATUSES: [&str; 3] = ["skipped", "stored", "duplicate"];

impl Store {
    /// Store one document with its claims and mentions in one transaction.
    /// If a document with the same id or the same content hash is already
    /// stored, nothing changes and `Duplicate` names it.
    ///
    /// Every claim and mention must carry `doc.id`, and claims need
    /// distinct, non-empty ids.
    pub fn insert(
        &mut self,
        doc: &Document,
        claims: &[Claim],
        mentions: &[Mention],
    ) -> Result<InsertOutcome, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let hash = match check_document(&tx, doc, claims, mentions)? {
            Checked::Duplicate(existing_id) => return Ok(InsertOutcome::Duplicate { existing_id }),
            Checked::New { hash } => hash,
        };
        let indexed = evidence_high_water(&tx)?;
        write_document(&tx, doc, &hash, claims, mentions)?;
        index_new_evidence(&tx, indexed)?;
        tx.commit()?;
        Ok(InsertOutcome::Inserted)
    }

    /// Store many documents in one transaction: an invalid item (bad doc
    /// id, constraint violation) is reported as `Failed` and the others are
    /// stored. Errors that are not about one item (disk full, IO) roll back
    /// the whole batch and are returned.
    pub fn insert_batch(
        &mut self,
        items: &[(Document, Vec<Claim>, Vec<Mention>)],
    ) -> Result<Vec<InsertOutcome>, StoreError> {
        // First without savepoints, which cost a copy of every page an item
        // touches. Items refused before they write need none; only an item
        // failing half way through its writes (rare: e.g. a claim id taken
        // by another document) sends the batch to the savepoint path.
        match self.write_batch(items, false)? {
            Some(outcomes) => Ok(outcomes),
            None => Ok(self.write_batch(items, true)?.unwrap_or_default()),
        }
    }

    /// One batch transaction. With `savepoints`, each item's writes are in
    /// a savepoint and a failing item is rolled back alone (always `Some`);
    /// without, such a failure rolls back everything and gives `None`.
    fn write_batch(
        &mut self,
        items: &[(Document, Vec<Claim>, Vec<Mention>)],
        savepoints: bool,
    ) -> Result<Option<Vec<InsertOutcome>>, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let indexed = evidence_high_water(&tx)?;
        // Dropping the transaction on `None` rolls the batch back.
        let Some(outcomes) = write_items(&tx, items, savepoints)? else {
            return Ok(None);
        };
        index_new_evidence(&tx, indexed)?;
        tx.commit()?;
        Ok(Some(outcomes))
    }

    /// Start a bulk load: `write` each batch as it comes into one open
    /// transaction, `commit` every few thousand documents (which hands back
    /// the batches with the outcome of each item, as [`Store::insert_batch`]
    /// reports them). Much cheaper than a transaction per batch; an
    /// interrupted load keeps whole committed documents only, and dropping
    /// the load rolls back what was not committed. See `BulkLoad` in
    /// `write.rs`.
    pub fn bulk_load(&mut self) -> BulkLoad<'_> {
        BulkLoad {
            store: self,
            open: false,
            indexed: 0,
            uncommitted: Vec::new(),
            committed: Vec::new(),
        }
    }

    /// Replace every claim of document `doc_id` (after re-extraction), in
    /// one transaction.
    pub fn replace_claims(&mut self, doc_id: &str, claims: &[Claim]) -> Result<(), StoreError> {
        validate_claims(doc_id, claims)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if !document_exists(&tx, doc_id)? {
            return Err(StoreError::UnknownDocument(doc_id.to_string()));
        }
        tx.prepare_cached("DELETE FROM claims WHERE doc_id = ?1")?
            .execute([doc_id])?;
        // After the delete: new rows may reuse the ids of deleted ones.
        let indexed = evidence_high_water(&tx)?;
        insert_claims(&tx, claims)?;
        index_new_evidence(&tx, indexed)?;
        tx.commit()?;
        Ok(())
    }

    /// Set the sanctions flags of one claim (replacing any it had).
    pub fn update_sanctions(
        &mut self,
        claim_id: &str,
        flags: &[SanctionFlag],
    ) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        set_sanctions(&tx, claim_id, flags)?;
        tx.commit()?;
        Ok(())
    }

    /// Set the sanctions flags of many claims in one transaction; all or
    /// nothing.
    pub fn update_sanctions_batch(
        &mut self,
        updates: &[(String, Vec<SanctionFlag>)],
    ) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        for (claim_id, flags) in updates {
            set_sanctions(&tx, claim_id, flags)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Delete a document with its claims, evidence and mentions. Returns
    /// whether it existed.
    pub fn delete_document(&mut self, id: &str) -> Result<bool, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let deleted = tx
            .prepare_cached("DELETE FROM documents WHERE id = ?1")?
            .execute([id])?;
        tx.commit()?;
        Ok(deleted > 0)
    }

    /// Record what ingest did with many input items, as [`Store::log_ingest`]
    /// does for one, in one transaction: `(origin, item, status, reason)`.
    pub fn log_ingest_many(
        &mut self,
        entries: &[(&str, &str, &str, Option<&str>)],
    ) -> Result<(), StoreError> {
        if entries.is_empty() {
            return Ok(());
        }
        if let Some((_, _, status, _)) = entries
            .iter()
            .find(|(_, _, status, _)| !INGEST_STATUSES.contains(status))
        {
            return Err(StoreError::InvalidIngestStatus(status.to_string()));
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        {
            let mut insert = tx.prepare_cached(
                "INSERT INTO ingest_log (origin, item, status, reason) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for (origin, item, status, reason) in entries {
                insert.execute(params![origin, item, status, reason])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Record what ingest did with one input item: `status` is `skipped`,
    /// `stored` or `duplicate`; `reason` says why.
    pub fn log_ingest(
        &mut self,
        origin: &str,
        item: &str,
        status: &str,
        reason: Option<&str>,
    ) -> Result<(), StoreError> {
        if !INGEST_STATUSES.contains(&status) {
            return Err(StoreError::InvalidIngestStatus(status.to_string()));
        }
        self.conn
            .prepare_cached(
                "INSERT INTO ingest_log (origin, item, status, reason) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![origin, item, status, reason])?;
        Ok(())
    }
}

/// Write `items` inside the caller's transaction: outcomes as
/// [`Store::insert_batch`] reports them. With `savepoints`, each item's
/// writes are in a savepoint and a failing item is rolled back alone
/// (always `Some`); without, an item failing half way through its writes
/// gives `None` and the caller must roll the transaction back.
fn write_items(
    conn: &Connection,
    items: &[(Document, Vec<Claim>, Vec<Mention>)],
    savepoints: bool,
) -> Result<Option<Vec<InsertOutcome>>, StoreError> {
    let mut outcomes = Vec::with_capacity(items.len());
    // Savepoints by hand with cached statements: rusqlite's savepoint
    // helper parses its SQL anew for every item.
    let mut begin = conn.prepare_cached("SAVEPOINT item")?;
    let mut release = conn.prepare_cached("RELEASE item")?;
    let mut undo = conn.prepare_cached("ROLLBACK TO item")?;
    let failed = |error: StoreError| InsertOutcome::Failed {
        reason: error.to_string(),
    };
    for (doc, claims, mentions) in items {
        let outcome = match check_document(conn, doc, claims, mentions) {
            Err(error) if error.is_item_error() => failed(error),
            Err(error) => return Err(error),
            Ok(Checked::Duplicate(existing_id)) => InsertOutcome::Duplicate { existing_id },
            Ok(Checked::New { hash }) => {
                if savepoints {
                    begin.execute([])?;
                }
                match write_document(conn, doc, &hash, claims, mentions) {
                    Ok(()) => {
                        if savepoints {
                            release.execute([])?;
                        }
                        InsertOutcome::Inserted
                    }
                    Err(error) if error.is_item_error() && savepoints => {
                        undo.execute([])?;
                        release.execute([])?;
                        failed(error)
                    }
                    Err(error) if error.is_item_error() => return Ok(None),
                    Err(error) => return Err(error),
                }
            }
        };
        outcomes.push(outcome);
    }
    Ok(Some(outcomes))
}

/// One document with its claims and mentions, as [`Store::insert_batch`]
/// takes them.
pub type Item = (Document, Vec<Claim>, Vec<Mention>);

/// A batch of a bulk load with the outcome of each item.
pub type Written = (Vec<Item>, Vec<InsertOutcome>);

/// A bulk load ([`Store::bulk_load`]): batches are written as they come
/// into one open transaction, which the caller commits every few thousand
/// documents. A commit rewrites every index page the transaction touched,
/// so committing seldom is much cheaper than a transaction per batch, and
/// writing each batch as it arrives keeps the writer in step with whoever
/// produces the batches.
///
/// The load keeps the batches it has not committed: an item failing half
/// way through its writes (as in [`Store::insert_batch`]) rolls the open
/// transaction back, and those batches are then written again one by one,
/// each item in a savepoint. An interrupted load keeps what was committed:
/// whole documents only. Dropping a `BulkLoad` rolls back what was not
/// committed.
#[derive(Debug)]
pub struct BulkLoad<'s> {
    store: &'s mut Store,
    /// Whether a transaction is open.
    open: bool,
    /// The largest evidence id before the open transaction.
    indexed: i64,
    /// Batches written in the open transaction, with their outcomes.
    uncommitted: Vec<Written>,
    /// Batches already committed (written again after a rollback), not
    /// yet handed back by [`BulkLoad::commit`].
    committed: Vec<Written>,
}

impl BulkLoad<'_> {
    /// Write a batch in the open transaction, beginning one if none is.
    /// Errors that are not about one item (disk full, IO) roll back every
    /// batch not committed and are returned.
    pub fn write(&mut self, items: Vec<Item>) -> Result<(), StoreError> {
        if !self.open {
            let conn = &self.store.conn;
            conn.prepare_cached("BEGIN IMMEDIATE")?.execute([])?;
            self.open = true;
            match evidence_high_water(conn) {
                Ok(indexed) => self.indexed = indexed,
                Err(error) => {
                    self.rollback();
                    return Err(error);
                }
            }
        }
        match write_items(&self.store.conn, &items, false) {
            Ok(Some(outcomes)) => {
                self.uncommitted.push((items, outcomes));
                Ok(())
            }
            Ok(None) => {
                // An item failed half way: write everything not committed
                // again, one savepoint per item.
                let mut batches = std::mem::take(&mut self.uncommitted);
                batches.push((items, Vec::new()));
                self.rollback();
                for (items, outcomes) in &mut batches {
                    *outcomes = self.store.insert_batch(items)?;
                }
                self.committed.append(&mut batches);
                Ok(())
            }
            Err(error) => {
                self.rollback();
                Err(error)
            }
        }
    }

    /// Documents written since the last commit.
    pub fn uncommitted(&self) -> usize {
        self.uncommitted.iter().map(|(items, _)| items.len()).sum()
    }

    /// Commit the open transaction, if one is open, and hand back every
    /// batch stored since the last commit, in the order written, with the
    /// outcome of each item.
    pub fn commit(&mut self) -> Result<Vec<Written>, StoreError> {
        if self.open {
            index_new_evidence(&self.store.conn, self.indexed)?;
            self.store.conn.prepare_cached("COMMIT")?.execute([])?;
            self.open = false;
        }
        let mut done = std::mem::take(&mut self.committed);
        done.append(&mut self.uncommitted);
        Ok(done)
    }

    /// The store, for other writes; commit first, or they join the open
    /// transaction.
    pub fn store(&mut self) -> &mut Store {
        self.store
    }

    /// Roll the open transaction back, with the batches written in it.
    fn rollback(&mut self) {
        self.open = false;
        self.uncommitted.clear();
        // An IO error may have ended the transaction already; nothing
        // more can be done about a failing rollback.
        if !self.store.conn.is_autocommit() {
            let _ = self.store.conn.execute_batch("ROLLBACK");
        }
    }
}

impl Drop for BulkLoad<'_> {
    fn drop(&mut self) {
        if self.open {
            self.rollback();
        }
    }
}

/// Check what can be checked without the database, so a bad item fails
/// before it touches a table.
fn validate(doc: &Document, claims: &[Claim], mentions: &[Mention]) -> Result<(), StoreError> {
    if doc.id.is_empty() {
        return Err(StoreError::EmptyDocumentId);
    }
    validate_claims(&doc.id, claims)?;
    for (index, mention) in mentions.iter().enumerate() {
        if mention.doc_id != doc.id {
            return Err(StoreError::DocIdMismatch {
                what: format!("mention {index}"),
                found: mention.doc_id.clone(),
                expected: doc.id.clone(),
            });
        }
    }
    Ok(())
}

fn validate_claims(doc_id: &str, claims: &[Claim]) -> Result<(), StoreError> {
    let mut seen = HashSet::with_capacity(claims.len());
    for claim in claims {
        if claim.doc_id != doc_id {
            return Err(StoreError::DocIdMismatch {
                what: format!("claim {}", claim.id),
                found: claim.doc_id.clone(),
                expected: doc_id.to_string(),
            });
        }
        if claim.id.is_empty() {
            return Err(StoreError::EmptyClaimId {
                doc_id: doc_id.to_string(),
            });
        }
        if !seen.insert(claim.id.as_str()) {
            return Err(StoreError::DuplicateClaimId {
                id: claim.id.clone(),
                doc_id: doc_id.to_string(),
            });
        }
    }
    Ok(())
}

/// The largest evidence id: rows added later in the transaction have
/// larger ids, and [`index_new_evidence`] indexes them.
fn evidence_high_water(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn
        .prepare_cached("SELECT coalesce(max(id), 0) FROM evidence")?
        .query_row([], |row| row.get(0))?)
}

/// Add the evidence rows after `high_water` to the full-text index, in one
/// statement (see the note in `migrations/0001_init.sql`).
fn index_new_evidence(conn: &Connection, high_water: i64) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO evidence_fts (rowid, text) SELECT id, text FROM evidence WHERE id > ?1",
    )?
    .execute([high_water])?;
    Ok(())
}

fn document_exists(conn: &Connection, id: &str) -> Result<bool, StoreError> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM documents WHERE id = ?1")?
        .query_row([id], |_| Ok(()))
        .optional()?
        .is_some())
}

/// What [`check_document`] found.
enum Checked {
    /// The id of the stored document this one duplicates.
    Duplicate(String),
    /// A new document, with its content hash (computed once: hashing is a
    /// visible share of a bulk load).
    New { hash: String },
}

/// Everything that can refuse a document before it is written: the
/// checks of [`validate`], then the duplicate check.
fn check_document(
    conn: &Connection,
    doc: &Document,
    claims: &[Claim],
    mentions: &[Mention],
) -> Result<Checked, StoreError> {
    validate(doc, claims, mentions)?;
    let hash = doc.content_hash();
    // The id match comes first so a re-ingested document names itself.
    let existing = conn
        .prepare_cached(
            "SELECT id FROM documents WHERE id = ?1 \
             UNION ALL SELECT id FROM documents WHERE content_hash = ?2 LIMIT 1",
        )?
        .query_row(params![doc.id, hash], |row| row.get(0))
        .optional()?;
    Ok(match existing {
        Some(id) => Checked::Duplicate(id),
        None => Checked::New { hash },
    })
}

/// Write one checked document inside the caller's transaction. On error
/// the caller must roll back: some rows may be written.
fn write_document(
    conn: &Connection,
    doc: &Document,
    hash: &str,
    claims: &[Claim],
    mentions: &[Mention],
) -> Result<(), StoreError> {
    let (published, precision) = match &doc.published {
        Some(date) => (
            Some(date.iso.as_str()),
            Some(precision_name(date.precision)),
        ),
        None => (None, None),
    };
    conn.prepare_cached(
        "INSERT INTO documents (id, url, source, published, published_precision, title, text, \
         raw, provenance, verification_note, format, origin, metadata, content_hash) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        doc.id,
        doc.url,
        doc.source,
        published,
        precision,
        doc.title,
        doc.text,
        doc.raw,
        json("provenance", serde_json::to_string(&doc.provenance))?,
        doc.verification_note,
        doc.format,
        doc.origin,
        json("metadata", serde_json::to_string(&doc.metadata))?,
        hash,
    ])?;

    let mut insert_mention = conn.prepare_cached(
        "INSERT INTO mentions (doc_id, kind, text, start, \"end\", value, lat, lon) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for m in mentions {
        insert_mention.execute(params![
            m.doc_id, m.kind, m.text, m.start, m.end, m.value, m.lat, m.lon
        ])?;
    }
    insert_claims(conn, claims)
}

/// Insert claims (already validated) with their evidence and filter rows.
fn insert_claims(conn: &Connection, claims: &[Claim]) -> Result<(), StoreError> {
    let mut insert_claim = conn.prepare_cached(
        "INSERT INTO claims (id, doc_id, ord, kind, exporter, importer, actor, target, speaker, \
         venue, destination, time, time_text, time_start, time_end, status, certainty, \
         unverified, source, quantity, value, commodities, places, organisations, sanctions) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, \
         ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)",
    )?;
    let mut insert_commodity = conn.prepare_cached(
        "INSERT INTO claim_commodities (claim_id, ord, text, hs, folded) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut insert_place =
        conn.prepare_cached("INSERT INTO claim_places (claim_id, ord, place) VALUES (?1, ?2, ?3)")?;
    let mut insert_evidence = conn.prepare_cached(
        "INSERT INTO evidence (claim_id, ord, start, \"end\", text) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (ord, c) in claims.iter().enumerate() {
        let bounds = c.time.as_deref().and_then(time_bounds);
        let (time_start, time_end) = match &bounds {
            Some((start, end)) => (Some(start.as_str()), Some(end.as_str())),
            None => (None, None),
        };
        let quantity = c
            .quantity
            .as_ref()
            .map(|q| json("quantity", serde_json::to_string(q)))
            .transpose()?;
        let value = c
            .value
            .as_ref()
            .map(|v| json("value", serde_json::to_string(v)))
            .transpose()?;
        insert_claim.execute(params![
            c.id,
            c.doc_id,
            ord,
            c.kind.as_str(),
            c.exporter,
            c.importer,
            c.actor,
            c.target,
            c.speaker,
            c.venue,
            c.destination,
            c.time,
            c.time_text,
            time_start,
            time_end,
            c.status.as_str(),
            c.certainty.as_str(),
            c.unverified,
            c.source,
            quantity,
            value,
            json("commodities", serde_json::to_string(&c.commodities))?,
            json("places", serde_json::to_string(&c.places))?,
            json("organisations", serde_json::to_string(&c.organisations))?,
            json("sanctions", serde_json::to_string(&c.sanctions))?,
        ])?;
        for (i, commodity) in c.commodities.iter().enumerate() {
            insert_commodity.execute(params![
                c.id,
                i,
                commodity.text,
                commodity.hs,
                commodity.text.to_lowercase()
            ])?;
        }
        for (i, place) in c.places.iter().enumerate() {
            insert_place.execute(params![c.id, i, place])?;
        }
        for (i, e) in c.evidence.iter().enumerate() {
            insert_evidence.execute(params![c.id, i, e.start, e.end, e.text])?;
        }
        insert_sanction_rows(conn, &c.id, &c.sanctions)?;
    }
    Ok(())
}

fn insert_sanction_rows(
    conn: &Connection,
    claim_id: &str,
    flags: &[SanctionFlag],
) -> Result<(), StoreError> {
    let mut insert = conn.prepare_cached(
        "INSERT INTO claim_sanctions (claim_id, ord, measure) VALUES (?1, ?2, ?3)",
    )?;
    for (i, flag) in flags.iter().enumerate() {
        insert.execute(params![claim_id, i, flag.measure])?;
    }
    Ok(())
}

fn set_sanctions(
    conn: &Connection,
    claim_id: &str,
    flags: &[SanctionFlag],
) -> Result<(), StoreError> {
    let updated = conn
        .prepare_cached("UPDATE claims SET sanctions = ?2 WHERE id = ?1")?
        .execute(params![
            claim_id,
            json("sanctions", serde_json::to_string(flags))?
        ])?;
    if updated == 0 {
        return Err(StoreError::UnknownClaim(claim_id.to_string()));
    }
    conn.prepare_cached("DELETE FROM claim_sanctions WHERE claim_id = ?1")?
        .execute([claim_id])?;
    insert_sanction_rows(conn, claim_id, flags)
}

#[cfg(test)]
mod tests {
    use tw_model::{ClaimKind, Evidence};

    use super::*;

    fn doc(id: &str, text: &str) -> Document {
        Document {
            id: id.to_string(),
            url: None,
            source: Some("Reuters".into()),
            published: None,
            title: None,
            text: text.to_string(),
            raw: text.to_string(),
            provenance: vec![],
            verification_note: None,
            format: "jsonl".into(),
            origin: format!("corpus.jsonl:{id}"),
            metadata: serde_json::Map::new(),
        }
    }

    fn item(id: &str, text: &str) -> (Document, Vec<Claim>, Vec<Mention>) {
        let mut claim = Claim::new(id, ClaimKind::Event);
        claim.evidence.push(Evidence {
            text: text.to_string(),
            start: 0,
            end: text.chars().count(),
        });
        claim.assign_id();
        let mention = Mention {
            doc_id: id.to_string(),
            kind: "country".into(),
            text: text.to_string(),
            start: 0,
            end: text.chars().count(),
            value: Some("KP".into()),
            lat: None,
            lon: None,
        };
        (doc(id, text), vec![claim], vec![mention])
    }

    fn outcomes(written: &[Written]) -> Vec<Vec<InsertOutcome>> {
        written.iter().map(|(_, o)| o.clone()).collect()
    }

    #[test]
    fn a_bulk_load_stores_its_batches_when_committed() {
        let mut store = Store::open_in_memory().unwrap();
        let mut load = store.bulk_load();
        load.write(vec![item("d1", "One."), item("d2", "Two.")])
            .unwrap();
        // A later batch sees the uncommitted documents.
        load.write(vec![item("d3", "One.")]).unwrap();
        assert_eq!(load.uncommitted(), 3);
        let done = load.commit().unwrap();
        assert_eq!(
            outcomes(&done),
            [
                vec![InsertOutcome::Inserted; 2],
                vec![InsertOutcome::Duplicate {
                    existing_id: "d1".into()
                }]
            ]
        );
        assert_eq!(done[1].0[0].0.id, "d3");
        assert_eq!(load.uncommitted(), 0);
        assert!(load.commit().unwrap().is_empty(), "nothing open");
        drop(load);
        let stats = store.stats().unwrap();
        assert_eq!((stats.documents, stats.claims, stats.mentions), (2, 2, 2));
        // The evidence went into the full-text index at the commit.
        let found = store
            .claims(&crate::ClaimFilter {
                text: Some("Two".into()),
                ..crate::ClaimFilter::default()
            })
            .unwrap();
        assert_eq!(found.len(), 1);
        assert!(store.integrity_check().unwrap());
    }

    #[test]
    fn an_uncommitted_bulk_load_leaves_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        store.insert_batch(&[item("d0", "Zero.")]).unwrap();
        let mut load = store.bulk_load();
        load.write(vec![item("d1", "One.")]).unwrap();
        drop(load);
        let stats = store.stats().unwrap();
        assert_eq!((stats.documents, stats.claims, stats.mentions), (1, 1, 1));
        assert!(store.integrity_check().unwrap());
    }

    #[test]
    fn a_half_written_item_sends_the_uncommitted_batches_item_by_item() {
        let mut store = Store::open_in_memory().unwrap();
        let taken = item("d0", "Zero.");
        store.insert_batch(std::slice::from_ref(&taken)).unwrap();
        let mut load = store.bulk_load();
        load.write(vec![item("d1", "One.")]).unwrap();
        // Fails inside SQLite after its document row was written: its
        // claim id belongs to d0.
        let mut stolen = taken.1[0].clone();
        stolen.doc_id = "d2".into();
        let bad = (doc("d2", "Two."), vec![stolen], vec![]);
        load.write(vec![item("d3", "Three."), bad]).unwrap();
        assert_eq!(load.uncommitted(), 0, "written again and committed");
        load.write(vec![item("d4", "Four.")]).unwrap();
        let done = load.commit().unwrap();
        let got = outcomes(&done);
        assert_eq!(got.len(), 3);
        assert_eq!(got[0], [InsertOutcome::Inserted]);
        assert_eq!(got[1][0], InsertOutcome::Inserted);
        assert!(matches!(got[1][1], InsertOutcome::Failed { .. }), "{got:?}");
        assert_eq!(got[2], [InsertOutcome::Inserted]);
        drop(load);
        assert_eq!(store.stats().unwrap().documents, 4);
        assert_eq!(store.document("d2").unwrap(), None);
        assert!(store.integrity_check().unwrap());
    }

    #[test]
    fn many_log_entries_go_in_together_and_in_order() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .log_ingest_many(&[
                ("a.jsonl", "line 1", "duplicate", Some("same as d0")),
                ("a.jsonl", "line 2", "skipped", Some("no text")),
            ])
            .unwrap();
        assert!(matches!(
            store.log_ingest_many(&[
                ("a.jsonl", "line 3", "stored", None),
                ("a.jsonl", "line 4", "lost", None),
            ]),
            Err(StoreError::InvalidIngestStatus(_))
        ));
        store.log_ingest_many(&[]).unwrap();
        let log = store.ingest_log(10).unwrap();
        let items: Vec<&str> = log.iter().map(|e| e.item.as_str()).collect();
        assert_eq!(
            items,
            ["line 2", "line 1"],
            "newest first, nothing of the refused call"
        );
    }
}
