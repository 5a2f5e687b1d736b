//! JSON Lines: one document a line (SPEC.md section 1), streamed so that a
//! large file is never held whole.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use serde_json::{Map, Value};
use tw_model::Document;

use super::{trim_head, Source};
use crate::build::{assemble, Parts};
use crate::clean::Mode;
use crate::{IngestError, IngestOptions, Item};

/// The JSON Lines source.
pub(crate) struct JsonLines;

impl Source for JsonLines {
    fn format(&self) -> &'static str {
        "jsonl"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["jsonl", "ndjson"]
    }

    fn sniff(&self, head: &[u8]) -> bool {
        let head = trim_head(head);
        let first_line = head.split(|&b| b == b'\n').next().unwrap_or_default();
        let first_line = first_line.trim_ascii_end();
        first_line.starts_with(b"{") && first_line.ends_with(b"}")
    }

    fn holds_one_document(&self, path: &Path) -> bool {
        let Ok(file) = File::open(path) else {
            return true;
        };
        // Stops at the second record, so a large file is not read through.
        let mut records = 0;
        for line in BufReader::new(file).split(b'\n') {
            match line {
                Ok(line) if line.trim_ascii().is_empty() => {}
                Ok(_) => {
                    records += 1;
                    if records > 1 {
                        return false;
                    }
                }
                Err(_) => return true,
            }
        }
        true
    }

    fn read(&self, path: &Path, opts: &IngestOptions) -> Box<dyn Iterator<Item = Item>> {
        let origin = path.display().to_string();
        match File::open(path) {
            Ok(file) => Box::new(Lines {
                reader: BufReader::new(file),
                origin,
                opts: opts.clone(),
                line_number: 0,
                done: false,
                buffer: Vec::new(),
            }),
            Err(error) => super::single(origin, Err(IngestError::io(path, error))),
        }
    }
}

/// Streaming iterator over the records of one file.
struct Lines {
    reader: BufReader<File>,
    origin: String,
    opts: IngestOptions,
    line_number: usize,
    done: bool,
    buffer: Vec<u8>,
}

impl Lines {
    fn skipped(&self, reason: impl std::fmt::Display) -> Item {
        Item::Skipped {
            origin: format!("{}:{}", self.origin, self.line_number),
            reason: format!("line {}: {reason}", self.line_number),
        }
    }

    /// Discard the rest of an over-long line without buffering it.
    fn skip_rest_of_line(&mut self) -> std::io::Result<()> {
        loop {
            let available = self.reader.fill_buf()?;
            if available.is_empty() {
                return Ok(());
            }
            if let Some(newline) = available.iter().position(|&b| b == b'\n') {
                self.reader.consume(newline + 1);
                return Ok(());
            }
            let len = available.len();
            self.reader.consume(len);
        }
    }
}

impl Iterator for Lines {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        while !self.done {
            self.buffer.clear();
            let limit = self.opts.max_bytes;
            let read = (&mut self.reader)
                .take(limit + 1)
                .read_until(b'\n', &mut self.buffer);
            let read = match read {
                Ok(read) => read,
                Err(error) => {
                    self.done = true;
                    self.line_number += 1;
                    return Some(self.skipped(error));
                }
            };
            if read == 0 {
                self.done = true;
                return None;
            }
            self.line_number += 1;
            if self.buffer.len() as u64 > limit && !self.buffer.ends_with(b"\n") {
                if let Err(error) = self.skip_rest_of_line() {
                    self.done = true;
                    return Some(self.skipped(error));
                }
                return Some(self.skipped(IngestError::LineTooLarge { limit }));
            }
            let bytes = self.buffer.trim_ascii();
            let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
            if bytes.is_empty() {
                continue;
            }
            let line = match std::str::from_utf8(bytes) {
                Ok(line) => line,
                Err(_) => return Some(self.skipped(IngestError::InvalidUtf8)),
            };
            let origin = format!("{}:{}", self.origin, self.line_number);
            return Some(match document(line, &self.opts, &origin) {
                Ok(document) => Item::Document(Box::new(document)),
                Err(error) => self.skipped(error),
            });
        }
        None
    }
}

