//! Trade flows: goods bought, sold, shipped, imported or exported between
//! two economies.
//!
//! A sentence yields flows when it has a trade trigger (`[[trade_trigger]]`
//! in `data/cues.toml`) and commodities outside its reporting clause.
//! Commodities that follow each other in a list form a group; each group
//! gets its own exporter and importer, time, quantity and value:
//!
//! - the trigger's direction decides roles: for an import trigger the
//!   subject (an adjective or possessive on the trigger, else the nearest
//!   country before it) imports and "from X" or an origin adjective on the
//!   goods ("Russian wheat flour") exports; for an export trigger the
//!   subject exports and "to X" imports;
//! - goods after "in return for" (or "for" in an exchange or swap) travel
//!   the other way;
//! - time is the first resolved time after the group (before the next
//!   group), else the nearest before it, never a reporting time, a bound
//!   ("until next March") or a point of comparison; a following sentence
//!   that only says when the goods ship ("The wheat is for shipment May
//!   1-10") supplies a missing time and joins the evidence;
//! - groups that end up with the same roles, time and status are one claim.

use tw_model::{Claim, ClaimKind, Commodity, Money, Quantity, Status};

use super::{country_of, gap_words, Context, Frame};
use crate::cues::Direction;
use crate::mentions::{Kind, M};
use crate::text::Hit;

pub(crate) struct TradeFrame;

/// Words that may join the members of one commodity list.
const LIST_JOINERS: &[&str] = &[
    "and", "or", "other", "as", "well", "such", "including", "plus", "the", "of", "some", "its",
    "also", "both", "either", "various", "all", "like",
];

/// Prepositions after which a country is not the subject of a trigger.
const NOT_SUBJECT_AFTER: &[&str] = &[
    "from", "to", "into", "of", "for", "with", "by", "against", "than", "on", "in", "inside",
    "at", "throughout", "toward", "towards", "between", "among",
];

struct Group<'m> {
    items: Vec<&'m M>,
    start: usize,
    end: usize,
    reversed: bool,
}

