//! Outlet names, the citations of outlets in a text, and URL keys.

use std::sync::LazyLock;

use regex::{Regex, RegexBuilder};
use serde::Deserialize;

/// Comparable form of an outlet name: lower case, punctuation as spaces,
/// single spaces, without a leading "The" ("The Diplomat" = "diplomat").
pub fn outlet_key(name: &str) -> String {
    let lowered: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect();
    let mut words = lowered.split_whitespace().peekable();
    if words.peek() == Some(&"the") {
        words.next();
    }
    words.collect::<Vec<_>>().join(" ")
}

/// Comparable form of a URL: no scheme, no `www.`, no fragment, no trailing
/// slash, lower case (hosts are case-insensitive; paths rarely differ only
/// by case between a copy and its canonical link).
pub(crate) fn url_key(url: &str) -> Option<String> {
    let mut s = url.trim().to_lowercase();
    if let Some(hash) = s.find('#') {
        s.truncate(hash);
    }
    let s = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .unwrap_or(&s);
    let s = s.strip_prefix("www.").unwrap_or(s);
    let s = s.trim_end_matches('/');
    (!s.is_empty()).then(|| s.to_string())
}

/// One outlet a text names as a source of its story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Citation {
    /// Reason label from `data/citations.toml` ("cites", "first appeared on").
    pub label: &'static str,
    /// The name as written.
    pub display: String,
    /// [`outlet_key`] of the name.
    pub key: String,
}

#[derive(Deserialize)]
struct PatternFile {
    pattern: Vec<PatternEntry>,
}

#[derive(Deserialize)]
struct PatternEntry {
    label: String,
    phrase: String,
}

struct Pattern {
    label: String,
    regex: Regex,
}

/// A capitalised name of up to six words; a lower-case particle may join
/// two capitalised words ("Bank of Korea", "Voice of America").
const NAME: &str = r"\p{Lu}[\p{L}\p{N}&'’.\-]*(?:[^\S\n]+(?:(?:of|de|du|al|el|la|der|des|di)[^\S\n]+)?\p{Lu}[\p{L}\p{N}&'’.\-]*){0,5}";

static PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    let file: PatternFile = toml::from_str(include_str!("../data/citations.toml"))
        .expect("data/citations.toml is valid (checked by a unit test)");
    file.pattern
        .into_iter()
        .map(|entry| {
            // A space in a phrase is any run of white space on one line
            // (scraped text is full of no-break spaces).
            // The class sits in `(?-i:...)`: case-folding a negated Unicode
            // class is slow to compile and pointless for white space.
            let phrase = entry.phrase.replace(' ', r"(?-i:[^\S\n]+)");
            let (before, after) = phrase
                .split_once("{outlet}")
                .expect("every citation phrase has an {outlet} placeholder");
            let mut source = String::new();
            if !before.is_empty() {
                source.push_str(&format!(r"\b(?i:{before})"));
            }
            source.push_str(&format!("(?P<outlet>{NAME})"));
            if !after.is_empty() {
                source.push_str(&format!(r"(?i:{after})\b"));
            }
            Pattern {
                label: entry.label,
                // A small lazy-DFA cache: these run once over each text,
                // and the default (a few MiB per pattern and thread) would
                // hold tens of MiB for the life of the process.
                regex: RegexBuilder::new(&source)
                    .dfa_size_limit(1024 * 1024)
                    .build()
                    .expect("citation phrase compiles"),
            }
        })
        .collect()
});

