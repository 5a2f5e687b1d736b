//! Stored corroboration: story membership of documents, claim groups, and
//! the state of the corroboration index.
//!
//! All of it is derived data. The index state (one opaque record per
//! document, in arrival order, plus a format version) lets each run add
//! only the documents stored since the last run;
//! [`Store::update_corroboration`] writes the new records and replaces the
//! rows of the stories and groups that changed, all in one transaction, so
//! a reader never sees half of an update. [`Store::replace_corroboration`]
//! swaps the story and group rows as a whole.

use rusqlite::{params, OptionalExtension, TransactionBehavior};
use tw_model::{Claim, Document};

use crate::codec::{claim_from_row, document_from_row, CLAIM_COLUMNS};
use crate::{Store, StoreError};

/// The stored index state of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorroborationRecord {
    /// The document.
    pub doc_id: String,
    /// Its arrival order in the index.
    pub seq: u32,
    /// The record, as the index encodes it.
    pub record: Vec<u8>,
}

/// One corroboration run's writes, for [`Store::update_corroboration`].
#[derive(Debug, Clone, Copy)]
pub struct CorroborationUpdate<'a> {
    /// The record format version, stored with the records.
    pub version: &'a str,
    /// Drop every stored record, story row and group row first (the run
    /// rebuilt the index from all documents).
    pub rebuild: bool,
    /// Unless rebuilding: the number of stored records the run restored.
    /// If another process stored records since, the update writes nothing
    /// (its rows would ignore that process's documents).
    pub restored: u64,
    /// Documents whose story rows are replaced by `stories` (rows of other
    /// documents stay).
    pub story_docs: &'a [String],
    /// The new rows of the changed stories, story by story, each story's
    /// rows in order (origin first).
    pub stories: &'a [StoryRow],
    /// Claims whose group rows are replaced by `groups`.
    pub group_claims: &'a [String],
    /// The new rows of the changed groups.
    pub groups: &'a [GroupRow],
}

impl<'a> CorroborationUpdate<'a> {
    /// An update that stores index records and changes no story or group
    /// row (a run whose new documents joined no story).
    pub fn records_only(version: &'a str, rebuild: bool, restored: u64) -> Self {
        CorroborationUpdate {
            version,
            rebuild,
            restored,
            story_docs: &[],
            stories: &[],
            group_claims: &[],
            groups: &[],
        }
    }
}

/// Counts of the stored corroboration.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CorroborationCounts {
    /// Stories (of two or more documents).
    pub stories: u64,
    /// Claim groups.
    pub groups: u64,
    /// Claim groups with more than one independent origin.
    pub corroborated: u64,
    /// Documents with a stored index record.
    pub indexed: u64,
    /// Stored documents.
    pub documents: u64,
}

/// The `documents` columns of [`crate::codec::DOCUMENT_COLUMNS`], with the
/// raw input left out (corroboration compares clean text only).
const LIGHT_DOCUMENT_COLUMNS: &str = "d.id, d.url, d.source, d.published, d.published_precision, \
     d.title, d.text, '' AS raw, d.provenance, d.verification_note, d.format, d.origin, d.metadata";

/// A document's place in a story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryRow {
    /// The document.
    pub doc_id: String,
    /// The story it belongs to.
    pub story_id: String,
    /// `origin`, `copy`, `derivative` or `independent`.
    pub role: String,
    /// Why (the signal that linked it).
    pub reason: String,
    /// The origin it counts under.
    pub origin: String,
}

/// A claim's place in a claim group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupRow {
    /// The claim.
    pub claim_id: String,
    /// The group.
    pub group_id: String,
    /// The key every member shares (kind and key slots).
    pub key: String,
    /// The origin this report counts under.
    pub origin: String,
    /// True for the report the others are compared with.
    pub reference: bool,
    /// Independent origins behind the group.
    pub independent_origins: usize,
    /// Slots that differ from the reference, as JSON
    /// (`[{"slot", "here", "reference"}]`).
    pub variants: String,
}

