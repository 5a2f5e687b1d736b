//! A small sentence splitter, enough to find editorial notes inside a
//! paragraph. It splits after `.`, `!` or `?` (and any closing quotes or
//! brackets) when white space and an upper-case letter, digit or opening
//! quote follow. Abbreviations may cause extra splits; notes are matched by
//! their opening words, so a spurious split only loses a match.

/// Byte ranges of the sentences of `line`, without surrounding white space.
pub(crate) fn sentence_ranges(line: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0usize;
    let bytes = line.as_bytes();
    let char_at = |at: usize| line[at..].chars().next();
    // Byte offsets: the sentence punctuation is ASCII, and no byte of a
    // multi-byte character is ASCII.
    let mut i = 0usize;
    while i < bytes.len() {
        if matches!(bytes[i], b'.' | b'!' | b'?') {
            let mut end = i + 1;
            while let Some(q) =
                char_at(end).filter(|q| matches!(q, '"' | '\'' | '”' | '’' | ')' | ']'))
            {
                end += q.len_utf8();
            }
            let mut next = end;
            while let Some(w) = char_at(next).filter(|w| w.is_whitespace()) {
                next += w.len_utf8();
            }
            let starts_sentence = next > end
                && char_at(next).is_some_and(|c| {
                    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '(')
                });
            if starts_sentence {
                push_trimmed(&mut ranges, line, start..end);
                start = next;
                i = next;
                continue;
            }
        }
        i += 1;
    }
    push_trimmed(&mut ranges, line, start..line.len());
    ranges
}

fn push_trimmed(
    ranges: &mut Vec<std::ops::Range<usize>>,
    line: &str,
    range: std::ops::Range<usize>,
) {
    let piece = &line[range.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        ranges.push(range.start + lead..range.end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The character-indexed reading the byte-level one must equal.
    fn reference(line: &str) -> Vec<std::ops::Range<usize>> {
        let mut ranges = Vec::new();
        let mut start = 0usize;
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        let mut i = 0usize;
        while i < chars.len() {
            let (_, c) = chars[i];
            if matches!(c, '.' | '!' | '?') {
                let mut end = i + 1;
                while end < chars.len()
                    && matches!(chars[end].1, '"' | '\'' | '”' | '’' | ')' | ']')
                {
                    end += 1;
                }
                let mut next = end;
                while next < chars.len() && chars[next].1.is_whitespace() {
                    next += 1;
                }
                let starts_sentence = next > end
                    && next < chars.len()
                    && (chars[next].1.is_uppercase()
                        || chars[next].1.is_ascii_digit()
                        || matches!(chars[next].1, '"' | '“' | '‘' | '('));
                if starts_sentence {
                    let end_byte = chars.get(end).map_or(line.len(), |(b, _)| *b);
                    push_trimmed(&mut ranges, line, start..end_byte);
                    start = chars[next].0;
                    i = next;
                    continue;
                }
            }
            i += 1;
        }
        push_trimmed(&mut ranges, line, start..line.len());
        ranges
    }

    proptest! {
        #[test]
        fn byte_level_reading_equals_the_reference(
            line in "\\PC{0,80}|[ .!?\"'”’)\\]“‘(\u{a0}aZ5é]{0,80}"
        ) {
            prop_assert_eq!(sentence_ranges(&line), reference(&line));
        }
    }

    fn split(line: &str) -> Vec<&str> {
        sentence_ranges(line)
            .into_iter()
            .map(|r| &line[r])
            .collect()
    }

    #[test]
    fn splits_sentences() {
        assert_eq!(split("One. Two! Three?"), ["One.", "Two!", "Three?"]);
        assert_eq!(
            split("He said “no.” Then left."),
            ["He said “no.”", "Then left."]
        );
        assert_eq!(
            split("Prices rose 2.5 pct. Next"),
            ["Prices rose 2.5 pct.", "Next"]
        );
        assert_eq!(split("no end"), ["no end"]);
        assert_eq!(split("lower. case follows"), ["lower. case follows"]);
        assert!(split("   ").is_empty());
    }
}
