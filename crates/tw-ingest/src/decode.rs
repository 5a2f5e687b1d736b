//! Bytes to text: which encoding, and whether the result is text at all.
//!
//! Order (WHATWG-style, see reliability-ux.md A2): byte-order mark, then for
//! HTML a `<meta charset>` prescan, then strict UTF-8, then a chardetng
//! guess. The chosen encoding and whether anything went wrong are returned
//! so they can be stored with the document.

use std::sync::LazyLock;

use encoding_rs::{Encoding, UTF_8};
use regex::bytes::Regex;

/// Text decoded from bytes, with how it was decoded.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Decoded {
    pub text: String,
    /// WHATWG name of the encoding used (`UTF-8`, `windows-1252`, ...).
    pub encoding: &'static str,
    /// True when the declared or default encoding did not fit the bytes
    /// (so the text is a guess) or when bytes had to be replaced.
    pub decode_errors: bool,
}

/// How far into an HTML file to look for `<meta charset>`. WHATWG says
/// 1024 bytes; real pages put long `<script>`s first, so look further.
const META_PRESCAN_BYTES: usize = 4096;

static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i-u)<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-z0-9_:.\-]{2,40})"#)
        .expect("meta charset pattern is valid")
});

/// Decode `bytes`; `html` enables the `<meta charset>` prescan.
pub(crate) fn decode(bytes: &[u8], html: bool) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Decoded {
            text: text.into_owned(),
            encoding: encoding.name(),
            decode_errors: had_errors,
        };
    }
    if html {
        if let Some(declared) = declared_charset(bytes) {
            let (text, had_errors) = declared.decode_without_bom_handling(bytes);
            if !had_errors {
                return Decoded {
                    text: text.into_owned(),
                    encoding: declared.name(),
                    decode_errors: false,
                };
            }
            // The declaration is wrong: fall through to a guess, flagged.
            let mut guessed = guess(bytes);
            guessed.decode_errors = true;
            return guessed;
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: text.to_string(),
            encoding: UTF_8.name(),
            decode_errors: false,
        };
    }
    // Not UTF-8 although text files are expected to be: the result is a
    // guess, so it is flagged whatever the guess decodes to.
    let mut guessed = guess(bytes);
    guessed.decode_errors = true;
    guessed
}

fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(META_PRESCAN_BYTES)];
    let label = META_CHARSET.captures(head)?.get(1)?.as_bytes();
    let encoding = Encoding::for_label(label)?;
    // A file that is read as bytes cannot be UTF-16 without a BOM; the
    // WHATWG prescan maps such declarations to UTF-8 as well.
    Some(if encoding.output_encoding() == UTF_8 {
        UTF_8
    } else {
        encoding
    })
}

fn guess(bytes: &[u8]) -> Decoded {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, true);
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        decode_errors: had_errors,
    }
}

/// Share of characters that are not text above which input is binary.
const MAX_CONTROL_SHARE: f64 = 0.30;

/// True for content that is not text: any NUL, or more than 30 % control
/// characters (C0 other than tab and line breaks, C1, U+FFFD) once decoded.
pub(crate) fn is_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in text.chars() {
        if c == '\0' {
            return true;
        }
        total += 1;
        let control = (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
            || c == char::REPLACEMENT_CHARACTER;
        if control {
            bad += 1;
        }
    }
    total > 0 && bad as f64 / total as f64 > MAX_CONTROL_SHARE
}

/// True when raw bytes hold a NUL outside a UTF-16 text (which has a BOM).
pub(crate) fn has_nul(bytes: &[u8]) -> bool {
    let utf16 = matches!(Encoding::for_bom(bytes), Some((enc, _)) if enc != UTF_8);
    !utf16 && bytes.contains(&0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_by_bom_meta_and_guess() {
        let cases: &[(&[u8], bool, &str, &str, bool)] = &[
            (b"plain ascii", false, "plain ascii", "UTF-8", false),
            ("caf\u{e9}".as_bytes(), false, "caf\u{e9}", "UTF-8", false),
            (b"\xef\xbb\xbfwith bom", false, "with bom", "UTF-8", false),
            (b"\xff\xfeh\x00i\x00", false, "hi", "UTF-16LE", false),
            (
                b"<meta charset=\"iso-8859-1\"><p>caf\xe9</p>",
                true,
                "<meta charset=\"iso-8859-1\"><p>caf\u{e9}</p>",
                "windows-1252",
                false,
            ),
            (
                b"<meta http-equiv=Content-Type content='text/html; charset=utf-8'><p>caf\xe9 cr\xe8me br\xfbl\xe9e, d\xe9j\xe0 vu</p>",
                true,
                "<meta http-equiv=Content-Type content='text/html; charset=utf-8'><p>caf\u{e9} cr\u{e8}me br\u{fb}l\u{e9}e, d\u{e9}j\u{e0} vu</p>",
                "windows-1252",
                true,
            ),
            (
                b"Caf\xe9 cr\xe8me br\xfbl\xe9e and d\xe9j\xe0 vu na\xefve",
                false,
                "Caf\u{e9} cr\u{e8}me br\u{fb}l\u{e9}e and d\u{e9}j\u{e0} vu na\u{ef}ve",
                "windows-1252",
                true,
            ),
        ];
        for (bytes, html, text, encoding, errors) in cases {
            let decoded = decode(bytes, *html);
            assert_eq!(decoded.text, *text, "{bytes:?}");
            assert_eq!(decoded.encoding, *encoding, "{bytes:?}");
            assert_eq!(decoded.decode_errors, *errors, "{bytes:?}");
        }
    }

    #[test]
    fn tells_binary_from_text() {
        assert!(is_binary("a\0b"));
        assert!(is_binary("\u{1}\u{2}\u{3}ab"));
        assert!(!is_binary("line one\n\tline two\r\n"));
        assert!(!is_binary(""));
        assert!(has_nul(b"PK\x03\x04\x00\x00"));
        assert!(!has_nul(b"\xff\xfeh\x00i\x00"));
    }
}
