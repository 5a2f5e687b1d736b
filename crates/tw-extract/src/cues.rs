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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCues {
    trade_trigger: Vec<RawTrigger>,
    reverse_markers: Vec<String>,
    to_markers: Vec<String>,
    from_markers: Vec<String>,
    comparison_markers: Vec<String>,
    status: RawStatus,
    estimate_cues: Vec<String>,
    reporting_verbs: Vec<String>,
    source: RawSource,
    analysis_cues: Vec<String>,
    needs_object: Vec<String>,
    agent_nouns: Vec<String>,
    buyer_verbs: Vec<String>,
    company_markers: Vec<String>,
    verb_only: Vec<String>,
    programme_triggers: Vec<String>,
    too_generic: Vec<String>,
    continues_flow: Vec<String>,
    exclusion_markers: Vec<String>,
    policy_nouns: Vec<String>,
    policy_verbs: Vec<String>,
    hypothetical_cues: Vec<String>,
    price_nouns: Vec<String>,
    cross_border_cues: Vec<String>,
    domestic_markers: Vec<String>,
    acting_nouns: Vec<String>,
    state_words: Vec<String>,
    measure_nouns: Vec<String>,
    relational_agents: Vec<String>,
    onward_cues: Vec<String>,
    proceeds_nouns: Vec<String>,
    presence: RawNounsVerbs,
    personnel: RawPersonnel,
    statement: RawStatement,
    sanctions: RawNounsVerbs,
    market: RawNounsVerbs,
    event: RawVerbs,
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStatus {
    negated: Vec<String>,
    possible: Vec<String>,
    planned: Vec<String>,
    ongoing: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    anonymous: Vec<String>,
    rumor: Vec<String>,
    speculation: Vec<String>,
    reported: Vec<String>,
    official: Vec<String>,
    back_reference: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNounsVerbs {
    nouns: Vec<String>,
    verbs: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVerbs {
    verbs: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPersonnel {
    verbs: Vec<String>,
    people: Vec<String>,
    abroad_people: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStatement {
    verbs: Vec<String>,
    titles: Vec<String>,
    venues: Vec<String>,
}

/// Every cue set, compiled.
#[derive(Debug)]
pub struct Cues {
    pub(crate) trade_triggers: PhraseSet,
    pub(crate) trigger_direction: Vec<Direction>,
    pub(crate) trigger_crosses_border: Vec<bool>,
    pub(crate) reverse_markers: PhraseSet,
    pub(crate) to_markers: PhraseSet,
    pub(crate) from_markers: PhraseSet,
    pub(crate) comparison: PhraseSet,
    pub(crate) negated: PhraseSet,
    pub(crate) possible: PhraseSet,
    pub(crate) planned: PhraseSet,
    pub(crate) ongoing: PhraseSet,
    pub(crate) estimate: PhraseSet,
    pub(crate) reporting_verbs: PhraseSet,
    pub(crate) src_anonymous: PhraseSet,
    pub(crate) src_rumor: PhraseSet,
    pub(crate) src_speculation: PhraseSet,
    pub(crate) src_reported: PhraseSet,
    pub(crate) src_official: PhraseSet,
    pub(crate) back_reference: PhraseSet,
    pub(crate) analysis: PhraseSet,
    pub(crate) needs_object: PhraseSet,
    pub(crate) agent_nouns: PhraseSet,
    pub(crate) buyer_verbs: PhraseSet,
    pub(crate) company_markers: PhraseSet,
    pub(crate) verb_only: PhraseSet,
    pub(crate) programme_triggers: PhraseSet,
    pub(crate) too_generic: PhraseSet,
    pub(crate) continues_flow: PhraseSet,
    pub(crate) exclusion_markers: PhraseSet,
    pub(crate) policy_nouns: PhraseSet,
    pub(crate) policy_verbs: PhraseSet,
    pub(crate) hypothetical: PhraseSet,
    pub(crate) price_nouns: PhraseSet,
    pub(crate) cross_border: PhraseSet,
    pub(crate) domestic: PhraseSet,
    pub(crate) acting_nouns: PhraseSet,
    pub(crate) state_words: PhraseSet,
    pub(crate) measure_nouns: PhraseSet,
    pub(crate) relational_agents: PhraseSet,
    pub(crate) onward: PhraseSet,
    pub(crate) proceeds: PhraseSet,
    pub(crate) presence_nouns: PhraseSet,
    pub(crate) presence_verbs: PhraseSet,
    pub(crate) personnel_verbs: PhraseSet,
    pub(crate) personnel_people: PhraseSet,
    pub(crate) abroad_people: PhraseSet,
    pub(crate) statement_verbs: PhraseSet,
    pub(crate) statement_titles: PhraseSet,
    pub(crate) statement_venues: Vec<String>,
    pub(crate) sanctions_nouns: PhraseSet,
    pub(crate) sanctions_verbs: PhraseSet,
    pub(crate) market_nouns: PhraseSet,
    pub(crate) market_verbs: PhraseSet,
    pub(crate) event_verbs: PhraseSet,
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
        let raw: RawCues = toml::from_str(text)?;
        let mut words = Vec::new();
        let mut dirs = Vec::new();
        let mut crosses = Vec::new();
        for t in &raw.trade_trigger {
            for w in &t.words {
                words.push(w.clone());
                dirs.push(t.direction);
                crosses.push(t.crosses_border);
            }
        }
        let s = |v: &Vec<String>| PhraseSet::new(v);
        Ok(Cues {
            trade_triggers: PhraseSet::new(&words),
            trigger_direction: dirs,
            trigger_crosses_border: crosses,
            reverse_markers: s(&raw.reverse_markers),
            to_markers: s(&raw.to_markers),
            from_markers: s(&raw.from_markers),
            comparison: s(&raw.comparison_markers),
            negated: s(&raw.status.negated),
            possible: s(&raw.status.possible),
            planned: s(&raw.status.planned),
            ongoing: s(&raw.status.ongoing),
            estimate: s(&raw.estimate_cues),
            reporting_verbs: s(&raw.reporting_verbs),
            src_anonymous: s(&raw.source.anonymous),
            src_rumor: s(&raw.source.rumor),
            src_speculation: s(&raw.source.speculation),
            src_reported: s(&raw.source.reported),
            src_official: s(&raw.source.official),
            back_reference: s(&raw.source.back_reference),
            analysis: s(&raw.analysis_cues),
            needs_object: s(&raw.needs_object),
            agent_nouns: s(&raw.agent_nouns),
            buyer_verbs: s(&raw.buyer_verbs),
            company_markers: s(&raw.company_markers),
            verb_only: s(&raw.verb_only),
            programme_triggers: s(&raw.programme_triggers),
            too_generic: s(&raw.too_generic),
            continues_flow: s(&raw.continues_flow),
            exclusion_markers: s(&raw.exclusion_markers),
            policy_nouns: s(&raw.policy_nouns),
            policy_verbs: s(&raw.policy_verbs),
            hypothetical: s(&raw.hypothetical_cues),
            price_nouns: s(&raw.price_nouns),
            cross_border: s(&raw.cross_border_cues),
            domestic: s(&raw.domestic_markers),
            acting_nouns: s(&raw.acting_nouns),
            state_words: s(&raw.state_words),
            measure_nouns: s(&raw.measure_nouns),
            relational_agents: s(&raw.relational_agents),
            onward: s(&raw.onward_cues),
            proceeds: s(&raw.proceeds_nouns),
            presence_nouns: s(&raw.presence.nouns),
            presence_verbs: s(&raw.presence.verbs),
            personnel_verbs: s(&raw.personnel.verbs),
            personnel_people: s(&raw.personnel.people),
            abroad_people: s(&raw.personnel.abroad_people),
            statement_verbs: s(&raw.statement.verbs),
            statement_titles: s(&raw.statement.titles),
            statement_venues: raw.statement.venues.clone(),
            sanctions_nouns: s(&raw.sanctions.nouns),
            sanctions_verbs: s(&raw.sanctions.verbs),
            market_nouns: s(&raw.market.nouns),
            market_verbs: s(&raw.market.verbs),
            event_verbs: s(&raw.event.verbs),
        })
    }

    /// The direction of trade trigger number `index`.
    pub(crate) fn direction(&self, index: usize) -> Direction {
        self.trigger_direction[index]
    }

    /// True when trade trigger number `index` names a border crossing by
    /// itself ("exports"), false for a word of buying or selling that may
    /// be a firm's or a market's business ("sales").
    pub(crate) fn crosses_border(&self, index: usize) -> bool {
        self.trigger_crosses_border[index]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_cues_load() {
        let cues = Cues::global();
        let text = "exporters reported new sales";
        let hits = cues.trade_triggers.find(text);
        assert_eq!(hits.len(), 2);
        assert_eq!(cues.direction(hits[0].index), Direction::Export);
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let bad = CUES_TOML.replace("reverse_markers", "reverse_markerz");
        assert!(Cues::from_toml(&bad).is_err());
    }
}