/// A document from one JSON object. The fields of SPEC.md section 1 (`id`,
/// `url`, `source`, `published`, `title`, `text`) map onto `Document`
/// fields; the others go into metadata.
pub(crate) fn document(
    line: &str,
    opts: &IngestOptions,
    origin: &str,
) -> Result<Document, IngestError> {
    let mut record: Map<String, Value> = serde_json::from_str(line)?;
    let text = match record.remove("text") {
        Some(Value::String(text)) if !text.trim().is_empty() => text,
        _ => return Err(IngestError::NoText),
    };
    let mut field = |name: &str| match record.remove(name) {
        Some(Value::String(value)) => Some(value),
        Some(Value::Number(value)) => Some(value.to_string()),
        Some(other) if !other.is_null() => {
            // Not a usable scalar: keep it, under its name, as metadata.
            record.insert(name.to_string(), other);
            None
        }
        _ => None,
    };
    let id = field("id");
    let url = field("url");
    let source = field("source");
    let published = field("published");
    let title = field("title");
    let parts = Parts {
        format: "jsonl",
        origin: origin.to_string(),
        raw: text.clone(),
        body: text,
        mode: Some(Mode::Wire),
        id,
        url,
        source,
        dates: published.into_iter().collect(),
        title,
        metadata: record,
    };
    assemble(parts, opts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_reuters_record() {
        let line = r#"{"id": "reuters21578-1", "published": "1987-02-26T15:01:01Z", "source": "Reuters", "title": "BAHIA COCOA REVIEW", "dateline": "SALVADOR, Feb 26", "text": "Showers continued throughout the week in\nthe Bahia cocoa zone.\n    The dry period means the temporao will be late.\n Reuter\n", "topics": ["cocoa"], "places": ["el-salvador"]}"#;
        let doc = document(line, &IngestOptions::default(), "r.jsonl:1").unwrap();
        assert_eq!(doc.id, "reuters21578-1");
        assert_eq!(doc.source.as_deref(), Some("Reuters"));
        assert_eq!(doc.title.as_deref(), Some("BAHIA COCOA REVIEW"));
        assert_eq!(
            doc.published.as_ref().map(|p| p.iso.as_str()),
            Some("1987-02-26T15:01:01Z")
        );
        assert_eq!(
            doc.text,
            "Showers continued throughout the week in\nthe Bahia cocoa zone.\n\nThe dry period means the temporao will be late."
        );
        assert_eq!(doc.provenance, ["Reuters"]);
        assert_eq!(doc.format, "jsonl");
        assert_eq!(doc.metadata["dateline"], "SALVADOR, Feb 26");
        assert_eq!(doc.metadata["topics"], serde_json::json!(["cocoa"]));
        assert!(!doc.metadata.contains_key("text"));
    }

    #[test]
    fn derives_ids_and_rejects_records_without_text() {
        let doc = document(
            r#"{"url": "https://news.example.com/2021/03/x", "text": "Body."}"#,
            &IngestOptions::default(),
            "o",
        )
        .unwrap();
        assert!(doc.id.starts_with("url-"));
        assert_eq!(doc.published.map(|p| p.iso).as_deref(), Some("2021-03"));
        assert_eq!(doc.source.as_deref(), Some("Example"));
        let doc = document(
            r#"{"id": 42, "text": "Body."}"#,
            &IngestOptions::default(),
            "o",
        )
        .unwrap();
        assert_eq!(doc.id, "42");
        for line in [
            r#"{"id": "x"}"#,
            r#"{"id": "x", "text": "  "}"#,
            r#"{"id": "x", "text": 3}"#,
        ] {
            assert!(
                matches!(
                    document(line, &IngestOptions::default(), "o"),
                    Err(IngestError::NoText)
                ),
                "{line}"
            );
        }
        assert!(matches!(
            document("[1]", &IngestOptions::default(), "o"),
            Err(IngestError::Json(_))
        ));
    }
}
