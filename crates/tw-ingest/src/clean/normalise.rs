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
    let text = text.replace("\r\n", "\n");
    for raw_line in text.split(['\n', '\r', '\u{2028}', '\u{2029}']) {
        let mut line = String::with_capacity(raw_line.len());
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

    proptest! {
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
