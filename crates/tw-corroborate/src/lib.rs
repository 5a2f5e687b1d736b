//! One origin, many reports.
//!
//! A story travels: an outlet publishes it, another republishes it with a
//! note that it could not verify it, a blog scrapes it, a business site
//! rewrites it citing the first outlet, and a wire later reports the same
//! thing from an official. Counting those as five reports overstates the
//! evidence. This crate finds, for a corpus of documents and their claims:
//!
//! - **near-duplicates**: MinHash signatures of 3-word shingles
//!   ([`fingerprint`]) in a banded LSH index tuned for re-edited news, each
//!   candidate confirmed by exact shingle containment and by the agreement
//!   of what makes a story this story (its names, figures and lead), so
//!   that two bond issues or two days' market reports written on one
//!   template stay apart;
//! - **stories**: the reports of one origin, each with a [`Role`]
//!   (origin, copy, derivative) and the reason for it, plus the
//!   [`Role::Independent`] reports of the same claim made without textual
//!   or cited dependence. Explicit signals (provenance chains, canonical
//!   URLs, "first appeared on", citations such as "told Daily NK") are used
//!   alongside the text;
//! - **claim groups**: the same claim (SPEC section 4's key for trade
//!   flows; kind, actor and place for the rest) across documents, with
//!   every report, its evidence, the number of independent origins behind
//!   it (copies and derivatives of one origin count once), and the
//!   [`Variant`]s where a report differs from the origin's (a city added,
//!   another month, occurred against negated), never silently merged.
//!
//! Everything is incremental: [`Corroborator::add`] places one document
//! and its claims among those already seen without recomputing the corpus
//! ([`Corroborator::add_batch`] does the same for many, with the order-free
//! work on every core); [`Corroborator::record`] gives what to store of it,
//! and
//! [`Corroborator::restore`] rebuilds the index from stored records
//! without reading any text. [`Corroborator::take_changes`] lists the
//! stories and groups that changed. The crate is pure: no IO, no clock, no
//! randomness (the hash family is fixed so fingerprints can be stored).
//!
//! ```ignore
//! let mut corroborator = tw_corroborate::Corroborator::new();
//! for (doc, claims) in documents {
//!     corroborator.add(&doc, &claims);
//! }
//! for story in corroborator.stories() {
//!     for member in &story.members {
//!         println!("{} {} ({})", member.doc_id, member.role.as_str(), member.reason);
//!     }
//! }
//! let sources = corroborator.group_of(&claim.id).map(|g| g.independent_origins);
//! ```

#![deny(missing_docs)]

mod claims;
mod corroborator;
mod fingerprint;
mod lsh;
mod outlet;
mod partition;
mod state;
mod stock;

pub use claims::Variant;
pub use corroborator::{
    Changes, ClaimGroup, Corroborator, CorroboratorConfig, GroupMember, RestoreError, Role, Story,
    StoryMember,
};
pub use fingerprint::{
    fingerprint, fingerprint_titled, Fingerprint, BANDS, BAND_ROWS, FINGERPRINT_VERSION,
    LEAD_WORDS, MINHASH_SEED, SHINGLE_WORDS, SIGNATURE_LEN,
};
pub use outlet::outlet_key;
pub use state::{DecodeError, DocRecord, STATE_VERSION};
