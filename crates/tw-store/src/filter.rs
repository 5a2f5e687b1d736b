//! Claim filters and the SQL they become. Every value is a bound
//! parameter; only fixed fragments and parameter numbers are put together.

use rusqlite::types::Value;
use tw_model::{Certainty, ClaimKind, Status};

use crate::codec::CLAIM_COLUMNS;
use crate::StoreError;

/// Which claims [`Store::claims`](crate::Store::claims) returns. Every field
/// that is set must match; the default matches every claim.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClaimFilter {
    /// Only claims of this kind.
    pub kind: Option<ClaimKind>,
    /// A country code or place name that must be the exporter, importer,
    /// actor, target or destination, or one of the places (ASCII
    /// case-insensitive, whole value). Callers resolve country names to
    /// codes first.
    pub country: Option<String>,
    /// When all digits, an HS code prefix (`27` finds `271012`); otherwise
    /// a case-insensitive substring of a commodity's text.
    pub commodity: Option<String>,
    /// Only claims with this status.
    pub status: Option<Status>,
    /// Only claims with this certainty.
    pub certainty: Option<Certainty>,
    /// ISO 8601 date or interval: claims whose time overlaps
    /// `[time_from, time_to]` at the precision written (`1987` overlaps
    /// `1987-05-03`). Claims without a time are excluded when either bound
    /// is set.
    pub time_from: Option<String>,
    /// Upper bound; see `time_from`.
    pub time_to: Option<String>,
    /// Words that must all occur (as word prefixes, ignoring case and
    /// diacritics) in one evidence text of the claim.
    pub text: Option<String>,
    /// Only claims of this document.
    pub doc_id: Option<String>,
    /// Only claims flagged with this sanctions measure id (case-insensitive).
    pub measure: Option<String>,
    /// Only claims corroborated by at least this many independent origins
    /// (a claim in no group counts one).
    pub min_origins: Option<usize>,
    /// At most this many claims.
    pub limit: Option<usize>,
}

/// SQL text and its bound values.
pub(crate) struct Query {
    pub(crate) sql: String,
    pub(crate) values: Vec<Value>,
}

/// What a claim query returns.
pub(crate) enum Select {
    /// Claim rows ([`CLAIM_COLUMNS`]) in document order, limited.
    Claims,
    /// One count, ignoring the limit.
    Count,
}

struct Builder {
    conditions: Vec<String>,
    values: Vec<Value>,
}

impl Builder {
    /// Bind `value` and return its parameter number.
    fn bind(&mut self, value: impl Into<Value>) -> usize {
        self.values.push(value.into());
        self.values.len()
    }

    fn add(&mut self, condition: String) {
        self.conditions.push(condition);
    }
}

