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
use crate::text::{first_clause_mark, has_clause_mark, last_clause_mark, on_word_boundaries, Hit};
use tw_gazetteer::Form;

pub(crate) struct TradeFrame;

/// Words that may join the members of one commodity list.
const LIST_JOINERS: &[&str] = &[
    "and",
    "or",
    "other",
    "as",
    "well",
    "such",
    "including",
    "plus",
    "the",
    "of",
    "some",
    "its",
    "also",
    "both",
    "either",
    "various",
    "all",
    "like",
    "including",
];

/// Prepositions after which a country is not the subject of a trigger.
const NOT_SUBJECT_AFTER: &[&str] = &[
    "from",
    "to",
    "into",
    "of",
    "for",
    "with",
    "against",
    "than",
    "on",
    "in",
    "inside",
    "at",
    "throughout",
    "toward",
    "towards",
    "between",
    "among",
    "behind",
    "unlike",
    "except",
    "besides",
    "via",
    "through",
    "despite",
    "over",
    "about",
];

struct Group<'m> {
    items: Vec<&'m M>,
    start: usize,
    end: usize,
    reversed: bool,
}

/// A later trade word of a sentence that governs the goods of its own
/// clause ("Canada exported steel ..., while importing iron ore").
struct OwnClause {
    trigger: Hit,
    direction: Direction,
    subject: Option<String>,
    /// Goods from this byte on are the clause's.
    from: usize,
    /// The trade word is in a relative clause: its subject is the
    /// antecedent, and no stand-in buyer takes its side.
    relative: bool,
}

