//! Statistics tables in wire copy: a header sentence that names the source,
//! the unit and the seasons, then one row per commodity or per trade item.
//!
//! ```text
//! Argentine grain board figures show crop registrations ... in thousands
//! of tonnes, showing ... 1986/87 total and 1985/86 total ..., in brackets:
//!     Bread wheat prev 1,655.8, Feb 872.0, March 164.6, total 2,692.4 (4,161.0).
//! ```
//! ```text
//! The U.S. Agriculture Department detailed rice supply/demand data for
//! Thailand ... in mln tonnes --
//!         1986/87            1985/86
//!  Exports      3.70   3.70       4.34   4.34
//! ```
//!
//! A row gives a flow when its label is goods (the header's trade word
//! decides the direction) or a trade word (the header's goods are the
//! goods). The value of a season is the number after "total" (the first
//! season; the bracketed one is the previous season) or, in column tables,
//! the first number of the season's block of columns. Rows of nil are no
//! flow. The country is the header's; the certainty its attribution's.

use tw_model::{Claim, ClaimKind, Commodity, Quantity, Status};

use super::{country_of, Context, Frame};
use crate::cues::Direction;
use crate::mentions::{Kind, M};

pub(crate) struct TableFrame;

/// A table header: what the rows are about.
struct Header {
    sentence: usize,
    scale: f64,
    unit: &'static str,
    seasons: Vec<String>,
    country: Option<String>,
    direction: Direction,
    goods: Option<(String, Option<String>)>,
    estimate: bool,
    /// Rows name the crop a by-product comes from ("SUBPRODUCTS: Soybean"
    /// means soybean meal).
    byproducts: bool,
}

/// Headings that open a section of by-products.
const BYPRODUCT_WORDS: &[&str] = &["subproduct", "by-product", "byproduct", "meals", "pellets"];

/// The by-product of a crop named in a by-product section: the first of
/// "<crop> meal", "<crop> bran", "<crop> cake" that the lexicon knows.
fn byproduct(crop: &str) -> Option<Option<String>> {
    ["meal", "bran", "cake"].iter().find_map(|suffix| {
        let phrase = format!("{crop} {suffix}");
        tw_goods::Lexicon::global()
            .find(&phrase)
            .into_iter()
            .find(|m| m.start == 0 && m.end == phrase.len())
            .map(|m| m.hs)
    })
}

impl Frame for TableFrame {
    fn run(&self, ctx: &Context, claimed: &mut [bool]) -> Vec<Claim> {
        let mut claims = Vec::new();
        let mut header: Option<Header> = None;
        for i in 0..ctx.sentences.len() {
            let sent = ctx.sentence_text(i);
            if let Some(h) = parse_header(ctx, i) {
                header = Some(h);
                claimed[i] = true;
                continue;
            }
            let Some(h) = header.as_mut() else { continue };
            // Sub-headings inside a table may change the direction
            // ("Oilseed export registrations were:").
            let lower = sent.to_ascii_lowercase();
            if lower.trim_end().ends_with(':')
                || lower.trim_end().ends_with(',') && numbers(sent).is_empty()
            {
                if lower.contains("export") {
                    h.direction = Direction::Export;
                } else if lower.contains("import") {
                    h.direction = Direction::Import;
                }
                h.byproducts = BYPRODUCT_WORDS.iter().any(|w| lower.contains(w));
                claimed[i] = true;
                continue;
            }
            if i > h.sentence + 30 {
                header = None;
                continue;
            }
            if let Some(found) = row(ctx, i, h) {
                claimed[i] = true;
                claims.extend(found);
            }
        }
        claims
    }
}

/// A sentence that introduces a table: a unit with a scale and at least
/// one season or year label, with the rows on the lines after it.
fn parse_header(ctx: &Context, i: usize) -> Option<Header> {
    let sent = ctx.sentence_text(i);
    let lower = sent.to_ascii_lowercase();
    let (scale, unit) = if lower.contains("in thousands of tonnes")
        || lower.contains("in thousand tonnes")
        || lower.contains("(000 tonnes)")
    {
        (1_000.0, "t")
    } else if lower.contains("in mln tonnes")
        || lower.contains("in million tonnes")
        || lower.contains("in millions of tonnes")
    {
        (1_000_000.0, "t")
    } else {
        return None;
    };
    let s = ctx.sentences[i];
    let mentions: Vec<&M> = ctx.mentions.within(s.start, s.end).collect();
    let mut seasons: Vec<String> = Vec::new();
    let header_end = ctx
        .sentences
        .get(i + 1)
        .map_or(ctx.sentences[i].end, |s| s.end);
    for m in ctx.mentions.within(ctx.sentences[i].start, header_end) {
        if let Kind::Time { value: Some(v), .. } = &m.kind {
            if v.len() == 9 && v.as_bytes()[4] == b'/' && !seasons.contains(v) {
                seasons.push(v.clone());
            }
        }
    }
    // Column headers on the line after ("1986/87   1985/86").
    if seasons.is_empty() {
        return None;
    }
    let country = mentions.iter().find_map(|m| match &m.kind {
        Kind::Country { .. } => country_of(m),
        _ => None,
    });
    let goods = mentions.iter().find_map(|m| match &m.kind {
        Kind::Commodity { hs, .. } => Some((m.text.clone(), hs.clone())),
        _ => None,
    });
    let direction = if lower.contains("import") {
        Direction::Import
    } else {
        Direction::Export
    };
    let estimate = [
        "estimate",
        "forecast",
        "projected",
        "supply/demand",
        "outlook",
        "data",
    ]
    .iter()
    .any(|w| lower.contains(w));
    let byproducts = BYPRODUCT_WORDS.iter().any(|w| lower.contains(w));
    Some(Header {
        sentence: i,
        scale,
        unit,
        seasons,
        country,
        direction,
        goods,
        estimate,
        byproducts,
    })
}

