//! The cue lexicon (`data/cues.toml`), loaded once into phrase sets.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::text::PhraseSet;

/// Direction a trade trigger gives its grammatical subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// The subject imports; "from X" is the exporter.
    Import,
    /// The subject exports; "to X" is the importer.
    Export,
}

/// The trade triggers, one table per direction and kind in the file,
/// compiled into one phrase set with each phrase's direction and kind.
#[derive(Debug)]
pub(crate) struct Triggers {
    pub(crate) phrases: PhraseSet,
    direction: Vec<Direction>,
    crosses_border: Vec<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTrigger {
    direction: Direction,
    /// The word itself puts goods across a border ("export", "import").
    #[serde(default)]
    crosses_border: bool,
    words: Vec<String>,
}

impl<'de> Deserialize<'de> for Triggers {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let tables = Vec::<RawTrigger>::deserialize(d)?;
        let mut words = Vec::new();
        let mut direction = Vec::new();
        let mut crosses_border = Vec::new();
        for t in &tables {
            for w in &t.words {
                words.push(w.clone());
                direction.push(t.direction);
                crosses_border.push(t.crosses_border);
            }
        }
        Ok(Triggers {
            phrases: PhraseSet::new(&words),
            direction,
            crosses_border,
        })
    }
}

/// Status cues, strongest first.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StatusCues {
    pub(crate) negated: PhraseSet,
    pub(crate) possible: PhraseSet,
    pub(crate) planned: PhraseSet,
    pub(crate) ongoing: PhraseSet,
}

/// Source phrases, by how sure a claim is.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SourceCues {
    pub(crate) anonymous: PhraseSet,
    pub(crate) rumor: PhraseSet,
    pub(crate) speculation: PhraseSet,
    pub(crate) reported: PhraseSet,
    pub(crate) official: PhraseSet,
    pub(crate) back_reference: PhraseSet,
}

/// Nouns and the verbs that govern them (presence, sanctions, markets).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NounsVerbs {
    pub(crate) nouns: PhraseSet,
    pub(crate) verbs: PhraseSet,
}

/// Verbs alone (events).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Verbs {
    pub(crate) verbs: PhraseSet,
}

/// Personnel cues.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PersonnelCues {
    pub(crate) verbs: PhraseSet,
    pub(crate) people: PhraseSet,
    pub(crate) abroad_people: PhraseSet,
}

/// Statement cues.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StatementCues {
    pub(crate) verbs: PhraseSet,
    pub(crate) titles: PhraseSet,
    pub(crate) venues: Vec<String>,
}

