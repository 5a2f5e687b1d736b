//! Sentence splitting for news copy.
//!
//! Paragraph breaks (a blank line, or a new line that starts indented as in
//! wire copy) always end a sentence. Inside a paragraph a sentence ends at
//! `.`, `!` or `?` (and any closing quote) followed by white space and a
//! capital, digit or opening quote, unless the word before the period is an
//! abbreviation. Dotted abbreviations ("U.S.", "U.K.") end a sentence only
//! when a typical sentence opener follows ("... to the U.S. The ...").

/// A sentence as a byte range of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset of the first non-space character.
    pub start: usize,
    /// Byte offset one past the last non-space character.
    pub end: usize,
    /// Index of the paragraph the sentence is in.
    pub paragraph: usize,
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "co", "corp", "inc", "ltd", "no", "gen", "gov", "sen", "rep",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs",
    "bros", "messrs", "jr", "sr", "prof", "lt", "col", "capt", "cmdr", "adm", "ft", "mt", "approx",
    "dept", "est", "fig", "ave", "rd", "blvd", "bhd", "pty", "plc", "nv", "sa", "ag", "kk", "cie",
];

const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "It",
    "He",
    "She",
    "They",
    "This",
    "That",
    "These",
    "Those",
    "In",
    "But",
    "And",
    "A",
    "An",
    "We",
    "I",
    "There",
    "Its",
    "His",
    "Her",
    "Their",
    "On",
    "At",
    "For",
    "As",
    "However",
    "Meanwhile",
    "Also",
    "Last",
    "Earlier",
    "Under",
    "According",
    "Some",
    "Most",
    "All",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "Total",
    "Exports",
    "Imports",
    "Sales",
];

/// Split `text` into sentences.
pub fn split(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (paragraph, (p_start, p_end)) in paragraphs(text).into_iter().enumerate() {
        split_paragraph(text, p_start, p_end, paragraph, &mut out);
    }
    split_digest_items(text, out)
}

/// Market digests join their items with runs of dots ("... export
/// quotas again....Brazil's seamen strike officially ended...."): each item
/// is a sentence of its own, so no side or goods leak from one to the next.
fn split_digest_items(text: &str, sentences: Vec<Sentence>) -> Vec<Sentence> {
    if !text.contains("...") {
        return sentences;
    }
    let mut out = Vec::with_capacity(sentences.len());
    for s in sentences {
        let mut start = s.start;
        let body = &text[s.start..s.end];
        let mut search = 0;
        while let Some(k) = body[search..].find("...") {
            let at = search + k;
            let run_end = at + body[at..].bytes().take_while(|&b| b == b'.').count();
            let rest = body[run_end..].trim_start();
            let next = run_end + (body[run_end..].len() - rest.len());
            // An item starts after the dots with a capital or a digit.
            if rest.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                && s.start + at > start
            {
                out.push(Sentence {
                    start,
                    end: s.start + at,
                    paragraph: s.paragraph,
                });
                start = s.start + next;
            }
            search = run_end;
        }
        out.push(Sentence {
            start,
            end: s.end,
            paragraph: s.paragraph,
        });
    }
    out
}

