//! Small text helpers shared by the layers: phrase sets matched on word
//! boundaries, and word iteration with byte offsets.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// A set of lower-case phrases matched case-insensitively on word boundaries.
#[derive(Debug, Clone)]
pub(crate) struct PhraseSet {
    /// Leftmost-longest matches: the fast path.
    automaton: AhoCorasick,
    /// Every match, overlapping: used only when a leftmost-longest match
    /// falls inside a word and may hide a shorter or later one that does
    /// not ("sales taxes" with "sales" and "sales tax").
    overlapping: AhoCorasick,
    phrases: Vec<String>,
}

/// One match of a [`PhraseSet`]: byte offsets and the index of the phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub index: usize,
}

/// A phrase set reads as a list of phrases (`data/cues.toml`).
impl<'de> serde::Deserialize<'de> for PhraseSet {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(PhraseSet::new(&Vec::<String>::deserialize(d)?))
    }
}

impl PhraseSet {
    pub(crate) fn new<S: AsRef<str>>(phrases: &[S]) -> PhraseSet {
        let phrases: Vec<String> = phrases
            .iter()
            .map(|p| p.as_ref().trim().to_ascii_lowercase())
            .filter(|p| !p.is_empty())
            .collect();
        let build = |kind| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(kind)
                .build(&phrases)
                .expect("cue phrases build an automaton")
        };
        PhraseSet {
            automaton: build(MatchKind::LeftmostLongest),
            overlapping: build(MatchKind::Standard),
            phrases,
        }
    }

    /// Non-overlapping, longest-first matches on word boundaries: among the
    /// occurrences that neither start nor end inside a word, the leftmost,
    /// and at one start the longest.
    pub(crate) fn find(&self, text: &str) -> Vec<Hit> {
        let text = flat(text);
        let mut hits = Vec::new();
        for m in self.automaton.find_iter(text.as_ref()) {
            if !on_word_boundaries(&text, m.start(), m.end()) {
                return self.find_exact(&text);
            }
            hits.push(Hit {
                start: m.start(),
                end: m.end(),
                index: m.pattern().as_usize(),
            });
        }
        hits
    }

    /// [`PhraseSet::find`] from every occurrence: slower, and needed only
    /// when the fast path met a match inside a word.
    fn find_exact(&self, text: &str) -> Vec<Hit> {
        let mut all: Vec<Hit> = self
            .overlapping
            .find_overlapping_iter(text)
            .filter(|m| on_word_boundaries(text, m.start(), m.end()))
            .map(|m| Hit {
                start: m.start(),
                end: m.end(),
                index: m.pattern().as_usize(),
            })
            .collect();
        all.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        let mut hits: Vec<Hit> = Vec::with_capacity(all.len());
        for h in all {
            if hits.last().is_none_or(|last| h.start >= last.end) {
                hits.push(h);
            }
        }
        hits
    }

    /// True when any phrase occurs in `text` on word boundaries.
    pub(crate) fn any(&self, text: &str) -> bool {
        let text = flat(text);
        let mut inside_word = false;
        for m in self.automaton.find_iter(text.as_ref()) {
            if on_word_boundaries(&text, m.start(), m.end()) {
                return true;
            }
            inside_word = true;
        }
        inside_word
            && self
                .overlapping
                .find_overlapping_iter(text.as_ref())
                .any(|m| on_word_boundaries(&text, m.start(), m.end()))
    }

    pub(crate) fn phrase(&self, index: usize) -> &str {
        &self.phrases[index]
    }

    /// True when `text` (trimmed, ASCII case ignored) is exactly one of the
    /// phrases. Called for single words many times per sentence: it
    /// compares in place instead of building a lower-case copy.
    pub(crate) fn is_exactly(&self, text: &str) -> bool {
        let t = text.trim();
        self.phrases.iter().any(|p| p.eq_ignore_ascii_case(t))
    }
}

/// Wire copy wraps lines inside phrases ("still\navailable"): phrases are
/// matched on a copy with line breaks and tabs as spaces (same byte
/// offsets), made only when the text has any.
pub(crate) fn flat(text: &str) -> std::borrow::Cow<'_, str> {
    let Some(first) = memchr::memchr3(b'\n', b'\r', b'\t', text.as_bytes()) else {
        return std::borrow::Cow::Borrowed(text);
    };
    let mut bytes = text.as_bytes().to_vec();
    for b in &mut bytes[first..] {
        if matches!(*b, b'\n' | b'\r' | b'\t') {
            *b = b' ';
        }
    }
    // ASCII bytes replaced by an ASCII byte: still UTF-8.
    std::borrow::Cow::Owned(String::from_utf8(bytes).expect("ASCII for ASCII keeps UTF-8"))
}

pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// True when `start..end` of `text` neither starts nor ends inside a word.
pub(crate) fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let first = text[start..end].chars().next();
    let last = text[start..end].chars().next_back();
    let left_ok = match (before, first) {
        (Some(b), Some(f)) => !(is_word_char(b) && is_word_char(f)),
        _ => true,
    };
    let right_ok = match (last, after) {
        (Some(l), Some(a)) => !(is_word_char(l) && is_word_char(a)),
        _ => true,
    };
    left_ok && right_ok
}

