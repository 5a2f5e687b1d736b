//! Stock phrases: shingles that many documents share.
//!
//! Template stories from one desk (bond issues, dividend notices, money
//! market reports, filings) share most of their wording and none of their
//! facts, so plain containment links them. A shingle seen in many earlier
//! documents is a stock phrase and says nothing about where a text came
//! from. Counts are kept in a count-min sketch: fixed memory (8 MiB) and
//! no rehashing however large the corpus, at the price of occasional
//! over-counts, which can only make a rare shingle look common (so a link
//! is missed, never invented).

use crate::fingerprint::mix64;

const ROW_BITS: u32 = 22;
const ROW_LEN: usize = 1 << ROW_BITS;
const ROWS: usize = 2;

#[derive(Debug)]
pub(crate) struct StockPhrases {
    counts: Vec<u8>,
}

impl Default for StockPhrases {
    fn default() -> StockPhrases {
        StockPhrases {
            counts: vec![0; ROW_LEN * ROWS],
        }
    }
}

impl StockPhrases {
    fn slots(shingle: u64) -> [usize; ROWS] {
        let h = mix64(shingle ^ 0x5354_4f43_4b00_0000);
        [
            (h & (ROW_LEN as u64 - 1)) as usize,
            ROW_LEN + ((h >> 32) & (ROW_LEN as u64 - 1)) as usize,
        ]
    }

    /// Documents (up to 255) that contained `shingle`, or an over-count.
    pub(crate) fn count(&self, shingle: u64) -> u8 {
        Self::slots(shingle)
            .iter()
            .map(|&i| self.counts[i])
            .min()
            .unwrap_or(0)
    }

    /// Count one document's distinct shingles (conservative update: only
    /// the smallest counters grow, which keeps over-counts low).
    pub(crate) fn add(&mut self, shingles: impl IntoIterator<Item = u64>) {
        for shingle in shingles {
            let slots = Self::slots(shingle);
            let current = slots.iter().map(|&i| self.counts[i]).min().unwrap_or(0);
            if current == u8::MAX {
                continue;
            }
            for i in slots {
                if self.counts[i] == current {
                    self.counts[i] = current + 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_documents() {
        let mut stock = StockPhrases::default();
        for _ in 0..3 {
            stock.add([1, 2]);
        }
        stock.add([2]);
        assert_eq!(stock.count(1), 3);
        assert_eq!(stock.count(2), 4);
        assert_eq!(stock.count(3), 0);
        for _ in 0..300 {
            stock.add([7]);
        }
        assert_eq!(stock.count(7), 255);
    }
}