/// Byte ranges of paragraphs: separated by blank lines or by a line break
/// followed by indentation.
fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // A line is looked at twice, as the next line of one break and the
    // previous line of the following one: remember the last verdict.
    let mut rows = RowCache::default();
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            let mut j = i + 1;
            let mut newlines = 1;
            let mut indent = 0;
            while j < bytes.len() && matches!(bytes[j], b'\n' | b' ' | b'\t' | b'\r') {
                if bytes[j] == b'\n' {
                    newlines += 1;
                    indent = 0;
                } else {
                    indent += 1;
                }
                j += 1;
            }
            // A table row (a run of spaces inside the line) is a paragraph
            // of its own, as is the line before a table.
            let next_line_end = memchr(b'\n', &bytes[j..]).map_or(text.len(), |e| j + e);
            let line_start = text[..i].rfind('\n').map_or(0, |p| p + 1);
            // A row wrapped onto the next line continues: after a comma or
            // "total", or before a bracketed figure.
            let previous_line = text[line_start..i].trim_end();
            let next_line = text[j..next_line_end].trim_start();
            let heading = previous_line.ends_with(':');
            let ruled = is_rule(previous_line) || is_rule(next_line);
            let breaks = newlines >= 2 || indent >= 2 || heading || ruled || {
                let wrapped = previous_line.ends_with(',')
                    || ends_with_ignore_ascii_case(previous_line, "total")
                    || next_line.starts_with('(');
                !wrapped && (rows.tabular(previous_line) || rows.tabular(next_line))
            };
            if breaks {
                out.push((start, i));
                start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    out.push((start, bytes.len()));
    out.into_iter()
        .filter(|&(s, e)| !text[s..e].trim().is_empty())
        .collect()
}

/// A line drawn across the copy ("----", "====="): it parts two items of
/// a digest, as a blank line does.
fn is_rule(line: &str) -> bool {
    let line = line.trim();
    line.len() >= 3 && line.bytes().all(|b| matches!(b, b'-' | b'=' | b'*' | b'_'))
}

/// The offset of the first `needle` in `haystack`.
fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

/// `s.to_ascii_lowercase().ends_with(suffix)` for a lower-case ASCII
/// `suffix`, without the copy.
fn ends_with_ignore_ascii_case(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.as_bytes()[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// The last [`tabular`] verdict and the trimmed line it is about.
#[derive(Default)]
struct RowCache<'a> {
    last: Option<(&'a str, bool)>,
}

impl<'a> RowCache<'a> {
    /// [`tabular`] of `line`.
    fn tabular(&mut self, line: &'a str) -> bool {
        let trimmed = line.trim();
        if let Some((seen, verdict)) = self.last {
            if seen == trimmed {
                return verdict;
            }
        }
        let verdict = tabular(trimmed);
        self.last = Some((trimmed, verdict));
        verdict
    }
}

/// Function words: a line with one of them is prose, not a table row.
const FUNCTION_WORDS: &[&str] = &[
    "from", "in", "and", "to", "of", "the", "a", "was", "were", "is", "are", "with", "for", "at",
    "by", "on",
];

/// A line of a table: columns set apart by runs of spaces, or a label with
/// several numbers and few words ("Exports 3.70 3.70 4.34 4.34").
fn tabular(line: &str) -> bool {
    let line = line.trim();
    if line.contains("   ") {
        return true;
    }
    // Prose wraps with numbers too ("tonnes from 2.99 mln in 1985 and 3.12
    // mln in 1981"): a row has no function words and starts with a label.
    if line.starts_with(|c: char| c.is_lowercase()) {
        return false;
    }
    let is_number = |t: &str| {
        let t = t.trim_matches(|c: char| !c.is_alphanumeric());
        t.chars().next().is_some_and(|c| c.is_ascii_digit()) || t.eq_ignore_ascii_case("nil")
    };
    let mut numeric = 0;
    let mut words = 0;
    for token in line.split_whitespace() {
        let core = token.trim_matches(|c: char| !c.is_alphanumeric());
        if FUNCTION_WORDS.iter().any(|w| core.eq_ignore_ascii_case(w)) {
            return false;
        }
        if is_number(token) {
            numeric += 1;
        } else if token.chars().any(char::is_alphabetic) {
            words += 1;
        }
    }
    numeric >= 2 && words <= numeric + 3
}

fn split_paragraph(
    text: &str,
    start: usize,
    end: usize,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let para = &text[start..end];
    let bytes = para.as_bytes();
    let next_char = |at: usize| para[at..].chars().next();
    let mut sent_start = 0;
    // Byte offsets: the sentence punctuation is ASCII, and no byte of a
    // multi-byte character is ASCII.
    let mut k = 0;
    while k < bytes.len() {
        let c = bytes[k];
        if matches!(c, b'.' | b'!' | b'?') {
            // Include closing quotes and brackets.
            let mut m = k + 1;
            while let Some(q) = next_char(m).filter(|q| matches!(q, '"' | '”' | '’' | '\'' | ')'))
            {
                m += q.len_utf8();
            }
            let end_byte = m;
            // Must be followed by white space, then a sentence start.
            let mut n = m;
            let mut saw_space = false;
            while let Some(w) = next_char(n).filter(|w| w.is_whitespace()) {
                saw_space = true;
                n += w.len_utf8();
            }
            let next = next_char(n);
            let starts_sentence = next.is_some_and(|ch| {
                ch.is_uppercase()
                    || ch.is_ascii_digit()
                    || matches!(ch, '"' | '“' | '\'' | '‘' | '(')
            });
            if saw_space && starts_sentence && (c != b'.' || !is_abbreviation(para, k, n)) {
                push(text, start + sent_start, start + end_byte, paragraph, out);
                sent_start = n;
                k = n;
                continue;
            }
        }
        k += 1;
    }
    push(text, start + sent_start, end, paragraph, out);
}

/// Is the period at byte `dot` of `para` part of an abbreviation, given
/// that the next word starts at byte `next`?
fn is_abbreviation(para: &str, dot: usize, next: usize) -> bool {
    let before = &para[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let next_word: String = para[next..]
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    // Dotted abbreviations such as "U.S." or "U.N.".
    if word.contains('.')
        && word
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase())
    {
        return !SENTENCE_OPENERS.contains(&next_word.as_str());
    }
    // Single capital initials: "N. Yemen", "J. Smith".
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return true;
    }
    let lower = word.to_ascii_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        // "Co." and "Corp." end sentences too; trust an opener after them.
        return !(matches!(lower.as_str(), "co" | "corp" | "inc" | "ltd" | "plc")
            && SENTENCE_OPENERS.contains(&next_word.as_str()));
    }
    false
}

