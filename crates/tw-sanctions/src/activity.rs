//! Activities: the non-commodity scopes of measures (`workers_abroad`,
//! `joint_ventures`, ...), defined as data in `data/activities.toml`.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use tw_model::ClaimKind;

use crate::fields::{parse_file, record_label, records, Fields};
use crate::terms::TermSet;
use crate::SanctionsError;

/// Where the measure's target state must appear in a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// The claim's actor is the target.
    Actor,
    /// A trade flow's importer (direction `to`), exporter (`from`) or either (`all`).
    Party,
    /// Any country slot of the claim.
    Any,
}

/// One activity definition.
#[derive(Debug, Clone)]
pub struct Activity {
    /// Name used in `scope.activities`.
    pub name: String,
    /// What it covers.
    pub description: String,
    /// False when claims cannot show it (designations, "significant" trade).
    pub matchable: bool,
    /// Claim kinds it applies to.
    pub kinds: Vec<ClaimKind>,
    /// Where the target must appear.
    pub subject: Subject,
    /// The claim must place the subject outside the target.
    pub abroad: bool,
    /// Words the evidence must contain (empty: no condition).
    pub evidence_terms: Vec<String>,
    pub(crate) evidence: TermSet,
}

/// Every activity, by name.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    by_name: BTreeMap<String, Activity>,
}

impl Catalogue {
    /// Parse an activities file.
    pub fn from_toml_str(file: &str, text: &str) -> Result<Catalogue, SanctionsError> {
        let table = parse_file(file, text)?;
        let mut by_name = BTreeMap::new();
        for (i, record) in records(file, &table, "activity", &[])?
            .into_iter()
            .enumerate()
        {
            let f = Fields::new(file, record_label(record, "name", i), record);
            f.only(&[
                "name",
                "description",
                "matchable",
                "kinds",
                "subject",
                "abroad",
                "evidence_terms",
            ])?;
            let name = f.str("name")?;
            if !name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            {
                return Err(f.error("name", "use lower-case letters, digits and `_`"));
            }
            let matchable = f.opt_bool("matchable")?.unwrap_or(true);
            let kinds = f
                .strings("kinds")?
                .iter()
                .enumerate()
                .map(|(k, s)| {
                    ClaimKind::parse(s).ok_or_else(|| {
                        f.error(&format!("kinds[{k}]"), format!("unknown claim kind `{s}`"))
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            if matchable && kinds.is_empty() {
                return Err(f.error(
                    "kinds",
                    "a matchable activity needs at least one claim kind",
                ));
            }
            let subject = match f.opt_str("subject")?.as_deref() {
                None | Some("any") => Subject::Any,
                Some("actor") => Subject::Actor,
                Some("party") => Subject::Party,
                Some(other) => {
                    return Err(f.error(
                        "subject",
                        format!("unknown subject `{other}` (actor, party, any)"),
                    ))
                }
            };
            let evidence_terms = f.strings("evidence_terms")?;
            let activity = Activity {
                description: f.opt_str("description")?.unwrap_or_default(),
                matchable,
                kinds,
                subject,
                abroad: f.opt_bool("abroad")?.unwrap_or(false),
                evidence: TermSet::new(&evidence_terms),
                evidence_terms,
                name: name.clone(),
            };
            if by_name.insert(name, activity).is_some() {
                return Err(f.error("name", "duplicate activity name"));
            }
        }
        Ok(Catalogue { by_name })
    }

    /// The activity called `name`.
    pub fn get(&self, name: &str) -> Option<&Activity> {
        self.by_name.get(name)
    }

    /// Every activity, sorted by name.
    pub fn iter(&self) -> impl Iterator<Item = &Activity> {
        self.by_name.values()
    }
}

/// The embedded `data/activities.toml`.
pub fn builtin_activities() -> Result<&'static Catalogue, SanctionsError> {
    static BUILTIN: OnceLock<Result<Catalogue, SanctionsError>> = OnceLock::new();
    BUILTIN
        .get_or_init(|| {
            Catalogue::from_toml_str("activities.toml", include_str!("../data/activities.toml"))
        })
        .as_ref()
        .map_err(Clone::clone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_catalogue_loads() {
        let cat = builtin_activities().unwrap();
        let workers = cat.get("workers_abroad").unwrap();
        assert!(workers.matchable && workers.abroad);
        assert_eq!(workers.subject, Subject::Actor);
        assert!(!cat.get("designations").unwrap().matchable);
    }

    #[test]
    fn bad_activities_are_named() {
        let cases = [
            (
                "[[activity]]\nname = \"x\"\nkinds = [\"trade\"]\n",
                "record x: field `kinds[0]`",
            ),
            (
                "[[activity]]\nname = \"x\"\nkind = [\"event\"]\n",
                "record x: field `kind`: unknown field",
            ),
            (
                "[[activity]]\nname = \"Bad Name\"\nkinds = [\"event\"]\n",
                "field `name`",
            ),
            (
                "[[activity]]\nkinds = [\"event\"]\n",
                "record #1: field `name`: missing",
            ),
        ];
        for (text, want) in cases {
            let err = Catalogue::from_toml_str("a.toml", text)
                .unwrap_err()
                .to_string();
            assert!(err.contains(want), "{err} lacks {want}");
        }
    }
}