/// Numbers in a row with their byte offsets, skipping those inside words.
fn numbers(row: &str) -> Vec<(usize, f64)> {
    let mut out = Vec::new();
    let bytes = row.as_bytes();
    let mut k = 0;
    while k < bytes.len() {
        if bytes[k].is_ascii_digit() && (k == 0 || !bytes[k - 1].is_ascii_alphanumeric()) {
            let start = k;
            while k < bytes.len()
                && (bytes[k].is_ascii_digit() || bytes[k] == b',' || bytes[k] == b'.')
            {
                k += 1;
            }
            let raw = row[start..k].trim_end_matches(['.', ',']).replace(',', "");
            if let Ok(v) = raw.parse::<f64>() {
                out.push((start, v));
            }
        } else {
            k += 1;
        }
    }
    out
}

fn row(ctx: &Context, i: usize, h: &Header) -> Option<Vec<Claim>> {
    let s = ctx.sentences[i];
    let sent = ctx.sentence_text(i);
    let mentions: Vec<&M> = ctx.mentions.within(s.start, s.end).collect();
    // The label: goods at the start of the row, or a trade word.
    let first_word_end = sent
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(sent.len());
    let label = &sent[..first_word_end];
    let label_goods = mentions.iter().find(|m| {
        m.start < s.start + first_word_end
            && matches!(m.kind, Kind::Commodity { .. })
            && ctx.text[s.start..m.start].split_whitespace().count() <= 1
            && ctx.text[s.start..m.start]
                .chars()
                .all(|c| c.is_alphabetic() || c.is_whitespace())
    });
    let lower_label = label.to_ascii_lowercase();
    let (goods, direction) = match label_goods {
        Some(m) => {
            let hs = match &m.kind {
                Kind::Commodity { hs, .. } => hs.clone(),
                _ => None,
            };
            let hs = if h.byproducts {
                byproduct(&m.text.to_ascii_lowercase()).unwrap_or(hs)
            } else {
                hs
            };
            ((m.text.clone(), hs), h.direction)
        }
        None if lower_label.trim_start().starts_with("exports") => {
            (h.goods.clone()?, Direction::Export)
        }
        None if lower_label.trim_start().starts_with("imports") => {
            (h.goods.clone()?, Direction::Import)
        }
        None => return None,
    };
    let nums = numbers(sent);
    if nums.is_empty() {
        return None;
    }
    let lower = sent.to_ascii_lowercase();
    // (season, value) pairs.
    let mut values: Vec<(String, f64)> = Vec::new();
    if let Some(p) = lower.find("total") {
        let after = nums.iter().find(|(o, _)| *o > p)?;
        values.push((h.seasons[0].clone(), after.1));
    } else {
        let per = nums.len() / h.seasons.len();
        if per == 0 || !nums.len().is_multiple_of(h.seasons.len()) {
            return None;
        }
        for (k, season) in h.seasons.iter().enumerate() {
            values.push((season.clone(), nums[k * per].1));
        }
    }
    let anchor = ctx.doc.anchor().map(|a| a.date_part().to_string());
    let mut out = Vec::new();
    for (season, value) in values {
        if value == 0.0 {
            continue;
        }
        let mut claim = ctx.claim(ClaimKind::TradeFlow, i, s.start);
        // The header's attribution vouches for the table.
        let header_attribution = &ctx.attributions[h.sentence];
        claim.certainty = header_attribution.certainty;
        claim.source.clone_from(&header_attribution.source);
        match direction {
            Direction::Export => claim.exporter.clone_from(&h.country),
            Direction::Import => claim.importer.clone_from(&h.country),
        }
        if claim.exporter.is_none() && claim.importer.is_none() {
            return None;
        }
        claim.commodities.push(Commodity {
            text: goods.0.clone(),
            hs: goods.1.clone(),
        });
        claim.quantity = Some(Quantity {
            value: (value * h.scale).round(),
            unit: h.unit.to_string(),
        });
        let in_progress = anchor.as_deref().is_some_and(|a| {
            let end_year: i32 = season[5..].parse().unwrap_or(0);
            let a_year: i32 = a[..4].parse().unwrap_or(0);
            a_year <= end_year
        });
        claim.status = if h.estimate && in_progress {
            Status::Possible
        } else {
            Status::Occurred
        };
        claim.time = Some(season.clone());
        let hs_ev = ctx.sentences[h.sentence];
        claim
            .evidence
            .insert(0, ctx.evidence(hs_ev.start, hs_ev.end));
        out.push(claim);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::numbers;

    #[test]
    fn byproducts_of_crops() {
        assert_eq!(super::byproduct("soybean"), Some(Some("2304".to_string())));
        assert_eq!(super::byproduct("wheat"), Some(Some("2302".to_string())));
        assert_eq!(super::byproduct("gasoline"), None);
    }

    #[test]
    fn row_numbers_with_separators() {
        let n: Vec<f64> = numbers("Bread wheat prev 1,655.8, Feb 872.0, total 2,692.4 (4,161.0).")
            .into_iter()
            .map(|(_, v)| v)
            .collect();
        assert_eq!(n, vec![1655.8, 872.0, 2692.4, 4161.0]);
        assert!(numbers("Maize nil (nil)").is_empty());
    }
}