/// A trimmed, non-empty filter string.
fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// Build the query for `filter`.
pub(crate) fn claim_query(filter: &ClaimFilter, select: Select) -> Result<Query, StoreError> {
    let mut b = Builder {
        conditions: Vec::new(),
        values: Vec::new(),
    };
    if let Some(kind) = filter.kind {
        let n = b.bind(kind.as_str().to_string());
        b.add(format!("c.kind = ?{n}"));
    }
    if let Some(country) = given(&filter.country) {
        let n = b.bind(country.to_string());
        b.add(format!(
            "(c.exporter = ?{n} OR c.importer = ?{n} OR c.actor = ?{n} OR c.target = ?{n} \
             OR c.destination = ?{n} \
             OR c.id IN (SELECT claim_id FROM claim_places WHERE place = ?{n}))"
        ));
    }
    if let Some(commodity) = given(&filter.commodity) {
        if commodity.bytes().all(|b| b.is_ascii_digit()) {
            // A range instead of LIKE so the hs index serves it: ':' is the
            // character after '9'.
            let lo = b.bind(commodity.to_string());
            let hi = b.bind(format!("{commodity}:"));
            b.add(format!(
                "c.id IN (SELECT claim_id FROM claim_commodities WHERE hs >= ?{lo} AND hs < ?{hi})"
            ));
        } else {
            let n = b.bind(commodity.to_lowercase());
            b.add(format!(
                "c.id IN (SELECT claim_id FROM claim_commodities WHERE instr(folded, ?{n}) > 0)"
            ));
        }
    }
    if let Some(status) = filter.status {
        let n = b.bind(status.as_str().to_string());
        b.add(format!("c.status = ?{n}"));
    }
    if let Some(certainty) = filter.certainty {
        let n = b.bind(certainty.as_str().to_string());
        b.add(format!("c.certainty = ?{n}"));
    }
    if let Some(from) = given(&filter.time_from) {
        let (lower, _) =
            time_bounds(from).ok_or_else(|| StoreError::InvalidTimeBound(from.to_string()))?;
        let n = b.bind(lower);
        b.add(format!("c.time_end >= ?{n}"));
    }
    if let Some(to) = given(&filter.time_to) {
        let (_, upper) =
            time_bounds(to).ok_or_else(|| StoreError::InvalidTimeBound(to.to_string()))?;
        let n = b.bind(upper);
        b.add(format!("c.time_start <= ?{n}"));
    }
    if let Some(query) = given(&filter.text).and_then(fts_query) {
        let n = b.bind(query);
        b.add(format!(
            "c.id IN (SELECT e.claim_id FROM evidence_fts JOIN evidence e \
             ON e.id = evidence_fts.rowid WHERE evidence_fts MATCH ?{n})"
        ));
    }
    if let Some(doc_id) = &filter.doc_id {
        let n = b.bind(doc_id.clone());
        b.add(format!("c.doc_id = ?{n}"));
    }
    if let Some(measure) = given(&filter.measure) {
        let n = b.bind(measure.to_string());
        b.add(format!(
            "c.id IN (SELECT claim_id FROM claim_sanctions WHERE measure = ?{n})"
        ));
    }
    if let Some(min) = filter.min_origins.filter(|&m| m > 1) {
        let n = b.bind(i64::try_from(min).unwrap_or(i64::MAX));
        b.add(format!(
            "c.id IN (SELECT claim_id FROM claim_groups WHERE independent_origins >= ?{n})"
        ));
    }

    let mut sql = match select {
        Select::Claims => format!("SELECT {CLAIM_COLUMNS} FROM claims c"),
        Select::Count => "SELECT count(*) FROM claims c".to_string(),
    };
    for (i, condition) in b.conditions.iter().enumerate() {
        sql.push_str(if i == 0 { " WHERE " } else { " AND " });
        sql.push_str(condition);
    }
    if let Select::Claims = select {
        sql.push_str(" ORDER BY c.doc_id, c.ord");
        if let Some(limit) = filter.limit {
            let n = b.bind(i64::try_from(limit).unwrap_or(i64::MAX));
            sql.push_str(&format!(" LIMIT ?{n}"));
        }
    }
    Ok(Query {
        sql,
        values: b.values,
    })
}

