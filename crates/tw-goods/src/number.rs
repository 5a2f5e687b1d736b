//! Numbers as news text writes them: "36,000", "2.34", "1.4 mln",
//! "1.5 billion", "$5bn", "two million".

use std::sync::OnceLock;

use crate::text::{char_at, char_before, skip_space_or_hyphen, Phrase};

/// Parse a number written with optional thousands commas and an optional
/// decimal part: "2,340,000", "2.34", ".5". Anything else ("1/2", "2,34",
/// "12abc", "") is `None`.
pub fn parse_number(s: &str) -> Option<f64> {
    let s = s.trim();
    let (end, value) = scan_digits(s, 0)?;
    (end == s.len()).then_some(value)
}

/// A number found in running text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct ScannedNumber {
    /// Byte offset of the first character.
    pub(crate) start: usize,
    /// Byte offset one past the number and its scale word, if any.
    pub(crate) end: usize,
    /// The value with the scale applied.
    pub(crate) value: f64,
    /// True when the number had a scale word ("mln", "billion").
    pub(crate) scaled: bool,
    /// The scale factor applied (1 without a scale word).
    pub(crate) scale: f64,
    /// True when the digits look like a year (4 digits, 1800-2100, no
    /// commas, no decimals, no scale).
    pub(crate) year_like: bool,
}

/// Scale words and their factors. Closed-class grammar, so kept in code.
/// `attached_only` words count only when glued to the digits ("5m", "3bn").
const SCALES: &[(&str, f64, bool)] = &[
    ("thousands", 1e3, false),
    ("thousand", 1e3, false),
    ("millions", 1e6, false),
    ("million", 1e6, false),
    ("milion", 1e6, false),
    ("mlns", 1e6, false),
    ("mln", 1e6, false),
    ("mn", 1e6, false),
    ("m", 1e6, true),
    ("billions", 1e9, false),
    ("billion", 1e9, false),
    ("bilion", 1e9, false),
    ("bln", 1e9, false),
    ("bn", 1e9, false),
    ("b", 1e9, true),
    ("trillions", 1e12, false),
    ("trillion", 1e12, false),
    ("tln", 1e12, false),
    ("trn", 1e12, false),
    ("k", 1e3, true),
];

/// The bytes (either case) a word of [`SCALES`] starts with.
const SCALE_FIRST_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < SCALES.len() {
        let first = SCALES[i].0.as_bytes()[0];
        table[first.to_ascii_lowercase() as usize] = true;
        table[first.to_ascii_uppercase() as usize] = true;
        i += 1;
    }
    table
};

