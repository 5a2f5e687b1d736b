//! The incremental index: documents in, stories and claim groups out.
//!
//! Two nested partitions of the documents are kept:
//!
//! 1. **lines** (dependency components): documents that depend on one
//!    another: a text link (containment), a canonical URL, or an explicit
//!    naming of the other's outlet (provenance, "first appeared on", a
//!    citation) backed by a shared claim or some shared text. One line has
//!    one origin, and every document in it counts under that origin.
//! 2. **stories**: lines joined because they report the same claim within
//!    [`CorroboratorConfig::story_window_days`] of each other, without any
//!    dependence between them; the later lines are independent reports.
//!
//! Roles are not stored: they are derived when a story is read, so adding
//! an earlier copy later simply changes who is the origin.
//!
//! Everything a document adds is decided when it arrives, from the
//! documents before it, and recorded with it ([`DocRecord`]); replaying the
//! records ([`Corroborator::restore`]) rebuilds the index without reading
//! or comparing any text, and [`Corroborator::take_changes`] says which
//! stories and claim groups the documents added since the last call
//! changed, so a store rewrites only those.

use std::collections::{HashMap, HashSet};

use tw_model::{claim_id, Claim, ClaimKind, DatePrecision, Document, Evidence};

use crate::claims::{variants, ClaimKey, Variant};
use crate::fingerprint::{fingerprint_titled, intersection_size, mix64, Figure, Fingerprint};
use crate::lsh::LshIndex;
use crate::outlet::{citations, name_variants, outlet_key, url_key};
use crate::partition::Partition;
use crate::state::{DocRecord, Event, EventKind, StoredNamed};
use crate::stock::StockPhrases;

/// The part a document plays in its story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The earliest report of its line, from the outlet others name as the
    /// origin when they name one.
    Origin,
    /// A near-identical republication of the origin.
    Copy,
    /// A rewrite that cites the origin's outlet or reuses part of its text.
    Derivative,
    /// The same claim reported with no textual or cited dependence on the
    /// story's origin: a second origin.
    Independent,
}

impl Role {
    /// `origin`, `copy`, `derivative` or `independent`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Origin => "origin",
            Role::Copy => "copy",
            Role::Derivative => "derivative",
            Role::Independent => "independent",
        }
    }
}

/// One document of a story.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryMember {
    /// The document's id.
    pub doc_id: String,
    /// Its role.
    pub role: Role,
    /// Why: "provenance names Daily NK", "containment 0.93", "cites Daily NK".
    pub reason: String,
    /// The origin key it counts under (see [`Corroborator::origin_key`]).
    pub origin: String,
    /// The outlet of this copy, as given.
    pub source: Option<String>,
    /// Its publication date (ISO 8601 at its precision).
    pub published: Option<String>,
}

/// Documents about the same report.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    /// `s_` and the id of the document that founded the story: the first to
    /// arrive. When stories merge, the older founder's id stays, so an id
    /// never changes when an earlier report of the story arrives later.
    pub id: String,
    /// The members, origin first, then by publication date.
    pub members: Vec<StoryMember>,
    /// The outlet the story started from: the one provenance chains name
    /// first, else the origin document's outlet.
    pub origin_outlet: Option<String>,
}

/// One claim as reported by several documents.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimGroup {
    /// `g_` and the id suffix of the first claim seen.
    pub id: String,
    /// Readable key: kind, parties, goods, places (`trade_flow|RU>KP|1101`).
    pub key: String,
    /// The claims' kind.
    pub kind: ClaimKind,
    /// Every report, the reference report (the origin's) first.
    pub members: Vec<GroupMember>,
    /// Distinct origins behind the reports: copies and derivatives of one
    /// origin count once.
    pub independent_origins: usize,
}

/// One report of a grouped claim.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupMember {
    /// The claim's id.
    pub claim_id: String,
    /// Its document.
    pub doc_id: String,
    /// The origin key it counts under.
    pub origin: String,
    /// True for the report the others are compared with.
    pub reference: bool,
    /// The sentence(s) stating it in its document.
    pub evidence: Vec<Evidence>,
    /// Slots in which it differs from the reference report.
    pub variants: Vec<Variant>,
}

/// Thresholds, each with the reason for its default.
#[derive(Debug, Clone, PartialEq)]
pub struct CorroboratorConfig {
    /// Shingle containment (`|A∩B| / min(|A|,|B|)`) at or above which two
    /// texts are one report. Two re-edited reprints of similar length with
    /// Jaccard 0.25 have containment 2J/(1+J) = 0.40; a copy trimmed or
    /// wrapped in boilerplate scores higher, since containment ignores what
    /// only the longer text has. Unrelated news shares stock phrases
    /// ("the company said"), well under a tenth of its shingles.
    pub link_containment: f64,
    /// Containment at or above which a member is a copy of its origin
    /// rather than a derivative: a republication keeps nearly every
    /// sentence; a rewrite does not.
    pub copy_containment: f64,
    /// Containment that, with an explicit citation of the other's outlet,
    /// links a rewrite to its source: a rewrite keeps a quoted sentence or
    /// two (about one shingle in seven), not the whole text.
    pub cited_containment: f64,
    /// Shared shingles below which text is never a link (except for
    /// identical texts): a dozen-word sentence in common is the least that
    /// says one text came from another rather than from a stock phrase.
    pub min_shared_shingles: usize,
    /// Containment at or above which a text is a verbatim copy (perhaps
    /// inside other boilerplate) and links however late it appeared, if it
    /// is long enough (`late_copy_min_shingles`): scrapers re-post old
    /// articles. Below it, an edited text must be within
    /// `rewrite_window_days`.
    pub verbatim_containment: f64,
    /// Edited texts (containment between `link_containment` and
    /// `verbatim_containment`) published further apart than this are not
    /// linked: corrections and rewrites follow their source within the
    /// news cycle, while a desk's weekly or daily report re-uses the last
    /// one's wording for new figures.
    pub rewrite_window_days: i64,
    /// A shingle seen in at least this many earlier documents is a stock
    /// phrase and does not count towards a link in the re-edited zone. Ten
    /// is more copies than a re-edited story usually gets outside its own
    /// near-identical ones (which link regardless), and fewer than a
    /// desk's template reaches within days.
    pub stock_phrase_documents: u8,
    /// A word seen in at least this many earlier documents is ordinary
    /// vocabulary or a name every desk uses ("Reuters", "Federal Reserve"),
    /// not one that makes a story this story ("Keihanshin", "Joliet").
    /// Names in fewer documents are the distinctive ones compared below.
    /// (At most 255: counts saturate there.)
    pub common_word_documents: u8,
    /// Below this many distinctive names in the body, the title's words
    /// join them: many wire items (dividends, listings, price notices) name
    /// their subject only in the headline over a stock body.
    pub min_body_names: usize,
    /// Two texts that each name things the other never mentions report
    /// different subjects on one template ("Sun raises crude postings" and
    /// "Phillips raises crude postings"), unless such names are few beside
    /// the ones they share: at most this share of the shared ones (a
    /// re-edited copy may add a spokesman's name on one side and fix a
    /// spelling on the other).
    pub name_disagreement: f64,
    /// The same for figures: a copy keeps its figures, perhaps rounded
    /// ("1,289,635,000" and "1.29 billion" are one figure), while another
    /// day's prices or another issue's terms change some on both sides.
    /// Figures only one side states (an update that adds a paragraph) do
    /// not count. Fewer than one differing figure per ten shared is
    /// tolerated.
    pub figure_disagreement: f64,
    /// Share of one text's lead (its first [`crate::LEAD_WORDS`] words)
    /// that the other must contain, for at least one of the two: a copy or
    /// a rewrite keeps the lead, while a follow-up story writes a new lead
    /// over the earlier story's background paragraphs.
    pub lead_containment: f64,
    /// Texts published on different days must share at least this many
    /// shingles that are not stock phrases: a desk's daily notice reads the
    /// same every day with new figures or none ("Fed adds reserves via
    /// customer repurchases"), while a re-run of a story repeats whole
    /// paragraphs of its own.
    pub other_day_min_shared: usize,
    /// Beyond `rewrite_window_days`, a verbatim copy must share at least
    /// this many shingles (a few paragraphs): scrapers re-post articles,
    /// while a short notice reappearing weeks later is the next notice.
    pub late_copy_min_shingles: usize,
    /// Stories join independent reports of one claim, and citations link
    /// documents, only within this many days: a claim reported again months
    /// later is news again, not the same story.
    pub story_window_days: i64,
    /// LSH bucket entries read per band (most recent first): guards against
    /// buckets that boilerplate-only texts fill.
    pub max_bucket_scan: usize,
    /// Documents from a cited outlet checked per citation (most recent
    /// first).
    pub max_citation_checks: usize,
}