impl Store {
    /// Run `f` on one consistent snapshot of the store: every read it makes
    /// sees the same committed state, whatever other processes write in
    /// the meantime (documents, their claims and the index records are read
    /// at different moments of a corroboration run). Nested in a
    /// transaction already open, `f` simply runs in it.
    pub fn with_read_snapshot<T, E: From<StoreError>>(
        &self,
        f: impl FnOnce(&Store) -> Result<T, E>,
    ) -> Result<T, E> {
        let tx = if self.conn.is_autocommit() {
            Some(
                self.conn
                    .unchecked_transaction()
                    .map_err(|e| E::from(e.into()))?,
            )
        } else {
            None
        };
        let out = f(self)?;
        if let Some(tx) = tx {
            tx.commit().map_err(|e| E::from(e.into()))?;
        }
        Ok(out)
    }

    /// Whether some document has no stored index record.
    pub fn has_documents_to_corroborate(&self) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM documents d WHERE NOT EXISTS \
                 (SELECT 1 FROM corroboration_records r WHERE r.doc_id = d.id))",
            )?
            .query_row([], |row| row.get(0))?)
    }

    /// The format version the stored index records were written with, if
    /// any were.
    pub fn corroboration_version(&self) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT value FROM corroboration_meta WHERE key = 'version'")?
            .query_row([], |row| row.get(0))
            .optional()?)
    }

    /// Call `f` with every stored index record, in arrival order. An error
    /// from `f` stops the walk and is returned.
    pub fn for_each_corroboration_record(
        &self,
        mut f: impl FnMut(&str, u32, &[u8]) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT doc_id, seq, record FROM corroboration_records ORDER BY seq")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let doc_id: String = row.get(0)?;
            let seq: i64 = row.get(1)?;
            let seq = u32::try_from(seq).map_err(|_| StoreError::InvalidValue {
                column: "corroboration_records.seq",
                value: seq.to_string(),
            })?;
            let record = row
                .get_ref(2)?
                .as_blob()
                .map_err(|e| StoreError::InvalidValue {
                    column: "corroboration_records.record",
                    value: e.to_string(),
                })?;
            f(&doc_id, seq, record)?;
        }
        Ok(())
    }

    /// Call `f` with each document that has no stored index record (every
    /// document when `all`), in the order they were stored, without their
    /// raw input. An error from `f` stops the walk and is returned.
    pub fn for_each_document_to_corroborate(
        &self,
        all: bool,
        mut f: impl FnMut(Document) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let sql = if all {
            format!("SELECT {LIGHT_DOCUMENT_COLUMNS} FROM documents d ORDER BY d.rowid")
        } else {
            format!(
                "SELECT {LIGHT_DOCUMENT_COLUMNS} FROM documents d \
                 WHERE NOT EXISTS (SELECT 1 FROM corroboration_records r WHERE r.doc_id = d.id) \
                 ORDER BY d.rowid"
            )
        };
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            f(document_from_row(row)?)?;
        }
        Ok(())
    }

    /// Every claim, without evidence, grouped by document in the order the
    /// documents were stored and each document's claims in their order:
    /// what the corroboration index groups.
    pub fn claims_to_corroborate(&self) -> Result<Vec<Claim>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {CLAIM_COLUMNS} FROM claims c JOIN documents d ON d.id = c.doc_id \
             ORDER BY d.rowid, c.ord"
        ))?;
        let mut rows = stmt.query([])?;
        let mut claims = Vec::new();
        while let Some(row) = rows.next()? {
            claims.push(claim_from_row(row)?);
        }
        Ok(claims)
    }

    /// Write one corroboration run in one transaction: drop everything when
    /// rebuilding, store `records` (the index records of the documents the
    /// run added, taken one at a time so that they need not all be held in
    /// memory) and the version, and replace the story rows of `story_docs`
    /// and the group rows of `group_claims`. Returns `false`, writing
    /// nothing, when another process stored records since the run read
    /// them (see [`CorroborationUpdate::restored`]): the caller runs again.
    /// Rows naming a document or claim that is not stored are an error and
    /// change nothing.
    pub fn update_corroboration(
        &mut self,
        update: &CorroborationUpdate<'_>,
        records: impl IntoIterator<Item = CorroborationRecord>,
    ) -> Result<bool, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if !update.rebuild {
            let stored: u64 =
                tx.query_row("SELECT count(*) FROM corroboration_records", [], |row| {
                    row.get(0)
                })?;
            if stored != update.restored {
                return Ok(false);
            }
        }
        if update.rebuild {
            tx.execute("DELETE FROM corroboration_records", [])?;
            tx.execute("DELETE FROM story_members", [])?;
            tx.execute("DELETE FROM claim_groups", [])?;
        }
        {
            let mut insert = tx.prepare_cached(
                "INSERT OR REPLACE INTO corroboration_records (doc_id, seq, record) VALUES (?1, ?2, ?3)",
            )?;
            for r in records {
                insert.execute(params![r.doc_id, i64::from(r.seq), r.record])?;
            }
            tx.execute(
                "INSERT OR REPLACE INTO corroboration_meta (key, value) VALUES ('version', ?1)",
                [update.version],
            )?;
            let mut delete = tx.prepare_cached("DELETE FROM story_members WHERE doc_id = ?1")?;
            for doc in update.story_docs {
                delete.execute([doc])?;
            }
            insert_story_rows(&tx, update.stories)?;
            let mut delete = tx.prepare_cached("DELETE FROM claim_groups WHERE claim_id = ?1")?;
            for claim in update.group_claims {
                delete.execute([claim])?;
            }
            insert_group_rows(&tx, update.groups)?;
        }
        tx.commit()?;
        Ok(true)
    }

    /// Counts of stored stories, groups and index records.
    pub fn corroboration_counts(&self) -> Result<CorroborationCounts, StoreError> {
        let count = |sql: &str| -> Result<u64, StoreError> {
            Ok(self
                .conn
                .prepare_cached(sql)?
                .query_row([], |row| row.get(0))?)
        };
        Ok(CorroborationCounts {
            stories: count("SELECT count(DISTINCT story_id) FROM story_members")?,
            groups: count("SELECT count(DISTINCT group_id) FROM claim_groups")?,
            corroborated: count(
                "SELECT count(DISTINCT group_id) FROM claim_groups WHERE independent_origins > 1",
            )?,
            indexed: count("SELECT count(*) FROM corroboration_records")?,
            documents: count("SELECT count(*) FROM documents")?,
        })
    }

    /// Replace all story and group rows in one transaction. Rows naming a
    /// document or claim that is not stored are an error and change nothing.
    pub fn replace_corroboration(
        &mut self,
        stories: &[StoryRow],
        groups: &[GroupRow],
    ) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute("DELETE FROM story_members", [])?;
        tx.execute("DELETE FROM claim_groups", [])?;
        insert_story_rows(&tx, stories)?;
        insert_group_rows(&tx, groups)?;
        tx.commit()?;
        Ok(())
    }

    /// Every story row, story by story in stored order.
    pub fn story_rows(&self) -> Result<Vec<StoryRow>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT doc_id, story_id, role, reason, origin FROM story_members ORDER BY story_id, ord",
        )?;
        let rows = stmt.query_map([], story_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The rows of the story `doc_id` belongs to, if any.
    pub fn story_of(&self, doc_id: &str) -> Result<Vec<StoryRow>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT doc_id, story_id, role, reason, origin FROM story_members \
             WHERE story_id = (SELECT story_id FROM story_members WHERE doc_id = ?1) ORDER BY ord",
        )?;
        let rows = stmt.query_map([doc_id], story_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The group row of one claim.
    pub fn group_row(&self, claim_id: &str) -> Result<Option<GroupRow>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT claim_id, group_id, group_key, origin, reference, independent_origins, variants \
             FROM claim_groups WHERE claim_id = ?1",
        )?;
        let mut rows = stmt.query_map([claim_id], group_row)?;
        Ok(rows.next().transpose()?)
    }

    /// Every member row of a claim group.
    pub fn group_members(&self, group_id: &str) -> Result<Vec<GroupRow>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT claim_id, group_id, group_key, origin, reference, independent_origins, variants \
             FROM claim_groups WHERE group_id = ?1 ORDER BY reference DESC, claim_id",
        )?;
        let rows = stmt.query_map([group_id], group_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// Insert story rows; `ord` is each row's position within its story.
fn insert_story_rows(
    tx: &rusqlite::Transaction<'_>,
    stories: &[StoryRow],
) -> Result<(), StoreError> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO story_members (doc_id, story_id, role, reason, origin, ord) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut ord = 0i64;
    for (i, row) in stories.iter().enumerate() {
        ord = if i > 0 && stories[i - 1].story_id == row.story_id {
            ord + 1
        } else {
            0
        };
        insert.execute(params![
            row.doc_id,
            row.story_id,
            row.role,
            row.reason,
            row.origin,
            ord
        ])?;
    }
    Ok(())
}

