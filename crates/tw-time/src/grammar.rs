//! The time grammar: recognises expressions over tokens, left to right,
//! keeping the longest match at each position.
//!
//! Each `*_expr` method tries one family of expressions at a token index and
//! returns where it ends, what it means and its [`TimeKind`]. They read the
//! word lists in `data/lexicon.tsv`, so most extensions are a line there.

use std::cell::RefCell;
use std::sync::OnceLock;

use crate::calendar::{Expr, Period, WeekdayRef, YearRef};
use crate::lexicon::{lexicon, CalUnit, Lexicon, MonthWord, PhraseTable, WordMap, WordSet};
use crate::token::{tokenize, Token, TokenKind};
use crate::TimeKind;

/// One recognised expression: token range `start..end`, kind and meaning.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub kind: TimeKind,
    pub expr: Expr,
}

/// A parse of one family: end token (exclusive), meaning and kind.
type Parse = Option<(usize, Expr, TimeKind)>;

/// The earliest year a bare number may be read as.
const MIN_YEAR: u32 = 1900;
/// The latest year a bare number may be read as.
const MAX_YEAR: u32 = 2100;

/// Prepositions `resolve` skips before the expression proper.
const LEADING_PREPOSITIONS: &[&str] = &["in", "on", "at", "during", "of", "as", "for"];

/// Words the grammar itself starts expressions with, beyond the lexicon's.
const GRAMMAR_STARTERS: &[&str] = &[
    "the", "from", "between", "a", "an", "q", "h", "fy", "for", "over", "within", "this", "last",
    "next", "coming", "past", "first",
];

/// Words that may begin an expression; any other word is skipped at once,
/// which keeps the scan fast (most tokens are not times).
fn starters() -> &'static WordSet {
    static STARTERS: OnceLock<WordSet> = OnceLock::new();
    STARTERS.get_or_init(|| {
        let mut words = lexicon().starting_words();
        words.extend(GRAMMAR_STARTERS.iter().map(|w| w.to_string()));
        words
    })
}

/// A token's word may begin an expression ([`starters`]).
const STARTER: u8 = 1;
/// A token's word is in some list of the lexicon.
const KNOWN: u8 = 2;

/// What the grammar knows of each word, so that a token is looked up once.
struct Vocabulary {
    flags: WordMap<u8>,
    /// Whether any listed word is a number token: if not, numbers need no
    /// lookup.
    numbers: bool,
}

fn vocabulary() -> &'static Vocabulary {
    static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
    VOCABULARY.get_or_init(|| {
        let mut flags = WordMap::default();
        for word in &lexicon().vocabulary {
            *flags.entry(word.clone()).or_default() |= KNOWN;
        }
        for word in starters() {
            *flags.entry(word.clone()).or_default() |= STARTER;
        }
        let numbers = flags
            .keys()
            .any(|word| matches!(tokenize(word).as_slice(), [t] if t.kind == TokenKind::Number));
        Vocabulary { flags, numbers }
    })
}

/// All expressions in `tokens`, left to right, non-overlapping, longest first.
pub(crate) fn scan(tokens: &[Token<'_>]) -> Vec<Hit> {
    let grammar = Grammar::new(tokens, false);
    let mut hits = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match grammar.best_at(i) {
            Some(hit) => {
                i = hit.end;
                hits.push(hit);
            }
            None => i += 1,
        }
    }
    hits
}

/// The one expression that makes up all of `tokens` (after a leading
/// preposition), with ambiguous words read as dates.
pub(crate) fn whole(tokens: &[Token<'_>]) -> Option<Hit> {
    let grammar = Grammar::new(tokens, true);
    let mut first = 0;
    while first + 1 < tokens.len()
        && LEADING_PREPOSITIONS.contains(&tokens[first].lower.as_ref())
        && grammar.best_at(first).is_none()
    {
        first += 1;
    }
    let mut last = tokens.len();
    while last > first && matches!(tokens[last - 1].lower.as_ref(), "." | "," | ";" | ":") {
        last -= 1;
    }
    let hit = grammar.best_at(first)?;
    (hit.end == last).then_some(hit)
}

struct Grammar<'t> {
    t: &'t [Token<'t>],
    lex: &'static Lexicon,
    /// The caller says the text is a time expression: accept ambiguous words
    /// ("may", "march", "fall") and any letter case.
    whole: bool,
    /// `core` at each position, computed once: ranges and bounds ask again.
    core_memo: RefCell<Vec<Option<Parse>>>,
    /// [`STARTER`] and [`KNOWN`] of each token.
    flags: Vec<u8>,
}

fn point(end: usize, expr: Expr) -> Parse {
    Some((end, expr, TimeKind::Point))
}

/// Keep the longest of several parses (the earliest on a tie).
fn longest(parses: impl IntoIterator<Item = Parse>) -> Parse {
    let mut best: Parse = None;
    for parse in parses.into_iter().flatten() {
        if best.as_ref().is_none_or(|b| parse.0 > b.0) {
            best = Some(parse);
        }
    }
    best
}

