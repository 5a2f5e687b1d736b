//! HTML pages: decode, guard, extract the article, read the metadata.

use std::path::Path;

use dom_query::Document as Dom;
use serde_json::Value;
use tw_model::Document;

use super::{read_capped, single, trim_head, Source};
use crate::build::{assemble, Parts};
use crate::clean::Mode;
use crate::decode;
use crate::html::{body, depth, meta};
use crate::{IngestError, IngestOptions, Item};

/// The HTML source.
pub(crate) struct Html;

/// Deepest element nesting the parser is given. Real pages stay far below
/// (the 181 benchmark pages reach about 60); pages built to be deep are
/// refused before parsing (reliability-ux.md A2 suggests 512).
pub(crate) const MAX_DEPTH: usize = 512;

impl Source for Html {
    fn format(&self) -> &'static str {
        "html"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["html", "htm", "xhtml"]
    }

    fn sniff(&self, head: &[u8]) -> bool {
        let head = trim_head(head);
        let starts = |prefix: &[u8]| {
            head.len() >= prefix.len() && head[..prefix.len()].eq_ignore_ascii_case(prefix)
        };
        starts(b"<!doctype html") || starts(b"<html")
    }

    fn read(&self, path: &Path, opts: &IngestOptions) -> Box<dyn Iterator<Item = Item>> {
        let origin = path.display().to_string();
        let result =
            read_capped(path, opts.max_bytes).and_then(|bytes| document(&bytes, opts, &origin));
        single(origin, result)
    }
}

/// A document from the bytes of one page.
pub(crate) fn document(
    bytes: &[u8],
    opts: &IngestOptions,
    origin: &str,
) -> Result<Document, IngestError> {
    if bytes.len() as u64 > opts.max_bytes {
        return Err(IngestError::TooLarge {
            bytes: bytes.len() as u64,
            limit: opts.max_bytes,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty);
    }
    if decode::has_nul(bytes) {
        return Err(IngestError::Binary);
    }
    let decoded = decode::decode(bytes, true);
    if decode::is_binary(&decoded.text) {
        return Err(IngestError::Binary);
    }
    if depth::max_depth(&decoded.text, MAX_DEPTH) > MAX_DEPTH {
        return Err(IngestError::TooDeep { limit: MAX_DEPTH });
    }

    let dom = Dom::from(decoded.text.as_str());
    let page = meta::read(&dom);
    let url = opts.url.clone().or(page.canonical_url.clone());
    let article = body::extract(dom, url.as_deref());

    let mut metadata = serde_json::Map::new();
    metadata.insert("encoding".into(), Value::from(decoded.encoding));
    metadata.insert("decode_errors".into(), Value::from(decoded.decode_errors));
    if let Some(byline) = &article.byline {
        metadata.insert("byline".into(), Value::from(byline.trim()));
    }
    if let Some(lang) = &article.lang {
        metadata.insert("lang".into(), Value::from(lang.trim()));
    }
    let parts = Parts {
        format: "html",
        origin: origin.to_string(),
        body: article.text,
        raw: decoded.text,
        mode: Some(Mode::Scraped),
        id: None,
        url: page.canonical_url,
        source: page.site_name,
        dates: page.dates,
        // Readability's title drops the " | Site" suffix of <title>.
        title: article.title.or(page.title),
        metadata,
    };
    assemble(parts, opts)
}
