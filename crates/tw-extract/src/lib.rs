//! Claim extraction: from one clean document to its mentions and claims.
//!
//! The extractor is pure: no IO, no database, no clock. It works in layers,
//! each a module:
//!
//! 1. [`sentences`] splits the clean text into sentences (byte spans), aware
//!    of wire-copy abbreviations ("U.S.", "Corp.", "N. Yemen").
//! 2. [`mentions`] runs the data-driven finders once over the whole text:
//!    countries, places and organisations (`tw-gazetteer`), commodities,
//!    quantities and money (`tw-goods`), and time expressions resolved
//!    against the document's anchor (`tw-time`).
//! 3. [`attribution`] finds who vouches for each sentence ("traders said",
//!    "according to the source", "rumours circulating") and carries it
//!    forward over a continuing report.
//! 4. [`frames`] turn sentences into claims, one frame per claim kind; each
//!    frame is one file and one line in `frames::FRAMES`.
//!
//! Cue words (triggers, status and certainty cues) live in `data/cues.toml`,
//! so an analyst can extend them without touching code.

#![deny(missing_docs)]

pub mod attribution;
pub mod cues;
pub mod former;
pub mod frames;
pub mod mentions;
pub mod sentences;
mod text;

use tw_model::{Claim, Document, Mention};

/// What extraction yields for one document.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// Claims, each with its evidence as character offsets into the clean text.
    pub claims: Vec<Claim>,
    /// Everything recognised, with character offsets.
    pub mentions: Vec<Mention>,
}

/// Extract the mentions and claims of one document.
pub fn extract(doc: &Document) -> Extraction {
    let flat = frames::flatten(&doc.text);
    let ctx = frames::Context::new(doc, &flat);
    let mut claims = frames::run_all(&ctx);
    former::apply(&mut claims, doc.anchor().map(|p| p.iso.as_str()));
    let mentions = ctx.mentions.export(&doc.id, &ctx.chars);
    Extraction { claims, mentions }
}
