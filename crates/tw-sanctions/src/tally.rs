//! Tallies for capped measures: how much of a cap the claims report, per
//! window, by certainty, counting each independent origin once.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use tw_model::{Certainty, Claim};

use crate::convert::builtin_conversions;
use crate::matcher::ScopeMatch;
use crate::measure::{Cap, CapKind, Measure};
use crate::time::{day_range, full_date, Windows};
use crate::{MeasureSet, SanctionsError};

/// One claim to tally, with its corroboration group when known.
#[derive(Debug, Clone)]
pub struct TallyInput<'a> {
    /// The claim.
    pub claim: &'a Claim,
    /// Claims with the same key are copies of one report and count once;
    /// `None`: the claim is its own origin.
    pub origin_key: Option<String>,
}

/// One counted origin in a window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TallyEntry {
    /// The claim counted for this origin.
    pub claim: String,
    /// Its amount in the cap's unit.
    pub amount: f64,
    /// The claim's certainty (`official`, `reported`, ...).
    pub certainty: String,
    /// True when the claim matched the scope only ambiguously (not in `total`).
    pub ambiguous: bool,
    /// The origin key, when one was given.
    pub origin: Option<String>,
    /// Other claims of the same origin, not counted again.
    pub copies: Vec<String>,
}

/// The tally of one cap window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WindowTally {
    /// First day (`YYYY-MM-DD`).
    pub start: String,
    /// Last day, inclusive.
    pub end: String,
    /// Plainly in-scope amounts by claim certainty.
    pub by_certainty: BTreeMap<String, f64>,
    /// Sum of plainly in-scope amounts, one per independent origin.
    pub total: f64,
    /// `total` / cap amount.
    pub share_of_cap: f64,
    /// Amounts that may or may not be in scope (e.g. LPG), not in `total`.
    pub ambiguous_total: f64,
    /// Independent origins counted (plain and ambiguous).
    pub origins: usize,
    /// Ids of the claims counted.
    pub claims: Vec<String>,
    /// Each counted origin.
    pub entries: Vec<TallyEntry>,
}

/// A claim in scope that cannot be put in one window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unplaced {
    /// Claim id.
    pub claim: String,
    /// Its amount in the cap's unit.
    pub amount: f64,
    /// Why (no time, spans windows, before the cap).
    pub reason: String,
    /// Other claims of the same origin.
    pub copies: Vec<String>,
}

/// A claim in scope whose amount cannot be expressed in the cap's unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unconvertible {
    /// Claim id.
    pub claim: String,
    /// Why.
    pub reason: String,
    /// Other claims of the same origin.
    pub copies: Vec<String>,
}

/// The cap a tally measures against.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TallyCap {
    /// The limit per window.
    pub amount: f64,
    /// Its unit.
    pub unit: String,
    /// Window length in months; `None` for one fixed period.
    pub window_months: Option<u32>,
    /// First day of the first window.
    pub start: String,
    /// Last day of the period, if it ends.
    pub end: Option<String>,
}

/// The result of [`MeasureSet::tally`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tally {
    /// Measure id.
    pub measure: String,
    /// The cap.
    pub cap: TallyCap,
    /// Windows with claims (or the one asked for), in time order.
    pub windows: Vec<WindowTally>,
    /// In scope, but not in exactly one window.
    pub unplaced: Vec<Unplaced>,
    /// In scope, but with no amount in the cap's unit.
    pub unconvertible: Vec<Unconvertible>,
    /// Ids of the claims outside the measure's scope.
    pub out_of_scope: Vec<String>,
}

/// Rank for choosing which copy of a report to count: the best-vouched one.
fn certainty_rank(c: Certainty) -> usize {
    Certainty::ALL
        .iter()
        .position(|x| *x == c)
        .unwrap_or(usize::MAX)
}

fn label(index: usize, claim: &Claim) -> String {
    if claim.id.is_empty() {
        format!("#{}", index + 1)
    } else {
        claim.id.clone()
    }
}

/// Window arithmetic for one cap.
struct Period {
    windows: Windows,
    /// `None`: rolling for ever.
    end: Option<NaiveDate>,
    rolling: bool,
}

impl Period {
    fn new(cap: &Cap) -> Option<Period> {
        let start = full_date(&cap.start)?;
        let end = cap.end.as_deref().and_then(full_date);
        Some(match cap.window_months {
            Some(months) => Period {
                windows: Windows { start, months },
                end,
                rolling: true,
            },
            None => Period {
                // One window covering the whole fixed period.
                windows: Windows { start, months: 1 },
                end,
                rolling: false,
            },
        })
    }

