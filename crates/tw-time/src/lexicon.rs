//! The word lists behind the grammar, loaded once from `data/lexicon.tsv`.

use std::collections::{HashMap, HashSet};

use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: the keys are short words, looked up millions of times per
/// corpus; SipHash's flooding resistance buys nothing for an embedded list.
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

type FastBuild = BuildHasherDefault<Fnv>;
/// A map keyed by short words.
pub(crate) type WordMap<V> = HashMap<String, V, FastBuild>;
/// A set of short words.
pub(crate) type WordSet = HashSet<String, FastBuild>;

/// The embedded lexicon; see the header of the file for its format.
const LEXICON_TSV: &str = include_str!("../data/lexicon.tsv");

/// Why a lexicon line was rejected.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub(crate) enum LexiconError {
    /// A line has no phrase column.
    #[error("line {line}: expected CLASS<TAB>PHRASE[<TAB>VALUE]")]
    Shape {
        /// 1-based line number.
        line: usize,
    },
    /// The class column names no known class.
    #[error("line {line}: unknown class `{class}`")]
    UnknownClass {
        /// 1-based line number.
        line: usize,
        /// The class as written.
        class: String,
    },
    /// The value column does not parse for its class.
    #[error("line {line}: bad value `{value}` for class `{class}`")]
    BadValue {
        /// 1-based line number.
        line: usize,
        /// The class as written.
        class: String,
        /// The value as written.
        value: String,
    },
}

/// A calendar unit as the grammar uses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CalUnit {
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Hour,
}

/// A period relative to the anchor: unit plus offset (`None` for "the most
/// recent", used by "the weekend").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Relative {
    pub unit: CalUnit,
    pub offset: Option<i64>,
}

/// A month name entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct MonthWord {
    pub month: u32,
    /// Abbreviations and words that are also ordinary English ("May",
    /// "March") need date context.
    pub needs_context: bool,
    pub abbreviation: bool,
}

/// A season word: its first month and whether it needs a year or determiner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SeasonWord {
    pub first_month: u32,
    pub ambiguous: bool,
}

/// Multi-word phrases indexed by their first word.
#[derive(Debug)]
pub(crate) struct PhraseTable<V> {
    entries: Vec<(Vec<String>, V)>,
    by_first: WordMap<Vec<usize>>,
}

impl<V> Default for PhraseTable<V> {
    fn default() -> Self {
        PhraseTable {
            entries: Vec::new(),
            by_first: WordMap::default(),
        }
    }
}

impl<V> PhraseTable<V> {
    fn insert(&mut self, phrase: Vec<String>, value: V) {
        let index = self.entries.len();
        self.by_first
            .entry(phrase[0].clone())
            .or_default()
            .push(index);
        self.entries.push((phrase, value));
    }

    /// Entries whose first word is `first`.
    pub(crate) fn starting_with<'a>(
        &'a self,
        first: &str,
    ) -> impl Iterator<Item = (&'a [String], &'a V)> + 'a {
        self.by_first
            .get(first)
            .into_iter()
            .flatten()
            .map(|&i| (self.entries[i].0.as_slice(), &self.entries[i].1))
    }

    /// Every first word.
    pub(crate) fn first_words(&self) -> impl Iterator<Item = &str> {
        self.by_first.keys().map(String::as_str)
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }
}

/// Every word list the grammar reads.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    pub months: WordMap<MonthWord>,
    pub weekdays: WordMap<u32>,
    pub counts: PhraseTable<u32>,
    pub vague_counts: PhraseTable<()>,
    pub ordinals: WordMap<u32>,
    pub units: WordMap<CalUnit>,
    pub seasons: WordMap<SeasonWord>,
    pub season_blockers: WordSet,
    pub quantity_units: WordSet,
    pub currency_signs: WordSet,
    pub month_context_before: WordSet,
    pub month_context_weak: WordSet,
    pub month_context_after: WordSet,
    pub month_suffix: WordSet,
    pub period_suffix: PhraseTable<()>,
    pub year_prefix: PhraseTable<()>,
    pub period_det: WordSet,
    pub period_noun: PhraseTable<()>,
    pub relative: PhraseTable<Relative>,
    pub edge: PhraseTable<()>,
    pub edge_target: PhraseTable<Relative>,
    pub unanchored: PhraseTable<()>,
    pub unanchored_noun: WordSet,
    pub vague: PhraseTable<()>,
    pub bound: PhraseTable<()>,
    pub since: PhraseTable<()>,
    pub future_cue: PhraseTable<()>,
    pub daypart: WordSet,
    pub duration_noun: WordSet,
    /// Every word of every line, whatever its list: a token whose text is
    /// none of these is in no list, so the grammar need not look it up.
    pub vocabulary: WordSet,
}

