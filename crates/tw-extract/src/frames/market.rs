//! Markets: a price, supply or shortage observed in a market ("gas prices
//! in Pyongyang have plummeted").

use tw_model::{Claim, ClaimKind, Commodity, Status};

use super::{push_unique, Context, Frame};
use crate::mentions::Kind;

pub(crate) struct MarketFrame;

impl Frame for MarketFrame {
    fn run(&self, ctx: &Context, _claimed: &mut [bool]) -> Vec<Claim> {
        let mut claims = Vec::new();
        for i in 0..ctx.sentences.len() {
            let s = ctx.sentences[i];
            let sent = ctx.sentence_text(i);
            let Some(noun) = ctx.cues.market.nouns.find(sent).into_iter().next() else {
                continue;
            };
            let Some(verb) = ctx.cues.market.verbs.find(sent).into_iter().find(|v| {
                v.start > noun.end && super::gap_words(sent, noun.end, v.start).len() <= 8
            }) else {
                continue;
            };
            let pos = s.start + noun.start;
            if ctx.is_analysis(i, pos) {
                continue;
            }
            let mentions = ctx.content_mentions(i);
            // The goods right before the noun ("gas prices").
            let Some(goods) = mentions.iter().rev().find(|m| {
                matches!(m.kind, Kind::Commodity { .. })
                    && m.end <= pos
                    && super::gap_words(ctx.text, m.end, pos).len() <= 1
            }) else {
                continue;
            };
            let mut claim = ctx.claim(ClaimKind::Market, i, pos);
            // Evidence: up to the end of the clause that states it.
            let clause_end = crate::text::first_clause_mark(&sent[verb.end..], &[',', ';'])
                .map_or(s.end, |c| s.start + verb.end + c);
            claim.evidence[0] = ctx.evidence(s.start, clause_end);
            if let Kind::Commodity { hs, .. } = &goods.kind {
                claim.commodities.push(Commodity {
                    text: goods.text.clone(),
                    hs: hs.clone(),
                });
            }
            for m in mentions.iter().filter(|m| m.start < clause_end) {
                if let Kind::Place { name, .. } = &m.kind {
                    push_unique(&mut claim.places, name.clone());
                }
            }
            claim.status = Status::Occurred;
            claims.push(claim);
        }
        claims
    }
}
