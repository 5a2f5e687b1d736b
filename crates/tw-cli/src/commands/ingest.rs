//! `tradewatch ingest PATH...`

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Result};
use clap::Args;
use tw_ingest::IngestOptions;
use tw_store::Store;

use crate::pipeline;

#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Files or directories (searched recursively): .txt, .html, .jsonl.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Document id (when the input holds one document).
    #[arg(long)]
    id: Option<String>,
    /// The document's URL (its path may give the publication date).
    #[arg(long)]
    url: Option<String>,
    /// Publication date, ISO 8601 at its precision (2022, 2022-11, 2022-11-04).
    #[arg(long)]
    published: Option<String>,
    /// The outlet that published it.
    #[arg(long)]
    source: Option<String>,
    /// Largest input file to read, in MiB.
    #[arg(long, default_value_t = 20)]
    max_mib: u64,
    /// No progress bar.
    #[arg(long, short)]
    quiet: bool,
}

impl IngestArgs {
    pub fn options(&self) -> Result<IngestOptions> {
        if let Some(p) = &self.published {
            if tw_model::PublishedDate::parse(p).is_none() {
                bail!("--published {p:?} is not an ISO 8601 date (2022, 2022-11, 2022-11-04)");
            }
        }
        Ok(IngestOptions {
            id: self.id.clone(),
            url: self.url.clone(),
            published: self.published.clone(),
            source: self.source.clone(),
            max_bytes: self.max_mib * 1024 * 1024,
        })
    }
}

pub fn run(store: &mut Store, args: IngestArgs) -> Result<ExitCode> {
    for p in &args.paths {
        if !p.exists() {
            bail!("{} does not exist", p.display());
        }
    }
    let opts = args.options()?;
    let progress = !args.quiet && std::io::stderr().is_terminal();
    let started = std::time::Instant::now();
    let summary = pipeline::ingest(store, &args.paths, &opts, None, progress)?;
    for (origin, reason) in summary.skipped_reasons.iter().take(50) {
        eprintln!("skipped {origin}: {reason}");
    }
    if summary.skipped_reasons.len() > 50 {
        eprintln!(
            "... and {} more skipped (see `tradewatch stats`)",
            summary.skipped_reasons.len() - 50
        );
    }
    let ingested = started.elapsed();
    // Stories and groups change only when a document was stored.
    if summary.stored > 0 {
        let corroboration = crate::corroborate::corroborate(store)?;
        tracing::info!(
            ingest_s = ingested.as_secs_f64(),
            corroborate_s = (started.elapsed() - ingested).as_secs_f64(),
            "timings"
        );
        eprintln!(
            "{} stories, {} claim groups ({} corroborated by more than one origin)",
            corroboration.stories, corroboration.groups, corroboration.corroborated
        );
    }
    eprintln!(
        "ingested {} documents ({} claims), {} duplicates unchanged, {} skipped, in {:.2} s",
        summary.stored,
        summary.claims,
        summary.duplicates,
        summary.skipped,
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}
