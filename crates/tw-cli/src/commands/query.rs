//! `tradewatch claims`, `documents` and `stats`.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{bail, Result};
use clap::Args;
use tw_model::{Certainty, ClaimKind, Status};
use tw_store::{ClaimFilter, Store};

use crate::output::{self, Format};

#[derive(Debug, Args)]
pub struct ClaimsArgs {
    /// Claim kind: trade_flow, presence, personnel, statement, sanctions_action, market, event.
    #[arg(long)]
    kind: Option<String>,
    /// ISO country code in any role (exporter, importer, actor, target, destination, places).
    #[arg(long)]
    country: Option<String>,
    /// Commodity: an HS code prefix (digits) or words.
    #[arg(long)]
    commodity: Option<String>,
    /// occurred, ongoing, planned, possible, negated.
    #[arg(long)]
    status: Option<String>,
    /// official, reported, anonymous, rumor, speculation, unattributed.
    #[arg(long)]
    certainty: Option<String>,
    /// Claims whose time overlaps from this ISO date on.
    #[arg(long)]
    from: Option<String>,
    /// Claims whose time overlaps up to this ISO date.
    #[arg(long)]
    to: Option<String>,
    /// Free text in the evidence.
    #[arg(long)]
    text: Option<String>,
    /// Claims of one document.
    #[arg(long)]
    doc: Option<String>,
    /// Claims flagged by this sanctions measure.
    #[arg(long)]
    measure: Option<String>,
    /// Claims corroborated by at least this many independent origins.
    #[arg(long)]
    min_origins: Option<usize>,
    /// At most this many.
    #[arg(long)]
    limit: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = crate::default_format())]
    format: Format,
}

impl ClaimsArgs {
    pub fn filter(&self) -> Result<ClaimFilter> {
        let kind = match &self.kind {
            Some(k) => {
                Some(ClaimKind::parse(k).ok_or_else(|| anyhow::anyhow!("unknown kind {k:?}"))?)
            }
            None => None,
        };
        let status = match &self.status {
            Some(s) => {
                Some(Status::parse(s).ok_or_else(|| anyhow::anyhow!("unknown status {s:?}"))?)
            }
            None => None,
        };
        let certainty = match &self.certainty {
            Some(c) => Some(
                Certainty::parse(c).ok_or_else(|| anyhow::anyhow!("unknown certainty {c:?}"))?,
            ),
            None => None,
        };
        Ok(ClaimFilter {
            kind,
            country: self.country.as_ref().map(|c| c.to_ascii_uppercase()),
            commodity: self.commodity.clone(),
            status,
            certainty,
            time_from: self.from.clone(),
            time_to: self.to.clone(),
            text: self.text.clone(),
            doc_id: self.doc.clone(),
            measure: self.measure.clone(),
            min_origins: self.min_origins,
            limit: self.limit,
        })
    }
}

pub fn claims(store: &Store, args: ClaimsArgs) -> Result<ExitCode> {
    let claims = store.claims(&args.filter()?)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        Format::Jsonl | Format::Json => {
            let records = output::claim_records(store, &claims)?;
            if args.format == Format::Jsonl {
                for r in records {
                    writeln!(out, "{}", serde_json::to_string(&r)?)?;
                }
            } else {
                writeln!(out, "{}", serde_json::to_string_pretty(&records)?)?;
            }
        }
        _ => output::write_claims(&mut out, &claims, args.format)?,
    }
    if args.format == Format::Table {
        writeln!(out, "\n{} claims", claims.len())?;
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, Args)]
pub struct DocumentsArgs {
    /// At most this many.
    #[arg(long)]
    limit: Option<usize>,
    /// Output format (table, json, jsonl).
    #[arg(long, value_enum, default_value_t = crate::default_format())]
    format: Format,
}

pub fn documents(store: &Store, args: DocumentsArgs) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        Format::Jsonl => {
            let mut n = 0;
            store.for_each_document(|doc| {
                if args.limit.is_none_or(|l| n < l) {
                    let line =
                        serde_json::to_string(&output::document_record(&doc)).expect("serialise");
                    let _ = writeln!(out, "{line}");
                }
                n += 1;
                Ok(())
            })?;
        }
        Format::Json => {
            let docs = store.documents(args.limit)?;
            let all: Vec<_> = docs.iter().map(output::document_record).collect();
            writeln!(out, "{}", serde_json::to_string_pretty(&all)?)?;
        }
        Format::Csv => bail!("documents are not written as CSV; use --format jsonl"),
        Format::Table => {
            let docs = store.documents(args.limit)?;
            let rows: Vec<[String; 5]> = docs
                .iter()
                .map(|d| {
                    [
                        d.id.clone(),
                        d.published
                            .as_ref()
                            .map(|p| p.iso.clone())
                            .unwrap_or_else(|| "-".into()),
                        d.source.clone().unwrap_or_else(|| "-".into()),
                        d.provenance.join(" → "),
                        d.title
                            .clone()
                            .unwrap_or_default()
                            .chars()
                            .take(60)
                            .collect(),
                    ]
                })
                .collect();
            output::write_table(
                &mut out,
                &["id", "published", "source", "provenance", "title"],
                &rows,
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn stats(store: &Store) -> Result<ExitCode> {
    let stats = store.stats()?;
    println!("{stats:#?}");
    println!(
        "integrity: {}",
        if store.integrity_check()? {
            "ok"
        } else {
            "FAILED"
        }
    );
    let log = store.ingest_log(20)?;
    if !log.is_empty() {
        println!("\nrecent skipped or duplicate items:");
        for e in log {
            println!("  {e:?}");
        }
    }
    Ok(ExitCode::SUCCESS)
}