impl Lexicon {
    /// Every word that can begin an expression through a list: month,
    /// weekday, season, ordinal and count words and the first words of the
    /// phrase lists that start expressions.
    pub(crate) fn starting_words(&self) -> WordSet {
        let mut words = WordSet::default();
        words.extend(self.months.keys().cloned());
        words.extend(self.weekdays.keys().cloned());
        words.extend(self.seasons.keys().cloned());
        words.extend(self.ordinals.keys().cloned());
        for table in [
            &self.vague_counts,
            &self.year_prefix,
            &self.period_noun,
            &self.edge,
            &self.unanchored,
            &self.vague,
            &self.bound,
            &self.since,
        ] {
            words.extend(table.first_words().map(str::to_string));
        }
        words.extend(self.counts.first_words().map(str::to_string));
        words.extend(self.relative.first_words().map(str::to_string));
        words.extend(self.period_det.iter().cloned());
        words
    }
}

/// The lexicon, parsed on first use.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    // The file is embedded at compile time and every line is checked by the
    // `embedded_lexicon_parses` test, so a failure here is a build defect.
    LEXICON.get_or_init(|| parse(LEXICON_TSV).expect("embedded lexicon is valid"))
}

fn parse_relative(value: &str) -> Option<Relative> {
    let mut chars = value.chars();
    let unit = match chars.next()? {
        'D' => CalUnit::Day,
        'W' => CalUnit::Week,
        'E' => CalUnit::Weekend,
        'M' => CalUnit::Month,
        'Q' => CalUnit::Quarter,
        'Y' => CalUnit::Year,
        _ => return None,
    };
    let rest = chars.as_str();
    let offset = if rest == "~" {
        None
    } else {
        Some(rest.parse().ok()?)
    };
    Some(Relative { unit, offset })
}

fn parse_unit(value: &str) -> Option<CalUnit> {
    Some(match value {
        "D" => CalUnit::Day,
        "W" => CalUnit::Week,
        "M" => CalUnit::Month,
        "Q" => CalUnit::Quarter,
        "Y" => CalUnit::Year,
        "X" => CalUnit::Decade,
        "H" => CalUnit::Hour,
        _ => return None,
    })
}

