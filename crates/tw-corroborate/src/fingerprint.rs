//! Text fingerprints: normalised words, 3-word shingles, LSH band keys from
//! a MinHash signature, and the distinctive content (names, figures, lead)
//! that decides whether two similar texts report the same facts.
//!
//! # Why our own MinHash
//!
//! The sketching is about forty lines here rather than a dependency. The
//! maintained crate for it, `probminhash`, is built for weighted Jaccard
//! (ProbMinHash) and genomics: its plain-set sketch (SuperMinHash) yields
//! `f64` values through a hasher type parameter, and the crate pulls in an
//! optimiser (`argmin`), a logger implementation (`env_logger`) and a dozen
//! random-number crates into what is otherwise a pure library. More
//! importantly, fingerprints are stored next to documents, so the hash
//! family must never change under us with a dependency upgrade. The family
//! below is fixed and documented:
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
//!
//! Only what the index needs is kept: one 32-bit key per LSH band, and the
//! sets as 32-bit hashes (the top half of each 64-bit hash). With a few
//! hundred shingles per text, a chance collision between two texts' sets is
//! about one in ten thousand pairs compared, far below the thresholds.
//! [`FINGERPRINT_VERSION`] changes whenever any of this does, so stored
//! fingerprints are recomputed rather than compared with new ones.

use std::sync::LazyLock;

use serde::Deserialize;

use crate::state::{DecodeError, Reader, Writer};

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
/// invalidates every stored fingerprint.
pub const MINHASH_SEED: u64 = 0x7477_636f_7272_6f62; // "twcorrob"

/// Words of the body that make up its lead: the opening sentence or two,
/// which carry the news; a follow-up story writes a new lead over the old
/// story's background paragraphs.
pub const LEAD_WORDS: usize = 40;

/// Version of everything a stored fingerprint holds (tokenisation, hashing,
/// the sets kept). Stored state with another version is rebuilt.
pub const FINGERPRINT_VERSION: u32 = 2;

/// A figure: a number as written (`66.00`, `4-5/8`, `1,289,635,000`),
/// hashed with thousands separators removed, and its value when it is a
/// plain number, so that `1,289,635,000` and a rounded `1.29` (billion) or
/// `9.93` and `9.9` can be recognised as one figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Figure {
    pub hash: u32,
    /// The value, when the figure is a plain (decimal) number.
    pub value: Option<f64>,
    /// Digits after the decimal point.
    pub decimals: u8,
    /// True when only the title states it.
    pub title_only: bool,
}

impl Figure {
    /// Whether `self` and `other` are one figure: the same text, or one is
    /// the other rounded to the digits it shows, at the same scale or in
    /// thousands, millions or billions.
    pub(crate) fn matches(&self, other: &Figure) -> bool {
        if self.hash == other.hash {
            return true;
        }
        let (Some(a), Some(b)) = (self.value, other.value) else {
            return false;
        };
        rounds_to(a, b, other.decimals) || rounds_to(b, a, self.decimals)
    }
}

/// Whether `full`, at some scale (1, 10^3, 10^6, 10^9), rounds to
/// `rounded` written with `decimals` digits.
fn rounds_to(full: f64, rounded: f64, decimals: u8) -> bool {
    if rounded <= 0.0 {
        return false;
    }
    let p = 10f64.powi(i32::from(decimals));
    [1.0, 1e3, 1e6, 1e9]
        .iter()
        .any(|scale| ((full / scale) * p).round() == (rounded * p).round())
}

