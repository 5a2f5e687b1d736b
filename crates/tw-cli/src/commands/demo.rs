//! `tradewatch demo`: the bundled example, end to end, in a fresh store.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use clap::Args;
use tw_ingest::IngestOptions;
use tw_store::{ClaimFilter, Store};

use crate::output::{self, Format};
use crate::pipeline;

/// The bundled example: a Daily NK report as scraped by a blog (see
/// examples/README.md).
const EXAMPLE: &str = include_str!("../../../../examples/daily-nk-trade-offices.txt");
const EXAMPLE_ID: &str = "seed-daily-nk-trade-offices";
const EXAMPLE_URL: &str =
    "https://frappler.blogspot.com/2022/11/north-korea-begins-preparations-to-open.html";

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Output format for the claims.
    #[arg(long, value_enum, default_value_t = crate::default_format())]
    format: Format,
}

pub fn run(db: Option<PathBuf>, args: DemoArgs) -> Result<ExitCode> {
    // A fresh store: the given path must not exist yet, else a temporary one.
    let dir = tempfile::tempdir()?;
    let path = match db {
        Some(p) if !p.exists() => p,
        _ => dir.path().join("demo.db"),
    };
    let mut store =
        Store::open(&path).with_context(|| format!("cannot create {}", path.display()))?;
    let input = dir.path().join("daily-nk-trade-offices.txt");
    std::fs::write(&input, EXAMPLE)?;
    let opts = IngestOptions {
        id: Some(EXAMPLE_ID.into()),
        url: Some(EXAMPLE_URL.into()),
        ..IngestOptions::default()
    };
    let summary = pipeline::ingest(&mut store, &[input], &opts, None, false)?;
    crate::corroborate::corroborate(&mut store)?;
    let doc = store
        .document(EXAMPLE_ID)?
        .context("the example was not stored")?;
    println!("{}", doc.title.as_deref().unwrap_or("(untitled)"));
    println!(
        "published {}",
        doc.published.as_ref().map_or("unknown", |p| p.iso.as_str())
    );
    println!("provenance: {}", doc.provenance.join(" → "));
    if let Some(note) = &doc.verification_note {
        println!("verification note: {note}");
    }
    println!();
    let claims = store.claims(&ClaimFilter {
        doc_id: Some(EXAMPLE_ID.into()),
        ..ClaimFilter::default()
    })?;
    output::write_claims(&mut std::io::stdout().lock(), &claims, args.format)?;
    eprintln!(
        "\n{} claims from 1 document; store: {} (try `tradewatch --db {} show {EXAMPLE_ID}`)",
        summary.claims,
        path.display(),
        path.display()
    );
    if path.starts_with(dir.path()) {
        eprintln!("(a temporary store, removed on exit; pass --db FILE to keep it)");
    }
    Ok(ExitCode::SUCCESS)
}
