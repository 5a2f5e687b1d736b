//! The commodity lexicon: phrases of `data/commodities.tsv` matched with one
//! Aho-Corasick automaton, filtered by the context rules of
//! `data/ambiguous.toml`, longest match first.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::Deserialize;

use crate::text::{
    char_at, is_all_caps, is_word_bounded, normalize_phrase, starts_sentence, words_after,
    words_before, Normalized,
};
use crate::Error;

const COMMODITIES_TSV: &str = include_str!("../data/commodities.tsv");
const AMBIGUOUS_TOML: &str = include_str!("../data/ambiguous.toml");
const HS_NAMES_TSV: &str = include_str!("../data/hs-names.tsv");

/// One commodity named in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommodityMention {
    /// Byte offset of the first character in the text given.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// The words of the text (`text[start..end]`); for the first member of
    /// an elliptic list, those words completed by the list's shared head
    /// ("engineering goods" for "engineering" in "engineering and
    /// electronic goods").
    pub text: String,
    /// HS code at the level the words justify, `None` when no code fits.
    pub hs: Option<String>,
    /// The lower-cased head noun (the last word: "flour" for "wheat flour").
    pub head: String,
    /// True for umbrella words: no code, or a bare 2-digit chapter used for
    /// a generic word ("goods", "oil", "vegetable oils").
    pub generic: bool,
    /// True when the phrase names goods in "X exports" / "X imports"
    /// phrasing; false for aggregates ("goods exports" is a statistic).
    pub trade_head: bool,
}

/// Class of a lexicon entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Specific,
    Generic,
    /// Matched and dropped: blocks shorter entries inside a non-commodity
    /// phrase ("gold medal", "lead to").
    Stop,
    /// Refers back to goods named just before ("the product"): takes the
    /// code of the nearest specific mention (within [`ANAPHOR_REACH`] bytes
    /// and, when the entry has a code, under that code), else stands as a
    /// generic mention of its own.
    Anaphor,
    /// Refers back to an amount of goods named just before ("an equivalent
    /// volume"): like [`Class::Anaphor`], but names no goods of its own, so
    /// with nothing before it is no mention.
    AmountAnaphor,
}

/// How far back (in bytes) an anaphor looks for the goods it refers to:
/// about the sentence before.
const ANAPHOR_REACH: usize = 300;

/// Words after "and" that start a new phrase rather than join goods
/// ("wheat and the company said").
const JOINED_FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "other", "some", "all", "this", "that",
    "these", "those", "any", "many", "most",
];

/// One line of `commodities.tsv`.
#[derive(Debug, Clone)]
struct Entry {
    hs: Option<String>,
    class: Class,
    trade_head: bool,
    rule: Option<usize>,
}

/// How a rule treats capital letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
enum CaseRule {
    /// Any case (subject to the general rule on capitalised names).
    #[default]
    Any,
    /// Only an all-lower-case match.
    Lower,
}

/// A context rule as written in `ambiguous.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleConfig {
    #[serde(default)]
    case: CaseRule,
    #[serde(default)]
    require_near: Vec<String>,
    window: Option<usize>,
    #[serde(default)]
    in_list: bool,
    #[serde(default)]
    reject_before: Vec<String>,
    #[serde(default)]
    reject_after: Vec<String>,
    #[serde(default)]
    reject_after_capitalised: Vec<String>,
}

/// `ambiguous.toml` as a whole.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    #[serde(default)]
    not_goods_before: Vec<String>,
    #[serde(default)]
    firm_words: Vec<String>,
    #[serde(default)]
    sets: HashMap<String, Vec<String>>,
    #[serde(default)]
    rules: HashMap<String, RuleConfig>,
    #[serde(default)]
    short_form: Vec<ShortForm>,
}

/// A short form that names the goods a story names in full elsewhere
/// ("beans" in a story of soybeans).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ShortForm {
    /// The short words, lower case.
    short: Vec<String>,
    /// The full names, lower case: one of them in the text recodes the
    /// short form.
    #[serde(default)]
    full: Vec<String>,
    /// Or goods coded under one of these HS prefixes ("15": a named
    /// vegetable oil).
    #[serde(default)]
    full_hs: Vec<String>,
    /// Unless the text also names goods under one of these prefixes (then
    /// the short form stays ambiguous).
    #[serde(default)]
    unless_hs: Vec<String>,
    /// The code the short form then takes.
    hs: String,
}

/// A compiled context rule.
#[derive(Debug, Clone)]
struct Rule {
    case: CaseRule,
    near: HashSet<String>,
    window: usize,
    /// Accepted anyway when listed with other goods ("arms and crude oil").
    in_list: bool,
    reject_before: HashSet<String>,
    reject_after: HashSet<String>,
    reject_after_capitalised: HashSet<String>,
}

/// The commodity lexicon. Build it once ([`Lexicon::global`] for the
/// embedded data); finding is pure and thread-safe.
#[derive(Debug)]
pub struct Lexicon {
    automaton: AhoCorasick,
    /// For each automaton pattern, its entry.
    pattern_entry: Vec<usize>,
    entries: Vec<Entry>,
    rules: Vec<Rule>,
    /// Words before which a goods word describes a firm or a country
    /// ("oil company", "oil producing states").
    not_goods_before: HashSet<String>,
    /// Words for a firm, a sector or a holding: goods before them, or
    /// joined to such goods, describe it ("oil and gas activities").
    firm_words: HashSet<String>,
    hs_names: HashMap<String, String>,
    /// Normalised phrase -> entry, for completing elliptic lists.
    phrases: HashMap<String, usize>,
    short_forms: Vec<ShortForm>,
}

