//! Word lists matched as whole words, case-insensitively.

use regex::Regex;

/// A compiled list of terms; empty lists match nothing.
#[derive(Debug, Clone, Default)]
pub(crate) struct TermSet {
    regex: Option<Regex>,
}

impl TermSet {
    /// Compile `terms` once (at load time, never per claim).
    pub(crate) fn new(terms: &[String]) -> TermSet {
        if terms.is_empty() {
            return TermSet::default();
        }
        // Longest first so that the reported term is the most specific one.
        let mut sorted: Vec<&String> = terms.iter().collect();
        sorted.sort_by_key(|t| std::cmp::Reverse(t.len()));
        let alternatives: Vec<String> = sorted
            .iter()
            .map(|t| {
                // Spaces in a term match any run of white space or a hyphen.
                t.split_whitespace()
                    .map(regex::escape)
                    .collect::<Vec<_>>()
                    .join(r"[\s\-]+")
            })
            .collect();
        let pattern = format!(r"(?i)\b(?:{})\b", alternatives.join("|"));
        // Escaped literals joined by `|` always compile.
        TermSet {
            regex: Regex::new(&pattern).ok(),
        }
    }

    /// The first term found in `text`, as written there.
    pub(crate) fn find<'a>(&self, text: &'a str) -> Option<&'a str> {
        self.regex.as_ref()?.find(text).map(|m| m.as_str())
    }

    /// True when the list is empty.
    pub(crate) fn is_empty(&self) -> bool {
        self.regex.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        let set = TermSet::new(&["worker".into(), "workers".into(), "joint venture".into()]);
        let cases = [
            ("home to many North Korean workers", Some("workers")),
            ("a Worker was seen", Some("Worker")),
            ("working-level officials", None),
            ("a joint  venture in Rason", Some("joint  venture")),
            ("a joint-venture deal", Some("joint-venture")),
            ("jointventure", None),
        ];
        for (text, want) in cases {
            assert_eq!(set.find(text), want, "{text}");
        }
        assert!(TermSet::new(&[]).find("anything").is_none());
        assert!(TermSet::new(&[]).is_empty());
    }
}