/// The fingerprint of one text (and its title).
///
/// The band keys find candidates cheaply (LSH); the exact shingle sets
/// confirm them (containment), because an estimate from 128 slots is too
/// coarse to decide at the low similarities of re-edited news; the names,
/// figures and lead then tell a re-edited copy from another story written
/// on the same template.
#[derive(Debug, Clone, PartialEq)]
pub struct Fingerprint {
    /// One key per LSH band.
    bands: Box<[u32]>,
    /// Distinct shingle hashes of the body, sorted.
    shingles: Box<[u32]>,
    /// Distinct shingle hashes of the body's first [`LEAD_WORDS`] words.
    lead: Box<[u32]>,
    /// Distinct word hashes of the title and the body, sorted.
    words: Box<[u32]>,
    /// Distinct hashes of the body's capitalised words (names), sorted.
    names: Box<[u32]>,
    /// Distinct hashes of the title's words without digits, sorted.
    title_words: Box<[u32]>,
    /// Distinct figures of the body and the title, sorted by hash.
    figures: Box<[Figure]>,
    /// The title or text marks itself as a revision of an earlier item
    /// ("CORRECTED", "RPT", "corrects ..."): figures or names may differ.
    revision: bool,
}

impl Fingerprint {
    /// Number of distinct shingles.
    pub fn shingle_count(&self) -> usize {
        self.shingles.len()
    }

