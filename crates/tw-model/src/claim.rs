//! Claims: one statement of what some actor did, does or will do, with the
//! words that state it (SPEC.md section 2).

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The seven claim kinds of SPEC.md section 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// Goods move, are bought, sold, shipped, financed, tendered between economies.
    TradeFlow,
    /// An organisation opens, plans, runs or closes an office or facility.
    Presence,
    /// People are dispatched to, work in or are expelled from a place.
    Personnel,
    /// An identified official or body states a position on the record.
    Statement,
    /// Sanctions are imposed, lifted, blocked, vetoed, violated or enforced.
    SanctionsAction,
    /// A price, supply or shortage is observed in a market.
    Market,
    /// Any other dated action.
    Event,
}

impl ClaimKind {
    /// Every kind, in SPEC order.
    pub const ALL: [ClaimKind; 7] = [
        ClaimKind::TradeFlow,
        ClaimKind::Presence,
        ClaimKind::Personnel,
        ClaimKind::Statement,
        ClaimKind::SanctionsAction,
        ClaimKind::Market,
        ClaimKind::Event,
    ];

    /// The SPEC name (`trade_flow`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::TradeFlow => "trade_flow",
            ClaimKind::Presence => "presence",
            ClaimKind::Personnel => "personnel",
            ClaimKind::Statement => "statement",
            ClaimKind::SanctionsAction => "sanctions_action",
            ClaimKind::Market => "market",
            ClaimKind::Event => "event",
        }
    }

    /// Parse a SPEC name.
    pub fn parse(name: &str) -> Option<ClaimKind> {
        ClaimKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// Whether the claimed thing happened, is happening, is planned, possible or denied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Completed.
    Occurred,
    /// Going on.
    Ongoing,
    /// Announced, intended, authorised, agreed, being prepared.
    Planned,
    /// Expected, considered, may, could; forecasts.
    Possible,
    /// Did not happen, cancelled, denied.
    Negated,
}

impl Status {
    /// Every status.
    pub const ALL: [Status; 5] = [
        Status::Occurred,
        Status::Ongoing,
        Status::Planned,
        Status::Possible,
        Status::Negated,
    ];

    /// The SPEC name.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Occurred => "occurred",
            Status::Ongoing => "ongoing",
            Status::Planned => "planned",
            Status::Possible => "possible",
            Status::Negated => "negated",
        }
    }

    /// Parse a SPEC name.
    pub fn parse(name: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// Who vouches for a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    /// A named official body, official, organisation or company on the record.
    Official,
    /// The outlet's own reporting or a named non-official source.
    Reported,
    /// An unnamed source.
    Anonymous,
    /// Rumours, market talk.
    Rumor,
    /// Speculation, analysts' surmise.
    Speculation,
    /// Asserted as background with no attribution.
    Unattributed,
}

impl Certainty {
    /// Every certainty.
    pub const ALL: [Certainty; 6] = [
        Certainty::Official,
        Certainty::Reported,
        Certainty::Anonymous,
        Certainty::Rumor,
        Certainty::Speculation,
        Certainty::Unattributed,
    ];

    /// The SPEC name.
    pub fn as_str(self) -> &'static str {
        match self {
            Certainty::Official => "official",
            Certainty::Reported => "reported",
            Certainty::Anonymous => "anonymous",
            Certainty::Rumor => "rumor",
            Certainty::Speculation => "speculation",
            Certainty::Unattributed => "unattributed",
        }
    }

    /// Parse a SPEC name.
    pub fn parse(name: &str) -> Option<Certainty> {
        Certainty::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// Goods as the text names them, with their HS code where one fits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Commodity {
    /// The words of the text.
    pub text: String,
    /// HS code at the most specific level the text justifies (2, 4 or 6 digits).
    pub hs: Option<String>,
}

/// An amount of goods.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The number, scaled (`2.34 mln` is 2,340,000).
    pub value: f64,
    /// `t`, `bbl`, `m3`, `bags`, `head`, `bu` or the text's own unit.
    pub unit: String,
}

/// An amount of money.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Money {
    /// The amount, scaled.
    pub amount: f64,
    /// ISO 4217 code.
    pub currency: String,
}

/// A stretch of the clean text that states a claim.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Evidence {
    /// The text between `start` and `end`.
    pub text: String,
    /// Character offset of the first character in the clean text.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
}

/// A sanctions measure a claim falls under: "a person should look at this".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SanctionFlag {
    /// Measure id, e.g. `UNSCR2397-OP5`.
    pub measure: String,
    /// Which slot matched and how.
    pub reason: String,
    /// True when the claim may or may not fall in scope (e.g. LPG).
    pub ambiguous: bool,
}

