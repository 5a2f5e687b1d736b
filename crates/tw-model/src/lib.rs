//! The shared vocabulary of tradewatch: documents, claims, evidence spans and
//! the enums that grade them (`Status`, `Certainty`).
//!
//! This crate does no IO. Its serialised forms are the export records of
//! `SPEC.md` section 2 and are a compatibility boundary: field names here do
//! not change, fields may only be added.

#![deny(missing_docs)]

mod claim;
mod document;
mod mention;
mod span;

pub use claim::{
    claim_id, Certainty, Claim, ClaimKind, Commodity, Evidence, Money, Quantity, SanctionFlag,
    Status,
};
pub use document::{content_hash, DatePrecision, Document, PublishedDate};
pub use mention::Mention;
pub use span::{byte_to_char_offsets, CharIndex};
