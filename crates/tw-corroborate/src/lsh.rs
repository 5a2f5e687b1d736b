//! Banded locality-sensitive hashing over MinHash signatures.
//!
//! # Tuning for news, not for the web
//!
//! Web-scale deduplication bands for Jaccard ≈ 0.7 and above (e.g. 20 bands
//! of 5 rows). A news story republished after light re-editing (a new
//! headline, a trimmed paragraph, the republisher's intro and footer, a
//! sentence rephrased here and there) keeps only about 30 % of its 3-word
//! shingles, because every edited word breaks the three shingles that
//! contain it. Such bands would miss nearly all of those pairs
//! (`1 - (1 - 0.3^5)^20 ≈ 0.05`).
//!
//! We use [`BANDS`] = 64 bands of [`crate::BAND_ROWS`] = 2 rows, so two texts become
//! candidates with probability `1 - (1 - J²)^64`:
//!
//! | Jaccard J | 0.05 | 0.10 | 0.15 | 0.20 | 0.25 | 0.30 |
//! |-----------|------|------|------|------|------|------|
//! | P(candidate) | 0.15 | 0.47 | 0.76 | 0.93 | 0.984 | 0.998 |
//!
//! Low-similarity candidates are cheap to reject: every candidate is
//! confirmed on the exact shingle sets (containment), so the price of the
//! generous banding is a few extra set intersections, not false clusters.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::fingerprint::{mix64, BANDS};

/// Bucket chains are linked lists threaded through one vector, which keeps
/// the index at two integers per (document, band) instead of one heap
/// allocation per bucket. Buckets are keyed by 32 bits: two bands sharing a
/// bucket by chance (one in several thousand documents at a million
/// buckets) only cost one needless comparison.
#[derive(Debug, Default)]
pub(crate) struct LshIndex {
    heads: HashMap<u32, u32, BuildHasherDefault<PremixedHasher>>,
    /// `(document, previous entry in the same bucket or NONE)`.
    entries: Vec<(u32, u32)>,
}

const NONE: u32 = u32::MAX;

impl LshIndex {
    /// Documents before `before` (documents are numbered in the order they
    /// were inserted) sharing at least one band key with `bands`, most
    /// recent first within each bucket, at most `max_per_bucket` per bucket
    /// (a guard against degenerate buckets filled by boilerplate-only
    /// texts), deduplicated and sorted. Documents from `before` on are
    /// skipped, so a batch can be indexed first and compared after, with
    /// the candidates each document would have had on arrival.
    pub(crate) fn candidates(&self, bands: &[u32], before: u32, max_per_bucket: usize) -> Vec<u32> {
        let mut found = Vec::new();
        for (band, &key) in bands.iter().enumerate().take(BANDS) {
            let Some(&head) = self.heads.get(&bucket(band, key)) else {
                continue;
            };
            let mut entry = head;
            let mut walked = 0;
            while entry != NONE && walked < max_per_bucket {
                let (doc, prev) = self.entries[entry as usize];
                if doc < before {
                    found.push(doc);
                    walked += 1;
                }
                entry = prev;
            }
        }
        found.sort_unstable();
        found.dedup();
        found
    }

    /// Make room for `docs` more documents.
    pub(crate) fn reserve(&mut self, docs: usize) {
        self.heads.reserve(docs * BANDS);
        self.entries.reserve(docs * BANDS);
    }

    /// Index `doc` under each of its band keys.
    pub(crate) fn insert(&mut self, doc: u32, bands: &[u32]) {
        self.entries.reserve(bands.len());
        for (band, &key) in bands.iter().enumerate().take(BANDS) {
            let entry = u32::try_from(self.entries.len()).expect("fewer than 2^32 band entries");
            let prev = self.heads.insert(bucket(band, key), entry).unwrap_or(NONE);
            self.entries.push((doc, prev));
        }
    }
}

/// The bucket of a band key: the key with its band number, mixed (band
/// keys already mix the band number in; this spreads 32-bit keys over the
/// 64-bit map).
fn bucket(band: usize, key: u32) -> u32 {
    (mix64(((band as u64) << 32) | u64::from(key)) >> 32) as u32
}

/// Bucket keys are already uniformly mixed values; hashing them again
/// with SipHash would only cost time.
#[derive(Debug, Default)]
pub(crate) struct PremixedHasher(u64);

impl Hasher for PremixedHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix64(self.0 ^ u64::from(b));
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }

    fn write_u32(&mut self, value: u32) {
        // Spread the (already mixed) 32 bits over the word the map uses.
        self.0 = u64::from(value).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fingerprint::fingerprint;

    #[test]
    fn finds_identical_and_skips_unrelated() {
        let mut index = LshIndex::default();
        let a =
            fingerprint("the central bank left its discount rate unchanged at four percent today");
        let b = fingerprint("wheat export subsidies were offered to egypt under the bonus program");
        index.insert(0, a.bands());
        index.insert(1, b.bands());
        assert_eq!(index.candidates(a.bands(), 2, 100), vec![0]);
        assert_eq!(index.candidates(b.bands(), 2, 100), vec![1]);
        assert!(index.candidates(b.bands(), 1, 100).is_empty());
    }

    #[test]
    fn bucket_walk_is_capped() {
        let mut index = LshIndex::default();
        let a = fingerprint("one two three four five");
        for doc in 0..10 {
            index.insert(doc, a.bands());
        }
        // Most recent first: documents 9, 8, 7.
        assert_eq!(index.candidates(a.bands(), 10, 3), vec![7, 8, 9]);
        // Before document 8: documents 7, 6, 5.
        assert_eq!(index.candidates(a.bands(), 8, 3), vec![5, 6, 7]);
    }
}
