//! The stored form of the index, so that adding documents does not
//! recompute the corpus.
//!
//! Each document's [`DocRecord`] holds what the index needs of it: its
//! fingerprint, its outlet and citations, its URL keys, the counts taken
//! when it arrived, and the links and story joins found *when it arrived*
//! (to documents that arrived before it). Replaying the records in arrival
//! order with [`crate::Corroborator::restore`] rebuilds exactly the state
//! that adding the documents produced: no text is read, nothing is
//! compared again. The encoding is a small little-endian format of our own
//! (lengths, integers, UTF-8 strings), versioned by [`STATE_VERSION`].

use crate::fingerprint::{Fingerprint, FINGERPRINT_VERSION};

/// Version of the stored records: the fingerprint version and the record
/// layout. Records of another version are not read; the caller rebuilds.
pub const STATE_VERSION: u32 = FINGERPRINT_VERSION * 1000 + 1;

/// Why a stored record could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    /// The record ends early.
    #[error("stored corroboration record is truncated")]
    Truncated,
    /// A value is out of range or malformed.
    #[error("stored corroboration record is invalid: {0}")]
    Invalid(&'static str),
    /// The record was written by another version.
    #[error("stored corroboration record has version {found}, expected {expected}")]
    Version {
        /// The record's version.
        found: u32,
        /// [`STATE_VERSION`].
        expected: u32,
    },
}

/// Appends little-endian values to a byte buffer.
#[derive(Debug, Default)]
pub(crate) struct Writer {
    buf: Vec<u8>,
}

impl Writer {
    pub(crate) fn into_bytes(self) -> Vec<u8> {
        self.buf
    }

    pub(crate) fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }

    pub(crate) fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub(crate) fn i64(&mut self, v: i64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub(crate) fn f64(&mut self, v: f64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub(crate) fn len(&mut self, n: usize) {
        self.u32(u32::try_from(n).expect("fewer than 2^32 items"));
    }

    pub(crate) fn u32s(&mut self, values: &[u32]) {
        self.len(values.len());
        self.buf.reserve(values.len() * 4);
        for &v in values {
            self.u32(v);
        }
    }

    pub(crate) fn str(&mut self, s: &str) {
        self.len(s.len());
        self.buf.extend_from_slice(s.as_bytes());
    }

    pub(crate) fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.u8(1);
                self.str(s);
            }
            None => self.u8(0),
        }
    }
}

/// Reads what [`Writer`] wrote.
#[derive(Debug)]
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        if self.bytes.len() < n {
            return Err(DecodeError::Truncated);
        }
        let (head, tail) = self.bytes.split_at(n);
        self.bytes = tail;
        Ok(head)
    }

    pub(crate) fn is_at_end(&self) -> bool {
        self.bytes.is_empty()
    }

    pub(crate) fn u8(&mut self) -> Result<u8, DecodeError> {
        Ok(self.take(1)?[0])
    }

    pub(crate) fn u32(&mut self) -> Result<u32, DecodeError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    pub(crate) fn i64(&mut self) -> Result<i64, DecodeError> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(i64::from_le_bytes(a))
    }

    pub(crate) fn f64(&mut self) -> Result<f64, DecodeError> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(f64::from_le_bytes(a))
    }

    /// A length, checked against the bytes left (each item takes at least
    /// `min_item` bytes), so a corrupt length cannot allocate wildly.
    fn checked_len(&mut self, min_item: usize) -> Result<usize, DecodeError> {
        let n = self.u32()? as usize;
        if n.saturating_mul(min_item.max(1)) > self.bytes.len() {
            return Err(DecodeError::Truncated);
        }
        Ok(n)
    }

    pub(crate) fn len(&mut self) -> Result<usize, DecodeError> {
        self.checked_len(1)
    }

    pub(crate) fn u32s(&mut self) -> Result<Vec<u32>, DecodeError> {
        let n = self.checked_len(4)?;
        let b = self.take(n * 4)?;
        Ok(b.chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect())
    }

    pub(crate) fn str(&mut self) -> Result<String, DecodeError> {
        let n = self.checked_len(1)?;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| DecodeError::Invalid("utf-8"))
    }

    pub(crate) fn opt_str(&mut self) -> Result<Option<String>, DecodeError> {
        match self.u8()? {
            0 => Ok(None),
            1 => Ok(Some(self.str()?)),
            _ => Err(DecodeError::Invalid("option tag")),
        }
    }
}

/// How a document was joined to an earlier one when it arrived.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum EventKind {
    /// A text link with its containment.
    Text(f64),
    /// The same or a canonical URL.
    Url,
    /// An explicit naming (provenance, "first appeared on", a citation).
    Named,
    /// Stories joined by a shared claim, without a link.
    Join,
}

/// One link or join made when a document arrived, to the earlier document
/// with arrival number `other`. `new_first` keeps the argument order of
/// the original call, so replay reproduces it exactly.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Event {
    pub other: u32,
    pub kind: EventKind,
    pub new_first: bool,
}

/// A named outlet as stored.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StoredNamed {
    pub label: String,
    pub display: String,
    pub keys: Vec<String>,
}

/// What the index keeps of one document, in stored form.
#[derive(Debug, Clone, PartialEq)]
pub struct DocRecord {
    pub(crate) id: String,
    pub(crate) seq: u32,
    pub(crate) source: Option<String>,
    pub(crate) source_key: String,
    pub(crate) provenance_keys: Vec<String>,
    pub(crate) published: Option<String>,
    pub(crate) day: Option<i64>,
    pub(crate) url_keys: Vec<String>,
    pub(crate) fingerprint: Fingerprint,
    pub(crate) rare_shingles: u32,
    pub(crate) distinctive: Vec<u32>,
    pub(crate) named: Vec<StoredNamed>,
    pub(crate) events: Vec<Event>,
}