impl Default for CorroboratorConfig {
    fn default() -> CorroboratorConfig {
        CorroboratorConfig {
            link_containment: 0.4,
            copy_containment: 0.8,
            cited_containment: 0.15,
            min_shared_shingles: 10,
            verbatim_containment: 0.95,
            rewrite_window_days: 3,
            stock_phrase_documents: 10,
            common_word_documents: 200,
            min_body_names: 2,
            name_disagreement: 0.3,
            figure_disagreement: 0.1,
            lead_containment: 0.15,
            other_day_min_shared: 25,
            late_copy_min_shingles: 80,
            story_window_days: 30,
            max_bucket_scan: 256,
            max_citation_checks: 256,
        }
    }
}

/// The incremental corroboration index. See the crate docs.
#[derive(Debug, Default)]
pub struct Corroborator {
    config: CorroboratorConfig,
    docs: Vec<DocEntry>,
    doc_index: HashMap<String, u32>,
    /// Arrival number (as stored) → index in `docs`.
    seq_index: HashMap<u32, u32>,
    next_seq: u32,
    lsh: LshIndex,
    stock: StockPhrases,
    lines: Partition,
    stories: Partition,
    /// First and last known day of each story root.
    story_span: Vec<Option<(i64, i64)>>,
    url_index: HashMap<String, u32>,
    /// Outlet key → documents published by it.
    by_outlet: HashMap<String, Vec<u32>>,
    /// Outlet key (or a word run of a cited name) → documents naming it.
    citers: HashMap<String, Vec<u32>>,
    claims: Vec<ClaimEntry>,
    claim_index: HashMap<String, u32>,
    groups: Vec<GroupEntry>,
    /// Coarse claim key → groups with it.
    group_index: HashMap<String, Vec<u32>>,
    /// The document being added, whose links are recorded as events.
    adding: Option<u32>,
    /// Documents added, linked or joined since the last `take_changes`.
    touched: Vec<u32>,
    /// Groups that gained a claim since the last `take_changes`.
    touched_groups: Vec<u32>,
}

#[derive(Debug)]
struct DocEntry {
    id: String,
    seq: u32,
    source: Option<String>,
    source_key: String,
    provenance_keys: Vec<String>,
    published: Option<String>,
    day: Option<i64>,
    url_keys: Vec<String>,
    fingerprint: Fingerprint,
    /// Its shingles that were not stock phrases when it arrived.
    rare_shingles: usize,
    /// Its distinctive names when it arrived (sorted word hashes).
    distinctive: Vec<u32>,
    /// Outlets this document names as a source of its story.
    named: Vec<Named>,
    links: Vec<Link>,
    /// Links and joins made when it arrived (to earlier documents).
    events: Vec<Event>,
    groups: Vec<u32>,
}

#[derive(Debug)]
struct Named {
    /// "provenance names", "cites", "first appeared on".
    label: String,
    display: String,
    /// Keys it may match: the outlet key, or every word run of a cited name.
    keys: Vec<String>,
}

#[derive(Debug, Clone, Copy)]
struct Link {
    other: u32,
    kind: LinkKind,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum LinkKind {
    Text(f64),
    Url,
    Named,
}

#[derive(Debug)]
struct ClaimEntry {
    id: String,
    doc: u32,
    claim: Claim,
    group: u32,
}

#[derive(Debug)]
struct GroupEntry {
    id: String,
    key: String,
    kind: ClaimKind,
    reference: ClaimKey,
    members: Vec<u32>,
}

/// Which shingles of a new text are rare, and how many.
struct Rarity<'a> {
    shingles: &'a [bool],
    shingle_count: usize,
}

/// What [`Corroborator::take_changes`] returns: the stories and claim
/// groups that documents added since the previous call created or changed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Changes {
    /// Every changed story of two or more documents, in the order of
    /// [`Corroborator::stories`].
    pub stories: Vec<Story>,
    /// Every document of a changed story, single reports included: the
    /// story rows stored for these documents are the ones to replace (a
    /// merged story absorbs another story's id).
    pub story_docs: Vec<String>,
    /// Every changed claim group, in order of creation; its members are
    /// every claim whose row is to be replaced.
    pub groups: Vec<ClaimGroup>,
}

/// Why stored records could not be restored: the caller rebuilds.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum RestoreError {
    /// A record names an earlier document that was not restored before it
    /// (deleted, or records out of order).
    #[error("record of {doc} refers to an unknown earlier document (arrival {seq})")]
    MissingDocument {
        /// The record's document.
        doc: String,
        /// The arrival number it refers to.
        seq: u32,
    },
    /// A record repeats a document or an arrival number already restored.
    #[error("record of {0} is a duplicate")]
    Duplicate(String),
}

/// Words share the stock-phrase counts with shingles under a different
/// key, so a word never collides with a shingle by construction.
fn word_key(word: u32) -> u64 {
    mix64(u64::from(word) ^ 0x574f_5244_0000_0000)
}

const PROVENANCE: &str = "provenance names";
const FIRST_APPEARED: &str = "first appeared on";

impl DocEntry {
    fn new(doc: &Document, seq: u32, fingerprint: Fingerprint) -> DocEntry {
        let source = doc.source.clone().filter(|s| !s.trim().is_empty());
        let provenance_keys: Vec<String> = doc.provenance.iter().map(|p| outlet_key(p)).collect();
        // Without a source, the last outlet of the chain is this copy's.
        let source_key = match &source {
            Some(s) => outlet_key(s),
            None => provenance_keys.last().cloned().unwrap_or_default(),
        };
        let mut named: Vec<Named> = Vec::new();
        for (display, key) in doc.provenance.iter().zip(&provenance_keys) {
            if !key.is_empty() && *key != source_key && !named.iter().any(|n| n.keys[0] == *key) {
                named.push(Named {
                    label: PROVENANCE.to_string(),
                    display: display.trim().to_string(),
                    keys: vec![key.clone()],
                });
            }
        }
        for citation in citations(&doc.text) {
            let keys = name_variants(&citation.key);
            // A text naming its own outlet ("told Daily NK" in Daily NK)
            // is not a citation of someone else.
            if keys.contains(&source_key) {
                continue;
            }
            named.push(Named {
                label: citation.label.to_string(),
                display: citation.display,
                keys,
            });
        }
        let day = doc.published.as_ref().and_then(|p| match p.precision {
            DatePrecision::Day | DatePrecision::Time => day_number(p.date_part()),
            // A month or a year cannot place a report within a window.
            DatePrecision::Month | DatePrecision::Year => None,
        });
        let canonical = doc.metadata.get("canonical_url").and_then(|v| v.as_str());
        let mut url_keys: Vec<String> = Vec::new();
        for key in doc
            .url
            .as_deref()
            .into_iter()
            .chain(canonical)
            .filter_map(url_key)
        {
            if !url_keys.contains(&key) {
                url_keys.push(key);
            }
        }
        DocEntry {
            id: doc.id.clone(),
            seq,
            source,
            source_key,
            provenance_keys,
            published: doc.published.as_ref().map(|p| p.iso.clone()),
            day,
            url_keys,
            fingerprint,
            rare_shingles: 0,
            distinctive: Vec::new(),
            named,
            links: Vec::new(),
            events: Vec::new(),
            groups: Vec::new(),
        }
    }