impl TradeFrame {
    fn sentence(
        &self,
        ctx: &Context,
        i: usize,
        last_subject: &mut Option<String>,
        last_exporter: &mut Option<String>,
        continuing: Option<&Claim>,
    ) -> Vec<Claim> {
        let s = ctx.sentences[i];
        let sent = ctx.sentence_text(i);
        // Most sentences name no trade at all.
        if !ctx.cues.triggers.phrases.any(sent) {
            return Vec::new();
        }
        let attribution = &ctx.attributions[i];
        // "carried on Norwegian tankers": the flag of a ship is no party;
        // nor is a rival ("due to British competition"), nor a port goods
        // pass through ("through Zimbabwe to the Mozambican port of Beira").
        // (A port of origin, "from U.S. ports", stays the seller's.)
        let transit = std::cell::OnceCell::new();
        let to_port = |m: &M| {
            ctx.cues.port_nouns.is_exactly(next_word(ctx.text, m.end))
                && gap_words(ctx.text, ctx.words_before(m.start, 3), m.start)
                    .iter()
                    .any(|w| w == "to")
        };
        let mentions: Vec<&M> = ctx
            .content_mentions(i)
            .into_iter()
            .filter(|m| {
                // ("from London traders": a city's dealers.)
                if matches!(m.kind, Kind::Place { .. }) {
                    return !names_firm(ctx, m);
                }
                // ("on Norwegian-owned tankers": the noun after a
                // hyphenated tail.)
                let next = next_word(ctx.text, m.end);
                let next = match next.strip_prefix('-') {
                    Some(tail) if !tail.is_empty() => {
                        let after = next.as_ptr() as usize - ctx.text.as_ptr() as usize;
                        next_word(ctx.text, after + next.len())
                    }
                    _ => next,
                };
                m.country().is_none()
                    || !(compared(ctx, m)
                        || ctx.cues.carrier_nouns.is_exactly(next)
                        || ctx.cues.rival_nouns.is_exactly(next)
                        || ctx.cues.non_state_nouns.is_exactly(next)
                        || (to_port(m)
                            && *transit.get_or_init(|| ctx.cues.transit_markers.any(sent)))
                        || names_firm(ctx, m)
                        || ctx.cues.statistic_nouns.is_exactly(next)
                        || firms_market(ctx, m, next))
            })
            .collect();
        let times: Vec<&M> = mentions
            .iter()
            .copied()
            .filter(|m| matches!(m.kind, Kind::Time { .. }))
            .collect();
        let names: Vec<&M> = ctx
            .mentions
            .within(s.start, s.end)
            .filter(|m| matches!(m.kind, Kind::Organisation { .. }))
            .collect();
        let triggers: Vec<Hit> = ctx
            .cues
            .triggers
            .phrases
            .find(sent)
            .into_iter()
            .map(|h| Hit {
                start: h.start + s.start,
                end: h.end + s.start,
                index: h.index,
            })
            .filter(|h| !attribution.covers(h.start, h.end))
            .filter(|h| !times.iter().any(|t| h.start >= t.start && h.end <= t.end))
            .filter(|h| !names.iter().any(|n| h.start >= n.start && h.end <= n.end))
            .collect();
        // Talk about a flow ("a fee on domestic and imported oil, payable
        // on oil sold") is no flow, and governs the trade words of its
        // clause that follow.
        let talks: Vec<Talk> = triggers.iter().map(|h| Talk::of(ctx, h)).collect();
        let talk: Vec<bool> = talks.iter().map(Talk::any).collect();
        // "import surcharges or tariffs", "the total import bill": a measure
        // or an aggregate named by its trade word.
        let talk_of_measures = triggers.iter().zip(&talks).any(|(h, t)| {
            t.policy_noun
                || ctx
                    .cues
                    .measure_nouns
                    .is_exactly(next_word(ctx.text, h.end))
        });
        // Ends of the trade words that are talk of a measure ("taxes on
        // imported cars", "import quotas"; a policy verb before a trade
        // word, as in "reduce the guarantee coverage for sales of wheat",
        // leaves the goods to the flow).
        let talk_ends: Vec<usize> = triggers
            .iter()
            .zip(&talks)
            .filter(|(_, t)| t.measure)
            .map(|(h, _)| h.end)
            .collect();
        let flow_starts: Vec<usize> = triggers
            .iter()
            .zip(&talk)
            .filter(|&(_, &t)| !t)
            .map(|(h, _)| h.start)
            .collect();
        let policy: Vec<usize> = triggers
            .iter()
            .zip(&talk)
            // "world supplies of wheat" is a market, not talk of a flow.
            .filter(|(h, &talk)| {
                talk && !ctx.text[h.start..h.end]
                    .to_ascii_lowercase()
                    .starts_with("suppl")
            })
            .map(|(h, _)| h.start)
            .collect();
        // ("The EC awarded export licences at today's tender for white
        // sugar": the tender of an export-licence sentence is its act, not
        // a word the licence talk governs.)
        let export_tender = ctx.cues.export_tender_cues.any(sent);
        let triggers: Vec<Hit> = triggers
            .into_iter()
            .zip(talk)
            .filter(|(_, talk)| !talk)
            .map(|(h, _)| h)
            .filter(|h| {
                ctx.cues
                    .programme_triggers
                    .is_exactly(&ctx.text[h.start..h.end])
                    || (export_tender && is_tender(ctx, h))
                    || !policy.iter().any(|&p| {
                        p < h.start
                            && !has_clause_mark(&ctx.text[p..h.start], &[',', ';', ':'])
                            && gap_words(ctx.text, p, h.start).len() <= 5
                    })
            })
            .filter(|h| self.is_flow_trigger(ctx, h, &mentions))
            .collect();
        // An agent noun first ("a major copper importer") describes the
        // sentence's subject; without an amount it reports no flow at all.
        if triggers
            .first()
            .is_some_and(|t| ctx.cues.agent_nouns.is_exactly(&ctx.text[t.start..t.end]))
            && !mentions.iter().any(|m| {
                matches!(
                    m.kind,
                    Kind::Quantity { .. } | Kind::Money { per_unit: None, .. }
                )
            })
        {
            return Vec::new();
        }
        let triggers: Vec<Hit> = triggers
            .into_iter()
            // "Indonesia used to be a sugar exporter but last year it
            // imported 162,500 tonnes": an agent noun reports a flow only
            // with an amount in its own clause.
            .filter(|h| {
                !ctx.cues.agent_nouns.is_exactly(&ctx.text[h.start..h.end]) || {
                    // "Saudi Arabia, the world's largest oil exporter, was
                    // adhering to a 15.8 mln bpd ceiling": an agent noun in
                    // apposition needs the amount inside the apposition.
                    let (mut a, mut b) = clause_of(ctx, i, h.start);
                    if let (Some(open), Some(close)) = (
                        ctx.text[a..h.start].rfind(','),
                        ctx.text[h.end..b].find(','),
                    ) {
                        let lead = gap_words(ctx.text, a + open, h.start);
                        if lead
                            .first()
                            .is_some_and(|w| matches!(w.as_str(), "the" | "a" | "an"))
                        {
                            (a, b) = (a + open, h.end + close);
                        }
                    }
                    mentions.iter().any(|m| {
                        m.start >= a
                            && m.end <= b
                            && matches!(
                                m.kind,
                                Kind::Quantity { .. } | Kind::Money { per_unit: None, .. }
                            )
                    })
                }
            })
            .collect();
        // In a sentence about export rebates or licences the tender is the
        // act ("white sugar received export rebates at today's EC tender").
        let mut triggers = triggers;
        if export_tender {
            if let Some(tender) = triggers.iter().find(|t| is_tender(ctx, t)) {
                let from = tender.start;
                triggers.retain(|t| t.start >= from);
            }
        }
        let Some(trigger) = triggers.first().copied() else {
            return Vec::new();
        };
        // "Imports and exports may not balance due to cotton in transit":
        // both directions at once, with no country named, say neither.
        if let Some(next) = triggers.get(1) {
            let gap = gap_words(ctx.text, trigger.end, next.start);
            if matches!(gap.as_slice(), [w] if w == "and" || w == "or")
                && ctx.cues.direction(next.index) != ctx.cues.direction(trigger.index)
                && !mentions.iter().any(|m| m.country().is_some())
            {
                return Vec::new();
            }
        }
        // "if", "unless": a condition governs the trade word it precedes or
        // shares a clause with, and, past a clause mark, the sentence's only
        // trade word ("Egypt will buy wheat, if prices fall"); when later
        // clauses have trade words of their own, it is theirs ("the recent
        // Soviet purchases of U.S. corn ..., but if prices remain
        // competitive, the Soviets will buy more").
        let conditional = ctx.cues.hypothetical.any(sent)
            && ctx.cues.hypothetical.find(sent).iter().any(|h| {
                let at = s.start + h.start;
                at < trigger.start
                    || !has_clause_mark(&ctx.text[trigger.end..at], &[',', ';'])
                    || !triggers.iter().any(|t| t.start > trigger.start)
            });
        if ctx.is_analysis(i, trigger.start) || conditional {
            return Vec::new();
        }
        // "need to sell coffee": a need, whoever says it.
        let near_start = ctx.words_before(trigger.start, 4);
        if ctx.cues.analysis.any(&ctx.text[near_start..trigger.start]) {
            return Vec::new();
        }
        // Market reports ("Peanut oil remained offered at 24-1/2 cents a
        // lb") quote prices, not flows between economies, when no country
        // is named; domestic sales are no trade either.
        let names_country = mentions.iter().any(|m| m.country().is_some());
        let quotes_price = mentions.iter().any(|m| {
            matches!(
                &m.kind,
                Kind::Money {
                    per_unit: Some(_),
                    ..
                }
            )
        });
        if quotes_price && !names_country {
            return Vec::new();
        }
        // "Ecuadorean crude was now selling for 15 to 17 dlrs a barrel": a
        // price of goods named by their origin only, with no word of a
        // border crossed, is a quote too.
        // ("U.S. corn was reported to be selling on the world market for
        // around 71 dlrs per tonne": an abbreviation on the goods too.)
        let origin_only = mentions.iter().filter(|m| m.country().is_some()).all(|m| {
            matches!(
                &m.kind,
                Kind::Country {
                    form: Form::Adjective | Form::Abbreviation,
                    ..
                }
            ) && goods_right_after(ctx, m, &mentions).is_some()
        });
        if quotes_price
            && origin_only
            && !triggers.iter().any(|t| ctx.cues.crosses_border(t.index))
            && !ctx.cues.cross_border.any(sent)
        {
            return Vec::new();
        }
        let lower_sentence = sent.to_ascii_lowercase();
        let sales_only = triggers.iter().all(|t| {
            matches!(
                ctx.text[t.start..t.end].to_ascii_lowercase().as_str(),
                "sale" | "sales" | "sold" | "sell" | "sells" | "selling" | "registrations"
            )
        });
        if sales_only
            && (lower_sentence.contains("domestic") || lower_sentence.contains("home market"))
        {
            return Vec::new();
        }
        // "The Ghana Cocoa Board said it purchased 1,323 tonnes of cocoa",
        // "Maize deliveries to Zimbabwe's Grain Marketing Board": a
        // marketing board buying or taking deliveries from its own farmers,
        // with no other economy named, is domestic trade.
        let board = ctx
            .cues
            .domestic_bodies
            .find(sent)
            .iter()
            .any(|h| sent[h.start..].starts_with(char::is_uppercase));
        if board {
            let buying = triggers.iter().all(|t| {
                let w = &ctx.text[t.start..t.end];
                ctx.cues.market_buying_words.is_exactly(w) || ctx.cues.delivery_words.is_exactly(w)
            });
            let mut economies: Vec<&str> = mentions.iter().filter_map(|m| m.country()).collect();
            economies.sort_unstable();
            economies.dedup();
            if buying && economies.len() <= 1 {
                return Vec::new();
            }
        }
        let mut commodities = self.commodities(ctx, &mentions);
        // Goods a trade word that is talk of a measure governs ("taxes on
        // imported U.S. cars") are the talk's, not another trade word's.
        commodities.retain(|m| {
            !talk_ends.iter().any(|&end| {
                // ("export credit guarantees for wood products": a
                // programme between them takes the goods.)
                end <= m.start && !flow_starts.iter().any(|&f| end <= f && f < m.start) && {
                    let gap = gap_words(ctx.text, end, m.start);
                    gap.len() <= 3
                        && !has_clause_mark(&ctx.text[end..m.start], &[',', ';'])
                        && !gap.iter().any(|w| w == "and" || w == "or")
                }
            })
        });
        // A country right before goods that name a market, a measure or a
        // topic belongs to that phrase ("Malaysian crude palm oil futures
        // closed off the highs", "the Iran arms affair"), not to the flow.
        let mentions: Vec<&M> = mentions
            .iter()
            .copied()
            .filter(|m| {
                m.country().is_none()
                    || !goods_right_after(ctx, m, &mentions).is_some_and(|g| {
                        !commodities.iter().any(|c| std::ptr::eq(*c, g))
                            && heads_other_noun(ctx, g.end)
                    })
            })
            .collect();
        let countries: Vec<&M> = mentions
            .iter()
            .copied()
            .filter(|m| m.country().is_some())
            .collect();
        let has_amount = mentions.iter().any(|m| {
            matches!(
                m.kind,
                Kind::Quantity { .. } | Kind::Money { per_unit: None, .. }
            )
        });
        // An agent noun ("a major copper importer") describes, it does not
        // report a flow, unless an amount says what moved.
        if ctx
            .cues
            .agent_nouns
            .is_exactly(&ctx.text[trigger.start..trigger.end])
            && !has_amount
        {
            return Vec::new();
        }
        if commodities.is_empty() {
            // "Chinese imports this year are projected at 300,000 tonnes":
            // no goods, but the country the story's trade is about.
            if ctx.cues.crosses_border(trigger.index) {
                if let Some(subject) = self.subject(ctx, i, &trigger, &countries, &mentions) {
                    if ctx.cues.direction(trigger.index) == Direction::Export {
                        *last_exporter = Some(subject.clone());
                    }
                    *last_subject = Some(subject);
                }
            }
            // "Brazil supplied 1,263 tonnes in January": the goods of the
            // flow reported just before; so too when the same country
            // speaks of the same trade again ("Ecuador could resume
            // exports").
            let same_party = continuing.is_some_and(|p| {
                let subject = self.subject(ctx, i, &trigger, &countries, &mentions);
                subject.is_some()
                    && match ctx.cues.direction(trigger.index) {
                        Direction::Export => subject == p.exporter,
                        Direction::Import => subject == p.importer,
                    }
            });
            let previous_is_adjacent = continuing.is_some_and(|p| {
                i > 0
                    && p.evidence.first().map(|e| e.start)
                        == Some(ctx.chars.char_offset(ctx.sentences[i - 1].start))
            });
            // Totals of all trade ("Exports ... were 639 mln dlrs and
            // imports 628.3 mln", "non-oil exports") are not the flow of
            // the goods before.
            let border: Vec<&Hit> = triggers
                .iter()
                .filter(|t| ctx.cues.crosses_border(t.index))
                .collect();
            let both_ways = border
                .iter()
                .any(|t| ctx.cues.direction(t.index) != ctx.cues.direction(border[0].index));
            // ("Total exports expanded to 10.44 billion dlrs": all goods,
            // counted in money; "total imports ... to 1.09 mln tonnes" are
            // the goods before.)
            let in_money_only = !mentions
                .iter()
                .any(|m| matches!(m.kind, Kind::Quantity { .. }));
            let excluded = triggers.iter().any(|t| {
                let before = ctx.text[s.start..t.start].trim_end();
                let word = before
                    .rsplit(char::is_whitespace)
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                word.starts_with("non-")
                    || in_money_only && matches!(word.as_str(), "total" | "overall")
            });
            // "Last year, it exported an average of 173,500 bpd": an amount
            // in a unit only one family of goods is measured in moves the
            // goods of that family the story named just before.
            // Only a verb reports the movement ("was exporting about",
            // not "Gulf exports rallied to" or "a crude exporter").
            if continuing.is_none()
                && !both_ways
                && !excluded
                && ctx.cues.crosses_border(trigger.index)
                && verb_then_amount(ctx, &trigger, &mentions)
            {
                if let Some(goods) = goods_of_unit(ctx, i, &mentions) {
                    let mut previous = ctx.claim(ClaimKind::TradeFlow, i, trigger.start);
                    previous.commodities = vec![goods];
                    return self.continuation(ctx, i, &trigger, &previous, &mentions, last_subject);
                }
            }
            // A sentence of measures ("combinations of import surcharges
            // or tariffs") goes on with the talk, not with the flow; nor
            // does one naming goods of its own the lexicon does not know
            // ("sales of protein concentrates").
            // ("Maize production is targetted to rise ..., and exports by
            // 34,000 tonnes": goods of its own, though not moving.)
            let other_goods = continuing.is_some_and(|p| {
                mentions.iter().any(|m| match &m.kind {
                    Kind::Commodity { hs: Some(hs), .. } => !p.commodities.iter().any(|c| {
                        c.hs.as_ref().is_some_and(|h| {
                            h.starts_with(hs.as_str()) || hs.starts_with(h.as_str())
                        })
                    }),
                    _ => false,
                })
            });
            let own_goods = other_goods
                || triggers
                    .iter()
                    .any(|t| names_unknown_goods(ctx, t, &mentions));
            return match continuing {
                Some(previous)
                    if !both_ways
                        && !excluded
                        && !talk_of_measures
                        && !own_goods
                        && (has_amount || (same_party && previous_is_adjacent)) =>
                {
                    match triggers.iter().find(|t| {
                        ctx.cues
                            .continues_flow
                            .is_exactly(&ctx.text[t.start..t.end])
                    }) {
                        Some(t) => self.continuation(ctx, i, t, previous, &mentions, last_subject),
                        None => Vec::new(),
                    }
                }
                _ => Vec::new(),
            };
        }
        let mut groups = self.groups(ctx, i, &commodities);
        // "Ecuador had enough oil ... and would have to import crude": goods
        // named before a verb trigger, in another clause, are not what it
        // moves when goods follow it.
        // (So too when goods right before a trade noun are its own: "shifts
        // to livestock and other crops which could benefit U.S. wheat
        // exports".)
        let own_goods_after = groups.iter().any(|g| g.start >= trigger.end && !g.reversed);
        let own_goods_before = groups.iter().any(|g| {
            g.end <= trigger.start && gap_words(ctx.text, g.end, trigger.start).is_empty()
        });
        if own_goods_after || own_goods_before {
            groups.retain(|g| {
                g.start >= trigger.end || {
                    let gap = gap_words(ctx.text, g.end, trigger.start);
                    !gap.iter().any(|w| {
                        matches!(
                            w.as_str(),
                            "to" | "had"
                                | "has"
                                | "have"
                                | "would"
                                | "will"
                                | "and"
                                | "but"
                                | "while"
                                | "which"
                                | "could"
                                | "may"
                        )
                    })
                }
            });
        }
        let direction = match ctx.cues.direction(trigger.index) {
            // "Egypt received offers of wheat": whoever receives, seeks or
            // rejects offers is the buyer.
            Direction::Export
                if ctx.text[trigger.start..trigger.end]
                    .to_ascii_lowercase()
                    .starts_with("offer")
                    && ctx
                        .cues
                        .buyer_verbs
                        .any(&ctx.text[ctx.words_before(trigger.start, 3)..trigger.start]) =>
            {
                Direction::Import
            }
            Direction::Export
                if ctx.text[trigger.start..trigger.end].eq_ignore_ascii_case("offered")
                    && passive_recipient(ctx, &trigger, &mentions) =>
            {
                Direction::Import
            }
            // "white sugar received export rebates at today's EC tender": a
            // tender for export licences sells.
            Direction::Import if export_tender && is_tender(ctx, &trigger) => Direction::Export,
            // "Main destinations for refrigerated beef were ...": a sentence
            // opening on the places goods go to is about the story's seller.
            Direction::Import
                if ctx
                    .cues
                    .destination_words
                    .is_exactly(&ctx.text[trigger.start..trigger.end])
                    && gap_words(ctx.text, s.start, trigger.start).len() <= 2 =>
            {
                Direction::Export
            }
            // "Saudi Arabia is Brazil's second biggest oil supplier": the
            // country whose supplier or customer it is stands on the other
            // side.
            // "the Saudi government had approached six European countries
            // to supply submarines": the one asking is on the other side.
            d if asks_another_to_trade(ctx, s.start, &trigger) => flip(d),
            d if ctx
                .cues
                .relational_agents
                .is_exactly(&ctx.text[trigger.start..trigger.end])
                && possessive_on(ctx, &trigger, &mentions) =>
            {
                flip(d)
            }
            d => d,
        };
        // "Finland exports finished products to the USSR, with crude oil
        // accounting for 80 pct of imports": goods that make up a share of
        // trade the other way travel the other way.
        for g in groups.iter_mut() {
            if share_of(ctx, g.end).is_some_and(|d| d != direction) {
                g.reversed = !g.reversed;
            }
        }
        // After "to" and "from" a place stands for its country ("to the
        // Canary Islands", "from Vladivostok").
        let parties: Vec<&M> = mentions
            .iter()
            .copied()
            .filter(|m| {
                m.country().is_some()
                    || matches!(
                        &m.kind,
                        Kind::Place { code: Some(_), .. } | Kind::Region { code: Some(_), .. }
                    )
            })
            .collect();
        let subject = self.subject(ctx, i, &trigger, &countries, &mentions);
        // "It also exports copra", "domestic makers will boost imports": the
        // subject is the country the story is about.
        // "Imports of soybean oil are estimated at 200,000 tonnes": a trade
        // word opening a sentence that names no country continues the
        // country of the story's last trade sentence.
        // ("Oil imports peaked in 1977 at 47 pct": goods before the trade
        // word open the sentence the same way.)
        let opens_with_trigger = only_goods_before(ctx, s.start, &trigger, &mentions)
            && ctx.cues.crosses_border(trigger.index)
            && countries.is_empty();
        let topic = if refers_back(sent) || pronoun_subject(ctx, s.start, &trigger) {
            last_subject.clone().or_else(|| ctx.home.clone())
        } else if opens_with_trigger {
            // The story's last seller for exports, its last trader for
            // imports ("Main EC destinations were Italy ..." names no
            // seller).
            match direction {
                Direction::Export => last_exporter.clone(),
                Direction::Import => last_subject.clone(),
            }
            .or_else(|| ctx.home.clone())
        } else {
            None
        };
        // The last exporter named in the story stands in for a missing one
        // (a buyer named before is no seller now).
        let previous_subject = last_exporter.clone();
        if subject.is_some() {
            last_subject.clone_from(&subject);
            if direction == Direction::Export {
                last_exporter.clone_from(&subject);
            }
        }
        // A company speaks or acts: markers such as "Inc" or "acquired", or
        // a company named in the sentence or its reporting clause.
        // ("Pakistan rejected offers at its tender for palm oil": a marker
        // that is itself a trade word of the sentence is the trade's, not
        // a takeover's.)
        let company_news = (ctx.cues.company_markers.any(sent)
            && ctx
                .cues
                .company_markers
                .find(sent)
                .iter()
                .any(|h| !triggers.iter().any(|t| t.start == s.start + h.start)))
            || has_ticker(sent)
            || ctx.mentions.within(s.start, s.end).any(|m| {
                matches!(
                    &m.kind,
                    Kind::Organisation {
                        org_type: Some(tw_gazetteer::OrgType::Company),
                        ..
                    }
                )
            })
            || triggers.iter().any(|t| named_seller(ctx, s.start, t));
        // A bare "for" ("for spot shipment") makes no exchange by itself.
        let lower = sent.to_ascii_lowercase();
        let exchange = ctx
            .cues
            .reverse_markers
            .find(sent)
            .iter()
            .any(|h| ctx.cues.reverse_markers.phrase(h.index) != "for")
            || ["exchange", "swap", "barter"]
                .iter()
                .any(|w| lower.contains(w));

        // "Canada exported steel worth two billion dlrs, while importing
        // iron ore": a verb of the other direction in a later clause governs
        // the goods after it, with its own subject.
        let second = triggers
            .iter()
            .skip(1)
            .find(|t| {
                let word = ctx.text[t.start..t.end].to_ascii_lowercase();
                let gap = gap_words(ctx.text, trigger.end, t.start);
                // ("but it imports wheat": a pronoun subject of its own.)
                let coordinator = |w: &String| matches!(w.as_str(), "and" | "but" | "while" | "to");
                let coordinated = match gap.as_slice() {
                    [.., w] if coordinator(w) => true,
                    [.., w, p] => {
                        coordinator(w) && matches!(p.as_str(), "it" | "they" | "we" | "she" | "he")
                    }
                    _ => false,
                };
                ctx.cues.direction(t.index) != direction
                    && (word.ends_with("ing") || word.ends_with("ed") || coordinated)
                    && (has_clause_mark(&ctx.text[trigger.end..t.start], &[',', ';'])
                        || gap
                            .iter()
                            .any(|w| matches!(w.as_str(), "while" | "but" | "whereas" | "and")))
                    // Each verb has goods of its own.
                    && groups.iter().any(|g| g.start >= trigger.end && g.end <= t.start)
                    && groups.iter().any(|g| g.start >= t.end && !g.reversed)
            })
            .map(|t| {
                let dir = ctx.cues.direction(t.index);
                // ("North Africa and the Middle East, areas which have
                // traditionally purchased their corn needs from the United
                // States": a relative clause's subject is its antecedent, not
                // a country named before it.)
                let relative = gap_words(ctx.text, ctx.words_before(t.start, 4), t.start)
                    .iter()
                    .any(|w| matches!(w.as_str(), "which" | "who" | "that"));
                let own = if relative {
                    None
                } else {
                    self.subject(ctx, i, t, &countries, &mentions)
                        .or_else(|| subject.clone())
                };
                OwnClause {
                    trigger: *t,
                    direction: dir,
                    subject: own,
                    from: t.end,
                    relative,
                }
            })
            // "Requests for barley were for export to Switzerland ..., while
            // requests for soft wheat flour were for export to various
            // non-EC countries": a trade word of the same direction after
            // "while" or "whereas" governs the goods of its own clause.
            .or_else(|| {
                triggers.iter().skip(1).find_map(|t| {
                    if ctx.cues.direction(t.index) != direction {
                        return None;
                    }
                    let gap_start = trigger.end;
                    let lower = ctx.text[gap_start..t.start].to_ascii_lowercase();
                    let k = ["while ", "whereas "]
                        .iter()
                        .filter_map(|w| lower.find(w))
                        .min()?;
                    let boundary = gap_start + k;
                    let own_goods = groups.iter().any(|g| g.start >= boundary && !g.reversed);
                    let first_goods = groups.iter().any(|g| g.end <= boundary);
                    (own_goods && first_goods).then(|| OwnClause {
                        trigger: *t,
                        direction,
                        subject: self
                            .subject(ctx, i, t, &countries, &mentions)
                            .or_else(|| subject.clone()),
                        from: boundary,
                        relative: false,
                    })
                })
            });
        let mut claims: Vec<Claim> = Vec::new();
        let mut used_quantities: Vec<usize> = Vec::new();
        // A group without an origin of its own continues the list before it
        // ("Russian wheat flour ..., as well as gasoline"), unless it travels
        // the other way.
        let mut previous_origin: Option<(bool, String)> = None;
        for (g, group) in groups.iter().enumerate() {
            // "credit guarantees previously earmarked for sales of wheat
            // have been switched to cover sales of poultry feed": the goods
            // the money is taken from do not move, up to the words that say
            // where it goes ("... and 7.0 mln dlrs for breeder livestock to
            // increase coverage on sales of protein concentrates").
            let lead = &ctx.text[s.start..group.start];
            if ctx
                .cues
                .withdrawn_markers
                .find(lead)
                .last()
                .is_some_and(|h| {
                    let rest = &lead[h.end..];
                    !has_clause_mark(rest, &[',', ';']) && !ctx.cues.redirect_markers.any(rest)
                })
            {
                continue;
            }
            // ("Polish rapeseed and large scale butter imports": goods with a
            // trade noun of their own do not continue the list's origin.)
            let own_trade_noun = triggers.iter().any(|t| {
                t.start != trigger.start
                    && t.start >= group.end
                    && gap_words(ctx.text, group.end, t.start).is_empty()
            });
            let origin = self.origin(ctx, group, &countries, &triggers).or_else(|| {
                previous_origin
                    .as_ref()
                    .filter(|(reversed, _)| *reversed == group.reversed && !own_trade_noun)
                    .map(|(_, o)| o.clone())
            });
            if let Some(o) = &origin {
                previous_origin = Some((group.reversed, o.clone()));
            }
            // (A relative clause's subject is its antecedent: no stand-in
            // takes its side.)
            let (direction, subject, trigger, relative_subject) = match &second {
                Some(own) if group.start >= own.from && !group.reversed => (
                    own.direction,
                    own.subject.clone(),
                    own.trigger,
                    own.relative,
                ),
                _ => (direction, subject.clone(), trigger, false),
            };
            let dir = if group.reversed || bought_from_subject(ctx, &trigger, group) {
                flip(direction)
            } else {
                direction
            };
            let start = trigger.start.min(group.start);
            // "sales of 200,000 tonnes of wheat to Jordan, 300,000 tonnes of
            // soybean meal to Iraq": an item of a list followed by a party
            // of its own goes there, not to the first item's party.
            let own_party = |markers: &crate::text::PhraseSet| -> Vec<String> {
                if groups.len() < 2 {
                    return Vec::new();
                }
                let next_start = groups.get(g + 1).map_or(s.end, |n| n.start);
                let follows = markers
                    .find(&ctx.text[group.end..next_start].to_ascii_lowercase())
                    .first()
                    .is_some_and(|h| {
                        gap_words(ctx.text, group.end, group.end + h.start).is_empty()
                    });
                if !follows {
                    return Vec::new();
                }
                let within: Vec<&M> = parties
                    .iter()
                    .copied()
                    .filter(|m| m.start < next_start)
                    .collect();
                self.parties(ctx, i, markers, group.end, &within)
            };
            let mut named: Vec<String> = Vec::new();
            // The subject is one of the sellers named after "from": no
            // stand-in buyer takes its place.
            let mut seller_subject = false;
            let mut extra_exporters: Vec<String> = Vec::new();
            let (mut exporter, mut importers): (Option<String>, Vec<String>) = match dir {
                Direction::Import => {
                    let from = Some(own_party(&ctx.cues.from_markers))
                        .filter(|own| !own.is_empty())
                        .unwrap_or_else(|| {
                            self.parties(ctx, i, &ctx.cues.from_markers, start, &parties)
                        });
                    named.extend(from.iter().cloned());
                    extra_exporters = from.iter().skip(1).cloned().collect();
                    // "steers imported into the United States": "into"
                    // names the importer when no subject does.
                    let near_into =
                        ctx.cues
                            .into_markers
                            .any(words_after_in_clause(ctx, trigger.end, 8));
                    let into = if subject.is_none() && near_into {
                        self.parties(ctx, i, &ctx.cues.into_markers, trigger.end, &parties)
                    } else {
                        Vec::new()
                    };
                    // "buying rice in Thailand and Burma": the market the
                    // goods are bought in sells them.
                    let market = bought_in(ctx, i, &trigger, group, &countries);
                    if let Some(m) = &market {
                        named.push(m.clone());
                    }
                    seller_subject = subject.as_ref().is_some_and(|c| named.contains(c));
                    (
                        from.into_iter().next().or(origin.clone()).or(market),
                        subject
                            .clone()
                            .into_iter()
                            .chain(into)
                            .filter(|c| !named.contains(c))
                            .take(1)
                            .collect(),
                    )
                }
                Direction::Export => {
                    let to = Some(own_party(&ctx.cues.to_markers))
                        .filter(|own| !own.is_empty())
                        .unwrap_or_else(|| {
                            self.parties(ctx, i, &ctx.cues.to_markers, start, &parties)
                        });
                    // "selling China wheat", "ship Iran arms": a country
                    // between the verb and its goods receives them.
                    // "would ship it oil", "sold it lubricant": a pronoun
                    // there stands for the country named before.
                    // "Coffee exports from Brazil", "car shipments from
                    // Japan": "from" right after the trade word or its goods
                    // names the seller when nothing else does (a trade noun
                    // of selling, `trade_nouns`: a verb's "from" may name a
                    // place goods pass; and a country: a place there is
                    // often a field or a valley).
                    let noun = ctx.cues.direction(trigger.index) == Direction::Export
                        && ctx
                            .cues
                            .trade_nouns
                            .is_exactly(&ctx.text[trigger.start..trigger.end]);
                    let from_seller = || {
                        if !noun {
                            return None;
                        }
                        [trigger.end, group.end]
                            .into_iter()
                            .find(|&at| next_word(ctx.text, at).eq_ignore_ascii_case("from"))
                            .and_then(|at| {
                                let rest = &ctx.text[at..];
                                let from_end =
                                    at + (rest.len() - rest.trim_start().len()) + "from".len();
                                let m = countries.iter().find(|m| m.start >= from_end)?;
                                let gap = gap_words(ctx.text, from_end, m.start);
                                (gap.len() <= 1 && gap.iter().all(|w| w == "the"))
                                    .then(|| country_of(m))
                                    .flatten()
                            })
                    };
                    match recipient_between(ctx, &trigger, group, &countries)
                        .or_else(|| pronoun_recipient(ctx, &trigger, group, &countries))
                    {
                        Some(r) if to.is_empty() => (
                            origin
                                .clone()
                                .or(subject.clone())
                                .or_else(from_seller)
                                .filter(|o| *o != r),
                            vec![r],
                        ),
                        _ => (origin.clone().or(subject.clone()).or_else(from_seller), to),
                    }
                }
            };
            // "Volkswagen sold 2,179 U.S. cars": a firm selling goods made in
            // a country, to no one named, is its business, not that
            // country's trade.
            if company_news
                && dir == Direction::Export
                && subject.is_none()
                && importers.is_empty()
                && origin.is_some()
                && !ctx.cues.crosses_border(trigger.index)
            {
                continue;
            }
            // "Dutch soymeal exports": the adjective on the trade noun after
            // the goods takes that noun's role.
            if let Some((role, code)) = self.noun_role(ctx, group, &countries, &triggers) {
                match role {
                    Direction::Export => exporter = Some(code),
                    Direction::Import => importers = vec![code],
                }
            }
            // In an exchange each side's goods go to the other side.
            if exchange && groups.len() > 1 {
                // The other side's origin, else the country the story is
                // filed from ("India ... swaps of textiles for Soviet arms").
                let partner = groups
                    .iter()
                    .filter(|o| o.start != group.start && o.reversed != group.reversed)
                    .find_map(|o| self.origin(ctx, o, &countries, &triggers))
                    .or_else(|| {
                        if origin.is_some() {
                            ctx.home.clone().filter(|h| Some(h) != origin.as_ref())
                        } else {
                            None
                        }
                    });
                if let Some(own) = origin.clone() {
                    exporter = Some(own);
                    if let Some(p) = partner {
                        importers = vec![p];
                    }
                } else if let Some(p) = partner {
                    importers = vec![p];
                    if exporter.as_deref() == importers.first().map(String::as_str) {
                        exporter = None;
                    }
                    if exporter.is_none() {
                        exporter = ctx.home.clone().filter(|h| Some(h) != importers.first());
                    }
                }
            }
            let programme = triggers.iter().any(|t| {
                ctx.cues
                    .programme_triggers
                    .is_exactly(&ctx.text[t.start..t.end])
            });
            // The dateline's country stands in for an unnamed side only in
            // a sentence that names no country and reports trade proper:
            // a core trade word, specific goods, and an amount or a
            // government programme (company news names no economy).
            // Roles the sentence itself names, before any stand-in.
            // ("It", "domestic makers" refer to a country in so many words.)
            let named_in_sentence = exporter.is_some() || !importers.is_empty() || topic.is_some();
            let home_allowed = countries.is_empty()
                && !company_news
                // ("OPEC assigned prices to its other key export crudes",
                // filed from London: an international body's trade is
                // not the dateline's.)
                && !mentions.iter().any(|m| {
                    matches!(
                        &m.kind,
                        Kind::Organisation {
                            org_type: Some(tw_gazetteer::OrgType::International),
                            ..
                        }
                    )
                })
                && group
                    .items
                    .iter()
                    .any(|m| matches!(m.kind, Kind::Commodity { generic: false, .. }));
            // "USDA accepted Algeria's bid ... under its export bonus
            // tender": a government's export programme sells; the other
            // country named as its subject buys.
            if programme && dir == Direction::Export && origin.is_none() {
                if let Some(runs) = self.programme_country(ctx, i, &mentions) {
                    if exporter.as_ref().is_some_and(|e| *e != runs) {
                        if importers.is_empty() {
                            importers.extend(exporter.take());
                        }
                        exporter = Some(runs);
                    }
                }
            }
            if exporter.is_none() && dir == Direction::Export {
                exporter = (if programme {
                    self.programme_country(ctx, i, &mentions)
                } else {
                    None
                })
                .or_else(|| topic.clone())
                .or_else(|| continuing.as_ref().and_then(|c| c.exporter.clone()))
                .or_else(|| previous_subject.clone())
                .or_else(|| if home_allowed { ctx.home.clone() } else { None })
                // ("we sell only 40,000 cars to Japan" in a story about
                // Japan: a stand-in is never the buyer the sentence names.)
                .filter(|e| !importers.contains(e));
            }
            if importers.is_empty() && dir == Direction::Export && exporter.is_some() {
                // "at the request of the North Yemen Government ... credit
                // guarantees ... to cover sales of wheat": the one other
                // country named is the buyer.
                let others: Vec<String> = countries
                    .iter()
                    .filter(|m| {
                        matches!(
                            &m.kind,
                            Kind::Country {
                                form: Form::Name,
                                ..
                            }
                        )
                    })
                    .filter_map(|m| country_of(m))
                    .filter(|c| Some(c) != exporter.as_ref() && !named.contains(c))
                    .collect();
                if let [only] = others.as_slice() {
                    if programme {
                        importers.push(only.clone());
                    }
                }
                // The same programme's earlier flow names the buyer
                // ("... reduce the guarantee coverage for sales of wheat").
                if importers.is_empty() && programme {
                    if let Some(previous) = continuing.filter(|c| c.exporter == exporter) {
                        importers.extend(previous.importer.clone());
                    }
                }
            }
            // "West African countries have purchased 129,500 tonnes of wheat
            // under export bonus programs": the programme's country sells.
            // (The body that runs it, else the country the story is filed
            // from.)
            // (Never the buyer itself: "West German import licences ...
            // registered" are Germany's.)
            if programme && dir == Direction::Import && exporter.is_none() {
                exporter = self
                    .programme_country(ctx, i, &mentions)
                    .or_else(|| ctx.home.clone())
                    .filter(|runs| {
                        subject.as_ref() != Some(runs)
                            && !countries.iter().any(|m| {
                                m.end <= trigger.start && m.country() == Some(runs.as_str())
                            })
                    });
            }
            if importers.is_empty()
                && dir == Direction::Import
                && !seller_subject
                && !relative_subject
            {
                // Another country named in full; one after the trigger
                // only when it is a name, not a modifier ("U.S. trade").
                let other = countries
                    .iter()
                    .filter(|m| m.country() != exporter.as_deref())
                    .filter(|m| !m.country().is_some_and(|c| named.iter().any(|n| n == c)))
                    .filter(|m| {
                        m.end <= trigger.start
                            || matches!(
                                &m.kind,
                                Kind::Country {
                                    form: Form::Name,
                                    ..
                                }
                            )
                    })
                    .min_by_key(|m| m.start.abs_diff(trigger.start))
                    .and_then(|m| country_of(m));
                importers.extend(
                    other
                        .or_else(|| topic.clone())
                        .or_else(|| continuing.as_ref().and_then(|c| c.importer.clone()))
                        .or_else(|| if home_allowed { ctx.home.clone() } else { None })
                        // "steel imported from South Korea and Taiwan": the
                        // sellers are named, the buyer is where the story
                        // is filed.
                        .or_else(|| {
                            if named.is_empty() {
                                None
                            } else {
                                ctx.home.clone().filter(|h| !named.contains(h))
                            }
                        })
                        // ("import the same cars from Japan and Thailand":
                        // a stand-in is never one of the named sellers.)
                        .filter(|c| !named.contains(c)),
                );
            }
            importers.retain(|c| Some(c.as_str()) != exporter.as_deref());
            if exporter.is_none() && importers.is_empty() {
                continue;
            }
            // Company news whose economies all come from stand-ins (the
            // story's earlier subject, the dateline) is a firm's business.
            if company_news && !named_in_sentence {
                continue;
            }
            if importers.is_empty() {
                importers.push(String::new());
            }
            let exporters: Vec<Option<String>> = std::iter::once(exporter.clone())
                .chain(extra_exporters.into_iter().map(Some))
                .collect();
            for (exporter, importer) in exporters
                .iter()
                .flat_map(|e| importers.iter().map(move |i| (e.clone(), i.clone())))
            {
                let importer = if importer.is_empty() {
                    None
                } else {
                    Some(importer)
                };
                if importer.is_some() && importer == exporter {
                    continue;
                }
                let next_start = groups.get(g + 1).map_or(s.end, |n| n.start);
                let time = self
                    .shipment_time(ctx, i)
                    .or_else(|| ctx.time_after(i, group.end, next_start))
                    .or_else(|| self.time_before(ctx, i, group.start))
                    .or_else(|| {
                        if g + 1 == groups.len() {
                            None
                        } else {
                            ctx.time_after(i, group.end, s.end)
                        }
                    });
                // A statistics report states its period once: a flow of the
                // same goods just before lends its time.
                let compared_from = ctx.comparison_start(s.start, s.end).unwrap_or(s.end);
                let sentence_has_time = mentions
                    .iter()
                    .any(|m| matches!(m.kind, Kind::Time { .. }) && m.start < compared_from);
                let previous_sentence = i
                    .checked_sub(1)
                    .map(|p| ctx.chars.char_offset(ctx.sentences[p].start));
                let time = time.map(|t| (t.kind.clone(), t.text.clone())).or_else(|| {
                continuing
                    .filter(|_| !sentence_has_time && ctx.cue_certainty(i, trigger.start).is_none())
                    .filter(|c| c.evidence.first().map(|e| e.start) == previous_sentence)
                    .filter(|c| c.time.is_some() && c.commodities.iter().any(|x| group.items.iter().any(|m| m.text.eq_ignore_ascii_case(&x.text) || matches!(&m.kind, Kind::Commodity { hs: Some(h), .. } if x.hs.as_ref() == Some(h)))))
                    .map(|c| (Kind::Time { value: c.time.clone(), kind: tw_time::TimeKind::Point }, c.time_text.clone().unwrap_or_default()))
            });
                let mut claim = ctx.claim(ClaimKind::TradeFlow, i, trigger.start);
                claim.exporter.clone_from(&exporter);
                claim.importer = importer;
                for m in &group.items {
                    let hs = match &m.kind {
                        Kind::Commodity { hs, .. } => hs.clone(),
                        _ => None,
                    };
                    let commodity = Commodity {
                        text: m.text.clone(),
                        hs,
                    };
                    if !claim.commodities.contains(&commodity) {
                        claim.commodities.push(commodity);
                    }
                }
                if let Some((Kind::Time { value, .. }, text)) = &time {
                    claim.time.clone_from(value);
                    claim.time_text = Some(text.clone());
                }
                claim.status = self.status(ctx, i, &trigger, group, claim.time.as_deref());
                if let Some((k, q)) =
                    self.quantity(ctx, group, &mentions, &used_quantities, groups.len())
                {
                    used_quantities.push(k);
                    claim.quantity = Some(q);
                }
                claim.value = self.value(ctx, group, &mentions, groups.len());
                claims.push(claim);
            }
        }
        // Buying and selling are trade between economies only when the
        // sentence makes economies the parties.
        if !triggers.iter().any(|t| ctx.cues.crosses_border(t.index)) {
            // Goods offered "in return for" other goods: countertrade.
            let countertrade = exchange && groups.iter().any(|g| g.reversed);
            // "U.S. truck sales declined 29.8 pct, Nissan said": sales
            // figures are a market's unless a buyer is named, a word puts
            // them abroad or a government body reports them (the U.S.
            // export sales reports).
            let sales_noun = triggers.iter().all(|t| {
                matches!(
                    ctx.text[t.start..t.end].to_ascii_lowercase().as_str(),
                    "sale" | "sales"
                )
            });
            let government = ctx.mentions.within(s.start, s.end).any(|m| {
                matches!(
                    &m.kind,
                    Kind::Organisation {
                        org_type: Some(tw_gazetteer::OrgType::Government),
                        ..
                    }
                )
            });
            // Not inside a name ("Clark Copy International Corp").
            let crosses = ctx
                .cues
                .cross_border
                .find(sent)
                .iter()
                .any(|h| !sent[h.start..].starts_with(char::is_uppercase) || h.start == 0);
            let domestic = ctx.cues.domestic.any(sent);
            if !countertrade {
                claims.retain(|c| {
                    between_economies(ctx, c, &mentions, crosses, domestic, company_news)
                        && (!sales_noun || c.importer.is_some() || crosses || government)
                });
            }
        }
        // "steel imported from South Korea and Taiwan is being diverted to
        // the U.S.": the goods travel on; each flow has an onward leg.
        // Profits diverted are money, not goods ("profits from arms sales
        // to Iran were diverted to the contras").
        if let Some(h) = ctx
            .cues
            .onward
            .find(sent)
            .first()
            .filter(|h| !ctx.cues.proceeds.any(&sent[..h.start]))
        {
            let onward = self.parties(ctx, i, &ctx.cues.to_markers, s.start + h.start, &parties);
            // The onward leg's own verb says how far it has gone ("is being
            // diverted", "will be re-exported").
            let verb_start = ctx.words_before(s.start + h.start, 4);
            let verb = &ctx.text[verb_start..s.start + h.start];
            let status = [
                (&ctx.cues.status.negated, Status::Negated),
                (&ctx.cues.status.possible, Status::Possible),
                (&ctx.cues.status.planned, Status::Planned),
                (&ctx.cues.status.ongoing, Status::Ongoing),
            ]
            .into_iter()
            .find(|(cues, _)| cues.any(verb))
            .map(|(_, status)| status);
            let status = if complement_of(ctx, s.start, s.start + h.start)
                .is_some_and(|(_, contested)| contested)
            {
                Some(Status::Possible)
            } else {
                status
            };
            let mut legs = Vec::new();
            for c in &claims {
                for to in &onward {
                    if c.importer.as_ref() != Some(to) && c.exporter.as_ref() != Some(to) {
                        let mut leg = c.clone();
                        leg.importer = Some(to.clone());
                        if let Some(status) = status {
                            leg.status = status;
                        }
                        legs.push(leg);
                    }
                }
            }
            claims.extend(legs);
        }
        // A flow of nothing but "commodities" or "goods" says too little.
        claims.retain(|c| {
            !c.commodities.iter().all(|x| {
                x.hs.is_none()
                    && ctx
                        .cues
                        .too_generic
                        .is_exactly(&x.text.to_ascii_lowercase().replace("bulk ", ""))
            })
        });
        // "Imports of rice to Japan are banned under the Foodstuff Control
        // Act": in a sentence that talks of a measure, a ruling or a
        // dispute, a flow with no facts of its own is talk of the measure.
        if !claims.is_empty() && ctx.cues.measure_talk.any(sent) {
            claims.retain(has_own_facts);
        }
        // "Dutch cocoa processors are unhappy with the buffer stock's
        // buying", "Honda said it sold 59,590 U.S. cars": words of buying
        // and selling alone, with no amount, value, price, time or second
        // side, and no side named in so many words, are a firm's or a
        // market's business, not a flow between economies.
        if !claims.is_empty()
            && !groups.iter().any(|g| g.reversed)
            && !triggers
                .iter()
                .any(|t| ctx.cues.crosses_border(t.index) || is_tender(ctx, t))
            && !mentions.iter().any(|m| {
                matches!(
                    m.kind,
                    Kind::Money {
                        per_unit: Some(_),
                        ..
                    }
                )
            })
        {
            claims.retain(|c| {
                has_own_facts(c)
                    || [&c.exporter, &c.importer]
                        .into_iter()
                        .flatten()
                        .any(|code| names_side(ctx, code, &mentions, &triggers))
            });
        }
        // "the sugar it has placed into intervention": goods sold into a
        // support buyer's stocks stay at home.
        if !claims.is_empty() && ctx.cues.stock_destinations.any(sent) {
            claims.retain(|c| c.exporter.is_some() && c.importer.is_some());
        }
        merge_same(claims)
    }

