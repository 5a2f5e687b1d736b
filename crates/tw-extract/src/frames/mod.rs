//! Claim frames: one file per claim kind, registered once in [`FRAMES`].
//!
//! A frame reads sentences with their mentions and attribution (the
//! [`Context`]) and returns claims. Frames run in order; a sentence that an
//! earlier frame claimed is marked, so the catch-all `event` frame does not
//! claim it again.

// A sentence index addresses several parallel vectors (sentences,
// attributions, `claimed`), so frames loop over indices.
#![allow(clippy::needless_range_loop)]

mod event;
mod market;
mod personnel;
mod presence;
mod sanctions;
mod statement;
mod table;
mod trade;

use tw_model::{Certainty, CharIndex, Claim, ClaimKind, Document, Evidence};
use tw_time::Anchor;

use crate::attribution::{self, Attribution};
use crate::cues::Cues;
use crate::mentions::{Kind, Mentions, M};
use crate::sentences::{self, Sentence};

/// A claim frame.
pub(crate) trait Frame: Sync {
    /// Claims of this frame's kind; `claimed[i]` is set for every sentence
    /// `i` a claim uses.
    fn run(&self, ctx: &Context, claimed: &mut [bool]) -> Vec<Claim>;
}

/// Every frame, in the order they run. Adding a claim kind: one file and
/// one line here.
pub(crate) const FRAMES: &[&dyn Frame] = &[
    &table::TableFrame,
    &trade::TradeFrame,
    &presence::PresenceFrame,
    &personnel::PersonnelFrame,
    &sanctions::SanctionsFrame,
    &statement::StatementFrame,
    &market::MarketFrame,
    &event::EventFrame,
];

/// Everything a frame may read about one document.
pub struct Context<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Its clean text with line breaks and tabs as spaces (same byte
    /// offsets), so cue phrases match across wrapped lines. Evidence is cut
    /// from `doc.text`, never from this.
    pub text: &'a str,
    /// Byte to character offsets of `text`.
    pub chars: CharIndex,
    /// Sentences in order.
    pub sentences: Vec<Sentence>,
    /// Every mention, sorted.
    pub mentions: Mentions,
    /// One attribution per sentence.
    pub attributions: Vec<Attribution>,
    /// The date relative times resolve against.
    pub anchor: Option<Anchor>,
    /// The cue lexicon.
    pub cues: &'static Cues,
    /// The country of the dateline ("NEW DELHI, March 27"), where the story
    /// was filed: what "domestic" refers to.
    pub home: Option<String>,
}