    /// True when the text had no words.
    pub fn is_empty(&self) -> bool {
        self.shingles.is_empty()
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

    /// Share of this text's lead found anywhere in `other` (1.0 when this
    /// text has no lead to compare).
    pub fn lead_containment(&self, other: &Fingerprint) -> f64 {
        if self.lead.is_empty() {
            return 1.0;
        }
        intersection_size(&self.lead, &other.shingles) as f64 / self.lead.len() as f64
    }

    /// Number of distinct names (capitalised words) in the body.
    pub fn name_count(&self) -> usize {
        self.names.len()
    }

    /// Number of distinct figures in the body and title.
    pub fn figure_count(&self) -> usize {
        self.figures.len()
    }

    /// True when the text marks itself as a correction or repeat.
    pub fn is_revision(&self) -> bool {
        self.revision
    }

    pub(crate) fn bands(&self) -> &[u32] {
        &self.bands
    }

    pub(crate) fn shingles(&self) -> &[u32] {
        &self.shingles
    }

    pub(crate) fn words(&self) -> &[u32] {
        &self.words
    }

    pub(crate) fn names(&self) -> &[u32] {
        &self.names
    }

    pub(crate) fn title_words(&self) -> &[u32] {
        &self.title_words
    }

    pub(crate) fn figures(&self) -> &[Figure] {
        &self.figures
    }

    /// Shingles shared with `other` among those of `self` flagged in
    /// `mask` (one flag per shingle of `self`, in order).
    pub(crate) fn shared_where(&self, other: &Fingerprint, mask: &[bool]) -> usize {
        shared_masked(&self.shingles, &other.shingles, mask)
    }

    /// Append the stored form.
    pub(crate) fn encode(&self, w: &mut Writer) {
        w.u32s(&self.bands);
        w.u32s(&self.shingles);
        w.u32s(&self.lead);
        w.u32s(&self.words);
        w.u32s(&self.names);
        w.u32s(&self.title_words);
        w.len(self.figures.len());
        for f in self.figures.iter() {
            w.u32(f.hash);
            w.f64(f.value.unwrap_or(f64::NAN));
            w.u8(f.decimals | if f.title_only { 0x80 } else { 0 });
        }
        w.u8(u8::from(self.revision));
    }

    /// Read the stored form written by [`Fingerprint::encode`].
    pub(crate) fn decode(r: &mut Reader<'_>) -> Result<Fingerprint, DecodeError> {
        let bands = r.u32s()?;
        if bands.len() != BANDS {
            return Err(DecodeError::Invalid("band count"));
        }
        let shingles = r.u32s()?;
        let lead = r.u32s()?;
        let words = r.u32s()?;
        let names = r.u32s()?;
        let title_words = r.u32s()?;
        let n = r.len()?;
        let mut figures = Vec::with_capacity(n);
        for _ in 0..n {
            let hash = r.u32()?;
            let value = r.f64()?;
            let flags = r.u8()?;
            figures.push(Figure {
                hash,
                value: (!value.is_nan()).then_some(value),
                decimals: flags & 0x7f,
                title_only: flags & 0x80 != 0,
            });
        }
        let revision = r.u8()? != 0;
        Ok(Fingerprint {
            bands: bands.into(),
            shingles: shingles.into(),
            lead: lead.into(),
            words: words.into(),
            names: names.into(),
            title_words: title_words.into(),
            figures: figures.into(),
            revision,
        })
    }
}

/// Fingerprint a body text without a title: lower-cased alphanumeric words,
/// 3-word shingles (one shingle of all words when the text has fewer than
/// three), their band keys, names, figures and lead.
pub fn fingerprint(text: &str) -> Fingerprint {
    fingerprint_titled(None, text)
}

/// [`fingerprint`] with the document's title: its words and figures join
/// the distinctive content (many wire items name their subject only in the
/// headline), never the shingles, since a republisher rewrites headlines.
pub fn fingerprint_titled(title: Option<&str>, text: &str) -> Fingerprint {
    let body = scan(text);
    let title_scan = title.map(scan).unwrap_or_default();
    let hashes: Vec<u64> = body.words.iter().map(|w| w.hash).collect();
    let shingles64 = shingle_hashes(&hashes);
    let signature = minhash(&shingles64);
    let bands: Vec<u32> = (0..BANDS).map(|b| band_key(b, &signature)).collect();
    let shingles = sorted_u32(shingles64.iter().map(|&s| top(s)));
    let lead_len = hashes.len().min(LEAD_WORDS);
    let lead = sorted_u32(shingle_hashes(&hashes[..lead_len]).into_iter().map(top));
    let words = sorted_u32(
        body.words
            .iter()
            .chain(title_scan.words.iter())
            .map(|w| top(w.hash)),
    );
    let names = sorted_u32(
        body.words
            .iter()
            .filter(|w| w.capitalised && !w.has_digit)
            .map(|w| top(w.hash)),
    );
    let title_words = sorted_u32(
        title_scan
            .words
            .iter()
            .filter(|w| !w.has_digit)
            .map(|w| top(w.hash)),
    );
    let mut figures: Vec<Figure> = body
        .figures
        .iter()
        .copied()
        .chain(title_scan.figures.iter().map(|f| Figure {
            title_only: true,
            ..*f
        }))
        .collect();
    // Body figures first for each hash, so dedup keeps `title_only: false`.
    figures.sort_by_key(|f| (f.hash, f.title_only));
    figures.dedup_by_key(|f| f.hash);
    let markers = revision_markers();
    let revision = title_scan
        .words
        .iter()
        .any(|w| markers.title.contains(&w.hash))
        || body.words.iter().any(|w| markers.text.contains(&w.hash));
    Fingerprint {
        bands: bands.into(),
        shingles: shingles.into(),
        lead: lead.into(),
        words: words.into(),
        names: names.into(),
        title_words: title_words.into(),
        figures: figures.into(),
        revision,
    }
}

/// The top half of a 64-bit hash.
fn top(hash: u64) -> u32 {
    (hash >> 32) as u32
}

fn sorted_u32(values: impl Iterator<Item = u32>) -> Vec<u32> {
    let mut v: Vec<u32> = values.collect();
    v.sort_unstable();
    v.dedup();
    v
}

fn shingle_hashes(words: &[u64]) -> Vec<u64> {
    if words.len() < SHINGLE_WORDS {
        if words.is_empty() {
            Vec::new()
        } else {
            vec![combine(words)]
        }
    } else {
        words.windows(SHINGLE_WORDS).map(combine).collect()
    }
}

/// Words a title or a text uses to say it revises an earlier item
/// (`data/revisions.toml`), hashed like words.
struct RevisionMarkers {
    title: Vec<u64>,
    text: Vec<u64>,
}

#[derive(Deserialize)]
struct RevisionFile {
    title: Vec<String>,
    text: Vec<String>,
}

fn revision_markers() -> &'static RevisionMarkers {
    static MARKERS: LazyLock<RevisionMarkers> = LazyLock::new(|| {
        let file: RevisionFile = toml::from_str(include_str!("../data/revisions.toml"))
            .expect("data/revisions.toml is valid (checked by a unit test)");
        let hash = |w: &String| word_hash(w);
        RevisionMarkers {
            title: file.title.iter().map(hash).collect(),
            text: file.text.iter().map(hash).collect(),
        }
    });
    &MARKERS
}

