//! When two claims from different documents are the same claim, and how
//! their slots differ.
//!
//! Sameness follows SPEC section 4 for trade flows: exporter, importer and a
//! commodity key (HS codes compared at the shorter length, at least two
//! digits, or the head noun when either side has no code). Other kinds
//! compare the kind, who acts (actor; speaker for statements; actor and
//! target for sanctions actions) and where (places and destination must
//! overlap when both claims name some). Differences in the remaining slots
//! (a city added, another quantity or month, occurred against negated) do
//! not split a group: they are reported as [`Variant`]s so that nothing is
//! silently merged. Times in different years do split groups: "exports in
//! 1986" and "exports in 1987" are two claims, not one claim in two versions.

use std::collections::BTreeSet;

use tw_model::{Claim, ClaimKind};

use crate::outlet::outlet_key;

/// One slot in which a report of a claim differs from the reference report
/// of its group (the origin's, when the origin is known).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// Slot name as in SPEC section 2 (`places`, `quantity`, `time`, `status`, ...).
    pub slot: String,
    /// The value in this report.
    pub here: String,
    /// The value in the reference report.
    pub reference: String,
}

/// The normalised slots that decide whether two claims are the same claim.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ClaimKey {
    pub kind: ClaimKind,
    /// Who trades or acts, normalised (`RU>KP`, `kp`, `un security council>kp`).
    pub parties: String,
    pub commodities: Vec<CommodityKey>,
    /// Places and destination, normalised, sorted, deduplicated.
    pub locations: Vec<String>,
    /// First and last year of `time`, when known.
    pub years: Option<(u16, u16)>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct CommodityKey {
    hs: Option<String>,
    head: String,
}

impl CommodityKey {
    fn of(text: &str, hs: Option<&str>) -> CommodityKey {
        let hs = hs
            .map(|code| {
                code.chars()
                    .filter(char::is_ascii_digit)
                    .collect::<String>()
            })
            .filter(|code| code.len() >= 2);
        CommodityKey {
            hs,
            head: head_noun(text),
        }
    }

    /// SPEC section 4: codes cut to the shorter length (at least two
    /// digits); the head noun when either side has no code.
    fn matches(&self, other: &CommodityKey) -> bool {
        match (&self.hs, &other.hs) {
            (Some(a), Some(b)) => {
                let n = a.len().min(b.len());
                n >= 2 && a[..n] == b[..n]
            }
            _ => !self.head.is_empty() && self.head == other.head,
        }
    }

    fn label(&self) -> String {
        self.hs.clone().unwrap_or_else(|| self.head.clone())
    }
}

/// The last word, lower-cased, with a plural `s` dropped ("processed
/// foodstuffs" → "foodstuff"), so number does not split a group.
fn head_noun(text: &str) -> String {
    let key = normalise(text);
    let last = key.rsplit(' ').next().unwrap_or("");
    match last.strip_suffix('s') {
        Some(stem) if stem.len() >= 3 && !stem.ends_with('s') => stem.to_string(),
        _ => last.to_string(),
    }
}

/// Lower case, punctuation as spaces, single spaces ("St. Petersburg" →
/// "st petersburg"). Spelling variants are the gazetteer's business.
pub(crate) fn normalise(text: &str) -> String {
    outlet_key(text)
}

impl ClaimKey {
    pub(crate) fn of(claim: &Claim) -> ClaimKey {
        let norm = |s: &Option<String>| s.as_deref().map(normalise).unwrap_or_default();
        let parties = match claim.kind {
            ClaimKind::TradeFlow => format!(
                "{}>{}",
                claim.exporter.as_deref().unwrap_or("?").to_uppercase(),
                claim.importer.as_deref().unwrap_or("?").to_uppercase()
            ),
            ClaimKind::Statement => {
                let speaker = norm(&claim.speaker);
                if speaker.is_empty() {
                    norm(&claim.actor)
                } else {
                    speaker
                }
            }
            ClaimKind::SanctionsAction => format!("{}>{}", norm(&claim.actor), norm(&claim.target)),
            ClaimKind::Market => String::new(),
            _ => norm(&claim.actor),
        };
        let mut commodities: Vec<CommodityKey> = claim
            .commodities
            .iter()
            .map(|c| CommodityKey::of(&c.text, c.hs.as_deref()))
            .collect();
        commodities.sort();
        commodities.dedup();
        let locations: BTreeSet<String> = claim
            .places
            .iter()
            .chain(claim.destination.iter())
            .map(|p| normalise(p))
            .filter(|p| !p.is_empty())
            .collect();
        ClaimKey {
            kind: claim.kind,
            parties,
            commodities,
            locations: locations.into_iter().collect(),
            years: claim.time.as_deref().and_then(year_range),
        }
    }