impl<'a> Context<'a> {
    /// Analyse `doc` up to the point where frames can run.
    /// `flat` is [`flatten`] of `doc.text`.
    pub fn new(doc: &'a Document, flat: &'a str) -> Context<'a> {
        debug_assert_eq!(flat.len(), doc.text.len());
        let text = flat;
        let anchor = doc.anchor().and_then(|p| Anchor::from_iso(&p.iso));
        let cues = Cues::global();
        let sentences = sentences::split(&doc.text);
        let mentions = Mentions::find(&doc.text, anchor.as_ref());
        let attributions = attribution::attribute(text, &sentences, &mentions, cues);
        let (sentences, attributions) = split_trade_clauses(text, sentences, attributions, cues);
        let place = doc
            .metadata
            .get("dateline")
            .and_then(|d| d.as_str())
            .and_then(|d| d.split(',').next());
        // A hub's country is home only when the story names it.
        let home = place.and_then(home_country).filter(|h| {
            !place.is_some_and(|p| cues.hub_datelines.is_exactly(p.trim()))
                || mentions.all.iter().any(|m| m.country() == Some(h.as_str()))
        });
        Context {
            doc,
            text,
            chars: CharIndex::new(text),
            sentences,
            mentions,
            attributions,
            anchor,
            cues,
            home,
        }
    }

    /// The text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &'a str {
        let s = self.sentences[i];
        &self.text[s.start..s.end]
    }

    /// Evidence for the byte range `start..end`.
    pub fn evidence(&self, start: usize, end: usize) -> Evidence {
        Evidence {
            text: self.doc.text[start..end].to_string(),
            start: self.chars.char_offset(start),
            end: self.chars.char_offset(end),
        }
    }

    /// Mentions of sentence `i` outside its reporting clause.
    pub fn content_mentions(&self, i: usize) -> Vec<&M> {
        let s = self.sentences[i];
        let a = &self.attributions[i];
        self.mentions
            .within(s.start, s.end)
            .filter(|m| !a.covers(m.start, m.end))
            .collect()
    }

    /// A claim of `kind` for sentence `i`, attributed; `pos` is the byte
    /// where the claimed act is named (a rumour or speculation cue before
    /// it governs it).
    pub fn claim(&self, kind: ClaimKind, i: usize, pos: usize) -> Claim {
        let mut claim = Claim::new(&self.doc.id, kind);
        let s = self.sentences[i];
        let a = &self.attributions[i];
        match attribution::cue_before(self.text, &s, pos, self.cues) {
            Some((certainty, source)) => {
                claim.certainty = certainty;
                claim.source = Some(source);
            }
            None => {
                claim.certainty = a.certainty;
                claim.source = a.source.clone();
            }
        }
        claim.unverified = self.doc.verification_note.is_some()
            && matches!(
                claim.certainty,
                Certainty::Reported
                    | Certainty::Anonymous
                    | Certainty::Rumor
                    | Certainty::Speculation
            );
        claim.evidence.push(self.evidence(s.start, s.end));
        claim
    }

    /// A rumour or speculation cue that governs byte `pos` of sentence `i`.
    pub fn cue_certainty(&self, i: usize, pos: usize) -> Option<tw_model::Certainty> {
        attribution::cue_before(self.text, &self.sentences[i], pos, self.cues).map(|(c, _)| c)
    }

    /// True when the sentence is analysis in the writer's voice before
    /// byte `pos`: an analysis cue and no reporting clause of its own.
    pub fn is_analysis(&self, i: usize, pos: usize) -> bool {
        if self.attributions[i].explicit {
            return false;
        }
        let s = self.sentences[i];
        self.cues
            .analysis
            .any(&self.text[s.start..pos.max(s.start).min(s.end)])
    }

    /// Country codes named in sentence `i` outside its reporting clause,
    /// with their mentions.
    pub fn countries(&self, i: usize) -> Vec<&M> {
        self.content_mentions(i)
            .into_iter()
            .filter(|m| m.country().is_some())
            .collect()
    }

    /// The first resolved time in sentence `i` after byte `from`, outside
    /// the reporting clause and not a bound or duration.
    pub fn time_after(&self, i: usize, from: usize, until: usize) -> Option<&M> {
        // Past a comparison ("compared with 124,026 in December and 116,080
        // in January 1986") every time is a point of comparison.
        let until = self.comparison_start(from, until).unwrap_or(until);
        self.content_mentions(i).into_iter().find(|m| {
            m.start >= from
                && m.end <= until
                && m.is_when()
                && !self.after_comparison(m.start)
                && !self.after_reporting_verb(m.start)
        })
    }

    /// Where the first comparison marker followed by a number starts in
    /// `from..until`.
    pub fn comparison_start(&self, from: usize, until: usize) -> Option<usize> {
        if from >= until {
            return None;
        }
        let window = &self.text[from..until];
        self.cues.comparison.find(window).into_iter().find_map(|h| {
            let rest = window[h.end..].trim_start();
            rest.starts_with(|c: char| c.is_ascii_digit() || c == 'n')
                .then_some(from + h.start)
        })
    }

    /// True when a reporting or announcing verb stands just before byte
    /// `pos` ("said Tuesday", "announced on March 16"): that time is when
    /// something was said.
    pub fn after_reporting_verb(&self, pos: usize) -> bool {
        self.cues
            .reporting_verbs
            .any(&self.text[self.words_before(pos, 4)..pos])
    }

    /// The start of a window of up to `n` words ending at byte `pos`,
    /// never reaching back into the sentence before.
    pub fn words_before(&self, pos: usize, n: usize) -> usize {
        let sentence_start = self
            .sentences
            .iter()
            .rev()
            .find(|s| s.start <= pos)
            .map_or(0, |s| s.start);
        self.text[..pos]
            .char_indices()
            .rev()
            .filter(|&(_, c)| c.is_whitespace())
            .nth(n - 1)
            .map_or(0, |(b, _)| b)
            .max(sentence_start)
    }

    /// True when a comparison marker followed by a number stands shortly
    /// before byte `pos` ("from 2.99 mln in 1985").
    pub fn after_comparison(&self, pos: usize) -> bool {
        let window_start = self.words_before(pos, 7);
        let window = &self.text[window_start..pos];
        self.cues.comparison.find(window).iter().any(|h| {
            let rest = &window[h.end..];
            rest.split_whitespace()
                .next()
                .is_some_and(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()))
        })
    }
}

/// `text` with line breaks and tabs as spaces: the same bytes otherwise,
/// so every offset into one is an offset into the other.
pub fn flatten(text: &str) -> String {
    crate::text::flat(text).into_owned()
}

/// The country of a dateline's place ("NEW DELHI", "Tokyo").
fn home_country(place: &str) -> Option<String> {
    let title: String = place
        .split_whitespace()
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| {
                    f.to_uppercase()
                        .chain(c.flat_map(char::to_lowercase))
                        .collect::<String>()
                })
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ");
    tw_gazetteer::Gazetteer::global()
        .find(&title)
        .into_iter()
        .find_map(|m| m.code)
}

