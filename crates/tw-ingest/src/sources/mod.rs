//! Input formats. Each format is one file here implementing [`Source`], and
//! one line in [`SOURCES`]. Detection asks the sources in list order: first
//! by extension, then by sniffing the first bytes; the last source (plain
//! text) accepts anything.

pub(crate) mod html;
pub(crate) mod jsonl;
pub(crate) mod text;

use std::fs::File;
use std::io::Read;
use std::path::Path;

use crate::{IngestError, IngestOptions, Item};

/// One input format.
pub(crate) trait Source: Sync {
    /// The name stored in `Document::format`.
    fn format(&self) -> &'static str;
    /// Lower-case file extensions (without the dot) that mean this format.
    fn extensions(&self) -> &'static [&'static str];
    /// True when the first bytes of a file say it is in this format.
    fn sniff(&self, head: &[u8]) -> bool;
    /// True when the file holds at most one document (decides whether
    /// per-document options apply; see `IngestOptions`).
    fn holds_one_document(&self, _path: &Path) -> bool {
        true
    }
    /// The items read from the file at `path`.
    fn read(&self, path: &Path, opts: &IngestOptions) -> Box<dyn Iterator<Item = Item>>;
}

/// Every source, in detection order; plain text last, as the fallback.
pub(crate) static SOURCES: &[&dyn Source] = &[&jsonl::JsonLines, &html::Html, &text::Text];

/// How many bytes detection reads from the start of a file.
const SNIFF_BYTES: usize = 1024;

/// The source for the file at `path`.
pub(crate) fn detect(path: &Path) -> &'static dyn Source {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if let Some(extension) = extension.as_deref() {
        if let Some(source) = SOURCES.iter().find(|s| s.extensions().contains(&extension)) {
            return *source;
        }
    }
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    if let Ok(file) = File::open(path) {
        // A read error shows up again, with its reason, when the file is read.
        let _ = file.take(SNIFF_BYTES as u64).read_to_end(&mut head);
    }
    SOURCES
        .iter()
        .find(|s| s.sniff(&head))
        .copied()
        .unwrap_or(&text::Text)
}

/// The bytes of a file, refusing files over `max_bytes` before reading them
/// and files that are empty or only white space.
pub(crate) fn read_capped(path: &Path, max_bytes: u64) -> Result<Vec<u8>, IngestError> {
    let file = File::open(path).map_err(|e| IngestError::io(path, e))?;
    let len = file.metadata().map_err(|e| IngestError::io(path, e))?.len();
    if len > max_bytes {
        return Err(IngestError::TooLarge {
            bytes: len,
            limit: max_bytes,
        });
    }
    let mut bytes = Vec::with_capacity(len as usize);
    // `take` guards against files that grow while being read.
    file.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| IngestError::io(path, e))?;
    if bytes.len() as u64 > max_bytes {
        return Err(IngestError::TooLarge {
            bytes: bytes.len() as u64,
            limit: max_bytes,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty);
    }
    Ok(bytes)
}

/// One item from the result of reading a single-document file.
pub(crate) fn single(
    origin: String,
    result: Result<tw_model::Document, IngestError>,
) -> Box<dyn Iterator<Item = Item>> {
    let item = match result {
        Ok(document) => Item::Document(Box::new(document)),
        Err(error) => Item::Skipped {
            origin,
            reason: error.to_string(),
        },
    };
    Box::new(std::iter::once(item))
}

/// Skip a byte-order mark and leading white space.
pub(crate) fn trim_head(head: &[u8]) -> &[u8] {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    &head[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_by_extension_then_content() {
        let dir = tempfile::tempdir().unwrap();
        let cases: &[(&str, &str, &str)] = &[
            ("a.jsonl", "anything", "jsonl"),
            ("a.NDJSON", "anything", "jsonl"),
            ("a.htm", "plain", "html"),
            ("a.HTML", "plain", "html"),
            ("a.txt", "<p>not sniffed: txt is text</p>", "text"),
            ("page", "\u{feff}  <!DOCTYPE html><html></html>", "html"),
            ("page2", "<html lang=en>", "html"),
            ("records", "{\"id\": \"1\", \"text\": \"x\"}\n", "jsonl"),
            ("notes", "Just words.", "text"),
        ];
        for (name, content, format) in cases {
            let path = dir.path().join(name);
            std::fs::write(&path, content).unwrap();
            assert_eq!(detect(&path).format(), *format, "{name}");
        }
    }
}