    fn bounds(&self, k: u32) -> Option<(NaiveDate, NaiveDate)> {
        if !self.rolling {
            return Some((self.windows.start, self.end?));
        }
        let start = self.windows.start_of(k)?;
        let mut end = self.windows.end_of(k)?;
        if let Some(last) = self.end {
            end = end.min(last);
        }
        Some((start, end))
    }

    /// The one window holding every day of `time`, or why not.
    fn place(&self, time: Option<&str>) -> Result<u32, String> {
        let Some(text) = time else {
            return Err("no time".into());
        };
        let (first, last) =
            day_range(text).ok_or_else(|| format!("time `{text}` has no usable bounds"))?;
        let start = self.windows.start;
        if last < start {
            return Err(format!("time {text} is before the cap starts ({start})"));
        }
        if first < start {
            return Err(format!("time {text} spans the cap start ({start})"));
        }
        if let Some(end) = self.end {
            if first > end {
                return Err(format!("time {text} is after the cap period ends ({end})"));
            }
            if last > end {
                return Err(format!("time {text} spans the cap end ({end})"));
            }
        }
        if !self.rolling {
            return Ok(0);
        }
        let (a, b) = (self.windows.index_of(first), self.windows.index_of(last));
        match (a, b) {
            (Some(a), Some(b)) if a == b => Ok(a),
            _ => Err(format!(
                "time {text} spans more than one {}-month window",
                self.windows.months
            )),
        }
    }

    /// Windows starting in `year`.
    fn starting_in(&self, year: i32) -> Vec<u32> {
        if !self.rolling {
            return if self.windows.start.year() == year {
                vec![0]
            } else {
                Vec::new()
            };
        }
        let mut out = Vec::new();
        let mut k = 0;
        while let Some((start, _)) = self.bounds(k) {
            if start.year() > year || self.end.is_some_and(|e| start > e) {
                break;
            }
            if start.year() == year {
                out.push(k);
            }
            k += 1;
        }
        out
    }
}

/// A claim's amount in the cap's unit, or why it has none.
fn amount_in_cap_unit(cap: &Cap, claim: &Claim, found: &ScopeMatch) -> Result<f64, String> {
    if cap.kind == CapKind::Value {
        let value = claim.value.as_ref().ok_or("no money value")?;
        if !value.currency.eq_ignore_ascii_case(&cap.unit) {
            return Err(format!("value in {}, cap in {}", value.currency, cap.unit));
        }
        return Ok(value.amount);
    }
    let quantity = claim.quantity.as_ref().ok_or("no quantity")?;
    let conversions = builtin_conversions().map_err(|e| e.to_string())?;
    // The claim's one quantity must be about in-scope goods only.
    let outside: Vec<&str> = claim
        .commodities
        .iter()
        .enumerate()
        .filter(|(i, _)| !found.commodities.contains(i))
        .map(|(_, c)| c.text.as_str())
        .collect();
    if !outside.is_empty() && !claim.commodities.is_empty() {
        return Err(format!(
            "the quantity may include goods outside the scope ({})",
            outside.join(", ")
        ));
    }
    let from = conversions
        .unit(&quantity.unit)
        .ok_or_else(|| format!("unknown unit `{}`", quantity.unit))?;
    let to = conversions
        .unit(&cap.unit)
        .ok_or_else(|| format!("unknown cap unit `{}`", cap.unit))?;
    let product = if from.dimension == to.dimension {
        None
    } else {
        let mut names: Vec<&str> = Vec::new();
        let mut product = None;
        for &i in &found.commodities {
            let c = &claim.commodities[i];
            let p = conversions.product(c).ok_or_else(|| {
                format!(
                    "no barrels-per-tonne factor for {} (HS {})",
                    c.text,
                    c.hs.as_deref().unwrap_or("none")
                )
            })?;
            if !names.contains(&p.name.as_str()) {
                names.push(&p.name);
            }
            product = Some(p);
        }
        if names.len() > 1 {
            return Err(format!(
                "one quantity for several products with different factors ({})",
                names.join(", ")
            ));
        }
        Some(product.ok_or("no goods named to choose a barrels-per-tonne factor")?)
    };
    conversions.convert(quantity.value, &quantity.unit, &cap.unit, product)
}

struct Item {
    index: usize,
    label: String,
    certainty: Certainty,
    ambiguous: bool,
    amount: Result<f64, String>,
    window: Result<u32, String>,
}