    /// A trigger word that names a flow here (policy talk is ruled out
    /// before, by [`Talk`]): not glued into a compound by a
    /// hyphen ("anti-ship"), not inside a capitalised name, and, for words
    /// with other senses, followed by goods, a quantity or money.
    fn is_flow_trigger(&self, ctx: &Context, h: &Hit, mentions: &[&M]) -> bool {
        let text = ctx.text;
        if text[..h.start].ends_with('-') || text[h.end..].starts_with('-') {
            return false;
        }
        let cues = ctx.cues;
        let word = &text[h.start..h.end];
        // A phrase ending in "for" ("in the market for") is about the goods
        // or the amount right after it, not "for some time".
        if word.to_ascii_lowercase().ends_with(" for")
            && !mentions.iter().any(|m| {
                matches!(m.kind, Kind::Commodity { .. } | Kind::Quantity { .. })
                    && m.start >= h.end
                    && gap_words(text, h.end, m.start).len() <= 4
            })
        {
            return false;
        }
        // "81 planes flying to 89 destinations": a count of places served.
        if cues.destination_words.is_exactly(word)
            && text[..h.start]
                .split_whitespace()
                .next_back()
                .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        {
            return false;
        }
        // "warrants to buy gold", "an option to purchase all the assets",
        // "notes with warrants attached to buy gold": a financial
        // instrument, not goods bought.
        if text[..h.start].trim_end().ends_with(" to") {
            let before = gap_words(text, ctx.words_before(h.start, 4), h.start);
            let instrument = match before.as_slice() {
                [.., noun, _to] => cues.instrument_nouns.is_exactly(noun),
                _ => false,
            } || match before.as_slice() {
                [.., noun, participle, _to] => {
                    cues.instrument_nouns.is_exactly(noun)
                        && (participle.ends_with("ed") || participle.ends_with("able"))
                }
                _ => false,
            };
            if instrument {
                return false;
            }
        }
        // Inside a capitalised name ("Export Enhancement Program", "Long
        // Term Grain Supply Agreement").
        let sentence_start = ctx.sentences.iter().any(|s| s.start == h.start);
        if !sentence_start
            && word.starts_with(char::is_uppercase)
            && next_word(text, h.end).starts_with(char::is_uppercase)
        {
            return false;
        }
        if cues.verb_only.is_exactly(word) {
            let previous = text[..h.start]
                .split_whitespace()
                .next_back()
                .unwrap_or("")
                .to_ascii_lowercase();
            if !matches!(
                previous.as_str(),
                "to" | "will"
                    | "would"
                    | "could"
                    | "may"
                    | "might"
                    | "can"
                    | "should"
                    | "must"
                    | "did"
                    | "does"
                    | "not"
                    | "also"
                    | "it"
                    | "they"
                    | "we"
                    | "he"
                    | "she"
                    | "and"
            ) {
                return false;
            }
        }
        // "prices closed below the day's highs on late selling": a market
        // desk's selling or buying moves a price, not goods.
        if (word.eq_ignore_ascii_case("selling") || word.eq_ignore_ascii_case("buying"))
            && gap_words(text, ctx.words_before(h.start, 2), h.start)
                .last()
                .is_some_and(|w| cues.market_pressure_words.is_exactly(w))
        {
            return false;
        }
        // "Japan offered to improve inspection systems": an offer to act,
        // not of goods ("offered to Egypt", "offered to the Soviet Union"
        // name a buyer; "offered to sell" leaves "sell" to trigger).
        let lower_word = word.to_ascii_lowercase();
        if lower_word.starts_with("offer") {
            let after_to = &text[h.end..];
            if next_word(after_to, 0).eq_ignore_ascii_case("to") {
                let rest = after_to.trim_start()[2..].trim_start();
                let verb = next_word(rest, 0);
                if verb.starts_with(char::is_lowercase)
                    && !matches!(
                        verb,
                        "the"
                            | "a"
                            | "an"
                            | "its"
                            | "their"
                            | "his"
                            | "her"
                            | "our"
                            | "this"
                            | "these"
                            | "those"
                            | "other"
                            | "some"
                            | "all"
                            | "both"
                    )
                {
                    return false;
                }
            }
        }
        // "purchases in new crop soybeans in the futures markets": trading
        // on an exchange.
        let after = words_after_in_clause(ctx, h.end, 10);
        if cues.exchange_venues.any(after)
            || cues
                .quote_markers
                .any(words_after_in_clause(ctx, h.end, 14))
        {
            return false;
        }
        // "sunflowerseed oil sold at 346.50 dlrs ex-tank Rotterdam": a price
        // quoted ("sold at 415 dlrs cif" is a sale abroad).
        // So is "selling for 15 to 17 dlrs a barrel" (a price per unit;
        // "sold for 10 mln dlrs" is a sale).
        let sentence_end = sentence_end_at(ctx, h.end);
        let preposition = next_word(text, h.end).to_ascii_lowercase();
        if matches!(preposition.as_str(), "at" | "for")
            && !cues.cross_border.any(&text[h.end..sentence_end])
        {
            let at_end = text[h.end..]
                .to_ascii_lowercase()
                .find(preposition.as_str())
                .map_or(h.end, |k| h.end + k + preposition.len());
            if mentions.iter().any(|m| {
                // (A range's first number: "for 15 to 17 dlrs a barrel".)
                let gap = gap_words(text, at_end, m.start);
                matches!(&m.kind, Kind::Money { per_unit, .. } if preposition == "at" || per_unit.is_some())
                    && m.start >= at_end
                    && gap.len() <= 2
                    && gap.iter().all(|w| {
                        w == "to" || w.chars().all(|c| c.is_ascii_digit() || c == '.')
                    })
            }) {
                return false;
            }
        }
        // "domestic sales of imported vehicles", "Imported cars sales": a
        // market for goods once imported, not their import.
        if matches!(lower_word.as_str(), "imported" | "exported") {
            let before = gap_words(text, ctx.words_before(h.start, 3), h.start);
            let sales_of = before.len() == 2
                && before[1] == "of"
                && matches!(before[0].as_str(), "sales" | "sale" | "consumption" | "use");
            let sales_after = gap_words(text, h.end, words_end(text, h.end, 3))
                .iter()
                .any(|w| w == "sales" || w == "sale");
            if sales_of || sales_after {
                return false;
            }
        }
        // "new car registrations": vehicles registered are a home market
        // ("registered 1.4 mln bags of green coffee" are for export).
        if lower_word.starts_with("regist")
            && mentions.iter().any(|m| {
                is_vehicle(ctx, m) && m.end <= h.start && gap_words(text, m.end, h.start).is_empty()
            })
        {
            return false;
        }
        // "world supplies of wheat": the noun of market supply, not a flow.
        if matches!(lower_word.as_str(), "supply" | "supplies")
            && next_word(text, h.end).eq_ignore_ascii_case("of")
        {
            return false;
        }
        // "for delivery in May", "for May shipment": a time, not a trigger.
        // ("Shipments during January/December totalled 1.8 mln tonnes": a
        // plural counts what moved, unless it says what goods are for.)
        let counted = matches!(lower_word.as_str(), "shipments" | "deliveries")
            && !gap_words(text, ctx.words_before(h.start, 3), h.start)
                .iter()
                .any(|w| w == "for");
        if (lower_word.starts_with("deliver") || lower_word.starts_with("shipment")) && !counted {
            let soon = mentions.iter().find(|m| m.start >= h.end);
            if soon.is_some_and(|m| {
                matches!(m.kind, Kind::Time { .. }) && gap_words(text, h.end, m.start).len() <= 1
            }) {
                return false;
            }
        }
        if cues.needs_object.is_exactly(&text[h.start..h.end]) {
            let window_end = text[h.end..]
                .char_indices()
                .filter(|&(_, c)| c.is_whitespace())
                .nth(6)
                .map_or(text.len(), |(b, _)| h.end + b);
            // "GM took only 37 pct of all car sales": a share of a market.
            if cues.share_phrases.any(&text[h.end..window_end]) {
                return false;
            }
            // "Wheat from the River Plate to Sri Lanka received 26 dlrs": a
            // verb of receiving whose object is money was paid, a freight
            // rate or a price; goods do not move by it.
            if cues.receiving_verbs.is_exactly(&text[h.start..h.end])
                && mentions
                    .iter()
                    .filter(|m| m.start >= h.end && m.start < window_end)
                    .min_by_key(|m| m.start)
                    .is_some_and(|m| matches!(m.kind, Kind::Money { .. }))
            {
                return false;
            }
            // "action had been taken against the European Community over
            // corn": an object the verb reaches only through a preposition
            // is no object it moves.
            if cues.not_objects_after.is_exactly(next_word(text, h.end)) {
                return false;
            }
            // A price or rebate per unit is no object ("received export
            // rebates of 45.678 Ecus per 100 kilos").
            return mentions.iter().any(|m| {
                m.start >= h.end
                    && m.start < window_end
                    && matches!(
                        m.kind,
                        Kind::Commodity { .. }
                            | Kind::Quantity { .. }
                            | Kind::Money { per_unit: None, .. }
                    )
            });
        }
        true
    }

