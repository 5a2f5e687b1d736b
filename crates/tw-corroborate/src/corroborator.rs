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

use std::collections::{HashMap, HashSet};

use tw_model::{claim_id, Claim, ClaimKind, DatePrecision, Document, Evidence};

use crate::claims::{variants, ClaimKey, Variant};
use crate::fingerprint::{fingerprint, Fingerprint};
use crate::lsh::LshIndex;
use crate::outlet::{citations, name_variants, outlet_key, url_key};
use crate::partition::Partition;
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
    /// `s_` and the id of the story's first document. It changes when an
    /// earlier report of the story arrives.
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
    /// inside other boilerplate) and links however late it appeared:
    /// scrapers re-post old articles. Below it, an edited text must be
    /// within `rewrite_window_days`.
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
    /// Share of the anchor words (names and figures: words with a digit,
    /// capitalised words inside a sentence) of the text with fewer of them
    /// that the other must contain for a text link. Copies and re-edited
    /// reprints keep nearly all of them; template stories from one desk keep
    /// the outlet's stock names (the central bank, the exchange) and little
    /// else.
    pub anchor_containment: f64,
    /// Below this many anchor words the anchor test is skipped: a text that
    /// short names too little to judge by.
    pub min_anchors: usize,
    /// Share of the rare anchor words (those in fewer than
    /// `stock_phrase_documents` earlier documents: issuers, places, exact
    /// figures) of the side with fewer that the other must contain. Two
    /// bond notices from one desk share the dates and the manager but not
    /// the issuer.
    pub rare_anchor_containment: f64,
    /// Below this many rare anchor words the rare-anchor test is skipped.
    pub min_rare_anchors: usize,
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
            anchor_containment: 0.6,
            min_anchors: 4,
            rare_anchor_containment: 0.7,
            min_rare_anchors: 2,
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
}

#[derive(Debug)]
struct DocEntry {
    id: String,
    source: Option<String>,
    source_key: String,
    provenance_keys: Vec<String>,
    published: Option<String>,
    day: Option<i64>,
    fingerprint: Fingerprint,
    /// Its shingles that were not stock phrases when it arrived.
    rare_shingles: usize,
    /// Its anchor words that were not common when it arrived.
    rare_anchors: usize,
    /// Outlets this document names as a source of its story.
    named: Vec<Named>,
    links: Vec<Link>,
    groups: Vec<u32>,
}

#[derive(Debug)]
struct Named {
    /// "provenance names", "cites", "first appeared on".
    label: &'static str,
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

/// Which shingles and anchor words of a new text are rare, and how many.
struct Rarity<'a> {
    shingles: &'a [bool],
    shingle_count: usize,
    anchors: &'a [bool],
    anchor_count: usize,
}

/// Anchor words share the stock-phrase counts with shingles under a
/// different key, so a word never collides with a shingle by construction.
fn anchor_key(anchor: u64) -> u64 {
    crate::fingerprint::mix64(anchor ^ 0x414e_4348_4f52_0000)
}

const PROVENANCE: &str = "provenance names";
const FIRST_APPEARED: &str = "first appeared on";