    /// The index key: claims can only be the same claim when this is equal.
    pub(crate) fn coarse(&self) -> String {
        format!("{}|{}", self.kind.as_str(), self.parties)
    }

    /// The readable group key: kind, parties, goods, places.
    pub(crate) fn display(&self) -> String {
        let mut parts = vec![self.kind.as_str().to_string()];
        if !self.parties.is_empty() {
            parts.push(self.parties.clone());
        }
        if !self.commodities.is_empty() {
            let goods: Vec<String> = self.commodities.iter().map(CommodityKey::label).collect();
            parts.push(goods.join(","));
        }
        if self.kind != ClaimKind::TradeFlow && !self.locations.is_empty() {
            parts.push(self.locations.join(","));
        }
        parts.join("|")
    }

    /// Whether `self` and `other` state the same claim (their coarse keys
    /// being equal is assumed).
    pub(crate) fn same_claim(&self, other: &ClaimKey) -> bool {
        debug_assert_eq!(self.coarse(), other.coarse());
        let goods_match = self.commodities.is_empty() && other.commodities.is_empty()
            || self
                .commodities
                .iter()
                .any(|a| other.commodities.iter().any(|b| a.matches(b)));
        if !goods_match {
            return false;
        }
        // Trade flows are keyed by economies and goods only; places in a
        // trade flow are ports and regions, detail rather than identity.
        if self.kind != ClaimKind::TradeFlow {
            let places_match = self.locations.is_empty() && other.locations.is_empty()
                || self.locations.iter().any(|p| other.locations.contains(p));
            if !places_match {
                return false;
            }
        }
        match (self.years, other.years) {
            (Some((a0, a1)), Some((b0, b1))) => a0 <= b1 && b0 <= a1,
            _ => true,
        }
    }
}

/// First and last year of an ISO 8601 value or interval (`2022`,
/// `2022-08`, `1986/1987`).
fn year_range(time: &str) -> Option<(u16, u16)> {
    let year = |s: &str| s.get(..4).and_then(|y| y.parse::<u16>().ok());
    match time.split_once('/') {
        Some((start, end)) => Some((year(start)?, year(end)?)),
        None => year(time).map(|y| (y, y)),
    }
}

/// How `here` differs from `reference`, slot by slot. A slot only one of
/// the two fills is not a difference (one report says less, it does not
/// say otherwise).
pub(crate) fn variants(here: &Claim, reference: &Claim) -> Vec<Variant> {
    let mut out = Vec::new();
    let mut push = |slot: &str, a: String, b: String| {
        if !a.is_empty() && !b.is_empty() && a != b {
            out.push(Variant {
                slot: slot.to_string(),
                here: a,
                reference: b,
            });
        }
    };
    push(
        "status",
        here.status.as_str().to_string(),
        reference.status.as_str().to_string(),
    );
    push("time", opt(&here.time), opt(&reference.time));
    if here.commodities.len() + reference.commodities.len() > 0
        && commodity_set(here) != commodity_set(reference)
    {
        push(
            "commodities",
            commodity_list(here),
            commodity_list(reference),
        );
    }
    match (&here.quantity, &reference.quantity) {
        (Some(a), Some(b)) if a.unit != b.unit || !close(a.value, b.value) => push(
            "quantity",
            format!("{} {}", number(a.value), a.unit),
            format!("{} {}", number(b.value), b.unit),
        ),
        _ => {}
    }
    match (&here.value, &reference.value) {
        (Some(a), Some(b)) if a.currency != b.currency || !close(a.amount, b.amount) => push(
            "value",
            format!("{} {}", number(a.amount), a.currency),
            format!("{} {}", number(b.amount), b.currency),
        ),
        _ => {}
    }
    if place_set(&here.places) != place_set(&reference.places) {
        push(
            "places",
            place_list(&here.places),
            place_list(&reference.places),
        );
    }
    let names = |a: &Option<String>, b: &Option<String>| {
        let (a, b) = (opt(a), opt(b));
        if normalise(&a) == normalise(&b) {
            (String::new(), String::new())
        } else {
            (a, b)
        }
    };
    for (slot, a, b) in [
        ("destination", &here.destination, &reference.destination),
        ("target", &here.target, &reference.target),
        ("speaker", &here.speaker, &reference.speaker),
        ("venue", &here.venue, &reference.venue),
    ] {
        let (a, b) = names(a, b);
        push(slot, a, b);
    }
    out
}

