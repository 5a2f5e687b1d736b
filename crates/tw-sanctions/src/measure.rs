//! Measure records and their validation (the data format of README.md).

use serde::Serialize;
use toml::Table;

use crate::activity::builtin_activities;
use crate::convert::builtin_conversions;
use crate::fields::{parse_file, record_label, records, Fields};
use crate::time::{full_date, partial};
use crate::SanctionsError;

/// Which way goods must move, relative to the target state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Supply to the target (the target imports).
    To,
    /// Export or procurement from the target (the target exports).
    From,
    /// Either way, or not about goods (services, persons, vessels).
    All,
}

impl Direction {
    /// The data-file name.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::To => "to",
            Direction::From => "from",
            Direction::All => "all",
        }
    }
}

/// How sure the record is, with the research note's letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum RecordCertainty {
    /// `P`: operative wording seen (official text or translation, verbatim quotation).
    #[serde(rename = "P")]
    Primary,
    /// `U`: only in an official summary (1718 Committee, UN pages, fact sheets, EU acts).
    #[serde(rename = "U")]
    Summary,
    /// `R`: paragraph number or detail from secondary sources or recall; check the text.
    #[serde(rename = "R")]
    Recall,
}

impl RecordCertainty {
    /// The letter (`P`, `U`, `R`).
    pub fn letter(self) -> &'static str {
        match self {
            RecordCertainty::Primary => "P",
            RecordCertainty::Summary => "U",
            RecordCertainty::Recall => "R",
        }
    }

    /// What the letter means, for reasons and reports.
    pub fn meaning(self) -> &'static str {
        match self {
            RecordCertainty::Primary => "operative wording seen",
            RecordCertainty::Summary => "only in an official summary",
            RecordCertainty::Recall => "from secondary sources or recall, check the text",
        }
    }

    fn parse(letter: &str) -> Option<RecordCertainty> {
        match letter {
            "P" => Some(RecordCertainty::Primary),
            "U" => Some(RecordCertainty::Summary),
            "R" => Some(RecordCertainty::Recall),
            _ => None,
        }
    }
}

/// Where an HS mapping comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HsBasis {
    /// The measure's own text gives the codes.
    Resolution,
    /// An official summary gives them.
    Summary,
    /// Our reading of the goods named; the text gives no codes.
    Ours,
}

/// How a scope's goods and activities combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Combine {
    /// Goods or any activity (the default).
    #[default]
    Any,
    /// Goods and an activity (e.g. oil carried with coalition services).
    All,
}

/// What a measure covers.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Scope {
    /// HS prefixes (2, 4 or 6 digits) of goods plainly in scope.
    pub hs: Vec<String>,
    /// HS prefixes of goods that may or may not be in scope (flags are ambiguous).
    pub ambiguous_hs: Vec<String>,
    /// HS prefixes carved out of the two lists above.
    pub exclude_hs: Vec<String>,
    /// Where the HS mapping comes from (set whenever there are HS prefixes).
    pub hs_basis: Option<HsBasis>,
    /// Names of goods matched against a commodity's text (whole words), for
    /// goods HS codes cannot separate (aviation fuel, condensates).
    pub commodity_terms: Vec<String>,
    /// Activity names (see `data/activities.toml`).
    pub activities: Vec<String>,
    /// Whether goods or activities suffice, or both are needed.
    pub combine: Combine,
}

/// Whether a cap limits an amount of goods, their value or their price.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CapKind {
    /// An amount of goods (`bbl`, `t`): tallied.
    Quantity,
    /// A money value (`USD`): tallied.
    Value,
    /// A price per unit (`USD/bbl`): recorded, not tallied.
    Price,
}

/// An alternative limit of the same cap ("or 525,000 t").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CapAmount {
    /// The amount.
    pub amount: f64,
    /// Its unit.
    pub unit: String,
}

/// A change of the cap amount from a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CapStep {
    /// First day of the new amount (`YYYY-MM-DD`).
    pub from: String,
    /// The new amount, in the cap's unit.
    pub amount: f64,
    /// Who applies it, why.
    pub note: Option<String>,
}