/// An FTS5 query requiring every word of `text` as a word prefix. Each word
/// is quoted so FTS5 operators in user input are plain text. `None` when no
/// word has a letter or digit.
fn fts_query(text: &str) -> Option<String> {
    let terms: Vec<String> = text
        .split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .map(|word| format!("\"{}\"*", word.replace('"', "\"\"")))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// The comparison keys of an ISO 8601 value or interval: its start as
/// written and its end followed by `~`, which sorts after every character
/// an ISO value uses. So `1987` spans `["1987", "1987~"]`, which contains
/// `1987-05-03` and `1987-12-31T23:59`, and two spans overlap exactly when
/// `a.start <= b.end && b.start <= a.end` as strings. Open ends (`..` or
/// empty, as in `2022/..`) are unbounded. `None` for anything that does not
/// start with a four-digit year.
pub(crate) fn time_bounds(time: &str) -> Option<(String, String)> {
    let time = time.trim();
    let (start, end) = time.split_once('/').unwrap_or((time, time));
    let open = |part: &str| part.is_empty() || part == "..";
    if end.contains('/') || (open(start) && open(end)) {
        return None;
    }
    let lower = match start {
        s if open(s) => String::new(),
        s if looks_iso(s) => s.to_string(),
        _ => return None,
    };
    let upper = match end {
        e if open(e) => "~".to_string(),
        e if looks_iso(e) => format!("{e}~"),
        _ => return None,
    };
    Some((lower, upper))
}

/// `YYYY` optionally followed by `-...` (month, day, time).
fn looks_iso(value: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.len() >= 4
        && bytes[..4].iter().all(u8::is_ascii_digit)
        && (bytes.len() == 4 || bytes[4] == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_bounds_table() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            ("1987", Some(("1987", "1987~"))),
            ("1987-05", Some(("1987-05", "1987-05~"))),
            ("1986/1987", Some(("1986", "1987~"))),
            ("1987-05-01/1987-05-10", Some(("1987-05-01", "1987-05-10~"))),
            ("2022/..", Some(("2022", "~"))),
            ("../2022-03", Some(("", "2022-03~"))),
            (" 1987 ", Some(("1987", "1987~"))),
            ("../..", None),
            ("", None),
            ("yesterday", None),
            ("87", None),
            ("19870", None),
            ("1986/1987/1988", None),
            ("2022/P1M", None),
        ];
        for (input, expected) in cases {
            let got = time_bounds(input);
            let expected = expected.map(|(a, b)| (a.to_string(), b.to_string()));
            assert_eq!(got, expected, "{input:?}");
        }
    }

    /// Overlap of two ISO values by the string rule, as the SQL applies it.
    fn overlaps(claim: &str, from: &str, to: &str) -> bool {
        let (start, end) = time_bounds(claim).unwrap();
        let (from, _) = time_bounds(from).unwrap();
        let (_, to) = time_bounds(to).unwrap();
        end >= from && start <= to
    }

    #[test]
    fn overlap_respects_precision() {
        let cases = [
            ("1987", "1987-05-03", "1987-05-03", true),
            ("1987", "1988", "1990", false),
            ("1987", "1980", "1986-12-31", false),
            ("1986/1987", "1987-03", "1987-03", true),
            ("1986/1987", "1988-01-01", "1988-12-31", false),
            ("1987-05-01/1987-05-10", "1987-05-10", "1987-06", true),
            ("1987-05-01/1987-05-10", "1987-05-11", "1987-06", false),
            ("1987-05-01/1987-05-10", "1987-04-01", "1987-04-30", false),
            ("1987-05-01/1987-05-10", "1987-04-01", "1987-05-01", true),
            ("1987-05-10T10:00:00Z", "1987-05-10", "1987-05-10", true),
            ("2022/..", "2030", "2031", true),
            ("2022/..", "2020", "2021", false),
        ];
        for (claim, from, to, expected) in cases {
            assert_eq!(
                overlaps(claim, from, to),
                expected,
                "{claim} in {from}..{to}"
            );
        }
    }

    #[test]
    fn fts_query_quotes_words() {
        assert_eq!(fts_query("crude oil"), Some("\"crude\"* \"oil\"*".into()));
        assert_eq!(
            fts_query("say \"NEAR\""),
            Some("\"say\"* \"\"\"NEAR\"\"\"*".into())
        );
        assert_eq!(fts_query(" - ; "), None);
    }

    #[test]
    fn values_are_bound_not_spliced() {
        let filter = ClaimFilter {
            country: Some("x' OR 1=1 --".into()),
            commodity: Some("27".into()),
            limit: Some(3),
            ..ClaimFilter::default()
        };
        let query = claim_query(&filter, Select::Claims).unwrap();
        assert!(!query.sql.contains("OR 1=1"));
        assert_eq!(query.values.len(), 4);
        assert!(query.sql.ends_with("LIMIT ?4"), "{}", query.sql);
    }

    #[test]
    fn bad_time_bound_is_an_error() {
        let filter = ClaimFilter {
            time_from: Some("last spring".into()),
            ..ClaimFilter::default()
        };
        assert!(matches!(
            claim_query(&filter, Select::Count),
            Err(StoreError::InvalidTimeBound(_))
        ));
    }
}