    /// A flow whose goods the sentence leaves out: the goods, and the
    /// missing party, of the flow just before.
    fn continuation(
        &self,
        ctx: &Context,
        i: usize,
        trigger: &Hit,
        previous: &Claim,
        mentions: &[&M],
        last_subject: &mut Option<String>,
    ) -> Vec<Claim> {
        let countries: Vec<&M> = mentions
            .iter()
            .copied()
            .filter(|m| m.country().is_some())
            .collect();
        let direction = ctx.cues.direction(trigger.index);
        // ("It exported 1,263 tonnes": the story's last trader.)
        let subject = self
            .subject(ctx, i, trigger, &countries, mentions)
            .or_else(|| {
                pronoun_subject(ctx, ctx.sentences[i].start, trigger)
                    .then(|| last_subject.clone().or_else(|| ctx.home.clone()))
                    .flatten()
            });
        // "West German sugar exports rose ... Imports fell to 59,605
        // tonnes": a trade word the other way from a one-sided flow before
        // does not continue it, unless the sentence names a party.
        let turned = subject.is_none()
            && countries.is_empty()
            && match direction {
                Direction::Import => previous.importer.is_none() && previous.exporter.is_some(),
                Direction::Export => previous.exporter.is_none() && previous.importer.is_some(),
            };
        if turned {
            return Vec::new();
        }
        // "Cuba's November 1986 exports totalled 158,000 tonnes", "the
        // export total of 289,232": a total right after the trade word goes
        // to every partner, not to the last flow's one. ("a total of
        // 150,000 tonnes was exported", "three shipments, totalling" are
        // the flow's own.)
        let total = words_after_in_clause(ctx, trigger.end, 2)
            .split_whitespace()
            .any(|w| {
                matches!(
                    w.to_ascii_lowercase().as_str(),
                    "total" | "totals" | "totalled" | "totaled" | "totalling" | "totaling"
                )
            });
        let (exporter, importer) = match direction {
            Direction::Export => {
                let to = self
                    .parties(ctx, i, &ctx.cues.to_markers, trigger.start, &countries)
                    .into_iter()
                    .next();
                // ("exports to other Community countries": a destination of
                // its own, unknown, is not the last flow's.)
                let own_destination = next_word(ctx.text, trigger.end).eq_ignore_ascii_case("to");
                (
                    subject.clone().or_else(|| previous.exporter.clone()),
                    to.or_else(|| {
                        (!own_destination && !total)
                            .then(|| previous.importer.clone())
                            .flatten()
                    }),
                )
            }
            Direction::Import => {
                let from = self
                    .parties(ctx, i, &ctx.cues.from_markers, trigger.start, &countries)
                    .into_iter()
                    .next();
                let own_origin = next_word(ctx.text, trigger.end).eq_ignore_ascii_case("from");
                (
                    from.or_else(|| {
                        (!own_origin && !total)
                            .then(|| previous.exporter.clone())
                            .flatten()
                    }),
                    subject.clone().or_else(|| previous.importer.clone()),
                )
            }
        };
        if subject.is_some() {
            last_subject.clone_from(&subject);
        }
        if exporter.is_none() && importer.is_none() || exporter == importer {
            return Vec::new();
        }
        let s = ctx.sentences[i];
        let mut claim = ctx.claim(ClaimKind::TradeFlow, i, trigger.start);
        claim.exporter = exporter;
        claim.importer = importer;
        claim.commodities.clone_from(&previous.commodities);
        let group = Group {
            items: Vec::new(),
            start: trigger.start,
            end: trigger.end,
            reversed: false,
        };
        if let Some(t) = self
            .shipment_time(ctx, i)
            .or_else(|| ctx.time_after(i, trigger.end, s.end))
            .or_else(|| self.time_before(ctx, i, trigger.start))
        {
            if let Kind::Time { value, .. } = &t.kind {
                claim.time.clone_from(value);
                claim.time_text = Some(t.text.clone());
            }
        }
        claim.status = self.status(ctx, i, trigger, &group, claim.time.as_deref());
        claim.quantity = self.quantity(ctx, &group, mentions, &[], 1).map(|(_, q)| q);
        claim.value = self.value(ctx, &group, mentions, 1);
        vec![claim]
    }

    /// Commodity mentions, dropping a generic word that only introduces a
    /// list of specific goods ("energy products such as gasoline") and
    /// goods named as the subject of a price or output ("soybean meal
    /// prices", "copper production").
    fn commodities<'m>(&self, ctx: &Context, mentions: &[&'m M]) -> Vec<&'m M> {
        let mut all: Vec<&M> = mentions
            .iter()
            .copied()
            .filter(|m| matches!(m.kind, Kind::Commodity { .. }))
            .filter(|m| !ctx.cues.price_nouns.is_exactly(next_word(ctx.text, m.end)))
            // ("a moderate improvement in oil and commodity prices": goods
            // joined to the price noun's own modifier.)
            .filter(|m| {
                let end = words_end(ctx.text, m.end, 3);
                let after = gap_words(ctx.text, m.end, end);
                !(after.len() == 3
                    && matches!(after[0].as_str(), "and" | "or")
                    && ctx.cues.price_talk_nouns.is_exactly(&after[2])
                    && !has_clause_mark(&ctx.text[m.end..end], &[',', ';']))
            })
            // "set aside for the U.S. sugar quota": what a measure covers;
            // "the U.S.-USSR grain agreement": what a pact is about.
            .filter(|m| {
                let next = next_word(ctx.text, m.end);
                !ctx.cues.measure_nouns.is_exactly(next) && !ctx.cues.topic_nouns.is_exactly(next)
            })
            .filter(|m| {
                // "supplies of wheat", "prices of sugar"; "a producer of
                // packaged food products", "the repair of fishing boats".
                let before = gap_words(ctx.text, ctx.words_before(m.start, 3), m.start);
                let price_of = before.len() == 2
                    && before[1] == "of"
                    && ctx.cues.price_nouns.is_exactly(&before[0]);
                // An apposition describing a firm ("Landshire Food Products,
                // a New-Mexico-based producer of packaged Mexican food
                // products"); the maker as a subject still trades ("makers
                // of large trucks will stop exports").
                let lead = &ctx.text[ctx.words_before(m.start, 10)..m.start];
                let maker_of = lead.rsplit_once([',', '(']).is_some_and(|(_, tail)| {
                    let words = crate::text::words(tail)
                        .into_iter()
                        .map(|(a, b)| tail[a..b].to_ascii_lowercase())
                        .collect::<Vec<_>>();
                    words.iter().position(|w| w == "of").is_some_and(|k| {
                        (1..=3).contains(&k)
                            && words.len() - k <= 4
                            && !words[k..].iter().any(|w| w == "and" || w == "or")
                            && ctx.cues.maker_nouns.is_exactly(&words[k - 1])
                    })
                });
                !(price_of || maker_of)
            })
            // "protect ground forces from Soviet attack helicopters": what
            // a threat is made of does not move.
            .filter(|m| {
                let lead = &ctx.text[ctx.words_before(m.start, 4)..m.start];
                !lead.to_ascii_lowercase().rfind("from").is_some_and(|k| {
                    let at = m.start - lead.len() + k;
                    on_word_boundaries(ctx.text, at, at + 4) && shielded_from(ctx, at)
                })
            })
            // "moved through Ostend on aircraft of Santa Lucia Airways": a
            // vehicle after a carrier's preposition carries the goods; so
            // do "U.S. flag vessels".
            .filter(|m| {
                let carried = is_vehicle(ctx, m);
                let before = gap_words(ctx.text, ctx.words_before(m.start, 2), m.start);
                !(carried
                    && before.last().is_some_and(|w| {
                        ctx.cues.carrier_prepositions.is_exactly(w)
                            || ctx.cues.carrier_nouns.is_exactly(w)
                    }))
            })
            // "the meat purchase requirements", "sugar import quotas": goods
            // named by talk of a measure on their trade.
            .filter(|m| !names_talk(ctx, m.end))
            // "machines designed to make submarine propellers", "equipment to
            // upgrade Hawk missiles": what the goods are for does not move
            // (unless a trade word of its own comes between: "to produce
            // and export cars").
            .filter(|m| !end_use(ctx, m))
            // "domestic demand for capital goods": what a market wants.
            .filter(|m| {
                let before = gap_words(ctx.text, ctx.words_before(m.start, 3), m.start);
                // ("in exchange for oil" is a barter.)
                !(before.len() == 2
                    && before[1] == "for"
                    && before[0] != "exchange"
                    && ctx.cues.price_nouns.is_exactly(&before[0]))
            })
            .collect();
        // "excluding oil and wheat": goods right after an exclusion marker,
        // and those joined to them by "and" or "or", are left out.
        let mut excluded_end: Option<usize> = None;
        all.retain(|m| {
            // (Four words back: "which do not include oil".)
            let start = ctx.text[..m.start]
                .char_indices()
                .rev()
                .filter(|&(_, c)| c.is_whitespace())
                .nth(3)
                .map_or(0, |(b, _)| b);
            let before = &ctx.text[start..m.start];
            let hits = ctx.cues.exclusion_markers.find(before);
            // ("non-oil and gas exports": a prefix on the goods too; but
            // "non-monetary gold and passenger cars" leaves out nothing.)
            let marked = hits.iter().any(|h| {
                let mut words = before[h.end..].split_whitespace();
                let Some(first) = words.next() else {
                    return true;
                };
                let mut others = words.peekable();
                first.starts_with('-')
                    && match others.peek() {
                        None => first == "-",
                        Some(_) => others
                            .all(|w| w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("or")),
                    }
            });
            let joined = excluded_end.is_some_and(|end| {
                end <= m.start && {
                    let gap = gap_words(ctx.text, end, m.start);
                    !gap.is_empty() && gap.iter().all(|w| w == "and" || w == "or")
                }
            });
            excluded_end = (marked || joined).then_some(m.end);
            !(marked || joined)
        });
        all.iter()
            .enumerate()
            .filter(|&(k, m)| {
                let generic = matches!(m.kind, Kind::Commodity { generic: true, .. });
                if !generic {
                    return true;
                }
                let Some(next) = all.get(k + 1) else {
                    return true;
                };
                let gap = gap_words(ctx.text, m.end, next.start);
                !(gap == ["such", "as"] || gap == ["like"] || gap == ["notably"])
            })
            .map(|(_, m)| *m)
            .collect()
    }

    fn groups<'m>(&self, ctx: &Context, i: usize, commodities: &[&'m M]) -> Vec<Group<'m>> {
        let sent_start = ctx.sentences[i].start;
        let lower = ctx.text.to_ascii_lowercase();
        let mut reverse_at: Option<usize> = None;
        for h in ctx
            .cues
            .reverse_markers
            .find(&lower[sent_start..ctx.sentences[i].end])
        {
            let phrase = ctx.cues.reverse_markers.phrase(h.index);
            let pos = sent_start + h.start;
            // A bare "for" reverses only inside an exchange or swap.
            if phrase == "for" {
                let before = &lower[sent_start..pos];
                if !(before.contains("exchange")
                    || before.contains("swap")
                    || before.contains("barter"))
                {
                    continue;
                }
                // And only right after goods.
                if !commodities
                    .iter()
                    .any(|c| c.end <= pos && gap_words(ctx.text, c.end, pos).is_empty())
                {
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
                // "jute, engineering and electronic goods": a modifier
                // shared with the goods after "and" stays in the list.
                let elliptic = matches!(gap.as_slice(), [w, c2] if (c2 == "and" || c2 == "or")
                    && !LIST_JOINERS.contains(&w.as_str()))
                    && c.text.contains(char::is_whitespace)
                    && !ctx.text[last.end..c.start].contains(['.', ';']);
                let joined = elliptic || gap.iter().all(|w| LIST_JOINERS.contains(&w.as_str()));
                if joined && last.reversed == reversed {
                    last.items.push(c);
                    last.end = c.end;
                    continue;
                }
            }
            groups.push(Group {
                items: vec![c],
                start: c.start,
                end: c.end,
                reversed,
            });
        }
        groups
    }

    /// An origin country named on the goods: "Russian wheat flour",
    /// "U.S. wheat", unless the adjective belongs to a trade noun right
    /// after the goods ("Dutch soymeal imports").
    fn origin(
        &self,
        ctx: &Context,
        group: &Group,
        countries: &[&M],
        triggers: &[Hit],
    ) -> Option<String> {
        let first = group.items[0];
        // A trade noun right after the goods takes the adjective ("Dutch
        // soymeal imports"); a participle does not ("Mexican steers
        // imported").
        // (Also a buying agent noun the sentence does not count as a
        // trigger: "Soviet grain buyers" buy, they do not sell.)
        let next = next_word(ctx.text, group.end);
        let buying_agent = ctx.cues.agent_nouns.is_exactly(next)
            && ctx
                .cues
                .triggers
                .phrases
                .find(next)
                .first()
                .is_some_and(|h| ctx.cues.direction(h.index) == Direction::Import);
        let followed_by_trigger = buying_agent
            || triggers.iter().any(|t| {
                t.start >= group.end
                    && gap_words(ctx.text, group.end, t.start).is_empty()
                    && !is_participle(ctx, t)
            });
        if followed_by_trigger {
            return None;
        }
        for item in &group.items {
            let adjective = countries.iter().rev().find(|m| {
                m.end <= item.start && {
                    let gap = gap_words(ctx.text, m.end, item.start);
                    let raw = &ctx.text[m.end..item.start];
                    // A modifier stands right before the goods, at most two
                    // words away ("Russian wheat flour", "U.S. No. 2 corn",
                    // "Chinese-made anti-ship missiles"); a name only right
                    // before them ("Kenya coffee").
                    let limit = match &m.kind {
                        Kind::Country {
                            form: Form::Adjective | Form::Possessive | Form::Abbreviation,
                            ..
                        } => 2,
                        _ => 0,
                    };
                    let plain = !raw.contains(',')
                        && !gap.iter().any(|w| {
                            NOT_SUBJECT_AFTER.contains(&w.as_str()) || w == "and" || w == "said"
                        });
                    // "Soviet arms and crude oil": a modifier on the first
                    // member of a pair covers the second.
                    let pair = limit > 0
                        && gap.len() == 2
                        && gap[1] == "and"
                        && !NOT_SUBJECT_AFTER.contains(&gap[0].as_str())
                        && !raw.contains(',');
                    gap.len() <= limit && plain || pair
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
    fn subject(
        &self,
        ctx: &Context,
        i: usize,
        trigger: &Hit,
        countries: &[&M],
        mentions: &[&M],
    ) -> Option<String> {
        let s = ctx.sentences[i];
        // "a dairy product shipped to the U.S. primarily by New Zealand": a
        // participle's agent is its subject.
        if let Some(agent) = passive_agent(ctx, trigger, countries) {
            return Some(agent);
        }
        // "Bolivia said it expects to export less tin": the pronoun is the
        // speaker.
        if let Some(speaker) = speaker_of_pronoun(ctx, s.start, trigger) {
            return Some(speaker);
        }
        // "they attempt to halt our meat exports to the EC": the trade
        // belongs to the speaker, not to the clause's subject.
        if speakers_trade(ctx, trigger) {
            return None;
        }
        // Adjective or possessive on a trade noun, possibly across the goods
        // (on a participle it is the goods' origin: "Mexican steers imported
        // into the United States").
        let participle = is_participle(ctx, trigger);
        if let Some(m) = countries
            .iter()
            .rev()
            .find(|m| m.end <= trigger.start)
            .filter(|_| !participle)
        {
            let gap = gap_words(ctx.text, m.end, trigger.start);
            let raw = &ctx.text[m.end..trigger.start];
            let goods_only = gap.len() <= 3
                && !raw.contains(',')
                && !gap
                    .iter()
                    .any(|w| NOT_SUBJECT_AFTER.contains(&w.as_str()) || w == "and");
            // ("featured in U.K. Grain exports", "action on U.S. imports":
            // a name on the trade noun inside a phrase about that trade
            // modifies the noun as an adjective would.)
            let modifier = matches!(
                &m.kind,
                Kind::Country {
                    form: Form::Adjective | Form::Possessive,
                    ..
                }
            ) || topic_preposition_before(ctx, s.start, m.start);
            if goods_only && (modifier || !preceded_by_preposition(ctx, s.start, m.start)) {
                // "Blocking Canadian gas imports would not serve the
                // interests of the United States": a nationality on the
                // goods of an import noun, with another country named and
                // no seller after "from", is the goods' origin; the other
                // country buys.
                if let Some(buyer) = origin_on_imports(ctx, trigger, m, countries) {
                    return Some(buyer);
                }
                return country_of(m);
            }
        }
        let mut candidates = mentions.iter().filter(|m| {
            m.end <= trigger.start
                && match &m.kind {
                    Kind::Country { .. } => true,
                    // (Not a body forecasting the trade: "USDA projected
                    // 1985/86 exports at 1.20 mln tonnes".)
                    Kind::Organisation {
                        code: Some(_),
                        org_type,
                        ..
                    } => {
                        !matches!(org_type, Some(tw_gazetteer::OrgType::Outlet))
                            && !ctx
                                .cues
                                .forecast_verbs
                                .is_exactly(next_word(ctx.text, m.end))
                    }
                    _ => false,
                }
        });
        candidates
            .rfind(|m| {
                // ("EC nations will be hurt by the diverted shipments": a
                // passive's subject undergoes the trade, it does not trade.)
                let gap = gap_words(ctx.text, m.end, trigger.start);
                let passive_by = gap.iter().position(|w| w == "by").is_some_and(|k| {
                    let participle = k > 0 && {
                        let p = gap[k - 1].as_str();
                        p.ends_with("ed")
                            || p.ends_with("en")
                            || matches!(
                                p,
                                "hurt" | "hit" | "cut" | "bought" | "sold" | "made" | "set"
                            )
                    };
                    participle
                        && gap[..k].iter().any(|w| {
                            matches!(
                                w.as_str(),
                                "be" | "been" | "being" | "is" | "are" | "was" | "were"
                            )
                        })
                });
                // ("the largest after Liberia's, has no intention of
                // ...": a possessive with its noun left out is no subject.)
                // Nor is a name after "after" that ends an apposition
                // ("the second largest producer after Malaysia, has been
                // forced to import").
                let closes = |rest: &str| rest.starts_with([',', ';', '.', ')']);
                let elliptic_possessive =
                    matches!(
                        &m.kind,
                        Kind::Country {
                            form: Form::Possessive,
                            ..
                        }
                    ) && closes(ctx.text[m.end..].trim_start_matches(['\'', '’', 's']));
                let after_apposition = closes(&ctx.text[m.end..])
                    && word_before_article(ctx, ctx.words_before(m.start, 2), m.start)
                        .is_some_and(|w| w == "after");
                !preceded_by_preposition(ctx, s.start, m.start)
                    && !passive_by
                    && !elliptic_possessive
                    && !after_apposition
                    && !describes_crop_or_market(ctx, m)
            })
            .and_then(|m| country_of(m))
    }

    /// The countries after one of `markers` ("to Algeria", "from the
    /// U.S.", "to Gulf countries (Kuwait, Bahrain and Oman").
    fn parties(
        &self,
        ctx: &Context,
        i: usize,
        markers: &crate::text::PhraseSet,
        from: usize,
        countries: &[&M],
    ) -> Vec<String> {
        let s = ctx.sentences[i];
        let lower = &ctx.text[from..s.end];
        for h in markers.find(lower) {
            // ("were diverted to the contras": money, not goods, went there.)
            let before = gap_words(
                ctx.text,
                ctx.words_before(from + h.start, 2),
                from + h.start,
            );
            let heads = if ctx.cues.from_markers.is_exactly(&lower[h.start..h.end]) {
                &ctx.cues.not_origin_heads
            } else {
                &ctx.cues.not_destination_heads
            };
            if before
                .last()
                .is_some_and(|w| ctx.cues.money_verbs.is_exactly(w) || heads.is_exactly(w))
            {
                continue;
            }
            // ("protect U.S. ground forces from Soviet attack helicopters":
            // a threat.)
            if shielded_from(ctx, from + h.start) {
                continue;
            }
            let pos = from + h.end;
            let Some(first) = countries.iter().position(|m| m.start >= pos) else {
                continue;
            };
            let gap = gap_words(ctx.text, pos, countries[first].start);
            let raw_gap = &ctx.text[pos..countries[first].start];
            // ("from quality producers such as Ghana": the examples are
            // the parties.)
            let examples = gap.len() <= 5
                && (gap.ends_with(&["such".to_string(), "as".to_string()])
                    || gap.last().is_some_and(|w| w == "including" || w == "like"));
            let lead_ok = examples
                || gap.len() <= 4
                    && (gap.iter().all(|w| {
                        matches!(
                            w.as_str(),
                            "the"
                                | "north"
                                | "south"
                                | "countries"
                                | "gulf"
                                | "other"
                                | "such"
                                | "as"
                        )
                    }) || raw_gap.contains('(') && gap.len() <= 4);
            if !lead_ok {
                continue;
            }
            let mut out: Vec<String> = country_of(countries[first]).into_iter().collect();
            let mut end = countries[first].end;
            for m in &countries[first + 1..] {
                let between = &ctx.text[end..m.start];
                let joined = between.trim().is_empty()
                    || gap_words(ctx.text, end, m.start)
                        .iter()
                        .all(|w| matches!(w.as_str(), "and" | "or" | "the"))
                        && between.chars().all(|c| {
                            c.is_alphanumeric() || c.is_whitespace() || matches!(c, ',' | '(')
                        });
                // ("arms sales to Iran and China's political situation": a
                // possessive starts a phrase of its own.)
                let possessive = matches!(
                    &m.kind,
                    Kind::Country {
                        form: Form::Possessive,
                        ..
                    }
                );
                if !joined || possessive {
                    break;
                }
                if let Some(c) = country_of(m) {
                    if !out.contains(&c) {
                        out.push(c);
                    }
                }
                end = m.end;
            }
            return out;
        }
        Vec::new()
    }

    /// "Dutch soymeal exports": a country adjective on the goods when a
    /// trade noun follows them, with that noun's direction.
    fn noun_role(
        &self,
        ctx: &Context,
        group: &Group,
        countries: &[&M],
        triggers: &[Hit],
    ) -> Option<(Direction, String)> {
        let noun = triggers
            .iter()
            .find(|t| t.start >= group.end && gap_words(ctx.text, group.end, t.start).is_empty())?;
        // A participle after the goods leaves the adjective to the goods
        // ("Mexican steers imported into the United States").
        if is_participle(ctx, noun) {
            return None;
        }
        let first = group.items[0];
        let adjective = countries.iter().rev().find(|m| {
            m.end <= first.start
                && gap_words(ctx.text, m.end, first.start).len() <= 1
                && !ctx.text[m.end..first.start].contains(',')
        })?;
        // "Brazil's oil supplier": the possessive is the other side.
        let role = ctx.cues.direction(noun.index);
        let role = if ctx
            .cues
            .relational_agents
            .is_exactly(&ctx.text[noun.start..noun.end])
            && matches!(
                &adjective.kind,
                Kind::Country {
                    form: Form::Possessive,
                    ..
                }
            ) {
            flip(role)
        } else {
            role
        };
        // ("Canadian gas imports ... the United States": the origin.)
        if role == Direction::Import && origin_on_imports(ctx, noun, adjective, countries).is_some()
        {
            return Some((Direction::Export, country_of(adjective)?));
        }
        Some((role, country_of(adjective)?))
    }

    /// A shipment or delivery period named in the sentence ("for May
    /// shipment"): when goods ship is the time of the flow.
    fn shipment_time<'c>(&self, ctx: &'c Context, i: usize) -> Option<&'c M> {
        ctx.content_mentions(i).into_iter().find(|m| {
            m.is_when() && {
                let t = m.text.to_ascii_lowercase();
                t.contains("shipment") || t.contains("delivery")
            }
        })
    }

    /// For export programmes reported by a government body ("the U.S.
    /// Agriculture Department said"), the body's country exports.
    fn programme_country(&self, ctx: &Context, i: usize, mentions: &[&M]) -> Option<String> {
        let s = ctx.sentences[i];
        let in_sentence = mentions.iter().find_map(|m| match &m.kind {
            Kind::Organisation {
                code: Some(c),
                org_type: Some(tw_gazetteer::OrgType::Government),
                ..
            } => Some(c.clone()),
            _ => None,
        });
        in_sentence.or_else(|| {
            ctx.mentions
                .within(s.start, s.end)
                .find_map(|m| match &m.kind {
                    Kind::Organisation {
                        code: Some(c),
                        org_type: Some(tw_gazetteer::OrgType::Government),
                        ..
                    } => Some(c.clone()),
                    _ => None,
                })
        })
    }

    fn time_before<'c>(&self, ctx: &'c Context, i: usize, before: usize) -> Option<&'c M> {
        let s = ctx.sentences[i];
        ctx.content_mentions(i).into_iter().rfind(|m| {
            m.end <= before
                && m.start >= s.start
                && m.is_when()
                && !ctx.after_comparison(m.start)
                && !ctx.after_reporting_verb(m.start)
        })
    }

    fn status(
        &self,
        ctx: &Context,
        i: usize,
        trigger: &Hit,
        group: &Group,
        time: Option<&str>,
    ) -> Status {
        let s = ctx.sentences[i];
        let attribution = &ctx.attributions[i];
        let first = trigger.start.min(group.start);
        // The clause: from the last comma before the trigger (outside the
        // reporting clause) to a few words past the goods.
        let clause_start = last_clause_mark(&ctx.text[s.start..first], &[',', ';'])
            .map(|c| s.start + c + 1)
            .filter(|&c| !attribution.covers(c, c))
            .unwrap_or(s.start);
        let clause_start = match attribution.clause {
            Some((a, b)) if a <= clause_start && b > clause_start => b,
            _ => clause_start,
        };
        // "will investigate an industry contention that steel imported from
        // Taiwan is being diverted": the cues of the clause above "that" are
        // not the flow's; a contention makes it possible.
        let that = complement_of(ctx, s.start, first);
        let clause_start = that.map_or(clause_start, |(end, _)| clause_start.max(end));
        let contested = that.is_some_and(|(_, contested)| contested);
        let tail_end = ctx.text[group.end.max(trigger.end)..s.end]
            .char_indices()
            .filter(|&(_, c)| c.is_whitespace())
            .nth(6)
            .map_or(s.end, |(b, _)| group.end.max(trigger.end) + b);
        // Cue words inside a time expression ("for May shipment") are not
        // modality: blank them out, keeping offsets.
        let blank = |from: usize, to: usize| -> String {
            let mut text = ctx.text[from..to].to_string();
            for m in ctx
                .mentions
                .within(from, to)
                .filter(|m| matches!(m.kind, Kind::Time { .. }))
            {
                text.replace_range(m.start - from..m.end - from, &" ".repeat(m.end - m.start));
            }
            text
        };
        let clause = &blank(clause_start.min(first), tail_end);
        let cues = ctx.cues;
        // Negation only close to the act: "did not import", "suspension of shipments".
        let near = &blank(clause_start.min(first), group.end.max(trigger.end));
        if cues.status.negated.any(near) {
            return Status::Negated;
        }
        if contested {
            return Status::Possible;
        }
        if cues.status.possible.any(clause) {
            let only_estimate = cues.status.possible.find(clause).iter().all(|h| {
                cues.estimate
                    .is_exactly(cues.status.possible.phrase(h.index))
            });
            // An estimate of a period in progress ("is estimated at 3.04
            // billion dlrs in fiscal 1986/87", written in March 1987) is a
            // running trade; of a period ended, what occurred.
            // ("should rise", "would have exported" are no running trade.)
            if only_estimate
                && time.is_some_and(|t| spans_anchor(t, ctx))
                && !cues.status.planned.any(clause)
                && !cues.hypothetical.any(clause)
            {
                return Status::Ongoing;
            }
            if !(only_estimate && time.is_some_and(|t| ended_before_anchor(t, ctx))) {
                return Status::Possible;
            }
        }
        if cues.status.planned.any(clause) {
            return Status::Planned;
        }
        if cues.status.ongoing.any(clause) {
            return Status::Ongoing;
        }
        // Present simple of a trade verb after its subject ("It also exports
        // copra", "Japan buys most of its coal abroad"): a standing trade.
        let word = ctx.text[trigger.start..trigger.end].to_ascii_lowercase();
        let previous = ctx.text[..trigger.start]
            .split_whitespace()
            .next_back()
            .unwrap_or("")
            .to_ascii_lowercase();
        if matches!(
            word.as_str(),
            "exports" | "imports" | "buys" | "sells" | "supplies" | "ships" | "purchases"
        ) && matches!(
            previous.as_str(),
            "it" | "also"
                | "he"
                | "she"
                | "which"
                | "that"
                | "now"
                | "still"
                | "currently"
                | "regularly"
                | "mainly"
                | "largely"
                | "mostly"
        ) {
            return Status::Ongoing;
        }
        Status::Occurred
    }

    fn quantity(
        &self,
        ctx: &Context,
        group: &Group,
        mentions: &[&M],
        used: &[usize],
        groups: usize,
    ) -> Option<(usize, Quantity)> {
        let candidates: Vec<(usize, &M)> = mentions
            .iter()
            .enumerate()
            .filter(|(k, m)| {
                matches!(m.kind, Kind::Quantity { .. })
                    && !used.contains(k)
                    && !ctx.after_comparison(m.start + 1)
            })
            .filter(|(_, m)| !preceded_by_comparison_word(ctx, m.start))
            .map(|(k, m)| (k, *m))
            .collect();
        // "36,000 tonnes of durum wheat": right before the goods.
        let before = candidates.iter().rev().find(|(_, m)| {
            m.end <= group.start && gap_words(ctx.text, m.end, group.start).len() <= 3
        });
        let chosen = before.or_else(|| {
            if groups == 1 {
                candidates.first()
            } else {
                None
            }
        })?;
        match &chosen.1.kind {
            Kind::Quantity { value, unit } => Some((
                chosen.0,
                Quantity {
                    value: *value,
                    unit: unit.clone(),
                },
            )),
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
            let (a, b) = if m.end <= group.start {
                (m.end, group.start)
            } else {
                (group.end, m.start)
            };
            gap_words(ctx.text, a, b).len() <= 4
        });
        let chosen = near.or_else(|| {
            if groups == 1 && candidates.len() == 1 {
                candidates.first()
            } else {
                None
            }
        })?;
        match &chosen.kind {
            Kind::Money {
                amount, currency, ..
            } => Some(Money {
                amount: *amount,
                currency: currency.clone(),
            }),
            _ => None,
        }
    }
}

