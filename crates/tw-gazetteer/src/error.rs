//! Errors from loading gazetteer data.

/// Why gazetteer data could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A TOML data file did not parse.
    #[error("cannot parse {file}: {source}")]
    Toml {
        /// The data file's name.
        file: &'static str,
        /// The parser's error.
        #[source]
        source: toml::de::Error,
    },
    /// A line of a TSV data file is malformed.
    #[error("{file} line {line}: {reason}")]
    Tsv {
        /// The data file's name.
        file: &'static str,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// A value in a data file is not one the gazetteer knows.
    #[error("{file}: {reason}")]
    Value {
        /// The data file's name.
        file: &'static str,
        /// What is wrong.
        reason: String,
    },
    /// The automaton over all names could not be built.
    #[error("cannot build the name automaton: {0}")]
    Automaton(#[from] aho_corasick::BuildError),
}
