//! Editorial notes: where the story first appeared, who republished it, who
//! says they could not verify it. The cue patterns are data
//! (`data/provenance.toml`); this file compiles them and reads outlet names.

use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;

/// What an outlet named in a note did with the story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Role {
    /// First published it.
    Origin,
    /// This copy was republished from it.
    Via,
    /// Credited in a footer line ("Source: X").
    Footer,
}

/// One note found in a sentence or line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Note {
    /// An outlet in the chain.
    Outlet(Role, String),
    /// The publisher could not verify the story; `verifier` is the outlet
    /// that says so, when the sentence names one.
    Unverified { verifier: Option<String> },
}

#[derive(Deserialize)]
struct CuesFile {
    cue: Vec<CueSpec>,
    verification: Vec<PatternSpec>,
    editorial_subjects: Vec<String>,
}

#[derive(Deserialize)]
struct CueSpec {
    role: Role,
    pattern: String,
    #[serde(default)]
    whole_line: bool,
    #[serde(default)]
    max_chars: Option<usize>,
}

#[derive(Deserialize)]
struct PatternSpec {
    pattern: String,
}

struct Cue {
    role: Role,
    regex: Regex,
    whole_line: bool,
    max_chars: Option<usize>,
}

struct Cues {
    cues: Vec<Cue>,
    verification: Vec<Regex>,
    editorial_subjects: Vec<String>,
}

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let file: CuesFile = toml::from_str(include_str!("../../data/provenance.toml"))
        .expect("data/provenance.toml is valid (checked by tests)");
    let compile = |pattern: &str| {
        Regex::new(&format!("(?i){pattern}")).expect("data/provenance.toml patterns compile")
    };
    Cues {
        cues: file
            .cue
            .iter()
            .map(|spec| Cue {
                role: spec.role,
                regex: compile(&spec.pattern),
                whole_line: spec.whole_line,
                max_chars: spec.max_chars,
            })
            .collect(),
        verification: file
            .verification
            .iter()
            .map(|spec| compile(&spec.pattern))
            .collect(),
        editorial_subjects: file.editorial_subjects,
    }
});

/// A note made of the whole `line` (a credit footer such as "Source: X").
pub(crate) fn line_note(line: &str) -> Option<Note> {
    let chars = line.chars().count();
    CUES.cues
        .iter()
        .filter(|cue| cue.whole_line && cue.max_chars.is_none_or(|max| chars <= max))
        .find_map(|cue| {
            let outlet = outlet_name(cue.regex.captures(line)?.name("outlet")?.as_str())?;
            Some(Note::Outlet(cue.role, outlet))
        })
}

/// A note made of one `sentence`.
pub(crate) fn sentence_note(sentence: &str) -> Option<Note> {
    let chars = sentence.chars().count();
    let outlet = CUES
        .cues
        .iter()
        .filter(|cue| !cue.whole_line && cue.max_chars.is_none_or(|max| chars <= max))
        .find_map(|cue| {
            // `is_match` first: most sentences match no cue, and finding
            // that out needs no capture slots.
            if !cue.regex.is_match(sentence) {
                return None;
            }
            let outlet = outlet_name(cue.regex.captures(sentence)?.name("outlet")?.as_str())?;
            Some(Note::Outlet(cue.role, outlet))
        });
    if outlet.is_some() {
        return outlet;
    }
    CUES.verification.iter().find_map(|regex| {
        if !regex.is_match(sentence) {
            return None;
        }
        let captures = regex.captures(sentence)?;
        let Some(subject) = captures.name("subject") else {
            return Some(Note::Unverified { verifier: None });
        };
        let subject = subject.as_str();
        if let Some(outlet) = subject_outlet(subject) {
            return Some(Note::Unverified {
                verifier: Some(outlet),
            });
        }
        // "Redman said he could not confirm it" is reporting, not a note.
        let editorial = CUES
            .editorial_subjects
            .iter()
            .any(|s| s.eq_ignore_ascii_case(subject.trim()));
        editorial.then_some(Note::Unverified { verifier: None })
    })
}

/// Lower-case words allowed inside a multi-word outlet name.
const CONNECTORS: &[&str] = &[
    "of", "the", "and", "&", "for", "de", "la", "du", "der", "al",
];

/// Words that open a subject without naming an outlet ("We", "This site").
const DETERMINERS: &[&str] = &[
    "the", "this", "that", "our", "we", "it", "they", "i", "he", "she", "its", "their",
];