impl Frame for TradeFrame {
    fn run(&self, ctx: &Context, claimed: &mut [bool]) -> Vec<Claim> {
        let mut claims: Vec<Claim> = Vec::new();
        let mut last_subject: Option<String> = None;
        let mut last_exporter: Option<String> = None;
        for i in 0..ctx.sentences.len() {
            if claimed[i] {
                continue;
            }
            // "The wheat is for shipment May 1-10, 1987." says when the flows
            // of the sentence before it ship.
            if let Some(note) = shipment_note(ctx, i) {
                // It completes the flows of the last sentence that had any,
                // when that was at most three sentences back.
                let window = ctx
                    .chars
                    .char_offset(ctx.sentences[i.saturating_sub(3)].start);
                let last = claims
                    .last()
                    .and_then(|c| c.evidence.first())
                    .map(|e| e.start)
                    .filter(|&start| start >= window);
                if let Some(last_start) = last {
                    let s = ctx.sentences[i];
                    for c in claims
                        .iter_mut()
                        .filter(|c| c.evidence.first().is_some_and(|e| e.start == last_start))
                    {
                        if let Kind::Time { value, kind } = &note.kind {
                            c.time = deadline_year(kind, value.as_deref());
                            c.time_text = Some(note.text.clone());
                        }
                        c.evidence.push(ctx.evidence(s.start, s.end));
                    }
                    claimed[i] = true;
                }
                continue;
            }
            // "All exports must be completed by September 30, 1987." bounds
            // every flow reported so far that says no time of its own.
            if let Some((year, text)) = deadline_note(ctx, i) {
                for c in claims.iter_mut().filter(|c| c.time.is_none()) {
                    c.time = Some(year.clone());
                    c.time_text = Some(text.clone());
                }
            }
            // The flow reported in the last three sentences, if any.
            // (Not the flow of the other clause of the same sentence for a
            // value alone: "Danish pigmeat exports to Canada were worth 106
            // mln crowns, while Canadian exports to the EC totalled 6.5
            // billion dlrs"; an amount of goods goes on: "sales to unknown
            // destinations down by 2,700 tonnes, while sales to Canada
            // increased 200 tonnes".)
            let sibling = i > 0 && {
                let between = &ctx.text[ctx.sentences[i - 1].end..ctx.sentences[i].start];
                between.starts_with([',', ';'])
                    && !ctx
                        .content_mentions(i)
                        .iter()
                        .any(|m| matches!(m.kind, Kind::Quantity { .. }))
            };
            let continuing = claims.last().filter(|c| {
                let s = ctx.sentences[i];
                c.evidence.first().is_some_and(|e| {
                    let at = ctx.chars.byte_offset(e.start);
                    ctx.sentences[i.saturating_sub(3)].start <= at
                        && at < s.start
                        && !(sibling && at >= ctx.sentences[i - 1].start)
                })
            });
            let found = self.sentence(ctx, i, &mut last_subject, &mut last_exporter, continuing);
            let found = region_sides(ctx, i, found);
            // "The palm oil would come from Malaysia or Indonesia." names the
            // missing side of an earlier flow of those goods: complete it.
            let window = ctx
                .chars
                .char_offset(ctx.sentences[i.saturating_sub(3)].start);
            let earlier = claims
                .iter()
                .rev()
                .take_while(|c| c.evidence.first().is_some_and(|e| e.start >= window))
                .find(|c| found.iter().any(|f| same_goods(c, f)))
                .or(continuing)
                .cloned();
            if let Some(previous) = earlier {
                if let Some(completed) = elaborate(ctx, i, &previous, &found) {
                    let first = previous.evidence.first().map(|e| e.start);
                    claims.retain(|c| {
                        !(c.evidence.first().map(|e| e.start) == first
                            && same_goods(c, &previous)
                            && c.exporter.is_none() == previous.exporter.is_none()
                            && c.importer.is_none() == previous.importer.is_none())
                    });
                    claims.extend(completed);
                    claimed[i] = true;
                    continue;
                }
            }
            if !found.is_empty() {
                claimed[i] = true;
                claims.extend(found);
            }
        }
        claims
    }
}

/// "Imports to South East Asia are seen rising", "ICO member exports
/// dropped": a region or an international body named as a side has no
/// country code, so no stand-in (the dateline, the story's last subject)
/// takes its place. A region after "to" or "into" holds the buyer's side, one
/// after "from" the seller's; a body, or a region heading its countries,
/// before the first trade word, with no country named before it, holds the
/// subject's side.
fn region_sides(ctx: &Context, i: usize, found: Vec<Claim>) -> Vec<Claim> {
    if found.is_empty() {
        return found;
    }
    let s = ctx.sentences[i];
    let mentions = ctx.content_mentions(i);
    let regions: Vec<&M> = mentions
        .iter()
        .copied()
        .filter(|m| match &m.kind {
            Kind::Region { code, .. } => code.is_none(),
            Kind::Organisation { org_type, .. } => {
                *org_type == Some(tw_gazetteer::OrgType::International)
            }
            _ => false,
        })
        .collect();
    if regions.is_empty() {
        return found;
    }
    let named: Vec<String> = mentions.iter().filter_map(|m| country_of(m)).collect();
    let after = |r: &M, words: &[&str]| {
        gap_words(ctx.text, ctx.words_before(r.start, 2), r.start)
            .iter()
            .any(|w| words.contains(&w.as_str()))
    };
    let to_region = regions.iter().any(|r| after(r, &["to", "into"]));
    let from_region = regions.iter().any(|r| after(r, &["from"]));
    let first_trigger = ctx
        .cues
        .triggers
        .phrases
        .find(ctx.sentence_text(i))
        .first()
        .map(|h| (s.start + h.start, ctx.cues.direction(h.index)));
    // (A body, or a region heading its countries: "ICO member exports",
    // "Central and South American nations ... exported"; "Gulf oil
    // imports" names where the goods come from.)
    let subject_region = first_trigger.and_then(|(t, direction)| {
        (regions.iter().any(|r| {
            r.end <= t
                && (matches!(r.kind, Kind::Organisation { .. })
                    || ctx.cues.bloc_nouns.is_exactly(next_word(ctx.text, r.end)))
        }) && !mentions
            .iter()
            .any(|m| m.country().is_some() && m.start < t))
        .then_some(direction)
    });
    // "Gulf petrochemical exports", "Gulf oil imports": a region right
    // before the goods of a trade noun is where they come from; no other
    // country holds that side.
    let region_origin = first_trigger.is_some_and(|(t, _)| {
        regions.iter().any(|r| {
            mentions.iter().any(|g| {
                matches!(g.kind, Kind::Commodity { .. })
                    && g.start >= r.end
                    && g.end <= t
                    && gap_words(ctx.text, r.end, g.start).is_empty()
                    && gap_words(ctx.text, g.end, t).is_empty()
            })
        })
    });
    let stand_in = |side: &Option<String>| side.as_ref().is_some_and(|c| !named.contains(c));
    let by_name = |side: &Option<String>| {
        side.as_ref().is_some_and(|code| {
            mentions.iter().any(|m| {
                m.country() == Some(code.as_str())
                    && matches!(
                        m.kind,
                        Kind::Country {
                            form: Form::Name | Form::Possessive,
                            ..
                        }
                    )
            })
        })
    };
    found
        .into_iter()
        .filter_map(|mut c| {
            // (A country named by name keeps the side: "Saudi Arabia raised
            // its Gulf oil exports".)
            if region_origin && !by_name(&c.exporter) {
                c.exporter = None;
            }
            if to_region && stand_in(&c.importer) {
                c.importer = None;
            }
            if from_region && stand_in(&c.exporter) {
                c.exporter = None;
            }
            match subject_region {
                Some(Direction::Export) if stand_in(&c.exporter) => c.exporter = None,
                Some(Direction::Import) if stand_in(&c.importer) => c.importer = None,
                _ => {}
            }
            (c.exporter.is_some() || c.importer.is_some()).then_some(c)
        })
        .collect()
}