impl TradeFrame {
    fn sentence(&self, ctx: &Context, i: usize) -> Vec<Claim> {
        let s = ctx.sentences[i];
        let sent = ctx.sentence_text(i);
        let attribution = &ctx.attributions[i];
        let mentions = ctx.content_mentions(i);
        let times: Vec<&M> = mentions.iter().copied().filter(|m| matches!(m.kind, Kind::Time { .. })).collect();
        let names: Vec<&M> = ctx
            .mentions
            .within(s.start, s.end)
            .filter(|m| matches!(m.kind, Kind::Organisation { .. }))
            .collect();
        let triggers: Vec<Hit> = ctx
            .cues
            .trade_triggers
            .find(sent)
            .into_iter()
            .map(|h| Hit { start: h.start + s.start, end: h.end + s.start, index: h.index })
            .filter(|h| !attribution.covers(h.start, h.end))
            .filter(|h| !times.iter().any(|t| h.start >= t.start && h.end <= t.end))
            .filter(|h| !names.iter().any(|n| h.start >= n.start && h.end <= n.end))
            .collect();
        let Some(trigger) = triggers.first().copied() else { return Vec::new() };
        if ctx.is_analysis(i, trigger.start) {
            return Vec::new();
        }
        let commodities = self.commodities(ctx, &mentions);
        if commodities.is_empty() {
            return Vec::new();
        }
        let groups = self.groups(ctx, i, &commodities);
        let direction = ctx.cues.direction(trigger.index);
        let countries: Vec<&M> = mentions.iter().copied().filter(|m| m.country().is_some()).collect();
        let subject = self.subject(ctx, i, &trigger, &countries, &mentions);
        let exchange = ctx.cues.reverse_markers.any(sent) || sent.to_ascii_lowercase().contains("exchange");

        let mut claims: Vec<Claim> = Vec::new();
        let mut used_quantities: Vec<usize> = Vec::new();
        // A group without an origin of its own continues the list before it
        // ("Russian wheat flour ..., as well as gasoline"), unless it travels
        // the other way.
        let mut previous_origin: Option<(bool, String)> = None;
        for (g, group) in groups.iter().enumerate() {
            let origin = self.origin(ctx, group, &countries, &triggers).or_else(|| {
                previous_origin.as_ref().filter(|(reversed, _)| *reversed == group.reversed).map(|(_, o)| o.clone())
            });
            if let Some(o) = &origin {
                previous_origin = Some((group.reversed, o.clone()));
            }
            let dir = if group.reversed { flip(direction) } else { direction };
            let (mut exporter, mut importer) = match dir {
                Direction::Import => {
                    let from = self.party(ctx, i, &ctx.cues.from_markers, trigger.start.min(group.start), &countries);
                    (from.or(origin.clone()), subject.clone())
                }
                Direction::Export => {
                    let to = self.party(ctx, i, &ctx.cues.to_markers, trigger.start.min(group.start), &countries);
                    (origin.clone().or(subject.clone()), to)
                }
            };
            if group.reversed || (exchange && g > 0) {
                // In an exchange the partner is the other group's origin.
                if let Some(other) = groups.iter().find(|o| o.start != group.start) {
                    let partner = self.origin(ctx, other, &countries, &triggers);
                    match dir {
                        Direction::Export => importer = importer.or(partner),
                        Direction::Import => exporter = exporter.or(partner),
                    }
                }
            }
            if exporter.is_none() && dir == Direction::Export {
                exporter = self.programme_country(ctx, i, &mentions);
            }
            if importer.is_none() && dir == Direction::Import {
                importer = countries
                    .iter()
                    .filter(|m| m.country() != exporter.as_deref())
                    .min_by_key(|m| m.start.abs_diff(trigger.start))
                    .and_then(|m| country_of(m));
            }
            if exporter.is_some() && exporter == importer {
                match dir {
                    Direction::Import => exporter = None,
                    Direction::Export => importer = None,
                }
            }
            if exporter.is_none() && importer.is_none() {
                continue;
            }
            let next_start = groups.get(g + 1).map_or(s.end, |n| n.start);
            let time = ctx
                .time_after(i, group.end, next_start)
                .or_else(|| self.time_before(ctx, i, group.start))
                .or_else(|| if g + 1 == groups.len() { None } else { ctx.time_after(i, group.end, s.end) });
            let mut claim = ctx.claim(ClaimKind::TradeFlow, i, trigger.start);
            claim.exporter = exporter;
            claim.importer = importer;
            for m in &group.items {
                let hs = match &m.kind {
                    Kind::Commodity { hs, .. } => hs.clone(),
                    _ => None,
                };
                let commodity = Commodity { text: m.text.clone(), hs };
                if !claim.commodities.contains(&commodity) {
                    claim.commodities.push(commodity);
                }
            }
            if let Some(t) = time {
                if let Kind::Time { value, .. } = &t.kind {
                    claim.time = value.clone();
                    claim.time_text = Some(t.text.clone());
                }
            }
            claim.status = self.status(ctx, i, &trigger, group, claim.time.as_deref());
            if let Some((k, q)) = self.quantity(ctx, group, &mentions, &used_quantities, groups.len()) {
                used_quantities.push(k);
                claim.quantity = Some(q);
            }
            claim.value = self.value(ctx, group, &mentions, groups.len());
            claims.push(claim);
        }
        merge_same(claims)
    }

