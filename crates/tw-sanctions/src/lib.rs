//! Sanctions measures as data, a matcher that flags claims, and tallies for
//! capped measures.
//!
//! Measures are records in TOML files (`data/measures/*.toml`, one file per
//! regime; format in this crate's README.md): id, regime, target state,
//! direction, scope (HS prefixes, goods names or activities), cap and
//! period, adoption date, source and how sure the record is (the research
//! note's letters P, U, R). [`MeasureSet::builtin`] loads the embedded files,
//! [`MeasureSet::load_dir`] an analyst's own.
//!
//! [`MeasureSet::flag`] returns the [`tw_model::SanctionFlag`]s of a claim:
//! "a person should look at this", never "a violation occurred". Each flag's
//! reason names the slot that matched and the record's certainty.
//! [`MeasureSet::tally`] sums the quantities claims report against a cap
//! (e.g. 500,000 barrels of refined products per 12 months), per window, by
//! certainty, counting copies of one report once.
//!
//! ```ignore
//! let set = tw_sanctions::MeasureSet::builtin()?;
//! for flag in set.flag(&claim) {
//!     println!("{}: {}", flag.measure, flag.reason);
//! }
//! ```
//!
//! Pure library: the only IO is [`MeasureSet::load_dir`] reading files.

#![deny(missing_docs)]

mod activity;
mod convert;
mod error;
mod fields;
mod matcher;
mod measure;
mod set;
mod tally;
mod terms;
mod time;

#[cfg(test)]
mod tests;

pub use activity::{builtin_activities, Activity, Catalogue, Subject};
pub use convert::{builtin_conversions, Conversions, Dimension, Product, Unit};
pub use error::SanctionsError;
pub use measure::{
    Cap, CapAmount, CapKind, CapStep, Combine, Direction, HsBasis, Measure, RecordCertainty, Scope,
};
pub use set::MeasureSet;
pub use tally::{Tally, TallyCap, TallyEntry, TallyInput, Unconvertible, Unplaced, WindowTally};
