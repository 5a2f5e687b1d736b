//! Mentions: one pass of every data-driven finder over the whole text.

use tw_gazetteer::{Form, Gazetteer, GeoKind, OrgType};
use tw_model::{CharIndex, Mention};
use tw_time::{Anchor, TimeKind};

/// What a mention is, with its normalised value.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// A country (or bloc, or former state) by name, adjective, capital ...
    Country {
        /// ISO 3166 alpha-2 (or SU, DD, YU, CS, EU).
        code: String,
        /// How the text names it.
        form: Form,
    },
    /// A city or subdivision.
    Place {
        /// Canonical name.
        name: String,
        /// Its country.
        code: Option<String>,
        /// Coordinates.
        lat: Option<f64>,
        /// Coordinates.
        lon: Option<f64>,
    },
    /// A region that is not a country ("Europe", "the Gulf"), with its
    /// country when it lies in one ("Canary Islands": ES).
    Region {
        /// Canonical name.
        name: String,
        /// Its country, when the whole region lies in one.
        code: Option<String>,
    },
    /// An organisation.
    Organisation {
        /// Canonical name.
        name: String,
        /// Kind of body.
        org_type: Option<OrgType>,
        /// Its country when known.
        code: Option<String>,
    },
    /// Goods.
    Commodity {
        /// HS code.
        hs: Option<String>,
        /// Lower-cased head noun.
        head: String,
        /// A generic word ("goods", "products").
        generic: bool,
    },
    /// An amount of goods.
    Quantity {
        /// Scaled value.
        value: f64,
        /// Unit.
        unit: String,
    },
    /// An amount of money.
    Money {
        /// Scaled amount.
        amount: f64,
        /// ISO 4217.
        currency: String,
        /// `Some(unit)` for a price per unit.
        per_unit: Option<String>,
    },
    /// A time expression.
    Time {
        /// ISO value, `None` when unresolved.
        value: Option<String>,
        /// Point, interval, bound or duration.
        kind: TimeKind,
    },
}

/// One mention with byte offsets into the document text.
#[derive(Debug, Clone, PartialEq)]
pub struct M {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
    /// The words.
    pub text: String,
    /// What it is.
    pub kind: Kind,
}

impl M {
    /// The country code a mention stands for: a country, or an
    /// organisation or place with a known country.
    pub fn country(&self) -> Option<&str> {
        match &self.kind {
            Kind::Country { code, .. } => Some(code),
            _ => None,
        }
    }

    /// True for a time mention that says when something happened (a point
    /// or an interval with a value), not a bound or a duration.
    pub fn is_when(&self) -> bool {
        matches!(
            &self.kind,
            Kind::Time {
                value: Some(_),
                kind: TimeKind::Point | TimeKind::Interval
            }
        )
    }
}

/// Every mention of a document, sorted by start.
#[derive(Debug, Clone, Default)]
pub struct Mentions {
    /// Sorted by `start`.
    pub all: Vec<M>,
}

