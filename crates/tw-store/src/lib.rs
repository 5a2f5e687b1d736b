//! The embedded SQLite store of tradewatch: documents with their clean text,
//! the claims extracted from them (with evidence, commodities and sanctions
//! flags), mentions, and a log of what ingest stored or skipped and why.
//!
//! This is the only crate that contains SQL. Every value reaches SQLite as
//! a bound parameter. Writes run in `BEGIN IMMEDIATE` transactions (one
//! writer at a time, no `SQLITE_BUSY` half way through); a document is
//! stored together with its claims and mentions or not at all.
//!
//! ```no_run
//! use tw_store::{ClaimFilter, Store};
//! use tw_model::ClaimKind;
//!
//! let store = Store::open(&Store::default_path())?;
//! let flows = store.claims(&ClaimFilter {
//!     kind: Some(ClaimKind::TradeFlow),
//!     commodity: Some("27".into()), // HS chapter 27: fuels
//!     time_from: Some("1987".into()),
//!     ..ClaimFilter::default()
//! })?;
//! # Ok::<(), tw_store::StoreError>(())
//! ```
//!
//! The schema is described in the crate's README; migrations are the
//! numbered files in `migrations/`, tracked with `PRAGMA user_version`.

#![deny(missing_docs)]

mod codec;
mod corroboration;
mod error;
mod filter;
mod migrate;
mod read;
mod write;

#[cfg(test)]
mod tests;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::Connection;
use tw_model::ClaimKind;

pub use corroboration::{
    CorroborationCounts, CorroborationRecord, CorroborationUpdate, GroupRow, StoryRow,
};
pub use error::StoreError;
pub use filter::ClaimFilter;
pub use migrate::SCHEMA_VERSION;
pub use write::BulkLoad;

/// The environment variable that overrides [`Store::default_path`].
pub const DB_ENV: &str = "TRADEWATCH_DB";

/// A tradewatch database: one SQLite connection.
///
/// Open one `Store` per thread; a `Store` is `Send` but not `Sync`.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
}

/// What [`Store::insert`] did with a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InsertOutcome {
    /// The document, its claims and mentions were stored.
    Inserted,
    /// A document with the same id or the same content is already stored;
    /// nothing changed.
    Duplicate {
        /// The id of the stored document.
        existing_id: String,
    },
    /// Only from [`Store::insert_batch`]: this item was invalid and was not
    /// stored; the rest of the batch was.
    Failed {
        /// Why (the error message).
        reason: String,
    },
}

/// One row of the ingest log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestLogEntry {
    /// Where the item came from (file, feed).
    pub origin: String,
    /// Which item (line number, URL, id).
    pub item: String,
    /// `skipped`, `stored` or `duplicate`.
    pub status: String,
    /// Why, for skipped and duplicate items.
    pub reason: Option<String>,
    /// When it was logged (UTC, ISO 8601).
    pub at: String,
}

/// Row counts of a store.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoreStats {
    /// The schema version.
    pub schema_version: i64,
    /// Stored documents.
    pub documents: u64,
    /// Stored claims.
    pub claims: u64,
    /// Claims per kind; kinds without claims are absent.
    pub claims_by_kind: std::collections::BTreeMap<ClaimKind, u64>,
    /// Evidence spans.
    pub evidence: u64,
    /// Mentions.
    pub mentions: u64,
    /// Claims with at least one sanctions flag.
    pub flagged_claims: u64,
    /// Ingest log entries with status `skipped`.
    pub skipped: u64,
    /// Ingest log entries with status `duplicate`.
    pub duplicates: u64,
}

impl Store {
    /// Open (creating it and its parent folders if needed) the database at
    /// `path` and bring its schema up to date.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::CreateDir {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        Store::init(Connection::open(path)?)
    }

    /// A private database in memory, for tests and one-off runs.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        Store::init(Connection::open_in_memory()?)
    }

    fn init(mut conn: Connection) -> Result<Store, StoreError> {
        conn.busy_timeout(Duration::from_millis(5000))?;
        // Refuse a newer schema before changing anything in the file.
        let found = migrate::user_version(&conn)?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::SchemaTooNew {
                found,
                supported: SCHEMA_VERSION,
            });
        }
        // In-memory databases answer "memory"; that is fine.
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get::<_, String>(0))?;
        // WAL + NORMAL: consistent after a crash, may lose the last commits
        // on power loss, and commits do not wait for fsync.
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        // Room for the indexes' hot pages during bulk loads (a maximum, in
        // KiB; not allocated up front), and savepoint journals in memory.
        conn.pragma_update(None, "cache_size", -32768)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
        conn.set_prepared_statement_cache_capacity(64);
        migrate::migrate(&mut conn, migrate::MIGRATIONS)?;
        Ok(Store { conn })
    }

    /// `$TRADEWATCH_DB` if set, else `tradewatch.db` in the user's data
    /// folder (e.g. `~/.local/share/tradewatch/` on Linux), else
    /// `tradewatch.db` in the current folder when there is no home.
    pub fn default_path() -> PathBuf {
        path_from(std::env::var_os(DB_ENV))
    }
}

fn path_from(env: Option<OsString>) -> PathBuf {
    if let Some(path) = env.filter(|p| !p.is_empty()) {
        return PathBuf::from(path);
    }
    directories::ProjectDirs::from("org", "tradewatch", "tradewatch")
        .map(|dirs| dirs.data_dir().join("tradewatch.db"))
        .unwrap_or_else(|| PathBuf::from("tradewatch.db"))
}

#[cfg(test)]
mod path_tests {
    use super::*;

    #[test]
    fn env_overrides_the_default_path() {
        assert_eq!(
            path_from(Some("/tmp/x/tw.db".into())),
            PathBuf::from("/tmp/x/tw.db")
        );
        let default = path_from(None);
        assert_eq!(default.file_name().unwrap(), "tradewatch.db");
        assert_eq!(
            path_from(Some(OsString::new())),
            default,
            "empty means unset"
        );
    }
}