/// Every cue set, compiled. Each field reads the list of the same name in
/// `data/cues.toml` (or the name in its `rename`); what each list is for
/// is said there.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cues {
    #[serde(rename = "trade_trigger")]
    pub(crate) triggers: Triggers,
    pub(crate) reverse_markers: PhraseSet,
    pub(crate) to_markers: PhraseSet,
    pub(crate) from_markers: PhraseSet,
    pub(crate) into_markers: PhraseSet,
    #[serde(rename = "comparison_markers")]
    pub(crate) comparison: PhraseSet,
    pub(crate) status: StatusCues,
    #[serde(rename = "estimate_cues")]
    pub(crate) estimate: PhraseSet,
    pub(crate) reporting_verbs: PhraseSet,
    pub(crate) source: SourceCues,
    #[serde(rename = "analysis_cues")]
    pub(crate) analysis: PhraseSet,
    pub(crate) needs_object: PhraseSet,
    pub(crate) not_objects_after: PhraseSet,
    pub(crate) share_phrases: PhraseSet,
    pub(crate) receiving_verbs: PhraseSet,
    pub(crate) agent_nouns: PhraseSet,
    pub(crate) buyer_verbs: PhraseSet,
    pub(crate) company_markers: PhraseSet,
    pub(crate) verb_only: PhraseSet,
    pub(crate) market_pressure_words: PhraseSet,
    pub(crate) opening_words: PhraseSet,
    pub(crate) trade_nouns: PhraseSet,
    pub(crate) people_verbs: PhraseSet,
    pub(crate) programme_triggers: PhraseSet,
    pub(crate) too_generic: PhraseSet,
    pub(crate) continues_flow: PhraseSet,
    pub(crate) exclusion_markers: PhraseSet,
    pub(crate) policy_nouns: PhraseSet,
    pub(crate) policy_verbs: PhraseSet,
    pub(crate) policy_after: PhraseSet,
    pub(crate) exchange_venues: PhraseSet,
    pub(crate) quote_markers: PhraseSet,
    pub(crate) withdrawn_markers: PhraseSet,
    pub(crate) redirect_markers: PhraseSet,
    pub(crate) share_markers: PhraseSet,
    pub(crate) topic_nouns: PhraseSet,
    pub(crate) contention_nouns: PhraseSet,
    pub(crate) export_tender_cues: PhraseSet,
    pub(crate) carrier_nouns: PhraseSet,
    pub(crate) rival_nouns: PhraseSet,
    pub(crate) port_nouns: PhraseSet,
    pub(crate) transit_markers: PhraseSet,
    pub(crate) maker_nouns: PhraseSet,
    pub(crate) request_verbs: PhraseSet,
    pub(crate) party_nouns: PhraseSet,
    pub(crate) firm_nouns: PhraseSet,
    pub(crate) place_trader_nouns: PhraseSet,
    pub(crate) money_verbs: PhraseSet,
    pub(crate) not_destination_heads: PhraseSet,
    pub(crate) not_origin_heads: PhraseSet,
    pub(crate) shield_verbs: PhraseSet,
    pub(crate) statistic_nouns: PhraseSet,
    pub(crate) pact_nouns: PhraseSet,
    pub(crate) pact_links: PhraseSet,
    pub(crate) forecast_verbs: PhraseSet,
    pub(crate) carrier_prepositions: PhraseSet,
    /// Separators of two trade clauses in one sentence (as written).
    pub(crate) clause_breaks: Vec<String>,
    /// HS chapters of vehicles, which carry goods after a
    /// `carrier_prepositions` word ("on aircraft").
    pub(crate) vehicle_hs: Vec<String>,
    pub(crate) market_heads: PhraseSet,
    #[serde(rename = "hypothetical_cues")]
    pub(crate) hypothetical: PhraseSet,
    pub(crate) price_nouns: PhraseSet,
    #[serde(rename = "cross_border_cues")]
    pub(crate) cross_border: PhraseSet,
    #[serde(rename = "domestic_markers")]
    pub(crate) domestic: PhraseSet,
    pub(crate) acting_nouns: PhraseSet,
    pub(crate) state_words: PhraseSet,
    pub(crate) state_bodies: PhraseSet,
    pub(crate) not_subject_heads: PhraseSet,
    pub(crate) market_buying_words: PhraseSet,
    pub(crate) destination_words: PhraseSet,
    pub(crate) hub_datelines: PhraseSet,
    pub(crate) price_talk_nouns: PhraseSet,
    pub(crate) people_nouns: PhraseSet,
    pub(crate) domestic_bodies: PhraseSet,
    pub(crate) bloc_nouns: PhraseSet,
    pub(crate) end_use_cues: PhraseSet,
    pub(crate) non_state_nouns: PhraseSet,
    pub(crate) instrument_nouns: PhraseSet,
    pub(crate) delivery_words: PhraseSet,
    pub(crate) measure_nouns: PhraseSet,
    pub(crate) measure_talk: PhraseSet,
    pub(crate) stock_destinations: PhraseSet,
    pub(crate) relational_agents: PhraseSet,
    #[serde(rename = "onward_cues")]
    pub(crate) onward: PhraseSet,
    #[serde(rename = "proceeds_nouns")]
    pub(crate) proceeds: PhraseSet,
    pub(crate) presence: NounsVerbs,
    pub(crate) personnel: PersonnelCues,
    pub(crate) statement: StatementCues,
    pub(crate) sanctions: NounsVerbs,
    pub(crate) market: NounsVerbs,
    pub(crate) event: Verbs,
    /// Units only one family of goods is measured in ("bpd": oil), with
    /// the HS prefix of that family.
    pub(crate) unit_goods: std::collections::HashMap<String, String>,
}

const CUES_TOML: &str = include_str!("../data/cues.toml");

impl Cues {
    /// The built-in cue lexicon, compiled once.
    pub fn global() -> &'static Cues {
        static CUES: OnceLock<Cues> = OnceLock::new();
        CUES.get_or_init(|| Cues::from_toml(CUES_TOML).expect("data/cues.toml is valid"))
    }

    /// Compile a cue lexicon from TOML text.
    pub fn from_toml(text: &str) -> Result<Cues, toml::de::Error> {
        toml::from_str(text)
    }

    /// The direction of trade trigger number `index`.
    pub(crate) fn direction(&self, index: usize) -> Direction {
        self.triggers.direction[index]
    }

    /// True when trade trigger number `index` names a border crossing by
    /// itself ("exports"), false for a word of buying or selling that may
    /// be a firm's or a market's business ("sales").
    pub(crate) fn crosses_border(&self, index: usize) -> bool {
        self.triggers.crosses_border[index]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_cues_load() {
        let cues = Cues::global();
        let text = "exporters reported new sales";
        let hits = cues.triggers.phrases.find(text);
        assert_eq!(hits.len(), 2);
        assert_eq!(cues.direction(hits[0].index), Direction::Export);
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let bad = CUES_TOML.replace("reverse_markers", "reverse_markerz");
        assert!(Cues::from_toml(&bad).is_err());
    }
}
