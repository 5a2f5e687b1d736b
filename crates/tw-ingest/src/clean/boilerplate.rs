//! Page furniture: widget labels, prompts to subscribe, comment and share
//! links. The rules are data (`data/boilerplate.toml`); this file compiles
//! them once and answers "is this whole line furniture?".

use std::sync::LazyLock;

use regex::RegexSet;
use serde::Deserialize;

#[derive(Deserialize)]
struct RulesFile {
    wire_signatures: Vec<String>,
    rule: Vec<Rule>,
}

#[derive(Deserialize)]
struct Rule {
    #[allow(dead_code)] // read by analysts, not by the code
    kind: String,
    max_chars: usize,
    patterns: Vec<String>,
}

struct Rules {
    set: RegexSet,
    /// `max_chars` of the rule each pattern of `set` belongs to.
    max_chars: Vec<usize>,
    longest: usize,
    wire_signatures: Vec<String>,
}

static RULES: LazyLock<Rules> = LazyLock::new(|| {
    let file: RulesFile = toml::from_str(include_str!("../../data/boilerplate.toml"))
        .expect("data/boilerplate.toml is valid (checked by tests)");
    let mut patterns = Vec::new();
    let mut max_chars = Vec::new();
    for rule in &file.rule {
        for pattern in &rule.patterns {
            // Whole line, trailing punctuation and arrows allowed.
            patterns.push(format!(r"(?i)^(?:{pattern})[\s.:!|»›>…\-–—]*$"));
            max_chars.push(rule.max_chars);
        }
    }
    Rules {
        set: RegexSet::new(&patterns).expect("data/boilerplate.toml patterns compile"),
        longest: max_chars.iter().copied().max().unwrap_or(0),
        max_chars,
        wire_signatures: file.wire_signatures,
    }
});

/// True when the whole (normalised, trimmed) `line` is page furniture.
pub(crate) fn is_boilerplate(line: &str) -> bool {
    let rules = &*RULES;
    let chars = line.chars().count();
    if chars == 0 || chars > rules.longest {
        return false;
    }
    rules
        .set
        .matches(line)
        .iter()
        .any(|index| chars <= rules.max_chars[index])
}

/// `text` without the wire agency sign-offs at its end (`Reuter`, `AFP`,
/// possibly repeated or followed by dots). A sign-off counts only when it
/// stands on its own line, follows the end of a sentence ("ounce. REUTER")
/// or is set off by two or more spaces, as wire copy does ("... (33.7).
/// REUTER"), so a sentence ending in "told AFP" keeps its last word.
pub(crate) fn strip_wire_signatures(text: &str) -> &str {
    let mut rest = text;
    loop {
        let trimmed = rest.trim_end_matches(|c: char| c.is_whitespace() || c == '.');
        let word_start = trimmed
            .rfind(|c: char| !c.is_alphanumeric())
            .map_or(0, |i| {
                i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
            });
        let word = &trimmed[word_start..];
        let is_signature = !word.is_empty()
            && RULES
                .wire_signatures
                .iter()
                .any(|sig| sig.eq_ignore_ascii_case(word));
        let before = &trimmed[..word_start];
        let before_trimmed = before.trim_end_matches([' ', '\t']);
        let after_sentence = before_trimmed.ends_with(['.', '!', '?', '"', '”'])
            && before.len() > before_trimmed.len();
        let set_off = before_trimmed.is_empty()
            || before_trimmed.ends_with('\n')
            || before.ends_with("  ")
            || after_sentence;
        if !(is_signature && set_off) {
            return rest;
        }
        rest = before.trim_end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_furniture_lines() {
        for line in [
            "Header Ads Widget",
            "Sidebar Widget 2",
            "Advertisement",
            "ADVERTISEMENT",
            "Related Articles",
            "Share this:",
            "Enjoying this article? Click here to subscribe for full access. Just $5 a month.",
            "Subscribe to our newsletter",
            "Sign up for our daily newsletter",
            "Want more? Subscribe to our weekly briefing for free.",
            "Post a Comment",
            "Leave a comment",
            "12 Comments",
            "No comments yet",
            "Share on Facebook",
            "Follow us on Twitter",
            "Facebook Twitter LinkedIn Email",
            "Tags: North Korea, Russia, trade",
            "Photo: Reuters",
            "Posted on November 4, 2022",
            "Read more »",
        ] {
            assert!(is_boilerplate(line), "{line:?} should be dropped");
        }
    }

    #[test]
    fn keeps_prose() {
        for line in [
            "North Korea recently began preparations to open new trade offices throughout Russia.",
            "Subscribers to the service pay $5 a month, the company said in a statement on Tuesday, adding that growth had slowed sharply.",
            "The advertisement was pulled after complaints.",
            "Comments by the minister drew criticism.",
            "Home prices rose 3 pct in March.",
            "Share prices fell.",
            "Follow the money, the investigators said.",
            "Facebook said it would appeal.",
            "Source: a high-ranking official",
        ] {
            assert!(!is_boilerplate(line), "{line:?} should be kept");
        }
    }

    #[test]
    fn strips_wire_signatures() {
        let cases = [
            ("Prices rose.\n Reuter\n", "Prices rose."),
            ("total 55.8 (33.7).        REUTER\n", "total 55.8 (33.7)."),
            (
                "Note: period ended January 31.\nREUTER\n Reuter\n",
                "Note: period ended January 31.",
            ),
            (
                "as soon as\npossible.\n REUTER...\n",
                "as soon as\npossible.",
            ),
            ("the spokesman told Reuters.", "the spokesman told Reuters."),
            ("the spokesman told AFP", "the spokesman told AFP"),
            ("a tenth of an ounce. REUTER\n", "a tenth of an ounce."),
            ("Reuter", ""),
            ("", ""),
        ];
        for (text, expected) in cases {
            assert_eq!(strip_wire_signatures(text), expected, "{text:?}");
        }
    }
}