fn data_error(file: &'static str, line: usize, message: impl Into<String>) -> Error {
    Error::Data {
        file,
        line,
        message: message.into(),
    }
}

impl Lexicon {
    /// The lexicon built from the embedded data files, built on first use.
    pub fn global() -> &'static Lexicon {
        static GLOBAL: OnceLock<Lexicon> = OnceLock::new();
        GLOBAL.get_or_init(|| {
            Lexicon::from_sources(COMMODITIES_TSV, AMBIGUOUS_TOML, HS_NAMES_TSV)
                .expect("embedded tw-goods data is valid (checked by tests)")
        })
    }

    /// Build a lexicon from the texts of `commodities.tsv`, `ambiguous.toml`
    /// and `hs-names.tsv` (an analyst's extended copies, say).
    pub fn from_sources(
        commodities_tsv: &str,
        ambiguous_toml: &str,
        hs_names_tsv: &str,
    ) -> Result<Lexicon, Error> {
        let rules_file: RulesFile = toml::from_str(ambiguous_toml)?;
        let mut rule_names: HashMap<String, usize> = HashMap::new();
        let mut rules = Vec::new();
        let mut names: Vec<&String> = rules_file.rules.keys().collect();
        names.sort();
        for name in names {
            let config = &rules_file.rules[name];
            let mut near = HashSet::new();
            for set in &config.require_near {
                let words = rules_file.sets.get(set).ok_or_else(|| {
                    data_error(
                        "ambiguous.toml",
                        0,
                        format!("rule {name} names unknown set {set}"),
                    )
                })?;
                near.extend(words.iter().map(|w| w.to_lowercase()));
            }
            let lower = |words: &[String]| -> HashSet<String> {
                words.iter().map(|w| w.to_lowercase()).collect()
            };
            rule_names.insert(name.clone(), rules.len());
            rules.push(Rule {
                case: config.case,
                near,
                window: config.window.unwrap_or(4),
                in_list: config.in_list,
                reject_before: lower(&config.reject_before),
                reject_after: lower(&config.reject_after),
                reject_after_capitalised: lower(&config.reject_after_capitalised),
            });
        }

        let mut entries = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_entry = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (index, line) in commodities_tsv.lines().enumerate() {
            let line_no = index + 1;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() < 5 {
                return Err(data_error(
                    "commodities.tsv",
                    line_no,
                    format!(
                        "expected at least 5 tab-separated fields, found {}",
                        fields.len()
                    ),
                ));
            }
            let hs = match fields[1].trim() {
                "-" => None,
                code if matches!(code.len(), 2 | 4 | 6)
                    && code.bytes().all(|b| b.is_ascii_digit()) =>
                {
                    Some(code.to_string())
                }
                other => {
                    return Err(data_error(
                        "commodities.tsv",
                        line_no,
                        format!("bad hs code {other:?}"),
                    ))
                }
            };
            let class = match fields[2].trim() {
                "specific" => Class::Specific,
                "generic" => Class::Generic,
                "stop" => Class::Stop,
                "anaphor" => Class::Anaphor,
                "amount_anaphor" => Class::AmountAnaphor,
                other => {
                    return Err(data_error(
                        "commodities.tsv",
                        line_no,
                        format!("bad class {other:?}"),
                    ))
                }
            };
            let trade_head = match fields[3].trim() {
                "y" => true,
                "n" => false,
                other => {
                    return Err(data_error(
                        "commodities.tsv",
                        line_no,
                        format!("bad trade_head {other:?}"),
                    ))
                }
            };
            let rule = match fields[4].trim() {
                "-" => None,
                name => Some(*rule_names.get(name).ok_or_else(|| {
                    data_error("commodities.tsv", line_no, format!("unknown rule {name:?}"))
                })?),
            };
            let entry_index = entries.len();
            entries.push(Entry {
                hs,
                class,
                trade_head,
                rule,
            });
            for variant in fields[0].split('|') {
                let phrase = normalize_phrase(variant);
                if phrase.is_empty() {
                    continue;
                }
                if let Some(&previous) = seen.get(&phrase) {
                    if previous == entry_index {
                        // Spelling variants of one entry ("tin-plate",
                        // "tin plate") normalise alike: harmless.
                        continue;
                    }
                    return Err(data_error(
                        "commodities.tsv",
                        line_no,
                        format!("phrase {phrase:?} already listed (entry {previous})"),
                    ));
                }
                seen.insert(phrase.clone(), entry_index);
                patterns.push(phrase);
                pattern_entry.push(entry_index);
            }
        }

        // A DFA: a few hundred KiB for this lexicon, and the fastest
        // overlapping search, which runs over every document.
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .map_err(|e| Error::Automaton(e.to_string()))?;

        let mut hs_names = HashMap::new();
        for line in hs_names_tsv.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some((code, name)) = line.split_once('\t') {
                hs_names.insert(code.trim().to_string(), name.trim().to_string());
            }
        }

        Ok(Lexicon {
            automaton,
            pattern_entry,
            entries,
            rules,
            not_goods_before: rules_file
                .not_goods_before
                .iter()
                .chain(&rules_file.firm_words)
                .map(|w| w.to_lowercase())
                .collect(),
            firm_words: rules_file
                .firm_words
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            hs_names,
            phrases: seen,
            short_forms: rules_file.short_form,
        })
    }

    /// The name of an HS code used by the lexicon (or of its chapter or
    /// heading), for display.
    pub fn hs_name(&self, code: &str) -> Option<&str> {
        self.hs_names.get(code).map(String::as_str)
    }

    /// The HS codes the lexicon uses, sorted, without duplicates.
    pub fn hs_codes(&self) -> Vec<&str> {
        let mut codes: Vec<&str> = self
            .entries
            .iter()
            .filter_map(|e| e.hs.as_deref())
            .collect();
        codes.sort_unstable();
        codes.dedup();
        codes
    }

    /// Every commodity mention of `text`, in order, not overlapping. Where
    /// phrases overlap the leftmost, then the longest, wins ("wheat flour"
    /// over "wheat", "crude oil" over "oil").
    ///
    /// Three steps look past the single phrase:
    /// - a word whose rule says `in_list` is taken, without the context its
    ///   rule asks for, when it is listed with other goods ("textiles for
    ///   Soviet arms and crude oil");
    /// - an elliptic list completes its first member with the shared head
    ///   ("engineering and electronic goods": "engineering goods" too), when
    ///   the completed phrase is itself in the lexicon;
    /// - an anaphor ("the product") takes the code of the goods named just
    ///   before it.
    pub fn find(&self, text: &str) -> Vec<CommodityMention> {
        let norm = Normalized::new(text);
        let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
        let mut listed_only: Vec<(usize, usize, usize)> = Vec::new();
        for found in self.automaton.find_overlapping_iter(&norm.text) {
            let (start, end) = (found.start(), found.end());
            if !is_word_bounded(&norm.text, start, end) {
                continue;
            }
            let entry_index = self.pattern_entry[found.pattern().as_usize()];
            match self.accepts(text, &norm, start, end, &self.entries[entry_index]) {
                Verdict::Accept => candidates.push((start, end, entry_index)),
                Verdict::InListOnly => listed_only.push((start, end, entry_index)),
                Verdict::Reject => {}
            }
        }
        candidates.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));

        // Longest leftmost selection; stop entries cover without yielding.
        let mut covered: Vec<(usize, usize)> = Vec::new();
        let mut selected: Vec<(usize, usize, usize)> = Vec::new();
        let mut covered_to = 0;
        for (start, end, entry_index) in candidates {
            if start < covered_to {
                continue;
            }
            covered_to = end;
            covered.push((start, end));
            if self.entries[entry_index].class != Class::Stop {
                selected.push((start, end, entry_index));
            }
        }
        // Right to left, so that a chain ("arms, ammunition and fuel")
        // joins one by one.
        listed_only.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
        for (start, end, entry_index) in listed_only {
            if covered.iter().any(|&(s, e)| start < e && end > s) {
                continue;
            }
            // Only the nearest goods on either side can be list neighbours.
            let next = selected
                .iter()
                .map(|&(s, _, _)| s)
                .filter(|&s| s >= end)
                .min();
            let previous = selected
                .iter()
                .map(|&(_, e, _)| e)
                .filter(|&e| e <= start)
                .max();
            let listed = next.is_some_and(|s| is_list_gap(&norm.text[end..s]))
                || previous.is_some_and(|e| is_list_gap(&norm.text[e..start]));
            if listed {
                covered.push((start, end));
                selected.push((start, end, entry_index));
            }
        }
        selected.sort_by_key(|&(start, _, _)| start);

        let mut mentions: Vec<CommodityMention> = Vec::new();
        for (k, &(start, end, entry_index)) in selected.iter().enumerate() {
            let entry = &self.entries[entry_index];
            let previous_end = k.checked_sub(1).map_or(0, |p| selected[p].1);
            // "palm and palm kernel oils": the list's head comes later.
            let ends_phrase = words_after(&norm.text, end, 1)
                .first()
                .is_none_or(|w| PHRASE_FOLLOWERS.contains(w))
                || norm.text[end..].starts_with([',', '.', ';', ':', ')']);
            if let Some(first) = ends_phrase
                .then(|| self.ellipsis(text, &norm, start, end, previous_end, &covered))
                .flatten()
            {
                mentions.push(first);
            }
            let (original_start, original_end) = norm.original_range(start, end);
            let matched = &norm.text[start..end];
            let words = text[original_start..original_end].to_string();
            // An anaphor takes the goods named just before it, if any.
            let antecedent = matches!(entry.class, Class::Anaphor | Class::AmountAnaphor)
                .then(|| {
                    mentions.iter().rev().find(|m| {
                        m.hs.is_some()
                            && m.end + ANAPHOR_REACH >= original_start
                            && entry.hs.as_ref().is_none_or(|code| {
                                m.hs.as_ref().is_some_and(|h| h.starts_with(code.as_str()))
                            })
                    })
                })
                .flatten();
            let (hs, head, generic, trade_head) = match antecedent {
                Some(a) => (a.hs.clone(), a.head.clone(), false, a.trade_head),
                None if entry.class == Class::AmountAnaphor => continue,
                None => (
                    entry.hs.clone(),
                    head_of(matched),
                    entry.hs.is_none() || entry.class != Class::Specific,
                    entry.trade_head,
                ),
            };
            mentions.push(CommodityMention {
                start: original_start,
                end: original_end,
                text: words,
                hs,
                head,
                generic,
                trade_head,
            });
        }
        self.recode_short_forms(&mut mentions);
        mentions
    }

    /// "beans" in a text that also says "soybeans" are soybeans: a short
    /// form takes the code of its full name when the text names it.
    fn recode_short_forms(&self, mentions: &mut [CommodityMention]) {
        fn coded_under(mentions: &[CommodityMention], prefixes: &[String]) -> bool {
            mentions.iter().any(|m| {
                m.hs.as_deref()
                    .is_some_and(|h| prefixes.iter().any(|p| h.starts_with(p.as_str())))
            })
        }
        for form in &self.short_forms {
            let named_in_full = mentions
                .iter()
                .any(|m| form.full.iter().any(|f| m.text.eq_ignore_ascii_case(f)))
                || coded_under(mentions, &form.full_hs);
            if !named_in_full || coded_under(mentions, &form.unless_hs) {
                continue;
            }
            for m in mentions.iter_mut() {
                if form.short.iter().any(|w| m.text.eq_ignore_ascii_case(w)) {
                    m.hs = Some(form.hs.clone());
                    // (A chapter stays an umbrella.)
                    m.generic = m.generic && form.hs.len() <= 2;
                }
            }
        }
    }

    /// The first member of an elliptic list before the phrase at
    /// `start..end` (normalised offsets): "engineering and electronic
    /// goods" yields "engineering goods" for the word "engineering", when
    /// that phrase is in the lexicon and the word is no other mention.
    fn ellipsis(
        &self,
        text: &str,
        norm: &Normalized,
        start: usize,
        end: usize,
        previous_end: usize,
        covered: &[(usize, usize)],
    ) -> Option<CommodityMention> {
        let matched = &norm.text[start..end];
        let (_, tail) = matched.split_once(' ')?;
        let before = words_before(&norm.text, start, 2);
        let [joiner, word] = before.as_slice() else {
            return None;
        };
        if !matches!(*joiner, "and" | "or") {
            return None;
        }
        let word_start = word.as_ptr() as usize - norm.text.as_ptr() as usize;
        let word_end = word_start + word.len();
        if word_start < previous_end || covered.iter().any(|&(s, e)| word_start < e && word_end > s)
        {
            return None;
        }
        let entry = &self.entries[*self.phrases.get(&format!("{word} {tail}"))?];
        if !matches!(entry.class, Class::Specific | Class::Generic) {
            return None;
        }
        let (original_start, original_end) = norm.original_range(word_start, word_end);
        let (tail_start, _) = norm.original_range(end - tail.len(), end);
        let (_, last) = norm.original_range(start, end);
        Some(CommodityMention {
            start: original_start,
            end: original_end,
            text: format!(
                "{} {}",
                &text[original_start..original_end],
                &text[tail_start..last]
            ),
            hs: entry.hs.clone(),
            head: head_of(tail),
            generic: entry.hs.is_none() || entry.class == Class::Generic,
            trade_head: entry.trade_head,
        })
    }

    /// Whether "and" or "or" after byte `end` joins one or two content
    /// words that end before one of `firm_words`.
    fn joined_to_not_goods(&self, norm: &Normalized, end: usize) -> bool {
        let after = words_after(&norm.text, end, 4);
        let Some((joiner, rest)) = after.split_first() else {
            return false;
        };
        if !matches!(*joiner, "and" | "or") {
            return false;
        }
        let offset = |w: &str| w.as_ptr() as usize - norm.text.as_ptr() as usize;
        // One word between ("gold and resource stocks"), or goods of two
        // words ("aluminium and special metals group"); not a verb phrase
        // ("imports of sugar and draw down stocks").
        (1..rest.len().min(3)).any(|k| {
            let span = &norm.text[end..offset(rest[k])];
            self.firm_words.contains(rest[k])
                && !span.contains([',', ';', '.', ':', '(', ')'])
                && rest[..k].iter().all(|w| !JOINED_FUNCTION_WORDS.contains(w))
                && (k == 1 || self.phrases.contains_key(rest[k - 1]))
        })
    }

    /// The general rule on capitals, then the entry's own rule.
    fn accepts(
        &self,
        text: &str,
        norm: &Normalized,
        start: usize,
        end: usize,
        entry: &Entry,
    ) -> Verdict {
        if entry.class == Class::Stop {
            return Verdict::Accept;
        }
        let (original_start, original_end) = norm.original_range(start, end);
        let matched = &text[original_start..original_end];
        let has_upper = matched.chars().any(char::is_uppercase);
        let capitalised = has_upper && !is_all_caps(matched);
        // ("Argentine Vegetable oils shipments": a phrase whose last word
        // is lower case is no name, whatever its first word's case; in
        // "Gulf Oil Corp" every word is capitalised.)
        let lower_head = matched
            .rsplit(char::is_whitespace)
            .next()
            .filter(|last| last.len() < matched.len())
            .is_some_and(|last| last.starts_with(char::is_lowercase));
        if capitalised && !lower_head && !self.capital_allowed(text, original_start, original_end) {
            return Verdict::Reject;
        }
        // "anti-submarine defences": what a weapon is against.
        if text
            .get(original_start.saturating_sub(5)..original_start)
            .is_some_and(|b| b.eq_ignore_ascii_case("anti-"))
        {
            return Verdict::Reject;
        }
        // "a major U.S. oil company", "oil producing states": what a firm
        // or a country does.
        if norm.text[end..].starts_with(' ')
            && words_after(&norm.text, end, 1)
                .first()
                .is_some_and(|w| self.not_goods_before.contains(*w))
        {
            return Verdict::Reject;
        }
        // So do the words joined to such a phrase ("oil and gas
        // activities", "aluminium and special metals group").
        if norm.text[end..].starts_with(' ') && self.joined_to_not_goods(norm, end) {
            return Verdict::Reject;
        }
        let Some(rule) = entry.rule.map(|r| &self.rules[r]) else {
            return Verdict::Accept;
        };
        if rule.case == CaseRule::Lower && has_upper {
            return Verdict::Reject;
        }
        let previous = words_before(&norm.text, start, 1);
        if previous
            .first()
            .is_some_and(|w| rule.reject_before.contains(*w))
        {
            return Verdict::Reject;
        }
        let next = words_after(&norm.text, end, 1);
        if next.first().is_some_and(|w| rule.reject_after.contains(*w)) {
            return Verdict::Reject;
        }
        if capitalised
            && next
                .first()
                .is_some_and(|w| rule.reject_after_capitalised.contains(*w))
        {
            return Verdict::Reject;
        }
        if !rule.near.is_empty() {
            let before = words_before(&norm.text, start, rule.window);
            let after = words_after(&norm.text, end, rule.window);
            let near = before
                .iter()
                .chain(after.iter())
                .any(|w| rule.near.contains(*w));
            if !near {
                return if rule.in_list {
                    Verdict::InListOnly
                } else {
                    Verdict::Reject
                };
            }
        }
        Verdict::Accept
    }

    /// A capitalised (not all-caps) match is a commodity only at the start
    /// of a sentence or line and not before another capitalised word:
    /// elsewhere it is part of a name ("Gulf Oil Corp", "Coffee Board").
    ///
    /// Wire copy capitalises the word after "U.S." ("U.S. Soybeans"), so a
    /// dotted abbreviation before the match counts as a sentence start; a
    /// month after it ("Maize Mar 48.0" in a table row) is no name.
    fn capital_allowed(&self, text: &str, start: usize, end: usize) -> bool {
        let after_abbreviation = text[..start].trim_end_matches([' ', '\t']).ends_with('.')
            && text[..start]
                .trim_end()
                .rsplit(char::is_whitespace)
                .next()
                .is_some_and(|w| w.len() <= 5 && w.matches('.').count() >= 2);
        if !starts_sentence(text, start) && !after_abbreviation {
            return false;
        }
        // "a report on Export Markets for U.S. Grains": a title, whose words
        // are all capitalised.
        if after_abbreviation && in_title(text, start) {
            return false;
        }
        let rest = &text[end..];
        let next_start = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        let next_word: String = text[end + next_start..]
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        // ("the government's \"Food for Work\" program": a short quoted
        // title, its words after a particle capitalised up to the closing
        // quote.)
        let quoted = text[..start].trim_end().ends_with(['"', '\u{201c}']);
        if quoted && matches!(next_word.as_str(), "for" | "of" | "and") {
            let after = text[end + next_start + next_word.len()..].trim_start();
            let title: Vec<&str> = after
                .split_whitespace()
                .take_while(|w| w.starts_with(char::is_uppercase))
                .take(3)
                .collect();
            if title.last().is_some_and(|w| w.ends_with(['"', '\u{201d}'])) {
                return false;
            }
        }
        !char_at(text, end + next_start).is_some_and(char::is_uppercase)
            || MONTHS.contains(&next_word.to_ascii_lowercase().as_str())
    }
}

