//! The unit and currency tables of `data/units.tsv` and
//! `data/currencies.tsv`, parsed once, and the small grammar pieces shared by
//! quantities and money (bag sizes, rates, "of" + commodity).

use std::sync::OnceLock;

use crate::lexicon::Lexicon;
use crate::text::{char_at, skip_space, skip_space_or_hyphen, words_before, Phrase, PhraseIndex};
use crate::Error;

const UNITS_TSV: &str = include_str!("../data/units.tsv");
const CURRENCIES_TSV: &str = include_str!("../data/currencies.tsv");

/// What a quantity measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Dimension {
    /// Weight: tonnes, kilos, pounds, ounces.
    Mass,
    /// Volume: barrels, cubic metres, bushels, gallons.
    Volume,
    /// Volume per day: barrels per day.
    Flow,
    /// Counted things: bags, bales, head, units.
    Count,
    /// Land: acres, hectares.
    Area,
    /// Energy: kilowatt hours.
    Energy,
    /// Power: megawatts (a plant's capacity, not goods).
    Power,
    /// Ship size: deadweight tonnes (a ship's capacity, not goods).
    Capacity,
}

/// Extra condition on a table entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Guard {
    None,
    /// "won" is also the past of "win".
    Won,
    /// "pounds" is a weight before "of" + a commodity, otherwise money.
    WeightOf,
}

/// One unit phrase of `units.tsv`.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    /// Canonical unit, `None` for the text's own word.
    pub(crate) unit: Option<String>,
    pub(crate) factor: f64,
    /// `None` for units that only follow prices ("a share").
    pub(crate) dimension: Option<Dimension>,
    pub(crate) per_unit: Option<String>,
    pub(crate) guard: Guard,
}

/// One currency phrase of `currencies.tsv`.
#[derive(Debug, Clone)]
pub(crate) struct Currency {
    pub(crate) code: String,
    pub(crate) factor: f64,
    pub(crate) guard: Guard,
}

/// Both tables, indexed for matching.
#[derive(Debug)]
pub(crate) struct Tables {
    pub(crate) units: PhraseIndex<Unit>,
    pub(crate) prefixes: PhraseIndex<Currency>,
    pub(crate) suffixes: PhraseIndex<Currency>,
    rates: PhraseIndex<&'static str>,
    terms: PhraseIndex<&'static str>,
    kilos: PhraseIndex<()>,
    bags: PhraseIndex<()>,
    rate_introducers: PhraseIndex<()>,
}

fn data_error(file: &'static str, line: usize, message: impl Into<String>) -> Error {
    Error::Data {
        file,
        line,
        message: message.into(),
    }
}

fn parse_factor(file: &'static str, line: usize, field: &str) -> Result<f64, Error> {
    field
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|f| f.is_finite() && *f > 0.0)
        .ok_or_else(|| data_error(file, line, format!("bad factor {field:?}")))
}

fn parse_guard(file: &'static str, line: usize, field: &str) -> Result<Guard, Error> {
    match field.trim() {
        "-" => Ok(Guard::None),
        "won" => Ok(Guard::Won),
        "weight_of" => Ok(Guard::WeightOf),
        other => Err(data_error(file, line, format!("bad guard {other:?}"))),
    }
}

/// Data lines of a TSV: (line number, fields), skipping comments.
fn data_lines(source: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    source
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|(i, line)| (i + 1, line.split('\t').collect()))
}

fn parse_units(source: &str) -> Result<Vec<(Phrase, Unit)>, Error> {
    const FILE: &str = "units.tsv";
    let mut out = Vec::new();
    for (line, fields) in data_lines(source) {
        if fields.len() != 6 {
            return Err(data_error(
                FILE,
                line,
                format!("expected 6 fields, found {}", fields.len()),
            ));
        }
        let unit = match fields[1].trim() {
            "=" => None,
            u => Some(u.to_string()),
        };
        let factor = parse_factor(FILE, line, fields[2])?;
        let dimension = match fields[3].trim() {
            "mass" => Some(Dimension::Mass),
            "volume" => Some(Dimension::Volume),
            "flow" => Some(Dimension::Flow),
            "count" => Some(Dimension::Count),
            "area" => Some(Dimension::Area),
            "energy" => Some(Dimension::Energy),
            "power" => Some(Dimension::Power),
            "capacity" => Some(Dimension::Capacity),
            "price_only" => None,
            other => return Err(data_error(FILE, line, format!("bad dimension {other:?}"))),
        };
        let per_unit = match fields[4].trim() {
            "-" => None,
            p => Some(p.to_string()),
        };
        let guard = parse_guard(FILE, line, fields[5])?;
        let value = Unit {
            unit,
            factor,
            dimension,
            per_unit,
            guard,
        };
        for variant in fields[0].split('|').filter(|v| !v.trim().is_empty()) {
            out.push((Phrase::new(variant, false), value.clone()));
        }
    }
    Ok(out)
}

