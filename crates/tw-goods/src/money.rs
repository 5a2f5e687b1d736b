//! Money amounts: "11.7 mln dlrs", "$5", "US$ 3 million", "25 dlrs a
//! tonne", "2.5 mln marks", "180.8 mln dlrs fob".

use crate::number::{scan_numbers, ScannedNumber};
use crate::tables::{pounds_is_weight, tidy, Guard, Tables};
use crate::text::{skip_space, words_after};

/// An amount of money named in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct MoneyMention {
    /// Byte offset of the first character in the text given.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// The words of the text (`text[start..end]`).
    pub text: String,
    /// The amount, scaled ("1.5 billion dlrs" is 1.5e9; "25 cts" is 0.25).
    pub amount: f64,
    /// ISO 4217 code (`USD` for "dlrs"; withdrawn codes such as `DEM` and
    /// `FRF` for the pre-euro currencies of older copy).
    pub currency: String,
    /// For a price, the unit it is per ("25 dlrs a tonne": `Some("t")`,
    /// "2 dlrs a share": `Some("share")`).
    pub per_unit: Option<String>,
    /// Delivery terms written after the amount (`fob`, `cif`, `cfr`, `fas`).
    pub terms: Option<String>,
}

/// Words after "won" that show the verb ("won a majority"), not the
/// currency.
const WON_VERB_OBJECTS: &[&str] = &[
    "a",
    "an",
    "the",
    "its",
    "their",
    "his",
    "her",
    "our",
    "my",
    "your",
    "this",
    "that",
    "these",
    "those",
    "approval",
    "support",
    "praise",
    "election",
    "elections",
    "seats",
    "votes",
    "majority",
    "contracts",
    "contract",
    "over",
    "back",
    "out",
    "first",
    "second",
    "gold",
    "silver",
    "bronze",
    "races",
    "games",
    "matches",
    "points",
    "awards",
];

/// Every money amount of `text`, in order, not overlapping. A number needs
/// a currency word after it or a currency sign before it; percentages
/// ("42 pct") and bare numbers are not money.
pub fn find_money(text: &str) -> Vec<MoneyMention> {
    money_in(text, &scan_numbers(text))
}

/// [`find_money`] over the numbers of `text` already scanned.
pub(crate) fn money_in(text: &str, numbers: &[ScannedNumber]) -> Vec<MoneyMention> {
    let tables = Tables::global();
    let mut found = Vec::new();
    let mut covered_to = 0;
    for (index, number) in numbers.iter().enumerate() {
        if number.start < covered_to {
            continue;
        }
        if let Some(mention) = money_at(text, tables, number, numbers.get(index + 1)) {
            covered_to = mention.end;
            found.push(mention);
        }
    }
    found
}

/// The prefix currency ending right before `number_start` (glued, or after
/// one short run of spaces): its start and value.
fn prefix_before(
    text: &str,
    tables: &Tables,
    number_start: usize,
) -> Option<(usize, crate::tables::Currency)> {
    if let Some(found) = tables.prefixes.longest_ending_at(text, number_start) {
        return Some(found);
    }
    let head = &text[..number_start];
    let trimmed = head.trim_end_matches([' ', '\u{a0}']);
    let gap = head.len() - trimmed.len();
    if gap == 0 || gap > 2 {
        return None;
    }
    tables.prefixes.longest_ending_at(text, trimmed.len())
}

