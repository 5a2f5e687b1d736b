//! `tradewatch eval --gold DIR [INPUT...]`: extraction scored as SPEC.md
//! section 4 says, in a throw-away store.
//!
//! Inputs: the given files, keeping only documents that have a gold file
//! (unless `--all`); with no inputs, each gold file's own `input` (a path
//! relative to the gold folder or one of its parents), ingested with the
//! gold file's `doc_id` and `url`.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context as _, Result};
use clap::Args;
use serde_json::Value;
use tw_ingest::IngestOptions;
use tw_model::Document;
use tw_store::{ClaimFilter, Store};

use crate::output;
use crate::pipeline;

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Folder of gold files (*.json).
    #[arg(long)]
    gold: PathBuf,
    /// Inputs to ingest; default: each gold file's `input`.
    inputs: Vec<PathBuf>,
    /// Ingest every document of the inputs, not only those with gold.
    #[arg(long)]
    all: bool,
    /// Print the report as JSON (the structure of score.py --json).
    #[arg(long)]
    json: bool,
    /// Do not list each error.
    #[arg(long, short)]
    quiet: bool,
    /// Also write the predicted claims as JSON Lines to this file.
    #[arg(long)]
    predictions: Option<PathBuf>,
    /// Exit with failure when trade-flow F1 is below this (a regression floor).
    #[arg(long)]
    min_f1: Option<f64>,
}

pub fn run(args: EvalArgs) -> Result<ExitCode> {
    let gold = tw_eval::load_gold_dir(&args.gold)
        .with_context(|| format!("cannot read gold files in {}", args.gold.display()))?;
    if gold.is_empty() {
        bail!("no gold files in {}", args.gold.display());
    }
    let ids: HashSet<String> = gold.iter().map(|g| g.doc_id.clone()).collect();
    let dir = tempfile::tempdir()?;
    let mut store = Store::open(&dir.path().join("eval.db"))?;
    if args.inputs.is_empty() {
        for g in &gold {
            let Some(input) = g.raw.get("input").and_then(Value::as_str) else {
                bail!(
                    "gold file for {} names no input; give the inputs on the command line",
                    g.doc_id
                );
            };
            let path = resolve(&args.gold, input)
                .with_context(|| format!("cannot find input {input:?} of {}", g.doc_id))?;
            let opts = IngestOptions {
                id: Some(g.doc_id.clone()),
                url: g.raw.get("url").and_then(Value::as_str).map(str::to_string),
                ..IngestOptions::default()
            };
            pipeline::ingest(&mut store, &[path], &opts, None, false)?;
        }
    } else {
        let keep = |d: &Document| args.all || ids.contains(&d.id);
        pipeline::ingest(
            &mut store,
            &args.inputs,
            &IngestOptions::default(),
            Some(&keep),
            false,
        )?;
    }
    let mut predictions: Vec<Value> = Vec::new();
    for claim in store.claims(&ClaimFilter::default())? {
        predictions.push(output::claim_record(&claim));
    }
    if let Some(path) = &args.predictions {
        let mut f = std::io::BufWriter::new(std::fs::File::create(path)?);
        for p in &predictions {
            writeln!(f, "{}", serde_json::to_string(p)?)?;
        }
    }
    let found: HashSet<&str> = predictions
        .iter()
        .filter_map(|p| p.get("doc_id").and_then(Value::as_str))
        .collect();
    let stored: usize = gold
        .iter()
        .filter(|g| store.document(&g.doc_id).ok().flatten().is_some())
        .count();
    if stored < gold.len() {
        eprintln!(
            "warning: {} of {} gold documents were not found in the inputs",
            gold.len() - stored,
            gold.len()
        );
    }
    tracing::info!(docs_with_claims = found.len(), "scored");
    let report = tw_eval::score(&gold, &predictions);
    let json = report.to_json();
    if args.json {
        println!("{}", serde_json::to_string_pretty(&json)?);
    } else {
        print!("{}", report.render_text(!args.quiet));
    }
    if let Some(min) = args.min_f1 {
        let f1 = json["trade_flow"]["f1"].as_f64().unwrap_or(0.0);
        if f1 < min {
            eprintln!("trade-flow F1 {f1:.4} is below the floor {min:.4}");
            return Ok(ExitCode::FAILURE);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `input` relative to the gold folder or one of its parents.
fn resolve(gold: &Path, input: &str) -> Option<PathBuf> {
    let mut dir = Some(gold);
    while let Some(d) = dir {
        let candidate = d.join(input);
        if candidate.exists() {
            return Some(candidate);
        }
        dir = d.parent();
    }
    None
}