/// True when a flow states something of its own beyond goods and one
/// side: an amount, a value, a time or both sides.
fn has_own_facts(c: &Claim) -> bool {
    c.quantity.is_some()
        || c.value.is_some()
        || c.time.is_some()
        || (c.exporter.is_some() && c.importer.is_some())
}

/// Whether the sentence names country `code` as a side of its trade in
/// so many words: a possessive ("Ecuador's crude oil shipments"), a
/// country after "to", "from" or "into", or a name standing on its own
/// ("Peru stopped selling its refined silver") or one that heads a body
/// acting for it ("the Saudi government"), not one that modifies the
/// goods or the trade word ("U.S. cars", "Japanese chips") or follows
/// "with" ("talks with Japan").
fn names_side(ctx: &Context, code: &str, mentions: &[&M], triggers: &[Hit]) -> bool {
    mentions.iter().any(|m| {
        if m.country() != Some(code) {
            return false;
        }
        let preposition = word_before_article(ctx, ctx.words_before(m.start, 3), m.start);
        let preposition = preposition.as_deref();
        if matches!(preposition, Some("to" | "from" | "into")) {
            return true;
        }
        // ("The Saudi government had approached six European countries":
        // a government, a ministry or an army acts for its country.)
        let next = next_word(ctx.text, m.end);
        if ctx.cues.state_bodies.is_exactly(next) {
            return true;
        }
        match &m.kind {
            Kind::Country {
                form: Form::Possessive,
                ..
            } => true,
            Kind::Country {
                form: Form::Name | Form::Abbreviation,
                ..
            } => {
                // (A verb in the past right after the name has it as its
                // subject: "between January and May Ecuador sold".)
                let modifies = mentions
                    .iter()
                    .filter(|o| matches!(o.kind, Kind::Commodity { .. }))
                    .map(|o| o.start)
                    .chain(
                        triggers
                            .iter()
                            .filter(|t| !is_participle(ctx, t))
                            .map(|t| t.start),
                    )
                    .any(|start| start >= m.end && gap_words(ctx.text, m.end, start).is_empty());
                !modifies && preposition != Some("with")
            }
            _ => false,
        }
    })
}

/// True when two claims name the same goods (same HS codes).
fn same_goods(a: &Claim, b: &Claim) -> bool {
    a.commodities
        .iter()
        .map(|c| &c.hs)
        .eq(b.commodities.iter().map(|c| &c.hs))
}

/// Claims of a sentence that opens with "The <goods>" and only supply the
/// side the previous flow of those goods lacked become that flow, completed.
fn elaborate(ctx: &Context, i: usize, previous: &Claim, found: &[Claim]) -> Option<Vec<Claim>> {
    let sent = ctx.sentence_text(i);
    let first = sent.split_whitespace().next()?.to_ascii_lowercase();
    if !matches!(first.as_str(), "the" | "this" | "these" | "those") || found.is_empty() {
        return None;
    }
    // The goods must be the subject: "The palm oil would come from ...".
    let s = ctx.sentences[i];
    let goods_first = ctx
        .content_mentions(i)
        .into_iter()
        .find(|m| matches!(m.kind, Kind::Commodity { .. }))
        .is_some_and(|m| gap_words(ctx.text, s.start, m.start).len() <= 1);
    if !goods_first {
        return None;
    }
    let same = found.iter().all(|c| {
        c.commodities.iter().all(|x| {
            previous.commodities.iter().any(|p| {
                p.hs.is_some()
                    && p.hs
                        .as_deref()
                        .zip(x.hs.as_deref())
                        .is_some_and(|(a, b)| a.starts_with(b) || b.starts_with(a))
            })
        })
    });
    if !same {
        return None;
    }
    let evidence = ctx.evidence(s.start, s.end);
    let mut out = Vec::new();
    for c in found {
        let mut completed = previous.clone();
        match (&previous.exporter, &previous.importer) {
            (None, Some(imp)) if c.exporter.is_some() && c.exporter.as_ref() != Some(imp) => {
                completed.exporter.clone_from(&c.exporter)
            }
            (Some(exp), None) if c.importer.is_some() && c.importer.as_ref() != Some(exp) => {
                completed.importer.clone_from(&c.importer)
            }
            _ => return None,
        }
        completed.evidence.push(evidence.clone());
        out.push(completed);
    }
    Some(out)
}

/// Words that open a sentence about what came before.
const BACK_REFERENCES: &[&str] = &["the", "all", "it", "they", "these", "those", "both", "this"];

/// A sentence that only says when the goods of the sentence before ship
/// or are delivered ("The wheat is for shipment May 1-10, 1987", "All are
/// for August shipment"), with the time it gives.
/// The time of a flow bounded by a deadline ("for shipment on or before
/// May 31, 1987"): the flow happens in the deadline's year, not on its day.
fn deadline_year(kind: &tw_time::TimeKind, value: Option<&str>) -> Option<String> {
    match kind {
        tw_time::TimeKind::Until => value.and_then(|v| v.get(..4)).map(str::to_string),
        _ => value.map(str::to_string),
    }
}

/// A sentence that sets a deadline for all the flows of a story ("All
/// sales under the line must be registered and exports completed by
/// September 30, 1987"): the deadline's year and its words.
fn deadline_note(ctx: &Context, i: usize) -> Option<(String, String)> {
    let sent = ctx.sentence_text(i).to_ascii_lowercase();
    if sent.split_whitespace().next()? != "all" || !sent.contains(" must ") {
        return None;
    }
    ctx.content_mentions(i)
        .into_iter()
        .find_map(|m| match &m.kind {
            Kind::Time {
                value: Some(v),
                kind: tw_time::TimeKind::Until,
            } => Some((v.get(..4)?.to_string(), m.text.clone())),
            _ => None,
        })
}

fn shipment_note<'c>(ctx: &'c Context, i: usize) -> Option<&'c M> {
    let sent = ctx.sentence_text(i).to_ascii_lowercase();
    let first = sent.split_whitespace().next()?;
    if !BACK_REFERENCES.contains(&first) {
        return None;
    }
    let says_when = [
        " is for ",
        " are for ",
        "for shipment",
        "for delivery",
        " is due ",
        " are due ",
    ]
    .iter()
    .any(|p| sent.contains(p));
    if !says_when || !(sent.contains("shipment") || sent.contains("deliver")) {
        return None;
    }
    // Only shipment words may trigger: "exporters reported corn sales for
    // delivery to Taiwan" is a flow of its own.
    let original = ctx.sentence_text(i);
    let only_shipment = ctx.cues.triggers.phrases.find(&sent).iter().all(|h| {
        let w = &sent[h.start..h.end];
        // Words inside a capitalised name ("Grain Supply Agreement") are no triggers.
        w.starts_with("shipment")
            || w.starts_with("deliver")
            || original[h.start..].starts_with(char::is_uppercase)
    });
    if !only_shipment {
        return None;
    }
    ctx.content_mentions(i).into_iter().find(|m| {
        m.is_when()
            || matches!(
                &m.kind,
                Kind::Time {
                    value: Some(_),
                    kind: tw_time::TimeKind::Until
                }
            )
    })
}

/// Whether a flow found by a word of buying, selling or shipping (not by
/// "export" or "import") is trade between economies rather than a firm's
/// or a market's business: two economies on its sides; or a word that puts
/// it across a border ("foreign", "cif") and no word that keeps it at home;
/// or its one side named in the sentence as a party acting in its own name
/// ("Colombia is holding a selling tender", "Soviet purchases", "the
/// Indian state trading corporation bought"), not as the nationality of a
/// firm or of people ("Canadian General Electric Co", "American
/// motorists") and not by a stand-in such as the dateline.
fn between_economies(
    ctx: &Context,
    claim: &Claim,
    mentions: &[&M],
    crosses: bool,
    domestic: bool,
    company_news: bool,
) -> bool {
    let (side, other) = (claim.exporter.as_deref(), claim.importer.as_deref());
    if let (Some(a), Some(b)) = (side, other) {
        return a != b;
    }
    if domestic {
        return false;
    }
    let Some(code) = side.or(other) else {
        return false;
    };
    let mut named = mentions
        .iter()
        .filter(|m| country_of(m).as_deref() == Some(code));
    if crosses {
        // Across a border, but the one side must still be named here.
        return named.next().is_some();
    }
    // A firm's sales in a market ("U.S. car sales ..., Nissan Motor
    // said") are its business, whatever country is named, unless the
    // state acts through a body of its own ("the Indian State Trading
    // Corp").
    // A firm buying "from China" or selling "to Japan" trades across a
    // border all the same.
    named.any(|m| match acts_as_economy(ctx, m, mentions) {
        Acting::State => true,
        Acting::Named => {
            !company_news
                || word_before_article(ctx, ctx.words_before(m.start, 2), m.start)
                    .is_some_and(|w| matches!(w.as_str(), "from" | "to" | "into"))
        }
        Acting::No => false,
    })
}

/// How a mention names an economy as a party to a sale or purchase.
enum Acting {
    /// Not as a party.
    No,
    /// By name, or as the origin of the goods.
    Named,
    /// Through a body or agents of its own ("government", "state").
    State,
}

/// A mention that names an economy as a party: a country by name or
/// possessive outside a company's name, a national adjective on goods or on
/// a noun of state or trade (`acting_nouns`), a government body, or a place
/// after "to"/"from".
fn acts_as_economy(ctx: &Context, m: &M, mentions: &[&M]) -> Acting {
    let named = |yes: bool| if yes { Acting::Named } else { Acting::No };
    // "U.S.-based manufacturers", "Japanese-owned Nissan": a firm's home;
    // "U.S.-made cars": where goods were made, not who sells them.
    let rest = &ctx.text[m.end..];
    if [
        "-based",
        "-owned",
        "-controlled",
        "-registered",
        "-listed",
        "-made",
        "-built",
        "-produced",
        "-assembled",
    ]
    .iter()
    .any(|s| rest.starts_with(s))
    {
        return Acting::No;
    }
    match &m.kind {
        Kind::Country { form, .. } => match form {
            Form::Adjective => {
                // "the Chinese will buy", "the Soviets bought": a
                // nationality after "the" with a verb right after it is the
                // people, acting for its country (`people_verbs`).
                if gap_words(ctx.text, ctx.words_before(m.start, 2), m.start)
                    .last()
                    .is_some_and(|w| w == "the")
                    && ctx.cues.people_verbs.is_exactly(next_word(ctx.text, m.end))
                {
                    return Acting::Named;
                }
                let window_end = ctx.text[m.end..]
                    .char_indices()
                    .filter(|&(_, c)| c.is_whitespace())
                    .nth(2)
                    .map_or(ctx.text.len(), |(b, _)| m.end + b);
                let window = &ctx.text[m.end..window_end];
                // "the Indian State Trading Corp" acts for its state;
                // "Canadian General Electric Co" is a firm.
                if ctx
                    .cues
                    .acting_nouns
                    .find(window)
                    .first()
                    .is_some_and(|h| window[..h.start].trim().is_empty())
                {
                    return Acting::State;
                }
                named(
                    !in_firm_name(ctx, m)
                        && mentions.iter().any(|g| {
                            matches!(g.kind, Kind::Commodity { .. })
                                && g.start >= m.end
                                && gap_words(ctx.text, m.end, g.start).len() <= 1
                        }),
                )
            }
            _ => named(!in_firm_name(ctx, m)),
        },
        Kind::Organisation { org_type, name, .. } => {
            if matches!(org_type, Some(tw_gazetteer::OrgType::Government))
                || ctx.cues.state_words.any(name)
            {
                Acting::State
            } else {
                Acting::No
            }
        }
        Kind::Place { .. } | Kind::Region { .. } => {
            let before = ctx.text[..m.start].trim_end().to_ascii_lowercase();
            named(["to", "from", "into"].iter().any(|p| {
                before.ends_with(&format!(" {p}")) || before.ends_with(&format!(" {p} the"))
            }))
        }
        _ => Acting::No,
    }
}

/// True when a country mention is part of a firm's name: capitalised
/// words run into it ("Hyundai Motor America") or from it up to a company
/// marker ("Canadian General Electric Co Ltd").
fn in_firm_name(ctx: &Context, m: &M) -> bool {
    let before = ctx.text[..m.start].trim_end();
    let previous = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    // "The Dominican Republic sold ...", "But China bought ...": a word
    // that opens the sentence and names nothing (`opening_words`) is no
    // part of a name.
    let sentence_start = sentence_at(ctx, m.start).is_some_and(|s| {
        s.start <= m.start && {
            let lead = ctx.text[s.start..m.start].trim();
            lead.is_empty() || ctx.cues.opening_words.is_exactly(lead)
        }
    });
    // ("between January and May Ecuador sold": a date before the name is
    // no part of it.)
    let after_time = sentence_at(ctx, m.start).is_some_and(|s| {
        ctx.mentions.within(s.start, m.start).any(|t| {
            matches!(t.kind, Kind::Time { .. }) && ctx.text[t.end..m.start].trim().is_empty()
        })
    });
    if !sentence_start
        && !after_time
        && previous.starts_with(char::is_uppercase)
        && previous
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '&')
        && !previous.ends_with('.')
    {
        return true;
    }
    let mut pos = m.end;
    for _ in 0..5 {
        let word = next_word(ctx.text, pos);
        if word.is_empty() || !word.starts_with(char::is_uppercase) {
            return false;
        }
        if ctx.cues.company_markers.is_exactly(word) {
            return true;
        }
        let Some(at) = ctx.text[pos..].find(word) else {
            return false;
        };
        pos += at + word.len();
        if ctx.text[pos..].starts_with(',') {
            return false;
        }
    }
    false
}

/// A possessive country at most three words before `trigger`, with no
/// comma or preposition between ("Brazil's second biggest oil supplier").
fn possessive_on(ctx: &Context, trigger: &Hit, mentions: &[&M]) -> bool {
    mentions
        .iter()
        .rfind(|m| m.end <= trigger.start && m.country().is_some())
        .is_some_and(|m| {
            let mut gap = gap_words(ctx.text, m.end, trigger.start);
            gap.retain(|w| w != "s");
            matches!(
                &m.kind,
                Kind::Country {
                    form: Form::Possessive,
                    ..
                }
            ) && gap.len() <= 3
                && !ctx.text[m.end..trigger.start].contains(',')
                && !gap.iter().any(|w| NOT_SUBJECT_AFTER.contains(&w.as_str()))
        })
}

/// "Turkey was offered sugar": a country right before a passive offer
/// receives it.
fn passive_recipient(ctx: &Context, trigger: &Hit, mentions: &[&M]) -> bool {
    let before = ctx.words_before(trigger.start, 2);
    let aux = ctx.text[before..trigger.start].trim().to_ascii_lowercase();
    if !matches!(
        aux.as_str(),
        "was" | "were" | "been" | "being" | "is" | "are"
    ) {
        return false;
    }
    mentions
        .iter()
        .rfind(|m| m.end <= before)
        .is_some_and(|m| m.country().is_some() && gap_words(ctx.text, m.end, before).is_empty())
}

/// A trigger that names a policy or a need ("export cartel", "import
/// licensing system") or is the object of a policy verb ("limit imports",
/// "a fee on imported oil"): talk about a flow, not a flow.
/// Why a trade word is talk rather than a flow, worked out once per trade
/// word.
struct Talk {
    /// The trade word names a measure or an aggregate ("import quotas").
    policy_noun: bool,
    /// Talk of a measure: a policy noun, a measure on the trade word ("a
    /// duty ... on U.S. corn imports") or a barrier after it ("imports
    /// could be freed"). Goods such talk governs are its own.
    measure: bool,
    /// Any talk: a measure, what a pact asks for, or a policy verb before
    /// the trade word ("limit imports").
    any: bool,
}

impl Talk {
    fn of(ctx: &Context, h: &Hit) -> Talk {
        let policy_noun = names_policy_noun(ctx, h);
        let measure = policy_noun
            || measure_on(ctx, h)
            || ctx
                .cues
                .policy_after
                .any(words_after_in_clause(ctx, h.end, 11));
        let any = measure || pact_terms(ctx, h) || policy_verb_before(ctx, h) || price_of(ctx, h);
        Talk {
            policy_noun,
            measure,
            any,
        }
    }

    fn any(&self) -> bool {
        self.any
    }
}

/// A trade word in what a pact asks for, in a sentence with no amount
/// (`pact_nouns`, `pact_links`: "a pact in which Japan agreed to stop
/// selling chips below cost").
fn pact_terms(ctx: &Context, h: &Hit) -> bool {
    let text = ctx.text;
    let wide_start = ctx.words_before(h.start, 30);
    let wide = &text[wide_start..h.start];
    let Some(p) = ctx.cues.pact_nouns.find(wide).last().copied() else {
        return false;
    };
    let mut between = &wide[p.end..];
    // ("That pact, agreed last year after months of negotiations, calls
    // on Japan to ...": past an apposition on the pact.)
    if let Some(rest) = between.trim_start().strip_prefix(',') {
        if let Some(close) = first_clause_mark(rest, &[',']) {
            between = &rest[close + 1..];
        }
    }
    // (The pact's own terms: at most the 15 words the window held before
    // an apposition was allowed.)
    let terms_start = between.as_ptr() as usize - text.as_ptr() as usize;
    if has_clause_mark(between, &[',', ';', '.'])
        || gap_words(text, terms_start, h.start).len() > 15
        || !ctx.cues.pact_links.any(between)
    {
        return false;
    }
    let end = sentence_end_at(ctx, h.end);
    !ctx.mentions.within(wide_start, end).any(|m| {
        matches!(
            m.kind,
            Kind::Quantity { .. } | Kind::Money { per_unit: None, .. }
        )
    })
}

/// "export licences", "import quotas", "purchase requirements": the trade
/// word names a measure or an aggregate, not a flow ("granted export
/// licences for 5,000 tonnes of wheat" allots an amount, a flow).
fn names_policy_noun(ctx: &Context, h: &Hit) -> bool {
    let text = ctx.text;
    let cues = ctx.cues;
    let next_word_end = text[h.end..]
        .char_indices()
        .skip_while(|&(_, c)| c.is_whitespace())
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(text.len(), |(b, _)| h.end + b);
    let after = &text[h.end..next_word_end];
    if cues
        .policy_nouns
        .find(after)
        .first()
        .is_some_and(|p| p.start == after.len() - after.trim_start().len())
    {
        // "granted export licences for 5,000 tonnes of wheat": an amount
        // allotted is a flow.
        let allotted = next_word(text, next_word_end).eq_ignore_ascii_case("for")
            && ctx
                .mentions
                .within(next_word_end, (next_word_end + 40).min(text.len()))
                .any(|m| matches!(m.kind, Kind::Quantity { .. }));
        return !allotted;
    }
    false
}