type CurrencyLists = (Vec<(Phrase, Currency)>, Vec<(Phrase, Currency)>);

fn parse_currencies(source: &str) -> Result<CurrencyLists, Error> {
    const FILE: &str = "currencies.tsv";
    let mut prefixes = Vec::new();
    let mut suffixes = Vec::new();
    for (line, fields) in data_lines(source) {
        if fields.len() != 6 {
            return Err(data_error(
                FILE,
                line,
                format!("expected 6 fields, found {}", fields.len()),
            ));
        }
        let code = fields[1].trim();
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(data_error(
                FILE,
                line,
                format!("bad ISO 4217 code {code:?}"),
            ));
        }
        let case_sensitive = match fields[3].trim() {
            "i" => false,
            "s" => true,
            other => return Err(data_error(FILE, line, format!("bad case {other:?}"))),
        };
        let currency = Currency {
            code: code.to_string(),
            factor: parse_factor(FILE, line, fields[4])?,
            guard: parse_guard(FILE, line, fields[5])?,
        };
        let list = match fields[2].trim() {
            "prefix" => &mut prefixes,
            "suffix" => &mut suffixes,
            other => return Err(data_error(FILE, line, format!("bad position {other:?}"))),
        };
        for variant in fields[0].split('|').filter(|v| !v.trim().is_empty()) {
            list.push((Phrase::new(variant, case_sensitive), currency.clone()));
        }
    }
    Ok((prefixes, suffixes))
}

fn index<T: Clone>(items: &[(&str, T)]) -> PhraseIndex<T> {
    PhraseIndex::new(
        items
            .iter()
            .map(|(phrase, value)| (Phrase::new(phrase, false), value.clone()))
            .collect(),
    )
}

impl Tables {
    fn build(units_tsv: &str, currencies_tsv: &str) -> Result<Tables, Error> {
        let units = PhraseIndex::new(parse_units(units_tsv)?);
        let (prefixes, suffixes) = parse_currencies(currencies_tsv)?;
        Ok(Tables {
            units,
            prefixes: PhraseIndex::new(prefixes),
            suffixes: PhraseIndex::new(suffixes),
            rates: index(&[
                ("day", "day"),
                ("year", "year"),
                ("annum", "year"),
                ("month", "month"),
                ("week", "week"),
            ]),
            terms: index(&[
                ("fob", "fob"),
                ("f.o.b.", "fob"),
                ("free on board", "fob"),
                ("fas", "fas"),
                ("cif", "cif"),
                ("c.i.f.", "cif"),
                ("c and f", "cfr"),
                ("c&f", "cfr"),
                ("c+f", "cfr"),
                ("cfr", "cfr"),
            ]),
            kilos: index(&[
                ("kilo", ()),
                ("kilos", ()),
                ("kg", ()),
                ("kgs", ()),
                ("kilogram", ()),
                ("kilograms", ()),
                ("kilogramme", ()),
                ("kilogrammes", ()),
            ]),
            bags: index(&[("bags", ()), ("bag", ()), ("sacks", ()), ("sack", ())]),
            rate_introducers: index(&[("a", ()), ("an", ()), ("per", ()), ("each", ())]),
        })
    }