/// Run every frame over the document.
pub(crate) fn run_all(ctx: &Context) -> Vec<Claim> {
    let mut claimed = vec![false; ctx.sentences.len()];
    let mut claims = Vec::new();
    for frame in FRAMES {
        claims.extend(frame.run(ctx, &mut claimed));
    }
    for claim in &mut claims {
        claim.assign_id();
    }
    // Two frames (or two readings of one sentence) may state the same
    // claim: keep it once.
    let mut seen = std::collections::HashSet::new();
    claims.retain(|c| seen.insert(c.id.clone()));
    claims
}

/// Country code of a mention that names a country, an organisation or a
/// place with a known country.
pub(crate) fn country_of(m: &M) -> Option<String> {
    match &m.kind {
        Kind::Country { code, .. } => Some(code.clone()),
        Kind::Organisation { code, .. } | Kind::Place { code, .. } | Kind::Region { code, .. } => {
            code.clone()
        }
        _ => None,
    }
}

/// The first noun of `nouns` in `sent` with a verb of `verbs` at most four
/// words from it, on either side ("open new trade offices", "sanctions
/// were lifted"): the verb governs the noun.
pub(crate) fn noun_with_verb(
    sent: &str,
    nouns: &crate::text::PhraseSet,
    verbs: &crate::text::PhraseSet,
) -> Option<(crate::text::Hit, crate::text::Hit)> {
    let noun = nouns.find(sent).into_iter().next()?;
    let verb = verbs.find(sent).into_iter().find(|v| {
        let (a, b) = if v.end <= noun.start {
            (v.end, noun.start)
        } else {
            (noun.end, v.start)
        };
        gap_words(sent, a, b).len() <= 4
    })?;
    Some((noun, verb))
}

/// Push `value` when it is not already in `list`.
pub(crate) fn push_unique(list: &mut Vec<String>, value: String) {
    if !list.contains(&value) {
        list.push(value);
    }
}

/// Split each sentence holding two trade clauses at the break between them
/// (`clause_breaks` in the cues: "Sudan will export corn, while Jordan will
/// export cement"); both parts keep the sentence's attribution.
fn split_trade_clauses(
    text: &str,
    sentences: Vec<Sentence>,
    attributions: Vec<Attribution>,
    cues: &Cues,
) -> (Vec<Sentence>, Vec<Attribution>) {
    let mut out_s = Vec::with_capacity(sentences.len());
    let mut out_a = Vec::with_capacity(attributions.len());
    for (s, a) in sentences.into_iter().zip(attributions) {
        let mut start = s.start;
        let sent = &text[s.start..s.end];
        let lower = sent.to_ascii_lowercase();
        let mut breaks: Vec<(usize, usize)> = cues
            .clause_breaks
            .iter()
            .flat_map(|b| {
                lower
                    .match_indices(b.as_str())
                    .map(|(k, m)| (k, k + m.len()))
            })
            .collect();
        breaks.sort_unstable();
        for (k, after) in breaks {
            let (cut, next) = (s.start + k, s.start + after);
            // Inside the reporting clause, or one side with no trade word:
            // no split.
            if a.covers(cut, next) || cut <= start {
                continue;
            }
            let has_trigger = |from: usize, to: usize| {
                cues.triggers
                    .phrases
                    .find(&text[from..to])
                    .iter()
                    .any(|h| !a.covers(from + h.start, from + h.end))
            };
            // The second clause has a subject of its own ("while Jordan
            // will export", "; the Soviet Union bought"), not only a verb
            // ("while deferring purchases").
            let first = text[next..s.end]
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            let own_subject = first.starts_with(char::is_uppercase)
                || matches!(
                    first,
                    "the" | "its" | "their" | "it" | "they" | "imports" | "exports" | "sales"
                );
            if !own_subject || !has_trigger(start, cut) || !has_trigger(next, s.end) {
                continue;
            }
            out_s.push(Sentence {
                start,
                end: cut,
                paragraph: s.paragraph,
            });
            out_a.push(a.clone());
            start = next;
        }
        out_s.push(Sentence {
            start,
            end: s.end,
            paragraph: s.paragraph,
        });
        out_a.push(a);
    }
    (out_s, out_a)
}

/// Lower-cased words between two byte offsets.
pub(crate) fn gap_words(text: &str, start: usize, end: usize) -> Vec<String> {
    if end <= start {
        return Vec::new();
    }
    crate::text::words(&text[start..end])
        .into_iter()
        .map(|(a, b)| text[start + a..start + b].to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
mod tests;
