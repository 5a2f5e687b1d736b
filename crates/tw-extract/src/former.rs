//! Former states: a claim dated before a state ended names that state.
//!
//! The gazetteer resolves places to today's countries ("Moscow" → `RU`).
//! SPEC codes trade between former states with ISO 3166-3 codes (`SU`,
//! `CS`, `YU`), so the country slots of a document published before such a
//! state ended are mapped back to it. The table is data
//! (`data/former_states.toml`).

use std::sync::OnceLock;

use serde::Deserialize;
use tw_model::Claim;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    state: Vec<State>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct State {
    code: String,
    until: String,
    successors: Vec<String>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        toml::from_str(include_str!("../data/former_states.toml"))
            .expect("data/former_states.toml is valid")
    })
}

/// The code a country had at date `when` (ISO 8601 at any precision).
pub fn code_at<'a>(code: &'a str, when: &str) -> &'a str {
    for state in &table().state {
        if when < state.until.as_str() && state.successors.iter().any(|s| s == code) {
            return state.code.as_str();
        }
    }
    code
}

/// Map the country slots of `claims` to the states of date `when`.
pub fn apply(claims: &mut [Claim], when: Option<&str>) {
    let Some(when) = when else {
        return;
    };
    for claim in claims {
        for slot in [
            &mut claim.exporter,
            &mut claim.importer,
            &mut claim.destination,
        ] {
            if let Some(code) = slot.as_deref() {
                let then = code_at(code, when);
                if then != code {
                    *slot = Some(then.to_string());
                }
            }
        }
        // A flow between two parts of one former state is internal.
        if claim.exporter.is_some() && claim.exporter == claim.importer {
            claim.importer = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn successors_map_back_before_the_end_date() {
        assert_eq!(code_at("RU", "1987-03-09"), "SU");
        assert_eq!(code_at("UA", "1991"), "SU");
        assert_eq!(code_at("RU", "1992-01-01"), "RU");
        assert_eq!(code_at("SK", "1990-05"), "CS");
        assert_eq!(code_at("HR", "1988"), "YU");
        assert_eq!(code_at("US", "1987"), "US");
    }

    #[test]
    fn claims_keep_later_codes_and_unknown_dates() {
        let mut c = Claim::new("d", tw_model::ClaimKind::TradeFlow);
        c.importer = Some("RU".into());
        let mut later = [c.clone()];
        apply(&mut later, Some("2022-11-04"));
        assert_eq!(later[0].importer.as_deref(), Some("RU"));
        let mut undated = [c.clone()];
        apply(&mut undated, None);
        assert_eq!(undated[0].importer.as_deref(), Some("RU"));
        let mut then = [c];
        apply(&mut then, Some("1987-03-09"));
        assert_eq!(then[0].importer.as_deref(), Some("SU"));
    }
}
