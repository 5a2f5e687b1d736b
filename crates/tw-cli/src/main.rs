//! `tradewatch`: news about trade and sanctions in, sourced and graded
//! claims out.
//!
//! This binary is the edge: it parses arguments, opens the store, runs the
//! pipeline and prints. Everything it calls lives in the library crates.

mod commands;
mod corroborate;
mod output;
mod pipeline;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::output::Format;

/// Turn news about trade and sanctions into sourced, graded claims.
#[derive(Debug, Parser)]
#[command(name = "tradewatch", version, about, long_about = None)]
pub struct Cli {
    /// The store (SQLite file). Default: $TRADEWATCH_DB, else the user's data directory.
    #[arg(long, global = true, env = "TRADEWATCH_DB")]
    db: Option<PathBuf>,
    /// Log more (-v info, -vv debug); RUST_LOG overrides.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    verbose: u8,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Ingest the bundled example into a fresh store and print its claims.
    Demo(commands::DemoArgs),
    /// Ingest text, HTML and JSON Lines files or directories.
    Ingest(commands::IngestArgs),
    /// List claims, filtered.
    Claims(commands::ClaimsArgs),
    /// Print a document with its claims and evidence, or one claim.
    Show(commands::ShowArgs),
    /// List documents.
    Documents(commands::DocumentsArgs),
    /// List stories: one origin with its copies, derivatives and independent reports.
    Stories(commands::StoriesArgs),
    /// Bring stories and claim groups up to date (ingest does it), or rebuild them.
    Corroborate(commands::CorroborateArgs),
    /// List claims flagged by sanctions measures.
    Flags(commands::FlagsArgs),
    /// Sum the quantities claims report against a capped measure.
    Tally(commands::TallyArgs),
    /// List the sanctions measures tradewatch checks claims against.
    Measures(commands::MeasuresArgs),
    /// Score extraction against gold files (SPEC.md section 4).
    Eval(commands::EvalArgs),
    /// Measure the HTML main-content extraction on a benchmark folder.
    BenchHtml(commands::BenchHtmlArgs),
    /// Counts of what the store holds, and what ingest skipped.
    Stats,
}

fn main() -> ExitCode {
    quiet_on_broken_pipe();
    let cli = Cli::parse();
    init_logging(cli.verbose);
    match commands::run(cli) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// `tradewatch claims | head` closes the pipe early: stop quietly with
/// success, as Unix tools do, instead of reporting a panic. (Rust ignores
/// SIGPIPE, so a write to a closed pipe fails and `println!` panics.)
fn quiet_on_broken_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.contains("Broken pipe") {
            std::process::exit(0);
        }
        default(info);
    }));
}

fn init_logging(verbose: u8) {
    let default = match verbose {
        0 => "warn",
        1 => "info",
        _ => "debug",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .init();
}

/// Formats the commands accept.
pub(crate) fn default_format() -> Format {
    Format::Table
}
