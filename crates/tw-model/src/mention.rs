//! Mentions: a thing the extractor recognised in the clean text (a country,
//! place, organisation, commodity, quantity, money amount or time).

use serde::{Deserialize, Serialize};

/// One recognised stretch of the clean text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// The document it is in.
    pub doc_id: String,
    /// `country`, `place`, `organisation`, `commodity`, `quantity`, `money` or `time`.
    pub kind: String,
    /// The words of the text.
    pub text: String,
    /// Character offset of the first character in the clean text.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// The normalised value: ISO country code, place or organisation name,
    /// HS code, ISO time value, or `amount unit`.
    pub value: Option<String>,
    /// Latitude (WGS 84) for places.
    pub lat: Option<f64>,
    /// Longitude (WGS 84) for places.
    pub lon: Option<f64>,
}
