//! Small text helpers shared by the finders: a normalised copy of the text
//! for automaton matching, word boundaries and case tests.

/// A lower-cased copy of a text in which every run of white space is one
/// space and a hyphen between two letters or digits is a space, with the
/// byte offset in the original text of every byte of the copy.
///
/// Why: wire copy wraps lines inside phrases ("crude\n    oil") and writes
/// compounds with or without hyphens ("semi-finished"); matching the copy lets
/// one lexicon entry cover all of these while reporting original offsets.
pub(crate) struct Normalized {
    pub(crate) text: String,
    /// Where the copy and the original stop lining up byte for byte: from
    /// byte `.0` of the copy on (up to the next entry), byte `i` of the copy
    /// is byte `i + .1` of the original. Sorted; none means no shift.
    shifts: Vec<(usize, usize)>,
}

impl Normalized {
    pub(crate) fn new(original: &str) -> Normalized {
        let bytes = original.as_bytes();
        let mut norm = Normalized {
            text: String::with_capacity(original.len()),
            shifts: Vec::new(),
        };
        // Whether `text` ends with the space of a collapsed run.
        let mut after_space = false;
        // Start of the run of plain bytes (ASCII, neither white space nor a
        // hyphen, or a lone space) not copied yet: they are copied
        // lower-cased, one for one.
        let mut plain = 0;
        let mut offset = 0;
        let is_space = |b: u8| matches!(b, b'\t'..=b'\r' | b' ');
        while offset < bytes.len() {
            let b = bytes[offset];
            if b.is_ascii() && !is_space(b) && b != b'-' {
                offset += 1;
                continue;
            }
            // A lone space between plain bytes stays as it is: part of the
            // run (it cannot follow a space, so it is never collapsed).
            if b == b' '
                && (if plain < offset {
                    bytes[offset - 1] != b' '
                } else {
                    !after_space
                })
                && bytes
                    .get(offset + 1)
                    .is_some_and(|&n| n.is_ascii() && !is_space(n))
            {
                offset += 1;
                continue;
            }
            if plain < offset {
                norm.push_lowercase(original, plain, offset);
                after_space = bytes[offset - 1] == b' ';
            }
            let (c, len) = if b.is_ascii() {
                (char::from(b), 1)
            } else {
                let c = original[offset..].chars().next().unwrap_or_default();
                (c, c.len_utf8())
            };
            let is_joining_hyphen = matches!(c, '-' | '\u{2010}' | '\u{2011}')
                && char_before(original, offset).is_some_and(char::is_alphanumeric)
                && char_at(original, offset + len).is_some_and(char::is_alphanumeric);
            if c.is_whitespace() || is_joining_hyphen {
                if !after_space {
                    norm.push(offset, ' ');
                    after_space = true;
                }
            } else {
                // A hyphen kept, or a non-ASCII character copied unchanged
                // so that byte offsets inside it map one to one.
                norm.push(offset, c);
                after_space = false;
            }
            offset += len;
            plain = offset;
        }
        if plain < offset {
            norm.push_lowercase(original, plain, offset);
        }
        norm
    }

    /// Note that the next byte of the copy is byte `offset` of the original.
    fn align(&mut self, offset: usize) {
        let at = self.text.len();
        let shift = offset - at;
        if self.shifts.last().map_or(0, |&(_, s)| s) != shift {
            self.shifts.push((at, shift));
        }
    }

    /// Copy `c`, which stands at byte `offset` of the original.
    fn push(&mut self, offset: usize, c: char) {
        self.align(offset);
        self.text.push(c);
    }

    /// Copy `original[start..end]` (ASCII) lower-cased.
    fn push_lowercase(&mut self, original: &str, start: usize, end: usize) {
        self.align(start);
        let at = self.text.len();
        self.text.push_str(&original[start..end]);
        self.text[at..].make_ascii_lowercase();
    }

    /// The original byte offset of byte `i` of the copy.
    fn original_offset(&self, i: usize) -> usize {
        let after = self.shifts.partition_point(|&(at, _)| at <= i);
        i + after.checked_sub(1).map_or(0, |k| self.shifts[k].1)
    }

    /// Original byte range of the normalised byte range `start..end`
    /// (`end > start`, both on character boundaries of the copy).
    pub(crate) fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        let first = self.original_offset(start);
        let last_byte = self.original_offset(end - 1);
        (first, last_byte + 1)
    }
}

/// Lower-case a phrase the way [`Normalized`] does, so that data entries and
/// text compare equal.
pub(crate) fn normalize_phrase(phrase: &str) -> String {
    Normalized::new(phrase.trim()).text
}