fn opt(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

/// SPEC section 4 compares quantities within 1 %.
fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 0.01 * a.abs().max(b.abs())
}

fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

fn commodity_set(claim: &Claim) -> BTreeSet<CommodityKey> {
    claim
        .commodities
        .iter()
        .map(|c| CommodityKey::of(&c.text, c.hs.as_deref()))
        .collect()
}

fn commodity_list(claim: &Claim) -> String {
    let items: Vec<String> = claim
        .commodities
        .iter()
        .map(|c| match &c.hs {
            Some(hs) => format!("{} ({hs})", c.text),
            None => c.text.clone(),
        })
        .collect();
    items.join(", ")
}

fn place_set(places: &[String]) -> BTreeSet<String> {
    places
        .iter()
        .map(|p| normalise(p))
        .filter(|p| !p.is_empty())
        .collect()
}

/// Places in a stable order (by normalised name), as written.
fn place_list(places: &[String]) -> String {
    let mut sorted: Vec<&String> = places.iter().collect();
    sorted.sort_by_key(|p| normalise(p));
    sorted.dedup_by_key(|p| normalise(p));
    sorted
        .iter()
        .map(|p| p.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use tw_model::{Commodity, Quantity, Status};

    fn flow(exporter: &str, importer: &str, goods: &[(&str, Option<&str>)]) -> Claim {
        let mut c = Claim::new("d", ClaimKind::TradeFlow);
        c.exporter = Some(exporter.into());
        c.importer = Some(importer.into());
        c.commodities = goods
            .iter()
            .map(|(text, hs)| Commodity {
                text: text.to_string(),
                hs: hs.map(str::to_string),
            })
            .collect();
        c
    }

    fn presence(actor: &str, places: &[&str]) -> Claim {
        let mut c = Claim::new("d", ClaimKind::Presence);
        c.actor = Some(actor.into());
        c.places = places.iter().map(|p| p.to_string()).collect();
        c
    }

    #[test]
    fn same_claim_table() {
        let wheat_flour = flow("RU", "KP", &[("wheat flour", Some("1101"))]);
        let cases: Vec<(&str, Claim, Claim, bool)> = vec![
            ("same code", wheat_flour.clone(), wheat_flour.clone(), true),
            (
                "code cut to shorter length",
                wheat_flour.clone(),
                flow("RU", "KP", &[("cereals", Some("11"))]),
                true,
            ),
            (
                "different code",
                wheat_flour.clone(),
                flow("RU", "KP", &[("wheat", Some("1001"))]),
                false,
            ),
            (
                "head noun when one has no code",
                wheat_flour.clone(),
                flow("RU", "KP", &[("flour", None)]),
                true,
            ),
            (
                "plural head noun",
                flow("RU", "KP", &[("processed foodstuffs", None)]),
                flow("RU", "KP", &[("foodstuff", None)]),
                true,
            ),
            (
                "other direction",
                wheat_flour.clone(),
                flow("KP", "RU", &[("wheat flour", Some("1101"))]),
                false,
            ),
            (
                "places overlap",
                presence("KP", &["Vladivostok", "Moscow"]),
                presence("KP", &["Vladivostok"]),
                true,
            ),
            (
                "places disjoint",
                presence("KP", &["Vladivostok"]),
                presence("KP", &["Beijing"]),
                false,
            ),
            (
                "one without places",
                presence("KP", &["Vladivostok"]),
                presence("KP", &[]),
                false,
            ),
            (
                "both without places",
                presence("KP", &[]),
                presence("KP", &[]),
                true,
            ),
        ];
        for (name, a, b, expected) in cases {
            let (ka, kb) = (ClaimKey::of(&a), ClaimKey::of(&b));
            let same = ka.coarse() == kb.coarse() && ka.same_claim(&kb);
            assert_eq!(same, expected, "{name}");
            if ka.coarse() == kb.coarse() {
                assert_eq!(kb.same_claim(&ka), expected, "{name} (symmetric)");
            }
        }
    }

    #[test]
    fn different_years_are_different_claims() {
        let mut a = flow("US", "SU", &[("wheat", Some("1001"))]);
        let mut b = a.clone();
        a.time = Some("1986".into());
        b.time = Some("1987-03".into());
        assert!(!ClaimKey::of(&a).same_claim(&ClaimKey::of(&b)));
        b.time = Some("1986/1987".into());
        assert!(ClaimKey::of(&a).same_claim(&ClaimKey::of(&b)));
    }

    #[test]
    fn keys_read_well() {
        let k = ClaimKey::of(&flow("ru", "kp", &[("wheat flour", Some("1101"))]));
        assert_eq!(k.display(), "trade_flow|RU>KP|1101");
        let k = ClaimKey::of(&presence("KP", &["Vladivostok", "Saint Petersburg"]));
        assert_eq!(k.display(), "presence|kp|saint petersburg,vladivostok");
    }

    #[test]
    fn variants_table() {
        let base = presence("KP", &["Vladivostok", "Moscow"]);
        let mut added = base.clone();
        added.places.push("Khabarovsk".into());
        let mut negated = base.clone();
        negated.status = Status::Negated;
        let mut month = base.clone();
        month.time = Some("2022-11".into());
        let mut other_month = base.clone();
        other_month.time = Some("2022-12".into());
        let mut qty = flow("RU", "KP", &[("wheat", Some("1001"))]);
        qty.quantity = Some(Quantity {
            value: 1000.0,
            unit: "t".into(),
        });
        let mut qty_close = qty.clone();
        qty_close.quantity.as_mut().unwrap().value = 1005.0;
        let mut qty_far = qty.clone();
        qty_far.quantity.as_mut().unwrap().value = 2000.0;

        type Case<'a> = (
            &'a str,
            &'a Claim,
            &'a Claim,
            Vec<(&'a str, &'a str, &'a str)>,
        );
        let cases: Vec<Case> = vec![
            ("identical", &base, &base, vec![]),
            (
                "city added",
                &added,
                &base,
                vec![(
                    "places",
                    "Khabarovsk, Moscow, Vladivostok",
                    "Moscow, Vladivostok",
                )],
            ),
            (
                "negated",
                &negated,
                &base,
                vec![("status", "negated", "occurred")],
            ),
            ("time only on one side", &month, &base, vec![]),
            (
                "other month",
                &other_month,
                &month,
                vec![("time", "2022-12", "2022-11")],
            ),
            ("quantity within 1 %", &qty_close, &qty, vec![]),
            (
                "quantity differs",
                &qty_far,
                &qty,
                vec![("quantity", "2000 t", "1000 t")],
            ),
        ];
        for (name, here, reference, expected) in cases {
            let got: Vec<(String, String, String)> = variants(here, reference)
                .into_iter()
                .map(|v| (v.slot, v.here, v.reference))
                .collect();
            let expected: Vec<(String, String, String)> = expected
                .into_iter()
                .map(|(s, h, r)| (s.to_string(), h.to_string(), r.to_string()))
                .collect();
            assert_eq!(got, expected, "{name}");
        }
    }
}