/// Byte spans of the words of `text` (runs of letters and digits, with
/// inner apostrophes, hyphens and periods kept: "U.S.", "Korea’s").
pub(crate) fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let joins = matches!(c, '\'' | '’' | '-' | '.')
            && start.is_some()
            && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || joins {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            out.push((s, i));
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// Number of words in `text`.
pub(crate) fn word_count(text: &str) -> usize {
    words(text).len()
}

/// Byte offsets in `text` of the marks in `marks` that break a clause,
/// leaving out a mark between two digits ("700,000 tonnes", "1.5 mln",
/// "10:30").
pub(crate) fn clause_marks<'t>(
    text: &'t str,
    marks: &'t [char],
) -> impl Iterator<Item = usize> + 't {
    let bytes = text.as_bytes();
    text.match_indices(marks).map(|(k, _)| k).filter(move |&k| {
        let digit_before = k > 0 && bytes[k - 1].is_ascii_digit();
        let digit_after = bytes.get(k + 1).is_some_and(u8::is_ascii_digit);
        !(digit_before && digit_after)
    })
}

/// Whether `text` holds a clause-breaking mark (see [`clause_marks`]).
pub(crate) fn has_clause_mark(text: &str, marks: &[char]) -> bool {
    clause_marks(text, marks).next().is_some()
}

/// The first clause-breaking mark of `text` (see [`clause_marks`]).
pub(crate) fn first_clause_mark(text: &str, marks: &[char]) -> Option<usize> {
    clause_marks(text, marks).next()
}

/// The last clause-breaking mark of `text` (see [`clause_marks`]).
pub(crate) fn last_clause_mark(text: &str, marks: &[char]) -> Option<usize> {
    clause_marks(text, marks).last()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of each match of `set` in `text`.
    fn matched<'t>(set: &PhraseSet, text: &'t str) -> Vec<&'t str> {
        set.find(text)
            .iter()
            .map(|h| &text[h.start..h.end])
            .collect()
    }

    #[test]
    fn phrases_match_on_word_boundaries_only() {
        let set = PhraseSet::new(&["import", "imports", "credit guarantees"]);
        let text = "Imports rose; importantly, credit guarantees were given.";
        assert_eq!(matched(&set, text), vec!["Imports", "credit guarantees"]);
        let wrapped = "credit\nguarantees";
        assert_eq!(set.find(wrapped).len(), 1);
    }

    #[test]
    fn exact_phrases_ignore_case_and_outer_space_only() {
        let set = PhraseSet::new(&["receive", "pct of"]);
        assert!(set.is_exactly(" Receive"));
        assert!(set.is_exactly("PCT OF "));
        assert!(!set.is_exactly("receiver"));
        assert!(!set.is_exactly("pct  of"));
        assert!(!set.is_exactly(""));
    }

    #[test]
    fn a_match_inside_a_word_hides_no_other_match() {
        // The longest match at a start ends inside a word; the shorter one
        // there, and a later one, still count.
        let set = PhraseSet::new(&["sales", "sales tax", "tax"]);
        assert_eq!(matched(&set, "sales taxes and tax"), vec!["sales", "tax"]);
        assert!(set.any("sales taxes"));
        let set = PhraseSet::new(&["a", "ab", "b a"]);
        assert_eq!(matched(&set, "b ab"), vec!["ab"]);
    }

    proptest::proptest! {
        // Against a naive oracle: every occurrence of every phrase, case
        // ignored, kept when on word boundaries; then leftmost, longest,
        // not overlapping. Line breaks match spaces.
        #[test]
        fn find_agrees_with_a_naive_search(text in "[abAB \n,.é]{0,30}") {
            let phrases = ["a", "ab", "b a", "é", "b b", "ba"];
            let set = PhraseSet::new(&phrases);
            let flat_text = text.replace('\n', " ").to_ascii_lowercase();
            let mut all: Vec<(usize, usize)> = Vec::new();
            for p in phrases {
                // Every occurrence, overlapping ones too.
                for k in (0..flat_text.len()).filter(|&k| flat_text.is_char_boundary(k)) {
                    if flat_text[k..].starts_with(p) && on_word_boundaries(&flat_text, k, k + p.len()) {
                        all.push((k, k + p.len()));
                    }
                }
            }
            all.sort_by_key(|&(a, b)| (a, std::cmp::Reverse(b)));
            let mut expected: Vec<(usize, usize)> = Vec::new();
            for (a, b) in all {
                if expected.last().is_none_or(|&(_, end)| a >= end) {
                    expected.push((a, b));
                }
            }
            let found: Vec<(usize, usize)> = set.find(&text).iter().map(|h| (h.start, h.end)).collect();
            proptest::prop_assert_eq!(&found, &expected);
            proptest::prop_assert_eq!(set.any(&text), !expected.is_empty());
        }
    }

    #[test]
    fn words_keep_abbreviations_and_possessives() {
        let text = "the U.S. and North Korea’s ministry";
        let w: Vec<&str> = words(text).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(w, vec!["the", "U.S", "and", "North", "Korea’s", "ministry"]);
    }

    #[test]
    fn commas_inside_numbers_break_no_clause() {
        let text = "sell 700,000 tonnes at 1.5 dlrs, or 10:30; then";
        let marks: Vec<usize> = clause_marks(text, &[',', ';', ':', '.']).collect();
        assert_eq!(marks, vec![31, 41]);
        assert!(!has_clause_mark("700,000 tonnes", &[',']));
        assert_eq!(first_clause_mark("a, b, c", &[',']), Some(1));
        assert_eq!(last_clause_mark("a, b, c", &[',']), Some(4));
    }
}