    /// Commodity mentions, dropping a generic word that only introduces a
    /// list of specific goods ("energy products such as gasoline").
    fn commodities<'m>(&self, ctx: &Context, mentions: &[&'m M]) -> Vec<&'m M> {
        let all: Vec<&M> = mentions.iter().copied().filter(|m| matches!(m.kind, Kind::Commodity { .. })).collect();
        all.iter()
            .enumerate()
            .filter(|&(k, m)| {
                let generic = matches!(m.kind, Kind::Commodity { generic: true, .. });
                if !generic {
                    return true;
                }
                let Some(next) = all.get(k + 1) else { return true };
                let gap = gap_words(ctx.text, m.end, next.start);
                !(gap == ["such", "as"] || gap == ["including"] || gap == ["like"] || gap == ["notably"])
            })
            .map(|(_, m)| *m)
            .collect()
    }

    fn groups<'m>(&self, ctx: &Context, i: usize, commodities: &[&'m M]) -> Vec<Group<'m>> {
        let sent_start = ctx.sentences[i].start;
        let lower = ctx.text.to_ascii_lowercase();
        let mut reverse_at: Option<usize> = None;
        for h in ctx.cues.reverse_markers.find(&lower[sent_start..ctx.sentences[i].end]) {
            let phrase = ctx.cues.reverse_markers.phrase(h.index);
            let pos = sent_start + h.start;
            // A bare "for" reverses only inside an exchange or swap.
            if phrase == "for" {
                let before = &lower[sent_start..pos];
                if !(before.contains("exchange") || before.contains("swap") || before.contains("barter")) {
                    continue;
                }
                // And only right after goods.
                if !commodities.iter().any(|c| c.end <= pos && gap_words(ctx.text, c.end, pos).is_empty()) {
                    continue;
                }
            }
            reverse_at = Some(pos);
            break;
        }
        let mut groups: Vec<Group> = Vec::new();
        for &c in commodities {
            let reversed = reverse_at.is_some_and(|r| c.start > r);
            if let Some(last) = groups.last_mut() {
                let gap = gap_words(ctx.text, last.end, c.start);
                let joined = gap.iter().all(|w| LIST_JOINERS.contains(&w.as_str()));
                if joined && last.reversed == reversed {
                    last.items.push(c);
                    last.end = c.end;
                    continue;
                }
            }
            groups.push(Group { items: vec![c], start: c.start, end: c.end, reversed });
        }
        groups
    }

    /// An origin country named on the goods: "Russian wheat flour",
    /// "U.S. wheat", unless the adjective belongs to a trade noun right
    /// after the goods ("Dutch soymeal imports").
    fn origin(&self, ctx: &Context, group: &Group, countries: &[&M], triggers: &[Hit]) -> Option<String> {
        let first = group.items[0];
        let followed_by_trigger = triggers.iter().any(|t| t.start >= group.end && gap_words(ctx.text, group.end, t.start).is_empty());
        if followed_by_trigger {
            return None;
        }
        for item in &group.items {
            let adjective = countries.iter().rev().find(|m| {
                m.end <= item.start && {
                    let gap = gap_words(ctx.text, m.end, item.start);
                    let raw = &ctx.text[m.end..item.start];
                    gap.len() <= 3
                        && !raw.contains(',')
                        && !gap.iter().any(|w| NOT_SUBJECT_AFTER.contains(&w.as_str()) || w == "and" || w == "said")
                }
            });
            if let Some(m) = adjective {
                return country_of(m);
            }
            if item.start != first.start {
                break;
            }
        }
        None
    }

    /// The trigger's subject: an adjective or possessive on the trigger,
    /// else the nearest country or government body before it that no
    /// preposition governs.
    fn subject(&self, ctx: &Context, i: usize, trigger: &Hit, countries: &[&M], mentions: &[&M]) -> Option<String> {
        let s = ctx.sentences[i];
        // Adjective or possessive on a trade noun, possibly across the goods.
        if let Some(m) = countries.iter().rev().find(|m| m.end <= trigger.start) {
            let gap = gap_words(ctx.text, m.end, trigger.start);
            let raw = &ctx.text[m.end..trigger.start];
            let goods_only = gap.len() <= 3
                && !raw.contains(',')
                && !gap.iter().any(|w| NOT_SUBJECT_AFTER.contains(&w.as_str()) || w == "and");
            if goods_only && !preceded_by_preposition(ctx, s.start, m.start) {
                return country_of(m);
            }
        }
        let candidates = mentions.iter().filter(|m| {
            m.end <= trigger.start
                && match &m.kind {
                    Kind::Country { .. } => true,
                    Kind::Organisation { code: Some(_), org_type, .. } => {
                        !matches!(org_type, Some(tw_gazetteer::OrgType::Outlet))
                    }
                    _ => false,
                }
        });
        candidates
            .filter(|m| !preceded_by_preposition(ctx, s.start, m.start))
            .last()
            .and_then(|m| country_of(m))
    }

    /// The country after one of `markers` ("to Algeria", "from the U.S.").
    fn party(&self, ctx: &Context, i: usize, markers: &crate::text::PhraseSet, from: usize, countries: &[&M]) -> Option<String> {
        let s = ctx.sentences[i];
        let lower = &ctx.text[from..s.end];
        for h in markers.find(lower) {
            let pos = from + h.end;
            if let Some(m) = countries.iter().find(|m| m.start >= pos) {
                let gap = gap_words(ctx.text, pos, m.start);
                if gap.len() <= 2 && gap.iter().all(|w| matches!(w.as_str(), "the" | "north" | "south" | "countries" | "gulf")) {
                    return country_of(m);
                }
            }
        }
        None
    }

    /// For export programmes reported by a government body ("the U.S.
    /// Agriculture Department said"), the body's country exports.
    fn programme_country(&self, ctx: &Context, i: usize, mentions: &[&M]) -> Option<String> {
        let s = ctx.sentences[i];
        let in_sentence = mentions.iter().find_map(|m| match &m.kind {
            Kind::Organisation { code: Some(c), org_type: Some(tw_gazetteer::OrgType::Government), .. } => Some(c.clone()),
            _ => None,
        });
        in_sentence.or_else(|| {
            ctx.mentions.within(s.start, s.end).find_map(|m| match &m.kind {
                Kind::Organisation { code: Some(c), org_type: Some(tw_gazetteer::OrgType::Government), .. } => Some(c.clone()),
                _ => None,
            })
        })
    }

    fn time_before<'c>(&self, ctx: &'c Context, i: usize, before: usize) -> Option<&'c M> {
        let s = ctx.sentences[i];
        ctx.content_mentions(i)
            .into_iter()
            .filter(|m| m.end <= before && m.start >= s.start && m.is_when() && !ctx.after_comparison(m.start))
            .filter(|m| !after_reporting_verb(ctx, m.start))
            .last()
    }

    fn status(&self, ctx: &Context, i: usize, trigger: &Hit, group: &Group, time: Option<&str>) -> Status {
        let s = ctx.sentences[i];
        let attribution = &ctx.attributions[i];
        let first = trigger.start.min(group.start);
        // The clause: from the last comma before the trigger (outside the
        // reporting clause) to a few words past the goods.
        let clause_start = ctx.text[s.start..first]
            .rfind([',', ';'])
            .map(|c| s.start + c + 1)
            .filter(|&c| !attribution.covers(c, c))
            .unwrap_or(s.start);
        let clause_start = match attribution.clause {
            Some((a, b)) if a <= clause_start && b > clause_start => b,
            _ => clause_start,
        };
        let tail_end = ctx.text[group.end.max(trigger.end)..s.end]
            .char_indices()
            .filter(|&(_, c)| c.is_whitespace())
            .nth(6)
            .map_or(s.end, |(b, _)| group.end.max(trigger.end) + b);
        let clause = &ctx.text[clause_start.min(first)..tail_end];
        let cues = ctx.cues;
        // Negation only close to the act: "did not import", "suspension of shipments".
        let near = &ctx.text[clause_start.min(first)..group.end.max(trigger.end)];
        if cues.negated.any(near) {
            return Status::Negated;
        }
        if cues.possible.any(clause) {
            let only_estimate = cues.possible.find(clause).iter().all(|h| cues.estimate.is_exactly(cues.possible.phrase(h.index)));
            if !(only_estimate && time.is_some_and(|t| ended_before_anchor(t, ctx))) {
                return Status::Possible;
            }
        }
        if cues.planned.any(clause) {
            return Status::Planned;
        }
        if cues.ongoing.any(clause) {
            return Status::Ongoing;
        }
        Status::Occurred
    }

    fn quantity(&self, ctx: &Context, group: &Group, mentions: &[&M], used: &[usize], groups: usize) -> Option<(usize, Quantity)> {
        let candidates: Vec<(usize, &M)> = mentions
            .iter()
            .enumerate()
            .filter(|(k, m)| matches!(m.kind, Kind::Quantity { .. }) && !used.contains(k) && !ctx.after_comparison(m.start + 1))
            .filter(|(_, m)| !preceded_by_comparison_word(ctx, m.start))
            .map(|(k, m)| (k, *m))
            .collect();
        // "36,000 tonnes of durum wheat": right before the goods.
        let before = candidates.iter().rev().find(|(_, m)| m.end <= group.start && gap_words(ctx.text, m.end, group.start).len() <= 3);
        let chosen = before.or_else(|| if groups == 1 { candidates.first() } else { None })?;
        match &chosen.1.kind {
            Kind::Quantity { value, unit } => Some((chosen.0, Quantity { value: *value, unit: unit.clone() })),
            _ => None,
        }
    }

    fn value(&self, ctx: &Context, group: &Group, mentions: &[&M], groups: usize) -> Option<Money> {
        let candidates: Vec<&M> = mentions
            .iter()
            .copied()
            .filter(|m| matches!(&m.kind, Kind::Money { per_unit: None, .. }))
            .filter(|m| !preceded_by_comparison_word(ctx, m.start))
            .collect();
        let near = candidates.iter().find(|m| {
            let (a, b) = if m.end <= group.start { (m.end, group.start) } else { (group.end, m.start) };
            gap_words(ctx.text, a, b).len() <= 4
        });
        let chosen = near.or_else(|| if groups == 1 && candidates.len() == 1 { candidates.first() } else { None })?;
        match &chosen.kind {
            Kind::Money { amount, currency, .. } => Some(Money { amount: *amount, currency: currency.clone() }),
            _ => None,
        }
    }
}

