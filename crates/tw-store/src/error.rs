//! The store's error type.

use std::path::PathBuf;

/// Everything that can go wrong opening, writing or reading the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// SQLite reported an error (including disk full and busy).
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The folder for the database file could not be created.
    #[error("cannot create directory {path}: {source}")]
    CreateDir {
        /// The folder.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The database was written by a newer tradewatch.
    #[error(
        "database schema version {found} is newer than this program supports ({supported}); \
         use a newer tradewatch"
    )]
    SchemaTooNew {
        /// The database's `user_version`.
        found: i64,
        /// The newest version this code knows.
        supported: i64,
    },
    /// A migration failed; the database was left at the previous version.
    #[error("migration {version} failed: {source}")]
    Migration {
        /// The number of the migration that failed.
        version: i64,
        /// The cause.
        source: rusqlite::Error,
    },
    /// A JSON column could not be written or read back.
    #[error("invalid json in column {column}: {source}")]
    Json {
        /// The column.
        column: &'static str,
        /// The cause.
        source: serde_json::Error,
    },
    /// A column holds a value the model does not know (e.g. an unknown kind).
    #[error("invalid value {value:?} in column {column}")]
    InvalidValue {
        /// The column.
        column: &'static str,
        /// The stored value.
        value: String,
    },
    /// A document has an empty id.
    #[error("document has an empty id")]
    EmptyDocumentId,
    /// A claim or mention names another document than the one it is stored with.
    #[error("{what} of document {found} cannot be stored with document {expected}")]
    DocIdMismatch {
        /// `claim <id>` or `mention <n>`.
        what: String,
        /// The doc id the item carries.
        found: String,
        /// The doc id it is stored with.
        expected: String,
    },
    /// A claim has an empty id (call `Claim::assign_id` first).
    #[error("a claim of document {doc_id} has an empty id")]
    EmptyClaimId {
        /// The document.
        doc_id: String,
    },
    /// Two claims in one call share an id.
    #[error("claim id {id} appears twice in document {doc_id}")]
    DuplicateClaimId {
        /// The repeated id.
        id: String,
        /// The document.
        doc_id: String,
    },
    /// No document has this id.
    #[error("no document with id {0}")]
    UnknownDocument(String),
    /// No claim has this id.
    #[error("no claim with id {0}")]
    UnknownClaim(String),
    /// An ingest log status other than `skipped`, `stored` or `duplicate`.
    #[error("invalid ingest status {0:?} (expected skipped, stored or duplicate)")]
    InvalidIngestStatus(String),
    /// A time filter bound that is not an ISO 8601 date or interval.
    #[error("invalid time bound {0:?} (expected an ISO 8601 date such as 1987 or 1987-05-01)")]
    InvalidTimeBound(String),
}

impl StoreError {
    /// Whether the error concerns one item only (bad input, a constraint),
    /// so a batch can skip that item and go on. Other errors (disk full, IO,
    /// busy) stop the whole batch.
    pub fn is_item_error(&self) -> bool {
        match self {
            StoreError::Sqlite(e) => {
                matches!(
                    e.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::ConstraintViolation | rusqlite::ErrorCode::TooBig)
                ) || matches!(e, rusqlite::Error::ToSqlConversionFailure(_))
            }
            StoreError::Json { .. }
            | StoreError::EmptyDocumentId
            | StoreError::DocIdMismatch { .. }
            | StoreError::EmptyClaimId { .. }
            | StoreError::DuplicateClaimId { .. } => true,
            _ => false,
        }
    }
}