impl MeasureSet {
    /// Sum what `claims` report against the cap of `measure_id`, per window
    /// (`window`: only the window(s) starting in that year). Claims outside
    /// the measure's scope are listed in `out_of_scope`; claims with the same
    /// `origin_key` count once (the best-vouched copy).
    pub fn tally(
        &self,
        measure_id: &str,
        claims: &[TallyInput<'_>],
        window: Option<i32>,
    ) -> Result<Tally, SanctionsError> {
        let index = self
            .index(measure_id)
            .ok_or_else(|| SanctionsError::UnknownMeasure(measure_id.to_string()))?;
        let measure: &Measure = &self.measures()[index];
        let not_tallied = |why: &str| SanctionsError::NotTallied {
            id: measure.id.clone(),
            why: why.to_string(),
        };
        let cap = measure.cap.as_ref().ok_or_else(|| not_tallied("no cap"))?;
        if cap.kind == CapKind::Price {
            return Err(not_tallied("a price cap limits a price, not an amount"));
        }
        let period = Period::new(cap).ok_or_else(|| not_tallied("the cap has no valid start"))?;
        let wanted: Option<Vec<u32>> = match window {
            None => None,
            Some(year) => {
                let ks = period.starting_in(year);
                if ks.is_empty() {
                    return Err(SanctionsError::NoSuchWindow {
                        id: measure.id.clone(),
                        year,
                    });
                }
                Some(ks)
            }
        };

        let mut out_of_scope = Vec::new();
        // Groups of items by origin, in order of first appearance.
        let mut groups: Vec<(Option<String>, Vec<Item>)> = Vec::new();
        let mut group_of: HashMap<String, usize> = HashMap::new();
        for (i, input) in claims.iter().enumerate() {
            let claim = input.claim;
            let Some(found) = self.scope_match(index, claim) else {
                out_of_scope.push(label(i, claim));
                continue;
            };
            let item = Item {
                index: i,
                label: label(i, claim),
                certainty: claim.certainty,
                // Ambiguous when the goods matched only ambiguously; a
                // condition on the measure does not make the amount uncertain.
                ambiguous: !found.commodities.is_empty()
                    && found
                        .commodities
                        .iter()
                        .all(|c| found.ambiguous_commodities.contains(c)),
                amount: amount_in_cap_unit(cap, claim, &found),
                window: period.place(claim.time.as_deref()),
            };
            match &input.origin_key {
                Some(key) => match group_of.get(key) {
                    Some(&g) => groups[g].1.push(item),
                    None => {
                        group_of.insert(key.clone(), groups.len());
                        groups.push((Some(key.clone()), vec![item]));
                    }
                },
                None => groups.push((None, vec![item])),
            }
        }

        let mut windows: BTreeMap<u32, WindowTally> = BTreeMap::new();
        let mut unplaced = Vec::new();
        let mut unconvertible = Vec::new();
        let new_window = |k: u32| -> WindowTally {
            let (start, end) = period
                .bounds(k)
                .unwrap_or((period.windows.start, period.windows.start));
            WindowTally {
                start: start.to_string(),
                end: end.to_string(),
                by_certainty: BTreeMap::new(),
                total: 0.0,
                share_of_cap: 0.0,
                ambiguous_total: 0.0,
                origins: 0,
                claims: Vec::new(),
                entries: Vec::new(),
            }
        };
        if let Some(ks) = &wanted {
            for &k in ks {
                windows.insert(k, new_window(k));
            }
        }
        for (origin, items) in groups {
            // Count the best-vouched copy that can be counted; else report the
            // best one that has an amount as unplaced, else as unconvertible.
            let best = |ok: &dyn Fn(&Item) -> bool| {
                items
                    .iter()
                    .filter(|it| ok(it))
                    .min_by_key(|it| (certainty_rank(it.certainty), it.index))
            };
            let copies_of = |chosen: &Item| -> Vec<String> {
                items
                    .iter()
                    .filter(|it| it.index != chosen.index)
                    .map(|it| it.label.clone())
                    .collect()
            };
            if let Some(it) = best(&|it| it.amount.is_ok() && it.window.is_ok()) {
                let (Ok(amount), Ok(k)) = (&it.amount, &it.window) else {
                    continue;
                };
                if wanted.as_ref().is_some_and(|ks| !ks.contains(k)) {
                    continue;
                }
                let w = windows.entry(*k).or_insert_with(|| new_window(*k));
                w.origins += 1;
                w.claims.push(it.label.clone());
                if it.ambiguous {
                    w.ambiguous_total += amount;
                } else {
                    w.total += amount;
                    *w.by_certainty
                        .entry(it.certainty.as_str().to_string())
                        .or_insert(0.0) += amount;
                }
                w.entries.push(TallyEntry {
                    claim: it.label.clone(),
                    amount: *amount,
                    certainty: it.certainty.as_str().to_string(),
                    ambiguous: it.ambiguous,
                    origin: origin.clone(),
                    copies: copies_of(it),
                });
            } else if let Some(it) = best(&|it| it.amount.is_ok()) {
                unplaced.push(Unplaced {
                    claim: it.label.clone(),
                    amount: *it.amount.as_ref().unwrap_or(&0.0),
                    reason: it.window.clone().err().unwrap_or_default(),
                    copies: copies_of(it),
                });
            } else if let Some(it) = items.first() {
                unconvertible.push(Unconvertible {
                    claim: it.label.clone(),
                    reason: it.amount.clone().err().unwrap_or_default(),
                    copies: copies_of(it),
                });
            }
        }
        let mut windows: Vec<WindowTally> = windows.into_values().collect();
        for w in &mut windows {
            w.share_of_cap = w.total / cap.amount;
        }
        Ok(Tally {
            measure: measure.id.clone(),
            cap: TallyCap {
                amount: cap.amount,
                unit: cap.unit.clone(),
                window_months: cap.window_months,
                start: cap.start.clone(),
                end: cap.end.clone(),
            },
            windows,
            unplaced,
            unconvertible,
            out_of_scope,
        })
    }
}

fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    }
}