    pub(crate) fn global() -> &'static Tables {
        static TABLES: OnceLock<Tables> = OnceLock::new();
        TABLES.get_or_init(|| {
            Tables::build(UNITS_TSV, CURRENCIES_TSV)
                .expect("embedded tw-goods unit and currency tables are valid (checked by tests)")
        })
    }

    /// "60 kilo bags", "(60-kg) bags", "60-kilo bag" at `at`: the end.
    pub(crate) fn sized_bags_at(&self, text: &str, at: usize) -> Option<usize> {
        let mut pos = at;
        let parenthesised = text[pos..].starts_with('(');
        if parenthesised {
            pos += 1;
        }
        let digits = text[pos..]
            .bytes()
            .take_while(|b| b.is_ascii_digit() || *b == b'.')
            .count();
        if digits == 0 {
            return None;
        }
        pos = skip_space_or_hyphen(text, pos + digits);
        let (kilo_end, ()) = self.kilos.longest_at(text, pos)?;
        pos = kilo_end;
        if text[pos..].starts_with('.') {
            pos += 1;
        }
        if parenthesised {
            if !text[pos..].starts_with(')') {
                return None;
            }
            pos += 1;
        }
        pos = skip_space_or_hyphen(text, pos);
        let (end, ()) = self.bags.longest_at(text, pos)?;
        Some(end)
    }

    /// " of 60 kilos (each)" after "bags": the end, if present.
    pub(crate) fn bag_size_tail(&self, text: &str, at: usize) -> Option<usize> {
        let pos = skip_space(text, at);
        let of_end = word_at(text, pos, "of")?;
        let pos = skip_space(text, of_end);
        let digits = text[pos..]
            .bytes()
            .take_while(|b| b.is_ascii_digit() || *b == b'.')
            .count();
        if digits == 0 {
            return None;
        }
        let pos = skip_space_or_hyphen(text, pos + digits);
        let (mut end, ()) = self.kilos.longest_at(text, pos)?;
        let after = skip_space(text, end);
        if let Some(each_end) = word_at(text, after, "each") {
            end = each_end;
        }
        Some(end)
    }

    /// " a day", " per year", " daily", "/day" at `at`: the end and period.
    pub(crate) fn rate_at(&self, text: &str, at: usize) -> Option<(usize, &'static str)> {
        if let Some(rest) = text[at..].strip_prefix('/') {
            let pos = at + 1;
            let _ = rest;
            return self.rates.longest_at(text, pos);
        }
        let pos = skip_space(text, at);
        if pos == at {
            return None;
        }
        for (word, period) in [("daily", "day"), ("annually", "year"), ("yearly", "year")] {
            if let Some(end) = word_at(text, pos, word) {
                return Some((end, period));
            }
        }
        let (intro_end, ()) = self.rate_introducers.longest_at(text, pos)?;
        let pos = skip_space(text, intro_end);
        if pos == intro_end {
            return None;
        }
        self.rates.longest_at(text, pos)
    }

    /// A unit named after a price ("a tonne", "per 60-kilo bag", "/barrel")
    /// at `at`: the end and the per-unit name.
    pub(crate) fn per_unit_at(&self, text: &str, at: usize) -> Option<(usize, String)> {
        let pos = if text[at..].starts_with('/') {
            at + 1
        } else {
            let pos = skip_space(text, at);
            if pos == at {
                return None;
            }
            let (intro_end, ()) = self.rate_introducers.longest_at(text, pos)?;
            let next = skip_space(text, intro_end);
            if next == intro_end {
                return None;
            }
            next
        };
        if let Some(end) = self.sized_bags_at(text, pos) {
            return Some((end, "bag".to_string()));
        }
        let (end, unit) = self.units.longest_at(text, pos)?;
        let per_unit = unit.per_unit?;
        Some((end, per_unit))
    }

    /// Delivery terms ("fob", "c and f") at `at`: the end and the term.
    pub(crate) fn terms_at(&self, text: &str, at: usize) -> Option<(usize, &'static str)> {
        let pos = skip_space(text, at);
        if pos == at {
            return None;
        }
        self.terms.longest_at(text, pos)
    }
}

/// The end of `word` if it stands at `at` as a whole word (ASCII case
/// insensitive).
pub(crate) fn word_at(text: &str, at: usize, word: &str) -> Option<usize> {
    let end = at + word.len();
    let candidate = text.as_bytes().get(at..end)?;
    if !candidate.eq_ignore_ascii_case(word.as_bytes()) {
        return None;
    }
    if char_at(text, end).is_some_and(char::is_alphanumeric) {
        return None;
    }
    Some(end)
}