/// Number words accepted only before a scale word ("two million", "a
/// billion", "half a million").
const NUMBER_WORDS: &[(&str, f64)] = &[
    ("half a", 0.5),
    ("a", 1.0),
    ("an", 1.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("fifteen", 15.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("hundred", 100.0),
    ("several hundred", 300.0),
];

/// Digits with optional comma groups and decimals starting at `at`: the end
/// offset and the value.
fn scan_digits(text: &str, at: usize) -> Option<(usize, f64)> {
    let bytes = text.as_bytes();
    let mut pos = at;
    while pos < bytes.len() && bytes[pos].is_ascii_digit() {
        pos += 1;
    }
    let integer_digits = pos - at;
    if integer_digits > 0 && integer_digits <= 3 {
        // Thousands groups: a comma followed by exactly three digits.
        while pos + 3 < bytes.len() + 1
            && bytes.get(pos) == Some(&b',')
            && bytes
                .get(pos + 1..pos + 4)
                .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
            && !bytes.get(pos + 4).is_some_and(u8::is_ascii_digit)
        {
            pos += 4;
        }
    }
    if bytes.get(pos) == Some(&b'.') && bytes.get(pos + 1).is_some_and(u8::is_ascii_digit) {
        pos += 1;
        while pos < bytes.len() && bytes[pos].is_ascii_digit() {
            pos += 1;
        }
    }
    if pos == at {
        return None;
    }
    let digits = &text[at..pos];
    // Without thousands commas the digits parse as they stand; with them,
    // copy the digits without the commas (on the stack when short).
    let value: f64 = if !digits.contains(',') {
        digits.parse().ok()?
    } else if digits.len() <= 64 {
        let mut buffer = [0u8; 64];
        let mut len = 0;
        for &b in digits.as_bytes().iter().filter(|&&b| b != b',') {
            buffer[len] = b;
            len += 1;
        }
        std::str::from_utf8(&buffer[..len]).ok()?.parse().ok()?
    } else {
        digits.replace(',', "").parse().ok()?
    };
    Some((pos, value))
}

/// A scale word at `at` (already past any space): the end and factor.
fn scale_at(text: &str, at: usize, attached: bool) -> Option<(usize, f64)> {
    let bytes = text.as_bytes();
    // Most numbers have no scale word after them: look at the first letter.
    if !bytes
        .get(at)
        .is_some_and(|&b| SCALE_FIRST_BYTES[usize::from(b)])
    {
        return None;
    }
    SCALES.iter().find_map(|&(word, factor, attached_only)| {
        if attached_only && !attached {
            return None;
        }
        let end = at + word.len();
        let candidate = bytes.get(at..end)?;
        if !candidate.eq_ignore_ascii_case(word.as_bytes()) {
            return None;
        }
        if char_at(text, end).is_some_and(char::is_alphanumeric) {
            return None;
        }
        Some((end, factor))
    })
}

/// An optional scale word after a number ending at `end`.
fn apply_scale(text: &str, end: usize) -> Option<(usize, f64)> {
    if let Some(found) = scale_at(text, end, true) {
        return Some(found);
    }
    let next = skip_space_or_hyphen(text, end);
    if next == end {
        return None;
    }
    scale_at(text, next, false)
}

/// True when a number may start at `at`: not inside a word or a model
/// number ("A320", "A-320", "F16").
fn may_start_number(text: &str, at: usize) -> bool {
    match char_before(text, at) {
        None => true,
        Some(c) if c.is_alphanumeric() || c == '_' => false,
        Some(c @ ('-' | '.' | ',' | '/')) => {
            let before = char_before(text, at - 1);
            // "1.5-2.0 mln" is a range: allowed. "A-320" is a name, and a
            // digit after "3." or "3," belongs to a number already read.
            let in_name = before.is_some_and(char::is_alphabetic);
            let in_number = matches!(c, '.' | ',') && before.is_some_and(|b| b.is_ascii_digit());
            !in_name && !in_number
        }
        Some(_) => true,
    }
}

/// Every number of `text`, left to right, with its scale word applied.
pub(crate) fn scan_numbers(text: &str) -> Vec<ScannedNumber> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut pos = 0;
    while pos < bytes.len() {
        let b = bytes[pos];
        if b.is_ascii_digit() || (b == b'.' && bytes.get(pos + 1).is_some_and(u8::is_ascii_digit)) {
            if !may_start_number(text, pos) {
                // Skip the rest of this run of digits.
                while pos < bytes.len() && (bytes[pos].is_ascii_digit() || bytes[pos] == b'.') {
                    pos += 1;
                }
                continue;
            }
            let Some((digits_end, value)) = scan_digits(text, pos) else {
                pos += 1;
                continue;
            };
            let digits = &text[pos..digits_end];
            let (end, scale, scaled) = match apply_scale(text, digits_end) {
                Some((end, factor)) => (end, factor, true),
                None => (digits_end, 1.0, false),
            };
            let value = value * scale;
            let year_like = !scaled
                && digits.len() == 4
                && digits.bytes().all(|d| d.is_ascii_digit())
                && (1800.0..=2100.0).contains(&value);
            found.push(ScannedNumber {
                start: pos,
                end,
                value,
                scaled,
                scale,
                year_like,
            });
            pos = end.max(digits_end);
            continue;
        }
        if b.is_ascii_alphabetic() && !char_before(text, pos).is_some_and(char::is_alphanumeric) {
            if let Some(number) = number_word_at(text, pos) {
                found.push(number);
                pos = number.end;
                continue;
            }
            // Skip the rest of the word.
            while pos < bytes.len() && bytes[pos].is_ascii_alphanumeric() {
                pos += 1;
            }
            continue;
        }
        pos += 1;
    }
    found
}

/// [`NUMBER_WORDS`] as phrases, built once.
fn number_words() -> &'static [(Phrase, f64)] {
    static WORDS: OnceLock<Vec<(Phrase, f64)>> = OnceLock::new();
    WORDS.get_or_init(|| {
        NUMBER_WORDS
            .iter()
            .map(|&(word, value)| (Phrase::new(word, false), value))
            .collect()
    })
}