impl Tally {
    /// A plain-text report for people.
    pub fn render_text(&self) -> String {
        let mut out = String::new();
        let cap = &self.cap;
        let period = match (cap.window_months, &cap.end) {
            (Some(m), None) => format!("per {m} months from {}", cap.start),
            (Some(m), Some(end)) => format!("per {m} months from {} to {end}", cap.start),
            (None, end) => format!("for {} to {}", cap.start, end.as_deref().unwrap_or("?")),
        };
        let _ = writeln!(
            out,
            "{}: cap {} {} {period}",
            self.measure,
            number(cap.amount),
            cap.unit
        );
        if self.windows.is_empty() {
            let _ = writeln!(out, "no claim placed in a window");
        }
        for w in &self.windows {
            let _ = writeln!(
                out,
                "window {} to {}: {} {} ({:.1} % of cap) from {} independent origin(s)",
                w.start,
                w.end,
                number(w.total),
                cap.unit,
                w.share_of_cap * 100.0,
                w.origins
            );
            if !w.by_certainty.is_empty() {
                let parts: Vec<String> = w
                    .by_certainty
                    .iter()
                    .map(|(c, v)| format!("{c} {}", number(*v)))
                    .collect();
                let _ = writeln!(out, "  by certainty: {}", parts.join(", "));
            }
            if w.ambiguous_total > 0.0 {
                let _ = writeln!(
                    out,
                    "  ambiguous, not in total: {} {}",
                    number(w.ambiguous_total),
                    cap.unit
                );
            }
            for e in &w.entries {
                let copies = if e.copies.is_empty() {
                    String::new()
                } else {
                    format!(" (copies not counted: {})", e.copies.join(", "))
                };
                let flag = if e.ambiguous { ", ambiguous" } else { "" };
                let _ = writeln!(
                    out,
                    "  {}: {} {} [{}{flag}]{copies}",
                    e.claim,
                    number(e.amount),
                    cap.unit,
                    e.certainty
                );
            }
        }
        if !self.unplaced.is_empty() {
            let _ = writeln!(out, "unplaced ({}):", self.unplaced.len());
            for u in &self.unplaced {
                let _ = writeln!(
                    out,
                    "  {}: {} {}: {}",
                    u.claim,
                    number(u.amount),
                    cap.unit,
                    u.reason
                );
            }
        }
        if !self.unconvertible.is_empty() {
            let _ = writeln!(out, "unconvertible ({}):", self.unconvertible.len());
            for u in &self.unconvertible {
                let _ = writeln!(out, "  {}: {}", u.claim, u.reason);
            }
        }
        if !self.out_of_scope.is_empty() {
            let _ = writeln!(out, "out of scope: {} claim(s)", self.out_of_scope.len());
        }
        out
    }

    /// The tally as JSON (field names as in the Rust types).
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}
