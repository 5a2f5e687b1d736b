//! Reads: documents, claims, mentions, the ingest log, counts and checks.

use rusqlite::{params, params_from_iter, OptionalExtension};
use tw_model::{Claim, ClaimKind, Document, Evidence, Mention};

use crate::codec::{claim_from_row, document_from_row, CLAIM_COLUMNS, DOCUMENT_COLUMNS};
use crate::filter::{claim_query, Select};
use crate::migrate::user_version;
use crate::{ClaimFilter, IngestLogEntry, Store, StoreError, StoreStats};

impl Store {
    /// The document with this id.
    pub fn document(&self, id: &str) -> Result<Option<Document>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {DOCUMENT_COLUMNS} FROM documents WHERE id = ?1"
        ))?;
        let mut rows = stmt.query([id])?;
        match rows.next()? {
            Some(row) => Ok(Some(document_from_row(row)?)),
            None => Ok(None),
        }
    }

    /// Documents ordered by publication date (undated last), then id; at
    /// most `limit` of them.
    pub fn documents(&self, limit: Option<usize>) -> Result<Vec<Document>, StoreError> {
        let mut documents = Vec::new();
        self.for_each_document_limited(limit, |doc| {
            documents.push(doc);
            Ok(())
        })?;
        Ok(documents)
    }

    /// Call `f` with every document, in the order of [`Store::documents`],
    /// reading one document at a time. An error from `f` stops the walk
    /// and is returned.
    pub fn for_each_document(
        &self,
        f: impl FnMut(Document) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        self.for_each_document_limited(None, f)
    }

    fn for_each_document_limited(
        &self,
        limit: Option<usize>,
        mut f: impl FnMut(Document) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        // One read transaction, so the walk sees one snapshot (unless the
        // caller is already inside one, e.g. a nested walk).
        let tx = if self.conn.is_autocommit() {
            Some(self.conn.unchecked_transaction()?)
        } else {
            None
        };
        // Sort the ids only, then fetch each document by key: sorting whole
        // rows would copy every text into the sorter.
        let limit = limit.map_or(-1, |l| i64::try_from(l).unwrap_or(i64::MAX));
        let ids: Vec<String> = self
            .conn
            .prepare_cached(
                "SELECT id FROM documents ORDER BY published IS NULL, published, id LIMIT ?1",
            )?
            .query_map([limit], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        for id in ids {
            // A document missing here would mean the snapshot broke.
            if let Some(doc) = self.document(&id)? {
                f(doc)?;
            }
        }
        if let Some(tx) = tx {
            tx.commit()?;
        }
        Ok(())
    }

    /// Claims matching `filter`, ordered by document id then position in
    /// the document, each with its evidence in order.
    pub fn claims(&self, filter: &ClaimFilter) -> Result<Vec<Claim>, StoreError> {
        let query = claim_query(filter, Select::Claims)?;
        let mut stmt = self.conn.prepare_cached(&query.sql)?;
        let mut rows = stmt.query(params_from_iter(query.values.iter()))?;
        let mut claims = Vec::new();
        while let Some(row) = rows.next()? {
            claims.push(claim_from_row(row)?);
        }
        for claim in &mut claims {
            claim.evidence = self.evidence(&claim.id)?;
        }
        Ok(claims)
    }

    /// How many claims match `filter` (its `limit` is ignored).
    pub fn count_claims(&self, filter: &ClaimFilter) -> Result<u64, StoreError> {
        let query = claim_query(filter, Select::Count)?;
        Ok(self
            .conn
            .prepare_cached(&query.sql)?
            .query_row(params_from_iter(query.values.iter()), |row| row.get(0))?)
    }

    /// The claim with this id, with its evidence.
    pub fn claim(&self, id: &str) -> Result<Option<Claim>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CLAIM_COLUMNS} FROM claims c WHERE c.id = ?1"
        ))?;
        let mut rows = stmt.query([id])?;
        let Some(row) = rows.next()? else {
            return Ok(None);
        };
        let mut claim = claim_from_row(row)?;
        claim.evidence = self.evidence(id)?;
        Ok(Some(claim))
    }

    fn evidence(&self, claim_id: &str) -> Result<Vec<Evidence>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT text, start, \"end\" FROM evidence WHERE claim_id = ?1 ORDER BY ord",
        )?;
        let evidence = stmt
            .query_map([claim_id], |row| {
                Ok(Evidence {
                    text: row.get(0)?,
                    start: row.get(1)?,
                    end: row.get(2)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(evidence)
    }

    /// The mentions of a document, in the order they were stored.
    pub fn mentions(&self, doc_id: &str) -> Result<Vec<Mention>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT doc_id, kind, text, start, \"end\", value, lat, lon FROM mentions \
             WHERE doc_id = ?1 ORDER BY id",
        )?;
        let mentions = stmt
            .query_map([doc_id], |row| {
                Ok(Mention {
                    doc_id: row.get(0)?,
                    kind: row.get(1)?,
                    text: row.get(2)?,
                    start: row.get(3)?,
                    end: row.get(4)?,
                    value: row.get(5)?,
                    lat: row.get(6)?,
                    lon: row.get(7)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(mentions)
    }

    /// The newest `limit` ingest log entries, newest first.
    pub fn ingest_log(&self, limit: usize) -> Result<Vec<IngestLogEntry>, StoreError> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut stmt = self.conn.prepare_cached(
            "SELECT origin, item, status, reason, at FROM ingest_log ORDER BY id DESC LIMIT ?1",
        )?;
        let entries = stmt
            .query_map(params![limit], |row| {
                Ok(IngestLogEntry {
                    origin: row.get(0)?,
                    item: row.get(1)?,
                    status: row.get(2)?,
                    reason: row.get(3)?,
                    at: row.get(4)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(entries)
    }

    /// Row counts.
    pub fn stats(&self) -> Result<StoreStats, StoreError> {
        let count = |sql: &str| -> Result<u64, StoreError> {
            Ok(self
                .conn
                .prepare_cached(sql)?
                .query_row([], |row| row.get(0))?)
        };
        let mut stats = StoreStats {
            schema_version: user_version(&self.conn)?,
            documents: count("SELECT count(*) FROM documents")?,
            claims: count("SELECT count(*) FROM claims")?,
            evidence: count("SELECT count(*) FROM evidence")?,
            mentions: count("SELECT count(*) FROM mentions")?,
            flagged_claims: count("SELECT count(DISTINCT claim_id) FROM claim_sanctions")?,
            skipped: count("SELECT count(*) FROM ingest_log WHERE status = 'skipped'")?,
            duplicates: count("SELECT count(*) FROM ingest_log WHERE status = 'duplicate'")?,
            ..StoreStats::default()
        };
        let mut stmt = self
            .conn
            .prepare_cached("SELECT kind, count(*) FROM claims GROUP BY kind")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let name: String = row.get(0)?;
            let kind = ClaimKind::parse(&name).ok_or(StoreError::InvalidValue {
                column: "kind",
                value: name,
            })?;
            stats.claims_by_kind.insert(kind, row.get(1)?);
        }
        Ok(stats)
    }

    /// Check the database: SQLite's own integrity check, foreign keys, the
    /// full-text index against the evidence, and the filter tables against
    /// the claims' JSON columns. `false` means something is inconsistent.
    pub fn integrity_check(&self) -> Result<bool, StoreError> {
        let sqlite_ok: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))?;
        if sqlite_ok != "ok" {
            return Ok(false);
        }
        let orphans: Option<String> = self
            .conn
            .query_row("PRAGMA foreign_key_check", [], |row| row.get(0))
            .optional()?;
        if orphans.is_some() {
            return Ok(false);
        }
        // FTS5 reports a mismatch as an error; rank 1 makes it compare the
        // index with the evidence table too, not only with itself.
        if let Err(error) = self.conn.execute(
            "INSERT INTO evidence_fts (evidence_fts, rank) VALUES ('integrity-check', 1)",
            [],
        ) {
            return match error.sqlite_error_code() {
                Some(rusqlite::ErrorCode::DatabaseCorrupt) => Ok(false),
                _ => Err(error.into()),
            };
        }
        let mismatched: i64 = self.conn.query_row(
            "SELECT count(*) FROM claims c WHERE \
             json_array_length(c.commodities) != \
                (SELECT count(*) FROM claim_commodities WHERE claim_id = c.id) \
             OR json_array_length(c.places) != \
                (SELECT count(*) FROM claim_places WHERE claim_id = c.id) \
             OR json_array_length(c.sanctions) != \
                (SELECT count(*) FROM claim_sanctions WHERE claim_id = c.id)",
            [],
            |row| row.get(0),
        )?;
        Ok(mismatched == 0)
    }
}