    fn from_record(record: DocRecord) -> DocEntry {
        DocEntry {
            id: record.id,
            seq: record.seq,
            source: record.source,
            source_key: record.source_key,
            provenance_keys: record.provenance_keys,
            published: record.published,
            day: record.day,
            url_keys: record.url_keys,
            fingerprint: record.fingerprint,
            rare_shingles: record.rare_shingles as usize,
            distinctive: record.distinctive,
            named: record
                .named
                .into_iter()
                .map(|n| Named {
                    label: n.label,
                    display: n.display,
                    keys: n.keys,
                })
                .collect(),
            links: Vec::new(),
            events: record.events,
            groups: Vec::new(),
        }
    }

    fn to_record(&self) -> DocRecord {
        DocRecord {
            id: self.id.clone(),
            seq: self.seq,
            source: self.source.clone(),
            source_key: self.source_key.clone(),
            provenance_keys: self.provenance_keys.clone(),
            published: self.published.clone(),
            day: self.day,
            url_keys: self.url_keys.clone(),
            fingerprint: self.fingerprint.clone(),
            rare_shingles: u32::try_from(self.rare_shingles).unwrap_or(u32::MAX),
            distinctive: self.distinctive.clone(),
            named: self
                .named
                .iter()
                .map(|n| StoredNamed {
                    label: n.label.clone(),
                    display: n.display.clone(),
                    keys: n.keys.clone(),
                })
                .collect(),
            events: self.events.clone(),
        }
    }

    /// Earlier dates first, undated last, then arrival order.
    fn order(&self, idx: u32) -> (bool, &str, u32) {
        (
            self.published.is_none(),
            self.published.as_deref().unwrap_or(""),
            idx,
        )
    }

    /// How this document names `outlet` (a key), if it does.
    fn names(&self, outlet: &str) -> Option<&Named> {
        self.named
            .iter()
            .find(|n| n.keys.iter().any(|k| k == outlet))
    }
}

/// Documents of a batch indexed before they are compared with each other.
const BATCH_WINDOW: usize = 512;