/// The character just before byte `at`, if any.
pub(crate) fn char_before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

/// The character at byte `at`, if any.
pub(crate) fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|rest| rest.chars().next())
}

/// True when `start..end` does not cut a word: the characters on either side
/// are not letters or digits.
pub(crate) fn is_word_bounded(text: &str, start: usize, end: usize) -> bool {
    !char_before(text, start).is_some_and(char::is_alphanumeric)
        && !char_at(text, end).is_some_and(char::is_alphanumeric)
}

/// Up to `count` words (runs of letters and digits) before byte `at`,
/// nearest first.
pub(crate) fn words_before(text: &str, at: usize, count: usize) -> Vec<&str> {
    let mut words = Vec::new();
    let mut end = at;
    while words.len() < count {
        let head = &text[..end];
        let Some(word_end) = head
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_alphanumeric())
            .map(|(i, c)| i + c.len_utf8())
        else {
            break;
        };
        let word_start = head[..word_end]
            .char_indices()
            .rev()
            .find(|&(_, c)| !c.is_alphanumeric())
            .map_or(0, |(i, c)| i + c.len_utf8());
        words.push(&text[word_start..word_end]);
        end = word_start;
    }
    words
}

/// Up to `count` words (runs of letters and digits) from byte `at` on.
pub(crate) fn words_after(text: &str, at: usize, count: usize) -> Vec<&str> {
    let mut words = Vec::new();
    let mut start = at;
    while words.len() < count {
        let tail = &text[start..];
        let Some(offset) = tail.find(char::is_alphanumeric) else {
            break;
        };
        let word_start = start + offset;
        let word_end = text[word_start..]
            .find(|c: char| !c.is_alphanumeric())
            .map_or(text.len(), |i| word_start + i);
        words.push(&text[word_start..word_end]);
        start = word_end;
    }
    words
}

/// Skip white space from byte `at`; returns the new offset.
pub(crate) fn skip_space(text: &str, at: usize) -> usize {
    text[at..]
        .find(|c: char| !c.is_whitespace())
        .map_or(text.len(), |i| at + i)
}

/// Skip white space and hyphens from byte `at`; returns the new offset.
pub(crate) fn skip_space_or_hyphen(text: &str, at: usize) -> usize {
    text[at..]
        .find(|c: char| !(c.is_whitespace() || c == '-'))
        .map_or(text.len(), |i| at + i)
}

/// A phrase of a data table, split into words, matched against the original
/// text case-insensitively (ASCII) or exactly, with any run of white space
/// (or a hyphen) between words.
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    words: Vec<String>,
    case_sensitive: bool,
    /// Length in characters, to try longer phrases first.
    pub(crate) len: usize,
}

impl Phrase {
    pub(crate) fn new(phrase: &str, case_sensitive: bool) -> Phrase {
        let words: Vec<String> = phrase
            .split_whitespace()
            .map(|w| {
                if case_sensitive {
                    w.to_string()
                } else {
                    w.to_lowercase()
                }
            })
            .collect();
        let len = phrase.chars().count();
        Phrase {
            words,
            case_sensitive,
            len,
        }
    }

    /// The first byte of the phrase lower-cased, for bucketing.
    pub(crate) fn first_byte(&self) -> u8 {
        self.words
            .first()
            .and_then(|w| w.bytes().next())
            .map_or(0, |b| b.to_ascii_lowercase())
    }

    /// The last byte of the phrase lower-cased, for bucketing.
    pub(crate) fn last_byte(&self) -> u8 {
        self.words
            .last()
            .and_then(|w| w.bytes().next_back())
            .map_or(0, |b| b.to_ascii_lowercase())
    }

    /// The end of the phrase if it starts at byte `at` of `text` and is not
    /// followed by a letter or digit (when it ends with one).
    pub(crate) fn match_at(&self, text: &str, at: usize) -> Option<usize> {
        let bytes = text.as_bytes();
        let mut pos = at;
        for (index, word) in self.words.iter().enumerate() {
            if index > 0 {
                let next = skip_space_or_hyphen(text, pos);
                if next == pos {
                    return None;
                }
                pos = next;
            }
            let end = pos + word.len();
            let candidate = bytes.get(pos..end)?;
            let equal = if self.case_sensitive {
                candidate == word.as_bytes()
            } else {
                candidate.eq_ignore_ascii_case(word.as_bytes())
            };
            if !equal || !text.is_char_boundary(end) {
                return None;
            }
            pos = end;
        }
        let ends_in_word_char = self
            .words
            .last()
            .and_then(|w| w.chars().next_back())
            .is_some_and(char::is_alphanumeric);
        if ends_in_word_char && char_at(text, pos).is_some_and(char::is_alphanumeric) {
            return None;
        }
        Some(pos)
    }