/// One claim with every slot of SPEC.md section 2. Slots a kind does not use
/// stay empty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Stable id (see [`claim_id`]).
    pub id: String,
    /// The document it came from.
    pub doc_id: String,
    /// What kind of claim.
    pub kind: ClaimKind,
    /// ISO 3166 code of the exporting economy (trade flows).
    pub exporter: Option<String>,
    /// ISO 3166 code of the importing economy (trade flows).
    pub importer: Option<String>,
    /// Goods (trade flows, markets).
    pub commodities: Vec<Commodity>,
    /// Amount of goods.
    pub quantity: Option<Quantity>,
    /// Money value.
    pub value: Option<Money>,
    /// Who acts: a country code or an organisation name.
    pub actor: Option<String>,
    /// Who is acted on (sanctions actions).
    pub target: Option<String>,
    /// Who speaks (statements).
    pub speaker: Option<String>,
    /// Where it was said (statements).
    pub venue: Option<String>,
    /// Where people go (personnel).
    pub destination: Option<String>,
    /// Places: country codes or place names.
    pub places: Vec<String>,
    /// Organisations named as taking part.
    pub organisations: Vec<String>,
    /// ISO 8601 value or interval, `None` when unknown or unanchored.
    pub time: Option<String>,
    /// The time expression as written.
    pub time_text: Option<String>,
    /// Occurred, ongoing, planned, possible or negated.
    pub status: Status,
    /// Who vouches for it.
    pub certainty: Certainty,
    /// True when the publisher says it could not verify it.
    pub unverified: bool,
    /// The words naming who vouches.
    pub source: Option<String>,
    /// The sentence(s) stating it.
    pub evidence: Vec<Evidence>,
    /// Sanctions measures it falls under.
    pub sanctions: Vec<SanctionFlag>,
}

impl Claim {
    /// An empty claim of `kind` for `doc_id`, unattributed and occurred; the
    /// extractor fills the rest.
    pub fn new(doc_id: &str, kind: ClaimKind) -> Claim {
        Claim {
            id: String::new(),
            doc_id: doc_id.to_string(),
            kind,
            exporter: None,
            importer: None,
            commodities: Vec::new(),
            quantity: None,
            value: None,
            actor: None,
            target: None,
            speaker: None,
            venue: None,
            destination: None,
            places: Vec::new(),
            organisations: Vec::new(),
            time: None,
            time_text: None,
            status: Status::Occurred,
            certainty: Certainty::Unattributed,
            unverified: false,
            source: None,
            evidence: Vec::new(),
            sanctions: Vec::new(),
        }
    }

    /// Set `id` from the claim's content (see [`claim_id`]).
    pub fn assign_id(&mut self) {
        self.id = claim_id(self);
    }
}

/// A stable id: the same document, kind, evidence offsets and key slots
/// always give the same id, so re-extraction does not create new claims.
pub fn claim_id(claim: &Claim) -> String {
    let mut hasher = Sha256::new();
    let mut put = |s: &str| {
        hasher.update(s.as_bytes());
        hasher.update([0u8]);
    };
    put(&claim.doc_id);
    put(claim.kind.as_str());
    for e in &claim.evidence {
        put(&format!("{}:{}", e.start, e.end));
    }
    put(claim.exporter.as_deref().unwrap_or(""));
    put(claim.importer.as_deref().unwrap_or(""));
    put(claim.actor.as_deref().unwrap_or(""));
    for c in &claim.commodities {
        put(&c.text);
    }
    put(claim.time.as_deref().unwrap_or(""));
    put(claim.status.as_str());
    let digest = hasher.finalize();
    format!("c_{}", &crate::document::hex(&digest)[..16])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for k in ClaimKind::ALL {
            assert_eq!(ClaimKind::parse(k.as_str()), Some(k));
            assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
        }
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
        for c in Certainty::ALL {
            assert_eq!(Certainty::parse(c.as_str()), Some(c));
        }
    }

    #[test]
    fn id_is_stable_and_content_based() {
        let mut a = Claim::new("d1", ClaimKind::TradeFlow);
        a.evidence.push(Evidence {
            text: "x".into(),
            start: 0,
            end: 1,
        });
        let mut b = a.clone();
        a.assign_id();
        b.assign_id();
        assert_eq!(a.id, b.id);
        b.exporter = Some("RU".into());
        b.assign_id();
        assert_ne!(a.id, b.id);
    }
}