impl DocRecord {
    /// The document's id.
    pub fn doc_id(&self) -> &str {
        &self.id
    }

    /// Its arrival number: records are restored in this order.
    pub fn seq(&self) -> u32 {
        self.seq
    }

    /// The stored bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.u32(STATE_VERSION);
        w.str(&self.id);
        w.u32(self.seq);
        w.opt_str(self.source.as_deref());
        w.str(&self.source_key);
        w.len(self.provenance_keys.len());
        for k in &self.provenance_keys {
            w.str(k);
        }
        w.opt_str(self.published.as_deref());
        match self.day {
            Some(d) => {
                w.u8(1);
                w.i64(d);
            }
            None => w.u8(0),
        }
        w.len(self.url_keys.len());
        for k in &self.url_keys {
            w.str(k);
        }
        self.fingerprint.encode(&mut w);
        w.u32(self.rare_shingles);
        w.u32s(&self.distinctive);
        w.len(self.named.len());
        for n in &self.named {
            w.str(&n.label);
            w.str(&n.display);
            w.len(n.keys.len());
            for k in &n.keys {
                w.str(k);
            }
        }
        w.len(self.events.len());
        for e in &self.events {
            w.u32(e.other);
            let (tag, value) = match e.kind {
                EventKind::Text(c) => (0u8, c),
                EventKind::Url => (1, 0.0),
                EventKind::Named => (2, 0.0),
                EventKind::Join => (3, 0.0),
            };
            w.u8(tag | if e.new_first { 0x80 } else { 0 });
            w.f64(value);
        }
        w.into_bytes()
    }

    /// Read stored bytes; another [`STATE_VERSION`] is an error.
    pub fn decode(bytes: &[u8]) -> Result<DocRecord, DecodeError> {
        let mut r = Reader::new(bytes);
        let version = r.u32()?;
        if version != STATE_VERSION {
            return Err(DecodeError::Version {
                found: version,
                expected: STATE_VERSION,
            });
        }
        let id = r.str()?;
        let seq = r.u32()?;
        let source = r.opt_str()?;
        let source_key = r.str()?;
        let n = r.len()?;
        let provenance_keys = (0..n).map(|_| r.str()).collect::<Result<_, _>>()?;
        let published = r.opt_str()?;
        let day = match r.u8()? {
            0 => None,
            1 => Some(r.i64()?),
            _ => return Err(DecodeError::Invalid("day tag")),
        };
        let n = r.len()?;
        let url_keys = (0..n).map(|_| r.str()).collect::<Result<_, _>>()?;
        let fingerprint = Fingerprint::decode(&mut r)?;
        let rare_shingles = r.u32()?;
        let distinctive = r.u32s()?;
        let n = r.len()?;
        let mut named = Vec::with_capacity(n);
        for _ in 0..n {
            let label = r.str()?;
            let display = r.str()?;
            let k = r.len()?;
            let keys = (0..k).map(|_| r.str()).collect::<Result<_, _>>()?;
            named.push(StoredNamed {
                label,
                display,
                keys,
            });
        }
        let n = r.len()?;
        let mut events = Vec::with_capacity(n);
        for _ in 0..n {
            let other = r.u32()?;
            let tag = r.u8()?;
            let value = r.f64()?;
            let kind = match tag & 0x7f {
                0 => EventKind::Text(value),
                1 => EventKind::Url,
                2 => EventKind::Named,
                3 => EventKind::Join,
                _ => return Err(DecodeError::Invalid("event kind")),
            };
            events.push(Event {
                other,
                kind,
                new_first: tag & 0x80 != 0,
            });
        }
        if !r.is_at_end() {
            return Err(DecodeError::Invalid("trailing bytes"));
        }
        Ok(DocRecord {
            id,
            seq,
            source,
            source_key,
            provenance_keys,
            published,
            day,
            url_keys,
            fingerprint,
            rare_shingles,
            distinctive,
            named,
            events,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fingerprint::fingerprint_titled;

    #[test]
    fn records_round_trip_and_check_their_version() {
        let record = DocRecord {
            id: "d1".into(),
            seq: 7,
            source: Some("Daily NK".into()),
            source_key: "daily nk".into(),
            provenance_keys: vec!["daily nk".into()],
            published: Some("2022-11-04".into()),
            day: Some(19_300),
            url_keys: vec!["dailynk.com/x".into()],
            fingerprint: fingerprint_titled(Some("Offices"), "North Korea plans offices."),
            rare_shingles: 3,
            distinctive: vec![5, 9],
            named: vec![StoredNamed {
                label: "cites".into(),
                display: "Daily NK".into(),
                keys: vec!["daily nk".into()],
            }],
            events: vec![
                Event {
                    other: 2,
                    kind: EventKind::Text(0.5),
                    new_first: true,
                },
                Event {
                    other: 1,
                    kind: EventKind::Join,
                    new_first: false,
                },
            ],
        };
        let bytes = record.encode();
        assert_eq!(DocRecord::decode(&bytes).unwrap(), record);
        let mut old = bytes.clone();
        old[0] ^= 1;
        assert!(matches!(
            DocRecord::decode(&old),
            Err(DecodeError::Version { .. })
        ));
        for cut in [5, bytes.len() / 2, bytes.len() - 1] {
            assert!(DocRecord::decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
    }
}
