//! [`MeasureSet`]: validated measures, ready to flag claims.

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use chrono::NaiveDate;
use tw_model::{Claim, SanctionFlag, Status};

use crate::activity::{builtin_activities, Catalogue};
use crate::matcher::{match_scope, reason_text, Compiled, ScopeMatch};
use crate::measure::{parse_measures, Measure};
use crate::time::{day_range, full_date, partial};
use crate::SanctionsError;

/// The embedded measure files, in load order. A new file under
/// `data/measures/` needs a line here (records added to an existing file need nothing).
const BUILTIN_FILES: &[(&str, &str)] = &[
    (
        "un-dprk.toml",
        include_str!("../data/measures/un-dprk.toml"),
    ),
    (
        "us-dprk.toml",
        include_str!("../data/measures/us-dprk.toml"),
    ),
    (
        "eu-dprk.toml",
        include_str!("../data/measures/eu-dprk.toml"),
    ),
    (
        "price-cap-russia.toml",
        include_str!("../data/measures/price-cap-russia.toml"),
    ),
];

/// A validated set of measures: ids unique, references resolved.
#[derive(Debug, Clone)]
pub struct MeasureSet {
    measures: Vec<Measure>,
    compiled: Vec<Compiled>,
    by_id: HashMap<String, usize>,
    /// First day each measure applies (from `adopted`).
    adopted: Vec<NaiveDate>,
    /// For superseded measures: the first day the later measure takes over.
    superseded_from: Vec<Option<NaiveDate>>,
    pub(crate) activities: &'static Catalogue,
}

impl MeasureSet {
    /// The embedded data files (`data/measures/*.toml`), loaded once.
    /// The files are validated by this crate's tests, so the error case
    /// means a broken build of the data, not bad input.
    pub fn builtin() -> Result<MeasureSet, SanctionsError> {
        MeasureSet::builtin_ref().cloned()
    }

