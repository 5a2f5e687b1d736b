//! Plain text: a scraped copy of an article, furniture included.

use std::path::Path;

use serde_json::Value;
use tw_model::Document;

use super::{read_capped, single, Source};
use crate::build::{assemble, Parts};
use crate::clean::Mode;
use crate::decode::{self, Decoded};
use crate::{IngestError, IngestOptions, Item};

/// The plain-text source; accepts any file no other source claims.
pub(crate) struct Text;

impl Source for Text {
    fn format(&self) -> &'static str {
        "text"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["txt", "text", "md"]
    }

    fn sniff(&self, _head: &[u8]) -> bool {
        true
    }

    fn read(&self, path: &Path, opts: &IngestOptions) -> Box<dyn Iterator<Item = Item>> {
        let origin = path.display().to_string();
        let result = read_capped(path, opts.max_bytes).and_then(|bytes| {
            if decode::has_nul(&bytes) {
                return Err(IngestError::Binary);
            }
            let decoded = decode::decode(&bytes, false);
            let raw = decoded.text.clone();
            document(&raw, Some(&decoded), opts, &origin)
        });
        single(origin, result)
    }
}

/// A document from decoded text; `decoded` (when the text came from bytes)
/// is recorded as `encoding` and `decode_errors` metadata.
pub(crate) fn document(
    raw: &str,
    decoded: Option<&Decoded>,
    opts: &IngestOptions,
    origin: &str,
) -> Result<Document, IngestError> {
    if raw.len() as u64 > opts.max_bytes {
        return Err(IngestError::TooLarge {
            bytes: raw.len() as u64,
            limit: opts.max_bytes,
        });
    }
    if raw.trim().is_empty() {
        return Err(IngestError::Empty);
    }
    if decode::is_binary(raw) {
        return Err(IngestError::Binary);
    }
    let mut metadata = serde_json::Map::new();
    if let Some(decoded) = decoded {
        metadata.insert("encoding".into(), Value::from(decoded.encoding));
        metadata.insert("decode_errors".into(), Value::from(decoded.decode_errors));
    }
    let parts = Parts {
        format: "text",
        origin: origin.to_string(),
        raw: raw.to_string(),
        body: raw.to_string(),
        mode: Some(Mode::Scraped),
        metadata,
        ..Parts::default()
    };
    assemble(parts, opts)
}