fn money_at(
    text: &str,
    tables: &Tables,
    number: &ScannedNumber,
    next: Option<&ScannedNumber>,
) -> Option<MoneyMention> {
    let prefix = prefix_before(text, tables, number.start);
    let suffix_start = skip_space(text, number.end);
    let suffix = tables
        .suffixes
        .longest_at(text, suffix_start)
        .filter(|_| suffix_start > number.end || !number.scaled);
    let (currency, mut end) = match (&suffix, &prefix) {
        (Some((suffix_end, currency)), _) => (currency.clone(), *suffix_end),
        (None, Some((_, currency))) => (currency.clone(), number.end),
        (None, None) => return None,
    };
    if suffix.is_some() {
        match currency.guard {
            Guard::Won => {
                if number.year_like {
                    return None;
                }
                let after = words_after(text, end, 1);
                if after
                    .first()
                    .is_some_and(|w| WON_VERB_OBJECTS.contains(&w.to_lowercase().as_str()))
                {
                    return None;
                }
            }
            Guard::WeightOf => {
                if pounds_is_weight(text, number.start, end) {
                    return None;
                }
            }
            Guard::None => {}
        }
    }
    let mut amount = number.value;
    // "$5-6 billion": the first figure shares the scale of the second.
    if suffix.is_none() && !number.scaled {
        if let Some(next) = next.filter(|n| n.scaled) {
            let between = text[number.end..next.start].trim();
            if matches!(between, "-" | "\u{2013}" | "to" | "and" | "or") {
                amount *= next.scale;
            }
        }
    }
    amount *= currency.factor;
    let mut per_unit = None;
    if let Some((per_end, unit)) = tables.per_unit_at(text, end) {
        per_unit = Some(unit);
        end = per_end;
    }
    let mut terms = None;
    if let Some((terms_end, term)) = tables.terms_at(text, end) {
        terms = Some(term.to_string());
        end = terms_end;
    }
    let start = prefix.map_or(number.start, |(start, _)| start);
    Some(MoneyMention {
        start,
        end,
        text: text[start..end].to_string(),
        amount: tidy(amount),
        currency: currency.code,
        per_unit,
        terms,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    #[test]
    fn money_table() {
        let cases: &[(&str, &str, f64, &str, Option<&str>)] = &[
            (
                "sales of 11.7 mln dlrs",
                "11.7 mln dlrs",
                11_700_000.0,
                "USD",
                None,
            ),
            ("1.5 billion dlrs", "1.5 billion dlrs", 1.5e9, "USD", None),
            (
                "180.8 mln dlrs fob",
                "180.8 mln dlrs fob",
                180_800_000.0,
                "USD",
                None,
            ),
            ("costs $5 each", "$5", 5.0, "USD", None),
            ("US$ 3 million", "US$ 3 million", 3e6, "USD", None),
            ("US$5.5 billion", "US$5.5 billion", 5.5e9, "USD", None),
            ("$2bn deal", "$2bn", 2e9, "USD", None),
            ("25 dlrs a tonne", "25 dlrs a tonne", 25.0, "USD", Some("t")),
            (
                "18.50 dlrs per barrel",
                "18.50 dlrs per barrel",
                18.5,
                "USD",
                Some("bbl"),
            ),
            ("120 dlrs/tonne", "120 dlrs/tonne", 120.0, "USD", Some("t")),
            (
                "25 cts a bushel",
                "25 cts a bushel",
                0.25,
                "USD",
                Some("bu"),
            ),
            (
                "1.20 dlrs a share",
                "1.20 dlrs a share",
                1.2,
                "USD",
                Some("share"),
            ),
            ("5,000 yen", "5,000 yen", 5000.0, "JPY", None),
            ("2.5 mln marks", "2.5 mln marks", 2_500_000.0, "DEM", None),
            ("40 mln stg", "40 mln stg", 40_000_000.0, "GBP", None),
            ("3 mln sterling", "3 mln sterling", 3_000_000.0, "GBP", None),
            (
                "3 mln pounds sterling",
                "3 mln pounds sterling",
                3_000_000.0,
                "GBP",
                None,
            ),
            (
                "a 5 mln pound loan",
                "5 mln pound",
                5_000_000.0,
                "GBP",
                None,
            ),
            ("£4.2 million", "£4.2 million", 4_200_000.0, "GBP", None),
            ("2 billion francs", "2 billion francs", 2e9, "FRF", None),
            (
                "2 billion Swiss francs",
                "2 billion Swiss francs",
                2e9,
                "CHF",
                None,
            ),
            ("500 mln ECUs", "500 mln ECUs", 5e8, "XEU", None),
            ("20 mln rupees", "20 mln rupees", 2e7, "INR", None),
            ("3 mln roubles", "3 mln roubles", 3e6, "RUB", None),
            ("3 mln rubles", "3 mln rubles", 3e6, "RUB", None),
            ("1.5 billion won", "1.5 billion won", 1.5e9, "KRW", None),
            ("800 won in exports", "800 won", 800.0, "KRW", None),
            ("10 billion yuan", "10 billion yuan", 1e10, "CNY", None),
            (
                "10 billion renminbi",
                "10 billion renminbi",
                1e10,
                "CNY",
                None,
            ),
            ("5 mln euros", "5 mln euros", 5e6, "EUR", None),
            ("€5 million", "€5 million", 5e6, "EUR", None),
            (
                "150 mln Canadian dlrs",
                "150 mln Canadian dlrs",
                1.5e8,
                "CAD",
                None,
            ),
            (
                "11.7 mln U.S. dlrs",
                "11.7 mln U.S. dlrs",
                11_700_000.0,
                "USD",
                None,
            ),
            ("a 100 mln dlr loan", "100 mln dlr", 1e8, "USD", None),
            ("$5-6 billion", "$5", 5e9, "USD", None),
            ("two billion dlrs", "two billion dlrs", 2e9, "USD", None),
            (
                "150 dlrs per 60-kilo bag",
                "150 dlrs per 60-kilo bag",
                150.0,
                "USD",
                Some("bag"),
            ),
            ("USD 40 million", "USD 40 million", 4e7, "USD", None),
            ("10 mln dlrs a year", "10 mln dlrs", 1e7, "USD", None),
            ("94 cts a pound", "94 cts a pound", 0.94, "USD", Some("lb")),
        ];
        for &(input, text, amount, currency, per_unit) in cases {
            let found = find_money(input);
            assert_eq!(found.len(), 1, "{input}: {found:?}");
            let m = &found[0];
            assert_eq!(m.text, text, "{input}");
            assert!(close(m.amount, amount), "{input}: {} != {amount}", m.amount);
            assert_eq!(m.currency, currency, "{input}");
            assert_eq!(m.per_unit.as_deref(), per_unit, "{input}");
        }
    }

    #[test]
    fn terms_are_kept() {
        let found = find_money("worth 180.8 mln dlrs fob and 20 mln dlrs c and f");
        let terms: Vec<Option<&str>> = found.iter().map(|m| m.terms.as_deref()).collect();
        assert_eq!(terms, vec![Some("fob"), Some("cfr")]);
    }

    #[test]
    fn not_money() {
        for input in [
            "rose 42 pct",
            "up 4.5 per cent",
            "36,000 tonnes",
            "in 1987 won a majority",
            "the party, with 45 won the vote",
            "2 mln pounds of beef",
            "cotton bales (375 pounds each)",
            "1.5 billion",
            "5 mln crowns",
            "Mrs 5",
        ] {
            let found = find_money(input);
            assert!(found.is_empty(), "{input}: {found:?}");
        }
    }
}