impl<'t> Grammar<'t> {
    fn new(t: &'t [Token<'t>], whole: bool) -> Self {
        let vocabulary = vocabulary();
        let flags = t
            .iter()
            .map(|token| {
                if token.kind == TokenKind::Number && !vocabulary.numbers {
                    return 0;
                }
                vocabulary
                    .flags
                    .get(token.lower.as_ref())
                    .copied()
                    .unwrap_or(0)
            })
            .collect();
        Grammar {
            t,
            lex: lexicon(),
            whole,
            core_memo: RefCell::new(vec![None; t.len()]),
            flags,
        }
    }

    /// True when token `i` is a word of some list of the lexicon: any other
    /// token is in none, and needs no lookup.
    fn known(&self, i: usize) -> bool {
        self.flags.get(i).is_some_and(|f| f & KNOWN != 0)
    }

    // ----- token helpers -------------------------------------------------

    fn tok(&self, i: usize) -> Option<&'t Token<'t>> {
        self.t.get(i)
    }

    fn word(&self, i: usize) -> Option<&'t str> {
        self.tok(i)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.lower.as_ref())
    }

    fn is(&self, i: usize, text: &str) -> bool {
        self.tok(i).is_some_and(|t| t.lower == text)
    }

    fn is_any(&self, i: usize, texts: &[&str]) -> bool {
        self.tok(i)
            .is_some_and(|t| texts.contains(&t.lower.as_ref()))
    }

    fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.glued)
    }

    fn is_dash(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && t.lower == "-")
    }

    /// A plain number (no grouping) with its digit count.
    fn plain_number(&self, i: usize) -> Option<(u32, usize)> {
        self.tok(i)
            .filter(|t| t.kind == TokenKind::Number && !t.grouped)
            .and_then(|t| t.number.map(|n| (n, t.digits)))
    }

    /// The end of `phrase` if it starts at `i`.
    fn phrase_end(&self, i: usize, phrase: &[String]) -> Option<usize> {
        phrase
            .iter()
            .enumerate()
            .all(|(k, w)| self.tok(i + k).is_some_and(|t| t.lower == w.as_str()))
            .then_some(i + phrase.len())
    }

    /// The longest phrase of `table` starting at `i`.
    fn longest_phrase<V: Copy>(&self, i: usize, table: &PhraseTable<V>) -> Option<(usize, V)> {
        if !self.known(i) {
            return None;
        }
        let first = self.tok(i)?.lower.as_ref();
        table
            .starting_with(first)
            .filter_map(|(phrase, v)| self.phrase_end(i, phrase).map(|end| (end, *v)))
            .max_by_key(|(end, _)| *end)
    }

    /// True when the token after a number makes it a quantity.
    fn quantity_follows(&self, i: usize) -> bool {
        match self.tok(i) {
            Some(t) if t.kind == TokenKind::Word => {
                self.known(i) && self.lex.quantity_units.contains(t.lower.as_ref())
            }
            Some(t) => t.glued && t.lower == "%",
            None => false,
        }
    }

    /// A four-digit year between 1900 and 2100 that is not a quantity.
    fn year_at(&self, i: usize) -> Option<i32> {
        let (n, digits) = self.plain_number(i)?;
        if digits != 4 || !(MIN_YEAR..=MAX_YEAR).contains(&n) {
            return None;
        }
        let token = self.tok(i)?;
        if token.glued
            && i > 0
            && (self
                .lex
                .currency_signs
                .contains(self.t[i - 1].lower.as_ref())
                || matches!(self.t[i - 1].lower.as_ref(), "." | ","))
        {
            return None;
        }
        // Letters glued on ("1980s", "1987th") make something else.
        if self
            .tok(i + 1)
            .is_some_and(|t| t.glued && t.kind == TokenKind::Word)
        {
            return None;
        }
        if self.quantity_follows(i + 1) {
            return None;
        }
        i32::try_from(n).ok()
    }

    /// A day of the month, with an optional ordinal suffix ("12th").
    fn day_at(&self, i: usize) -> Option<(usize, u32)> {
        let (n, digits) = self.plain_number(i)?;
        if digits > 2 || !(1..=31).contains(&n) {
            return None;
        }
        let mut end = i + 1;
        if self.glued(end) && self.is_any(end, &["st", "nd", "rd", "th"]) {
            end += 1;
        } else if self
            .tok(end)
            .is_some_and(|t| t.glued && t.kind == TokenKind::Word)
        {
            return None;
        }
        // "10:30" is a time of day; a decimal is already one grouped token.
        if self.quantity_follows(end) || (self.glued(end) && self.is(end, ":")) {
            return None;
        }
        Some((end, n))
    }

    /// A day written as a word after a month ("on March Nine", Reuters
    /// style). Only after "on", where "in May two firms..." cannot occur.
    fn word_day_at(&self, month_at: usize, i: usize) -> Option<(usize, u32)> {
        if month_at == 0 || !self.is(month_at - 1, "on") {
            return None;
        }
        let (end, n) = self.longest_phrase(i, &self.lex.counts)?;
        ((1..=31).contains(&n) && !self.quantity_follows(end)).then_some((end, n))
    }

    /// A count: digits, a number word, a vague count (`None`), or with
    /// `article` "a"/"an" as one.
    fn count_at(&self, i: usize, article: bool) -> Option<(usize, Option<u32>)> {
        let token = self.tok(i)?;
        if token.kind == TokenKind::Number {
            if token.grouped {
                // "2.5 years" is a duration; "2,000 years" is not a time.
                return (!token.lower.contains(',')).then_some((i + 1, None));
            }
            let (n, digits) = self.plain_number(i)?;
            return (digits <= 3 && n > 0).then_some((i + 1, Some(n)));
        }
        let counted = self.longest_phrase(i, &self.lex.counts);
        let vague = self.longest_phrase(i, &self.lex.vague_counts);
        match (counted, vague) {
            (Some((a, n)), Some((b, _))) if a >= b => Some((a, Some(n))),
            (_, Some((b, _))) => Some((b, None)),
            (Some((a, n)), None) => Some((a, Some(n))),
            (None, None) => (article && self.is_any(i, &["a", "an"])).then_some((i + 1, Some(1))),
        }
    }

    fn unit_at(&self, i: usize) -> Option<CalUnit> {
        if !self.known(i) {
            return None;
        }
        self.word(i).and_then(|w| self.lex.units.get(w).copied())
    }

    /// An ordinal 1-4: "first", "2nd".
    fn ordinal_at(&self, i: usize) -> Option<(usize, u32)> {
        if let Some(n) = self
            .word(i)
            .filter(|_| self.known(i))
            .and_then(|w| self.lex.ordinals.get(w))
        {
            return Some((i + 1, *n));
        }
        let (n, digits) = self.plain_number(i)?;
        (digits == 1
            && (1..=4).contains(&n)
            && self.glued(i + 1)
            && self.is_any(i + 1, &["st", "nd", "rd", "th"]))
        .then_some((i + 2, n))
    }

    /// A month name (capitalised unless `whole`), with an abbreviation's
    /// optional period.
    fn month_at(&self, i: usize) -> Option<(usize, MonthWord)> {
        let token = self.tok(i)?;
        if token.kind != TokenKind::Word || !(self.whole || token.capitalised) || !self.known(i) {
            return None;
        }
        let month = *self.lex.months.get(token.lower.as_ref())?;
        let mut end = i + 1;
        if month.abbreviation && self.glued(end) && self.is(end, ".") {
            end += 1;
        }
        Some((end, month))
    }

    /// Date context before the month at `i`: "in May", "mid-May",
    /// "April and May".
    fn month_context_before(&self, i: usize) -> bool {
        if self.whole {
            return true;
        }
        let Some(prev) = i.checked_sub(1) else {
            return false;
        };
        if let Some(w) = self.word(prev) {
            if self.lex.month_context_before.contains(w) {
                // "the acquisition of May Energy": a weak preposition before a
                // name-like sequence is no date context.
                let name_follows = self.tok(i + 1).is_some_and(|t| {
                    t.kind == TokenKind::Word
                        && t.capitalised
                        && !self.lex.months.contains_key(t.lower.as_ref())
                });
                return !(name_follows && self.lex.month_context_weak.contains(w));
            }
        }
        if self.is_dash(prev) && self.glued(i) && prev > 0 {
            if let Some(w) = self.word(prev - 1) {
                if self.lex.month_context_before.contains(w) {
                    return true;
                }
            }
        }
        // A list or range of months: "April and May", "March, May".
        if self.is_any(prev, &["and", "or", ",", "/", "-", "to", "through"]) {
            return (prev.saturating_sub(3)..prev).any(|k| {
                self.tok(k).is_some_and(|t| {
                    t.capitalised && self.lex.months.contains_key(t.lower.as_ref())
                })
            });
        }
        false
    }

    /// A year after a month, quarter or season: "1987", ", 1987",
    /// "of 1987", "last year", "of the year" (with `of_the_year`).
    fn year_spec(&self, i: usize) -> Option<(usize, YearRef)> {
        let mut j = i;
        if self.is_any(j, &[",", "of"]) {
            j += 1;
        }
        if let Some(y) = self.year_at(j) {
            return Some((j + 1, YearRef::Explicit(y)));
        }
        if let Some((end, rel)) = self.longest_phrase(j, &self.lex.relative) {
            if rel.unit == CalUnit::Year {
                if let Some(offset) = rel.offset.and_then(|o| i32::try_from(o).ok()) {
                    return Some((end, YearRef::Offset(offset)));
                }
            }
        }
        if self.is(i, "of") {
            if let Some((end, rel)) = self.longest_phrase(j, &self.lex.edge_target) {
                if rel.unit == CalUnit::Year {
                    return Some((end, YearRef::Offset(0)));
                }
            }
        }
        None
    }

    // ----- expression families ------------------------------------------

    /// The longest expression starting at `i`, with its kind.
    fn best_at(&self, i: usize) -> Option<Hit> {
        let token = self.tok(i)?;
        if token.kind != TokenKind::Number
            && !(token.kind == TokenKind::Word && self.flags[i] & STARTER != 0)
        {
            return None;
        }
        let parse = longest([
            self.bound_expr(i),
            self.since_expr(i),
            self.range_expr(i),
            self.duration_expr(i),
            self.core(i),
        ])?;
        Some(Hit {
            start: i,
            end: parse.0,
            kind: parse.2,
            expr: parse.1,
        })
    }

    /// A time that names when: everything except bounds, ranges built with
    /// "from"/"between", and durations.
    fn core(&self, i: usize) -> Parse {
        if let Some(Some(parse)) = self.core_memo.borrow().get(i) {
            return parse.clone();
        }
        let parse = self.core_uncached(i);
        if let Some(slot) = self.core_memo.borrow_mut().get_mut(i) {
            *slot = Some(parse.clone());
        }
        parse
    }

    fn core_uncached(&self, i: usize) -> Parse {
        let direct = longest([
            self.relative_expr(i),
            self.unanchored_expr(i),
            self.vague_expr(i),
            self.current_period_expr(i),
            self.edge_expr(i),
            self.month_expr(i, false),
            self.month_det_expr(i),
            self.day_first_expr(i),
            self.year_expr(i),
            self.quarter_expr(i),
            self.season_expr(i, false),
            self.weekday_expr(i),
            self.ago_expr(i),
            self.window_expr(i),
        ]);
        // "the" before a year, quarter or season is part of the mention.
        let with_article = if self.is(i, "the") {
            longest([
                self.edge_expr(i + 1),
                self.year_expr(i + 1),
                self.quarter_expr(i + 1),
                self.season_expr(i + 1, false),
            ])
        } else {
            None
        };
        longest([direct, with_article])
    }

    /// Phrases resolved against the anchor: "yesterday", "last week".
    fn relative_expr(&self, i: usize) -> Parse {
        let (end, rel) = self.longest_phrase(i, &self.lex.relative)?;
        point(end, Expr::Relative(rel.unit, rel.offset))
    }

    /// "the year-ago month", "a year earlier": relative to the text.
    fn unanchored_expr(&self, i: usize) -> Parse {
        let (mut end, ()) = self.longest_phrase(i, &self.lex.unanchored)?;
        if self
            .word(end)
            .is_some_and(|w| self.lex.unanchored_noun.contains(w))
        {
            end += 1;
        }
        point(end, Expr::Unresolvable)
    }

    fn vague_expr(&self, i: usize) -> Parse {
        let (end, ()) = self.longest_phrase(i, &self.lex.vague)?;
        point(end, Expr::Unresolvable)
    }

    /// "the current season", "this fiscal year": fiscal and marketing years
    /// start in different months by country and commodity, so the anchor
    /// year is no safe label; these stay unresolved.
    fn current_period_expr(&self, i: usize) -> Parse {
        let j = if self.is(i, "the") { i + 1 } else { i };
        if !self
            .word(j)
            .is_some_and(|w| self.lex.period_det.contains(w))
        {
            return None;
        }
        let (end, ()) = self.longest_phrase(j + 1, &self.lex.period_noun)?;
        point(end, Expr::Unresolvable)
    }

    /// "early 1986", "mid-1987", "the end of the year", "earlier this month":
    /// the edge word narrows the time but the label stays that of the period.
    fn edge_expr(&self, i: usize) -> Parse {
        let (j, ()) = self.longest_phrase(i, &self.lex.edge)?;
        let target = self
            .longest_phrase(j, &self.lex.edge_target)
            .and_then(|(end, rel)| point(end, Expr::Relative(rel.unit, rel.offset)));
        longest([
            self.relative_expr(j),
            target,
            self.month_expr(j, true),
            self.year_expr(j),
            self.quarter_expr(j),
            self.season_expr(j, true),
        ])
    }

    /// Month-first dates: "May", "May 1987", "October 12, 2022", "Dec. 3",
    /// "May 1-10", "May/June", "March last year", "May shipment".
    /// `context` says a preceding word already made it a date.
    fn month_expr(&self, i: usize, context: bool) -> Parse {
        let (j, word) = self.month_at(i)?;
        let month = word.month;
        let mut has_context = context || !word.needs_context || self.month_context_before(i);
        let day = self.day_at(j).or_else(|| self.word_day_at(i, j));
        let (mut end, period, kind) = if let Some((k, first_day)) = day {
            has_context = true;
            self.day_tail(k, month, first_day)
        } else if let Some((k, second)) = self.month_pair(j) {
            has_context = true;
            (k, Period::Months(month, second), TimeKind::Interval)
        } else {
            (j, Period::Month(month), TimeKind::Point)
        };
        let year = match self.year_spec(end) {
            // "May, 1987" needs the comma form only after a day.
            Some((k, year)) if !(self.is(end, ",") && matches!(period, Period::Month(_))) => {
                has_context = true;
                end = k;
                year
            }
            _ => YearRef::Nearest,
        };
        if let Some(w) = self.word(end) {
            if self.lex.month_context_after.contains(w) {
                has_context = true;
            }
            if self.lex.month_suffix.contains(w) {
                end += 1;
            }
        }
        if !has_context {
            return None;
        }
        Some((end, Expr::Period(period, year), kind))
    }

    /// "next March", "last July", "this March": the month after, before or
    /// in the anchor's year.
    fn month_det_expr(&self, i: usize) -> Parse {
        let year = match self.word(i)? {
            "next" | "coming" => YearRef::After,
            "last" | "past" => YearRef::Before,
            "this" => YearRef::Offset(0),
            _ => return None,
        };
        match self.month_expr(i + 1, true)? {
            (end, Expr::Period(period @ Period::Month(_), YearRef::Nearest), kind) => {
                Some((end, Expr::Period(period, year), kind))
            }
            _ => None,
        }
    }

    /// After "May 1": a day range ("-10", "to 10", "-June 10") or nothing.
    fn day_tail(&self, k: usize, month: u32, first_day: u32) -> (usize, Period, TimeKind) {
        if self.is_dash(k) || self.is_any(k, &["to", "through", "and"]) {
            if let Some((end, last_day)) = self.day_at(k + 1) {
                if last_day > first_day {
                    return (
                        end,
                        Period::Days(month, first_day, last_day),
                        TimeKind::Interval,
                    );
                }
            }
            if let Some((m_end, second)) = self.month_at(k + 1) {
                if let Some((end, last_day)) = self.day_at(m_end) {
                    let period = Period::DaySpan(month, first_day, second.month, last_day);
                    return (end, period, TimeKind::Interval);
                }
            }
        }
        (k, Period::Day(month, first_day), TimeKind::Point)
    }

    /// "/June" or "-June" after a month (glued), any number of times:
    /// "May/June", "Jan/Feb/Mar".
    fn month_pair(&self, j: usize) -> Option<(usize, u32)> {
        let mut end = j;
        let mut last = None;
        while (self.is(end, "/") || self.is_dash(end)) && self.glued(end) && self.glued(end + 1) {
            match self.month_at(end + 1) {
                Some((k, word)) => {
                    end = k;
                    last = Some(word.month);
                }
                None => break,
            }
        }
        last.map(|m| (end, m))
    }

    /// Day-first dates: "12 October 2022", "1-10 May", "3rd of March".
    fn day_first_expr(&self, i: usize) -> Parse {
        let (mut j, first_day) = self.day_at(i)?;
        let mut last_day = None;
        if self.is_dash(j) {
            let (k, d) = self.day_at(j + 1)?;
            if d <= first_day {
                return None;
            }
            last_day = Some(d);
            j = k;
        }
        if self.is(j, "of") {
            j += 1;
        }
        let (mut end, word) = self.month_at(j)?;
        let year = match self.year_spec(end) {
            Some((k, year)) if !self.is(end, ",") => {
                end = k;
                year
            }
            _ => YearRef::Nearest,
        };
        let (period, kind) = match last_day {
            Some(d) => (Period::Days(word.month, first_day, d), TimeKind::Interval),
            None => (Period::Day(word.month, first_day), TimeKind::Point),
        };
        Some((end, Expr::Period(period, year), kind))
    }

    /// Years: "1985", "fiscal 1987", "calendar 1986", "1986/87", "1986-87",
    /// "86/87 season", "FY87", "the 1980s", "1987-03-26".
    fn year_expr(&self, i: usize) -> Parse {
        if let Some(parse) = self.fy_expr(i) {
            return Some(parse);
        }
        let prefixed = self.longest_phrase(i, &self.lex.year_prefix);
        let j = prefixed.map_or(i, |(end, ())| end);
        let (end, expr, kind) = self
            .iso_date(j)
            .or_else(|| self.decade(j))
            .or_else(|| self.year_pair(j))
            .or_else(|| self.short_pair(j, prefixed.is_some() || self.short_pair_context(i)))
            .or_else(|| {
                self.year_at(j).map(|y| {
                    (
                        j + 1,
                        Expr::Years(YearRef::Explicit(y), YearRef::Explicit(y)),
                        TimeKind::Point,
                    )
                })
            })?;
        let end = self
            .longest_phrase(end, &self.lex.period_suffix)
            .map_or(end, |(e, ())| e);
        Some((end, expr, kind))
    }

    /// "FY87", "FY1987", "FY1986/87".
    fn fy_expr(&self, i: usize) -> Parse {
        if !(self.is(i, "fy") && self.glued(i + 1)) {
            return None;
        }
        let (n, digits) = self.plain_number(i + 1)?;
        let year = match digits {
            2 => YearRef::Short(n),
            4 if (MIN_YEAR..=MAX_YEAR).contains(&n) => YearRef::Explicit(i32::try_from(n).ok()?),
            _ => return None,
        };
        if let Some((end, second)) = self.pair_tail(i + 1, n) {
            let second = if digits == 2 {
                YearRef::Short(second % 100)
            } else {
                YearRef::Explicit(i32::try_from(second).ok()?)
            };
            return Some((end, Expr::Years(year, second), TimeKind::Interval));
        }
        point(i + 2, Expr::Years(year, year))
    }

    /// "1987-03-26".
    fn iso_date(&self, j: usize) -> Parse {
        let year = self.plain_number(j).filter(|&(_, d)| d == 4)?.0;
        if !(self.is_dash(j + 1) && self.is_dash(j + 3) && (1..=4).all(|k| self.glued(j + k))) {
            return None;
        }
        let month = self.plain_number(j + 2).filter(|&(_, d)| d == 2)?.0;
        let day = self.plain_number(j + 4).filter(|&(_, d)| d == 2)?.0;
        let date = chrono::NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
        point(j + 5, Expr::Day(date))
    }

    /// "1980s": the ten years of a decade.
    fn decade(&self, j: usize) -> Parse {
        let (n, digits) = self.plain_number(j)?;
        if digits != 4 || n % 10 != 0 || !(MIN_YEAR..=MAX_YEAR).contains(&n) {
            return None;
        }
        if !(self.glued(j + 1) && self.is(j + 1, "s")) {
            return None;
        }
        let start = i32::try_from(n).ok()?;
        point(
            j + 2,
            Expr::Years(YearRef::Explicit(start), YearRef::Explicit(start + 9)),
        )
    }

    /// The "/87" or "-1987" after a year `first` written at `j`: the second
    /// year in full, when it is a plausible pair.
    fn pair_tail(&self, j: usize, first: u32) -> Option<(usize, u32)> {
        let slash = self.is(j + 1, "/");
        if !((slash || self.is_dash(j + 1)) && self.glued(j + 1) && self.glued(j + 2)) {
            return None;
        }
        let (n, digits) = self.plain_number(j + 2)?;
        let second = match digits {
            2 => {
                let mut full = first - first % 100 + n;
                if full <= first {
                    full += 100;
                }
                // "2001-03" is more likely a year and month than a pair.
                if !slash && n < 10 && full - first != 1 {
                    return None;
                }
                (full - first <= 10).then_some(full)?
            }
            4 => (n > first && n - first <= 50).then_some(n)?,
            _ => return None,
        };
        // A glued letter or digit run after means something else.
        if self
            .tok(j + 3)
            .is_some_and(|t| t.glued && t.kind != TokenKind::Punct)
        {
            return None;
        }
        Some((j + 3, second))
    }

    /// "1986/87", "1986-87", "1986/1987", "1985-90".
    fn year_pair(&self, j: usize) -> Parse {
        let (n, digits) = self.plain_number(j)?;
        if digits != 4 || !(MIN_YEAR..=MAX_YEAR).contains(&n) {
            return None;
        }
        if self.tok(j).is_some_and(|t| t.glued)
            && j > 0
            && self
                .lex
                .currency_signs
                .contains(self.t[j - 1].lower.as_ref())
        {
            return None;
        }
        let (end, second) = self.pair_tail(j, n)?;
        if self.quantity_follows(end) {
            return None;
        }
        let first = YearRef::Explicit(i32::try_from(n).ok()?);
        let second = YearRef::Explicit(i32::try_from(second).ok()?);
        Some((end, Expr::Years(first, second), TimeKind::Interval))
    }

    /// Context that makes "86/87" a season rather than a ratio.
    fn short_pair_context(&self, i: usize) -> bool {
        i.checked_sub(1)
            .and_then(|p| self.word(p))
            .is_some_and(|w| w == "the" || self.lex.month_context_before.contains(w))
    }

    /// "86/87": consecutive two-digit years, century from the anchor. Needs
    /// `context` or a following season word.
    fn short_pair(&self, j: usize, context: bool) -> Parse {
        let (a, da) = self.plain_number(j)?;
        if da != 2 || !self.is(j + 1, "/") || !self.glued(j + 1) || !self.glued(j + 2) {
            return None;
        }
        let (b, db) = self.plain_number(j + 2)?;
        if db != 2 || (a + 1) % 100 != b {
            return None;
        }
        if self
            .tok(j + 3)
            .is_some_and(|t| t.glued && t.kind != TokenKind::Punct)
        {
            return None;
        }
        let suffixed = self
            .longest_phrase(j + 3, &self.lex.period_suffix)
            .is_some();
        if !(context || suffixed || self.whole) {
            return None;
        }
        Some((
            j + 3,
            Expr::Years(YearRef::Short(a), YearRef::Short(b)),
            TimeKind::Interval,
        ))
    }

    /// Quarters and halves: "the first quarter", "Q3 1987", "1Q87",
    /// "first half of 1987", "second half of May", "1987 first quarter",
    /// "the first nine months of 1986".
    fn quarter_expr(&self, i: usize) -> Parse {
        // "1987 first quarter"
        if let Some(y) = self.year_at(i) {
            if let Some((end, Expr::Period(p, YearRef::Nearest), kind)) = self.ordinal_period(i + 1)
            {
                return Some((end, Expr::Period(p, YearRef::Explicit(y)), kind));
            }
        }
        longest([
            self.ordinal_period(i),
            self.letter_period(i),
            self.first_months(i),
        ])
    }

    /// "first quarter [of 1987]", "second half [of May | of the year]".
    fn ordinal_period(&self, i: usize) -> Parse {
        let (mut j, n) = self.ordinal_at(i)?;
        if self.is_dash(j) {
            j += 1;
        }
        let noun = self.word(j)?;
        let k = j + 1;
        match noun {
            "quarter" => {
                let (end, year) = self.year_spec(k).unwrap_or((k, YearRef::Nearest));
                point(end, Expr::Period(Period::Quarter(n), year))
            }
            "half" if n <= 2 => {
                let of = usize::from(self.is(k, "of"));
                if let Some((end, Expr::Period(Period::Month(m), year), _)) =
                    self.month_expr(k + of, true)
                {
                    return Some((
                        end,
                        Expr::Period(Period::MonthHalf(m, n), year),
                        TimeKind::Interval,
                    ));
                }
                let (end, year) = self.year_spec(k).unwrap_or((k, YearRef::Nearest));
                point(end, Expr::Period(Period::Half(n), year))
            }
            _ => None,
        }
    }

    /// "Q3", "Q3 1987", "3Q87", "H1 2022", "1H".
    fn letter_period(&self, i: usize) -> Parse {
        let period = |letter: &str, n: u32| match letter {
            "q" if (1..=4).contains(&n) => Some(Period::Quarter(n)),
            "h" if (1..=2).contains(&n) => Some(Period::Half(n)),
            _ => None,
        };
        let capital = |k: usize| self.whole || self.tok(k).is_some_and(|t| t.capitalised);
        let (period, next) =
            if let (Some(letter), Some((n, 1))) = (self.word(i), self.plain_number(i + 1)) {
                if !(self.glued(i + 1) && capital(i)) {
                    return None;
                }
                (period(letter, n)?, i + 2)
            } else {
                let (n, digits) = self.plain_number(i)?;
                let letter = self.word(i + 1)?;
                if digits != 1 || !self.glued(i + 1) || !capital(i + 1) {
                    return None;
                }
                (period(letter, n)?, i + 2)
            };
        // A glued two-digit year ("3Q87") or a spaced full year ("Q3 1987").
        if self.glued(next) {
            let (yy, digits) = self.plain_number(next)?;
            if digits != 2 {
                return None;
            }
            return point(next + 1, Expr::Period(period, YearRef::Short(yy)));
        }
        let (end, year) = self.year_spec(next).unwrap_or((next, YearRef::Nearest));
        point(end, Expr::Period(period, year))
    }

    /// "the first nine months of 1986", "the last three months of the year".
    fn first_months(&self, i: usize) -> Parse {
        let j = if self.is(i, "the") { i + 1 } else { i };
        let first = match self.word(j)? {
            "first" => true,
            "last" => false,
            _ => return None,
        };
        let (k, n) = self.count_at(j + 1, false)?;
        let n = n.filter(|n| (1..=12).contains(n))?;
        if !self.is_any(k, &["months", "month"]) {
            return None;
        }
        let (end, year) = self.year_spec(k + 1).unwrap_or((k + 1, YearRef::Unknown));
        let period = if first {
            Period::FirstMonths(n)
        } else {
            Period::LastMonths(n)
        };
        point(end, Expr::Period(period, year))
    }

    /// Seasons (northern meteorological): "spring 1987", "this winter",
    /// "winter 1986/87", "in the autumn". `context` says an edge word came
    /// first ("late spring").
    fn season_expr(&self, i: usize, context: bool) -> Parse {
        let (j, det_year) = match self.word(i) {
            Some("this") => (i + 1, Some(YearRef::Offset(0))),
            Some("last" | "past") => (i + 1, Some(YearRef::Before)),
            Some("next" | "coming") => (i + 1, Some(YearRef::After)),
            _ => (i, None),
        };
        let season = *self
            .word(j)
            .filter(|_| self.known(j))
            .and_then(|w| self.lex.seasons.get(w))?;
        let k = j + 1;
        let explicit = if let Some((end, Expr::Years(first, _), _)) = self.year_pair(k) {
            Some((end, first))
        } else {
            self.year_spec(k)
        };
        let blocked = self
            .word(k)
            .is_some_and(|w| self.lex.season_blockers.contains(w));
        let (end, year) = match (explicit, det_year) {
            (Some(found), _) => found,
            (None, Some(year)) if !blocked => (k, year),
            (None, None) if !blocked => {
                let introduced = self.whole
                    || (context && !season.ambiguous)
                    || (!season.ambiguous && self.season_introduced(j));
                if !introduced {
                    return None;
                }
                (k, YearRef::Nearest)
            }
            _ => return None,
        };
        point(end, Expr::Period(Period::Season(season.first_month), year))
    }

    /// "in spring", "during the winter": a preposition before the season.
    fn season_introduced(&self, j: usize) -> bool {
        const INTRODUCERS: &[&str] = &[
            "in",
            "during",
            "by",
            "until",
            "since",
            "through",
            "throughout",
            "over",
            "early",
            "late",
            "mid",
        ];
        let Some(prev) = j.checked_sub(1) else {
            return false;
        };
        if self.is_any(prev, INTRODUCERS) {
            return true;
        }
        self.is(prev, "the") && prev > 0 && self.is_any(prev - 1, INTRODUCERS)
    }

    /// "Monday", "last Friday", "next Monday", "this coming Tuesday".
    fn weekday_expr(&self, i: usize) -> Parse {
        let (j, which) = match (self.word(i), self.word(i + 1)) {
            (Some("this"), Some("coming")) => (i + 2, Some(WeekdayRef::Next)),
            (Some("this"), Some("past")) => (i + 2, Some(WeekdayRef::Last)),
            (Some("last" | "past"), _) => (i + 1, Some(WeekdayRef::Last)),
            (Some("next" | "coming"), _) => (i + 1, Some(WeekdayRef::Next)),
            (Some("this"), _) => (i + 1, Some(WeekdayRef::This)),
            _ => (i, None),
        };
        let token = self.tok(j)?;
        if !(self.whole || token.capitalised) {
            return None;
        }
        let weekday = *self
            .word(j)
            .filter(|_| self.known(j))
            .and_then(|w| self.lex.weekdays.get(w))?;
        let mut end = j + 1;
        if self.word(end).is_some_and(|w| self.lex.daypart.contains(w)) {
            end += 1;
        }
        let which = which.unwrap_or_else(|| {
            if self.future_cue_before(i) {
                WeekdayRef::ComingFuture
            } else {
                WeekdayRef::RecentPast
            }
        });
        point(end, Expr::Weekday(weekday, which))
    }

    /// A future cue ("will", "is to") in the few tokens before `i`, within
    /// the sentence.
    fn future_cue_before(&self, i: usize) -> bool {
        (i.saturating_sub(10)..i)
            .rev()
            .take_while(|&k| !self.is_any(k, &[".", ";", "!", "?"]))
            .any(|k| self.longest_phrase(k, &self.lex.future_cue).is_some())
    }

    /// "two years ago", "a year ago"; "three months later" (unanchored).
    fn ago_expr(&self, i: usize) -> Parse {
        let (j, n) = self.count_at(i, true)?;
        let unit = self.unit_at(j)?;
        match self.word(j + 1)? {
            "ago" => {
                let expr = match n {
                    Some(n) if !matches!(unit, CalUnit::Hour) => Expr::Ago(n, unit),
                    _ => Expr::Unresolvable,
                };
                point(j + 2, expr)
            }
            "earlier" | "later" => point(j + 2, Expr::Unresolvable),
            _ => None,
        }
    }

    /// "the past three months", "the next two years", "the past week".
    fn window_expr(&self, i: usize) -> Parse {
        let j = if self.is(i, "the") { i + 1 } else { i };
        let forward = match self.word(j)? {
            "next" | "coming" => true,
            "past" | "last" => false,
            _ => return None,
        };
        let (k, n) = match self.count_at(j + 1, false) {
            Some(found) => found,
            // "the past week", "the coming year": one unit. "last week" is
            // a calendar week and is left to the relative phrases.
            None if matches!(self.word(j), Some("past" | "coming")) => {
                if !self.is_any(
                    j + 1,
                    &["day", "week", "month", "quarter", "year", "decade"],
                ) {
                    return None;
                }
                (j + 1, Some(1))
            }
            None => return None,
        };
        let unit = self.unit_at(k)?;
        let expr = match (n, unit) {
            (Some(n), unit) if !matches!(unit, CalUnit::Hour) => {
                if forward {
                    Expr::Next(n, unit)
                } else {
                    Expr::Past(n, unit)
                }
            }
            _ => Expr::Unresolvable,
        };
        Some((k + 1, expr, TimeKind::Interval))
    }

    /// "until next March", "by 1990", "through the end of the year".
    fn bound_expr(&self, i: usize) -> Parse {
        let (j, ()) = self.longest_phrase(i, &self.lex.bound)?;
        let (end, expr, _) = self.core(j).or_else(|| self.range_expr(j))?;
        expr.is_datelike().then_some((end, expr, TimeKind::Until))
    }

    /// "since 1985", "since last July".
    fn since_expr(&self, i: usize) -> Parse {
        let (j, ()) = self.longest_phrase(i, &self.lex.since)?;
        let (end, expr, _) = self.core(j)?;
        Some((end, expr, TimeKind::Since))
    }

    /// "from May to July", "between 1985 and 1987", "April to June 1987".
    fn range_expr(&self, i: usize) -> Parse {
        let (start_at, joiners): (usize, &[&str]) = match self.word(i) {
            Some("from") => (i + 1, &["to", "through", "till", "until", "-"]),
            Some("between") => (i + 1, &["and"]),
            _ => (i, &["to", "through", "-"]),
        };
        let (mid, start, _) = self.core(start_at)?;
        if !start.is_datelike() || !self.is_any(mid, joiners) {
            return None;
        }
        let (end, last, _) = self.core(mid + 1)?;
        if !last.is_datelike() {
            return None;
        }
        // Without "from"/"between", only two calendar names of one level
        // ("April to June", "1985 to 1987") make a range.
        if start_at == i
            && (start.range_level().is_none() || start.range_level() != last.range_level())
        {
            return None;
        }
        Some((
            end,
            Expr::Range(Box::new(start), Box::new(last)),
            TimeKind::Interval,
        ))
    }

    /// "for two years", "three months", "a five-year plan", "a 10-year
    /// period": durations are never dates.
    fn duration_expr(&self, i: usize) -> Parse {
        longest([self.counted_duration(i), self.adjectival_duration(i)])
    }

    fn counted_duration(&self, i: usize) -> Parse {
        let preposition = self.is_any(i, &["for", "over", "within"]);
        let j = if preposition { i + 1 } else { i };
        let (k, count) = self.count_at(j, preposition)?;
        let unit = self.unit_at(k)?;
        if unit == CalUnit::Weekend || self.is_any(k + 1, &["ago", "earlier", "later"]) {
            return None;
        }
        // "in some quarters" means in some circles.
        if unit == CalUnit::Quarter && count.is_none() {
            return None;
        }
        Some((k + 1, Expr::Unresolvable, TimeKind::Duration))
    }

    fn adjectival_duration(&self, i: usize) -> Parse {
        let j = if self.is_any(i, &["a", "an"]) {
            i + 1
        } else {
            i
        };
        let (k, _) = self.count_at(j, false)?;
        if !(self.is_dash(k) && self.glued(k) && self.glued(k + 1)) {
            return None;
        }
        self.unit_at(k + 1)?;
        let mut end = k + 2;
        if self
            .word(end)
            .is_some_and(|w| self.lex.duration_noun.contains(w))
        {
            end += 1;
        } else if j > i {
            // "a five-year plan": the article belongs to the noun phrase,
            // so the mention starts at the number (found at the next token).
            return None;
        }
        Some((end, Expr::Unresolvable, TimeKind::Duration))
    }
}
