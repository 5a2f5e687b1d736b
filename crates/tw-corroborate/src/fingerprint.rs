//! Text fingerprints: normalised words, 3-word shingles, a MinHash signature.
//!
//! # Why our own MinHash
//!
//! The sketching is about forty lines here rather than a dependency. The
//! maintained crate for it, `probminhash`, is built for weighted Jaccard
//! (ProbMinHash) and genomics: its plain-set sketch (SuperMinHash) yields
//! `f64` values through a hasher type parameter, and the crate pulls in an
//! optimiser (`argmin`), a logger implementation (`env_logger`) and a dozen
//! random-number crates into what is otherwise a pure library. More
//! importantly, signatures are meant to be stored next to documents, so the
//! hash family must never change under us with a dependency upgrade. The
//! family below is fixed and documented:
//!
//! - a word is hashed with 64-bit FNV-1a over its lower-cased UTF-8 bytes,
//!   then mixed with the SplitMix64 finaliser;
//! - a shingle (three consecutive words) combines its word hashes in order
//!   with the same finaliser;
//! - slot `i` of the signature is `min over shingles x of a_i * x + b_i`
//!   (wrapping, mod 2^64), where `(a_i, b_i)` are drawn from SplitMix64
//!   seeded with [`MINHASH_SEED`] and `a_i` is forced odd, so each slot is
//!   a bijection of the (already well mixed) shingle hashes. The unit test
//!   `estimate_tracks_exact_jaccard` checks that the estimate follows the
//!   exact Jaccard index on synthetic sets.

/// Words per shingle.
pub const SHINGLE_WORDS: usize = 3;

/// LSH bands: the signature is cut into this many bands of [`BAND_ROWS`]
/// slots each.
pub const BANDS: usize = 64;

/// Slots per LSH band.
pub const BAND_ROWS: usize = 2;

/// Signature length (`BANDS * BAND_ROWS`).
pub const SIGNATURE_LEN: usize = BANDS * BAND_ROWS;

/// Seed of the SplitMix64 stream the hash family is drawn from. Changing it
/// invalidates every stored signature.
pub const MINHASH_SEED: u64 = 0x7477_636f_7272_6f62; // "twcorrob"

/// The MinHash signature and shingle set of one text.
///
/// The signature finds candidates cheaply (LSH); the exact shingle set
/// confirms them (containment), because an estimate from 128 slots is too
/// coarse to decide at the low similarities of re-edited news.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    signature: Box<[u64]>,
    shingles: Box<[u64]>,
    anchors: Box<[u64]>,
}

impl Fingerprint {
    /// The MinHash signature ([`SIGNATURE_LEN`] slots; every slot is
    /// `u64::MAX` for a text without words).
    pub fn signature(&self) -> &[u64] {
        &self.signature
    }

    /// Number of distinct shingles.
    pub fn shingle_count(&self) -> usize {
        self.shingles.len()
    }

    /// True when the text had no words.
    pub fn is_empty(&self) -> bool {
        self.shingles.is_empty()
    }

    /// Estimated Jaccard similarity from the signatures: the share of slots
    /// that agree. Zero when either text is empty (no content, no evidence
    /// of sameness). Symmetric.
    pub fn similarity(&self, other: &Fingerprint) -> f64 {
        if self.is_empty() || other.is_empty() {
            return 0.0;
        }
        let agree = self
            .signature
            .iter()
            .zip(other.signature.iter())
            .filter(|(a, b)| a == b)
            .count();
        agree as f64 / SIGNATURE_LEN as f64
    }

    /// Number of shingles both texts contain.
    pub fn shared_shingles(&self, other: &Fingerprint) -> usize {
        intersection_size(&self.shingles, &other.shingles)
    }

    /// Exact Jaccard index of the shingle sets, `|A∩B| / |A∪B|`.
    pub fn jaccard(&self, other: &Fingerprint) -> f64 {
        let shared = self.shared_shingles(other);
        let union = self.shingles.len() + other.shingles.len() - shared;
        if union == 0 {
            0.0
        } else {
            shared as f64 / union as f64
        }
    }