/// Parse lexicon text. Public to the crate so tests can check the file.
pub(crate) fn parse(text: &str) -> Result<Lexicon, LexiconError> {
    let mut lex = Lexicon::default();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let trimmed = raw.trim_end();
        if trimmed.trim().is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let mut columns = trimmed.split('\t');
        let class = columns.next().unwrap_or_default().trim();
        let phrase_text = columns.next().ok_or(LexiconError::Shape { line })?.trim();
        let value = columns.next().unwrap_or("").trim();
        let phrase: Vec<String> = phrase_text
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        if phrase.is_empty() {
            return Err(LexiconError::Shape { line });
        }
        lex.vocabulary.extend(phrase.iter().cloned());
        let bad = || LexiconError::BadValue {
            line,
            class: class.to_string(),
            value: value.to_string(),
        };
        let single = || -> Result<String, LexiconError> {
            if phrase.len() == 1 {
                Ok(phrase[0].clone())
            } else {
                Err(LexiconError::Shape { line })
            }
        };
        match class {
            "month" => {
                let mut parts = value.split(',');
                let month: u32 = parts
                    .next()
                    .and_then(|m| m.parse().ok())
                    .filter(|m| (1..=12).contains(m))
                    .ok_or_else(bad)?;
                let mut word = MonthWord {
                    month,
                    needs_context: false,
                    abbreviation: false,
                };
                for flag in parts {
                    match flag {
                        "abbr" => {
                            word.abbreviation = true;
                            word.needs_context = true;
                        }
                        "ambiguous" => word.needs_context = true,
                        _ => return Err(bad()),
                    }
                }
                lex.months.insert(single()?, word);
            }
            "weekday" => {
                let day = value
                    .parse()
                    .ok()
                    .filter(|d| (1..=7).contains(d))
                    .ok_or_else(bad)?;
                lex.weekdays.insert(single()?, day);
            }
            "count" => {
                let n = value.parse().ok().filter(|&n| n > 0).ok_or_else(bad)?;
                lex.counts.insert(phrase, n);
            }
            "ordinal" => {
                let n = value
                    .parse()
                    .ok()
                    .filter(|n| (1..=4).contains(n))
                    .ok_or_else(bad)?;
                lex.ordinals.insert(single()?, n);
            }
            "unit" => {
                let unit = parse_unit(value).ok_or_else(bad)?;
                lex.units.insert(single()?, unit);
            }
            "season" => {
                let mut parts = value.split(',');
                let first_month = parts
                    .next()
                    .and_then(|m| m.parse().ok())
                    .filter(|m| matches!(m, 3 | 6 | 9 | 12))
                    .ok_or_else(bad)?;
                let mut ambiguous = false;
                for flag in parts {
                    match flag {
                        "ambiguous" => ambiguous = true,
                        _ => return Err(bad()),
                    }
                }
                lex.seasons.insert(
                    single()?,
                    SeasonWord {
                        first_month,
                        ambiguous,
                    },
                );
            }
            "relative" | "edge_target" => {
                let relative = parse_relative(value).ok_or_else(bad)?;
                if class == "relative" {
                    lex.relative.insert(phrase, relative);
                } else {
                    lex.edge_target.insert(phrase, relative);
                }
            }
            _ => {
                if !value.is_empty() {
                    return Err(bad());
                }
                let set = match class {
                    "season_blocker" => Some(&mut lex.season_blockers),
                    "quantity_unit" => Some(&mut lex.quantity_units),
                    "currency_sign" => Some(&mut lex.currency_signs),
                    "month_context_before" => Some(&mut lex.month_context_before),
                    "month_context_weak" => Some(&mut lex.month_context_weak),
                    "month_context_after" => Some(&mut lex.month_context_after),
                    "month_suffix" => Some(&mut lex.month_suffix),
                    "period_det" => Some(&mut lex.period_det),
                    "unanchored_noun" => Some(&mut lex.unanchored_noun),
                    "daypart" => Some(&mut lex.daypart),
                    "duration_noun" => Some(&mut lex.duration_noun),
                    _ => None,
                };
                if let Some(set) = set {
                    set.insert(single()?);
                    continue;
                }
                let table = match class {
                    "vague_count" => &mut lex.vague_counts,
                    "period_suffix" => &mut lex.period_suffix,
                    "year_prefix" => &mut lex.year_prefix,
                    "period_noun" => &mut lex.period_noun,
                    "edge" => &mut lex.edge,
                    "unanchored" => &mut lex.unanchored,
                    "vague" => &mut lex.vague,
                    "bound" => &mut lex.bound,
                    "since" => &mut lex.since,
                    "future_cue" => &mut lex.future_cue,
                    _ => {
                        return Err(LexiconError::UnknownClass {
                            line,
                            class: class.to_string(),
                        })
                    }
                };
                table.insert(phrase, ());
            }
        }
    }
    Ok(lex)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_parses() {
        let lex = parse(LEXICON_TSV).unwrap();
        assert_eq!(lex.months["may"].month, 5);
        assert!(lex.months["may"].needs_context);
        assert!(lex.months["sept"].abbreviation);
        assert!(!lex.months["june"].needs_context);
        assert_eq!(lex.weekdays.len(), 7);
        assert!(lex.relative.len() > 20);
        assert!(lex.quantity_units.contains("tonnes"));
    }

    #[test]
    fn rejects_bad_lines() {
        assert_eq!(
            parse("month\tfoo\t13").unwrap_err(),
            LexiconError::BadValue {
                line: 1,
                class: "month".into(),
                value: "13".into()
            }
        );
        assert_eq!(
            parse("# c\nnonsense\tword").unwrap_err(),
            LexiconError::UnknownClass {
                line: 2,
                class: "nonsense".into()
            }
        );
        assert_eq!(parse("month").unwrap_err(), LexiconError::Shape { line: 1 });
        assert!(matches!(
            parse("vague\trecently\tX"),
            Err(LexiconError::BadValue { .. })
        ));
        assert!(matches!(
            parse("relative\ttoday\tZ1"),
            Err(LexiconError::BadValue { .. })
        ));
    }
}