/// The hash of one word as the scanner computes it.
fn word_hash(word: &str) -> u64 {
    scan_words(word).first().map_or(0, |w| w.hash)
}

#[derive(Debug, Clone, Copy)]
struct Word {
    hash: u64,
    capitalised: bool,
    has_digit: bool,
}

#[derive(Debug, Default)]
struct Scan {
    words: Vec<Word>,
    figures: Vec<Figure>,
}

/// Words (maximal runs of alphanumeric characters, lower-cased, so that
/// case, punctuation, quotes and spacing changes made by a republisher do
/// not change the shingles) and figures (runs of digits joined by `.`,
/// `,`, `/`, `:` or `-` between digits).
fn scan(text: &str) -> Scan {
    let mut out = Scan {
        words: scan_words(text),
        figures: Vec::new(),
    };
    scan_figures(text, &mut out.figures);
    let numbers = number_words();
    for w in &out.words {
        if let Some(&(_, value)) = numbers.iter().find(|(hash, _)| *hash == w.hash) {
            out.figures.push(figure(&value.to_string(), Some(value), 0));
        }
    }
    out
}

fn scan_words(text: &str) -> Vec<Word> {
    let mut words = Vec::with_capacity(text.len() / 5);
    let mut hash = FNV_OFFSET;
    let mut in_word = false;
    let mut capitalised = false;
    let mut has_digit = false;
    for ch in text.chars() {
        if ch.is_alphanumeric() {
            if !in_word {
                capitalised = ch.is_uppercase();
                has_digit = false;
            }
            has_digit |= ch.is_numeric();
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
        } else if in_word {
            words.push(Word {
                hash: mix64(hash),
                capitalised,
                has_digit,
            });
            hash = FNV_OFFSET;
            in_word = false;
        }
    }
    if in_word {
        words.push(Word {
            hash: mix64(hash),
            capitalised,
            has_digit,
        });
    }
    words
}

/// Number words and their values (`data/numbers.toml`), hashed like words.
fn number_words() -> &'static [(u64, f64)] {
    #[derive(Deserialize)]
    struct NumberFile {
        numbers: std::collections::BTreeMap<String, f64>,
    }
    static NUMBERS: LazyLock<Vec<(u64, f64)>> = LazyLock::new(|| {
        let file: NumberFile = toml::from_str(include_str!("../data/numbers.toml"))
            .expect("data/numbers.toml is valid (checked by a unit test)");
        file.numbers
            .iter()
            .map(|(word, &value)| (word_hash(word), value))
            .collect()
    });
    &NUMBERS
}

/// A figure from its normalised text (digits, no thousands separators).
fn figure(normal: &str, value: Option<f64>, decimals: u8) -> Figure {
    let mut hash = FNV_OFFSET;
    for &b in normal.as_bytes() {
        hash = fnv_byte(hash, b);
    }
    Figure {
        hash: top(mix64(hash ^ FIGURE_SALT)),
        value,
        decimals,
        title_only: false,
    }
}