/// True when the dotted abbreviation before `start` follows a run of
/// capitalised words mid-sentence, as a title does ("Export Markets for
/// U.S. Grains"): the second and third words before the abbreviation
/// (skipping "for", "of", "and", "the") are capitalised.
fn in_title(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end();
    let Some(abbreviation_start) = before.rfind(char::is_whitespace) else {
        return false;
    };
    let words: Vec<&str> = text[..abbreviation_start]
        .split_whitespace()
        .rev()
        .filter(|w| !matches!(*w, "for" | "of" | "and" | "the" | "on" | "in"))
        .take(2)
        .collect();
    words.len() == 2
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) && w.chars().skip(1).all(char::is_lowercase))
}

/// What the context says of one match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Accept,
    Reject,
    /// Short of the context its rule asks for, but taken in a list of goods.
    InListOnly,
}

/// Words that may follow a finished noun phrase: an elliptic list is
/// completed only when its last phrase is followed by one of these or by
/// punctuation ("hard and soft wheat under the bonus", not "palm and palm
/// kernel oils").
const PHRASE_FOLLOWERS: &[&str] = &[
    "for", "to", "from", "under", "in", "at", "on", "and", "or", "with", "by", "of", "as", "is",
    "are", "was", "were", "has", "have", "had", "will", "would", "which", "that", "into", "worth",
    "valued", "this", "last", "next", "during", "between", "against",
];

