//! Attribution: who vouches for each sentence, and how sure that makes it.
//!
//! A reporting clause ("..., traders said.", "He told Daily NK that ...",
//! "According to the source, ...") attaches a source to its sentence. The
//! source phrase is graded by data (`[source]` in `data/cues.toml`):
//! rumours and speculation first, then named organisations from the
//! gazetteer (an outlet reports, a government or company is official), then
//! unnamed sources, then outlet and official words, then named people.
//! A sentence without a clause of its own inherits the previous sentence's
//! attribution (a continuing report), except after a direct quote, which
//! vouches only for itself.

use tw_gazetteer::OrgType;
use tw_model::Certainty;

use crate::cues::Cues;
use crate::mentions::{Kind, Mentions};
use crate::sentences::Sentence;
use crate::text::{word_count, words};

/// Who vouches for a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// How sure.
    pub certainty: Certainty,
    /// The words naming the source, as written.
    pub source: Option<String>,
    /// Byte span of the reporting clause in the document (excluded when
    /// filling a claim's roles).
    pub clause: Option<(usize, usize)>,
    /// True when the sentence has its own reporting clause.
    pub explicit: bool,
    /// True when the sentence is a direct quote.
    pub quote: bool,
}

impl Attribution {
    fn none() -> Attribution {
        Attribution {
            certainty: Certainty::Unattributed,
            source: None,
            clause: None,
            explicit: false,
            quote: false,
        }
    }

    /// True when byte `pos` is inside the reporting clause.
    pub fn covers(&self, start: usize, end: usize) -> bool {
        self.clause.is_some_and(|(s, e)| start >= s && end <= e)
    }
}

const ADVERBS: &[&str] = &[
    "also",
    "further",
    "recently",
    "earlier",
    "later",
    "previously",
    "today",
    "yesterday",
    "had",
    "has",
    "have",
];

/// Attribute every sentence of `text`.
pub fn attribute(
    text: &str,
    sentences: &[Sentence],
    mentions: &Mentions,
    cues: &Cues,
) -> Vec<Attribution> {
    let mut out: Vec<Attribution> = Vec::with_capacity(sentences.len());
    let mut previous: Option<Attribution> = None;
    for s in sentences {
        let found = explicit(text, s, mentions, cues, previous.as_ref());
        let attribution = match found {
            Some(a) => a,
            None => match &previous {
                Some(p) if !p.quote => Attribution {
                    clause: None,
                    explicit: false,
                    ..p.clone()
                },
                _ => Attribution::none(),
            },
        };
        if attribution.certainty != Certainty::Unattributed || attribution.explicit {
            previous = Some(attribution.clone());
        } else {
            previous = None;
        }
        out.push(attribution);
    }
    out
}

/// A rumour or speculation cue in `sentence` before byte `pos` of the
/// document: it governs what follows it ("rumors circulating in the city
/// claiming that North Korea received ...").
pub fn cue_before(
    text: &str,
    s: &Sentence,
    pos: usize,
    cues: &Cues,
) -> Option<(Certainty, String)> {
    let slice = &text[s.start..pos.min(s.end)];
    let mut best: Option<(usize, Certainty, usize)> = None;
    for (set, certainty) in [
        (&cues.source.rumor, Certainty::Rumor),
        (&cues.source.speculation, Certainty::Speculation),
    ] {
        for hit in set.find(slice) {
            if best.is_none_or(|(b, _, _)| hit.start > b) {
                best = Some((hit.start, certainty, hit.end));
            }
        }
    }
    let (start, certainty, _) = best?;
    // The source phrase runs from the cue to "that", "claiming" or a comma.
    let rest = &slice[start..];
    let stop = ["claiming", " that ", ",", " saying"]
        .iter()
        .filter_map(|w| rest.find(w))
        .min()
        .unwrap_or(rest.len());
    let phrase = rest[..stop].trim().trim_end_matches(',').trim();
    Some((certainty, phrase.to_string()))
}