/// "imposed a duty of 85 cents per bushel on U.S. corn imports", "tariffs
/// on 300 mln dlrs worth of Japanese exports", "no set target for its
/// coffee exports": a measure on the goods, not a flow of them. Amounts
/// between the preposition and the trade word do not count against the
/// few words allowed.
fn measure_on(ctx: &Context, h: &Hit) -> bool {
    let text = ctx.text;
    let wide_start = ctx.words_before(h.start, 16);
    let wide = &text[wide_start..h.start];
    let Some(p) = ctx.cues.measure_nouns.find(wide).first().copied() else {
        return false;
    };
    if has_clause_mark(&wide[p.end..], &[',', ';']) {
        return false;
    }
    [" on ", " for ", " against "].iter().any(|prep| {
        let Some(k) = wide[p.end..].rfind(prep) else {
            return false;
        };
        let from = wide_start + p.end + k + prep.len();
        let mut words = gap_words(text, from, h.start);
        // (Amounts, and the goods the measure is on: "a tariff on crude oil
        // and gasoline imports".)
        for m in ctx.mentions.within(from, h.start) {
            if matches!(
                m.kind,
                Kind::Money { .. } | Kind::Quantity { .. } | Kind::Commodity { .. }
            ) {
                let inside = gap_words(text, m.start, m.end);
                words.retain(|w| !inside.contains(w));
            }
        }
        words.retain(|w| !matches!(w.as_str(), "worth" | "of" | "about" | "some"));
        words.len() <= 4
    })
}

/// A trade word a price hangs on ("high prices for the country's coffee
/// exports", "reduce the price of its crude oil exports"): a price noun, a
/// preposition and at most four words before the trade word, in one clause.
fn price_of(ctx: &Context, h: &Hit) -> bool {
    let text = ctx.text;
    let start = ctx.words_before(h.start, 8);
    let lead = &text[start..h.start];
    // ("the price of Soviet oil imported by the EC": a participle on the
    // goods still moves them.)
    let word = text[h.start..h.end].to_ascii_lowercase();
    if word.ends_with("ed") || word.ends_with("ing") {
        return false;
    }
    let Some(p) = ctx.cues.price_talk_nouns.find(lead).last().copied() else {
        return false;
    };
    let words = gap_words(text, start + p.end, h.start);
    !has_clause_mark(&lead[p.end..], &[',', ';', ':'])
        && words
            .first()
            .is_some_and(|w| matches!(w.as_str(), "for" | "of" | "in" | "on"))
        && words.len() <= 5
}

/// A policy verb a few words before the trade word ("limit imports",
/// "dependence on oil imports").
fn policy_verb_before(ctx: &Context, h: &Hit) -> bool {
    let text = ctx.text;
    let cues = ctx.cues;
    let before_start = ctx.words_before(h.start, 7);
    let before = &text[before_start..h.start];
    cues.policy_verbs.find(before).iter().any(|p| {
        // "the world's largest exporter" is an apposition, not a total.
        // "Pan American World Airways" is a name.
        let apposition = before[p.end..].starts_with(['\'', '\u{2019}']);
        let name = p.start > 0 && before[p.start..].starts_with(char::is_uppercase);
        !apposition && !name && before[p.end..].split_whitespace().count() <= 4
    })
}

/// The country right after a selling verb and before its goods, with a
/// determiner, "with" or an amount between ("sell India a computer",
/// "supply Iran with oil products"): the receiver of a double object.
fn recipient_between(
    ctx: &Context,
    trigger: &Hit,
    group: &Group,
    countries: &[&M],
) -> Option<String> {
    // "sell the Soviets lower-priced wheat": a people, plural, is the
    // receiver too.
    let people = |m: &M| {
        matches!(
            &m.kind,
            Kind::Country {
                form: Form::Adjective,
                ..
            }
        ) && m.text.ends_with('s')
            && ctx.text[trigger.end..m.start]
                .trim()
                .eq_ignore_ascii_case("the")
    };
    let m = countries.iter().find(|m| {
        m.start >= trigger.end
            && m.end <= group.start
            && (ctx.text[trigger.end..m.start].trim().is_empty() || people(m))
    })?;
    if people(m) {
        let gap = gap_words(ctx.text, m.end, group.start);
        return (gap.len() <= 3 && !has_clause_mark(&ctx.text[m.end..group.start], &[',', ';']))
            .then(|| country_of(m))
            .flatten();
    }
    if matches!(
        &m.kind,
        Kind::Country {
            form: Form::Adjective | Form::Possessive,
            ..
        }
    ) {
        return None;
    }
    // Something must stand between the two objects: "sell India a
    // computer", "supply Iran with refined oil products", "offered Egypt
    // 500,000 tonnes of wheat"; "offered Kenya coffee" names an origin.
    let gap = gap_words(ctx.text, m.end, group.start);
    let amount = ctx
        .mentions
        .within(m.end, group.start)
        .any(|q| matches!(q.kind, Kind::Quantity { .. } | Kind::Money { .. }));
    let determiner = gap.first().is_some_and(|w| {
        matches!(
            w.as_str(),
            "a" | "an" | "the" | "with" | "some" | "more" | "its" | "their" | "additional"
        )
    });
    ((determiner && gap.len() <= 3 || amount)
        && gap.len() <= 8
        && !has_clause_mark(&ctx.text[m.end..group.start], &[',', ';']))
    .then(|| country_of(m))
    .flatten()
}

/// The country a pronoun object stands for, between a selling verb and its
/// goods ("before Saudi Arabia would ship it oil"; "it" is Brazil, named
/// before): the nearest country before the verb.
fn pronoun_recipient(
    ctx: &Context,
    trigger: &Hit,
    group: &Group,
    countries: &[&M],
) -> Option<String> {
    if group.start < trigger.end {
        return None;
    }
    let gap = gap_words(ctx.text, trigger.end, group.start);
    if !gap.first().is_some_and(|w| w == "it" || w == "them")
        || gap.len() > 3
        || has_clause_mark(&ctx.text[trigger.end..group.start], &[',', ';'])
    {
        return None;
    }
    countries
        .iter()
        .rev()
        .find(|m| m.end <= trigger.start)
        .and_then(|m| country_of(m))
}

/// Whether the clause reads "<A> asked <B> to <trade word>": an active
/// request verb, someone asked, then "to" right before the trade word.
fn asks_another_to_trade(ctx: &Context, sentence_start: usize, trigger: &Hit) -> bool {
    let lead = ctx.text[sentence_start..trigger.start].trim_end();
    let Some(before_to) = lead
        .strip_suffix(" to")
        .or_else(|| lead.strip_suffix("\nto"))
    else {
        return false;
    };
    let clause_start = last_clause_mark(before_to, &[',', ';']).map_or(0, |k| k + 1);
    let clause = &before_to[clause_start..];
    let Some(verb) = ctx.cues.request_verbs.find(clause).last().copied() else {
        return false;
    };
    // Someone asked: a country, a body or a word for them ("six European
    // countries"), not a thing ("requested licences to export").
    let asked_text = &clause[verb.end..];
    let asked = crate::text::words(asked_text);
    let offset = asked_text.as_ptr() as usize - ctx.text.as_ptr() as usize;
    let party = ctx
        .mentions
        .within(offset, offset + asked_text.len())
        .any(|m| {
            m.country().is_some()
                || matches!(m.kind, Kind::Organisation { .. } | Kind::Region { .. })
        })
        || ctx.cues.party_nouns.any(asked_text);
    if !party
        || asked
            .iter()
            .any(|&(a, b)| asked_text[a..b].eq_ignore_ascii_case("to"))
    {
        return false;
    }
    let passive = crate::text::words(&clause[..verb.start])
        .last()
        .is_some_and(|&(a, b)| {
            matches!(
                clause[a..b].to_ascii_lowercase().as_str(),
                "was" | "were" | "been" | "be" | "being" | "is" | "are"
            )
        });
    !asked.is_empty() && asked.len() <= 6 && !passive
}

/// The country a buying word's goods are bought in ("bought 100,000
/// tonnes of rice in Thailand", "shopping for industrial products in the
/// U.S."): a name after "in" right after the goods, or their amount, in the
/// trigger's clause.
fn bought_in(
    ctx: &Context,
    i: usize,
    trigger: &Hit,
    group: &Group,
    countries: &[&M],
) -> Option<String> {
    if !ctx
        .cues
        .market_buying_words
        .is_exactly(&ctx.text[trigger.start..trigger.end])
        || group.start < trigger.end
    {
        return None;
    }
    let (_, clause_end) = clause_of(ctx, i, trigger.end);
    countries
        .iter()
        .find(|m| m.start >= group.end && m.end <= clause_end)
        .filter(|m| {
            matches!(
                &m.kind,
                Kind::Country {
                    form: Form::Name | Form::Abbreviation,
                    ..
                }
            ) && {
                let gap = gap_words(ctx.text, group.end, m.start);
                matches!(gap.as_slice(), [w] if w == "in")
                    || matches!(gap.as_slice(), [w, t] if w == "in" && t == "the")
            }
        })
        .and_then(|m| country_of(m))
}

/// Whether a country adjective or abbreviation names a trade house's
/// nationality ("a French house", "a U.K. trade house"): one of
/// `firm_nouns` right after it, or after one more word; or a city names
/// where dealers sit ("London traders": `place_trader_nouns`).
fn names_firm(ctx: &Context, m: &M) -> bool {
    // ("from London traders": a city's dealers.)
    if matches!(m.kind, Kind::Place { .. }) {
        let next = next_word(ctx.text, m.end);
        return ctx.cues.firm_nouns.is_exactly(next)
            || ctx.cues.place_trader_nouns.is_exactly(next);
    }
    // ("a U.K. trade house": an abbreviation too.)
    if !matches!(
        &m.kind,
        Kind::Country {
            form: Form::Adjective | Form::Abbreviation,
            ..
        }
    ) {
        return false;
    }
    let words = gap_words(ctx.text, m.end, words_end(ctx.text, m.end, 3));
    let firm = |k: usize| {
        words
            .get(k)
            .is_some_and(|w| ctx.cues.firm_nouns.is_exactly(w))
            || words
                .get(k..k + 2)
                .is_some_and(|p| ctx.cues.firm_nouns.is_exactly(&p.join(" ")))
    };
    firm(0) || firm(1)
}

/// "Cuba has told operators who have bought its sugar": buyers in a
/// relative clause bought the goods of the sentence's subject, which
/// sells. A buying word right after "who", "which" or "that" (and a
/// perfect's "have"), with "its" or "their" on the goods.
fn bought_from_subject(ctx: &Context, trigger: &Hit, group: &Group) -> bool {
    if ctx.cues.direction(trigger.index) != Direction::Import || group.start < trigger.end {
        return false;
    }
    let owner = gap_words(ctx.text, trigger.end, group.start);
    if !matches!(owner.as_slice(), [w] if w == "its" || w == "their") {
        return false;
    }
    let before = gap_words(ctx.text, ctx.words_before(trigger.start, 3), trigger.start);
    before
        .iter()
        .rev()
        .find(|w| !matches!(w.as_str(), "have" | "has" | "had" | "already" | "recently"))
        .is_some_and(|w| matches!(w.as_str(), "who" | "which" | "that"))
}

/// "Toyota expects its 1988 U.S. sales will total 600,000 cars": a
/// country between a firm's possessive and its sales names the market the
/// firm sells in, not a party.
fn firms_market(ctx: &Context, m: &M, next: &str) -> bool {
    if !next.eq_ignore_ascii_case("sales") {
        return false;
    }
    // (Two words back, past a year: "its 1988 U.S. sales".)
    let before = gap_words(ctx.text, ctx.words_before(m.start, 3), m.start);
    before
        .iter()
        .rev()
        .find(|w| !w.chars().all(|c| c.is_ascii_digit()))
        .is_some_and(|w| w == "its" || w == "their")
}

/// For "Canadian gas imports ... the United States": the other country
/// named, when `m` is a nationality directly on the goods before an
/// import noun, no country follows "from" and another country is named.
fn origin_on_imports(ctx: &Context, trigger: &Hit, m: &M, countries: &[&M]) -> Option<String> {
    let word = ctx.text[trigger.start..trigger.end].to_ascii_lowercase();
    // ("U.S. corn imports": an abbreviation on the goods, when the other
    // side is people of another economy.)
    let abbreviated = matches!(
        &m.kind,
        Kind::Country {
            form: Form::Abbreviation,
            ..
        }
    );
    if !matches!(word.as_str(), "import" | "imports")
        || !(abbreviated
            || matches!(
                &m.kind,
                Kind::Country {
                    form: Form::Adjective,
                    ..
                }
            ))
        || gap_words(ctx.text, m.end, trigger.start).is_empty()
    {
        return None;
    }
    let code = country_of(m)?;
    // ("from the U.S.": the two words before the name.)
    let after_from = |o: &M| {
        gap_words(ctx.text, ctx.words_before(o.start, 3), o.start)
            .iter()
            .any(|w| w == "from")
    };
    if countries.iter().any(|o| after_from(o))
        || ctx
            .cues
            .from_markers
            .any(words_after_in_clause(ctx, trigger.end, 6))
    {
        return None;
    }
    // (A country by name: "Japanese imports" in "Dutch car imports rose,
    // reflecting growth in Japanese imports" is another trade noun's; a
    // nationality on people after the trade word is the buyer's side:
    // "U.S. corn imports were injurious to Canadian growers".)
    countries
        .iter()
        .filter(|o| match &o.kind {
            Kind::Country {
                form: Form::Name | Form::Abbreviation,
                ..
            } => !abbreviated,
            Kind::Country {
                form: Form::Adjective,
                ..
            } => {
                o.start > trigger.end
                    && ctx.cues.people_nouns.is_exactly(next_word(ctx.text, o.end))
            }
            _ => false,
        })
        .filter_map(|o| country_of(o))
        .find(|c| *c != code)
        // ("the domestic industry was being injured by Brazilian orange
        // juice imports": the home economy's people name the buyer.)
        .or_else(|| {
            let s = sentence_at(ctx, trigger.start)?;
            let lower = ctx.text[s.start..s.end].to_ascii_lowercase();
            let home_people = lower.match_indices("domestic ").any(|(k, w)| {
                ctx.cues
                    .people_nouns
                    .is_exactly(next_word(&lower, k + w.len() - 1))
            });
            ctx.home.clone().filter(|h| home_people && *h != code)
        })
}

/// Whether country `m` is a point of comparison: "than" at most eight
/// words before it in its clause ("the price is 15 pct higher than that of cotton
/// from Pakistan and India"), not an amount's "more than" or "less than".
fn compared(ctx: &Context, m: &M) -> bool {
    let lead = &ctx.text[ctx.words_before(m.start, 10)..m.start];
    // (Most leads hold no "than": no word list for them.)
    if !lead.to_ascii_lowercase().contains("than") {
        return false;
    }
    let words = crate::text::words(lead);
    let word = |k: usize| &lead[words[k].0..words[k].1];
    let near = words.len().saturating_sub(8);
    (near..words.len()).any(|k| {
        word(k).eq_ignore_ascii_case("than")
            && !k.checked_sub(1).is_some_and(|j| {
                ["more", "less", "fewer", "other", "rather"]
                    .iter()
                    .any(|x| word(j).eq_ignore_ascii_case(x))
            })
            // (Within the clause: no comma between "than" and the name.)
            && !has_clause_mark(&lead[words[k].0..], &[',', ';', ':'])
    })
}

/// Whether goods `m` are what other goods are for: an end-use phrase
/// (`end_use_cues`: "to make", "used to make", "to upgrade") at most four
/// words before them in the same clause, with no trade word between.
fn end_use(ctx: &Context, m: &M) -> bool {
    let start = ctx.words_before(m.start, 6);
    let lead = &ctx.text[start..m.start];
    let Some(h) = ctx.cues.end_use_cues.find(lead).last().copied() else {
        return false;
    };
    let rest = &lead[h.end..];
    // (The trade word comes first: "exports of machines designed to make
    // submarine propellers"; goods made "for export" are the flow's.)
    let Some(s) = sentence_at(ctx, m.start) else {
        return false;
    };
    let cue = start + h.start;
    gap_words(ctx.text, start + h.end, m.start).len() <= 4
        && !has_clause_mark(rest, &[',', ';', ':'])
        && !ctx.cues.triggers.phrases.any(rest)
        && cue > s.start
        && ctx.cues.triggers.phrases.any(&ctx.text[s.start..cue])
        && !ctx
            .cues
            .triggers
            .phrases
            .any(&ctx.text[m.end..s.end.max(m.end)])
}

/// Whether a first- or second-person possessive stands on the trade word,
/// across at most two words of goods ("our meat exports", "your sales").
fn speakers_trade(ctx: &Context, trigger: &Hit) -> bool {
    let before = gap_words(ctx.text, ctx.words_before(trigger.start, 3), trigger.start);
    before
        .iter()
        .rposition(|w| matches!(w.as_str(), "our" | "my" | "your"))
        .is_some_and(|k| {
            before[k + 1..]
                .iter()
                .all(|w| !NOT_SUBJECT_AFTER.contains(&w.as_str()) && w != "and")
        })
}

/// Whether "from" at byte `pos` follows a protecting verb in its clause
/// ("protect U.S. ground forces from Soviet attack helicopters"): it names
/// a threat, not a seller.
fn shielded_from(ctx: &Context, pos: usize) -> bool {
    let lead = &ctx.text[ctx.words_before(pos, 6)..pos];
    !has_clause_mark(lead, &[',', ';']) && ctx.cues.shield_verbs.any(lead)
}

/// Whether the trade word is "tender" or one of its forms.
fn is_tender(ctx: &Context, h: &Hit) -> bool {
    ctx.text[h.start..h.end]
        .to_ascii_lowercase()
        .starts_with("tender")
}

/// Goods in the HS chapters of vehicles (`vehicle_hs` in the cues).
fn is_vehicle(ctx: &Context, m: &M) -> bool {
    matches!(&m.kind, Kind::Commodity { hs: Some(hs), .. }
        if ctx.cues.vehicle_hs.iter().any(|v| hs.starts_with(v.as_str())))
}

/// The goods mention right after `m` with only white space between.
fn goods_right_after<'m>(ctx: &Context, m: &M, mentions: &[&'m M]) -> Option<&'m M> {
    mentions.iter().copied().find(|g| {
        matches!(g.kind, Kind::Commodity { .. })
            && g.start >= m.end
            && ctx.text[m.end..g.start].trim().is_empty()
    })
}

/// The byte after the `n`-th word following `pos` (or the text's end).
fn words_end(text: &str, pos: usize, n: usize) -> usize {
    crate::text::words(&text[pos..])
        .get(n.saturating_sub(1))
        .map_or(text.len(), |&(_, b)| pos + b)
}

/// Whether the word at `pos` makes the goods before it name a market, a
/// measure or a topic (`market_heads`, `measure_nouns`: "futures",
/// "affair", "quota"; or talk: "import quotas").
fn heads_other_noun(ctx: &Context, pos: usize) -> bool {
    let next = next_word(ctx.text, pos);
    ctx.cues.market_heads.is_exactly(next)
        || ctx.cues.measure_nouns.is_exactly(next)
        || names_talk(ctx, pos)
}

/// Whether the word at `pos` is a trade word that is talk of a measure
/// ("purchase requirements", "import quotas", "a quota on ... imports").
fn names_talk(ctx: &Context, pos: usize) -> bool {
    let word = next_word(ctx.text, pos);
    if word.is_empty() {
        return false;
    }
    let start = word.as_ptr() as usize - ctx.text.as_ptr() as usize;
    ctx.cues
        .triggers
        .phrases
        .find(word)
        .first()
        .filter(|h| h.start == 0 && h.end == word.len())
        .is_some_and(|h| {
            let hit = Hit {
                start,
                end: start + word.len(),
                index: h.index,
            };
            names_policy_noun(ctx, &hit) || measure_on(ctx, &hit)
        })
}