fn insert_group_rows(
    tx: &rusqlite::Transaction<'_>,
    groups: &[GroupRow],
) -> Result<(), StoreError> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO claim_groups (claim_id, group_id, group_key, origin, reference, independent_origins, variants) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for row in groups {
        insert.execute(params![
            row.claim_id,
            row.group_id,
            row.key,
            row.origin,
            row.reference,
            row.independent_origins as i64,
            row.variants
        ])?;
    }
    Ok(())
}

fn story_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<StoryRow> {
    Ok(StoryRow {
        doc_id: row.get(0)?,
        story_id: row.get(1)?,
        role: row.get(2)?,
        reason: row.get(3)?,
        origin: row.get(4)?,
    })
}

fn group_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<GroupRow> {
    Ok(GroupRow {
        claim_id: row.get(0)?,
        group_id: row.get(1)?,
        key: row.get(2)?,
        origin: row.get(3)?,
        reference: row.get(4)?,
        independent_origins: row.get::<_, i64>(5)? as usize,
        variants: row.get(6)?,
    })
}

#[cfg(test)]
mod tests {
    use tw_model::{Claim, ClaimKind, Document, Evidence};

    use super::*;
    use crate::ClaimFilter;

    fn doc(id: &str, text: &str) -> (Document, Vec<Claim>) {
        let d = Document {
            id: id.into(),
            text: text.into(),
            format: "text".into(),
            origin: "test".into(),
            ..Document::default()
        };
        let mut c = Claim::new(id, ClaimKind::TradeFlow);
        c.evidence.push(Evidence {
            text: text.into(),
            start: 0,
            end: text.chars().count(),
        });
        c.assign_id();
        (d, vec![c])
    }