    /// Shingles shared with `other` among those of `self` flagged in
    /// `mask` (one flag per shingle of `self`, in order).
    pub(crate) fn shared_where(&self, other: &Fingerprint, mask: &[bool]) -> usize {
        shared_masked(&self.shingles, &other.shingles, mask)
    }

    /// Anchor words shared with `other` among those of `self` flagged in
    /// `mask` (one flag per anchor of `self`, in order).
    pub(crate) fn shared_anchors_where(&self, other: &Fingerprint, mask: &[bool]) -> usize {
        shared_masked(&self.anchors, &other.anchors, mask)
    }

    /// The distinct anchor-word hashes, sorted.
    pub(crate) fn anchors(&self) -> &[u64] {
        &self.anchors
    }

    /// The distinct shingle hashes, sorted.
    pub(crate) fn shingles(&self) -> &[u64] {
        &self.shingles
    }

    /// Number of distinct anchor words: words with a digit, or capitalised
    /// words not at the start of a sentence (the names and figures that
    /// make a story this story).
    pub fn anchor_count(&self) -> usize {
        self.anchors.len()
    }

    /// Containment of the anchor-word sets, `|A∩B| / min(|A|, |B|)`; zero
    /// when either has none.
    pub fn anchor_containment(&self, other: &Fingerprint) -> f64 {
        let smaller = self.anchors.len().min(other.anchors.len());
        if smaller == 0 {
            return 0.0;
        }
        intersection_size(&self.anchors, &other.anchors) as f64 / smaller as f64
    }

    /// Exact containment, `|A∩B| / min(|A|, |B|)`: 1.0 when the shorter
    /// text is wholly inside the longer one, whatever boilerplate or extra
    /// paragraphs the longer one adds.
    pub fn containment(&self, other: &Fingerprint) -> f64 {
        let smaller = self.shingles.len().min(other.shingles.len());
        if smaller == 0 {
            return 0.0;
        }
        self.shared_shingles(other) as f64 / smaller as f64
    }
}

/// Fingerprint a text: lower-cased alphanumeric words, 3-word shingles
/// (one shingle of all words when the text has fewer than three), and
/// their MinHash signature.
pub fn fingerprint(text: &str) -> Fingerprint {
    let (words, mut anchors) = words_and_anchors(text);
    anchors.sort_unstable();
    anchors.dedup();
    let mut shingles: Vec<u64> = if words.len() < SHINGLE_WORDS {
        if words.is_empty() {
            Vec::new()
        } else {
            vec![combine(&words)]
        }
    } else {
        words.windows(SHINGLE_WORDS).map(combine).collect()
    };
    shingles.sort_unstable();
    shingles.dedup();
    let signature = minhash(&shingles);
    Fingerprint {
        signature: signature.into(),
        shingles: shingles.into(),
        anchors: anchors.into(),
    }
}

/// Hashes of the normalised words of `text`: maximal runs of alphanumeric
/// characters, lower-cased, so that case, punctuation, quotes and spacing
/// changes made by a republisher do not change the shingles.
#[cfg(test)]
fn word_hashes(text: &str) -> Vec<u64> {
    words_and_anchors(text).0
}

