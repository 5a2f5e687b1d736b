//! Crate-level tests: the expression table, whole sentences, properties.

use crate::{find_times, resolve, resolve_mention, Anchor, TimeKind};
use proptest::prelude::*;

/// Expressions with their expected kind and value; see the file header.
const CASES: &str = include_str!("../tests/resolve_cases.tsv");

fn kind_name(kind: TimeKind) -> &'static str {
    match kind {
        TimeKind::Point => "point",
        TimeKind::Interval => "interval",
        TimeKind::Until => "until",
        TimeKind::Since => "since",
        TimeKind::Duration => "duration",
    }
}

#[test]
fn expression_table() {
    let mut failures = Vec::new();
    let mut cases = 0;
    for (index, line) in CASES.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        assert_eq!(columns.len(), 4, "line {}: {line:?}", index + 1);
        let [anchor, expr, kind, value] = [columns[0], columns[1], columns[2], columns[3]];
        let anchor = (anchor != "-").then(|| {
            Anchor::from_iso(anchor).unwrap_or_else(|| panic!("line {}: bad anchor", index + 1))
        });
        let expected_value = (value != "-").then_some(value);
        let mention = resolve_mention(expr, anchor.as_ref());
        let got_kind = mention.as_ref().map_or("none", |m| kind_name(m.kind));
        let got_value = resolve(expr, anchor.as_ref());
        cases += 1;
        if got_kind != kind || got_value.as_deref() != expected_value {
            failures.push(format!(
                "line {}: {expr:?} (anchor {}): expected {kind} {value}, got {got_kind} {}",
                index + 1,
                columns[0],
                got_value.as_deref().unwrap_or("-"),
            ));
        }
    }
    assert!(cases >= 150, "the table must keep at least 150 cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn anchor(s: &str) -> Anchor {
    Anchor::from_iso(s).unwrap()
}

/// `(text, kind, value)` of each mention.
fn found(text: &str, anchor: Option<&Anchor>) -> Vec<(String, TimeKind, Option<String>)> {
    find_times(text, anchor)
        .into_iter()
        .map(|m| {
            assert_eq!(&text[m.start..m.end], m.text, "offsets of {m:?}");
            (m.text, m.kind, m.value)
        })
        .collect()
}

fn p(text: &str, kind: TimeKind, value: Option<&str>) -> (String, TimeKind, Option<String>) {
    (text.to_string(), kind, value.map(str::to_string))
}

#[test]
fn sentences_with_offsets() {
    let a = anchor("1987-03-26");
    let text = "The Commodity Credit Corporation, CCC, has accepted bids for export \
                bonuses on 36,000 tonnes of durum wheat for shipment May 1-10, 1987, \
                it said yesterday.";
    let mentions = find_times(text, Some(&a));
    assert_eq!(mentions.len(), 2, "{mentions:?}");
    assert_eq!(mentions[0].text, "May 1-10, 1987");
    assert_eq!(mentions[0].start, text.find("May 1-10").unwrap());
    assert_eq!(mentions[0].value.as_deref(), Some("1987-05-01/1987-05-10"));
    assert_eq!(mentions[1].text, "yesterday");
    assert_eq!(mentions[1].value.as_deref(), Some("1987-03-25"));

    assert_eq!(
        found(
            "In calendar 1986, seamless pipe exports fell to 2.34 mln tonnes from 2.99 mln in 1985 and 3.12 mln in 1981.",
            Some(&a)
        ),
        vec![
            p("calendar 1986", TimeKind::Point, Some("1986")),
            p("1985", TimeKind::Point, Some("1985")),
            p("1981", TimeKind::Point, Some("1981")),
        ]
    );
}

#[test]
fn offsets_are_bytes_after_multibyte_text() {
    let text = "Exportación — «récord» in January 1986, según el ministerio.";
    let mentions = find_times(text, None);
    assert_eq!(mentions.len(), 1);
    let m = &mentions[0];
    assert_eq!(m.start, text.find("January").unwrap());
    assert_eq!(&text[m.start..m.end], "January 1986");
    assert_eq!(m.value.as_deref(), Some("1986-01"));
}

