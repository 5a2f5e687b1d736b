//! Splitting text into the tokens the grammar works on.
//!
//! Words are runs of letters, numbers runs of ASCII digits, and every other
//! non-space character is a one-character punctuation token. A comma-grouped
//! or decimal number ("2,000", "1.5") is one token marked `grouped`, so the
//! grammar never reads part of a quantity as a year or a day.

use std::borrow::Cow;

/// `word` in lower case, borrowed when it already is.
fn lower_case(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    Word,
    Number,
    Punct,
}

/// One token with its byte span in the input.
#[derive(Debug, Clone)]
pub(crate) struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Lower-cased text for words (borrowed when already lower case, as
    /// most news words are); the text itself otherwise.
    pub lower: Cow<'a, str>,
    /// True when the first character is upper case (words only).
    pub capitalised: bool,
    /// True when no white space separates this token from the previous one.
    pub glued: bool,
    /// The value of a plain digit run (no grouping, at most nine digits).
    pub number: Option<u32>,
    /// How many digits a plain number has.
    pub digits: usize,
    /// A comma-grouped or decimal number: a quantity, never a date part.
    pub grouped: bool,
}

/// Tokenise `text`. Never fails; every span lies on char boundaries.
pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    tokenize_in(text, None)
}

/// Tokenise `text`, with `lowered` its ASCII lower-case copy
/// (`text.to_ascii_lowercase()`, the same byte offsets) when the caller has
/// one: an ASCII word in upper case then borrows its lower case from it.
pub(crate) fn tokenize_in<'a>(text: &'a str, lowered: Option<&'a str>) -> Vec<Token<'a>> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut last_end: Option<usize> = None;
    // The character at byte `at` (a char boundary) and its length; ASCII
    // without decoding.
    let char_at = |at: usize| -> Option<(char, usize)> {
        let b = *bytes.get(at)?;
        if b.is_ascii() {
            return Some((char::from(b), 1));
        }
        let c = text[at..].chars().next()?;
        Some((c, c.len_utf8()))
    };
    let mut start = 0;
    while let Some((c, len)) = char_at(start) {
        if matches!(c, ' ' | '\t'..='\r') || c.is_whitespace() {
            start += len;
            continue;
        }
        let glued = last_end == Some(start);
        let token = if c.is_ascii_digit() {
            let mut end = start + 1;
            while end < bytes.len() && bytes[end].is_ascii_digit() {
                end += 1;
            }
            let digit_end = end;
            let mut grouped = false;
            // Comma grouping: a comma followed by exactly three digits.
            loop {
                let three = end + 4 <= bytes.len()
                    && bytes[end] == b','
                    && bytes[end + 1..end + 4].iter().all(u8::is_ascii_digit)
                    && bytes.get(end + 4).is_none_or(|b| !b.is_ascii_digit());
                if !three {
                    break;
                }
                end += 4;
                grouped = true;
            }
            // A decimal part.
            if end + 1 < bytes.len() && bytes[end] == b'.' && bytes[end + 1].is_ascii_digit() {
                end += 1;
                while end < bytes.len() && bytes[end].is_ascii_digit() {
                    end += 1;
                }
                grouped = true;
            }
            let digits = digit_end - start;
            let number = if grouped || digits > 9 {
                None
            } else {
                text[start..digit_end].parse().ok()
            };
            Token {
                start,
                end,
                kind: TokenKind::Number,
                lower: Cow::Borrowed(&text[start..end]),
                capitalised: false,
                glued,
                number,
                digits,
                grouped,
            }
        } else if c.is_alphabetic() {
            let mut end = start + len;
            let mut ascii = c.is_ascii();
            loop {
                while end < bytes.len() && bytes[end].is_ascii_alphabetic() {
                    end += 1;
                }
                match char_at(end) {
                    Some((next, next_len)) if !next.is_ascii() && next.is_alphabetic() => {
                        ascii = false;
                        end += next_len;
                    }
                    _ => break,
                }
            }
            let word = &text[start..end];
            let lower = if !ascii {
                lower_case(word)
            } else if word.bytes().any(|b| b.is_ascii_uppercase()) {
                match lowered {
                    Some(lowered) => Cow::Borrowed(&lowered[start..end]),
                    None => Cow::Owned(word.to_ascii_lowercase()),
                }
            } else {
                Cow::Borrowed(word)
            };
            Token {
                start,
                end,
                kind: TokenKind::Word,
                lower,
                capitalised: c.is_uppercase(),
                glued,
                number: None,
                digits: 0,
                grouped: false,
            }
        } else {
            let end = start + len;
            let lower = match c {
                // Dashes of every width are one kind of separator.
                '\u{2010}'..='\u{2015}' | '\u{2212}' => Cow::Borrowed("-"),
                // Curly apostrophes behave like straight ones.
                '\u{2019}' => Cow::Borrowed("'"),
                _ => Cow::Borrowed(&text[start..end]),
            };
            Token {
                start,
                end,
                kind: TokenKind::Punct,
                lower,
                capitalised: false,
                glued,
                number: None,
                digits: 0,
                grouped: false,
            }
        };
        last_end = Some(token.end);
        start = token.end;
        tokens.push(token);
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(text: &str) -> Vec<(String, bool, bool)> {
        tokenize(text)
            .into_iter()
            .map(|t| (text[t.start..t.end].to_string(), t.glued, t.grouped))
            .collect()
    }

    #[test]
    fn groups_quantities_and_splits_dates() {
        assert_eq!(
            shape("1,986 tonnes in 1986/87"),
            vec![
                ("1,986".into(), false, true),
                ("tonnes".into(), false, false),
                ("in".into(), false, false),
                ("1986".into(), false, false),
                ("/".into(), true, false),
                ("87".into(), true, false),
            ]
        );
        assert_eq!(shape("1.5 pct")[0], ("1.5".into(), false, true));
        // "May 1, 1987": the comma is not followed by exactly three digits
        // and a non-digit, so it is not grouping.
        assert_eq!(shape("May 1, 1987").len(), 4);
        assert_eq!(shape("1,2345")[0], ("1".into(), false, false));
    }

    #[test]
    fn numbers_keep_value_and_width() {
        let tokens = tokenize("x 03 12345678901");
        assert_eq!((tokens[1].number, tokens[1].digits), (Some(3), 2));
        assert_eq!(tokens[2].number, None);
    }

    #[test]
    fn unicode_dashes_normalise() {
        let tokens = tokenize("1986\u{2013}87");
        assert_eq!(tokens[1].lower, "-");
        assert!(tokens[1].glued && tokens[2].glued);
    }
}