/// Word hashes, and the hashes of anchor words: words with a digit, or
/// capitalised words that do not open a sentence.
fn words_and_anchors(text: &str) -> (Vec<u64>, Vec<u64>) {
    let mut hashes = Vec::with_capacity(text.len() / 5);
    let mut anchors = Vec::new();
    let mut hash = FNV_OFFSET;
    let mut in_word = false;
    let mut anchor = false;
    // True at the start of the text and after a sentence end or a line
    // break, where capitals say nothing.
    let mut sentence_start = true;
    for ch in text.chars() {
        if ch.is_alphanumeric() {
            if !in_word {
                anchor = ch.is_uppercase() && !sentence_start;
                sentence_start = false;
            }
            anchor |= ch.is_numeric();
            in_word = true;
            if ch.is_ascii() {
                hash = fnv_byte(hash, ch.to_ascii_lowercase() as u8);
            } else {
                for lower in ch.to_lowercase() {
                    let mut buf = [0u8; 4];
                    for &b in lower.encode_utf8(&mut buf).as_bytes() {
                        hash = fnv_byte(hash, b);
                    }
                }
            }
        } else {
            if in_word {
                hashes.push(mix64(hash));
                if anchor {
                    anchors.push(mix64(hash));
                }
                hash = FNV_OFFSET;
                in_word = false;
            }
            if matches!(ch, '.' | '!' | '?' | '\n' | '"' | '“' | ':') {
                sentence_start = true;
            }
        }
    }
    if in_word {
        hashes.push(mix64(hash));
        if anchor {
            anchors.push(mix64(hash));
        }
    }
    (hashes, anchors)
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv_byte(hash: u64, byte: u8) -> u64 {
    (hash ^ u64::from(byte)).wrapping_mul(FNV_PRIME)
}

/// Order-sensitive combination of word hashes into one shingle hash.
fn combine(words: &[u64]) -> u64 {
    words.iter().fold(0x9e37_79b9_7f4a_7c15, |acc, &w| {
        mix64(acc.wrapping_mul(FNV_PRIME) ^ w)
    })
}

/// The SplitMix64 finaliser: a bijective 64-bit mixer.
pub(crate) fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The `(a_i, b_i)` pairs of the hash family, drawn once.
fn family() -> &'static [(u64, u64); SIGNATURE_LEN] {
    static FAMILY: std::sync::OnceLock<[(u64, u64); SIGNATURE_LEN]> = std::sync::OnceLock::new();
    FAMILY.get_or_init(|| {
        let mut state = MINHASH_SEED;
        let mut next = || {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            mix64(state)
        };
        let mut pairs = [(0u64, 0u64); SIGNATURE_LEN];
        for pair in pairs.iter_mut() {
            *pair = (next() | 1, next());
        }
        pairs
    })
}

fn minhash(shingles: &[u64]) -> [u64; SIGNATURE_LEN] {
    let family = family();
    let mut signature = [u64::MAX; SIGNATURE_LEN];
    // Four slots per pass over the shingles: the running minima stay in
    // registers and each shingle is loaded once per four slots.
    for (slots, params) in signature.chunks_exact_mut(4).zip(family.chunks_exact(4)) {
        let mut min = [u64::MAX; 4];
        for &x in shingles {
            for k in 0..4 {
                let h = params[k].0.wrapping_mul(x).wrapping_add(params[k].1);
                min[k] = min[k].min(h);
            }
        }
        slots.copy_from_slice(&min);
    }
    signature
}

