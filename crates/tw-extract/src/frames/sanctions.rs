//! Sanctions actions: sanctions imposed, lifted, blocked, vetoed, violated
//! or enforced.

use tw_model::{Claim, ClaimKind, Status};

use super::{country_of, Context, Frame};
use crate::mentions::Kind;

pub(crate) struct SanctionsFrame;

impl Frame for SanctionsFrame {
    fn run(&self, ctx: &Context, claimed: &mut [bool]) -> Vec<Claim> {
        let mut claims = Vec::new();
        for i in 0..ctx.sentences.len() {
            let s = ctx.sentences[i];
            let sent = ctx.sentence_text(i);
            let Some((noun, verb)) =
                super::noun_with_verb(sent, &ctx.cues.sanctions.nouns, &ctx.cues.sanctions.verbs)
            else {
                continue;
            };
            let pos = s.start + verb.start.min(noun.start);
            if ctx.is_analysis(i, pos) {
                continue;
            }
            let mentions = ctx.content_mentions(i);
            let mut claim = ctx.claim(ClaimKind::SanctionsAction, i, pos);
            // Actor: an organisation or country before the verb; target:
            // the country after "on" or "against".
            claim.actor = mentions
                .iter()
                .filter(|m| m.end <= pos)
                .find_map(|m| match &m.kind {
                    Kind::Organisation { name, .. } => Some(name.clone()),
                    Kind::Country { code, .. } => Some(code.clone()),
                    _ => None,
                });
            claim.target = mentions
                .iter()
                .filter(|m| m.start >= s.start + noun.end)
                .find(|m| {
                    let before = super::gap_words(ctx.text, s.start + noun.end, m.start);
                    before
                        .last()
                        .is_some_and(|w| matches!(w.as_str(), "on" | "against"))
                })
                .and_then(|m| country_of(m));
            let clause = &sent[..noun.end.max(verb.end)];
            claim.status = if ctx.cues.status.negated.any(clause) {
                Status::Negated
            } else if ctx.cues.status.possible.any(sent)
                || sent.to_ascii_lowercase().contains("ward off")
            {
                Status::Possible
            } else if ctx.cues.status.planned.any(clause) {
                Status::Planned
            } else {
                Status::Occurred
            };
            claimed[i] = true;
            claims.push(claim);
        }
        claims
    }
}