/// A cap and its period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cap {
    /// Quantity, value or price.
    pub kind: CapKind,
    /// The limit, in `unit`.
    pub amount: f64,
    /// `bbl`, `t`, `USD`, `USD/bbl`, ...
    pub unit: String,
    /// Length of each rolling window in months (`12`); `None` for one fixed period.
    pub window_months: Option<u32>,
    /// First day of the first window (`YYYY-MM-DD`).
    pub start: String,
    /// Last day of the period, if it ends.
    pub end: Option<String>,
    /// Other limits of the same cap ("whichever is lower"); not tallied.
    pub alternatives: Vec<CapAmount>,
    /// Later changes of the amount; not tallied.
    pub schedule: Vec<CapStep>,
    /// Anything else about the cap.
    pub note: Option<String>,
}

/// One sanctions measure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Measure {
    /// Unique id, e.g. `UNSCR2397-OP5`.
    pub id: String,
    /// `UN`, `US`, `EU`, `G7+EU+AU`, ...
    pub regime: String,
    /// ISO 3166-1 alpha-2 code of the target state.
    pub target: String,
    /// To or from the target, or all.
    pub direction: Direction,
    /// One line on what it does.
    pub summary: String,
    /// What it covers.
    pub scope: Scope,
    /// Its cap, if it has one.
    pub cap: Option<Cap>,
    /// Date adopted (`YYYY-MM-DD`, or `YYYY-MM` when only the month is known).
    pub adopted: String,
    /// Document and paragraph.
    pub source: String,
    /// How sure the record is (P, U, R).
    pub certainty: RecordCertainty,
    /// What the letter leaves out ("paragraph number from secondary sources").
    pub certainty_note: Option<String>,
    /// Economies whose persons it binds (the counterparty must be one); empty: anyone.
    pub parties: Vec<String>,
    /// The later measure that covers this one's scope; this one is then not flagged.
    pub superseded_by: Option<String>,
    /// From when the supersession holds (default: the later measure's adoption).
    pub superseded_from: Option<String>,
    /// Measures an ambiguous match may belong to instead.
    pub ambiguous_with: Vec<String>,
    /// A condition the claim cannot show; every flag is then ambiguous.
    pub condition: Option<String>,
    /// Free notes.
    pub note: Option<String>,
    /// The file it was read from.
    pub file: String,
}

const MEASURE_FIELDS: &[&str] = &[
    "id",
    "regime",
    "target",
    "direction",
    "summary",
    "scope",
    "cap",
    "adopted",
    "source",
    "certainty",
    "certainty_note",
    "parties",
    "superseded_by",
    "superseded_from",
    "ambiguous_with",
    "condition",
    "note",
];
const SCOPE_FIELDS: &[&str] = &[
    "hs",
    "ambiguous_hs",
    "exclude_hs",
    "hs_basis",
    "commodity_terms",
    "activities",
    "combine",
];
const CAP_FIELDS: &[&str] = &[
    "kind",
    "amount",
    "unit",
    "window_months",
    "start",
    "end",
    "alternatives",
    "schedule",
    "note",
];

/// Parse and validate the records of one measure file. Cross-file rules
/// (unique ids, references between measures) are checked when a
/// [`crate::MeasureSet`] is built.
pub(crate) fn parse_measures(file: &str, text: &str) -> Result<Vec<Measure>, SanctionsError> {
    let table = parse_file(file, text)?;
    let mut out: Vec<Measure> = Vec::new();
    for (i, record) in records(file, &table, "measure", &[])?
        .into_iter()
        .enumerate()
    {
        let measure = parse_measure(file, i, record)?;
        if out.iter().any(|m| m.id == measure.id) {
            return Err(SanctionsError::DuplicateId {
                file: file.to_string(),
                record: measure.id,
                first_file: file.to_string(),
            });
        }
        out.push(measure);
    }
    Ok(out)
}

fn is_country_code(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase())
}

