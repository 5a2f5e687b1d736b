//! Character-level normalisation: line breaks, odd spaces, control and
//! invisible characters, and paragraph breaks. Curly quotes are kept as they
//! are: downstream matching accepts both forms, and evidence must stay
//! verbatim.

/// Normalise `text`: `\r\n`/`\r` become `\n`; no-break and other odd spaces
/// and tabs become ASCII spaces; C0/C1 control characters (other than the
/// line feed), zero-width characters, soft hyphens and BOMs are dropped;
/// runs of spaces collapse to one; lines are trimmed. A line indented by two
/// or more spaces (or a tab) after a non-blank line starts a new paragraph
/// (typewriter and wire convention), so a blank line is inserted before it.
pub(crate) fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous_blank = true;
    for raw_line in lines(text) {
        let bytes = raw_line.as_bytes();
        let mut leading = 0usize;
        let mut at_start = true;
        let mut pending_space = false;
        let mut i = 0;
        while i < bytes.len() {
            // ASCII is classified by byte, and runs of kept ASCII copied
            // whole; other characters are decoded.
            let (class, c, len) = match bytes[i] {
                b' ' | b'\t' | 0x0b | 0x0c => (CharClass::Space, char::from(bytes[i]), 1),
                b if b.is_ascii_control() => (CharClass::Drop, char::from(b), 1),
                b if b.is_ascii() => (CharClass::Keep, char::from(b), 1),
                _ => {
                    let c = raw_line[i..].chars().next().unwrap_or_default();
                    (classify(c), c, c.len_utf8())
                }
            };
            match class {
                CharClass::Space => {
                    if at_start {
                        leading += if c == '\t' { 2 } else { 1 };
                    } else {
                        pending_space = true;
                    }
                    i += len;
                }
                CharClass::Drop => i += len,
                CharClass::Keep => {
                    if at_start {
                        // A line indented by two or more after a non-blank
                        // line starts a paragraph.
                        if leading >= 2 && !previous_blank {
                            out.push('\n');
                        }
                        at_start = false;
                    } else if pending_space {
                        out.push(' ');
                        pending_space = false;
                    }
                    let mut end = i + len;
                    if len == 1 {
                        while end < bytes.len()
                            && bytes[end].is_ascii()
                            && !bytes[end].is_ascii_control()
                            && bytes[end] != b' '
                        {
                            end += 1;
                        }
                    }
                    out.push_str(&raw_line[i..end]);
                    i = end;
                }
            }
        }
        if at_start {
            // Nothing kept: a blank line.
            if !previous_blank {
                out.push('\n');
            }
            previous_blank = true;
            continue;
        }
        out.push('\n');
        previous_blank = false;
    }
    while out.ends_with('\n') {
        out.pop();
    }
    out
}

/// The lines of `text`, split at `\r\n`, `\n`, `\r` and the Unicode line
/// and paragraph separators.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let mut i = start;
        while i < bytes.len() {
            let width = match bytes[i] {
                b'\n' => 1,
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => 2,
                b'\r' => 1,
                // U+2028 and U+2029: E2 80 A8 and E2 80 A9.
                0xe2 if bytes.get(i + 1) == Some(&0x80)
                    && matches!(bytes.get(i + 2), Some(0xa8 | 0xa9)) =>
                {
                    3
                }
                _ => {
                    i += 1;
                    continue;
                }
            };
            let line = &text[start..i];
            start = i + width;
            return Some(line);
        }
        done = true;
        Some(&text[start..])
    })
}

enum CharClass {
    Space,
    Drop,
    Keep,
}

fn classify(c: char) -> CharClass {
    match c {
        ' '
        | '\t'
        | '\u{b}'
        | '\u{c}'
        | '\u{a0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200a}'
        | '\u{202f}'
        | '\u{205f}'
        | '\u{3000}' => CharClass::Space,
        '\u{ad}' | '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{180e}' => CharClass::Drop,
        c if c.is_control() => CharClass::Drop,
        _ => CharClass::Keep,
    }
}

/// Collapse runs of blank lines to one and trim blank lines at both ends.
pub(crate) fn join_paragraphs<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    let mut blank_pending = false;
    for line in lines {
        if line.trim().is_empty() {
            blank_pending = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
            if blank_pending {
                out.push('\n');
            }
        }
        blank_pending = false;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn normalises_table() {
        let cases = [
            ("first\u{a0}appeared", "first appeared"),
            ("a\r\nb\rc", "a\nb\nc"),
            ("a\n\n\n\nb", "a\n\nb"),
            ("  lead  and  inner  ", "lead and inner"),
            ("x\u{0}y\u{7}z\u{85}", "xyz"),
            ("soft\u{ad}hyphen\u{200b}", "softhyphen"),
            (
                "curly \u{201c}quotes\u{201d} kept",
                "curly \u{201c}quotes\u{201d} kept",
            ),
            ("line one\n    indented para", "line one\n\nindented para"),
            ("line one\n indented by one", "line one\nindented by one"),
            ("\n\n  \n", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(normalise(input), expected, "{input:?}");
        }
    }

    #[test]
    fn joins_paragraphs() {
        assert_eq!(
            join_paragraphs(["", "a", "", "", "b", "c", ""]),
            "a\n\nb\nc"
        );
    }

    /// The character-by-character reading the byte-level one must equal.
    fn reference(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut previous_blank = true;
        let text = text.replace("\r\n", "\n");
        for raw_line in text.split(['\n', '\r', '\u{2028}', '\u{2029}']) {
            let mut line = String::new();
            let mut leading = 0usize;
            let mut at_start = true;
            let mut pending_space = false;
            for c in raw_line.chars() {
                match classify(c) {
                    CharClass::Space => {
                        if at_start {
                            leading += if c == '\t' { 2 } else { 1 };
                        } else {
                            pending_space = true;
                        }
                    }
                    CharClass::Drop => {}
                    CharClass::Keep => {
                        if pending_space {
                            line.push(' ');
                            pending_space = false;
                        }
                        at_start = false;
                        line.push(c);
                    }
                }
            }
            if line.is_empty() {
                if !previous_blank {
                    out.push('\n');
                }
                previous_blank = true;
                continue;
            }
            if leading >= 2 && !previous_blank {
                out.push('\n');
            }
            out.push_str(&line);
            out.push('\n');
            previous_blank = false;
        }
        while out.ends_with('\n') {
            out.pop();
        }
        out
    }

    proptest! {
        #[test]
        fn byte_level_reading_equals_the_reference(
            input in "\\PC{0,100}|[ \t\r\n\u{b}\u{c}\u{7f}\u{85}\u{a0}\u{2028}\u{2029}\u{200b}\u{0}a-zé]{0,100}"
        ) {
            prop_assert_eq!(normalise(&input), reference(&input));
        }

        #[test]
        fn normalised_text_is_tidy(input in "\\PC{0,200}|[ \t\r\n\u{a0}\u{0}a-z]{0,200}") {
            let out = normalise(&input);
            prop_assert!(!out.contains("  "));
            prop_assert!(!out.contains("\n\n\n"));
            prop_assert!(!out.chars().any(|c| c != '\n' && c.is_control()));
            prop_assert!(out.lines().all(|l| l.trim() == l));
            prop_assert_eq!(normalise(&out), out.clone());
        }
    }
}
