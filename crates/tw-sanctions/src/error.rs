//! The one error type of this crate.

/// What went wrong loading measures or tallying a cap.
///
/// Messages name the file, the record (its `id`, or `#n` counting from 1 when
/// it has none) and the field, so an analyst can fix a data file from the
/// message alone.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum SanctionsError {
    /// The file is not valid TOML.
    #[error("{file}: not valid toml: {message}")]
    Toml {
        /// File name.
        file: String,
        /// The parser's message.
        message: String,
    },
    /// A record (or a file-level key) breaks a rule of the data format.
    #[error("{file}: record {record}: field `{field}`: {message}")]
    Invalid {
        /// File name.
        file: String,
        /// The record's `id`, or `#n` (1-based) when it has none; `-` for file-level keys.
        record: String,
        /// Dotted path of the offending field (`scope.hs[2]`).
        field: String,
        /// What is wrong.
        message: String,
    },
    /// Two records share an id.
    #[error("{file}: record {record}: field `id`: duplicate id, first defined in {first_file}")]
    DuplicateId {
        /// File of the second definition.
        file: String,
        /// The id.
        record: String,
        /// File of the first definition.
        first_file: String,
    },
    /// A measure file or directory could not be read.
    #[error("cannot read {path}: {message}")]
    Io {
        /// The path.
        path: String,
        /// The operating system's message.
        message: String,
    },
    /// No measure has this id.
    #[error("unknown measure `{0}`")]
    UnknownMeasure(String),
    /// The measure has no cap that can be tallied.
    #[error("measure `{id}` has no quantity or value cap to tally: {why}")]
    NotTallied {
        /// Measure id.
        id: String,
        /// Why (no cap, a price cap).
        why: String,
    },
    /// The requested window does not exist for this cap.
    #[error("measure `{id}`: no cap window starts in {year}")]
    NoSuchWindow {
        /// Measure id.
        id: String,
        /// The requested year.
        year: i32,
    },
}
