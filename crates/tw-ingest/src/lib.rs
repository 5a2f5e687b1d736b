//! Ingest: turns input files into [`tw_model::Document`]s with clean text.
//!
//! Three input formats are read, each by one source in `src/sources/`:
//! plain text (scraped article copies), HTML pages (the article body is
//! found with `dom_smoothie`, metadata read with `dom_query`), and JSON Lines
//! (the interchange format of SPEC.md section 1, streamed line by line).
//!
//! Every body then goes through the same cleaning (`src/clean/`): odd spaces
//! and control characters normalised, page furniture dropped (rules in
//! `data/boilerplate.toml`), the headline found, and editorial notes
//! ("This article first appeared on X", "X was not able to verify the
//! claims") moved out of the text into [`Document::provenance`] and
//! [`Document::verification_note`] (rules in `data/provenance.toml`).
//!
//! Nothing here guesses: a date, title or outlet that the input, the URL or
//! the caller does not give stays `None`.
//!
//! ```no_run
//! use tw_ingest::{ingest_paths, IngestOptions, Item};
//! let opts = IngestOptions::default();
//! for item in ingest_paths(&["articles/".into()], &opts) {
//!     match item {
//!         Item::Document(doc) => println!("{} {:?}", doc.id, doc.title),
//!         Item::Skipped { origin, reason } => eprintln!("skipped {origin}: {reason}"),
//!     }
//! }
//! ```

#![deny(missing_docs)]

mod bench;
mod build;
mod clean;
mod decode;
mod error;
mod html;
mod meta;
mod sources;
mod walk;

use std::path::PathBuf;

pub use bench::{bench_article_extraction, BenchReport, PageScore};
pub use error::IngestError;
use tw_model::Document;

/// The default cap on one input (a file, or one JSON Lines line): 20 MiB,
/// the cap trafilatura uses.
pub const DEFAULT_MAX_BYTES: u64 = 20 * 1024 * 1024;

/// What the caller knows about the input, overriding what the input says.
///
/// `published` and `source` apply to every document. `id` and `url` name
/// one document, so they apply only when the run yields exactly one
/// document (one text or HTML file, or one JSON Lines file with one
/// record); otherwise they are ignored with a warning, because giving many
/// documents one id (or one URL, from which ids derive) would make them
/// collide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestOptions {
    /// Document id (else the input's `id`, else derived from URL or content).
    pub id: Option<String>,
    /// Canonical URL of the document.
    pub url: Option<String>,
    /// Publication date, ISO 8601 at its precision (`2022-11`).
    pub published: Option<String>,
    /// The outlet that published the copy being ingested.
    pub source: Option<String>,
    /// Inputs larger than this are skipped without being parsed; for JSON
    /// Lines the cap applies to each line, not the file.
    pub max_bytes: u64,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            id: None,
            url: None,
            published: None,
            source: None,
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// One outcome of ingest: a document, or an input that was skipped and why.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A document ready to store.
    Document(Box<Document>),
    /// An input (file, or `file:line` for JSON Lines) that gave no document.
    Skipped {
        /// Where it came from.
        origin: String,
        /// Why, in words for the user (`empty file`, `line 3: no text field`).
        reason: String,
    },
}

/// Walk files and directories and yield one [`Item`] per document or
/// skipped input.
///
/// Directories are walked recursively in sorted order; hidden entries (names
/// starting with `.`) are left out, and symlinks that lead outside the
/// directory given are refused. The format is detected by extension
/// (`.jsonl`/`.ndjson`, `.html`/`.htm`, anything else is text) and, for
/// other extensions, by content (`<!doctype html` or `<html` → HTML, a
/// first line that is a JSON object → JSON Lines). JSON Lines files are
/// streamed: a broken line becomes `Skipped` with `line N: <error>` and the
/// rest continue. See [`IngestOptions`] for when `id` and `url` apply.
pub fn ingest_paths(paths: &[PathBuf], opts: &IngestOptions) -> impl Iterator<Item = Item> {
    walk::ingest(paths, opts)
}

/// A document from plain text (a scraped article copy): cleaned, headline
/// and editorial notes read. `origin` says where it came from.
///
/// # Errors
/// [`IngestError::Empty`], [`IngestError::Binary`], [`IngestError::TooLarge`],
/// [`IngestError::NoBody`] when nothing is left after cleaning, and
/// [`IngestError::BadDate`] for an unreadable `opts.published`.
pub fn document_from_text(
    raw: &str,
    opts: &IngestOptions,
    origin: &str,
) -> Result<Document, IngestError> {
    sources::text::document(raw, None, opts, origin)
}

/// A document from an HTML page: bytes decoded (BOM, `<meta charset>`,
/// detector guess), the article body extracted and cleaned, title,
/// canonical URL, site name and date read from the page's metadata.
///
/// # Errors
/// As [`document_from_text`], plus [`IngestError::TooDeep`] for pages
/// nested too deeply to parse safely.
pub fn document_from_html(
    html: &[u8],
    opts: &IngestOptions,
    origin: &str,
) -> Result<Document, IngestError> {
    sources::html::document(html, opts, origin)
}

/// A document from one JSON Lines record (`id`, `url`, `source`,
/// `published`, `title`, `text`; other fields go into
/// [`Document::metadata`]). The text is treated as already clean: it is
/// normalised, and only a wire sign-off, a repeated headline and editorial
/// notes are removed.
///
/// # Errors
/// [`IngestError::Json`] for a line that is not a JSON object,
/// [`IngestError::NoText`] for a record without a non-empty `text` string.
pub fn document_from_json_line(line: &str, origin: &str) -> Result<Document, IngestError> {
    sources::jsonl::document(line, &IngestOptions::default(), origin)
}
