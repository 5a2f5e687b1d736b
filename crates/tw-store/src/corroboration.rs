//! Stored corroboration: story membership of documents and claim groups.
//!
//! Both tables hold derived data that the corroboration stage recomputes;
//! [`Store::replace_corroboration`] swaps them in one transaction so a
//! reader never sees half of an update.

use rusqlite::{params, TransactionBehavior};

use crate::{Store, StoreError};

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
        {
            let mut insert = tx.prepare_cached(
                "INSERT INTO story_members (doc_id, story_id, role, reason, origin, ord) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for (ord, row) in stories.iter().enumerate() {
                insert.execute(params![
                    row.doc_id,
                    row.story_id,
                    row.role,
                    row.reason,
                    row.origin,
                    ord as i64
                ])?;
            }
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
        }
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
}