    /// The embedded set without copying it: parsed once per process.
    pub fn builtin_ref() -> Result<&'static MeasureSet, SanctionsError> {
        static BUILTIN: OnceLock<Result<MeasureSet, SanctionsError>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| MeasureSet::from_files(BUILTIN_FILES.iter().copied()))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Every `*.toml` file of `dir` (not recursive, in name order): an
    /// analyst's own measures. Combine with [`MeasureSet::builtin`] through
    /// [`MeasureSet::merge`].
    pub fn load_dir(dir: &Path) -> Result<MeasureSet, SanctionsError> {
        let io_error = |path: &Path, e: std::io::Error| SanctionsError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        };
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .map_err(|e| io_error(dir, e))?
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml"))
            .collect();
        paths.sort();
        let mut files = Vec::new();
        for path in &paths {
            let text = std::fs::read_to_string(path).map_err(|e| io_error(path, e))?;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            files.push((name, text));
        }
        MeasureSet::from_files(files.iter().map(|(n, t)| (n.as_str(), t.as_str())))
    }

    /// Parse and validate one file's records (see README.md for the format).
    /// References to other measures are checked when a set is built.
    pub fn from_toml_str(file_name: &str, text: &str) -> Result<Vec<Measure>, SanctionsError> {
        parse_measures(file_name, text)
    }

    /// A set from `(file name, text)` pairs.
    pub fn from_files<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<MeasureSet, SanctionsError> {
        let mut measures = Vec::new();
        for (name, text) in files {
            measures.extend(parse_measures(name, text)?);
        }
        MeasureSet::from_measures(measures)
    }

    /// This set plus `other` (ids must stay unique).
    pub fn merge(&self, other: &MeasureSet) -> Result<MeasureSet, SanctionsError> {
        MeasureSet::from_measures(
            self.measures
                .iter()
                .chain(&other.measures)
                .cloned()
                .collect(),
        )
    }

    /// A set from parsed measures: checks ids are unique and that every
    /// `superseded_by` and `ambiguous_with` names a measure of the set.
    pub fn from_measures(measures: Vec<Measure>) -> Result<MeasureSet, SanctionsError> {
        let mut by_id: HashMap<String, usize> = HashMap::new();
        for (i, m) in measures.iter().enumerate() {
            if let Some(&first) = by_id.get(&m.id) {
                return Err(SanctionsError::DuplicateId {
                    file: m.file.clone(),
                    record: m.id.clone(),
                    first_file: measures[first].file.clone(),
                });
            }
            by_id.insert(m.id.clone(), i);
        }
        let invalid = |m: &Measure, field: &str, message: String| SanctionsError::Invalid {
            file: m.file.clone(),
            record: m.id.clone(),
            field: field.to_string(),
            message,
        };
        let mut adopted = Vec::with_capacity(measures.len());
        let mut superseded_from = Vec::with_capacity(measures.len());
        for m in &measures {
            // Validated at parse time; checked again because a caller may
            // build a Measure by hand.
            let day = partial(&m.adopted).map(|(first, _)| first).ok_or_else(|| {
                invalid(m, "adopted", format!("`{}` is not a valid date", m.adopted))
            })?;
            adopted.push(day);
            for (k, other) in m.ambiguous_with.iter().enumerate() {
                if !by_id.contains_key(other) {
                    return Err(invalid(
                        m,
                        &format!("ambiguous_with[{k}]"),
                        format!("no measure `{other}`"),
                    ));
                }
            }
        }
        for m in &measures {
            let from = match &m.superseded_by {
                None => None,
                Some(later) => {
                    let &j = by_id.get(later).ok_or_else(|| {
                        invalid(m, "superseded_by", format!("no measure `{later}`"))
                    })?;
                    Some(match &m.superseded_from {
                        Some(day) => full_date(day).ok_or_else(|| {
                            invalid(m, "superseded_from", format!("`{day}` is not a valid date"))
                        })?,
                        None => adopted[j],
                    })
                }
            };
            superseded_from.push(from);
        }
        Ok(MeasureSet {
            compiled: measures.iter().map(Compiled::new).collect(),
            measures,
            by_id,
            adopted,
            superseded_from,
            activities: builtin_activities()?,
        })
    }

    /// Every measure, in file order.
    pub fn measures(&self) -> &[Measure] {
        &self.measures
    }

    /// The measure with this id.
    pub fn get(&self, id: &str) -> Option<&Measure> {
        self.by_id.get(id).map(|&i| &self.measures[i])
    }

    pub(crate) fn index(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Scope match of measure `i`, ignoring dates and supersession.
    pub(crate) fn scope_match(&self, i: usize, claim: &Claim) -> Option<ScopeMatch> {
        if claim.status == Status::Negated {
            return None;
        }
        match_scope(&self.measures[i], &self.compiled[i], self.activities, claim)
    }

    /// The measures `claim` falls under, in file order. A flag means "a
    /// person should look at this", never "a violation occurred".
    ///
    /// Not flagged: negated claims; measures adopted after the claim's
    /// latest possible day; superseded measures when the claim's time is
    /// unknown or starts on or after the supersession (the later measure is
    /// flagged instead).
    pub fn flag(&self, claim: &Claim) -> Vec<SanctionFlag> {
        if claim.status == Status::Negated {
            return Vec::new();
        }
        let when = claim.time.as_deref().and_then(day_range);
        let mut flags = Vec::new();
        for (i, measure) in self.measures.iter().enumerate() {
            if when.is_some_and(|(_, last)| last < self.adopted[i]) {
                continue;
            }
            if let Some(from) = self.superseded_from[i] {
                match when {
                    None => continue,
                    Some((first, _)) if first >= from => continue,
                    Some(_) => {}
                }
            }
            if let Some(found) = self.scope_match(i, claim) {
                flags.push(SanctionFlag {
                    measure: measure.id.clone(),
                    reason: reason_text(measure, &found),
                    ambiguous: found.ambiguous,
                });
            }
        }
        flags
    }
}
