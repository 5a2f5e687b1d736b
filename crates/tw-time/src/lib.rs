//! Time expressions in English news text, normalised to ISO 8601.
//!
//! [`find_times`] finds every time expression in a text (left to right,
//! non-overlapping, longest match) and [`resolve`] normalises one expression.
//! Relative expressions ("yesterday", "last month", "May" without a year)
//! resolve against an [`Anchor`], the publication date (SPEC.md section 1);
//! without an anchor, or with one too coarse for the expression, the value
//! stays `None`: it is never guessed.
//!
//! ```
//! use tw_time::{find_times, Anchor, TimeKind};
//!
//! let anchor = Anchor::from_iso("1987-03-26").unwrap();
//! let found = find_times("Kenya coffee for May/June shipment may rise.", Some(&anchor));
//! assert_eq!(found.len(), 1);
//! assert_eq!(found[0].text, "May/June shipment");
//! assert_eq!(found[0].kind, TimeKind::Interval);
//! assert_eq!(found[0].value.as_deref(), Some("1987-05/1987-06"));
//! ```
//!
//! # Values
//!
//! Values are ISO 8601 dates at the precision of the expression (`2022`,
//! `2022-08`, `2022-10-12`) or intervals `start/end` whose ends keep their own
//! precision (`1986/1987`, `1987-05/1987-06`, `1987-05-01/1987-05-10`).
//! Conventions:
//!
//! - Quarters and halves are month intervals: `Q1 1987` is `1987-01/1987-03`.
//! - Seasons are northern-hemisphere meteorological seasons: spring is
//!   March-May, summer June-August, autumn September-November and winter
//!   December-February; "winter 1987" and "winter 1986/87" start in December
//!   of the (first) year named: `1987-12/1988-02` and `1986-12/1987-02`.
//! - Weeks are ISO weeks, Monday to Sunday, as day intervals.
//! - A month, quarter, season or day-of-month without a year is the
//!   occurrence nearest the anchor (its middle within six months either way;
//!   on a tie the past one). This needs an anchor with at least month
//!   precision. "next March" is the first March after the anchor month, "last
//!   March" the latest before it.
//! - A bare weekday ("said on Monday") is the anchor day itself or the latest
//!   such day before it; after a future cue ("will meet on Monday") it is the
//!   anchor day or the first one after. "last Friday" is strictly before the
//!   anchor day, "next Monday" strictly after.
//! - Marketing, crop and fiscal years keep the label the text gives: "fiscal
//!   1987" is `1987`, "the 1986/87 season" is `1986/1987`. Periods named only
//!   relative to now ("the current fiscal year", "this season") are `None`:
//!   fiscal and marketing years start in different months by country and
//!   commodity, so the anchor year is no safe label.
//! - Edges keep the label of their period: "mid-1987" is `1987`, "earlier
//!   this month" is the anchor month.
//! - "the past three months" is the interval from three months before the
//!   anchor to the anchor, at the unit's precision; "the next three months"
//!   runs from the anchor forward.
//! - Durations ("for two years", "a five-year plan") have kind
//!   [`TimeKind::Duration`] and value `None`: a duration is not a date, and
//!   consumers use `value` as a claim's time.
//! - Times relative to another time in the text ("the year-ago month", "a
//!   year earlier", "three months later") and vague ones ("recently") are
//!   found but have value `None`.
//!
//! The words the grammar knows are in `data/lexicon.tsv`, embedded at build
//! time; adding a line there extends the grammar.

#![deny(missing_docs)]

mod calendar;
mod grammar;
mod lexicon;
mod token;

#[cfg(test)]
mod tests;

use chrono::NaiveDate;

/// A publication date at year, month or day precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    /// The year.
    pub year: i32,
    /// The month, 1-12, when known.
    pub month: Option<u32>,
    /// The day of the month, when known (only meaningful with a month).
    pub day: Option<u32>,
}