    /// The start of the phrase if it ends exactly at byte `end` of `text` and
    /// is not preceded by a letter or digit (when it starts with one).
    pub(crate) fn match_ending_at(&self, text: &str, end: usize) -> Option<usize> {
        // Only the starts that leave room for the words and 1 to 4 bytes of
        // white space between each two of them can match.
        let word_bytes: usize = self.words.iter().map(String::len).sum();
        let gaps = self.words.len().saturating_sub(1);
        let shortest = word_bytes + gaps;
        let longest = word_bytes + 4 * gaps;
        for span in shortest..=longest {
            let Some(start) = end.checked_sub(span) else {
                break;
            };
            if !text.is_char_boundary(start) || !self.match_exact_end(text, start, end) {
                continue;
            }
            let starts_in_word_char = self
                .words
                .first()
                .and_then(|w| w.chars().next())
                .is_some_and(char::is_alphanumeric);
            if starts_in_word_char && char_before(text, start).is_some_and(char::is_alphanumeric) {
                return None;
            }
            return Some(start);
        }
        None
    }

    /// Like `match_at` but ignoring what follows the phrase (the number that
    /// follows a prefix such as `US$` may be glued to it).
    fn match_exact_end(&self, text: &str, start: usize, end: usize) -> bool {
        let Some(slice) = text.get(start..end) else {
            return false;
        };
        let mut pos = 0;
        for (index, word) in self.words.iter().enumerate() {
            if index > 0 {
                let next = skip_space_or_hyphen(slice, pos);
                if next == pos {
                    return false;
                }
                pos = next;
            }
            let stop = pos + word.len();
            let Some(candidate) = slice.as_bytes().get(pos..stop) else {
                return false;
            };
            let equal = if self.case_sensitive {
                candidate == word.as_bytes()
            } else {
                candidate.eq_ignore_ascii_case(word.as_bytes())
            };
            if !equal {
                return false;
            }
            pos = stop;
        }
        pos == slice.len()
    }
}

/// Bucket phrases by their first byte so that a position is tried only
/// against phrases that can start there; within a bucket, longer first.
#[derive(Debug)]
pub(crate) struct PhraseIndex<T> {
    buckets: Vec<Vec<(Phrase, T)>>,
    /// The same phrases bucketed by their last byte, for matches that end
    /// at a given offset.
    ending_buckets: Vec<Vec<(Phrase, T)>>,
}

impl<T: Clone> PhraseIndex<T> {
    pub(crate) fn new(entries: Vec<(Phrase, T)>) -> PhraseIndex<T> {
        let mut buckets: Vec<Vec<(Phrase, T)>> = (0..256).map(|_| Vec::new()).collect();
        let mut ending_buckets: Vec<Vec<(Phrase, T)>> = (0..256).map(|_| Vec::new()).collect();
        for (phrase, value) in entries {
            ending_buckets[usize::from(phrase.last_byte())].push((phrase.clone(), value.clone()));
            buckets[usize::from(phrase.first_byte())].push((phrase, value));
        }
        for bucket in buckets.iter_mut().chain(ending_buckets.iter_mut()) {
            bucket.sort_by_key(|entry| std::cmp::Reverse(entry.0.len));
        }
        PhraseIndex {
            buckets,
            ending_buckets,
        }
    }

    /// The longest phrase starting at byte `at`: its end and value.
    pub(crate) fn longest_at(&self, text: &str, at: usize) -> Option<(usize, T)> {
        let first = text.as_bytes().get(at)?.to_ascii_lowercase();
        self.buckets[usize::from(first)]
            .iter()
            .find_map(|(phrase, value)| phrase.match_at(text, at).map(|end| (end, value.clone())))
    }

    /// The longest phrase ending at byte `end`: its start and value.
    pub(crate) fn longest_ending_at(&self, text: &str, end: usize) -> Option<(usize, T)> {
        let last = text
            .as_bytes()
            .get(end.checked_sub(1)?)?
            .to_ascii_lowercase();
        let mut best: Option<(usize, T)> = None;
        for (phrase, value) in &self.ending_buckets[usize::from(last)] {
            if let Some(start) = phrase.match_ending_at(text, end) {
                if best.as_ref().is_none_or(|(s, _)| start < *s) {
                    best = Some((start, value.clone()));
                }
            }
        }
        best
    }
}