/// Outlets `text` names as sources of its story, in text order, without
/// repeats. The captured name may carry extra capitalised words ("In August
/// Daily NK"); callers match outlets against its word runs
/// ([`name_variants`]).
pub(crate) fn citations(text: &str) -> Vec<Citation> {
    let mut found: Vec<(usize, Citation)> = Vec::new();
    // `PATTERNS` is static, so its labels can be lent out for `'static`.
    let patterns: &'static [Pattern] = &PATTERNS;
    for pattern in patterns {
        for caps in pattern.regex.captures_iter(text) {
            let Some(name) = caps.name("outlet") else {
                continue;
            };
            let display = name.as_str().trim_end_matches(['.', '-', '\'', '’']);
            let key = outlet_key(display);
            if key.is_empty()
                || found
                    .iter()
                    .any(|(_, c)| c.key == key && c.label == pattern.label)
            {
                continue;
            }
            found.push((
                name.start(),
                Citation {
                    label: pattern.label.as_str(),
                    display: display.to_string(),
                    key,
                },
            ));
        }
    }
    found.sort_by_key(|(start, _)| *start);
    found.into_iter().map(|(_, c)| c).collect()
}

/// Every run of consecutive words of an outlet key (each without a leading
/// "the"), so that "in august daily nk" can be matched to the outlet
/// "daily nk".
pub(crate) fn name_variants(key: &str) -> Vec<String> {
    let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    let mut variants = Vec::new();
    for start in 0..words.len() {
        if words[start] == "the" {
            continue;
        }
        for end in start + 1..=words.len() {
            variants.push(words[start..end].join(" "));
        }
    }
    variants.sort();
    variants.dedup();
    variants
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlet_keys() {
        let cases = [
            ("The Diplomat", "diplomat"),
            ("the diplomat", "diplomat"),
            ("Daily NK", "daily nk"),
            ("  Daily   NK. ", "daily nk"),
            ("Theatre Weekly", "theatre weekly"),
            ("", ""),
        ];
        for (name, key) in cases {
            assert_eq!(outlet_key(name), key, "{name:?}");
        }
    }

    #[test]
    fn url_keys() {
        let cases = [
            ("https://www.dailynk.com/a/b/", Some("dailynk.com/a/b")),
            ("http://dailynk.com/a/b#top", Some("dailynk.com/a/b")),
            ("HTTPS://DailyNK.com/a/b", Some("dailynk.com/a/b")),
            ("  ", None),
        ];
        for (url, key) in cases {
            assert_eq!(url_key(url).as_deref(), key, "{url:?}");
        }
    }

    #[test]
    fn finds_citations() {
        let cases: [(&str, &[(&str, &str)]); 7] = [
            (
                "a high-ranking source in the country told Daily NK last Friday.",
                &[("cites", "daily nk")],
            ),
            (
                "Exports will rise, according to The Korea Herald.",
                &[("cites", "korea herald")],
            ),
            (
                "In August Daily NK reported that imports rose.",
                &[("cites", "in august daily nk")],
            ),
            (
                "This article first\u{a0}appeared on Daily NK,\u{a0}which contacts sources.",
                &[("first appeared on", "daily nk")],
            ),
            ("according to the source, offices will open", &[]),
            ("The company said profits rose.", &[]),
            (
                "Citing Yonhap, the paper said talks stalled, as reported by NK News.",
                &[("cites", "yonhap"), ("cites", "nk news")],
            ),
        ];
        for (text, expected) in cases {
            let got: Vec<(&str, String)> = citations(text)
                .into_iter()
                .map(|c| (c.label, c.key))
                .collect();
            let expected: Vec<(&str, String)> =
                expected.iter().map(|(l, k)| (*l, k.to_string())).collect();
            assert_eq!(got, expected, "{text:?}");
        }
    }

    #[test]
    fn name_variants_cover_inner_runs() {
        let v = name_variants("in august daily nk");
        assert!(v.contains(&"daily nk".to_string()));
        assert!(v.contains(&"nk".to_string()));
        assert!(v.contains(&"in august daily nk".to_string()));
        assert_eq!(
            name_variants("the korea herald"),
            vec!["herald", "korea", "korea herald"]
        );
    }

    #[test]
    fn every_pattern_compiles() {
        assert!(PATTERNS.len() >= 5);
    }
}
