//! Integration tests of tw-corroborate: one binary, a module per theme.

/// The Daily NK trade-offices family: origin, copies, a derivative, an
/// independent report and an unrelated story.
mod family;
/// Stored records, batches and the changes a new document makes.
mod incremental;
/// Reuters JSON Lines to documents.
mod jsonl;
/// Re-edited reprints that keep only about 30 % of their shingles.
mod reprints;
/// The Reuters-21578 corpus, run only when `TW_SHARED` points at the shared
/// folder.
mod reuters;