fn push(text: &str, start: usize, end: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let slice = &text[start..end];
    let trimmed_start = start + (slice.len() - slice.trim_start().len());
    let trimmed_end = start + slice.trim_end().len();
    if trimmed_end > trimmed_start {
        out.push(Sentence {
            start: trimmed_start,
            end: trimmed_end,
            paragraph,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split(text).iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn wire_abbreviations_do_not_split() {
        let t = "The U.S. Agriculture Department said sales to N. Yemen rose. The U.S. Was the largest supplier.";
        assert_eq!(
            texts(t),
            vec![
                "The U.S. Agriculture Department said sales to N. Yemen rose.",
                "The U.S. Was the largest supplier."
            ]
        );
    }

    #[test]
    fn dotted_abbreviation_before_an_opener_splits() {
        let t = "Canada ships steel to the U.S. The officials said so.";
        assert_eq!(
            texts(t),
            vec!["Canada ships steel to the U.S.", "The officials said so."]
        );
    }

    #[test]
    fn company_suffix_and_month_abbreviations() {
        let t = "Sumitomo Corp. said on Dec. 3 it sold 5,000 tonnes. It also bought wheat.";
        assert_eq!(
            texts(t),
            vec![
                "Sumitomo Corp. said on Dec. 3 it sold 5,000 tonnes.",
                "It also bought wheat."
            ]
        );
    }

    #[test]
    fn paragraphs_break_sentences_and_wrapped_lines_do_not() {
        let t = "Exports rose\nto 5 mln tonnes in May\n    Imports fell\n\nPrices \u{201c}rose.\u{201d} Then fell.";
        let s = split(t);
        assert_eq!(
            texts(t),
            vec![
                "Exports rose\nto 5 mln tonnes in May",
                "Imports fell",
                "Prices \u{201c}rose.\u{201d}",
                "Then fell."
            ]
        );
        assert_eq!(
            s.iter().map(|s| s.paragraph).collect::<Vec<_>>(),
            vec![0, 1, 2, 2]
        );
    }

    #[test]
    fn table_rows_are_sentences_even_without_indentation() {
        let t = "Data for Thailand in mln tonnes --\n1986/87 1985/86\nImports NIL NIL\nExports 3.70 3.70 4.34 4.34\nEnd";
        assert_eq!(
            texts(t),
            vec![
                "Data for Thailand in mln tonnes --",
                "1986/87 1985/86",
                "Imports NIL NIL",
                "Exports 3.70 3.70 4.34 4.34",
                "End"
            ]
        );
    }

    #[test]
    fn wrapped_table_rows_stay_whole() {
        let t = "Header in tonnes:\nSunoil prev 37.4, Feb 107.3, May nil,\nJun 10.0, total 182.4 (117.6).\nLinoil prev 15.9, total\n61.8 (76.1).";
        assert_eq!(
            texts(t),
            vec![
                "Header in tonnes:",
                "Sunoil prev 37.4, Feb 107.3, May nil,\nJun 10.0, total 182.4 (117.6).",
                "Linoil prev 15.9, total\n61.8 (76.1)."
            ]
        );
    }

    #[test]
    fn prose_lines_with_numbers_are_not_rows() {
        let t = "In calendar 1986, exports fell to 2.34 mln\ntonnes from 2.99 mln in 1985 and 3.12 mln in 1981.";
        assert_eq!(texts(t).len(), 1);
    }

    #[test]
    fn a_ruled_line_parts_two_items() {
        let t = "demand eased, they added.\n----\nMalaysian palm oil trimmed gains.";
        assert_eq!(
            texts(t),
            vec![
                "demand eased, they added.",
                "----",
                "Malaysian palm oil trimmed gains."
            ]
        );
    }

    #[test]
    fn decimals_are_not_boundaries() {
        assert_eq!(
            texts("It rose 2.5 pct. Then 3.1."),
            vec!["It rose 2.5 pct.", "Then 3.1."]
        );
    }

    // ----- the character-indexed reading the faster one must equal

    fn reference_split(text: &str) -> Vec<Sentence> {
        let mut out = Vec::new();
        for (paragraph, (p_start, p_end)) in reference_paragraphs(text).into_iter().enumerate() {
            reference_split_paragraph(text, p_start, p_end, paragraph, &mut out);
        }
        split_digest_items(text, out)
    }

    fn reference_paragraphs(text: &str) -> Vec<(usize, usize)> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'\n' {
                let mut j = i + 1;
                let mut newlines = 1;
                let mut indent = 0;
                while j < bytes.len() && matches!(bytes[j], b'\n' | b' ' | b'\t' | b'\r') {
                    if bytes[j] == b'\n' {
                        newlines += 1;
                        indent = 0;
                    } else {
                        indent += 1;
                    }
                    j += 1;
                }
                // A table row (a run of spaces inside the line) is a paragraph
                // of its own, as is the line before a table.
                let next_line_end = text[j..].find('\n').map_or(text.len(), |e| j + e);
                let line_start = text[..i].rfind('\n').map_or(0, |p| p + 1);
                // A row wrapped onto the next line continues: after a comma or
                // "total", or before a bracketed figure.
                let previous_line = text[line_start..i].trim_end();
                let next_line = text[j..next_line_end].trim_start();
                let wrapped = previous_line.ends_with(',')
                    || previous_line.to_ascii_lowercase().ends_with("total")
                    || next_line.starts_with('(');
                let table_break =
                    !wrapped && (reference_tabular(next_line) || reference_tabular(previous_line));
                let heading = previous_line.ends_with(':');
                let ruled = is_rule(previous_line) || is_rule(next_line);
                if newlines >= 2 || indent >= 2 || table_break || heading || ruled {
                    out.push((start, i));
                    start = j;
                    i = j;
                    continue;
                }
            }
            i += 1;
        }
        out.push((start, bytes.len()));
        out.into_iter()
            .filter(|&(s, e)| !text[s..e].trim().is_empty())
            .collect()
    }

    fn reference_tabular(line: &str) -> bool {
        let line = line.trim();
        if line.contains("   ") {
            return true;
        }
        let is_number = |t: &str| {
            let t = t.trim_matches(|c: char| !c.is_alphanumeric());
            t.chars().next().is_some_and(|c| c.is_ascii_digit()) || t.eq_ignore_ascii_case("nil")
        };
        let tokens: Vec<&str> = line.split_whitespace().collect();
        let numeric = tokens.iter().filter(|t| is_number(t)).count();
        let words = tokens
            .iter()
            .filter(|t| !is_number(t) && t.chars().any(char::is_alphabetic))
            .count();
        // Prose wraps with numbers too ("tonnes from 2.99 mln in 1985 and 3.12
        // mln in 1981"): a row has no function words and starts with a label.
        let prose = tokens.iter().any(|t| {
            matches!(
                t.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_ascii_lowercase()
                    .as_str(),
                "from"
                    | "in"
                    | "and"
                    | "to"
                    | "of"
                    | "the"
                    | "a"
                    | "was"
                    | "were"
                    | "is"
                    | "are"
                    | "with"
                    | "for"
                    | "at"
                    | "by"
                    | "on"
            )
        }) || line.starts_with(|c: char| c.is_lowercase());
        numeric >= 2 && words <= numeric + 3 && !prose
    }

    fn reference_split_paragraph(
        text: &str,
        start: usize,
        end: usize,
        paragraph: usize,
        out: &mut Vec<Sentence>,
    ) {
        let para = &text[start..end];
        let mut sent_start = 0;
        let chars: Vec<(usize, char)> = para.char_indices().collect();
        let mut k = 0;
        while k < chars.len() {
            let (i, c) = chars[k];
            if matches!(c, '.' | '!' | '?') {
                // Include closing quotes and brackets.
                let mut m = k + 1;
                while m < chars.len() && matches!(chars[m].1, '"' | '”' | '’' | '\'' | ')') {
                    m += 1;
                }
                let end_byte = chars.get(m).map_or(para.len(), |&(b, _)| b);
                // Must be followed by white space, then a sentence start.
                let mut n = m;
                let mut saw_space = false;
                while n < chars.len() && chars[n].1.is_whitespace() {
                    saw_space = true;
                    n += 1;
                }
                let next = chars.get(n).map(|&(_, ch)| ch);
                let starts_sentence = next.is_some_and(|ch| {
                    ch.is_uppercase()
                        || ch.is_ascii_digit()
                        || matches!(ch, '"' | '“' | '\'' | '‘' | '(')
                });
                if saw_space
                    && starts_sentence
                    && (c != '.' || !is_abbreviation(para, i, chars[n].0))
                {
                    push(text, start + sent_start, start + end_byte, paragraph, out);
                    sent_start = chars[n].0;
                    k = n;
                    continue;
                }
            }
            k += 1;
        }
        push(text, start + sent_start, end, paragraph, out);
    }

    #[test]
    fn faster_reading_equals_the_reference_on_edge_cases() {
        for text in [
            "",
            "?\nA",
            "A.\n\nB",
            "Exports 3.70 3.70\nImports NIL NIL",
            "x,\n(1) 2 3",
            "Total\n1 2 3",
            "Heading:\nNext",
            "“Rose.” Then",
            "U.S. The end.",
            "added.\n----\nNext",
        ] {
            assert_eq!(split(text), reference_split(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn faster_reading_equals_the_reference(
            text in "\\PC{0,120}|[ \n\tA-Za-z0-9.!?,:()\"'”’“‘\u{a0}-]{0,160}|((Exports|total|Imports|NIL|1986/87|3.70|from|U.S.|Corp.|The|In) ?(\n|\n\n|\n    |   | |, |. )?){0,30}"
        ) {
            proptest::prop_assert_eq!(split(&text), reference_split(&text));
        }
    }
}
