//! Cleaning: from an extracted body to the clean text that evidence offsets
//! point into, plus what the body says about itself (headline, provenance,
//! verification note). Pure functions; the rules are general and live in
//! `data/*.toml` so an analyst can extend them.
//!
//! Order: drop a wire sign-off → normalise characters → drop furniture
//! lines (scraped input only) → find the headline → drop repeats of it →
//! read and remove editorial notes at the edges → collapse blank lines.

mod boilerplate;
mod normalise;
pub(crate) mod provenance;
mod sentences;
mod title;

pub(crate) use boilerplate::is_boilerplate;
pub(crate) use normalise::normalise;

use std::borrow::Cow;

use provenance::{outlet_key, Note, Role};

/// How much cleaning the input needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Scraped pages and text files: page furniture is removed, each line is
    /// a paragraph of its own.
    Scraped,
    /// Text that is already clean (JSON Lines, wire copy): lines may be hard
    /// wraps inside a paragraph, and only the sign-off, a repeated headline
    /// and editorial notes are removed.
    Wire,
}

/// The outcome of cleaning one body.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Cleaned {
    /// Clean text: paragraphs separated by a blank line.
    pub text: String,
    /// Headline found at the top of a plain-text body (none when the caller
    /// already knew the title).
    pub title: Option<String>,
    /// Provenance and verification notes found and removed.
    pub notes: Notes,
}

/// Editorial notes read from a body.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Notes {
    origins: Vec<String>,
    vias: Vec<String>,
    footers: Vec<String>,
    verifier: Option<String>,
    /// The sentence saying the publisher could not verify the story.
    pub verification_note: Option<String>,
}

impl Notes {
    fn add(&mut self, note: Note, sentence: &str) {
        match note {
            Note::Outlet(Role::Origin, name) => self.origins.push(name),
            Note::Outlet(Role::Via, name) => self.vias.push(name),
            Note::Outlet(Role::Footer, name) => self.footers.push(name),
            Note::Unverified { verifier } => {
                if self.verification_note.is_none() {
                    self.verification_note = Some(sentence.to_string());
                }
                if self.verifier.is_none() {
                    self.verifier = verifier;
                }
            }
        }
    }

    /// The chain of outlets, origin first: where it first appeared, the
    /// outlet that vouches (or not) for it, outlets it was republished from,
    /// credited sources, then `this_copy` (the outlet of the copy ingested).
    /// Each outlet appears once (compared ignoring case, spacing and "The").
    pub(crate) fn chain(&self, this_copy: Option<&str>) -> Vec<String> {
        let mut chain: Vec<String> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let candidates = self
            .origins
            .iter()
            .chain(&self.verifier)
            .chain(&self.vias)
            .chain(&self.footers)
            .map(String::as_str)
            .chain(this_copy);
        for name in candidates {
            if seen.insert(outlet_key(name)) {
                chain.push(name.to_string());
            }
        }
        chain
    }
}

/// Lines at the top and bottom of a body where editorial notes are read.
const LEADING_NOTE_LINES: usize = 2;
const TRAILING_NOTE_LINES: usize = 3;

