//! Assembling a `Document` from what a source read: the same precedence
//! rules for every format.

use serde_json::{Map, Value};
use tw_model::{Document, PublishedDate};

use crate::clean::{self, Mode};
use crate::meta;
use crate::{IngestError, IngestOptions};

/// What a source read from one input, before cleaning and defaults.
#[derive(Debug, Default)]
pub(crate) struct Parts {
    pub format: &'static str,
    pub origin: String,
    /// The input decoded to UTF-8.
    pub raw: String,
    /// The body to clean (equal to `raw` for text, extracted for HTML).
    pub body: String,
    pub mode: Option<Mode>,
    pub id: Option<String>,
    pub url: Option<String>,
    /// The outlet as the input names it (JSON `source`, `og:site_name`).
    pub source: Option<String>,
    /// Candidate publication dates from the input, best first.
    pub dates: Vec<String>,
    pub title: Option<String>,
    pub metadata: Map<String, Value>,
}

fn non_empty(value: Option<&str>) -> Option<String> {
    value
        .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|v| !v.is_empty())
}

/// Clean the body and settle every field. Caller options win over what the
/// input says; then the input; then what can be derived (URL date, URL
/// host, content hash).
pub(crate) fn assemble(parts: Parts, opts: &IngestOptions) -> Result<Document, IngestError> {
    let title = non_empty(parts.title.as_deref());
    let cleaned = clean::clean(
        &parts.body,
        parts.mode.unwrap_or(Mode::Scraped),
        title.as_deref(),
    );
    if cleaned.text.is_empty() {
        return Err(IngestError::NoBody);
    }
    let title = title.or(cleaned.title);
    let url = non_empty(opts.url.as_deref()).or_else(|| non_empty(parts.url.as_deref()));

    let published = match non_empty(opts.published.as_deref()) {
        Some(given) => {
            Some(PublishedDate::parse(&given).ok_or(IngestError::BadDate(given.clone()))?)
        }
        None => parts
            .dates
            .iter()
            .find_map(|date| PublishedDate::parse(date))
            .or_else(|| url.as_deref().and_then(meta::date_from_url)),
    };

    let source = non_empty(opts.source.as_deref())
        .or_else(|| non_empty(parts.source.as_deref()))
        .or_else(|| url.as_deref().and_then(meta::outlet_from_url));
    let provenance = cleaned.notes.chain(source.as_deref());

    let given_id = non_empty(opts.id.as_deref()).or_else(|| non_empty(parts.id.as_deref()));
    let id = meta::document_id(given_id.as_deref(), url.as_deref(), &cleaned.text);

    Ok(Document {
        id,
        url,
        source,
        published,
        title,
        text: cleaned.text,
        raw: parts.raw,
        provenance,
        verification_note: cleaned.notes.verification_note,
        format: parts.format.to_string(),
        origin: parts.origin,
        metadata: parts.metadata,
    })
}