fn parse_measure(file: &str, index: usize, record: &Table) -> Result<Measure, SanctionsError> {
    let f = Fields::new(file, record_label(record, "id", index), record);
    f.only(MEASURE_FIELDS)?;
    let id = f.str("id")?;
    if id.chars().any(char::is_whitespace) {
        return Err(f.error("id", "must not contain white space"));
    }
    let target = f.str("target")?;
    if !is_country_code(&target) {
        return Err(f.error(
            "target",
            format!("`{target}` is not an ISO 3166-1 alpha-2 code (two capital letters)"),
        ));
    }
    let direction = match f.str("direction")?.as_str() {
        "to" => Direction::To,
        "from" => Direction::From,
        "all" => Direction::All,
        other => {
            return Err(f.error(
                "direction",
                format!("unknown direction `{other}` (to, from, all)"),
            ))
        }
    };
    let adopted = f.str("adopted")?;
    if partial(&adopted).is_none() || !matches!(adopted.len(), 7 | 10) {
        return Err(f.error(
            "adopted",
            format!("`{adopted}` is not a valid date (YYYY-MM-DD or YYYY-MM)"),
        ));
    }
    let certainty_letter = f.str("certainty")?;
    let certainty = RecordCertainty::parse(&certainty_letter).ok_or_else(|| {
        f.error(
            "certainty",
            format!("unknown letter `{certainty_letter}` (P: wording seen, U: official summary only, R: secondary sources or recall)"),
        )
    })?;
    let parties = f.strings("parties")?;
    for (i, p) in parties.iter().enumerate() {
        if !is_country_code(p) {
            return Err(f.error(
                &format!("parties[{i}]"),
                format!("`{p}` is not a two-letter code"),
            ));
        }
    }
    let superseded_by = f.opt_str("superseded_by")?;
    let superseded_from = f.opt_str("superseded_from")?;
    if let Some(from) = &superseded_from {
        if superseded_by.is_none() {
            return Err(f.error("superseded_from", "needs `superseded_by`"));
        }
        if full_date(from).is_none() {
            return Err(f.error(
                "superseded_from",
                format!("`{from}` is not a valid date (YYYY-MM-DD)"),
            ));
        }
    }
    if superseded_by.as_deref() == Some(id.as_str()) {
        return Err(f.error("superseded_by", "a measure cannot supersede itself"));
    }
    let ambiguous_with = f.strings("ambiguous_with")?;
    let scope_fields = f
        .table("scope")?
        .ok_or_else(|| f.error("scope", "missing"))?;
    let scope = parse_scope(&scope_fields)?;
    let cap = f.table("cap")?.map(|c| parse_cap(&c)).transpose()?;
    Ok(Measure {
        regime: f.str("regime")?,
        summary: f.str("summary")?,
        source: f.str("source")?,
        certainty_note: f.opt_str("certainty_note")?,
        condition: f.opt_str("condition")?,
        note: f.opt_str("note")?,
        file: file.to_string(),
        id,
        target,
        direction,
        scope,
        cap,
        adopted,
        certainty,
        parties,
        superseded_by,
        superseded_from,
        ambiguous_with,
    })
}

fn hs_list(f: &Fields<'_>, name: &str) -> Result<Vec<String>, SanctionsError> {
    let list = f.strings(name)?;
    for (i, code) in list.iter().enumerate() {
        if !matches!(code.len(), 2 | 4 | 6) || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(f.error(
                &format!("{name}[{i}]"),
                format!("`{code}` is not an HS prefix (2, 4 or 6 digits)"),
            ));
        }
    }
    Ok(list)
}

fn parse_scope(f: &Fields<'_>) -> Result<Scope, SanctionsError> {
    f.only(SCOPE_FIELDS)?;
    let hs = hs_list(f, "hs")?;
    let ambiguous_hs = hs_list(f, "ambiguous_hs")?;
    let exclude_hs = hs_list(f, "exclude_hs")?;
    let hs_basis = match f.opt_str("hs_basis")?.as_deref() {
        None => None,
        Some("resolution") => Some(HsBasis::Resolution),
        Some("summary") => Some(HsBasis::Summary),
        Some("ours") => Some(HsBasis::Ours),
        Some(other) => {
            return Err(f.error(
                "hs_basis",
                format!("unknown basis `{other}` (resolution, summary, ours)"),
            ))
        }
    };
    let has_hs = !hs.is_empty() || !ambiguous_hs.is_empty();
    if has_hs && hs_basis.is_none() {
        return Err(f.error(
            "hs_basis",
            "missing: say where the HS codes come from (resolution, summary, ours)",
        ));
    }
    if !has_hs && (hs_basis.is_some() || !exclude_hs.is_empty()) {
        return Err(f.error(
            if hs_basis.is_some() {
                "hs_basis"
            } else {
                "exclude_hs"
            },
            "given without `hs` or `ambiguous_hs`",
        ));
    }
    let commodity_terms = f.strings("commodity_terms")?;
    let activities = f.strings("activities")?;
    let catalogue = builtin_activities()?;
    for (i, name) in activities.iter().enumerate() {
        if catalogue.get(name).is_none() {
            let known: Vec<&str> = catalogue.iter().map(|a| a.name.as_str()).collect();
            return Err(f.error(
                &format!("activities[{i}]"),
                format!("unknown activity `{name}` (known: {})", known.join(", ")),
            ));
        }
    }
    let combine = match f.opt_str("combine")?.as_deref() {
        None | Some("any") => Combine::Any,
        Some("all") => Combine::All,
        Some(other) => {
            return Err(f.error("combine", format!("unknown value `{other}` (any, all)")))
        }
    };
    if combine == Combine::All && ((!has_hs && commodity_terms.is_empty()) || activities.is_empty())
    {
        return Err(f.error(
            "combine",
            "`all` needs both goods (hs or commodity_terms) and activities",
        ));
    }
    if !has_hs && commodity_terms.is_empty() && activities.is_empty() {
        return Err(f.error(
            "hs",
            "empty scope: give `hs`, `ambiguous_hs`, `commodity_terms` or `activities`",
        ));
    }
    Ok(Scope {
        hs,
        ambiguous_hs,
        exclude_hs,
        hs_basis,
        commodity_terms,
        activities,
        combine,
    })
}

