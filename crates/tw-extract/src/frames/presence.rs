//! Presence: an organisation opens, plans, runs or closes an office,
//! mission or facility in a place. Sentences of one document about the same
//! actor's offices are one claim with several pieces of evidence.

use tw_model::{Claim, ClaimKind, Status};

use super::{country_of, push_unique, Context, Frame};
use crate::mentions::Kind;

pub(crate) struct PresenceFrame;

impl Frame for PresenceFrame {
    fn run(&self, ctx: &Context, claimed: &mut [bool]) -> Vec<Claim> {
        let mut claims: Vec<Claim> = Vec::new();
        let mut last_actor: Option<String> = None;
        for i in 0..ctx.sentences.len() {
            let s = ctx.sentences[i];
            let sent = ctx.sentence_text(i);
            let Some((noun, verb)) =
                super::noun_with_verb(sent, &ctx.cues.presence.nouns, &ctx.cues.presence.verbs)
            else {
                continue;
            };
            let pos = s.start + verb.start.min(noun.start);
            if ctx.is_analysis(i, pos) {
                continue;
            }
            let mentions = ctx.content_mentions(i);
            // Actor: the first country or organisation before the act.
            let actor = mentions
                .iter()
                .filter(|m| m.end <= s.start + verb.start.max(noun.start))
                .filter(|m| !super::trade::preceded_by_preposition(ctx, s.start, m.start))
                .find_map(|m| country_of(m))
                .or_else(|| last_actor.clone());
            let Some(actor) = actor else { continue };
            let mut places = Vec::new();
            for m in &mentions {
                match &m.kind {
                    Kind::Country { code, .. } if *code != actor => {
                        push_unique(&mut places, code.clone())
                    }
                    Kind::Place { name, .. } => push_unique(&mut places, name.clone()),
                    _ => {}
                }
            }
            let status = status(ctx, sent);
            claimed[i] = true;
            last_actor = Some(actor.clone());
            if let Some(existing) = claims
                .iter_mut()
                .find(|c| c.actor.as_deref() == Some(actor.as_str()))
            {
                existing.evidence.push(ctx.evidence(s.start, s.end));
                for p in places {
                    push_unique(&mut existing.places, p);
                }
                continue;
            }
            let mut claim = ctx.claim(ClaimKind::Presence, i, pos);
            claim.actor = Some(actor);
            claim.places = places;
            claim.status = status;
            claims.push(claim);
        }
        claims
    }
}

fn status(ctx: &Context, sent: &str) -> Status {
    let cues = ctx.cues;
    if cues.status.negated.any(sent) {
        Status::Negated
    } else if cues.status.planned.any(sent) || sent.contains("preparations") {
        Status::Planned
    } else if cues.status.possible.any(sent) {
        Status::Possible
    } else {
        Status::Occurred
    }
}