impl Anchor {
    /// Parse `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a date-time starting with
    /// `YYYY-MM-DD` (the time is dropped). Returns `None` for anything else
    /// or for a date that does not exist.
    pub fn from_iso(s: &str) -> Option<Anchor> {
        let s = s.trim();
        let bytes = s.as_bytes();
        let digits = |range: std::ops::Range<usize>| {
            bytes
                .get(range)
                .is_some_and(|b| b.iter().all(u8::is_ascii_digit))
        };
        if !digits(0..4) {
            return None;
        }
        let year: i32 = s.get(0..4)?.parse().ok()?;
        match bytes.len() {
            4 => Some(Anchor {
                year,
                month: None,
                day: None,
            }),
            7 if bytes[4] == b'-' && digits(5..7) => {
                let month: u32 = s.get(5..7)?.parse().ok()?;
                (1..=12).contains(&month).then_some(Anchor {
                    year,
                    month: Some(month),
                    day: None,
                })
            }
            10.. if bytes[4] == b'-' && bytes[7] == b'-' && digits(5..7) && digits(8..10) => {
                if bytes.len() > 10 && !matches!(bytes[10], b'T' | b't' | b' ') {
                    return None;
                }
                let month: u32 = s.get(5..7)?.parse().ok()?;
                let day: u32 = s.get(8..10)?.parse().ok()?;
                NaiveDate::from_ymd_opt(year, month, day)?;
                Some(Anchor {
                    year,
                    month: Some(month),
                    day: Some(day),
                })
            }
            _ => None,
        }
    }

    /// The anchor as a calendar day, when it has day precision and exists.
    pub fn date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month?, self.day?)
    }

    /// Months since year 0, when the anchor has a valid month.
    fn month_index(&self) -> Option<i64> {
        let month = self.month.filter(|m| (1..=12).contains(m))?;
        Some(calendar::month_index(self.year, month))
    }
}

/// What a time expression says about time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeKind {
    /// A date, month, year, quarter or season: when something happened.
    Point,
    /// A range between two times: "May/June", "1986/87", "May 1-10",
    /// "from May to July", "the past three months".
    Interval,
    /// An upper bound: "until next March", "by 1990". The value is the bound,
    /// not when something happened.
    Until,
    /// A lower bound: "since 1985". The value is the bound.
    Since,
    /// A length of time: "for two years", "three months". Never a date; its
    /// value is always `None`.
    Duration,
}

/// One time expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeMention {
    /// Byte offset of the first byte in the input.
    pub start: usize,
    /// Byte offset one past the last byte in the input.
    pub end: usize,
    /// The expression as written (`&input[start..end]`).
    pub text: String,
    /// What the expression says about time.
    pub kind: TimeKind,
    /// ISO 8601 value or interval; `None` when it cannot be resolved.
    pub value: Option<String>,
}

/// All time expressions in `text`, left to right, non-overlapping, longest
/// match. Relative expressions resolve against `anchor`; with `None` they
/// are still found but their value is `None`.
pub fn find_times(text: &str, anchor: Option<&Anchor>) -> Vec<TimeMention> {
    let lowered = text.to_ascii_lowercase();
    let tokens = token::tokenize_in(text, Some(&lowered));
    grammar::scan(&tokens)
        .into_iter()
        .map(|hit| mention(text, &tokens, &hit, anchor))
        .collect()
}

/// Normalise one expression (the whole string is the expression, after an
/// optional leading preposition such as "in" or "on"). Returns `None` when
/// the string is not one time expression or its value cannot be resolved.
pub fn resolve(expr: &str, anchor: Option<&Anchor>) -> Option<String> {
    resolve_mention(expr, anchor)?.value
}

/// Like [`resolve`], but returns the whole mention (kind, span, value) so a
/// caller can tell a bound or a duration from a date. Ambiguous words ("May",
/// "march", "fall") are read as times, since the caller says this is one.
pub fn resolve_mention(expr: &str, anchor: Option<&Anchor>) -> Option<TimeMention> {
    let tokens = token::tokenize(expr);
    let hit = grammar::whole(&tokens)?;
    Some(mention(expr, &tokens, &hit, anchor))
}

fn mention(
    text: &str,
    tokens: &[token::Token<'_>],
    hit: &grammar::Hit,
    anchor: Option<&Anchor>,
) -> TimeMention {
    let start = tokens[hit.start].start;
    let end = tokens[hit.end - 1].end;
    let value = match hit.kind {
        TimeKind::Duration => None,
        _ => hit.expr.resolve(anchor).map(calendar::Value::format),
    };
    TimeMention {
        start,
        end,
        text: text[start..end].to_string(),
        kind: hit.kind,
        value,
    }
}
