//! Does a claim fall in a measure's scope? The slot-by-slot rules of
//! README.md ("How claims are matched").

use tw_model::{Claim, ClaimKind};

use crate::activity::{Activity, Catalogue, Subject};
use crate::measure::{Combine, Direction, Measure};
use crate::terms::TermSet;

/// A measure with its term list compiled.
#[derive(Debug, Clone)]
pub(crate) struct Compiled {
    pub(crate) commodity_terms: TermSet,
}

impl Compiled {
    pub(crate) fn new(measure: &Measure) -> Compiled {
        Compiled {
            commodity_terms: TermSet::new(&measure.scope.commodity_terms),
        }
    }
}

/// How a claim matched one measure.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ScopeMatch {
    /// One phrase per matching slot or commodity.
    pub(crate) reasons: Vec<String>,
    /// True when no match was plain (coarser code, ambiguous code, condition).
    pub(crate) ambiguous: bool,
    /// Indices of the claim's commodities that matched (plainly or not).
    pub(crate) commodities: Vec<usize>,
    /// The subset of `commodities` that matched only ambiguously.
    pub(crate) ambiguous_commodities: Vec<usize>,
}

fn is_code(value: &str) -> bool {
    value.len() == 2 && value.bytes().all(|b| b.is_ascii_uppercase())
}

/// Only the digits of an HS code (`2710.12` is `271012`).
fn hs_digits(code: &str) -> String {
    code.chars().filter(char::is_ascii_digit).collect()
}

enum CommodityMatch {
    Plain(String),
    Ambiguous(String),
}

/// Match one commodity against the measure's goods scope.
fn match_commodity(
    measure: &Measure,
    compiled: &Compiled,
    text: &str,
    hs: Option<&str>,
) -> Option<CommodityMatch> {
    let scope = &measure.scope;
    // Names first: they separate goods HS codes cannot (jet fuel, condensates).
    if let Some(term) = compiled.commodity_terms.find(text) {
        return Some(CommodityMatch::Plain(format!(
            "commodity {text} names the scope (\"{term}\")"
        )));
    }
    let code = hs.map(hs_digits).filter(|c| c.len() >= 2)?;
    if scope
        .exclude_hs
        .iter()
        .any(|p| code.starts_with(p.as_str()))
    {
        return None;
    }
    if let Some(prefix) = scope.hs.iter().find(|p| code.starts_with(p.as_str())) {
        return Some(CommodityMatch::Plain(format!(
            "commodity {text} (HS {code}) within scope {prefix}"
        )));
    }
    if let Some(prefix) = scope
        .ambiguous_hs
        .iter()
        .find(|p| code.starts_with(p.as_str()))
    {
        let instead = if measure.ambiguous_with.is_empty() {
            String::new()
        } else {
            format!(
                ", may instead fall under {}",
                measure.ambiguous_with.join(", ")
            )
        };
        return Some(CommodityMatch::Ambiguous(format!(
            "commodity {text} (HS {code}) within ambiguous scope {prefix}{instead}"
        )));
    }
    // A code coarser than a plain prefix ("oil", HS 27, against 2710) may or
    // may not name goods in scope: flag it, ambiguous. Coarser than an
    // ambiguous prefix is not flagged: two doubts stacked say too little.
    if let Some(prefix) = scope.hs.iter().find(|p| p.starts_with(code.as_str())) {
        return Some(CommodityMatch::Ambiguous(format!(
            "commodity {text} (HS {code}) is coarser than scope {prefix}: the goods may or may not be in scope"
        )));
    }
    None
}

/// The target's side of a trade flow and the counterparty, by direction.
fn trade_sides<'c>(measure: &Measure, claim: &'c Claim) -> Option<(&'static str, Option<&'c str>)> {
    let target = measure.target.as_str();
    let importer = claim.importer.as_deref();
    let exporter = claim.exporter.as_deref();
    let to = || (importer == Some(target)).then_some(("importer", exporter));
    let from = || (exporter == Some(target)).then_some(("exporter", importer));
    match measure.direction {
        Direction::To => to(),
        Direction::From => from(),
        Direction::All => to().or_else(from),
    }
}

/// Country codes of a claim other than the target: who it deals with.
fn counterparties<'c>(claim: &'c Claim, target: &str) -> Vec<&'c str> {
    let slots = [
        claim.exporter.as_deref(),
        claim.importer.as_deref(),
        claim.destination.as_deref(),
        claim.actor.as_deref(),
    ];
    slots
        .into_iter()
        .flatten()
        .chain(claim.places.iter().map(String::as_str))
        .filter(|c| is_code(c) && *c != target)
        .collect()
}

/// The parties rule: when a measure binds only some economies' persons, the
/// counterparty must be one of them. Returns the phrase for the reason.
fn parties_ok(measure: &Measure, counterparties: &[&str]) -> Option<String> {
    if measure.parties.is_empty() {
        return Some(String::new());
    }
    counterparties
        .iter()
        .find(|c| measure.parties.iter().any(|p| p == *c))
        .map(|c| format!("counterparty {c} bound by the {} measure", measure.regime))
}