/// Size of the intersection of two sorted, deduplicated slices, counting
/// only elements of `a` whose flag in `mask` is set.
fn shared_masked(a: &[u64], b: &[u64], mask: &[bool]) -> usize {
    debug_assert_eq!(mask.len(), a.len());
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += usize::from(mask[i]);
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// Size of the intersection of two sorted, deduplicated slices.
fn intersection_size(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn normalisation_ignores_case_punctuation_and_spacing() {
        let a = fingerprint("North Korea’s new trade offices, in Russia.");
        let b = fingerprint("north  korea s NEW trade offices in russia");
        assert_eq!(a.signature(), b.signature());
        assert_eq!(a.jaccard(&b), 1.0);
        assert_eq!(a.similarity(&b), 1.0);
    }

    #[test]
    fn anchors_are_names_and_figures() {
        let cases = [
            ("North Korea opened offices.", 1), // "Korea"; "North" opens the sentence
            ("Offices in Vladivostok and Moscow.", 2),
            ("It shipped 1,500 tonnes.", 2), // "1" and "500"
            ("He said: \"North\" ... Later, Moscow.", 1), // after ':' and '.'
        ];
        for (text, count) in cases {
            assert_eq!(fingerprint(text).anchor_count(), count, "{text:?}");
        }
        let a = fingerprint("Offices in Vladivostok and Moscow.");
        let b = fingerprint("New offices in Moscow, then Vladivostok.");
        assert_eq!(a.anchor_containment(&b), 1.0);
    }

    #[test]
    fn shingle_counts() {
        let cases = [
            ("", 0),
            ("one", 1),
            ("one two", 1),
            ("one two three", 1),
            ("one two three four", 2),
            ("a b c a b c", 3), // "a b c", "b c a", "c a b"
        ];
        for (text, count) in cases {
            assert_eq!(fingerprint(text).shingle_count(), count, "{text:?}");
        }
    }

    #[test]
    fn empty_texts_are_never_similar() {
        let empty = fingerprint("  ,, ");
        assert!(empty.is_empty());
        assert_eq!(empty.similarity(&empty), 0.0);
        assert_eq!(empty.containment(&fingerprint("a b c")), 0.0);
    }

    #[test]
    fn containment_sees_a_copy_inside_boilerplate() {
        let body = "the source explained that north korean authorities are planning \
                    to establish trade offices in six different areas of russia";
        let copy = format!("header ads widget {body} post a comment subscribe now");
        let a = fingerprint(body);
        let b = fingerprint(&copy);
        assert_eq!(a.containment(&b), 1.0);
        assert!(a.jaccard(&b) < 1.0);
    }

    /// Deterministic synthetic sets with known overlap; the estimate from
    /// 128 slots has a standard error of about 0.04 at J = 0.3.
    #[test]
    fn estimate_tracks_exact_jaccard() {
        let mut worst: f64 = 0.0;
        for (k, target) in [0.1, 0.25, 0.3, 0.5, 0.8].into_iter().enumerate() {
            let n = 400usize;
            let shared = (2.0 * n as f64 * target / (1.0 + target)).round() as usize;
            let word = |i: usize| format!("w{}x{}", k, i);
            let a: Vec<String> = (0..n).map(word).collect();
            let b: Vec<String> = (0..shared)
                .chain(10_000..10_000 + n - shared)
                .map(word)
                .collect();
            // Build the shingle sets directly so their overlap is exact.
            let fa = set_fingerprint(&a);
            let fb = set_fingerprint(&b);
            let exact = fa.jaccard(&fb);
            assert!((exact - target).abs() < 0.01, "{exact} vs {target}");
            worst = worst.max((fa.similarity(&fb) - exact).abs());
        }
        assert!(worst < 0.12, "worst estimate error {worst}");
    }

    fn set_fingerprint(items: &[String]) -> Fingerprint {
        let mut shingles: Vec<u64> = items.iter().map(|s| combine(&word_hashes(s))).collect();
        shingles.sort_unstable();
        shingles.dedup();
        Fingerprint {
            signature: minhash(&shingles).into(),
            shingles: shingles.into(),
            anchors: Box::new([]),
        }
    }

    #[test]
    fn family_is_fixed() {
        // Stored signatures depend on these values never changing.
        let f = family();
        assert_eq!(f[0].0 & 1, 1);
        assert_eq!(fingerprint("one two three").signature()[0], {
            let x = combine(&word_hashes("one two three"));
            f[0].0.wrapping_mul(x).wrapping_add(f[0].1)
        });
    }

    proptest! {
        #[test]
        fn identical_texts_have_identical_fingerprints(text in "\\PC{0,300}") {
            prop_assert_eq!(fingerprint(&text), fingerprint(&text.clone()));
        }

        #[test]
        fn similarity_is_symmetric(a in "[a-e ]{0,120}", b in "[a-e ]{0,120}") {
            let (fa, fb) = (fingerprint(&a), fingerprint(&b));
            prop_assert_eq!(fa.similarity(&fb), fb.similarity(&fa));
            prop_assert_eq!(fa.containment(&fb), fb.containment(&fa));
            prop_assert_eq!(fa.jaccard(&fb), fb.jaccard(&fa));
            if !fa.is_empty() {
                prop_assert_eq!(fa.similarity(&fa), 1.0);
            }
        }
    }
}