impl Frame for TradeFrame {
    fn run(&self, ctx: &Context, claimed: &mut [bool]) -> Vec<Claim> {
        let mut claims: Vec<Claim> = Vec::new();
        for i in 0..ctx.sentences.len() {
            let found = self.sentence(ctx, i);
            if !found.is_empty() {
                claimed[i] = true;
                claims.extend(found);
            } else if let Some(note) = shipment_note(ctx, i) {
                // "The wheat is for shipment May 1-10, 1987." completes the
                // flows of the sentence before it.
                if let (Some(Kind::Time { value: Some(v), .. }), true) = (note.as_ref().map(|m| &m.kind), i > 0) {
                    let previous_start = ctx.chars.char_offset(ctx.sentences[i - 1].start);
                    let mut touched = false;
                    for c in claims.iter_mut().filter(|c| c.evidence.first().is_some_and(|e| e.start == previous_start)) {
                        if c.time.is_none() {
                            c.time = Some(v.clone());
                            c.time_text = note.map(|m| m.text.clone());
                            let s = ctx.sentences[i];
                            c.evidence.push(ctx.evidence(s.start, s.end));
                            touched = true;
                        }
                    }
                    if touched {
                        claimed[i] = true;
                    }
                }
            }
        }
        claims
    }
}

/// A sentence that only says when goods ship or are delivered, with the
/// time it gives.
fn shipment_note<'c>(ctx: &'c Context, i: usize) -> Option<Option<&'c M>> {
    let sent = ctx.sentence_text(i).to_ascii_lowercase();
    if !(sent.contains("shipment") || sent.contains("delivery")) {
        return None;
    }
    let mentions = ctx.content_mentions(i);
    if mentions.iter().any(|m| m.country().is_some()) {
        return None;
    }
    let time = mentions.into_iter().find(|m| m.is_when())?;
    Some(Some(time))
}