/// `f` over `items` (with each item's position) on every core, in order.
fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(usize, &T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads == 1 || items.len() < 64 {
        return items.iter().enumerate().map(|(i, x)| f(i, x)).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .enumerate()
            .map(|(c, part)| {
                scope.spawn(move || {
                    part.iter()
                        .enumerate()
                        .map(|(i, x)| f(c * chunk + i, x))
                        .collect::<Vec<R>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("worker thread"))
            .collect()
    })
}

/// The elements of `a` also in `b` (both sorted, distinct).
fn sorted_intersection(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// The figures a text states: its body's, or its title's when the body
/// has none.
fn stated_figures(fp: &Fingerprint) -> Vec<Figure> {
    let body: Vec<Figure> = fp
        .figures()
        .iter()
        .filter(|f| !f.title_only)
        .copied()
        .collect();
    if body.is_empty() {
        fp.figures().to_vec()
    } else {
        body
    }
}

/// Days since 1970-01-01 of `YYYY-MM-DD` (proleptic Gregorian).
fn day_number(date: &str) -> Option<i64> {
    let y: i64 = date.get(0..4)?.parse().ok()?;
    let m: i64 = date.get(5..7)?.parse().ok()?;
    let d: i64 = date.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

fn format_containment(value: f64) -> String {
    format!("containment {value:.2}")
}

impl Corroborator {
    /// An empty index with the default thresholds.
    pub fn new() -> Corroborator {
        Corroborator::with_config(CorroboratorConfig::default())
    }

    /// An empty index with the given thresholds.
    pub fn with_config(config: CorroboratorConfig) -> Corroborator {
        Corroborator {
            config,
            ..Corroborator::default()
        }
    }

    /// Make room for `additional` more documents (restoring a store's
    /// records, say), so the index grows once rather than step by step.
    pub fn reserve(&mut self, additional: usize) {
        self.docs.reserve(additional);
        self.doc_index.reserve(additional);
        self.seq_index.reserve(additional);
        self.story_span.reserve(additional);
        self.lines.reserve(additional);
        self.stories.reserve(additional);
        self.lsh.reserve(additional);
    }

    /// Number of documents added.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// True before the first document.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Add one document and its claims, linking it to what is already
    /// indexed. A document id seen before is ignored: re-ingesting the same
    /// document changes nothing.
    pub fn add(&mut self, doc: &Document, claims: &[Claim]) {
        if self.doc_index.contains_key(&doc.id) {
            return;
        }
        self.add_fingerprinted(
            doc,
            claims,
            fingerprint_titled(doc.title.as_deref(), &doc.text),
        );
    }

    /// [`Corroborator::add`] with a fingerprint computed beforehand (for
    /// example in parallel). `fingerprint` must be
    /// [`fingerprint_titled`]`(doc.title, &doc.text)`.
    pub fn add_fingerprinted(
        &mut self,
        doc: &Document,
        claims: &[Claim],
        fingerprint: Fingerprint,
    ) {
        if self.doc_index.contains_key(&doc.id) {
            return;
        }
        let seq = self.next_seq;
        let idx = self.push_entry(DocEntry::new(doc, seq, fingerprint));
        let rare = self.arrive(idx);
        let found = self.find_text_links(idx, &rare);
        self.finish(idx, claims, found);
    }

    /// Add documents in order, with the result of adding them one by one
    /// with [`Corroborator::add`], using every core for the work that does
    /// not depend on order: fingerprints, citations, and the comparison of
    /// each document with the candidates the index offers it among the
    /// documents before it. Counting phrases, linking and grouping follow
    /// in order. Documents already added, or repeated in the batch, are
    /// skipped.
    pub fn add_batch(&mut self, batch: &[(&Document, &[Claim])]) {
        let mut seen: HashSet<&str> = HashSet::new();
        let batch: Vec<&(&Document, &[Claim])> = batch
            .iter()
            .filter(|(d, _)| !self.doc_index.contains_key(&d.id) && seen.insert(d.id.as_str()))
            .collect();
        let first_seq = self.next_seq;
        let entries = parallel_map(&batch, |i, (doc, _)| {
            let fp = fingerprint_titled(doc.title.as_deref(), &doc.text);
            DocEntry::new(doc, first_seq + i as u32, fp)
        });
        // A window at a time: its documents are indexed before they are
        // compared, and a comparison skips the later documents of its own
        // window in each bucket, so windows stay small.
        let mut entries = entries.into_iter();
        let mut claims = batch.iter().map(|(_, c)| *c);
        loop {
            let mut arrivals: Vec<(u32, Vec<bool>)> = Vec::with_capacity(BATCH_WINDOW);
            for entry in entries.by_ref().take(BATCH_WINDOW) {
                let idx = self.push_entry(entry);
                let rare = self.arrive(idx);
                arrivals.push((idx, rare));
            }
            if arrivals.is_empty() {
                break;
            }
            let found = {
                let this = &*self;
                parallel_map(&arrivals, |_, (idx, rare)| this.find_text_links(*idx, rare))
            };
            for ((idx, _), found) in arrivals.iter().zip(found) {
                let claims = claims.next().unwrap_or(&[]);
                self.finish(*idx, claims, found);
            }
        }
    }

    /// Append a new document's entry; its index.
    fn push_entry(&mut self, entry: DocEntry) -> u32 {
        let idx = u32::try_from(self.docs.len()).expect("fewer than 2^32 documents");
        debug_assert_eq!(entry.seq, self.next_seq);
        self.next_seq = entry.seq + 1;
        self.story_span.push(entry.day.map(|d| (d, d)));
        self.doc_index.insert(entry.id.clone(), idx);
        self.seq_index.insert(entry.seq, idx);
        self.docs.push(entry);
        self.lines.push();
        self.stories.push();
        self.touched.push(idx);
        idx
    }

    /// What a new document learns from the documents before it: which of
    /// its shingles are not stock phrases (returned; their number is
    /// kept), and its distinctive names (kept). Then its phrases are
    /// counted and its bands indexed for the documents after it.
    fn arrive(&mut self, idx: u32) -> Vec<bool> {
        let fp = &self.docs[idx as usize].fingerprint;
        // The other side's counts of a pair were taken when it arrived
        // (later growth of the counts only makes them high, so the tests
        // stay conservative).
        let rare: Vec<bool> = fp
            .shingles()
            .iter()
            .map(|&s| self.stock.count(u64::from(s)) < self.config.stock_phrase_documents)
            .collect();
        let names = self.distinctive_names(fp);
        let entry = &mut self.docs[idx as usize];
        entry.rare_shingles = rare.iter().filter(|&&r| r).count();
        entry.distinctive = names;
        self.count_phrases(idx);
        rare
    }

    /// Link, group and join a document whose text links were found.
    fn finish(&mut self, idx: u32, claims: &[Claim], found: Vec<(u32, f64)>) {
        self.adding = Some(idx);
        for (other, containment) in found {
            self.connect(idx, other, LinkKind::Text(containment));
        }
        self.link_urls(idx);
        self.add_claims(idx, claims);
        self.link_named(idx);
        self.join_independent(idx);
        self.adding = None;
    }

    /// What is stored of a document so that [`Corroborator::restore`] can
    /// rebuild the index without its text; `None` for an unknown id.
    pub fn record(&self, doc_id: &str) -> Option<DocRecord> {
        let &idx = self.doc_index.get(doc_id)?;
        Some(self.docs[idx as usize].to_record())
    }

    /// Re-add a document from its stored record and its claims, replaying
    /// the links and joins decided when it first arrived: nothing is
    /// compared again. Records must be restored in arrival order, before
    /// any [`Corroborator::add`]; the result is the index that adding the
    /// same documents in that order built. Restoring changes nothing that
    /// [`Corroborator::take_changes`] reports.
    pub fn restore(&mut self, record: DocRecord, claims: &[Claim]) -> Result<(), RestoreError> {
        if self.doc_index.contains_key(&record.id) || self.seq_index.contains_key(&record.seq) {
            return Err(RestoreError::Duplicate(record.id));
        }
        let mut others = Vec::with_capacity(record.events.len());
        for e in &record.events {
            match self.seq_index.get(&e.other) {
                Some(&other) => others.push(other),
                None => {
                    return Err(RestoreError::MissingDocument {
                        doc: record.id,
                        seq: e.other,
                    })
                }
            }
        }
        let (touched, touched_groups) = (self.touched.len(), self.touched_groups.len());
        let idx = u32::try_from(self.docs.len()).expect("fewer than 2^32 documents");
        let entry = DocEntry::from_record(record);
        self.next_seq = self.next_seq.max(entry.seq + 1);
        self.story_span.push(entry.day.map(|d| (d, d)));
        self.doc_index.insert(entry.id.clone(), idx);
        self.seq_index.insert(entry.seq, idx);
        self.docs.push(entry);
        self.lines.push();
        self.stories.push();
        self.count_phrases(idx);
        let keys = self.docs[idx as usize].url_keys.clone();
        for key in keys {
            self.url_index.entry(key).or_insert(idx);
        }
        self.add_claims(idx, claims);
        self.register_outlets(idx);
        let events = self.docs[idx as usize].events.clone();
        for (e, other) in events.iter().zip(others) {
            let (a, b) = if e.new_first {
                (idx, other)
            } else {
                (other, idx)
            };
            match e.kind {
                EventKind::Text(c) => self.connect(a, b, LinkKind::Text(c)),
                EventKind::Url => self.connect(a, b, LinkKind::Url),
                EventKind::Named => self.connect(a, b, LinkKind::Named),
                EventKind::Join => self.merge_stories(a, b),
            }
        }
        self.touched.truncate(touched);
        self.touched_groups.truncate(touched_groups);
        Ok(())
    }

    /// Index the new document's bands and count its shingles and words
    /// for the documents after it.
    fn count_phrases(&mut self, idx: u32) {
        let fp = &self.docs[idx as usize].fingerprint;
        self.lsh.insert(idx, fp.bands());
        self.stock.add(fp.shingles().iter().map(|&s| u64::from(s)));
        self.stock.add(fp.words().iter().map(|&w| word_key(w)));
    }

    /// Near-duplicates of a document among the documents that arrived
    /// before it: LSH candidates confirmed by exact containment and by the
    /// agreement of their distinctive content. Reads only; `rare` is what
    /// [`Self::arrive`] returned for it.
    fn find_text_links(&self, idx: u32, rare: &[bool]) -> Vec<(u32, f64)> {
        let entry = &self.docs[idx as usize];
        let fp = &entry.fingerprint;
        if fp.is_empty() {
            return Vec::new();
        }
        let this = Rarity {
            shingles: rare,
            shingle_count: entry.rare_shingles,
        };
        let mut found = Vec::new();
        let candidates = self
            .lsh
            .candidates(fp.bands(), idx, self.config.max_bucket_scan);
        for other in candidates {
            let odoc = &self.docs[other as usize];
            let days_apart = match (entry.day, odoc.day) {
                (Some(a), Some(b)) => Some((a - b).abs()),
                _ => None,
            };
            if let Some(containment) = self.text_link(
                fp,
                &odoc.fingerprint,
                &this,
                &entry.distinctive,
                odoc,
                days_apart,
            ) {
                found.push((other, containment));
            }
        }
        found
    }

    /// Whether two texts are one report. Both must share enough text: the
    /// shorter one largely contained in the longer one (`link_containment`,
    /// at least `min_shared_shingles`), and, unless one marks itself as a
    /// correction or repeat, the same distinctive content
    /// ([`Self::same_facts`]), and more shared text when published on
    /// different days. Then a verbatim copy (containment at least
    /// `verbatim_containment`) links; otherwise the two must be published
    /// within `rewrite_window_days` and be near-identical
    /// (`copy_containment`) or, in the re-edited zone, still contained once
    /// stock phrases are set aside. Returns the plain containment.
    fn text_link(
        &self,
        a: &Fingerprint,
        b: &Fingerprint,
        a_rare: &Rarity<'_>,
        a_names: &[u32],
        b_doc: &DocEntry,
        days_apart: Option<i64>,
    ) -> Option<f64> {
        let shared = a.shared_shingles(b);
        let smaller = a.shingle_count().min(b.shingle_count());
        if smaller == 0 {
            return None;
        }
        let containment = shared as f64 / smaller as f64;
        let identical = shared == a.shingle_count() && shared == b.shingle_count();
        if !identical
            && (shared < self.config.min_shared_shingles
                || containment < self.config.link_containment)
        {
            return None;
        }
        let late = days_apart.is_some_and(|d| d > self.config.rewrite_window_days);
        if !(a.is_revision() || b.is_revision()) {
            if !self.same_facts(a, b, a_names, &b_doc.distinctive) {
                return None;
            }
            if late && shared < self.config.late_copy_min_shingles {
                return None;
            }
            if days_apart.is_some_and(|d| d >= 1)
                && a.shared_where(b, a_rare.shingles) < self.config.other_day_min_shared
            {
                return None;
            }
        }
        if identical || containment >= self.config.verbatim_containment {
            return Some(containment);
        }
        if late {
            return None;
        }
        if containment >= self.config.copy_containment {
            return Some(containment);
        }
        let rare_smaller = a_rare.shingle_count.min(b_doc.rare_shingles);
        let rare_shared = a.shared_where(b, a_rare.shingles);
        (rare_shared >= self.config.min_shared_shingles
            && rare_shared as f64 >= self.config.link_containment * rare_smaller as f64)
            .then_some(containment)
    }

    /// The distinctive names of a text: its body's capitalised words that
    /// fewer than `common_word_documents` earlier documents used, and, when
    /// the body has fewer than `min_body_names` of them, its title's words
    /// that are as rare. Sorted, distinct.
    fn distinctive_names(&self, fp: &Fingerprint) -> Vec<u32> {
        let rare = |w: &u32| self.stock.count(word_key(*w)) < self.config.common_word_documents;
        let mut names: Vec<u32> = fp.names().iter().copied().filter(rare).collect();
        if names.len() < self.config.min_body_names {
            names.extend(fp.title_words().iter().copied().filter(rare));
            names.sort_unstable();
            names.dedup();
        }
        names
    }

    /// Whether two texts that share phrasing also share their distinctive
    /// content. Template stories (bond issues, dividend notices, a desk's
    /// hourly market report, price notices of rival companies) share most
    /// of their wording and differ in exactly what makes each one news: who
    /// (names), how much (figures), and the lead. Three tests, each of
    /// which can only separate:
    ///
    /// - names: each side names something the other never mentions, and
    ///   such names are not a small minority beside the shared ones
    ///   (`name_disagreement`);
    /// - figures: each side states figures the other lacks (compared by
    ///   value, so rounding is no difference), and they are not a small
    ///   minority beside the shared ones (`figure_disagreement`);
    /// - lead: neither text's lead is in the other (`lead_containment`).
    fn same_facts(
        &self,
        a: &Fingerprint,
        b: &Fingerprint,
        a_names: &[u32],
        b_names: &[u32],
    ) -> bool {
        let only_a = a_names.len() - intersection_size(a_names, b.words());
        let only_b = b_names.len() - intersection_size(b_names, a.words());
        if only_a.min(only_b) >= 1 {
            let mut shared: Vec<u32> = sorted_intersection(a_names, b.words());
            shared.extend(sorted_intersection(b_names, a.words()));
            shared.sort_unstable();
            shared.dedup();
            if only_a.min(only_b) as f64 >= self.config.name_disagreement * shared.len() as f64 {
                return false;
            }
        }
        let (fa, fb) = (stated_figures(a), stated_figures(b));
        let only_a = fa
            .iter()
            .filter(|f| !b.figures().iter().any(|g| f.matches(g)))
            .count();
        let only_b = fb
            .iter()
            .filter(|f| !a.figures().iter().any(|g| f.matches(g)))
            .count();
        if only_a.min(only_b) >= 1 {
            let shared = fa.len() - only_a;
            if only_a.min(only_b) as f64 >= self.config.figure_disagreement * shared as f64 {
                return false;
            }
        }
        a.lead_containment(b).max(b.lead_containment(a)) >= self.config.lead_containment
    }

    /// The same or a canonical URL naming another document's URL.
    fn link_urls(&mut self, idx: u32) {
        let keys = self.docs[idx as usize].url_keys.clone();
        for key in keys {
            match self.url_index.get(&key) {
                Some(&other) if other != idx => self.connect(idx, other, LinkKind::Url),
                Some(_) => {}
                None => {
                    self.url_index.insert(key, idx);
                }
            }
        }
    }

    fn add_claims(&mut self, idx: u32, claims: &[Claim]) {
        for claim in claims {
            let id = if claim.id.is_empty() {
                claim_id(claim)
            } else {
                claim.id.clone()
            };
            if self.claim_index.contains_key(&id) {
                continue;
            }
            let key = ClaimKey::of(claim);
            let coarse = key.coarse();
            let existing = self.group_index.get(&coarse).and_then(|candidates| {
                candidates
                    .iter()
                    .copied()
                    .find(|&g| self.groups[g as usize].reference.same_claim(&key))
            });
            let group = match existing {
                Some(g) => g,
                None => {
                    let g = u32::try_from(self.groups.len()).expect("fewer than 2^32 groups");
                    self.groups.push(GroupEntry {
                        id: format!("g_{}", id.strip_prefix("c_").unwrap_or(&id)),
                        key: key.display(),
                        kind: claim.kind,
                        reference: key,
                        members: Vec::new(),
                    });
                    self.group_index.entry(coarse).or_default().push(g);
                    g
                }
            };
            let claim_idx = u32::try_from(self.claims.len()).expect("fewer than 2^32 claims");
            self.groups[group as usize].members.push(claim_idx);
            self.touched_groups.push(group);
            self.claim_index.insert(id.clone(), claim_idx);
            self.claims.push(ClaimEntry {
                id,
                doc: idx,
                claim: claim.clone(),
                group,
            });
            let groups = &mut self.docs[idx as usize].groups;
            if !groups.contains(&group) {
                groups.push(group);
            }
        }
    }

    /// Explicit naming: this document names an outlet whose documents are
    /// indexed, or indexed documents name this document's outlet.
    fn link_named(&mut self, idx: u32) {
        let mut found: Vec<(u32, u32)> = Vec::new();
        let entry = &self.docs[idx as usize];
        let mut checked: HashSet<u32> = HashSet::new();
        for named in &entry.named {
            for key in &named.keys {
                let Some(list) = self.by_outlet.get(key) else {
                    continue;
                };
                let mut checks = 0;
                for &source_doc in list.iter().rev() {
                    if checks >= self.config.max_citation_checks {
                        break;
                    }
                    if !checked.insert(source_doc) {
                        continue;
                    }
                    match self.citation_holds(idx, source_doc) {
                        Some(true) => found.push((idx, source_doc)),
                        Some(false) => checks += 1,
                        None => {}
                    }
                }
            }
        }
        if !entry.source_key.is_empty() {
            if let Some(list) = self.citers.get(&entry.source_key) {
                let mut checks = 0;
                for &citing in list.iter().rev() {
                    if checks >= self.config.max_citation_checks {
                        break;
                    }
                    match self.citation_holds(citing, idx) {
                        Some(true) => found.push((citing, idx)),
                        Some(false) => checks += 1,
                        None => {}
                    }
                }
            }
        }
        self.register_outlets(idx);
        for (citing, cited) in found {
            self.connect(citing, cited, LinkKind::Named);
        }
    }

    /// Register a document's outlet and the outlets it names, for later
    /// arrivals.
    fn register_outlets(&mut self, idx: u32) {
        let entry = &self.docs[idx as usize];
        if !entry.source_key.is_empty() {
            self.by_outlet
                .entry(entry.source_key.clone())
                .or_default()
                .push(idx);
        }
        let mut keys: Vec<&String> = entry.named.iter().flat_map(|n| n.keys.iter()).collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            self.citers.entry(key.clone()).or_default().push(idx);
        }
    }

    /// Whether `citing` (which names `cited`'s outlet) depends on `cited`:
    /// `cited` is no later, within the window, and the two share a claim or
    /// some text. `None` when the check was skipped cheaply (same line,
    /// dates out of order or too far apart).
    fn citation_holds(&self, citing: u32, cited: u32) -> Option<bool> {
        if citing == cited || self.lines.find(citing) == self.lines.find(cited) {
            return None;
        }
        let (m, a) = (&self.docs[citing as usize], &self.docs[cited as usize]);
        if let (Some(dm), Some(da)) = (m.day, a.day) {
            if da > dm || dm - da > self.config.story_window_days {
                return None;
            }
        }
        if m.groups.iter().any(|g| a.groups.contains(g)) {
            return Some(true);
        }
        let shared = m.fingerprint.shared_shingles(&a.fingerprint);
        Some(
            shared >= self.config.min_shared_shingles
                && m.fingerprint.containment(&a.fingerprint) >= self.config.cited_containment,
        )
    }

    /// Join this document's story with stories of other lines that report
    /// one of its claims, when both are dated and together span at most the
    /// window. Undated stories are never joined this way: without dates the
    /// same claim months apart would chain everything into one story.
    fn join_independent(&mut self, idx: u32) {
        let mut partners = Vec::new();
        for &group in &self.docs[idx as usize].groups {
            for &claim in &self.groups[group as usize].members {
                let other = self.claims[claim as usize].doc;
                if other != idx {
                    partners.push(other);
                }
            }
        }
        partners.sort_unstable();
        partners.dedup();
        for other in partners {
            let (a, b) = (self.stories.find(idx), self.stories.find(other));
            if a == b || self.lines.find(idx) == self.lines.find(other) {
                continue;
            }
            let fits = match (self.story_span[a as usize], self.story_span[b as usize]) {
                (Some((a0, a1)), Some((b0, b1))) => {
                    a1.max(b1) - a0.min(b0) <= self.config.story_window_days
                }
                _ => false,
            };
            if fits {
                self.record_event(idx, other, EventKind::Join);
                self.merge_stories(idx, other);
            }
        }
    }

    /// Record, on the document being added, a link or join it makes.
    fn record_event(&mut self, a: u32, b: u32, kind: EventKind) {
        let Some(new) = self.adding else {
            return;
        };
        let (other, new_first) = if a == new {
            (b, true)
        } else if b == new {
            (a, false)
        } else {
            return;
        };
        let other = self.docs[other as usize].seq;
        self.docs[new as usize].events.push(Event {
            other,
            kind,
            new_first,
        });
    }

    fn connect(&mut self, a: u32, b: u32, kind: LinkKind) {
        let event = match kind {
            LinkKind::Text(c) => EventKind::Text(c),
            LinkKind::Url => EventKind::Url,
            LinkKind::Named => EventKind::Named,
        };
        self.record_event(a, b, event);
        self.docs[a as usize].links.push(Link { other: b, kind });
        self.docs[b as usize].links.push(Link { other: a, kind });
        self.lines.union(a, b);
        self.merge_stories(a, b);
    }

    fn merge_stories(&mut self, a: u32, b: u32) {
        self.touched.push(a);
        self.touched.push(b);
        let (root, absorbed) = self.stories.union(a, b);
        if let Some(absorbed) = absorbed {
            let merged = match (
                self.story_span[root as usize],
                self.story_span[absorbed as usize],
            ) {
                (Some((a0, a1)), Some((b0, b1))) => Some((a0.min(b0), a1.max(b1))),
                (one, other) => one.or(other),
            };
            self.story_span[root as usize] = merged;
        }
    }

    /// Stories with at least two documents, in order of their first
    /// document's arrival.
    pub fn stories(&self) -> Vec<Story> {
        self.collect_stories(2)
    }

    /// Every story, single reports included.
    pub fn stories_including_singletons(&self) -> Vec<Story> {
        self.collect_stories(1)
    }

    fn collect_stories(&self, min_members: usize) -> Vec<Story> {
        let mut roots: Vec<(u32, u32)> = self
            .stories
            .roots()
            .filter(|&r| self.stories.members(r).len() >= min_members)
            .map(|r| (self.founder(r), r))
            .collect();
        roots.sort_unstable();
        roots.into_iter().map(|(_, r)| self.story_view(r)).collect()
    }

    /// The story of a document (a single-member story when it joined
    /// nothing); `None` for an unknown id.
    pub fn story_of(&self, doc_id: &str) -> Option<Story> {
        let &idx = self.doc_index.get(doc_id)?;
        Some(self.story_view(self.stories.find(idx)))
    }

    /// Every claim group, in order of creation.
    pub fn groups(&self) -> Vec<ClaimGroup> {
        let mut cache = HashMap::new();
        (0..self.groups.len() as u32)
            .map(|g| self.group_view(g, &mut cache))
            .collect()
    }

    /// The group of a claim; `None` for an unknown claim id.
    pub fn group_of(&self, claim_id: &str) -> Option<ClaimGroup> {
        let &claim = self.claim_index.get(claim_id)?;
        let group = self.claims[claim as usize].group;
        Some(self.group_view(group, &mut HashMap::new()))
    }

    /// The stories and claim groups changed since the previous call (or
    /// since the index was created or restored): those of every document
    /// added since, and of every document they linked or joined. Restored
    /// documents count as unchanged, so after restoring a store's records
    /// and adding new documents, the result is exactly what the store must
    /// rewrite.
    pub fn take_changes(&mut self) -> Changes {
        let mut touched = std::mem::take(&mut self.touched);
        touched.sort_unstable();
        touched.dedup();
        let mut story_roots: Vec<u32> = touched.iter().map(|&d| self.stories.find(d)).collect();
        story_roots.sort_unstable();
        story_roots.dedup();
        let mut line_roots: Vec<u32> = touched.iter().map(|&d| self.lines.find(d)).collect();
        line_roots.sort_unstable();
        line_roots.dedup();
        let mut groups = std::mem::take(&mut self.touched_groups);
        // A line's origin decides the origin every claim of its documents
        // counts under, so each group with a claim in a changed line changes.
        for &root in &line_roots {
            for &m in self.lines.members(root) {
                groups.extend(self.docs[m as usize].groups.iter().copied());
            }
        }
        groups.sort_unstable();
        groups.dedup();
        let mut story_docs: Vec<u32> = story_roots
            .iter()
            .flat_map(|&r| self.stories.members(r).iter().copied())
            .collect();
        story_docs.sort_unstable();
        let mut roots: Vec<(u32, u32)> = story_roots
            .into_iter()
            .filter(|&r| self.stories.members(r).len() >= 2)
            .map(|r| (self.founder(r), r))
            .collect();
        roots.sort_unstable();
        let mut cache = HashMap::new();
        Changes {
            stories: roots.into_iter().map(|(_, r)| self.story_view(r)).collect(),
            story_docs: story_docs
                .into_iter()
                .map(|d| self.docs[d as usize].id.clone())
                .collect(),
            groups: groups
                .into_iter()
                .map(|g| self.group_view(g, &mut cache))
                .collect(),
        }
    }

    /// Number of stories of two or more documents.
    pub fn story_count(&self) -> usize {
        self.stories
            .roots()
            .filter(|&r| self.stories.members(r).len() >= 2)
            .count()
    }

    /// Number of claim groups.
    pub fn group_count(&self) -> usize {
        self.groups.len()
    }

    /// The first document to arrive of a story: it names the story.
    fn founder(&self, story_root: u32) -> u32 {
        self.stories
            .members(story_root)
            .iter()
            .copied()
            .min()
            .unwrap_or(story_root)
    }

    /// The origin a document counts under, for tallies that must not count
    /// copies twice: the id of its line's origin document, or
    /// `outlet:<name>` when the line names an origin outlet none of whose
    /// documents is indexed. An unknown id counts under itself.
    pub fn origin_key(&self, doc_id: &str) -> String {
        match self.doc_index.get(doc_id) {
            Some(&idx) => self.line_view(self.lines.find(idx)).origin_key,
            None => doc_id.to_string(),
        }
    }

    fn line_view(&self, root: u32) -> LineView {
        let mut members = self.lines.members(root).to_vec();
        members.sort_by(|&a, &b| {
            self.docs[a as usize]
                .order(a)
                .cmp(&self.docs[b as usize].order(b))
        });
        // The origin outlet the line's documents name most (provenance
        // chains and "first appeared on"), the earliest naming on a tie.
        let mut counts: Vec<(&str, &str, usize)> = Vec::new();
        for &m in &members {
            let doc = &self.docs[m as usize];
            let named_origin = doc
                .provenance_keys
                .first()
                .filter(|k| !k.is_empty())
                .map(|k| {
                    (
                        k.as_str(),
                        doc.names(k).map(|n| n.display.as_str()).unwrap_or(""),
                        m,
                    )
                })
                .or_else(|| {
                    doc.named
                        .iter()
                        .find(|n| n.label == FIRST_APPEARED)
                        .map(|n| {
                            (
                                n.keys
                                    .iter()
                                    .max_by_key(|k| k.len())
                                    .map(String::as_str)
                                    .unwrap_or(""),
                                n.display.as_str(),
                                m,
                            )
                        })
                });
            if let Some((key, display, _)) = named_origin {
                match counts.iter_mut().find(|(k, _, _)| *k == key) {
                    Some(entry) => {
                        entry.2 += 1;
                        if entry.1.is_empty() {
                            entry.1 = display;
                        }
                    }
                    None => counts.push((key, display, 1)),
                }
            }
        }
        let named = counts
            .iter()
            .fold(None::<&(&str, &str, usize)>, |best, c| match best {
                Some(b) if b.2 >= c.2 => Some(b),
                _ => Some(c),
            })
            .map(|&(key, display, _)| (key.to_string(), display.to_string()));
        let (origin, origin_outlet_key, origin_outlet) = match named {
            Some((key, display)) => {
                let origin = members
                    .iter()
                    .copied()
                    .find(|&m| self.docs[m as usize].source_key == key);
                let display = match origin {
                    Some(o) => self.docs[o as usize].source.clone().unwrap_or(display),
                    None if display.is_empty() => key.clone(),
                    None => display,
                };
                (origin, Some(key), Some(display))
            }
            None => {
                let first = members[0];
                let doc = &self.docs[first as usize];
                let key = (!doc.source_key.is_empty()).then(|| doc.source_key.clone());
                (Some(first), key, doc.source.clone())
            }
        };
        let origin_key = match (origin, &origin_outlet) {
            (Some(o), _) => self.docs[o as usize].id.clone(),
            (None, Some(outlet)) => format!("outlet:{outlet}"),
            (None, None) => self.docs[members[0] as usize].id.clone(),
        };
        LineView {
            members,
            origin,
            origin_outlet_key,
            origin_outlet,
            origin_key,
        }
    }

    /// Role and reason of `m` within its line.
    fn line_role(&self, line: &LineView, m: u32) -> (Role, String) {
        let doc = &self.docs[m as usize];
        if line.origin == Some(m) {
            let reason = if line.members.len() == 1 {
                "single report".to_string()
            } else if line
                .members
                .iter()
                .any(|&o| o != m && self.docs[o as usize].names(&doc.source_key).is_some())
            {
                format!(
                    "named as origin by {} other report(s)",
                    self.count_naming(line, m)
                )
            } else {
                format!("earliest of {} reports", line.members.len())
            };
            return (Role::Origin, reason);
        }
        let reference = line.origin.unwrap_or(line.members[0]);
        let containment = (reference != m).then(|| {
            doc.fingerprint
                .containment(&self.docs[reference as usize].fingerprint)
        });
        let outlet = line.origin_outlet.as_deref().unwrap_or("");
        let naming = line
            .origin_outlet_key
            .as_deref()
            .filter(|k| *k != doc.source_key)
            .and_then(|k| doc.names(k));
        let declared = naming.filter(|n| n.label == PROVENANCE || n.label == FIRST_APPEARED);
        let canonical = doc
            .links
            .iter()
            .any(|l| l.other == reference && l.kind == LinkKind::Url);
        let c = containment.unwrap_or(0.0);
        let mut reasons: Vec<String> = Vec::new();
        let role = if containment.is_some() && c >= self.config.copy_containment {
            reasons.push(format_containment(c));
            if let Some(n) = declared {
                reasons.push(format!("{} {outlet}", n.label));
            }
            Role::Copy
        } else if canonical {
            reasons.push(format!(
                "canonical url names {}",
                self.docs[reference as usize].id
            ));
            Role::Copy
        } else if let Some(n) =
            declared.filter(|_| containment.is_none() || c >= self.config.link_containment)
        {
            reasons.push(format!("{} {outlet}", n.label));
            Role::Copy
        } else if let Some(n) = naming {
            reasons.push(format!("{} {outlet}", n.label));
            Role::Derivative
        } else {
            Role::Derivative
        };
        if role == Role::Derivative
            || (role == Role::Copy && reasons.len() == 1 && !reasons[0].starts_with("containment"))
        {
            if let Some(c) = containment.filter(|&c| c >= self.config.cited_containment) {
                reasons.push(format_containment(c));
            } else if let Some(link) = self.best_text_link(doc, line) {
                reasons.push(link);
            }
        }
        if reasons.is_empty() {
            reasons.push("linked within the story".to_string());
        }
        (role, reasons.join("; "))
    }

    fn count_naming(&self, line: &LineView, m: u32) -> usize {
        let key = &self.docs[m as usize].source_key;
        line.members
            .iter()
            .filter(|&&o| o != m && self.docs[o as usize].names(key).is_some())
            .count()
    }

    /// The strongest text link of `doc` to another member of its line.
    fn best_text_link(&self, doc: &DocEntry, line: &LineView) -> Option<String> {
        doc.links
            .iter()
            .filter_map(|l| match l.kind {
                LinkKind::Text(c) if line.members.contains(&l.other) => Some((c, l.other)),
                _ => None,
            })
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(c, other)| {
                format!(
                    "{} with {}",
                    format_containment(c),
                    self.docs[other as usize].id
                )
            })
    }

    fn story_view(&self, story_root: u32) -> Story {
        let mut line_roots: Vec<u32> = self
            .stories
            .members(story_root)
            .iter()
            .map(|&m| self.lines.find(m))
            .collect();
        line_roots.sort_unstable();
        line_roots.dedup();
        let mut lines: Vec<LineView> = line_roots.into_iter().map(|r| self.line_view(r)).collect();
        lines.sort_by_key(|line| {
            let first = line.origin.unwrap_or(line.members[0]);
            let d = &self.docs[first as usize];
            (d.published.is_none(), d.published.clone(), first)
        });
        let mut members: Vec<(u32, StoryMember)> = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            for &m in &line.members {
                let (mut role, mut reason) = self.line_role(line, m);
                if i > 0 && role == Role::Origin {
                    role = Role::Independent;
                    reason = self.independence_reason(line, &lines);
                }
                let doc = &self.docs[m as usize];
                members.push((
                    m,
                    StoryMember {
                        doc_id: doc.id.clone(),
                        role,
                        reason,
                        origin: line.origin_key.clone(),
                        source: doc.source.clone(),
                        published: doc.published.clone(),
                    },
                ));
            }
        }
        members.sort_by(|(a, ma), (b, mb)| {
            (ma.role != Role::Origin, self.docs[*a as usize].order(*a))
                .cmp(&(mb.role != Role::Origin, self.docs[*b as usize].order(*b)))
        });
        Story {
            id: format!("s_{}", self.docs[self.founder(story_root) as usize].id),
            members: members.into_iter().map(|(_, m)| m).collect(),
            origin_outlet: lines[0].origin_outlet.clone(),
        }
    }

    fn independence_reason(&self, line: &LineView, lines: &[LineView]) -> String {
        let others: HashSet<u32> = lines
            .iter()
            .filter(|l| l.origin_key != line.origin_key)
            .flat_map(|l| {
                l.members
                    .iter()
                    .flat_map(|&m| self.docs[m as usize].groups.iter().copied())
            })
            .collect();
        let shared = line
            .members
            .iter()
            .flat_map(|&m| self.docs[m as usize].groups.iter().copied())
            .find(|g| others.contains(g));
        match shared {
            Some(g) => format!(
                "same claim ({}) with no textual or cited dependence",
                self.groups[g as usize].key
            ),
            None => "same claim with no textual or cited dependence".to_string(),
        }
    }

    fn group_view(
        &self,
        group: u32,
        cache: &mut HashMap<u32, (String, Option<u32>)>,
    ) -> ClaimGroup {
        let entry = &self.groups[group as usize];
        let mut rows: Vec<(u32, String, bool)> = Vec::new();
        for &claim in &entry.members {
            let doc = self.claims[claim as usize].doc;
            let root = self.lines.find(doc);
            let (origin_key, origin) = cache
                .entry(root)
                .or_insert_with(|| {
                    let view = self.line_view(root);
                    (view.origin_key, view.origin)
                })
                .clone();
            rows.push((claim, origin_key, origin == Some(doc)));
        }
        let order = |claim: u32| {
            let doc = self.claims[claim as usize].doc;
            self.docs[doc as usize].order(doc)
        };
        // The reference is the earliest report made by an origin document;
        // the others follow in publication order.
        rows.sort_by(|a, b| (!a.2, order(a.0)).cmp(&(!b.2, order(b.0))));
        let reference = rows.first().map(|r| r.0);
        if rows.len() > 2 {
            rows[1..].sort_by(|a, b| order(a.0).cmp(&order(b.0)));
        }
        let origins: HashSet<&str> = rows.iter().map(|r| r.1.as_str()).collect();
        let independent_origins = origins.len();
        let members = rows
            .iter()
            .map(|(claim, origin, _)| {
                let c = &self.claims[*claim as usize];
                let is_reference = Some(*claim) == reference;
                let variants = match reference {
                    Some(r) if !is_reference => variants(&c.claim, &self.claims[r as usize].claim),
                    _ => Vec::new(),
                };
                GroupMember {
                    claim_id: c.id.clone(),
                    doc_id: self.docs[c.doc as usize].id.clone(),
                    origin: origin.clone(),
                    reference: is_reference,
                    evidence: c.claim.evidence.clone(),
                    variants,
                }
            })
            .collect();
        ClaimGroup {
            id: entry.id.clone(),
            key: entry.key.clone(),
            kind: entry.kind,
            members,
            independent_origins,
        }
    }
}

/// A line (dependency component) as read: members by date, its origin.
struct LineView {
    members: Vec<u32>,
    /// The origin document, when it is indexed.
    origin: Option<u32>,
    origin_outlet_key: Option<String>,
    origin_outlet: Option<String>,
    origin_key: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers() {
        let cases = [
            ("1970-01-01", Some(0)),
            ("1970-01-31", Some(30)),
            ("2000-03-01", Some(11_017)),
            ("2022-11-04", Some(19_300)),
            ("2022-13-01", None),
            ("2022-11", None),
        ];
        for (date, expected) in cases {
            assert_eq!(day_number(date), expected, "{date}");
        }
    }

    fn doc(id: &str, source: &str, date: &str, text: &str) -> Document {
        Document {
            id: id.into(),
            source: Some(source.into()),
            published: tw_model::PublishedDate::parse(date),
            text: text.into(),
            ..Document::default()
        }
    }

    const BODY: &str = "The central bank left its discount and lombard rates unchanged \
        after its regular council meeting on Thursday, a spokesman said, adding that \
        the council saw no reason to change course while money supply growth stayed \
        within the target corridor set for the year and the currency remained stable \
        against the dollar on foreign exchange markets.";

    #[test]
    fn duplicate_id_changes_nothing() {
        let mut c = Corroborator::new();
        c.add(&doc("a", "Wire", "1987-03-01", BODY), &[]);
        c.add(
            &doc("a", "Wire", "1987-03-01", "something else entirely"),
            &[],
        );
        assert_eq!(c.len(), 1);
    }

    #[test]
    fn order_of_arrival_does_not_change_roles() {
        let a = doc("a", "Wire", "1987-03-01", BODY);
        let b = doc("b", "Wire", "1987-03-02", &format!("CORRECTED - {BODY}"));
        for order in [[&a, &b], [&b, &a]] {
            let mut c = Corroborator::new();
            for d in order {
                c.add(d, &[]);
            }
            let story = c.story_of("b").unwrap();
            let roles: Vec<(&str, Role)> = story
                .members
                .iter()
                .map(|m| (m.doc_id.as_str(), m.role))
                .collect();
            assert_eq!(roles, vec![("a", Role::Origin), ("b", Role::Copy)]);
            assert_eq!(c.origin_key("b"), "a");
        }
    }

    #[test]
    fn canonical_url_links_without_text() {
        let mut a = doc("a", "Daily NK", "2022-11-04", BODY);
        a.url = Some("https://www.dailynk.com/english/offices/".into());
        let mut b = doc("b", "Aggregator", "2022-11-05", "A short teaser only.");
        b.metadata.insert(
            "canonical_url".into(),
            serde_json::Value::String("https://dailynk.com/english/offices".into()),
        );
        let mut c = Corroborator::new();
        c.add(&a, &[]);
        c.add(&b, &[]);
        let story = c.story_of("b").unwrap();
        assert_eq!(story.members[1].role, Role::Copy);
        assert!(
            story.members[1].reason.starts_with("canonical url names a"),
            "{}",
            story.members[1].reason
        );
    }

    #[test]
    fn undated_reports_of_one_claim_stay_apart() {
        let mut claim = Claim::new("a", ClaimKind::Presence);
        claim.actor = Some("KP".into());
        claim.places = vec!["Vladivostok".into()];
        claim.id = "c_1".into();
        let mut other = claim.clone();
        other.doc_id = "b".into();
        other.id = "c_2".into();
        let mut c = Corroborator::new();
        c.add(&doc("a", "Wire", "", BODY), &[claim]);
        c.add(
            &doc("b", "Other Wire", "", "An unrelated text about offices."),
            &[other],
        );
        assert_eq!(c.story_of("a").unwrap().members.len(), 1);
        // The claims still group, and count two origins.
        assert_eq!(c.group_of("c_2").unwrap().independent_origins, 2);
    }
}