    #[test]
    fn rows_replace_as_a_whole_and_filter_by_origins() {
        let mut store = Store::open_in_memory().unwrap();
        let (a, ca) = doc("a", "Russia sold wheat to Egypt.");
        let (b, cb) = doc("b", "Egypt bought wheat from Russia, officials said.");
        store.insert(&a, &ca, &[]).unwrap();
        store.insert(&b, &cb, &[]).unwrap();
        let stories = vec![
            StoryRow {
                doc_id: "a".into(),
                story_id: "s1".into(),
                role: "origin".into(),
                reason: "earliest".into(),
                origin: "a".into(),
            },
            StoryRow {
                doc_id: "b".into(),
                story_id: "s1".into(),
                role: "independent".into(),
                reason: "same claim".into(),
                origin: "b".into(),
            },
        ];
        let group = |claim: &Claim, reference| GroupRow {
            claim_id: claim.id.clone(),
            group_id: "g1".into(),
            key: "trade_flow|RU|EG|1001".into(),
            origin: claim.doc_id.clone(),
            reference,
            independent_origins: 2,
            variants: "[]".into(),
        };
        store
            .replace_corroboration(&stories, &[group(&ca[0], true), group(&cb[0], false)])
            .unwrap();
        assert_eq!(store.story_of("b").unwrap().len(), 2);
        assert_eq!(store.group_members("g1").unwrap().len(), 2);
        assert_eq!(
            store
                .group_row(&cb[0].id)
                .unwrap()
                .unwrap()
                .independent_origins,
            2
        );
        let two = ClaimFilter {
            min_origins: Some(2),
            ..ClaimFilter::default()
        };
        assert_eq!(store.claims(&two).unwrap().len(), 2);
        // A new computation replaces the old one entirely.
        store.replace_corroboration(&stories[..1], &[]).unwrap();
        assert_eq!(store.story_rows().unwrap().len(), 1);
        assert!(store.claims(&two).unwrap().is_empty());
        // Rows for unknown documents change nothing.
        let bad = StoryRow {
            doc_id: "zz".into(),
            ..stories[0].clone()
        };
        assert!(store.replace_corroboration(&[bad], &[]).is_err());
        assert_eq!(store.story_rows().unwrap().len(), 1);
        assert!(store.integrity_check().unwrap());
    }

