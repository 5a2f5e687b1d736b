//! Conversions between model values and table rows.

use rusqlite::Row;
use serde::de::DeserializeOwned;
use tw_model::{Certainty, Claim, ClaimKind, DatePrecision, Document, PublishedDate, Status};

use crate::StoreError;

/// The stored name of a date precision.
pub(crate) fn precision_name(precision: DatePrecision) -> &'static str {
    match precision {
        DatePrecision::Year => "year",
        DatePrecision::Month => "month",
        DatePrecision::Day => "day",
        DatePrecision::Time => "time",
    }
}

fn parse_precision(name: &str) -> Result<DatePrecision, StoreError> {
    Ok(match name {
        "year" => DatePrecision::Year,
        "month" => DatePrecision::Month,
        "day" => DatePrecision::Day,
        "time" => DatePrecision::Time,
        _ => return Err(invalid("published_precision", name)),
    })
}

fn invalid(column: &'static str, value: &str) -> StoreError {
    StoreError::InvalidValue {
        column,
        value: value.to_string(),
    }
}

/// Attach the column name to a JSON error.
pub(crate) fn json<T>(
    column: &'static str,
    result: Result<T, serde_json::Error>,
) -> Result<T, StoreError> {
    result.map_err(|source| StoreError::Json { column, source })
}

/// The `documents` columns [`document_from_row`] reads, in order.
pub(crate) const DOCUMENT_COLUMNS: &str = "id, url, source, published, published_precision, \
     title, text, raw, provenance, verification_note, format, origin, metadata";

/// A document from a row of [`DOCUMENT_COLUMNS`].
pub(crate) fn document_from_row(row: &Row<'_>) -> Result<Document, StoreError> {
    let published = match (
        row.get::<_, Option<String>>(3)?,
        row.get::<_, Option<String>>(4)?,
    ) {
        (Some(iso), Some(precision)) => Some(PublishedDate {
            iso,
            precision: parse_precision(&precision)?,
        }),
        _ => None,
    };
    Ok(Document {
        id: row.get(0)?,
        url: row.get(1)?,
        source: row.get(2)?,
        published,
        title: row.get(5)?,
        text: row.get(6)?,
        raw: row.get(7)?,
        provenance: json(
            "provenance",
            serde_json::from_str(&row.get::<_, String>(8)?),
        )?,
        verification_note: row.get(9)?,
        format: row.get(10)?,
        origin: row.get(11)?,
        metadata: json("metadata", serde_json::from_str(&row.get::<_, String>(12)?))?,
    })
}

/// The `claims` columns (alias `c`) [`claim_from_row`] reads, in order.
pub(crate) const CLAIM_COLUMNS: &str = "c.id, c.doc_id, c.kind, c.exporter, c.importer, \
     c.actor, c.target, c.speaker, c.venue, c.destination, c.time, c.time_text, c.status, \
     c.certainty, c.unverified, c.source, c.quantity, c.value, c.commodities, c.places, \
     c.organisations, c.sanctions";

fn opt_json<T: DeserializeOwned>(
    column: &'static str,
    text: Option<String>,
) -> Result<Option<T>, StoreError> {
    text.map(|t| json(column, serde_json::from_str(&t)))
        .transpose()
}

/// A claim, without its evidence, from a row of [`CLAIM_COLUMNS`].
pub(crate) fn claim_from_row(row: &Row<'_>) -> Result<Claim, StoreError> {
    let kind: String = row.get(2)?;
    let status: String = row.get(12)?;
    let certainty: String = row.get(13)?;
    Ok(Claim {
        id: row.get(0)?,
        doc_id: row.get(1)?,
        kind: ClaimKind::parse(&kind).ok_or_else(|| invalid("kind", &kind))?,
        exporter: row.get(3)?,
        importer: row.get(4)?,
        actor: row.get(5)?,
        target: row.get(6)?,
        speaker: row.get(7)?,
        venue: row.get(8)?,
        destination: row.get(9)?,
        time: row.get(10)?,
        time_text: row.get(11)?,
        status: Status::parse(&status).ok_or_else(|| invalid("status", &status))?,
        certainty: Certainty::parse(&certainty).ok_or_else(|| invalid("certainty", &certainty))?,
        unverified: row.get(14)?,
        source: row.get(15)?,
        quantity: opt_json("quantity", row.get(16)?)?,
        value: opt_json("value", row.get(17)?)?,
        commodities: json(
            "commodities",
            serde_json::from_str(&row.get::<_, String>(18)?),
        )?,
        places: json("places", serde_json::from_str(&row.get::<_, String>(19)?))?,
        organisations: json(
            "organisations",
            serde_json::from_str(&row.get::<_, String>(20)?),
        )?,
        sanctions: json(
            "sanctions",
            serde_json::from_str(&row.get::<_, String>(21)?),
        )?,
        evidence: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precision_names_round_trip() {
        for precision in [
            DatePrecision::Year,
            DatePrecision::Month,
            DatePrecision::Day,
            DatePrecision::Time,
        ] {
            assert_eq!(
                parse_precision(precision_name(precision)).unwrap(),
                precision
            );
        }
        assert!(matches!(
            parse_precision("week"),
            Err(StoreError::InvalidValue { .. })
        ));
    }
}