#[test]
fn may_the_verb_is_not_a_month() {
    let a = anchor("1987-03-26");
    assert!(found("Prices may rise further. It may take weeks.", Some(&a)).is_empty());
    assert!(found("May rise in prices be expected?", Some(&a)).is_empty());
    assert!(found("Officials may March on the capital.", Some(&a)).is_empty());
    assert!(found(
        "Prime Minister Theresa May said trade would grow.",
        Some(&a)
    )
    .is_empty());
    assert_eq!(
        found("Exports rose in May and may rise again in June.", Some(&a)),
        vec![
            p("May", TimeKind::Point, Some("1987-05")),
            p("June", TimeKind::Point, Some("1987-06")),
        ]
    );
    assert_eq!(
        found("May shipment was quoted at 25 dlrs.", Some(&a)),
        vec![p("May shipment", TimeKind::Point, Some("1987-05"))]
    );
    assert_eq!(
        found("Imports in April and May fell.", Some(&a)),
        vec![
            p("April", TimeKind::Point, Some("1987-04")),
            p("May", TimeKind::Point, Some("1987-05")),
        ]
    );
}

#[test]
fn crate_doc_example_holds() {
    let anchor = Anchor::from_iso("1987-03-26").unwrap();
    let found = find_times(
        "Kenya coffee for May/June shipment may rise.",
        Some(&anchor),
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].text, "May/June shipment");
    assert_eq!(found[0].kind, TimeKind::Interval);
    assert_eq!(found[0].value.as_deref(), Some("1987-05/1987-06"));
}

#[test]
fn month_names_in_names_and_sentence_ends() {
    let a = anchor("1987-03-26");
    assert!(found(
        "It completed the acquisition of May Energy Partners Ltd.",
        Some(&a)
    )
    .is_empty());
    assert_eq!(
        found(
            "The record date is March 9. Payment follows on March Nine.",
            Some(&a)
        ),
        vec![
            p("March 9", TimeKind::Point, Some("1987-03-09")),
            p("March Nine", TimeKind::Point, Some("1987-03-09")),
        ]
    );
    // A number word after "in May" is a count, not a day.
    assert_eq!(
        found("In May two firms left.", Some(&a)),
        vec![p("May", TimeKind::Point, Some("1987-05"))]
    );
    assert!(found("The market stays open until about 2000 EST.", Some(&a)).is_empty());
}

#[test]
fn quantities_are_not_years() {
    let a = anchor("1987-03-26");
    assert!(found(
        "It sold 1,986 tonnes and 2,000 tonnes, then 1987 tonnes for 1990 dlrs, up 2000 pct.",
        Some(&a)
    )
    .is_empty());
    assert!(found("The price was $1987 or 1987.5 dlrs, Section 5.", Some(&a)).is_empty());
    assert!(found("March 12 pct of the total went abroad.", Some(&a)).is_empty());
}

#[test]
fn crops_named_after_seasons_are_not_times() {
    let a = anchor("1987-03-26");
    assert!(found("Winter wheat and spring wheat plantings fell.", Some(&a)).is_empty());
    assert!(found("Prices could fall in the spring wheat market.", Some(&a)).is_empty());
    assert_eq!(
        found("Sowing resumed in the spring after a dry winter.", Some(&a)),
        vec![p("the spring", TimeKind::Point, Some("1987-03/1987-05"))]
    );
}

#[test]
fn durations_are_never_points() {
    let a = anchor("1987-03-26");
    assert_eq!(
        found(
            "The two countries signed a five-year trade pact that will run for two years.",
            Some(&a)
        ),
        vec![
            p("five-year", TimeKind::Duration, None),
            p("for two years", TimeKind::Duration, None),
        ]
    );
    assert_eq!(
        found("The suspension will last at least four months.", Some(&a)),
        vec![p("four months", TimeKind::Duration, None)]
    );
}

#[test]
fn bounds_and_ranges_in_sentences() {
    let a = anchor("2022-11");
    assert_eq!(
        found(
            "The ban stays until next March, the ministry said.",
            Some(&a)
        ),
        vec![p("until next March", TimeKind::Until, Some("2023-03"))]
    );
    let a = anchor("1987-03-12");
    assert_eq!(
        found(
            "Pakistan is likely to import 100,000 tonnes of palm oil between April and June, traders said.",
            Some(&a)
        ),
        vec![p("between April and June", TimeKind::Interval, Some("1987-04/1987-06"))]
    );
    assert_eq!(
        found(
            "Output has risen since 1985 and should double by 1990.",
            Some(&a)
        ),
        vec![
            p("since 1985", TimeKind::Since, Some("1985")),
            p("by 1990", TimeKind::Until, Some("1990")),
        ]
    );
}