    fn story(doc: &str, story: &str, role: &str) -> StoryRow {
        StoryRow {
            doc_id: doc.into(),
            story_id: story.into(),
            role: role.into(),
            reason: "test".into(),
            origin: doc.into(),
        }
    }

    fn record(doc: &str, seq: u32) -> CorroborationRecord {
        CorroborationRecord {
            doc_id: doc.into(),
            seq,
            record: vec![seq as u8; 3],
        }
    }

    /// An update writes records and version, and replaces only the story
    /// and group rows it names; a rebuild drops everything first.
    #[test]
    fn updates_replace_only_what_they_name() {
        let mut store = Store::open_in_memory().unwrap();
        let mut claims = Vec::new();
        for (id, text) in [
            ("a", "Russia sold wheat to Egypt."),
            ("b", "Egypt bought wheat."),
            ("c", "Cocoa rose."),
        ] {
            let (d, c) = doc(id, text);
            store.insert(&d, &c, &[]).unwrap();
            claims.push(c[0].clone());
        }
        assert_eq!(store.corroboration_version().unwrap(), None);
        assert!(store.has_documents_to_corroborate().unwrap());
        let mut docs = Vec::new();
        store
            .for_each_document_to_corroborate(false, |d| {
                assert!(d.raw.is_empty(), "raw input is left out");
                docs.push(d.id);
                Ok(())
            })
            .unwrap();
        assert_eq!(docs, vec!["a", "b", "c"], "in the order stored");
        let loaded = store.claims_to_corroborate().unwrap();
        assert_eq!(
            loaded.iter().map(|c| c.doc_id.as_str()).collect::<Vec<_>>(),
            vec!["a", "b", "c"]
        );
        assert!(loaded.iter().all(|c| c.evidence.is_empty()));

        let group = |claim: &Claim, id: &str, origins| GroupRow {
            claim_id: claim.id.clone(),
            group_id: id.into(),
            key: "k".into(),
            origin: claim.doc_id.clone(),
            reference: false,
            independent_origins: origins,
            variants: "[]".into(),
        };
        let first = [record("a", 0), record("b", 1), record("c", 2)];
        let stories = [story("a", "s_a", "origin"), story("b", "s_a", "copy")];
        let groups = [
            group(&claims[0], "g1", 1),
            group(&claims[1], "g1", 1),
            group(&claims[2], "g2", 1),
        ];
        let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        store
            .update_corroboration(
                &CorroborationUpdate {
                    version: "v1",
                    rebuild: true,
                    restored: 0,
                    story_docs: &ids(&["a", "b"]),
                    stories: &stories,
                    group_claims: &[],
                    groups: &groups,
                },
                first,
            )
            .unwrap();
        assert_eq!(
            store.corroboration_version().unwrap().as_deref(),
            Some("v1")
        );
        let mut seen = Vec::new();
        store
            .for_each_corroboration_record(|doc, seq, bytes| {
                seen.push((doc.to_string(), seq, bytes.to_vec()));
                Ok(())
            })
            .unwrap();
        assert_eq!(seen.len(), 3);
        assert_eq!(seen[2], ("c".to_string(), 2, vec![2, 2, 2]));
        let mut pending = 0;
        store
            .for_each_document_to_corroborate(false, |_| {
                pending += 1;
                Ok(())
            })
            .unwrap();
        assert_eq!(pending, 0, "every document has a record");
        assert!(!store.has_documents_to_corroborate().unwrap());
        // Reads in one snapshot, and a nested snapshot runs in it.
        let (indexed, nested) = store
            .with_read_snapshot(|s| -> Result<_, StoreError> {
                let nested = s.with_read_snapshot(|s| s.corroboration_counts())?;
                Ok((s.corroboration_counts()?.indexed, nested.indexed))
            })
            .unwrap();
        assert_eq!((indexed, nested), (3, 3));
        let counts = store.corroboration_counts().unwrap();
        assert_eq!(
            (
                counts.stories,
                counts.groups,
                counts.corroborated,
                counts.indexed
            ),
            (1, 2, 0, 3)
        );

        // c joins the story: its rows and g1's rows change, g2's stay.
        let stories = [
            story("a", "s_a", "origin"),
            story("b", "s_a", "copy"),
            story("c", "s_a", "independent"),
        ];
        let regrouped = [group(&claims[0], "g1", 2), group(&claims[1], "g1", 2)];
        store
            .update_corroboration(
                &CorroborationUpdate {
                    version: "v1",
                    rebuild: false,
                    restored: 3,
                    story_docs: &ids(&["a", "b", "c"]),
                    stories: &stories,
                    group_claims: &[claims[0].id.clone(), claims[1].id.clone()],
                    groups: &regrouped,
                },
                [],
            )
            .unwrap();
        let rows = store.story_of("c").unwrap();
        assert_eq!(rows.len(), 3);
        // A run that restored fewer records than are stored now (another
        // process wrote in between) writes nothing.
        let stale = store
            .update_corroboration(
                &CorroborationUpdate {
                    version: "v1",
                    rebuild: false,
                    restored: 2,
                    story_docs: &ids(&["a"]),
                    stories: &[],
                    group_claims: &[],
                    groups: &[],
                },
                [],
            )
            .unwrap();
        assert!(!stale);
        assert_eq!(store.story_of("a").unwrap().len(), 3);
        assert_eq!(rows[2].role, "independent", "ordered within the story");
        assert_eq!(
            store
                .group_row(&claims[0].id)
                .unwrap()
                .unwrap()
                .independent_origins,
            2
        );
        assert_eq!(
            store.group_row(&claims[2].id).unwrap().unwrap().group_id,
            "g2"
        );
        assert_eq!(store.corroboration_counts().unwrap().corroborated, 1);

        // A rebuild drops the old state before writing the new.
        store
            .update_corroboration(
                &CorroborationUpdate::records_only("v2", true, 0),
                [record("a", 0)],
            )
            .unwrap();
        let counts = store.corroboration_counts().unwrap();
        assert_eq!((counts.stories, counts.groups, counts.indexed), (0, 0, 1));
        // A failed update changes nothing.
        assert!(store
            .update_corroboration(
                &CorroborationUpdate::records_only("v3", true, 0),
                [record("zz", 9)],
            )
            .is_err());
        assert_eq!(
            store.corroboration_version().unwrap().as_deref(),
            Some("v2")
        );
        assert_eq!(store.corroboration_counts().unwrap().indexed, 1);
        // The store is consistent after it all.
        assert!(store.integrity_check().unwrap());
    }
}