/// The first word of each of [`NUMBER_WORDS`], built once.
fn number_first_words() -> &'static [&'static str] {
    static FIRST: OnceLock<Vec<&'static str>> = OnceLock::new();
    FIRST.get_or_init(|| {
        NUMBER_WORDS
            .iter()
            .filter_map(|(w, _)| w.split(' ').next())
            .collect()
    })
}

/// A number word followed by a scale word ("two million") at `at`.
fn number_word_at(text: &str, at: usize) -> Option<ScannedNumber> {
    // Cheap test first: most words are no number word at all.
    let word_len = text[at..]
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let word = &text[at..at + word_len];
    if word_len > 7
        || !number_first_words()
            .iter()
            .any(|first| first.eq_ignore_ascii_case(word))
    {
        return None;
    }
    number_words().iter().find_map(|(phrase, value)| {
        let word_end = phrase.match_at(text, at)?;
        let next = skip_space_or_hyphen(text, word_end);
        if next == word_end {
            return None;
        }
        let (end, factor) = scale_at(text, next, false)?;
        Some(ScannedNumber {
            start: at,
            end,
            value: value * factor,
            scaled: true,
            scale: factor,
            year_like: false,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_number_table() {
        let cases: &[(&str, Option<f64>)] = &[
            ("2,340,000", Some(2_340_000.0)),
            ("2.34", Some(2.34)),
            ("36,000", Some(36_000.0)),
            ("155,221", Some(155_221.0)),
            (".5", Some(0.5)),
            (" 7 ", Some(7.0)),
            ("1/2", None),
            ("2,34", None),
            ("12abc", None),
            ("", None),
            ("abc", None),
            ("1,234.56", Some(1234.56)),
        ];
        for &(input, expected) in cases {
            assert_eq!(parse_number(input), expected, "{input}");
        }
    }

    #[test]
    fn scan_numbers_applies_scales() {
        let cases: &[(&str, &[f64])] = &[
            ("2.34 mln tonnes", &[2_340_000.0]),
            ("1.5 billion", &[1.5e9]),
            ("$5bn and $3m", &[5e9, 3e6]),
            ("two million barrels", &[2e6]),
            ("half a million bags", &[500_000.0]),
            ("a 100,000-tonne cargo", &[100_000.0]),
            ("A320 and F-16 jets", &[]),
            ("12 thousand", &[12_000.0]),
            ("1.5-2.0 mln", &[1.5, 2e6]),
            ("3.5\n    mln", &[3.5e6]),
        ];
        for &(input, expected) in cases {
            let values: Vec<f64> = scan_numbers(input).iter().map(|n| n.value).collect();
            assert_eq!(values, expected, "{input}");
        }
    }

    #[test]
    fn years_are_flagged() {
        let numbers = scan_numbers("in 1987 won and 1,987 won");
        assert!(numbers[0].year_like);
        assert!(!numbers[1].year_like);
    }
}