fn positive(f: &Fields<'_>, name: &str) -> Result<f64, SanctionsError> {
    let amount = f.number(name)?;
    if amount <= 0.0 {
        return Err(f.error(name, "must be greater than zero"));
    }
    Ok(amount)
}

fn parse_cap(f: &Fields<'_>) -> Result<Cap, SanctionsError> {
    f.only(CAP_FIELDS)?;
    let kind = match f.str("kind")?.as_str() {
        "quantity" => CapKind::Quantity,
        "value" => CapKind::Value,
        "price" => CapKind::Price,
        other => {
            return Err(f.error(
                "kind",
                format!("unknown cap kind `{other}` (quantity, value, price)"),
            ))
        }
    };
    let amount = positive(f, "amount")?;
    let unit = f.str("unit")?;
    match kind {
        CapKind::Quantity if builtin_conversions()?.unit(&unit).is_none() => {
            return Err(f.error(
                "unit",
                format!("unknown quantity unit `{unit}` (see data/conversions.toml)"),
            ));
        }
        CapKind::Value if !(unit.len() == 3 && unit.bytes().all(|b| b.is_ascii_uppercase())) => {
            return Err(f.error("unit", format!("`{unit}` is not an ISO 4217 currency code")));
        }
        _ => {}
    }
    let window_months = match f.opt_integer("window_months")? {
        None => None,
        Some(n @ 1..=120) => Some(n as u32),
        Some(n) => return Err(f.error("window_months", format!("{n} is not between 1 and 120"))),
    };
    let start = f.str("start")?;
    let start_day = full_date(&start).ok_or_else(|| {
        f.error(
            "start",
            format!("`{start}` is not a valid date (YYYY-MM-DD)"),
        )
    })?;
    let end = f.opt_str("end")?;
    if let Some(end) = &end {
        match full_date(end) {
            None => return Err(f.error("end", format!("`{end}` is not a valid date (YYYY-MM-DD)"))),
            Some(day) if day < start_day => return Err(f.error("end", "is before `start`")),
            Some(_) => {}
        }
    }
    if window_months.is_none() && end.is_none() && kind != CapKind::Price {
        return Err(f.error(
            "window_months",
            "a tallied cap needs `window_months` or an `end` date",
        ));
    }
    let alternatives = f
        .tables("alternatives")?
        .iter()
        .map(|a| {
            a.only(&["amount", "unit"])?;
            Ok(CapAmount {
                amount: positive(a, "amount")?,
                unit: a.str("unit")?,
            })
        })
        .collect::<Result<Vec<_>, SanctionsError>>()?;
    let schedule = f
        .tables("schedule")?
        .iter()
        .map(|s| {
            s.only(&["from", "amount", "note"])?;
            let from = s.str("from")?;
            match full_date(&from) {
                None => {
                    return Err(
                        s.error("from", format!("`{from}` is not a valid date (YYYY-MM-DD)"))
                    )
                }
                Some(day) if day < start_day => {
                    return Err(s.error("from", "is before the cap's `start`"))
                }
                Some(_) => {}
            }
            Ok(CapStep {
                from,
                amount: positive(s, "amount")?,
                note: s.opt_str("note")?,
            })
        })
        .collect::<Result<Vec<_>, SanctionsError>>()?;
    Ok(Cap {
        kind,
        amount,
        unit,
        window_months,
        start,
        end,
        alternatives,
        schedule,
        note: f.opt_str("note")?,
    })
}