#[test]
fn weekdays_follow_tense() {
    let a = anchor("1987-03-26");
    assert_eq!(
        found(
            "The minister said on Monday that talks will resume on Tuesday.",
            Some(&a)
        ),
        vec![
            p("Monday", TimeKind::Point, Some("1987-03-23")),
            p("Tuesday", TimeKind::Point, Some("1987-03-31")),
        ]
    );
}

#[test]
fn no_anchor_leaves_relative_times_unresolved() {
    let text = "Exports rose last month and yesterday, in May, this year and in 1986/87, \
                against January 1986.";
    let mentions = found(text, None);
    let values: Vec<Option<&str>> = mentions.iter().map(|m| m.2.as_deref()).collect();
    assert_eq!(
        values,
        vec![None, None, None, None, Some("1986/1987"), Some("1986-01")],
        "{mentions:?}"
    );
}

#[test]
fn reuters_style_marketing_years() {
    let a = anchor("1987-04-09");
    assert_eq!(
        found(
            "Canadian wheat exports in 1986/87 are forecast at 19.00 mln tonnes, vs 19.00 mln tonnes last month.",
            Some(&a)
        ),
        vec![
            p("1986/87", TimeKind::Interval, Some("1986/1987")),
            p("last month", TimeKind::Point, Some("1987-03")),
        ]
    );
    assert_eq!(
        found(
            "Dutch imports fell in January from the year-ago month.",
            Some(&a)
        ),
        vec![
            p("January", TimeKind::Point, Some("1987-01")),
            p("the year-ago month", TimeKind::Point, None),
        ]
    );
}

#[test]
fn anchor_parsing() {
    assert_eq!(
        Anchor::from_iso("2022"),
        Some(Anchor {
            year: 2022,
            month: None,
            day: None
        })
    );
    assert_eq!(
        Anchor::from_iso("2022-11"),
        Some(Anchor {
            year: 2022,
            month: Some(11),
            day: None
        })
    );
    assert_eq!(
        Anchor::from_iso("1987-03-26T10:00:00Z"),
        Some(Anchor {
            year: 1987,
            month: Some(3),
            day: Some(26)
        })
    );
    for bad in [
        "",
        "87",
        "2022-13",
        "2022-02-30",
        "2022-1",
        "abcd",
        "2022-11-04X",
        "1987-03-26junk",
    ] {
        assert_eq!(Anchor::from_iso(bad), None, "{bad:?}");
    }
}

#[test]
fn hand_built_invalid_anchor_does_not_panic() {
    let a = Anchor {
        year: 1987,
        month: Some(13),
        day: Some(40),
    };
    assert_eq!(resolve("yesterday", Some(&a)), None);
    assert_eq!(resolve("May", Some(&a)), None);
    assert_eq!(resolve("last year", Some(&a)), Some("1986".to_string()));
}

#[test]
fn resolve_rejects_more_than_one_expression() {
    let a = anchor("1987-03-26");
    assert_eq!(resolve("May and June", Some(&a)), None);
    assert_eq!(resolve("prices rose", Some(&a)), None);
    assert_eq!(resolve("", Some(&a)), None);
    assert_eq!(resolve("in 1985.", Some(&a)), Some("1985".to_string()));
}

proptest! {
    #[test]
    fn find_times_never_panics_and_spans_match(text in "\\PC{0,80}") {
        let a = anchor("1987-03-26");
        for anchor in [None, Some(&a)] {
            let mut last_end = 0;
            for m in find_times(&text, anchor) {
                prop_assert!(m.start < m.end && m.start >= last_end);
                prop_assert_eq!(text.get(m.start..m.end), Some(m.text.as_str()));
                if m.kind == TimeKind::Duration {
                    prop_assert_eq!(m.value, None);
                }
                last_end = m.end;
            }
            let _ = resolve(&text, anchor);
        }
    }

    #[test]
    fn date_like_text_never_panics(
        text in "(?:(?:in|on|May|March|mid|-|/|1987|86|87|1-10|Q3|3Q|FY|fiscal|last|next|the|first|half|of|quarter|spring|winter|week|year|years|ago|from|to|between|and|until|since|Monday|,|\\.|[0-9]{1,4}) ){0,12}"
    ) {
        let a = anchor("1987-03-26");
        for anchor in [None, Some(&a), Some(&Anchor { year: i32::MAX, month: Some(12), day: Some(31) })] {
            for m in find_times(&text, anchor) {
                prop_assert_eq!(text.get(m.start..m.end), Some(m.text.as_str()));
            }
            let _ = resolve(&text, anchor);
        }
    }
}