fn scan_figures(text: &str, out: &mut Vec<Figure>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() || (i > 0 && bytes[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() {
            let joins_digits = matches!(bytes[i], b'.' | b',' | b'/' | b':' | b'-')
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
            if bytes[i].is_ascii_digit() || joins_digits {
                i += 1;
            } else {
                break;
            }
        }
        let normal: String = text[start..i].chars().filter(|&c| c != ',').collect();
        let plain = normal.bytes().filter(|&b| b == b'.').count() <= 1
            && normal.bytes().all(|b| b.is_ascii_digit() || b == b'.');
        let value = if plain { normal.parse().ok() } else { None };
        let decimals = normal
            .split_once('.')
            .map_or(0, |(_, frac)| frac.len().min(0x7f) as u8);
        out.push(figure(&normal, value, decimals));
    }
}

/// Keeps figure hashes apart from word hashes of the same digits.
const FIGURE_SALT: u64 = 0x4649_4755_5245_0000;

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

/// One key per band: the band's slots and its number, mixed, so equal
/// slot values in different bands never share a bucket.
fn band_key(band: usize, signature: &[u64]) -> u32 {
    let rows = &signature[band * BAND_ROWS..(band + 1) * BAND_ROWS];
    top(rows
        .iter()
        .fold(mix64(band as u64 + 1), |acc, &slot| mix64(acc ^ slot)))
}

/// Size of the intersection of two sorted, deduplicated slices, counting
/// only elements of `a` whose flag in `mask` is set.
fn shared_masked(a: &[u32], b: &[u32], mask: &[bool]) -> usize {
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
pub(crate) fn intersection_size(a: &[u32], b: &[u32]) -> usize {
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
        assert_eq!(a.bands(), b.bands());
        assert_eq!(a.jaccard(&b), 1.0);
    }

    #[test]
    fn names_are_capitalised_words() {
        let cases = [
            ("North Korea opened offices.", 2),
            ("Offices in Vladivostok and Moscow.", 3),
            ("It shipped 1,500 tonnes.", 1),
        ];
        for (text, count) in cases {
            assert_eq!(fingerprint(text).name_count(), count, "{text:?}");
        }
    }

    #[test]
    fn figures_keep_their_separators_and_values() {
        let f = fingerprint("Sales rose 8.2 pct to 1,289,635,000 dlrs; coupon 4-5/8, at 10:50.");
        let hashes: Vec<u32> = f.figures().iter().map(|f| f.hash).collect();
        assert_eq!(hashes.len(), 4);
        let rounded = fingerprint("Sales rose 8.2 pct to 1.29 billion dlrs.");
        let full = f
            .figures()
            .iter()
            .find(|x| x.value == Some(1_289_635_000.0))
            .expect("the large figure");
        let short = rounded
            .figures()
            .iter()
            .find(|x| x.value == Some(1.29))
            .expect("the rounded figure");
        assert!(full.matches(short) && short.matches(full));
        let other = fingerprint("1.30").figures()[0];
        assert!(!full.matches(&other));
        // "4-5/8" is one figure, not a value.
        assert!(f.figures().iter().any(|x| x.value.is_none()));
    }

    #[test]
    fn title_adds_words_and_figures_but_no_shingles() {
        let body = "Qtly div 20 cts vs 20 cts previously Pay April 15 Record March 23";
        let a = fingerprint_titled(Some("QUAKER OATS CO <OAT> REGULAR DIVIDEND"), body);
        let b = fingerprint(body);
        assert_eq!(a.shingles(), b.shingles());
        assert_eq!(a.title_words().len(), 6);
        assert!(a.words().len() > b.words().len());
    }

    #[test]
    fn revisions_are_marked() {
        let marked = fingerprint_titled(Some("CORRECTED - GM SEES RISE"), "Sales rose.");
        assert!(marked.is_revision());
        let noted = fingerprint("Net 5 mln. - Corrects year of loss in third paragraph.");
        assert!(noted.is_revision());
        assert!(!fingerprint_titled(Some("GM SEES RISE"), "A correct figure.").is_revision());
    }

    #[test]
    fn lead_is_the_opening() {
        let words: Vec<String> = (0..80).map(|i| format!("w{i}")).collect();
        let text = words.join(" ");
        let a = fingerprint(&text);
        let tail = fingerprint(&words[LEAD_WORDS..].join(" "));
        assert_eq!(a.lead.len(), LEAD_WORDS - 2);
        assert_eq!(a.lead_containment(&tail), 0.0);
        assert_eq!(tail.lead_containment(&a), 1.0);
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

    #[test]
    fn stored_form_round_trips() {
        let a = fingerprint_titled(
            Some("CORRECTED - MAGMA RAISES COPPER PRICE"),
            "Magma Copper Co said it is raising its price by 0.50 cent to 66.00 cents.",
        );
        let mut w = Writer::default();
        a.encode(&mut w);
        let bytes = w.into_bytes();
        let b = Fingerprint::decode(&mut Reader::new(&bytes)).unwrap();
        assert_eq!(a, b);
        assert!(Fingerprint::decode(&mut Reader::new(&bytes[..10])).is_err());
    }

    /// Deterministic synthetic sets with known overlap; the estimate from
    /// 128 slots has a standard error of about 0.04 at J = 0.3.
    #[test]
    fn estimate_tracks_exact_jaccard() {
        let mut worst: f64 = 0.0;
        for (k, target) in [0.1, 0.25, 0.3, 0.5, 0.8].into_iter().enumerate() {
            let n = 400u64;
            let shared = (2.0 * n as f64 * target / (1.0 + target)).round() as u64;
            let a: Vec<u64> = (0..n).map(|i| mix64(k as u64 * 100_000 + i)).collect();
            let b: Vec<u64> = (0..shared)
                .chain(10_000..10_000 + n - shared)
                .map(|i| mix64(k as u64 * 100_000 + i))
                .collect();
            let common = a.iter().filter(|x| b.contains(x)).count() as f64;
            let exact = common / (a.len() as f64 + b.len() as f64 - common);
            assert!((exact - target).abs() < 0.01, "{exact} vs {target}");
            let (sa, sb) = (minhash(&a), minhash(&b));
            let agree = sa.iter().zip(sb.iter()).filter(|(x, y)| x == y).count();
            let estimate = agree as f64 / SIGNATURE_LEN as f64;
            worst = worst.max((estimate - exact).abs());
        }
        assert!(worst < 0.12, "worst estimate error {worst}");
    }

    #[test]
    fn family_is_fixed() {
        // Stored fingerprints depend on these values never changing.
        let f = family();
        assert_eq!(f[0].0 & 1, 1);
        let x = combine(
            &scan_words("one two three")
                .iter()
                .map(|w| w.hash)
                .collect::<Vec<_>>(),
        );
        let slot = f[0].0.wrapping_mul(x).wrapping_add(f[0].1);
        assert_eq!(minhash(&[x])[0], slot);
    }

    #[test]
    fn data_files_parse() {
        let m = revision_markers();
        assert!(!m.title.is_empty() && !m.text.is_empty());
        assert!(number_words().len() >= 10);
    }

    #[test]
    fn number_words_are_figures() {
        let words = fingerprint("It arranged two billion dlrs at six pct.");
        let digits = fingerprint("It arranged 2 billion dlrs at 6 pct.");
        let hashes = |f: &Fingerprint| f.figures().iter().map(|x| x.hash).collect::<Vec<_>>();
        assert_eq!(hashes(&words), hashes(&digits));
        assert!(fingerprint("One of the banks said so.")
            .figures()
            .is_empty());
    }

    proptest! {
        #[test]
        fn identical_texts_have_identical_fingerprints(text in "\\PC{0,300}") {
            prop_assert_eq!(fingerprint(&text), fingerprint(&text.clone()));
        }

        #[test]
        fn containment_is_symmetric(a in "[a-e ]{0,120}", b in "[a-e ]{0,120}") {
            let (fa, fb) = (fingerprint(&a), fingerprint(&b));
            prop_assert_eq!(fa.containment(&fb), fb.containment(&fa));
            prop_assert_eq!(fa.jaccard(&fb), fb.jaccard(&fa));
        }

        #[test]
        fn stored_form_round_trips_any_text(text in "\\PC{0,200}", title in "\\PC{0,40}") {
            let a = fingerprint_titled(Some(&title), &text);
            let mut w = Writer::default();
            a.encode(&mut w);
            let bytes = w.into_bytes();
            prop_assert_eq!(Fingerprint::decode(&mut Reader::new(&bytes)).unwrap(), a);
        }
    }
}
