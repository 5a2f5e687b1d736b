//! Personnel: people dispatched to, selected for, working in or expelled
//! from a country. Two shapes: a dispatch verb with people ("selecting
//! cadres ... to dispatch to the country"), and people of one nationality
//! placed in another country ("Vladivostok, home to many North Korean
//! laborers").

use tw_model::{Claim, ClaimKind, Status};

use super::{country_of, push_unique, Context, Frame};
use crate::mentions::{Kind, M};

pub(crate) struct PersonnelFrame;

impl Frame for PersonnelFrame {
    fn run(&self, ctx: &Context, claimed: &mut [bool]) -> Vec<Claim> {
        let mut claims = Vec::new();
        for i in 0..ctx.sentences.len() {
            let s = ctx.sentences[i];
            let sent = ctx.sentence_text(i);
            let mentions = ctx.content_mentions(i);
            if let Some(claim) =
                dispatch(ctx, i, sent, &mentions).or_else(|| abroad(ctx, i, sent, &mentions))
            {
                let _ = s;
                claimed[i] = true;
                claims.push(claim);
            }
        }
        claims
    }
}

fn dispatch(ctx: &Context, i: usize, sent: &str, mentions: &[&M]) -> Option<Claim> {
    let s = ctx.sentences[i];
    let verb = ctx.cues.personnel.verbs.find(sent).into_iter().next()?;
    if !ctx.cues.personnel.people.any(sent) {
        return None;
    }
    let pos = s.start + verb.start;
    if ctx.is_analysis(i, pos) {
        return None;
    }
    let actor = mentions
        .iter()
        .find(|m| m.end <= pos)
        .and_then(|m| country_of(m))?;
    // Destination: a country after "to", else any other country named.
    let destination = mentions
        .iter()
        .filter(|m| m.start > pos || m.end <= pos)
        .filter_map(|m| match &m.kind {
            Kind::Country { code, .. } if *code != actor => Some(code.clone()),
            _ => None,
        })
        .next()?;
    let mut claim = ctx.claim(ClaimKind::Personnel, i, pos);
    claim.actor = Some(actor);
    claim.destination = Some(destination);
    for m in mentions {
        match &m.kind {
            Kind::Place { name, .. } => push_unique(&mut claim.places, name.clone()),
            Kind::Organisation { name, .. } => push_unique(&mut claim.organisations, name.clone()),
            _ => {}
        }
    }
    claim.status = if ctx.cues.status.negated.any(sent) {
        Status::Negated
    } else if ctx.cues.status.planned.any(sent)
        || ctx.cues.status.ongoing.any(sent)
        || sent.contains("selecting")
    {
        Status::Planned
    } else {
        Status::Occurred
    };
    Some(claim)
}

fn abroad(ctx: &Context, i: usize, sent: &str, mentions: &[&M]) -> Option<Claim> {
    let s = ctx.sentences[i];
    let people = ctx
        .cues
        .personnel
        .abroad_people
        .find(sent)
        .into_iter()
        .next()?;
    let pos = s.start + people.start;
    // A nationality adjective right before the people noun.
    let nationality = mentions.iter().rev().find(|m| {
        m.end <= pos
            && matches!(
                &m.kind,
                Kind::Country {
                    form: tw_gazetteer::Form::Adjective,
                    ..
                }
            )
            && super::gap_words(ctx.text, m.end, pos).len() <= 1
    })?;
    let actor = country_of(nationality)?;
    // Placed in another country: a place or country other than their own.
    let (destination, places) = {
        let mut destination = None;
        let mut places = Vec::new();
        for m in mentions.iter().filter(|m| m.start != nationality.start) {
            match &m.kind {
                Kind::Place {
                    name,
                    code: Some(code),
                    ..
                } if *code != actor => {
                    destination.get_or_insert(code.clone());
                    push_unique(&mut places, name.clone());
                }
                Kind::Country { code, .. } if *code != actor => {
                    destination.get_or_insert(code.clone());
                }
                _ => {}
            }
        }
        (destination?, places)
    };
    let mut claim = ctx.claim(ClaimKind::Personnel, i, pos);
    claim.actor = Some(actor);
    claim.destination = Some(destination);
    claim.places = places;
    claim.status = Status::Ongoing;
    Some(claim)
}