fn flip(d: Direction) -> Direction {
    match d {
        Direction::Import => Direction::Export,
        Direction::Export => Direction::Import,
    }
}

pub(crate) fn preceded_by_preposition(ctx: &Context, sentence_start: usize, pos: usize) -> bool {
    let before = gap_words(ctx.text, sentence_start, pos);
    let last = before.iter().rev().find(|w| w.as_str() != "the");
    last.is_some_and(|w| NOT_SUBJECT_AFTER.contains(&w.as_str()))
}

fn preceded_by_comparison_word(ctx: &Context, pos: usize) -> bool {
    let start = ctx.text[..pos].char_indices().rev().filter(|&(_, c)| c.is_whitespace()).nth(2).map_or(0, |(b, _)| b);
    let words = gap_words(ctx.text, start, pos);
    words.iter().any(|w| matches!(w.as_str(), "from" | "vs" | "versus" | "against" | "than" | "with" | "prev" | "previous"))
        && !words.iter().any(|w| matches!(w.as_str(), "of"))
}

fn after_reporting_verb(ctx: &Context, pos: usize) -> bool {
    let start = ctx.text[..pos].char_indices().rev().filter(|&(_, c)| c.is_whitespace()).nth(3).map_or(0, |(b, _)| b);
    ctx.cues.reporting_verbs.any(&ctx.text[start..pos])
}

/// True when the ISO time `t` ended before the document's anchor.
fn ended_before_anchor(t: &str, ctx: &Context) -> bool {
    let Some(anchor) = ctx.doc.anchor() else { return false };
    let end = t.rsplit('/').next().unwrap_or(t);
    // Compare at the shorter precision; a year-only interval end "1986"
    // ends before "1987-03-26".
    let a = anchor.date_part();
    let n = end.len().min(a.len());
    end[..n] < a[..n]
}

/// Claims from one sentence with the same roles, time and status become one.
fn merge_same(claims: Vec<Claim>) -> Vec<Claim> {
    let mut out: Vec<Claim> = Vec::new();
    for c in claims {
        if let Some(o) = out.iter_mut().find(|o| {
            o.exporter == c.exporter && o.importer == c.importer && o.time == c.time && o.status == c.status && (o.quantity.is_none() && c.quantity.is_none())
        }) {
            for commodity in c.commodities {
                if !o.commodities.contains(&commodity) {
                    o.commodities.push(commodity);
                }
            }
            continue;
        }
        out.push(c);
    }
    out
}
