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
//! We use [`BANDS`] = 64 bands of [`BAND_ROWS`] = 2 rows, so two texts become
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

use crate::fingerprint::{mix64, BANDS, BAND_ROWS};

/// Bucket chains are linked lists threaded through one vector, which keeps
/// the index at two integers per (document, band) instead of one heap
/// allocation per bucket.
#[derive(Debug, Default)]
pub(crate) struct LshIndex {
    heads: HashMap<u64, u32, BuildHasherDefault<PremixedHasher>>,
    /// `(document, previous entry in the same bucket or NONE)`.
    entries: Vec<(u32, u32)>,
}

const NONE: u32 = u32::MAX;

impl LshIndex {
    /// Documents sharing at least one band with `signature`, most recent
    /// first within each bucket, at most `max_per_bucket` per bucket (a
    /// guard against degenerate buckets filled by boilerplate-only texts),
    /// deduplicated.
    pub(crate) fn candidates(&self, signature: &[u64], max_per_bucket: usize) -> Vec<u32> {
        let mut found = Vec::new();
        for band in 0..BANDS {
            let Some(&head) = self.heads.get(&band_key(band, signature)) else {
                continue;
            };
            let mut entry = head;
            let mut walked = 0;
            while entry != NONE && walked < max_per_bucket {
                let (doc, prev) = self.entries[entry as usize];
                found.push(doc);
                entry = prev;
                walked += 1;
            }
        }
        found.sort_unstable();
        found.dedup();
        found
    }

    /// Index `doc` under each band of `signature`.
    pub(crate) fn insert(&mut self, doc: u32, signature: &[u64]) {
        for band in 0..BANDS {
            let entry = u32::try_from(self.entries.len()).expect("fewer than 2^32 band entries");
            let prev = self
                .heads
                .insert(band_key(band, signature), entry)
                .unwrap_or(NONE);
            self.entries.push((doc, prev));
        }
    }
}

/// One key per band: the band's slots and its number, mixed, so equal
/// slot values in different bands never share a bucket.
fn band_key(band: usize, signature: &[u64]) -> u64 {
    let rows = &signature[band * BAND_ROWS..(band + 1) * BAND_ROWS];
    rows.iter()
        .fold(mix64(band as u64 + 1), |acc, &slot| mix64(acc ^ slot))
}

/// Band keys are already uniformly mixed 64-bit values; hashing them again
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
        index.insert(0, a.signature());
        index.insert(1, b.signature());
        assert_eq!(index.candidates(a.signature(), 100), vec![0]);
        assert_eq!(index.candidates(b.signature(), 100), vec![1]);
    }

    #[test]
    fn bucket_walk_is_capped() {
        let mut index = LshIndex::default();
        let a = fingerprint("one two three four five");
        for doc in 0..10 {
            index.insert(doc, a.signature());
        }
        // Most recent first: documents 9, 8, 7.
        assert_eq!(index.candidates(a.signature(), 3), vec![7, 8, 9]);
    }
}