/// Clean `body`. `known_title` is the headline from the input's metadata,
/// if any; without one, a headline is looked for at the top (scraped mode).
pub(crate) fn clean(body: &str, mode: Mode, known_title: Option<&str>) -> Cleaned {
    let normalised = normalise(boilerplate::strip_wire_signatures(body));
    // Lines borrow from the normalised text; a line that loses a note is
    // rebuilt.
    let mut lines: Vec<Cow<'_, str>> = normalised.split('\n').map(Cow::Borrowed).collect();
    let mut dropped = vec![false; lines.len()];
    let content = |lines: &[Cow<'_, str>], dropped: &[bool]| -> Vec<usize> {
        (0..lines.len())
            .filter(|&i| !dropped[i] && !lines[i].is_empty())
            .collect()
    };

    if mode == Mode::Scraped {
        for (line, drop) in lines.iter().zip(dropped.iter_mut()) {
            *drop = is_boilerplate(line);
        }
    }

    let mut detected_title = None;
    if mode == Mode::Scraped && known_title.is_none() {
        if let Some(&first) = content(&lines, &dropped).first() {
            let candidate = &lines[first];
            let key = title::title_key(candidate);
            let followed_by_blank = lines.get(first + 1).is_none_or(|l| l.is_empty());
            let repeated = lines
                .iter()
                .skip(first + 1)
                .any(|line| title::title_key(line) == key);
            if title::looks_like_headline(candidate) && (followed_by_blank || repeated) {
                detected_title = Some(candidate.to_string());
                dropped[first] = true;
            }
        }
    }

    // A headline repeated in the body (at the top, or after the story as
    // scrapers often leave it) is not prose.
    if let Some(title) = detected_title.as_deref().or(known_title) {
        let key = title::title_key(title);
        if !key.is_empty() {
            let indices = content(&lines, &dropped);
            let candidates: Vec<usize> = match mode {
                Mode::Scraped => indices,
                // In wire copy only a paragraph of its own at the top or
                // bottom: a hard-wrapped first line may read like the
                // headline and still be the start of a sentence.
                Mode::Wire => {
                    let blank = |i: Option<usize>| {
                        i.and_then(|i| lines.get(i)).is_none_or(|l| l.is_empty())
                    };
                    indices
                        .first()
                        .into_iter()
                        .chain(indices.last())
                        .copied()
                        .filter(|&i| blank(i.checked_sub(1)) && blank(Some(i + 1)))
                        .collect()
                }
            };
            for i in candidates {
                if title::title_key(&lines[i]) == key {
                    dropped[i] = true;
                }
            }
        }
    }

    let mut notes = Notes::default();
    let indices = content(&lines, &dropped);
    let tail_start = indices.len().saturating_sub(TRAILING_NOTE_LINES);
    let edges: Vec<usize> = indices
        .iter()
        .enumerate()
        .filter(|(n, _)| *n < LEADING_NOTE_LINES || *n >= tail_start)
        .map(|(_, &i)| i)
        .collect();
    for i in edges {
        if let Some(note) = provenance::line_note(&lines[i]) {
            notes.add(note, &lines[i]);
            dropped[i] = true;
            continue;
        }
        // In wire copy a line that continues a paragraph starts mid-sentence.
        let continues_paragraph = mode == Mode::Wire && i > 0 && !lines[i - 1].is_empty();
        let line = &lines[i];
        let ranges = sentences::sentence_ranges(line);
        let mut kept: Vec<&str> = Vec::with_capacity(ranges.len());
        let mut removed_any = false;
        for (n, range) in ranges.into_iter().enumerate() {
            let sentence = &line[range];
            let note = if n == 0 && continues_paragraph {
                None
            } else {
                provenance::sentence_note(sentence)
            };
            match note {
                Some(note) => {
                    notes.add(note, sentence);
                    removed_any = true;
                }
                None => kept.push(sentence),
            }
        }
        if removed_any {
            let rebuilt = kept.join(" ");
            if rebuilt.is_empty() {
                dropped[i] = true;
            }
            lines[i] = Cow::Owned(rebuilt);
        }
    }

    let text = normalise::join_paragraphs(
        lines
            .iter()
            .zip(&dropped)
            .filter(|(_, drop)| !**drop)
            .map(|(line, _)| line.as_ref()),
    );
    Cleaned {
        text,
        title: detected_title,
        notes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_a_scraped_blog_copy() {
        let body = "Ads Widget\n\nGrain Deal Signed In Cairo\n\nEgypt bought wheat.\n\nSubscribe to our newsletter\n\nIt will ship in May.\n\nThis story was originally published by Grain Central. We could not independently verify the report.\n\nGrain Deal Signed In Cairo\nSource: Farm Wire Blog\n\n3 Comments";
        let cleaned = clean(body, Mode::Scraped, None);
        assert_eq!(cleaned.text, "Egypt bought wheat.\n\nIt will ship in May.");
        assert_eq!(cleaned.title.as_deref(), Some("Grain Deal Signed In Cairo"));
        assert_eq!(
            cleaned.notes.verification_note.as_deref(),
            Some("We could not independently verify the report.")
        );
        assert_eq!(
            cleaned.notes.chain(Some("Farmwire")),
            ["Grain Central", "Farm Wire Blog", "Farmwire"]
        );
    }

    #[test]
    fn keeps_a_note_like_sentence_in_the_middle() {
        let body = "First paragraph.\n\nSecond paragraph.\n\nThe report first appeared in state media. More text.\n\nFourth.\n\nFifth.\n\nSixth.";
        let cleaned = clean(body, Mode::Scraped, Some("Unrelated"));
        assert!(cleaned
            .text
            .contains("The report first appeared in state media."));
        assert_eq!(cleaned.notes, Notes::default());
    }

    #[test]
    fn wire_copy_keeps_its_lines_and_loses_the_sign_off() {
        let body =
            "Showers continued in\nthe Bahia zone.\n    The dry period means delays.\n Reuter\n";
        let cleaned = clean(body, Mode::Wire, Some("BAHIA COCOA REVIEW"));
        assert_eq!(
            cleaned.text,
            "Showers continued in\nthe Bahia zone.\n\nThe dry period means delays."
        );
        // A hard-wrapped first line that reads like the headline stays.
        let cleaned = clean(
            "Final 1986 cotton crop\ntotaled 9 mln bales.",
            Mode::Wire,
            Some("FINAL 1986 COTTON CROP"),
        );
        assert_eq!(cleaned.text, "Final 1986 cotton crop\ntotaled 9 mln bales.");
        let cleaned = clean(
            "FINAL 1986 COTTON CROP\n\nIt totaled 9 mln bales.",
            Mode::Wire,
            Some("Final 1986 cotton crop"),
        );
        assert_eq!(cleaned.text, "It totaled 9 mln bales.");
        // Wire mode never drops furniture-like lines.
        let cleaned = clean("Advertisement\nrates rose.", Mode::Wire, None);
        assert_eq!(cleaned.text, "Advertisement\nrates rose.");
    }

    #[test]
    fn headline_needs_a_break_or_a_repeat() {
        let cleaned = clean(
            "Wheat Deal Signed\nEgypt bought wheat.",
            Mode::Scraped,
            None,
        );
        assert_eq!(cleaned.title, None);
        assert_eq!(cleaned.text, "Wheat Deal Signed\nEgypt bought wheat.");
    }

    #[test]
    fn chain_dedupes_spellings() {
        let mut notes = Notes::default();
        notes.add(Note::Outlet(Role::Origin, "Daily NK".into()), "");
        notes.add(
            Note::Unverified {
                verifier: Some("The Diplomat".into()),
            },
            "x",
        );
        notes.add(Note::Outlet(Role::Footer, "Diplomat".into()), "");
        assert_eq!(notes.chain(Some("daily nk")), ["Daily NK", "The Diplomat"]);
        assert_eq!(Notes::default().chain(None), Vec::<String>::new());
    }
}