impl Mentions {
    /// Run every finder over `text`.
    pub fn find(text: &str, anchor: Option<&Anchor>) -> Mentions {
        let mut all = Vec::new();
        for g in Gazetteer::global().find(text) {
            // "exports to non-EC countries": every country but this one.
            let before = &text[..g.start];
            if before
                .get(before.len().saturating_sub(4)..)
                .is_some_and(|tail| tail.eq_ignore_ascii_case("non-"))
            {
                continue;
            }
            let kind = match g.kind {
                GeoKind::Country => match g.code {
                    Some(code) => Kind::Country { code, form: g.form },
                    None => Kind::Region {
                        name: g.name,
                        code: None,
                    },
                },
                GeoKind::Place => Kind::Place {
                    name: g.name,
                    code: g.code,
                    lat: g.lat,
                    lon: g.lon,
                },
                GeoKind::Region => Kind::Region {
                    name: g.name,
                    code: g.code,
                },
                GeoKind::Organisation => Kind::Organisation {
                    name: g.name,
                    org_type: g.org_type,
                    code: g.code,
                },
            };
            all.push(M {
                start: g.start,
                end: g.end,
                text: g.text,
                kind,
            });
        }
        // Commodity words inside a name ("Daily NK", "Gulf Oil Corp") are
        // not goods.
        let names: Vec<(usize, usize)> = all.iter().map(|m| (m.start, m.end)).collect();
        let inside_name = |s: usize, e: usize| names.iter().any(|&(ns, ne)| s < ne && e > ns);
        for c in tw_goods::Lexicon::global().find(text) {
            if inside_name(c.start, c.end) {
                continue;
            }
            all.push(M {
                start: c.start,
                end: c.end,
                text: c.text,
                kind: Kind::Commodity {
                    hs: c.hs,
                    head: c.head,
                    generic: c.generic,
                },
            });
        }
        let (quantities, money) = tw_goods::find_quantities_and_money(text);
        for q in quantities {
            all.push(M {
                start: q.start,
                end: q.end,
                text: q.text,
                kind: Kind::Quantity {
                    value: q.value,
                    unit: q.unit,
                },
            });
        }
        for m in money {
            all.push(M {
                start: m.start,
                end: m.end,
                text: m.text,
                kind: Kind::Money {
                    amount: m.amount,
                    currency: m.currency,
                    per_unit: m.per_unit,
                },
            });
        }
        for t in tw_time::find_times(text, anchor) {
            all.push(M {
                start: t.start,
                end: t.end,
                text: t.text,
                kind: Kind::Time {
                    value: t.value,
                    kind: t.kind,
                },
            });
        }
        // "10 mln U.S. Dlrs", "5 mln Canadian dlrs": a currency's country is
        // no party to anything.
        let money: Vec<(usize, usize)> = all
            .iter()
            .filter(|m| matches!(m.kind, Kind::Money { .. }))
            .map(|m| (m.start, m.end))
            .collect();
        // ("six U.S. Cents": the same without an amount in figures.)
        all.retain(|m| {
            !matches!(m.kind, Kind::Country { .. })
                || !(money.iter().any(|&(a, b)| a <= m.start && m.end <= b)
                    || tw_goods::currency_word_at(text, m.start))
        });
        all.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        Mentions { all }
    }

    /// Mentions that lie inside `start..end`.
    pub fn within(&self, start: usize, end: usize) -> impl Iterator<Item = &M> {
        let first = self.all.partition_point(|m| m.start < start);
        self.all[first..]
            .iter()
            .take_while(move |m| m.start < end)
            .filter(move |m| m.end <= end)
    }

    /// Export as model mentions with character offsets.
    pub fn export(&self, doc_id: &str, chars: &CharIndex) -> Vec<Mention> {
        self.all
            .iter()
            .map(|m| {
                let (kind, value, lat, lon) = match &m.kind {
                    Kind::Country { code, .. } => ("country", Some(code.clone()), None, None),
                    Kind::Place { name, lat, lon, .. } => ("place", Some(name.clone()), *lat, *lon),
                    Kind::Region { name, .. } => ("place", Some(name.clone()), None, None),
                    Kind::Organisation { name, .. } => {
                        ("organisation", Some(name.clone()), None, None)
                    }
                    Kind::Commodity { hs, .. } => ("commodity", hs.clone(), None, None),
                    Kind::Quantity { value, unit } => {
                        ("quantity", Some(format!("{value} {unit}")), None, None)
                    }
                    Kind::Money {
                        amount, currency, ..
                    } => ("money", Some(format!("{amount} {currency}")), None, None),
                    Kind::Time { value, .. } => ("time", value.clone(), None, None),
                };
                Mention {
                    doc_id: doc_id.to_string(),
                    kind: kind.to_string(),
                    text: m.text.clone(),
                    start: chars.char_offset(m.start),
                    end: chars.char_offset(m.end),
                    value,
                    lat,
                    lon,
                }
            })
            .collect()
    }
}
