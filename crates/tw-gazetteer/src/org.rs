//! The organisation rule: a capitalised phrase ending in a head word
//! ("Construction Guidance Bureau", "Indian State Trading Corp") or headed by
//! one and continued by "of/for/on" and capitalised words ("Ministry of
//! External Economic Relations", "Central Bureau of Statistics").
//!
//! Country and place mentions inside the phrase are absorbed and give the
//! organisation its country ("Brazilian Coffee Institute" -> BR); a
//! possessive right before it does too ("North Korea's Ministry ..." -> KP),
//! and stays a mention of its own. A listed organisation right before the
//! phrase is extended ("Kyodo" + "News Agency"). The phrase needs one
//! capitalised word besides the head: "the Ministry" alone is no name.

use crate::matcher::Hit;
use crate::{Form, GeoKind, GeoMention, OrgType};

/// Capitalised words that start sentences or phrases but never belong to an
/// organisation's name.
const LEFT_STOP: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "Its",
    "It",
    "Their",
    "His",
    "Her",
    "Our",
    "In",
    "On",
    "At",
    "By",
    "For",
    "From",
    "To",
    "With",
    "And",
    "But",
    "Or",
    "As",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "Since",
    "Under",
    "Over",
    "Of",
    "According",
    "Both",
    "Other",
    "Some",
    "Many",
    "Most",
    "Each",
    "Every",
    "All",
    "Any",
    "No",
    "Said",
    "Says",
    "Yesterday",
    "Today",
    "Tomorrow",
    "Meanwhile",
    "However",
    "Also",
    "Last",
    "Next",
    "Earlier",
    "Later",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
];

/// Lowercase words that may join capitalised words inside a name.
const CONNECTORS: &[&str] = &["of", "for", "on", "and", "&"];

/// Connectors that may follow the head word itself.
const HEAD_CONNECTORS: &[&str] = &["of", "for", "on"];

fn is_token_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '\'' || c == '\u{2019}'
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && !LEFT_STOP.contains(&word)
}

/// The word that ends at `end` (after skipping spaces), as (start, word);
/// `None` at a line break, punctuation or the start of the text.
fn word_before(text: &str, end: usize) -> Option<(usize, &str)> {
    let before = &text[..end];
    let trimmed = before.trim_end_matches([' ', '\t']);
    if trimmed.len() == before.len() || trimmed.len() + 2 < before.len() {
        return None;
    }
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_token_char(*c))
        .last()
        .map(|(i, _)| i)?;
    Some((start, &trimmed[start..]))
}

/// The word that starts after `start` (after one or two spaces), as
/// (start, end).
fn word_after(text: &str, start: usize) -> Option<(usize, usize)> {
    let rest = &text[start..];
    let trimmed = rest.trim_start_matches([' ', '\t']);
    let skipped = rest.len() - trimmed.len();
    if skipped == 0 || skipped > 2 {
        return None;
    }
    let s = start + skipped;
    let len: usize = trimmed
        .chars()
        .take_while(|c| is_token_char(*c) || *c == '&')
        .map(char::len_utf8)
        .sum();
    (len > 0).then_some((s, s + len))
}