/// Whether "of" after the trade word introduces words that are no amount,
/// time or money: goods the lexicon does not know ("sales of protein
/// concentrates"), not a continued flow ("exports of 1,263 tonnes").
fn names_unknown_goods(ctx: &Context, trigger: &Hit, mentions: &[&M]) -> bool {
    let rest = &ctx.text[trigger.end..];
    let Some(after_of) = rest
        .trim_start()
        .strip_prefix("of ")
        .map(|r| ctx.text.len() - r.len())
    else {
        return false;
    };
    let object = after_of + (ctx.text[after_of..].len() - ctx.text[after_of..].trim_start().len());
    let word = next_word(ctx.text, object);
    if !word.starts_with(|c: char| c.is_ascii_lowercase()) {
        return false;
    }
    // "of about 20,000 tonnes", "of the same": an amount or a reference.
    if matches!(
        word,
        "about"
            | "around"
            | "some"
            | "nearly"
            | "almost"
            | "over"
            | "up"
            | "only"
            | "just"
            | "the"
            | "a"
            | "an"
            | "its"
            | "their"
            | "this"
            | "these"
            | "those"
            | "all"
            | "which"
            | "what"
            | "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "several"
            | "more"
            | "less"
    ) {
        return false;
    }
    !mentions.iter().any(|m| {
        m.start == object
            && matches!(
                m.kind,
                Kind::Quantity { .. } | Kind::Money { .. } | Kind::Time { .. }
            )
    })
}

/// Whether the trade word is a verb form ("exported", "exporting") whose
/// amount follows it after at most a few small lower-case words ("an
/// average of").
fn verb_then_amount(ctx: &Context, trigger: &Hit, mentions: &[&M]) -> bool {
    let word = &ctx.text[trigger.start..trigger.end];
    if !(word.ends_with("ed") || word.ends_with("ing")) {
        return false;
    }
    let Some(amount) = mentions
        .iter()
        .find(|m| m.start >= trigger.end && matches!(m.kind, Kind::Quantity { .. }))
    else {
        return false;
    };
    let gap = gap_words(ctx.text, trigger.end, amount.start);
    gap.len() <= 4
        && ctx.text[trigger.end..amount.start]
            .chars()
            .all(|c| !c.is_uppercase() && !matches!(c, ',' | ';'))
}

/// The goods an amount's unit stands for: the last goods of the unit's
/// family (`unit_goods` in the cues) named in the three sentences before.
fn goods_of_unit(ctx: &Context, i: usize, mentions: &[&M]) -> Option<Commodity> {
    let prefix = mentions.iter().find_map(|m| match &m.kind {
        Kind::Quantity { unit, .. } => ctx.cues.unit_goods.get(unit.as_str()),
        _ => None,
    })?;
    let window = ctx.sentences[i.saturating_sub(3)].start;
    ctx.mentions
        .within(window, ctx.sentences[i].start)
        .filter_map(|m| match &m.kind {
            Kind::Commodity { hs: Some(hs), .. } if hs.starts_with(prefix.as_str()) => {
                Some(Commodity {
                    text: m.text.clone(),
                    hs: Some(hs.clone()),
                })
            }
            _ => None,
        })
        .last()
}

/// Whether nothing but goods ("Oil", "Crude oil and product") stands
/// between the sentence's start and its trade word.
fn only_goods_before(ctx: &Context, sentence_start: usize, trigger: &Hit, mentions: &[&M]) -> bool {
    let mut pos = sentence_start;
    for m in mentions
        .iter()
        .filter(|m| m.start >= sentence_start && m.end <= trigger.start)
    {
        if !matches!(m.kind, Kind::Commodity { .. }) {
            return false;
        }
        let gap = ctx.text[pos..m.start].trim_matches(|c: char| c.is_whitespace() || c == ',');
        if !(gap.is_empty() || gap == "and") {
            return false;
        }
        pos = m.end;
    }
    ctx.text[pos..trigger.start].trim().is_empty()
}

/// True for a trade word in the form of a past participle ("imported",
/// "sold", "bought", "taken").
fn is_participle(ctx: &Context, trigger: &Hit) -> bool {
    let word = ctx.text[trigger.start..trigger.end].to_ascii_lowercase();
    word.ends_with("ed") || matches!(word.as_str(), "sold" | "bought" | "taken")
}

/// The country after "by" that a past participle's clause names as its
/// agent ("shipped to the U.S. primarily by New Zealand", "bought by
/// Japan"), if any.
fn passive_agent(ctx: &Context, trigger: &Hit, countries: &[&M]) -> Option<String> {
    // "its estimate of grain purchases by the Soviet Union": a trade noun's
    // agent after "by" (past its goods) is its subject.
    let word = ctx.text[trigger.start..trigger.end].to_ascii_lowercase();
    if word.ends_with('s') && !is_participle(ctx, trigger) {
        let rest = words_after_in_clause(ctx, trigger.end, 6);
        let words = crate::text::words(rest);
        let by = words.iter().position(|&(a, b)| &rest[a..b] == "by")?;
        let after = trigger.end + words[by].1;
        let agent = countries.iter().find(|m| m.start >= after)?;
        let lead = gap_words(ctx.text, after, agent.start);
        return (lead.len() <= 1 && lead.iter().all(|w| w == "the"))
            .then(|| country_of(agent))
            .flatten();
    }
    if !is_participle(ctx, trigger) {
        return None;
    }
    // Passive: after a form of "be", or right after the goods it
    // describes ("a dairy product shipped", "200,000 tonnes bought").
    let before = gap_words(ctx.text, ctx.words_before(trigger.start, 2), trigger.start);
    let be = before.iter().any(|w| {
        matches!(
            w.as_str(),
            "is" | "are" | "was" | "were" | "be" | "been" | "being"
        )
    });
    let after_goods = ctx
        .mentions
        .within(ctx.words_before(trigger.start, 6), trigger.start)
        .any(|m| {
            matches!(m.kind, Kind::Commodity { .. } | Kind::Quantity { .. })
                && m.end <= trigger.start
                && gap_words(ctx.text, m.end, trigger.start).len() <= 1
        });
    if !be && !after_goods {
        return None;
    }
    let clause = words_after_in_clause(ctx, trigger.end, 10);
    let clause = [" while ", " but ", " whereas "]
        .iter()
        .filter_map(|sep| clause.find(sep))
        .min()
        .map_or(clause, |k| &clause[..k]);
    let words = crate::text::words(clause);
    let by = words.iter().position(|&(a, b)| &clause[a..b] == "by")?;
    let after = trigger.end + words[by].1;
    let agent = countries.iter().find(|m| m.start >= after)?;
    let lead = gap_words(ctx.text, after, agent.start);
    let adverbs = [
        "the",
        "primarily",
        "mainly",
        "mostly",
        "largely",
        "chiefly",
        "both",
    ];
    (lead.len() <= 2 && lead.iter().all(|w| adverbs.contains(&w.as_str())))
        .then(|| country_of(agent))
        .flatten()
}

/// The end of the last "that" before byte `pos` in its sentence, and
/// whether the noun before it contests what follows ("an industry
/// contention that ...", "allegations that ..."). `None` when no "that"
/// opens the clause of `pos`.
fn complement_of(ctx: &Context, sentence_start: usize, pos: usize) -> Option<(usize, bool)> {
    let before = &ctx.text[sentence_start..pos];
    let k = before.rfind(" that ")?;
    // A clause break after "that" leaves the flow outside its complement.
    if has_clause_mark(&before[k..], &[',', ';']) {
        return None;
    }
    let noun = before[..k]
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    Some((
        sentence_start + k + " that ".len(),
        ctx.cues.contention_nouns.is_exactly(&noun),
    ))
}

/// True when a buying or selling word follows a capitalised name that the
/// gazetteer does not know, inside the sentence ("For the March period,
/// Volkswagen sold 2,179 U.S. cars"): a firm (or a person) trades.
fn named_seller(ctx: &Context, sentence_start: usize, trigger: &Hit) -> bool {
    if ctx.cues.crosses_border(trigger.index) {
        return false;
    }
    let before = ctx.text[sentence_start..trigger.start].trim_end();
    let word_start = before
        .char_indices()
        .rfind(|&(_, c)| !c.is_alphanumeric())
        .map_or(0, |(k, c)| k + c.len_utf8());
    let word = &before[word_start..];
    let at = sentence_start + word_start;
    let a_name_at = |word: &str, at: usize| {
        word.len() > 1
            && word.starts_with(char::is_uppercase)
            && word.chars().skip(1).any(char::is_lowercase)
            && !ctx
                .mentions
                .within(sentence_start, trigger.start)
                .any(|m| m.start <= at && at < m.end)
    };
    // ("Chrysler said it sold 30,909 U.S. cars": the pronoun is the
    // named firm that speaks.)
    if word == "it" {
        let words: Vec<(usize, &str)> = before[..word_start]
            .split_whitespace()
            .rev()
            .take(2)
            .map(|w| (w.as_ptr() as usize - ctx.text.as_ptr() as usize, w))
            .collect();
        if let [(_, verb), (name_at, name)] = words.as_slice() {
            return ctx.cues.reporting_verbs.is_exactly(verb) && a_name_at(name, *name_at);
        }
        return false;
    }
    word_start > 0 && a_name_at(word, at)
}

/// The country that speaks in "COUNTRY said it ... TRIGGER" ("Bolivia said
/// it expects to export"), when the pronoun stands at most three words
/// before the trade word.
fn speaker_of_pronoun(ctx: &Context, sentence_start: usize, trigger: &Hit) -> Option<String> {
    let near = ctx.words_before(trigger.start, 4).max(sentence_start);
    let words = crate::text::words(&ctx.text[near..trigger.start]);
    let &(a, _) = words.iter().find(|&&(a, b)| {
        let w = &ctx.text[near + a..near + b];
        w == "it" || w == "they"
    })?;
    let pronoun = near + a;
    // A country, or a body of states or of a state ("The EC Commission
    // confirmed it granted export licences").
    let speaker = ctx
        .mentions
        .within(sentence_start, pronoun)
        .filter(|m| {
            m.country().is_some()
                || matches!(
                    &m.kind,
                    Kind::Organisation {
                        code: Some(_),
                        org_type: Some(
                            tw_gazetteer::OrgType::Government
                                | tw_gazetteer::OrgType::International
                        ),
                        ..
                    }
                )
        })
        .last()?;
    // Between them a reporting verb, and nothing but such verbs and their
    // fillers ("said", "has announced that", "said today").
    let gap = gap_words(ctx.text, speaker.end, pronoun);
    let filler = ["that", "has", "had", "have", "yesterday", "today"];
    let verb = |w: &String| ctx.cues.reporting_verbs.is_exactly(w);
    (gap.iter().any(verb) && gap.iter().all(|w| verb(w) || filler.contains(&w.as_str())))
        .then(|| country_of(speaker))
        .flatten()
}

/// The direction of the trade that goods ending at byte `pos` are a share
/// of ("crude oil accounting for 80 pct of imports": import), if the words
/// after them say so.
fn share_of(ctx: &Context, pos: usize) -> Option<Direction> {
    let window = words_after_in_clause(ctx, pos, 10);
    let marker = ctx.cues.share_markers.find(window).into_iter().next()?;
    if gap_words(window, 0, marker.start).len() > 1 {
        return None;
    }
    let rest = &window[marker.end..];
    let of = rest.find(" of ")? + 4;
    let words = crate::text::words(&rest[of..]);
    let skip = ["total", "the", "all", "its", "their", "overall"];
    let first = words
        .iter()
        .find(|&&(a, b)| !skip.contains(&rest[of + a..of + b].to_ascii_lowercase().as_str()))?;
    let tail = &rest[of + first.0..];
    let hit = ctx.cues.triggers.phrases.find(tail).into_iter().next()?;
    (hit.start == 0 && ctx.cues.crosses_border(hit.index)).then(|| ctx.cues.direction(hit.index))
}

/// The sentence that holds byte `pos` (the first one not ending before it).
fn sentence_at(ctx: &Context, pos: usize) -> Option<crate::sentences::Sentence> {
    let k = ctx.sentences.partition_point(|s| s.end < pos);
    ctx.sentences.get(k).copied()
}

/// The end of the sentence that holds byte `pos` (never before `pos`).
fn sentence_end_at(ctx: &Context, pos: usize) -> usize {
    sentence_at(ctx, pos).map_or(ctx.text.len(), |s| s.end.max(pos))
}

/// Up to `count` words after byte `pos`, cut at the end of its sentence
/// and at the first comma, semicolon or colon: the rest of the trade
/// word's clause.
fn words_after_in_clause<'t>(ctx: &Context<'t>, pos: usize, count: usize) -> &'t str {
    let rest = &ctx.text[pos..sentence_end_at(ctx, pos)];
    let clause = first_clause_mark(rest, &[',', ';', ':']).map_or(rest, |k| &rest[..k]);
    let end = crate::text::words(clause)
        .get(count.saturating_sub(1))
        .map_or(clause.len(), |&(_, end)| end);
    &clause[..end]
}

/// The clause of sentence `i` around byte `pos`: between the nearest
/// "but", "while", "whereas" or semicolon on either side.
fn clause_of(ctx: &Context, i: usize, pos: usize) -> (usize, usize) {
    let s = ctx.sentences[i];
    let lower = ctx.text[s.start..s.end].to_ascii_lowercase();
    let rel = pos - s.start;
    let mut start = 0;
    let mut end = lower.len();
    for sep in [" but ", " while ", " whereas ", ";"] {
        if let Some(k) = lower[..rel].rfind(sep) {
            start = start.max(k + sep.len());
        }
        if let Some(k) = lower[rel..].find(sep) {
            end = end.min(rel + k);
        }
    }
    (s.start + start, s.start + end)
}

/// True when a sentence holds a stock ticker in angle brackets, as wire
/// copy marks listed firms ("American Honda <HMC>").
fn has_ticker(sent: &str) -> bool {
    sent.split('<').skip(1).any(|part| {
        part.find('>').is_some_and(|end| {
            end > 0
                && part[..end]
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.')
        })
    })
}

/// True when a sentence's subject is a pronoun or "domestic" actors.
fn refers_back(sent: &str) -> bool {
    let lower = sent.to_ascii_lowercase();
    let first = lower.split_whitespace().next().unwrap_or("");
    matches!(first, "it" | "they" | "its")
        || lower.starts_with("the country")
        || lower.contains("domestic")
}

/// True when the trigger's clause opens with a pronoun as its subject
/// ("Last year, it exported an average of 173,500 bpd", "it also
/// imported").
fn pronoun_subject(ctx: &Context, sentence_start: usize, trigger: &Hit) -> bool {
    let before = &ctx.text[sentence_start..trigger.start];
    let clause =
        last_clause_mark(before, &[',', ';']).map_or(sentence_start, |k| sentence_start + k + 1);
    let words = gap_words(ctx.text, clause, trigger.start);
    // ("They said export licences ...": the pronoun speaks, it does not
    // trade.)
    words.len() <= 3
        && words
            .first()
            .is_some_and(|w| matches!(w.as_str(), "it" | "they"))
        && !words
            .get(1)
            .is_some_and(|w| ctx.cues.reporting_verbs.is_exactly(w))
}

/// The word that starts after byte `pos` (skipping white space).
pub(crate) fn next_word(text: &str, pos: usize) -> &str {
    let rest = text[pos..].trim_start();
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '-'))
        .unwrap_or(rest.len());
    &rest[..end]
}

fn flip(d: Direction) -> Direction {
    match d {
        Direction::Import => Direction::Export,
        Direction::Export => Direction::Import,
    }
}

/// Whether a nationality describes a crop, an output or a market: its
/// noun, past any goods, is one of `not_subject_heads` ("the Brazilian
/// soybean harvest", "a delayed Brazilian harvest").
fn describes_crop_or_market(ctx: &Context, m: &M) -> bool {
    if !matches!(
        &m.kind,
        Kind::Country {
            form: Form::Adjective,
            ..
        }
    ) {
        return false;
    }
    let goods_end = ctx
        .mentions
        .within(m.end, ctx.text.len())
        .take_while(|g| gap_words(ctx.text, m.end, g.start).is_empty())
        .filter(|g| matches!(g.kind, Kind::Commodity { .. }))
        .map(|g| g.end)
        .last()
        .unwrap_or(m.end);
    ctx.cues
        .not_subject_heads
        .is_exactly(next_word(ctx.text, goods_end))
}

/// Whether the word before `pos` (past "the") is a preposition whose
/// object is a whole noun phrase about trade rather than a party ("in",
/// "on", "over", "against", "about"), unlike "to", "from" or "by".
fn topic_preposition_before(ctx: &Context, sentence_start: usize, pos: usize) -> bool {
    word_before_article(ctx, near_before(ctx, sentence_start, pos), pos)
        .is_some_and(|w| matches!(w.as_str(), "in" | "on" | "over" | "against" | "about"))
}

pub(crate) fn preceded_by_preposition(ctx: &Context, sentence_start: usize, pos: usize) -> bool {
    word_before_article(ctx, near_before(ctx, sentence_start, pos), pos)
        .is_some_and(|w| NOT_SUBJECT_AFTER.contains(&w.as_str()))
}

/// The start of the two words before `pos`, within its sentence: enough
/// for a preposition and its article.
fn near_before(ctx: &Context, sentence_start: usize, pos: usize) -> usize {
    ctx.words_before(pos, 3).max(sentence_start)
}

/// The last word of `from..pos` that is not "the" (lower case): the word
/// that governs what stands at `pos` ("to the U.S." gives "to").
fn word_before_article(ctx: &Context, from: usize, pos: usize) -> Option<String> {
    gap_words(ctx.text, from, pos)
        .into_iter()
        .rev()
        .find(|w| w != "the")
}

fn preceded_by_comparison_word(ctx: &Context, pos: usize) -> bool {
    let start = ctx.words_before(pos, 3);
    let words = gap_words(ctx.text, start, pos);
    words.iter().any(|w| {
        matches!(
            w.as_str(),
            "from" | "vs" | "versus" | "against" | "than" | "prev" | "previous"
        )
    }) && !words.iter().any(|w| matches!(w.as_str(), "of"))
}

/// Whether the period `t` (ISO: "1987", "1986-04/1987-03") began by the
/// document's anchor and has not ended before it.
fn spans_anchor(t: &str, ctx: &Context) -> bool {
    let Some(anchor) = ctx.doc.anchor() else {
        return false;
    };
    let (start, end) = t.split_once('/').unwrap_or((t, t));
    let a = anchor.date_part();
    at_precision(start, a).is_le() && at_precision(end, a).is_ge()
}

/// True when the ISO time `t` ended before the document's anchor.
fn ended_before_anchor(t: &str, ctx: &Context) -> bool {
    let Some(anchor) = ctx.doc.anchor() else {
        return false;
    };
    let end = t.rsplit('/').next().unwrap_or(t);
    // A year-only interval end "1986" ends before "1987-03-26".
    at_precision(end, anchor.date_part()).is_lt()
}

/// Two ISO dates compared at the shorter one's precision ("1987" equals
/// "1987-03-26").
fn at_precision(x: &str, anchor: &str) -> std::cmp::Ordering {
    let n = x.len().min(anchor.len());
    x[..n].cmp(&anchor[..n])
}

/// Claims from one sentence with the same roles, time and status become one.
fn merge_same(claims: Vec<Claim>) -> Vec<Claim> {
    let mut out: Vec<Claim> = Vec::new();
    for c in claims {
        if let Some(o) = out.iter_mut().find(|o| {
            o.exporter == c.exporter
                && o.importer == c.importer
                && o.time == c.time
                && o.status == c.status
                && (o.quantity.is_none() && c.quantity.is_none())
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