/// The outlet name at the start of `tail`: a run of capitalised words (with
/// connectors such as "of"), cut at the first comma, period or lower-case
/// word. A leading lower-case "the" is dropped. A domain name ("nknews.org")
/// counts as a name on its own.
pub(crate) fn outlet_name(tail: &str) -> Option<String> {
    let mut words: Vec<&str> = Vec::new();
    for (index, raw) in tail.split_whitespace().enumerate() {
        if index == 0 && raw == "the" {
            continue;
        }
        let stops_here = raw.ends_with([',', ';', ':', '.', '!', '?', ')', '”', '"']);
        let word = raw
            .trim_start_matches(['(', '"', '“', '‘'])
            .trim_end_matches([',', ';', ':', '.', '!', '?', ')', '"', '”', '’']);
        if word.is_empty() {
            break;
        }
        if words.is_empty() && is_domain(word) {
            return Some(word.to_string());
        }
        let capitalised = word
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        let connector = !words.is_empty() && CONNECTORS.contains(&word);
        if !capitalised && !connector {
            break;
        }
        words.push(word);
        if stops_here || words.len() >= 8 {
            break;
        }
    }
    while words.last().is_some_and(|w| CONNECTORS.contains(w)) {
        words.pop();
    }
    (!words.is_empty()).then(|| words.join(" "))
}

fn is_domain(word: &str) -> bool {
    let Some((name, tld)) = word.rsplit_once('.') else {
        return false;
    };
    !name.is_empty()
        && tld.len() >= 2
        && tld.chars().all(|c| c.is_ascii_lowercase())
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
}

/// The subject of a verification note when it names an outlet: every word
/// after an optional determiner is capitalised ("The Diplomat", "Reuters"),
/// so "We" and "The newspaper" name none.
fn subject_outlet(subject: &str) -> Option<String> {
    let words: Vec<&str> = subject.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 {
        return None;
    }
    let first_is_determiner = DETERMINERS.contains(&words[0].to_lowercase().as_str());
    let rest = if first_is_determiner {
        &words[1..]
    } else {
        &words[..]
    };
    let named = !rest.is_empty()
        && rest.iter().enumerate().all(|(i, word)| {
            word.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || (i > 0 && i + 1 < rest.len() && CONNECTORS.contains(word))
        });
    named.then(|| words.join(" "))
}

/// A key under which two spellings of one outlet compare equal: lower case,
/// letters and digits only, without a leading "the".
pub(crate) fn outlet_key(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    lower.chars().filter(|c| c.is_alphanumeric()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outlet(role: Role, name: &str) -> Option<Note> {
        Some(Note::Outlet(role, name.to_string()))
    }

    #[test]
    fn reads_provenance_sentences() {
        let cases = [
            (
                "This article first appeared on Daily NK, which contacts multiple sources inside and outside North Korea to verify information.",
                outlet(Role::Origin, "Daily NK"),
            ),
            ("This story originally appeared in the Korea Herald.", outlet(Role::Origin, "Korea Herald")),
            ("Originally published by NK News.", outlet(Role::Origin, "NK News")),
            ("A version of this article was first published on nknews.org.", outlet(Role::Origin, "nknews.org")),
            ("The post Wheat prices rise appeared first on Grain Central.", outlet(Role::Origin, "Grain Central")),
            (
                "This article is republished from The Conversation under a Creative Commons license.",
                outlet(Role::Via, "The Conversation"),
            ),
            ("Republished with permission from Asia Times.", outlet(Role::Via, "Asia Times")),
            (
                "The Diplomat was not able to verify the claims independently.",
                Some(Note::Unverified { verifier: Some("The Diplomat".into()) }),
            ),
            (
                "Reuters could not independently verify the report.",
                Some(Note::Unverified { verifier: Some("Reuters".into()) }),
            ),
            (
                "We have not been able to verify this information.",
                Some(Note::Unverified { verifier: None }),
            ),
            (
                "These claims could not be independently verified.",
                Some(Note::Unverified { verifier: None }),
            ),
            ("Police could not confirm the identity of the victims.", None),
            ("Redman said he could not independently confirm reports that", None),
            ("Reuters could not independently verify the report, which cited officials.", None),
            ("The ministry said the report first appeared on state media.", None),
            ("North Korea imported wheat from Russia in August.", None),
        ];
        for (sentence, expected) in cases {
            assert_eq!(sentence_note(sentence), expected, "{sentence}");
        }
    }

    #[test]
    fn reads_footer_lines() {
        assert_eq!(
            line_note("Source: Frappler"),
            outlet(Role::Footer, "Frappler")
        );
        assert_eq!(
            line_note("Via: Asia Times"),
            outlet(Role::Footer, "Asia Times")
        );
        assert_eq!(line_note("Source: a high-ranking official"), None);
        assert_eq!(
            line_note("Source: the customs office said exports rose sharply in the first quarter of the year, led by coal"),
            None
        );
    }

    #[test]
    fn keys_ignore_spelling() {
        assert_eq!(outlet_key("The Diplomat"), outlet_key("diplomat"));
        assert_eq!(outlet_key("Daily NK"), outlet_key("DailyNK"));
    }
}
