//! Events: any other dated action by a state or body ("North Korea carried
//! out a first round of vaccinations ... earlier this month"). Only
//! sentences no other frame claimed, with an action verb, an actor and a
//! resolved time.

use tw_model::{Claim, ClaimKind, Status};

use super::{country_of, push_unique, Context, Frame};
use crate::mentions::Kind;

pub(crate) struct EventFrame;

impl Frame for EventFrame {
    fn run(&self, ctx: &Context, claimed: &mut [bool]) -> Vec<Claim> {
        let mut claims = Vec::new();
        for i in 0..ctx.sentences.len() {
            if claimed[i] {
                continue;
            }
            let s = ctx.sentences[i];
            let sent = ctx.sentence_text(i);
            let Some(verb) = ctx.cues.event.verbs.find(sent).into_iter().next() else {
                continue;
            };
            let pos = s.start + verb.start;
            if ctx.is_analysis(i, pos) {
                continue;
            }
            let mentions = ctx.content_mentions(i);
            let Some(actor) =
                mentions
                    .iter()
                    .filter(|m| m.end <= pos)
                    .find_map(|m| match &m.kind {
                        Kind::Country { .. } => country_of(m),
                        _ => None,
                    })
            else {
                continue;
            };
            let Some(time) = mentions.iter().find(|m| m.is_when() && m.start > pos) else {
                continue;
            };
            let mut claim = ctx.claim(ClaimKind::Event, i, pos);
            claim.actor = Some(actor);
            if let Kind::Time { value, .. } = &time.kind {
                claim.time = value.clone();
                claim.time_text = Some(time.text.clone());
            }
            for m in &mentions {
                if let Kind::Place { name, .. } = &m.kind {
                    push_unique(&mut claim.places, name.clone());
                }
            }
            claim.status = if ctx.cues.status.planned.any(sent) {
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