/// The last word of a normalised phrase: its head noun.
fn head_of(phrase: &str) -> String {
    phrase.rsplit(' ').next().unwrap_or(phrase).to_string()
}

/// True when the text between two list members only joins them (", ",
/// " and ", ", or ").
fn is_list_gap(gap: &str) -> bool {
    if gap.len() > 16 {
        return false;
    }
    let words: Vec<&str> = gap
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    gap.chars()
        .all(|c| c == ',' || c.is_whitespace() || c.is_alphabetic())
        && (words.len() == 1 || (words.is_empty() && gap.contains(',')))
        && words.iter().all(|w| matches!(*w, "and" | "or"))
}

/// Month names and abbreviations, which may follow goods in a table row.
const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Vec<(String, Option<String>)> {
        Lexicon::global()
            .find(text)
            .into_iter()
            .map(|m| (m.text, m.hs))
            .collect()
    }

    fn hs(code: &str) -> Option<String> {
        Some(code.to_string())
    }

    #[test]
    fn embedded_data_builds_and_every_code_has_a_name() {
        let lexicon = Lexicon::global();
        for code in lexicon.hs_codes() {
            assert!(lexicon.hs_name(code).is_some(), "no name for {code}");
        }
        assert_eq!(lexicon.hs_name("1001"), Some("Wheat and meslin"));
    }

    #[test]
    fn matches_table() {
        type Case<'a> = (&'a str, &'a [(&'a str, Option<&'a str>)]);
        let cases: &[Case] = &[
            ("exports of wheat rose", &[("wheat", Some("1001"))]),
            (
                "sales of wheat flour to Egypt",
                &[("wheat flour", Some("1101"))],
            ),
            ("durum wheat crop", &[("durum wheat", Some("100119"))]),
            (
                "crude oil and oil",
                &[("crude oil", Some("2709")), ("oil", Some("27"))],
            ),
            ("palm oil prices", &[("palm oil", Some("1511"))]),
            ("RBD palm olein", &[("RBD palm olein", Some("1511"))]),
            ("U.S. soybean meal", &[("soybean meal", Some("2304"))]),
            (
                "soyoil and soymeal",
                &[("soyoil", Some("1507")), ("soymeal", Some("2304"))],
            ),
            (
                "vegetable oils to North Yemen",
                &[("vegetable oils", Some("15"))],
            ),
            (
                "crude\n    oil exports",
                &[("crude\n    oil", Some("2709"))],
            ),
            (
                "gasoline and gas oil",
                &[("gasoline", Some("271012")), ("gas oil", Some("271019"))],
            ),
            (
                "LPG and LNG cargoes",
                &[("LPG", Some("2711")), ("LNG", Some("271111"))],
            ),
            ("natural gas", &[("natural gas", Some("2711"))]),
            ("iron ore shipments", &[("iron ore", Some("2601"))]),
            (
                "aluminium and aluminum",
                &[("aluminium", Some("76")), ("aluminum", Some("76"))],
            ),
            (
                "semi-finished steel",
                &[("semi-finished steel", Some("7207"))],
            ),
            ("seamless pipe", &[("seamless pipe", Some("7304"))]),
            ("soluble coffee", &[("soluble coffee", Some("210111"))]),
            ("green coffee", &[("green coffee", Some("0901"))]),
            ("copra meal", &[("copra meal", Some("230650"))]),
            ("processed foodstuffs", &[("processed foodstuffs", None)]),
            ("memory chips from Japan", &[("memory chips", Some("8542"))]),
            (
                "raw sugar and sugar",
                &[("raw sugar", Some("1701")), ("sugar", Some("17"))],
            ),
            (
                "1.4 mln 60 kilo bags of coffee",
                &[("coffee", Some("0901"))],
            ),
            ("rare earths", &[("rare earths", Some("28"))]),
            (
                "cattle and beef",
                &[("cattle", Some("0102")), ("beef", Some("02"))],
            ),
        ];
        for &(text, expected) in cases {
            let expected: Vec<(String, Option<String>)> = expected
                .iter()
                .map(|&(t, h)| (t.to_string(), h.map(str::to_string)))
                .collect();
            assert_eq!(find(text), expected, "{text}");
        }
    }

    #[test]
    fn ambiguity_table() {
        let cases: &[(&str, &[&str])] = &[
            // lead the verb vs the metal
            ("the talks will lead to an agreement", &[]),
            ("this could lead to higher prices", &[]),
            ("leading exporters", &[]),
            ("exports of lead and zinc", &["lead", "zinc"]),
            ("tonnes of lead", &["lead"]),
            ("lead prices rose", &["lead"]),
            ("he was lead manager for the issue", &[]),
            // tin, iron, scrap
            ("tin prices fell", &["tin"]),
            ("a tin of paint", &[]),
            ("an iron fist", &[]),
            ("iron and steel output", &["iron and steel"]),
            ("to scrap the plan", &[]),
            ("scrap exports", &["scrap"]),
            // gold, gas, oil senses
            ("she won a gold medal", &[]),
            ("gold exports", &["gold"]),
            ("police fired tear gas", &[]),
            ("non-oil exports", &[]),
            // china and China
            ("China bought wheat", &["wheat"]),
            ("fine china and porcelain", &["fine china", "porcelain"]),
            ("sales of china rose", &["china"]),
            // arms the weapons vs arms the limbs
            ("arms sales to Iran", &["arms"]),
            ("with open arms", &[]),
            ("weapons", &["weapons"]),
            // capitalised names
            ("Gulf Oil Corp said", &[]),
            ("the International Coffee Organization met", &[]),
            ("Oil prices rose. Coffee exports fell", &["Oil", "Coffee"]),
            ("Rice said the talks failed", &[]),
            ("Rice exports rose", &["Rice"]),
            ("salt and SALT talks", &["salt"]),
            // wheat classes named without "wheat"; more goods
            (
                "60,000 tonnes of hard red winter and soft white",
                &["hard red winter", "soft white"],
            ),
            (
                "the dark northern spring wheat and Soft White Wheat",
                &["dark northern spring wheat"],
            ),
            ("soft white wheat for May", &["soft white wheat"]),
            ("European pasta imports", &["pasta"]),
            (
                "sales of dry edible beans and protein meals",
                &["dry edible beans", "protein meals"],
            ),
            ("Gulf petrochemical exports", &["petrochemical"]),
            ("a petrochemical complex", &[]),
            ("Animal fat imports rose", &["Animal fat"]),
            ("159,000 tons of linerboard", &["linerboard"]),
            // a stray capital on a phrase whose head is lower case
            ("Argentine Vegetable oils shipments", &["Vegetable oils"]),
            ("the Vegetable Oils Board met", &[]),
            ("Coke sales and coke imports", &["coke"]),
            // fuel the verb
            ("this will fuel inflation", &[]),
            ("fuel imports", &["fuel"]),
            // crude the adjective
            ("a crude estimate", &[]),
            ("Brent crude prices", &["crude"]),
            // words inside words
            ("toil and oilseeds", &["oilseeds"]),
            ("cornered", &[]),
            // ships as carriers vs as goods
            ("vessels loading wheat", &["wheat"]),
            ("the shipyard built vessels for Norway", &["vessels"]),
            ("semiconductors and blue chips", &["semiconductors"]),
        ];
        for &(text, expected) in cases {
            let found: Vec<String> = Lexicon::global()
                .find(text)
                .into_iter()
                .map(|m| m.text)
                .collect();
            assert_eq!(found, expected, "{text}");
        }
    }

    #[test]
    fn heads_generic_and_trade_head_flags() {
        let mentions = Lexicon::global().find("wheat flour, consumer goods and vegetable oils");
        let flags: Vec<(&str, bool, bool)> = mentions
            .iter()
            .map(|m| (m.head.as_str(), m.generic, m.trade_head))
            .collect();
        assert_eq!(
            flags,
            vec![
                ("flour", false, true),
                ("goods", true, false),
                ("oils", true, true)
            ]
        );
        assert_eq!(hs("1101"), mentions[0].hs);
    }

    #[test]
    fn elliptic_lists_complete_their_first_member() {
        assert_eq!(
            find("engineering and electronic goods"),
            vec![
                ("engineering goods".to_string(), None),
                ("electronic goods".to_string(), hs("85")),
            ]
        );
        // Only when the completed phrase is goods, and the word no other
        // mention.
        assert_eq!(
            find("U.S. and Canadian wheat"),
            vec![("wheat".to_string(), hs("1001"))]
        );
        // The list's head comes later: "palm" is no "palm kernel".
        let palm = find("coconut, palm and palm kernel oils contain fat");
        assert_eq!(
            palm.iter().filter(|(t, _)| t.starts_with("palm")).count(),
            1,
            "{palm:?}"
        );
        assert_eq!(
            find("wheat and soybean oil"),
            vec![
                ("wheat".to_string(), hs("1001")),
                ("soybean oil".to_string(), hs("1507"))
            ]
        );
    }

    #[test]
    fn anaphors_take_the_code_of_the_goods_before() {
        let text = "Canada exported steel worth two billion dlrs, while importing \
                    944 mln dlrs worth of the product";
        let goods = Lexicon::global().find(text);
        assert_eq!(goods.len(), 2);
        assert_eq!(goods[1].text, "the product");
        assert_eq!(goods[1].hs, hs("72"));
        assert!(!goods[1].generic);
        // A result, not goods.
        assert!(find("the product of favourable conditions").is_empty());
        // Nothing before it: a generic mention without a code.
        let alone = Lexicon::global().find("imports of the product rose");
        assert_eq!(alone.len(), 1);
        assert!(alone[0].generic && alone[0].hs.is_none());
        // An amount refers back too, but alone it names no goods.
        let text = "Venezuela will lend five mln barrels of crude to Ecuador, which \
                    would ship an equivalent volume back in May";
        let goods = Lexicon::global().find(text);
        assert_eq!(goods.len(), 2, "{goods:?}");
        assert_eq!(goods[1].text, "an equivalent volume");
        assert_eq!(goods[1].hs, hs("2709"));
        assert!(find("Ecuador would ship an equivalent volume back").is_empty());
        // Too far back: the goods of another paragraph are not meant.
        let far = format!("wheat.{} the product", " x".repeat(200));
        assert!(Lexicon::global().find(&far)[1].hs.is_none());
    }

    #[test]
    fn a_paper_that_speaks_or_a_debt_paper_is_no_goods() {
        assert!(find("the paper marked an easing in Japan's position").is_empty());
        assert!(find("Bolivia bought back its own debt paper").is_empty());
        assert_eq!(find("Finland exported paper and pulp").len(), 2);
    }

    #[test]
    fn goods_naming_a_firm_are_no_goods() {
        assert_eq!(
            find("a major U.S. oil company bought propane"),
            vec![("propane".to_string(), hs("271112"))]
        );
        assert!(find("the oil-rich states and oil producing countries").is_empty());
        // People who speak of the goods.
        assert!(find("many U.S. grain analysts have revised their estimates").is_empty());
        // Goods in other goods; a flour named by its wheat.
        assert!(find("imports of sugar-containing products").len() <= 1);
        assert!(find("imports of sugar-containing products")
            .iter()
            .all(|(t, _)| t != "sugar"));
        assert_eq!(
            find("13,000 tonnes of soft wheat flour"),
            vec![("soft wheat flour".to_string(), hs("1101"))]
        );
        // What goods are made into or measured as.
        assert_eq!(
            find("to replace jute bags imported from Bangladesh"),
            vec![("jute bags".to_string(), hs("6305"))]
        );
        assert!(find("10 mln grain bags").iter().all(|(t, _)| t != "grain"));
        assert!(find("exports fell to 163,924 copra tonnes").is_empty());
        assert_eq!(
            find("destinations for canned meat"),
            vec![("canned meat".to_string(), hs("1602"))]
        );
        // A part of the goods is other goods.
        assert!(find("the main component of cigarette filters").is_empty());
        // "Beans" in a story of coffee are coffee beans.
        assert_eq!(
            find("Coffee prices eased. Mexican prime-washed beans were offered for spot shipment.")
                .last()
                .cloned(),
            Some(("beans".to_string(), hs("0901")))
        );
        // "Cameras" in a story of 35-mm cameras are photographic cameras.
        assert_eq!(
            find("Goldstar plans to make 35-mm cameras. Canon will buy cameras for resale.")
                .last()
                .cloned(),
            Some(("cameras".to_string(), hs("9006")))
        );
        // A short form names the goods the text names in full.
        assert_eq!(
            find("Japan imported 128,089 tonnes of Brazilian beans"),
            vec![("beans".to_string(), hs("0713"))]
        );
        let found = find("Soybeans rose. Japan imported 128,089 tonnes of Brazilian beans");
        assert_eq!(found[1], ("beans".to_string(), hs("1201")));
        // Plural "oils" in a story of vegetable oils, unless mineral oils
        // are named too.
        let found = find("labels on tropical oils would discourage consumption of the oils");
        assert_eq!(found[1], ("oils".to_string(), hs("15")));
        let found = find("palm oil and crude oil prices; the oils fell");
        assert_eq!(found[2], ("oils".to_string(), hs("27")));
        // What bears or measures the goods is no goods.
        assert!(find("fat- and oil-bearing raw materials")
            .iter()
            .all(|(t, _)| t != "oil"));
        assert!(find("on a fat/oil basis").is_empty());
        // Goods joined to a firm's or a sector's words are no goods either.
        assert!(find("its remaining U.S. oil and gas activities").is_empty());
        assert!(find("Pechiney, the aluminium and special metals group").is_empty());
        assert_eq!(find("imports of oil and the company said").len(), 1);
        assert_eq!(
            find("continue imports of sugar and draw down stocks").len(),
            1
        );
        // Goods joined to parts or to services still move.
        assert_eq!(
            find("crude oil, petroleum products and basic computer components").len(),
            3
        );
        assert_eq!(find("fighter aircraft and supporting services").len(), 1);
        // What a weapon is against is no goods.
        assert!(find("to strengthen anti-submarine defences").is_empty());
        // A facility or a carrier named by its goods.
        assert!(find("tried to blow up an electricity pylon").is_empty());
        assert_eq!(find("Oil tankers taking oil from Kuwait").len(), 1);
        // Shares named by their goods are no goods.
        assert!(find("investors heavily buying Australian gold and resource stocks").is_empty());
        // A forklift truck is machinery, not a goods vehicle.
        assert_eq!(
            find("2,548 forklift trucks to the EC"),
            vec![("forklift trucks".to_string(), hs("8427"))]
        );
        // People who negotiate over the goods.
        assert!(find("Canadian and Egyptian wheat negotiators met").is_empty());
        // A quoted title is no goods; a quote opening on goods is.
        assert!(find("used for the government's \"Food for Work\" program").is_empty());
        assert_eq!(find("\"Wheat for China is loaded,\" he said").len(), 1);
        // A computer memory chip is a chip, not a computer.
        assert_eq!(
            find("will buy a one-megabit computer memory chip from Japanese suppliers"),
            vec![("computer memory chip".to_string(), hs("8542"))]
        );
        // "manufactures" the verb is no goods; the noun is.
        assert_eq!(
            find("the plant, which manufactures military vehicles").len(),
            1,
            "only the vehicles"
        );
        assert_eq!(find("exports of manufactures rose").len(), 1);
        // A manufacturer named by its goods makes them; it ships nothing here.
        assert!(find("the largest food and beverage manufacturer").is_empty());
        // Casein is a milk protein of chapter 35, not dairy produce.
        assert_eq!(
            find("a quota on U.S. imports of casein"),
            vec![("casein".to_string(), hs("3501"))]
        );
        // A machine named by what it runs on.
        assert!(find("exports will include diesel engine spares").is_empty());
        // Money-market paper is no goods.
        assert!(find("inject liquidity against first category paper").is_empty());
        assert_eq!(find("imports of car parts").len(), 1);
        // A title after an abbreviation, not goods; plain wire copy is.
        assert!(find("In its report on Export Markets for U.S. Grains, it said").is_empty());
        assert_eq!(find("the Soviets bought U.S. Wheat").len(), 1);
        assert!(find("models with microprocessor-based controls").is_empty());
        // Punctuation ends the phrase: "... cottonseed oil, traders said".
        assert_eq!(
            find("cottonseed oil, traders said"),
            vec![("cottonseed oil".to_string(), hs("1512"))]
        );
    }

    #[test]
    fn in_list_rules_accept_listed_goods() {
        // "arms" needs weapons-trade words near it, or other goods beside it.
        assert!(find("he raised his arms and smiled").is_empty());
        assert_eq!(
            find("swaps of textiles for Soviet arms and crude oil"),
            vec![
                ("textiles".to_string(), None),
                ("arms".to_string(), hs("93")),
                ("crude oil".to_string(), hs("2709"))
            ]
        );
    }

    #[test]
    fn offsets_are_bytes_of_the_original_text() {
        let text = "“Crude” – crude\u{a0}oil and wheat";
        for m in Lexicon::global().find(text) {
            assert!(m.text.starts_with(&text[m.start..m.end]));
        }
        let wheat = Lexicon::global().find(text).pop().unwrap();
        assert_eq!(wheat.text, "wheat");
    }

    #[test]
    fn bad_data_is_a_typed_error() {
        let err = Lexicon::from_sources("wheat\t10x1\tspecific\ty\t-\n", "", "").unwrap_err();
        assert!(matches!(err, Error::Data { line: 1, .. }), "{err}");
        let err = Lexicon::from_sources("wheat\t1001\tspecific\ty\tnope\n", "", "").unwrap_err();
        assert!(err.to_string().contains("unknown rule"), "{err}");
        let err = Lexicon::from_sources(
            "wheat\t1001\tspecific\ty\t-\nwheat\t1001\tspecific\ty\t-\n",
            "",
            "",
        )
        .unwrap_err();
        assert!(err.to_string().contains("already listed"), "{err}");
        assert!(Lexicon::from_sources("", "[rules.x]\nbogus = 1\n", "").is_err());
    }
}
