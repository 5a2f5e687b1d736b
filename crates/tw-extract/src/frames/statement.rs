//! Statements: an identified official or body states a position on the
//! record ("expressed open support for", "called on", "condemned"). A bare
//! "said" is attribution, not a statement claim.

use tw_model::{Certainty, Claim, ClaimKind, Status};

use super::{country_of, Context, Frame};
use crate::mentions::Kind;

pub(crate) struct StatementFrame;

impl Frame for StatementFrame {
    fn run(&self, ctx: &Context, claimed: &mut [bool]) -> Vec<Claim> {
        let mut claims = Vec::new();
        for i in 0..ctx.sentences.len() {
            if claimed[i] {
                continue;
            }
            let s = ctx.sentences[i];
            let sent = ctx.sentence_text(i);
            let Some(verb) = ctx.cues.statement.verbs.find(sent).into_iter().next() else {
                continue;
            };
            let head = &sent[..verb.start];
            if ctx.cues.status.negated.any(head) {
                continue;
            }
            let Some(title) = ctx.cues.statement.titles.find(head).into_iter().last() else {
                continue;
            };
            let speaker = person_name(&head[title.end..]);
            let mentions = ctx.content_mentions(i);
            let pos = s.start + verb.start;
            let mut claim = ctx.claim(ClaimKind::Statement, i, pos);
            claim.certainty = Certainty::Official;
            claim.source = speaker
                .clone()
                .or_else(|| Some(head[..title.end].trim().to_string()));
            claim.speaker = speaker;
            claim.actor = mentions
                .iter()
                .filter(|m| m.end <= s.start + title.start)
                .find_map(|m| country_of(m));
            claim.venue = ctx
                .cues
                .statement
                .venues
                .iter()
                .filter_map(|v| sent.find(v.as_str()).map(|p| (p, v)))
                .min()
                .map(|(p, v)| venue_name(sent, p, v));
            if let Some(t) = mentions.iter().find(|m| m.is_when() && m.end <= pos) {
                if let Kind::Time { value, .. } = &t.kind {
                    claim.time = value.clone();
                    claim.time_text = Some(t.text.clone());
                }
            }
            claim.status = Status::Occurred;
            claim.unverified = false;
            claimed[i] = true;
            claims.push(claim);
        }
        claims
    }
}

/// A capitalised name of two or more words after a title, set off by
/// commas ("..., Kim Song, expressed").
fn person_name(after_title: &str) -> Option<String> {
    for part in after_title.split(',') {
        let part = part.trim();
        let words: Vec<&str> = part.split_whitespace().collect();
        if (2..=4).contains(&words.len())
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            return Some(part.to_string());
        }
    }
    None
}

/// The venue with its owner when the text names one ("U.N. General
/// Assembly").
fn venue_name(sent: &str, pos: usize, venue: &str) -> String {
    let before = sent[..pos].trim_end();
    let owner = before.rsplit(' ').next().unwrap_or("");
    if owner.chars().next().is_some_and(char::is_uppercase) && owner.len() <= 6 && owner != "the" {
        format!("{owner} {venue}")
    } else {
        venue.to_string()
    }
}