impl DocEntry {
    fn new(doc: &Document, fingerprint: Fingerprint) -> DocEntry {
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
                    label: PROVENANCE,
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
                label: citation.label,
                display: citation.display,
                keys,
            });
        }
        let day = doc.published.as_ref().and_then(|p| match p.precision {
            DatePrecision::Day | DatePrecision::Time => day_number(p.date_part()),
            // A month or a year cannot place a report within a window.
            DatePrecision::Month | DatePrecision::Year => None,
        });
        DocEntry {
            id: doc.id.clone(),
            source,
            source_key,
            provenance_keys,
            published: doc.published.as_ref().map(|p| p.iso.clone()),
            day,
            fingerprint,
            rare_shingles: 0,
            rare_anchors: 0,
            named,
            links: Vec::new(),
            groups: Vec::new(),
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
        self.add_fingerprinted(doc, claims, fingerprint(&doc.text));
    }

    /// [`Corroborator::add`] with a fingerprint computed beforehand (for
    /// example in parallel, or loaded from storage). `fingerprint` must be
    /// [`fingerprint`]`(&doc.text)`.
    pub fn add_fingerprinted(
        &mut self,
        doc: &Document,
        claims: &[Claim],
        fingerprint: Fingerprint,
    ) {
        if self.doc_index.contains_key(&doc.id) {
            return;
        }
        let idx = u32::try_from(self.docs.len()).expect("fewer than 2^32 documents");
        let entry = DocEntry::new(doc, fingerprint);
        self.story_span.push(entry.day.map(|d| (d, d)));
        self.doc_index.insert(entry.id.clone(), idx);
        self.docs.push(entry);
        self.lines.push();
        self.stories.push();

        self.link_text(idx);
        self.link_urls(idx, doc);
        self.add_claims(idx, claims);
        self.link_named(idx);
        self.join_independent(idx);
    }

    /// Near-duplicates: LSH candidates confirmed by exact containment.
    fn link_text(&mut self, idx: u32) {
        let entry = &self.docs[idx as usize];
        if entry.fingerprint.is_empty() {
            return;
        }
        let fp = &entry.fingerprint;
        // Which of this text's shingles are not stock phrases, by the
        // counts of the documents before it; the other side's count of them
        // was taken when it arrived (later growth of the counts only makes
        // that count high, so the test stays conservative).
        let rare: Vec<bool> = fp
            .shingles()
            .iter()
            .map(|&s| self.stock.count(s) < self.config.stock_phrase_documents)
            .collect();
        let rare_count = rare.iter().filter(|&&r| r).count();
        // The same for its anchor words: "Ltd", "April" or "Federal
        // Reserve" name nothing in particular; "Keihanshin" does.
        let rare_anchors: Vec<bool> = fp
            .anchors()
            .iter()
            .map(|&a| self.stock.count(anchor_key(a)) < self.config.stock_phrase_documents)
            .collect();
        let rare_anchor_count = rare_anchors.iter().filter(|&&r| r).count();
        let this = Rarity {
            shingles: &rare,
            shingle_count: rare_count,
            anchors: &rare_anchors,
            anchor_count: rare_anchor_count,
        };
        let mut found = Vec::new();
        let candidates = self
            .lsh
            .candidates(fp.signature(), self.config.max_bucket_scan);
        for other in candidates {
            let odoc = &self.docs[other as usize];
            let days_apart = match (self.docs[idx as usize].day, odoc.day) {
                (Some(a), Some(b)) => Some((a - b).abs()),
                _ => None,
            };
            if let Some(containment) =
                self.text_link(fp, &odoc.fingerprint, &this, odoc, days_apart)
            {
                found.push((other, containment));
            }
        }
        let entry = &mut self.docs[idx as usize];
        entry.rare_shingles = rare_count;
        entry.rare_anchors = rare_anchor_count;
        let fp = &self.docs[idx as usize].fingerprint;
        self.lsh.insert(idx, fp.signature());
        self.stock.add(fp.shingles());
        let anchor_keys: Vec<u64> = fp.anchors().iter().map(|&a| anchor_key(a)).collect();
        self.stock.add(&anchor_keys);
        for (other, containment) in found {
            self.connect(idx, other, LinkKind::Text(containment));
        }
    }

    /// Whether two texts are one report. Identical texts are. Otherwise
    /// they must share their names and figures ([`Self::same_facts`]) and
    /// be verbatim (containment at least `verbatim_containment`), or
    /// published within `rewrite_window_days` and either near-identical
    /// (at least `copy_containment`) or, in the re-edited zone down to
    /// `link_containment`, still contained once stock phrases are set
    /// aside. Returns the plain containment.
    fn text_link(
        &self,
        a: &Fingerprint,
        b: &Fingerprint,
        a_rare: &Rarity<'_>,
        b_doc: &DocEntry,
        days_apart: Option<i64>,
    ) -> Option<f64> {
        let shared = a.shared_shingles(b);
        let smaller = a.shingle_count().min(b.shingle_count());
        if smaller == 0 {
            return None;
        }
        let containment = shared as f64 / smaller as f64;
        if shared == a.shingle_count() && shared == b.shingle_count() {
            return Some(containment);
        }
        if shared < self.config.min_shared_shingles
            || containment < self.config.link_containment
            || !self.same_facts(a, b, a_rare, b_doc.rare_anchors)
        {
            return None;
        }
        if containment >= self.config.verbatim_containment {
            return Some(containment);
        }
        if days_apart.is_some_and(|d| d > self.config.rewrite_window_days) {
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

    /// Whether two texts that share phrasing also share their names and
    /// figures. Template stories (bond issues, dividend notices, money
    /// market reports) share most of their wording and few of their facts;
    /// a copy, even re-edited, keeps the facts. Two tests: the anchor words
    /// overall, and the rare ones (not stock phrases), each skipped when
    /// one side has too few to judge by.
    fn same_facts(
        &self,
        a: &Fingerprint,
        b: &Fingerprint,
        a_rare: &Rarity<'_>,
        b_rare_anchors: usize,
    ) -> bool {
        let overall = a.anchor_count().min(b.anchor_count()) < self.config.min_anchors
            || a.anchor_containment(b) >= self.config.anchor_containment;
        let rare_smaller = a_rare.anchor_count.min(b_rare_anchors);
        let rare = rare_smaller < self.config.min_rare_anchors
            || a.shared_anchors_where(b, a_rare.anchors) as f64
                >= self.config.rare_anchor_containment * rare_smaller as f64;
        overall && rare
    }

    /// The same URL, or a canonical URL naming another document's URL.
    fn link_urls(&mut self, idx: u32, doc: &Document) {
        let canonical = doc.metadata.get("canonical_url").and_then(|v| v.as_str());
        let keys: Vec<String> = doc
            .url
            .as_deref()
            .into_iter()
            .chain(canonical)
            .filter_map(url_key)
            .collect();
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
        // Register this document for later arrivals.
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
        for (citing, cited) in found {
            self.connect(citing, cited, LinkKind::Named);
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
                self.merge_stories(idx, other);
            }
        }
    }

    fn connect(&mut self, a: u32, b: u32, kind: LinkKind) {
        self.docs[a as usize].links.push(Link { other: b, kind });
        self.docs[b as usize].links.push(Link { other: a, kind });
        self.lines.union(a, b);
        self.merge_stories(a, b);
    }

    fn merge_stories(&mut self, a: u32, b: u32) {
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
            .map(|r| (*self.stories.members(r).iter().min().unwrap_or(&r), r))
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
            id: format!("s_{}", members[0].1.doc_id),
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