fn match_activity(measure: &Measure, activity: &Activity, claim: &Claim) -> Option<String> {
    if !activity.matchable || !activity.kinds.contains(&claim.kind) {
        return None;
    }
    let target = measure.target.as_str();
    let mut parts: Vec<String> = Vec::new();
    let others: Vec<&str> = match activity.subject {
        Subject::Actor => {
            if claim.actor.as_deref() != Some(target) {
                return None;
            }
            parts.push(format!("actor {target}"));
            counterparties(claim, target)
        }
        Subject::Party => {
            if claim.kind != ClaimKind::TradeFlow {
                return None;
            }
            let (side, other) = trade_sides(measure, claim)?;
            parts.push(format!("{side} {target}"));
            other.filter(|c| is_code(c)).into_iter().collect()
        }
        Subject::Any => {
            let slots = [
                claim.exporter.as_deref(),
                claim.importer.as_deref(),
                claim.actor.as_deref(),
                claim.target.as_deref(),
                claim.destination.as_deref(),
            ];
            let involved = slots
                .into_iter()
                .flatten()
                .chain(claim.places.iter().map(String::as_str))
                .any(|c| c == target);
            if !involved {
                return None;
            }
            parts.push(format!("{target} involved"));
            counterparties(claim, target)
        }
    };
    if activity.abroad {
        let abroad = claim
            .destination
            .iter()
            .map(|d| ("destination", d.as_str()))
            .chain(claim.places.iter().map(|p| ("place", p.as_str())))
            .find(|(_, c)| is_code(c) && *c != target);
        let (slot, code) = abroad?;
        parts.push(format!("{slot} {code} outside {target}"));
    }
    if !activity.evidence.is_empty() {
        let term = claim
            .evidence
            .iter()
            .find_map(|e| activity.evidence.find(&e.text))?;
        parts.push(format!("evidence mentions \"{term}\""));
    }
    let parties = parties_ok(measure, &others)?;
    if !parties.is_empty() {
        parts.push(parties);
    }
    Some(format!("{} (activity {})", parts.join(", "), activity.name))
}

/// Match `claim` against the scope of `measure`, ignoring dates.
pub(crate) fn match_scope(
    measure: &Measure,
    compiled: &Compiled,
    activities: &Catalogue,
    claim: &Claim,
) -> Option<ScopeMatch> {
    let mut found = ScopeMatch {
        reasons: Vec::new(),
        ambiguous: true,
        commodities: Vec::new(),
        ambiguous_commodities: Vec::new(),
    };
    let has_goods_scope = !measure.scope.hs.is_empty()
        || !measure.scope.ambiguous_hs.is_empty()
        || !compiled.commodity_terms.is_empty();
    // Goods scopes apply to trade flows only: a market price or an event
    // names goods without moving them across the target's border.
    if has_goods_scope && claim.kind == ClaimKind::TradeFlow {
        if let Some((side, other)) = trade_sides(measure, claim) {
            let others: Vec<&str> = other.filter(|c| is_code(c)).into_iter().collect();
            if let Some(parties) = parties_ok(measure, &others) {
                let mut goods: Vec<String> = Vec::new();
                for (i, c) in claim.commodities.iter().enumerate() {
                    match match_commodity(measure, compiled, &c.text, c.hs.as_deref()) {
                        Some(CommodityMatch::Plain(reason)) => {
                            found.ambiguous = false;
                            found.commodities.push(i);
                            goods.push(reason);
                        }
                        Some(CommodityMatch::Ambiguous(reason)) => {
                            found.commodities.push(i);
                            found.ambiguous_commodities.push(i);
                            goods.push(reason);
                        }
                        None => {}
                    }
                }
                if !goods.is_empty() {
                    let mut head = format!("{side} {}", measure.target);
                    if !parties.is_empty() {
                        head = format!("{head}, {parties}");
                    }
                    found.reasons.push(format!("{head}; {}", goods.join("; ")));
                }
            }
        }
    }
    let goods_matched = !found.reasons.is_empty();
    let mut activity_matched = false;
    for name in &measure.scope.activities {
        let Some(activity) = activities.get(name) else {
            continue;
        };
        if let Some(reason) = match_activity(measure, activity, claim) {
            activity_matched = true;
            // With `combine = "all"` the activity only confirms the goods
            // match; how sure the goods match is stays as it was.
            if measure.scope.combine == Combine::Any {
                found.ambiguous = false;
            }
            found.reasons.push(reason);
        }
    }
    let matched = match measure.scope.combine {
        Combine::Any => goods_matched || activity_matched,
        Combine::All => goods_matched && activity_matched,
    };
    if !matched {
        return None;
    }
    if measure.condition.is_some() {
        found.ambiguous = true;
    }
    Some(found)
}

/// The full flag reason: what matched, then the condition and the record's certainty.
pub(crate) fn reason_text(measure: &Measure, found: &ScopeMatch) -> String {
    let mut reason = found.reasons.join("; ");
    if let Some(condition) = &measure.condition {
        reason.push_str(&format!("; applies only if {condition}"));
    }
    reason.push_str(&format!(
        "; record {} ({})",
        measure.certainty.letter(),
        measure.certainty.meaning()
    ));
    reason
}
