//! Documents: one news item after ingest and cleaning.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// How precise a publication date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    /// `2022`
    Year,
    /// `2022-11`
    Month,
    /// `2022-11-04`
    Day,
    /// `2022-11-04T09:30:00Z`
    Time,
}

/// A publication date at the precision its source gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedDate {
    /// ISO 8601 at its precision (`2022-11`, `1987-03-26`, ...).
    pub iso: String,
    /// The precision of `iso`.
    pub precision: DatePrecision,
}

impl PublishedDate {
    /// Parse an ISO 8601 date or date-time, keeping its precision.
    /// Returns `None` for anything that is not `YYYY`, `YYYY-MM`,
    /// `YYYY-MM-DD` or `YYYY-MM-DDThh:mm...`.
    pub fn parse(value: &str) -> Option<PublishedDate> {
        let value = value.trim();
        let bytes = value.as_bytes();
        let digits = |range: std::ops::Range<usize>| {
            bytes
                .get(range.clone())
                .is_some_and(|s| s.iter().all(u8::is_ascii_digit))
        };
        if !digits(0..4) {
            return None;
        }
        let month_ok = |m: &str| m.parse::<u32>().is_ok_and(|m| (1..=12).contains(&m));
        let day_ok = |d: &str| d.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
        let (iso, precision) = match value.len() {
            4 => (value.to_string(), DatePrecision::Year),
            7 if bytes[4] == b'-' && digits(5..7) && month_ok(&value[5..7]) => {
                (value.to_string(), DatePrecision::Month)
            }
            10.. if bytes[4] == b'-'
                && bytes[7] == b'-'
                && digits(5..7)
                && digits(8..10)
                && month_ok(&value[5..7])
                && day_ok(&value[8..10]) =>
            {
                if value.len() > 10 && matches!(bytes[10], b'T' | b' ') && digits(11..13) {
                    (value.replacen(' ', "T", 1), DatePrecision::Time)
                } else {
                    (value[..10].to_string(), DatePrecision::Day)
                }
            }
            _ => return None,
        };
        Some(PublishedDate { iso, precision })
    }

    /// The date part (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), dropping any time.
    pub fn date_part(&self) -> &str {
        &self.iso[..self.iso.len().min(10)]
    }
}

/// One news item: metadata, the raw input and the clean text that every
/// evidence offset points into.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    /// Stable id: as given at ingest, else derived from the URL or content.
    pub id: String,
    /// Canonical or given URL.
    pub url: Option<String>,
    /// The outlet that published this copy.
    pub source: Option<String>,
    /// Publication date of this copy, at its precision.
    pub published: Option<PublishedDate>,
    /// Headline.
    pub title: Option<String>,
    /// The clean body text; evidence offsets are character offsets into it.
    pub text: String,
    /// The input as received (decoded to UTF-8), before cleaning.
    pub raw: String,
    /// The chain of outlets, origin first (e.g. Daily NK, The Diplomat, Frappler).
    pub provenance: Vec<String>,
    /// The publisher's note that it could not verify the content, if any.
    pub verification_note: Option<String>,
    /// Input format: `text`, `html` or `jsonl`.
    pub format: String,
    /// Where the item came from (file path, with line number for JSON Lines).
    pub origin: String,
    /// Extra metadata from the input (e.g. Reuters `topics`, `places`), as JSON.
    pub metadata: serde_json::Map<String, serde_json::Value>,
}

impl Document {
    /// The date relative time expressions resolve against: the publication
    /// date of this copy. (SPEC.md section 1: the earliest known date of the
    /// content; a republication that names its origin's date should set
    /// `published` to that.)
    pub fn anchor(&self) -> Option<&PublishedDate> {
        self.published.as_ref()
    }

    /// A hash of the clean text: equal for identical content.
    pub fn content_hash(&self) -> String {
        content_hash(&self.text)
    }
}

/// Hex SHA-256 of `text` with white space runs collapsed, so that content
/// that differs only in spacing hashes the same.
pub fn content_hash(text: &str) -> String {
    let mut hasher = Sha256::new();
    let mut first = true;
    for word in text.split_whitespace() {
        if !first {
            hasher.update(b" ");
        }
        hasher.update(word.as_bytes());
        first = false;
    }
    hex(&hasher.finalize())
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dates_at_their_precision() {
        let p = |s| PublishedDate::parse(s).map(|d| (d.iso, d.precision));
        assert_eq!(p("2022"), Some(("2022".into(), DatePrecision::Year)));
        assert_eq!(p("2022-11"), Some(("2022-11".into(), DatePrecision::Month)));
        assert_eq!(
            p("1987-03-26"),
            Some(("1987-03-26".into(), DatePrecision::Day))
        );
        assert_eq!(
            p("1987-03-26T10:00:00Z"),
            Some(("1987-03-26T10:00:00Z".into(), DatePrecision::Time))
        );
        assert_eq!(p("2022-13"), None);
        assert_eq!(p("yesterday"), None);
        assert_eq!(p("22-11-04"), None);
    }

    #[test]
    fn hash_ignores_spacing() {
        assert_eq!(content_hash("a  b\nc"), content_hash(" a b c "));
        assert_ne!(content_hash("a b"), content_hash("a c"));
    }
}