pub(crate) fn apply_rule(text: &str, hits: Vec<Hit>) -> Vec<GeoMention> {
    let mut out: Vec<GeoMention> = Vec::with_capacity(hits.len());
    // taken out one by one; heads stay for the look-ahead of the right side
    let mut hits: Vec<Option<Hit>> = hits.into_iter().map(Some).collect();
    let mut i = 0;
    while i < hits.len() {
        let Some(hit) = hits[i].take() else {
            i += 1;
            continue;
        };
        i += 1;
        if !hit.org_head {
            out.push(hit.mention);
            continue;
        }
        let head = &hit.mention;
        let mut org_type = head.org_type.unwrap_or(OrgType::Government);
        let mut code: Option<String> = None;
        let mut words = 0usize;

        // Left: capitalised words and absorbed mentions.
        let mut start = head.start;
        let mut keep = out.len(); // out[keep..] is absorbed
        loop {
            let before = text[..start].trim_end_matches([' ', '\t']);
            if before.len() == start || before.len() + 2 < start {
                break;
            }
            if let Some(last) = out[..keep].last() {
                if last.end == before.len() {
                    match (last.kind, last.form) {
                        (_, Form::Possessive) => break,
                        (GeoKind::Organisation, _) => {
                            org_type = last.org_type.unwrap_or(org_type);
                            code = code.or_else(|| last.code.clone());
                        }
                        // a company named after a place is not of its
                        // country ("Ciba-Geigy", "Santa Fe Corp")
                        (GeoKind::Place, _) if org_type == OrgType::Company => {}
                        _ => code = code.or_else(|| last.code.clone()),
                    }
                    start = last.start;
                    keep -= 1;
                    words += 1;
                    continue;
                }
                // "North Korea's Ministry": the possessive gives the country
                let stripped = before
                    .strip_suffix("'s")
                    .or_else(|| before.strip_suffix("\u{2019}s"));
                if last.form == Form::Possessive && stripped.map(str::len) == Some(last.end) {
                    code = code.or_else(|| last.code.clone());
                    break;
                }
            }
            let Some((ws, w)) = word_before(text, start) else {
                break;
            };
            if ws < out[..keep].last().map_or(0, |m| m.end) {
                break;
            }
            if is_capitalised(w) {
                start = ws;
                words += 1;
            } else if w == "and" || w == "&" {
                // "Trade and Industry Ministry": only between capitalised words
                let floor = out[..keep].last().map_or(0, |m| m.end);
                match word_before(text, ws) {
                    Some((ps, p)) if ps >= floor && is_capitalised(p) => {
                        start = ps;
                        words += 1;
                    }
                    _ => break,
                }
            } else {
                break;
            }
        }

        // Right: connector + capitalised words, repeatedly.
        let mut end = head.end;
        let mut next_hit = i;
        while let Some((cs, ce)) = word_after(text, end) {
            let conn = &text[cs..ce];
            // the head takes "of/for/on"; "and" only joins words inside that
            // phrase ("Ministry of Trade and Industry"), never two names
            let first = end == head.end;
            if !CONNECTORS.contains(&conn) || (first && !HEAD_CONNECTORS.contains(&conn)) {
                break;
            }
            let mut pos = ce;
            if HEAD_CONNECTORS.contains(&conn) {
                if let Some((ts, te)) = word_after(text, pos) {
                    if &text[ts..te] == "the" {
                        pos = te;
                    }
                }
            }
            let Some((ws, we)) = word_after(text, pos) else {
                break;
            };
            // a mention there (country, place) is absorbed whole
            if let Some(Some(next)) = hits
                .get(next_hit)
                .filter(|h| h.as_ref().is_some_and(|h| h.mention.start == ws))
            {
                let m = &next.mention;
                // "Ministry of Finance and Moscow": after "and" a mention
                // starts a new item of a list, not more of this name
                if m.kind == GeoKind::Organisation
                    || next.org_head
                    || !HEAD_CONNECTORS.contains(&conn)
                {
                    break;
                }
                if m.kind == GeoKind::Country || org_type != OrgType::Company {
                    code = code.or_else(|| m.code.clone());
                }
                end = m.end;
                next_hit += 1;
                words += 1;
                continue;
            }
            if !is_capitalised(&text[ws..we]) {
                break;
            }
            end = we;
            words += 1;
            // further capitalised words without a connector
            while let Some((ws, we)) = word_after(text, end) {
                if hits
                    .get(next_hit)
                    .and_then(Option::as_ref)
                    .is_some_and(|h| h.mention.start < we)
                {
                    break;
                }
                if !is_capitalised(&text[ws..we]) {
                    break;
                }
                end = we;
                words += 1;
            }
        }

        if words == 0 {
            continue;
        }
        // skip hits swallowed on the right
        i = next_hit;
        out.truncate(keep);
        let surface = &text[start..end];
        let name = surface.split_whitespace().collect::<Vec<_>>().join(" ");
        let form = if crate::matcher::possessive_after(text, end) {
            Form::Possessive
        } else {
            Form::Name
        };
        out.push(GeoMention {
            start,
            end,
            text: surface.to_string(),
            kind: GeoKind::Organisation,
            form,
            code,
            name,
            lat: None,
            lon: None,
            org_type: Some(org_type),
        });
    }
    out
}
