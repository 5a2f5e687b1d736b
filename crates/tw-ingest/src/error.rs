//! The one error type of the crate.

use std::path::PathBuf;

/// Why an input could not become a document.
///
/// Messages are lowercase and end without a period: they are shown to the
/// user as the reason an item was skipped (`Item::Skipped::reason`).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IngestError {
    /// The file (or text) holds nothing but white space.
    #[error("empty file")]
    Empty,
    /// The input is larger than `IngestOptions::max_bytes`.
    #[error("file is {} MB, over the {} MB limit", mebibytes(*.bytes), mebibytes(*.limit))]
    TooLarge {
        /// Size of the input in bytes.
        bytes: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// One JSON Lines line is larger than `IngestOptions::max_bytes`.
    #[error("line is over the {} MB limit", mebibytes(*.limit))]
    LineTooLarge {
        /// The limit in bytes.
        limit: u64,
    },
    /// NUL bytes or too many control characters: not text.
    #[error("binary content")]
    Binary,
    /// HTML nested deeper than the parser is allowed to go.
    #[error("html nested deeper than {limit} elements")]
    TooDeep {
        /// The nesting limit.
        limit: usize,
    },
    /// A JSON Lines record without a non-empty `text` string.
    #[error("no text field")]
    NoText,
    /// Nothing was left after extraction and cleaning.
    #[error("no body text after cleaning")]
    NoBody,
    /// A JSON Lines line that is not a JSON object.
    #[error("{0}")]
    Json(#[from] serde_json::Error),
    /// A JSON Lines line that is not valid UTF-8.
    #[error("invalid utf-8")]
    InvalidUtf8,
    /// A `published` option that is not an ISO 8601 date.
    #[error("published date {0:?} is not ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD or a date-time)")]
    BadDate(String),
    /// Reading a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A symbolic link that leads outside the directory being ingested.
    #[error("symlink points outside {}", root.display())]
    OutsideRoot {
        /// The directory given by the user.
        root: PathBuf,
    },
    /// A benchmark folder that does not have the expected layout.
    #[error("benchmark data: {0}")]
    Bench(String),
}

/// Sizes in messages: whole mebibytes when exact, else one decimal.
fn mebibytes(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes % MIB == 0 {
        (bytes / MIB).to_string()
    } else {
        format!("{:.1}", bytes as f64 / MIB as f64)
    }
}

impl IngestError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        IngestError::Io {
            path: path.into(),
            source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_megabytes() {
        let err = IngestError::TooLarge {
            bytes: 50 * 1024 * 1024,
            limit: 20 * 1024 * 1024,
        };
        assert_eq!(err.to_string(), "file is 50 MB, over the 20 MB limit");
        let err = IngestError::TooLarge {
            bytes: 21 * 1024 * 1024 + 100_000,
            limit: 20 * 1024 * 1024,
        };
        assert_eq!(err.to_string(), "file is 21.1 MB, over the 20 MB limit");
    }
}
