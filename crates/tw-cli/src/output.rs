//! Output formats: tables for people, JSON Lines and CSV for pipes.

use std::io::Write;

use anyhow::Result;
use clap::ValueEnum;
use serde_json::{json, Value};
use tw_model::{Claim, Document};

/// How to print records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns for a terminal.
    Table,
    /// One JSON array.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// RFC 4180 CSV, guarded against formula injection.
    Csv,
}

/// The SPEC export record of a claim.
pub fn claim_record(claim: &Claim) -> Value {
    serde_json::to_value(claim).expect("claims serialise")
}

/// SPEC export records with corroboration: `group` and
/// `independent_origins` (1 for a claim no other report repeats).
pub fn claim_records(store: &tw_store::Store, claims: &[Claim]) -> anyhow::Result<Vec<Value>> {
    let mut out = Vec::with_capacity(claims.len());
    for claim in claims {
        let mut record = claim_record(claim);
        let group = store.group_row(&claim.id)?;
        record["group"] = group
            .as_ref()
            .map_or(Value::Null, |g| Value::String(g.group_id.clone()));
        record["independent_origins"] = json!(group.as_ref().map_or(1, |g| g.independent_origins));
        if let Some(g) = group {
            record["variants"] = serde_json::from_str(&g.variants).unwrap_or(Value::Null);
        }
        out.push(record);
    }
    Ok(out)
}

/// The SPEC export record of a document.
pub fn document_record(doc: &Document) -> Value {
    json!({
        "id": doc.id,
        "url": doc.url,
        "source": doc.source,
        "published": doc.published.as_ref().map(|p| p.iso.clone()),
        "published_precision": doc.published.as_ref().map(|p| p.precision),
        "title": doc.title,
        "text": doc.text,
        "provenance": doc.provenance,
        "verification_note": doc.verification_note,
        "metadata": doc.metadata,
    })
}

fn commodities(claim: &Claim) -> String {
    claim
        .commodities
        .iter()
        .map(|c| match &c.hs {
            Some(hs) => format!("{} ({hs})", c.text),
            None => c.text.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn parties(claim: &Claim) -> String {
    match claim.kind {
        tw_model::ClaimKind::TradeFlow => format!(
            "{} → {}",
            claim.exporter.as_deref().unwrap_or("?"),
            claim.importer.as_deref().unwrap_or("?")
        ),
        _ => {
            let mut s = claim.actor.clone().unwrap_or_default();
            if let Some(d) = claim.destination.as_ref().or(claim.target.as_ref()) {
                s = format!("{s} → {d}");
            }
            if !claim.places.is_empty() {
                s = format!("{s} [{}]", claim.places.join(", "));
            }
            s
        }
    }
}

fn quantity(claim: &Claim) -> String {
    let mut parts = Vec::new();
    if let Some(q) = &claim.quantity {
        parts.push(format!("{} {}", q.value, q.unit));
    }
    if let Some(v) = &claim.value {
        parts.push(format!("{} {}", v.amount, v.currency));
    }
    parts.join(", ")
}

fn flags(claim: &Claim) -> String {
    claim
        .sanctions
        .iter()
        .map(|f| {
            if f.ambiguous {
                format!("{}?", f.measure)
            } else {
                f.measure.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A CSV cell that a spreadsheet will not run as a formula.
pub fn csv_safe(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\0']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

fn truncate(s: &str, n: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= n {
        s
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}

/// Print claims in `format`.
pub fn write_claims(out: &mut dyn Write, claims: &[Claim], format: Format) -> Result<()> {
    match format {
        Format::Jsonl => {
            for c in claims {
                writeln!(out, "{}", serde_json::to_string(&claim_record(c))?)?;
            }
        }
        Format::Json => {
            let all: Vec<Value> = claims.iter().map(claim_record).collect();
            writeln!(out, "{}", serde_json::to_string_pretty(&all)?)?;
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record([
                "id",
                "doc_id",
                "kind",
                "exporter",
                "importer",
                "actor",
                "commodities",
                "quantity",
                "value",
                "time",
                "time_text",
                "status",
                "certainty",
                "unverified",
                "source",
                "sanctions",
                "evidence",
            ])?;
            for c in claims {
                let row = [
                    c.id.clone(),
                    c.doc_id.clone(),
                    c.kind.as_str().to_string(),
                    c.exporter.clone().unwrap_or_default(),
                    c.importer.clone().unwrap_or_default(),
                    c.actor.clone().unwrap_or_default(),
                    commodities(c),
                    c.quantity
                        .as_ref()
                        .map(|q| format!("{} {}", q.value, q.unit))
                        .unwrap_or_default(),
                    c.value
                        .as_ref()
                        .map(|v| format!("{} {}", v.amount, v.currency))
                        .unwrap_or_default(),
                    c.time.clone().unwrap_or_default(),
                    c.time_text.clone().unwrap_or_default(),
                    c.status.as_str().to_string(),
                    c.certainty.as_str().to_string(),
                    c.unverified.to_string(),
                    c.source.clone().unwrap_or_default(),
                    flags(c),
                    c.evidence
                        .iter()
                        .map(|e| e.text.clone())
                        .collect::<Vec<_>>()
                        .join(" … "),
                ];
                w.write_record(row.iter().map(|cell| csv_safe(cell)))?;
            }
            w.flush()?;
        }
        Format::Table => {
            let header = [
                "kind",
                "parties",
                "commodities",
                "amount",
                "time",
                "status",
                "certainty",
                "source",
                "flags",
                "evidence",
            ];
            let rows: Vec<[String; 10]> = claims
                .iter()
                .map(|c| {
                    [
                        c.kind.as_str().to_string(),
                        parties(c),
                        truncate(&commodities(c), 40),
                        quantity(c),
                        c.time.clone().unwrap_or_else(|| "-".into()),
                        c.status.as_str().to_string(),
                        c.certainty.as_str().to_string() + if c.unverified { "*" } else { "" },
                        truncate(c.source.as_deref().unwrap_or("-"), 28),
                        flags(c),
                        truncate(
                            &c.evidence
                                .first()
                                .map(|e| e.text.clone())
                                .unwrap_or_default(),
                            60,
                        ),
                    ]
                })
                .collect();
            write_table(out, &header, &rows)?;
            if claims.iter().any(|c| c.unverified) {
                writeln!(
                    out,
                    "\n* unverified: the publisher says it could not verify this"
                )?;
            }
        }
    }
    Ok(())
}

/// Aligned columns.
pub fn write_table<const N: usize>(
    out: &mut dyn Write,
    header: &[&str; N],
    rows: &[[String; N]],
) -> Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (k, cell) in r.iter().enumerate() {
            widths[k] = widths[k].max(cell.chars().count());
        }
    }
    let line = |cells: Vec<&str>| -> String {
        cells
            .iter()
            .enumerate()
            .map(|(k, c)| format!("{c:<w$}", w = widths[k]))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    writeln!(out, "{}", line(header.to_vec()))?;
    for r in rows {
        writeln!(out, "{}", line(r.iter().map(String::as_str).collect()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_cannot_start_formulas() {
        assert_eq!(csv_safe("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(csv_safe("-2+3"), "'-2+3");
        assert_eq!(csv_safe("@SUM"), "'@SUM");
        assert_eq!(csv_safe("wheat"), "wheat");
    }
}