/// True when every letter of `s` is upper case, allowing a final plural `s`
/// ("LNG", "NGLs"): an acronym or a headline, not a capitalised name.
pub(crate) fn is_all_caps(s: &str) -> bool {
    let trimmed = s.strip_suffix('s').unwrap_or(s);
    let mut letters = trimmed.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(char::is_uppercase)
}

/// True when byte `at` starts a sentence or a line: only white space back to
/// a line break, the text start, or sentence punctuation.
pub(crate) fn starts_sentence(text: &str, at: usize) -> bool {
    for c in text[..at].chars().rev() {
        if c == '\n' {
            return true;
        }
        if c.is_whitespace() {
            continue;
        }
        return matches!(
            c,
            '.' | '!'
                | '?'
                | ':'
                | ';'
                | '"'
                | '\''
                | '\u{201c}'
                | '\u{201d}'
                | '\u{2018}'
                | '\u{2019}'
                | '('
                | '['
                | '{'
                | '*'
                | '\u{2022}'
                | '\u{2013}'
                | '\u{2014}'
                | '-'
                | '|'
                | '>'
        );
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalized_collapses_space_and_hyphens_and_maps_back() {
        let text = "Crude\n    Oil and semi-finished STEEL – ok";
        let norm = Normalized::new(text);
        assert_eq!(norm.text, "crude oil and semi finished steel – ok");
        let start = norm.text.find("semi finished").unwrap();
        let (s, e) = norm.original_range(start, start + "semi finished".len());
        assert_eq!(&text[s..e], "semi-finished");
        let dash = norm.text.find('–').unwrap();
        let (s, e) = norm.original_range(dash, dash + '–'.len_utf8());
        assert_eq!(&text[s..e], "–");
    }

    /// The copy and byte map of a plain char-by-char reading, to check the
    /// faster one against.
    fn reference(original: &str) -> (String, Vec<usize>) {
        let mut text = String::new();
        let mut map = Vec::new();
        let mut previous: Option<char> = None;
        let mut chars = original.char_indices().peekable();
        while let Some((offset, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            let joining = matches!(c, '-' | '\u{2010}' | '\u{2011}')
                && previous.is_some_and(char::is_alphanumeric)
                && next.is_some_and(char::is_alphanumeric);
            if c.is_whitespace() || joining {
                if !text.ends_with(' ') {
                    text.push(' ');
                    map.push(offset);
                }
            } else if c.is_ascii() {
                text.push(c.to_ascii_lowercase());
                map.push(offset);
            } else {
                text.push(c);
                map.extend(offset..offset + c.len_utf8());
            }
            previous = Some(c);
        }
        (text, map)
    }

    proptest::proptest! {
        #[test]
        fn normalized_maps_every_byte_back(
            original in "([a-zA-Z0-9 ]|\\PC|[ \t\n\r\u{a0}\u{2010}\u{2028}-]){0,40}"
        ) {
            let norm = Normalized::new(&original);
            let (text, map) = reference(&original);
            proptest::prop_assert_eq!(&norm.text, &text);
            for start in 0..text.len() {
                for end in start + 1..=text.len() {
                    if text.is_char_boundary(start) && text.is_char_boundary(end) {
                        proptest::prop_assert_eq!(
                            norm.original_range(start, end),
                            (map[start], map[end - 1] + 1)
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn phrase_matches_across_line_breaks_and_respects_boundaries() {
        let phrase = Phrase::new("long tons", false);
        assert_eq!(phrase.match_at("5 long\n  tons.", 2), Some(13));
        assert_eq!(phrase.match_at("5 long tonsx", 2), None);
        let dollar = Phrase::new("us$", false);
        assert_eq!(dollar.match_ending_at("paid US$5", 8), Some(5));
        assert_eq!(dollar.match_ending_at("paid xUS$5", 9), None);
    }

    #[test]
    fn words_around_an_offset() {
        let text = "tonnes of lead, zinc and tin";
        let at = text.find("lead").unwrap();
        assert_eq!(words_before(text, at, 2), vec!["of", "tonnes"]);
        assert_eq!(words_after(text, at + 4, 2), vec!["zinc", "and"]);
    }

    #[test]
    fn caps_and_sentence_starts() {
        assert!(is_all_caps("LNG"));
        assert!(is_all_caps("NGLs"));
        assert!(!is_all_caps("Oil"));
        assert!(starts_sentence("Rain fell. Wheat", 11));
        assert!(starts_sentence("rain\n    Wheat", 9));
        assert!(!starts_sentence("Gulf Oil", 5));
    }
}