fn explicit(
    text: &str,
    s: &Sentence,
    mentions: &Mentions,
    cues: &Cues,
    previous: Option<&Attribution>,
) -> Option<Attribution> {
    let sent = &text[s.start..s.end];
    let lower = sent.to_ascii_lowercase();
    let quote = sent.starts_with(['"', '“', '\'']) || (sent.contains('“') && sent.contains('”'));

    // "According to X, ..." / "..., according to X."
    if let Some(p) = lower.find("according to ") {
        let src_start = p + "according to ".len();
        let rest = &sent[src_start..];
        let src_end = src_start
            + rest
                .find([',', ';'])
                .unwrap_or(rest.trim_end_matches(['.', '"', '”']).len());
        let source = sent[src_start..src_end].trim();
        if !source.is_empty() && word_count(source) <= 14 {
            let certainty = classify(source, s.start + src_start, mentions, cues, previous);
            let clause_end = if src_end < sent.len() && sent[src_end..].starts_with(',') {
                src_end + 1
            } else {
                src_end
            };
            return Some(Attribution {
                certainty,
                source: Some(source.to_string()),
                clause: Some((s.start + p, s.start + clause_end)),
                explicit: true,
                quote,
            });
        }
    }

    let hits = cues.reporting_verbs.find(sent);
    // Trailing: "..., X said [Tuesday]." or "..., said X."
    if let Some(h) = hits.last() {
        let after = sent[h.end..].trim_end_matches(['.', '"', '”', ' ']);
        let comma = last_comma(&sent[..h.start]);
        if let Some(c) = comma {
            let between = sent[c + 1..h.start].trim();
            let after_words = word_count(after);
            if !between.is_empty()
                && word_count(between) <= 12
                && after_words <= 6
                && last_comma(after).is_none()
            {
                let source = strip_adverbs(between);
                let src_offset = s.start
                    + c
                    + 1
                    + (sent[c + 1..h.start].len() - sent[c + 1..h.start].trim_start().len());
                let certainty = classify(&source, src_offset, mentions, cues, previous);
                return Some(Attribution {
                    certainty,
                    source: Some(source),
                    clause: Some((s.start + c, s.end)),
                    explicit: true,
                    quote,
                });
            }
            if between.is_empty() && word_count(after) <= 14 && !after.is_empty() {
                let source = after.trim().to_string();
                let certainty = classify(&source, s.start + h.end, mentions, cues, previous);
                return Some(Attribution {
                    certainty,
                    source: Some(source),
                    clause: Some((s.start + c, s.end)),
                    explicit: true,
                    quote,
                });
            }
        }
    }
    // Leading: "X said (that) ...", "X told Y that ...", "X figures show ...".
    if let Some(h) = hits.first() {
        let head_start = last_comma(&sent[..h.start]).map_or(0, |c| c + 1);
        let head = sent[head_start..h.start].trim();
        let head_lower = head.to_ascii_lowercase();
        let has_verb = words(&head_lower).iter().any(|&(a, b)| {
            matches!(
                &head_lower[a..b],
                "is" | "are" | "was" | "were" | "be" | "been" | "will" | "would" | "may" | "could"
            )
        });
        let n = word_count(head);
        if !head.is_empty() && n <= 12 && !has_verb && word_count(&sent[..h.start]) <= 20 {
            let source = strip_adverbs(head);
            let src_offset = s.start
                + head_start
                + (sent[head_start..h.start].len() - sent[head_start..h.start].trim_start().len());
            let certainty = classify(&source, src_offset, mentions, cues, previous);
            // The clause runs to "that" when it follows within a few words.
            let tail = &lower[h.end..];
            let clause_end = match tail.find(" that ") {
                Some(t) if word_count(&tail[..t]) <= 5 => h.end + t + " that".len(),
                _ => h.end,
            };
            return Some(Attribution {
                certainty,
                source: Some(source),
                clause: Some((s.start + head_start, s.start + clause_end)),
                explicit: true,
                quote,
            });
        }
    }
    // "There has been speculation that ...", "Rumours are circulating that ...".
    if let Some((certainty, phrase)) = cue_before(text, s, s.end, cues) {
        return Some(Attribution {
            certainty,
            source: Some(phrase),
            clause: None,
            explicit: true,
            quote,
        });
    }
    None
}

/// The last comma or semicolon of `text` that separates clauses (not one
/// inside a number such as "900,000").
pub(crate) fn last_comma(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    text.char_indices().rev().find_map(|(k, c)| {
        let in_number = c == ','
            && k > 0
            && bytes[k - 1].is_ascii_digit()
            && bytes.get(k + 1).is_some_and(u8::is_ascii_digit);
        (matches!(c, ',' | ';') && !in_number).then_some(k)
    })
}

fn strip_adverbs(phrase: &str) -> String {
    let mut words: Vec<&str> = phrase.split_whitespace().collect();
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| ADVERBS.contains(&w.to_ascii_lowercase().as_str()))
    {
        words.pop();
    }
    words.join(" ")
}

/// Grade a source phrase that starts at byte `offset` of the document.
fn classify(
    source: &str,
    offset: usize,
    mentions: &Mentions,
    cues: &Cues,
    previous: Option<&Attribution>,
) -> Certainty {
    if cues.source.rumor.any(source) {
        return Certainty::Rumor;
    }
    if cues.source.speculation.any(source) {
        return Certainty::Speculation;
    }
    if cues.source.back_reference.is_exactly(source) {
        if let Some(p) = previous {
            return p.certainty;
        }
    }
    // "a senior Energy Ministry official", "an industry source": unnamed.
    let first_word = source
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if matches!(first_word.as_str(), "a" | "an" | "one") && cues.source.anonymous.any(source) {
        return Certainty::Anonymous;
    }
    for m in mentions.within(offset, offset + source.len()) {
        if let Kind::Organisation {
            org_type: Some(t), ..
        } = &m.kind
        {
            return match t {
                OrgType::Outlet => Certainty::Reported,
                _ => Certainty::Official,
            };
        }
    }
    if cues.source.anonymous.any(source) {
        return Certainty::Anonymous;
    }
    if cues.source.reported.any(source) {
        return Certainty::Reported;
    }
    if cues.source.official.any(source) {
        return Certainty::Official;
    }
    // A named person or body: capitalised words after the first.
    let named = source
        .split_whitespace()
        .skip(1)
        .any(|w| w.chars().next().is_some_and(char::is_uppercase));
    if named || source.chars().next().is_some_and(char::is_uppercase) && word_count(source) == 1 {
        return Certainty::Official;
    }
    Certainty::Reported
}