/// True when "of" + a commodity follows byte `at` ("pounds of beef").
pub(crate) fn of_commodity_follows(text: &str, at: usize) -> bool {
    let pos = skip_space(text, at);
    let Some(of_end) = word_at(text, pos, "of") else {
        return false;
    };
    let start = skip_space(text, of_end);
    let mut end = (start + 80).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Lexicon::global()
        .find(&text[start..end])
        .first()
        .is_some_and(|m| m.start == 0)
}

/// Words that make a nearby "pounds" a weight.
const WEIGHT_WORDS: &[&str] = &[
    "weight", "weighing", "weighs", "weighed", "weigh", "payload",
];

/// True when the "pounds" of `start..end` (number to unit) is a weight, not
/// money: "of" + a commodity follows, "each" or "lots" follows ("bales (375
/// pounds each)", "48,000 pound lots"), or a weight word stands within the
/// eight words before.
pub(crate) fn pounds_is_weight(text: &str, start: usize, end: usize) -> bool {
    if of_commodity_follows(text, end) {
        return true;
    }
    let next = skip_space(text, end);
    if ["each", "lots", "lot"]
        .iter()
        .any(|w| word_at(text, next, w).is_some())
    {
        return true;
    }
    words_before(text, start, 8).iter().any(|w| {
        WEIGHT_WORDS
            .iter()
            .any(|weight| weight.eq_ignore_ascii_case(w))
    })
}

/// `x` rounded to 12 significant digits, so that scaling decimal text by
/// binary floating point ("4.06 mln", "94 cts") gives the number written.
pub(crate) fn tidy(x: f64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    format!("{x:.11e}").parse().unwrap_or(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_tables_parse() {
        let tables = Tables::build(UNITS_TSV, CURRENCIES_TSV).unwrap();
        assert!(tables.units.longest_at("tonnes", 0).is_some());
        assert!(tables.suffixes.longest_at("dlrs", 0).is_some());
    }

    #[test]
    fn bad_tables_are_typed_errors() {
        let err = Tables::build("tonnes\tt\tx\tmass\tt\t-\n", "").unwrap_err();
        assert!(err.to_string().contains("bad factor"), "{err}");
        let err = Tables::build("", "dlrs\tusd\tsuffix\ti\t1\t-\n").unwrap_err();
        assert!(err.to_string().contains("ISO 4217"), "{err}");
        let err = Tables::build("", "dlrs\tUSD\tsideways\ti\t1\t-\n").unwrap_err();
        assert!(matches!(err, Error::Data { line: 1, .. }), "{err}");
    }

    #[test]
    fn grammar_pieces() {
        let tables = Tables::global();
        assert_eq!(tables.sized_bags_at("60 kilo bags", 0), Some(12));
        assert_eq!(tables.sized_bags_at("(60-kg) bags", 0), Some(12));
        assert_eq!(tables.sized_bags_at("60 kilos", 0), None);
        assert_eq!(tables.bag_size_tail(" of 60 kilos each.", 0), Some(17));
        assert_eq!(tables.rate_at(" a day", 0), Some((6, "day")));
        assert_eq!(tables.rate_at(" daily", 0), Some((6, "day")));
        assert_eq!(tables.rate_at(" a share", 0), None);
        assert_eq!(
            tables.per_unit_at(" a tonne", 0),
            Some((8, "t".to_string()))
        );
        assert_eq!(
            tables.per_unit_at("/barrel", 0),
            Some((7, "bbl".to_string()))
        );
        assert_eq!(tables.terms_at(" fob", 0), Some((4, "fob")));
        assert!(of_commodity_follows(" of beef", 0));
        assert!(!of_commodity_follows(" of profit", 0));
        let bales = "7.6 mln bales (375 pounds each)";
        let at = bales.find("375").unwrap();
        assert!(pounds_is_weight(bales, at, at + 10));
        let weight = "a take-off weight of 870,000 pounds, up";
        let at = weight.find("870").unwrap();
        assert!(pounds_is_weight(weight, at, at + 14));
        let money = "spending of 24.2 billion pounds, unchanged";
        let at = money.find("24.2").unwrap();
        assert!(!pounds_is_weight(money, at, at + 19));
        assert_eq!(tidy(4.06 * 1e6), 4_060_000.0);
        assert_eq!(tidy(94.0 * 0.01), 0.94);
    }
}
