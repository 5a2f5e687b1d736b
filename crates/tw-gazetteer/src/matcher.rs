//! The automaton pass: surface forms on word boundaries, case checks,
//! possessives, and the "City, Subdivision" reading of country names.

use aho_corasick::Input;

use crate::{Form, Gazetteer, GeoKind, GeoMention};

/// One accepted automaton match.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    pub mention: GeoMention,
    /// The head word of the organisation rule, not a mention by itself.
    pub org_head: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether the line around `start..end` has no lowercase letter: a headline
/// or an all-caps wire text, where "CHINA" means China.
struct CapsContext<'t> {
    text: &'t str,
    /// (line start, line end, all caps) of the last line looked at.
    last: Option<(usize, usize, bool)>,
}

impl<'t> CapsContext<'t> {
    fn is_caps(&mut self, start: usize, end: usize) -> bool {
        if let Some((s, e, caps)) = self.last {
            if s <= start && end <= e {
                return caps;
            }
        }
        let s = self.text[..start].rfind('\n').map_or(0, |i| i + 1);
        let e = self.text[end..]
            .find('\n')
            .map_or(self.text.len(), |i| end + i);
        let caps = !self.text[s..e].chars().any(char::is_lowercase);
        self.last = Some((s, e, caps));
        caps
    }
}

/// "'s" or "’s" right after `end`, then a word boundary.
pub(crate) fn possessive_after(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let after = rest
        .strip_prefix("'s")
        .or_else(|| rest.strip_prefix("\u{2019}s"));
    match after {
        Some(a) => !a.chars().next().is_some_and(is_word_char),
        None => false,
    }
}

/// Scan `flat` (the text with line breaks as spaces); `original` tells
/// headline lines apart.
pub(crate) fn scan(g: &Gazetteer, original: &str, flat: &str) -> Vec<Hit> {
    let text = flat;
    let mut hits: Vec<Hit> = Vec::new();
    let mut caps = CapsContext {
        text: original,
        last: None,
    };
    let mut pos = 0;
    while pos < text.len() {
        let Some(m) = g.automaton.find(Input::new(text).range(pos..text.len())) else {
            break;
        };
        let (start, end) = (m.start(), m.end());
        let (entry_id, caps_variant) = g.patterns[m.pattern().as_usize()];
        let e = &g.entries[entry_id as usize];
        let before_ok = !text[..start].chars().next_back().is_some_and(is_word_char);
        let after_ok = !text[end..].chars().next().is_some_and(is_word_char);
        let surface = &text[start..end];
        let accepted = before_ok
            && after_ok
            && if caps_variant {
                caps.is_caps(start, end)
            } else if !surface.chars().any(char::is_lowercase)
                && !matches!(e.kind, GeoKind::Country | GeoKind::Region)
                && e.form != Form::Capital
            {
                // an all-caps acronym of an organisation or place ("WHO",
                // "KCNA") in an all-caps line is as likely an ordinary word
                !caps.is_caps(start, end)
            } else {
                true
            };
        if !accepted {
            // try again from the next character: a shorter or later form
            // may still match (the automaton reports one match per start)
            pos = start + surface.chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let mut mention = GeoMention {
            start,
            end,
            text: surface.to_string(),
            kind: e.kind,
            form: e.form,
            code: e.code.as_deref().map(str::to_string),
            name: e.name.to_string(),
            lat: e.lat,
            lon: e.lon,
            org_type: e.org_type,
        };
        if !e.org_head && possessive_after(text, end) {
            mention.form = Form::Possessive;
        }
        if e.kind == GeoKind::Country {
            city_subdivision(g, text, &hits, &mut mention);
        }
        if e.kind == GeoKind::Place
            && mention.form != Form::Possessive
            && company_follows(g, text, end)
        {
            pos = end;
            continue;
        }
        hits.push(Hit {
            mention,
            org_head: e.org_head,
        });
        pos = end;
    }
    hits
}

/// "Atlanta, Georgia": a country name right after "<Place>, " is read as a
/// subdivision of the place's country when that country has one so named.
fn city_subdivision(g: &Gazetteer, text: &str, hits: &[Hit], m: &mut GeoMention) {
    let Some(prev) = hits.last() else { return };
    let p = &prev.mention;
    if p.kind != GeoKind::Place || text[p.end..m.start].trim() != "," {
        return;
    }
    let Some(cc) = p.code.as_deref() else { return };
    if m.code.as_deref() == Some(cc) || !g.has_subdivision(cc, &m.text) {
        return;
    }
    m.kind = GeoKind::Place;
    m.code = Some(cc.to_string());
    m.name = m.text.clone();
    m.lat = None;
    m.lon = None;
    if m.form != Form::Possessive {
        m.form = Form::Name;
    }
}

/// Whether a company word ("Bank", "Motor", "Corp") follows `end` after one
/// space: "Fuji Bank" names a company, not Fuji.
fn company_follows(g: &Gazetteer, text: &str, end: usize) -> bool {
    let Some(rest) = text[end..].strip_prefix(' ') else {
        return false;
    };
    let word_len = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    word_len > 0 && g.company_words.contains(&rest[..word_len])
}
