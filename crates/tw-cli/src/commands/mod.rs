//! One file per command; `run` dispatches.

mod bench;
mod corroborate;
mod demo;
mod eval;
mod ingest;
mod query;
mod sanctions;
mod show;
mod stories;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use tw_store::Store;

pub use bench::BenchHtmlArgs;
pub use corroborate::CorroborateArgs;
pub use demo::DemoArgs;
pub use eval::EvalArgs;
pub use ingest::IngestArgs;
pub use query::{ClaimsArgs, DocumentsArgs};
pub use sanctions::{FlagsArgs, MeasuresArgs, TallyArgs};
pub use show::ShowArgs;
pub use stories::StoriesArgs;

use crate::{Cli, Command};

/// Run the parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let db = cli.db.clone();
    match cli.command {
        Command::Demo(args) => demo::run(db, args),
        Command::Ingest(args) => ingest::run(&mut open(db)?, args),
        Command::Claims(args) => query::claims(&open(db)?, args),
        Command::Show(args) => show::run(&open(db)?, args),
        Command::Documents(args) => query::documents(&open(db)?, args),
        Command::Stories(args) => stories::run(&open(db)?, args),
        Command::Corroborate(args) => corroborate::run(&mut open(db)?, args),
        Command::Flags(args) => sanctions::flags(&open(db)?, args),
        Command::Tally(args) => sanctions::tally(&open(db)?, args),
        Command::Measures(args) => sanctions::measures(args),
        Command::Eval(args) => eval::run(args),
        Command::BenchHtml(args) => bench::run(args),
        Command::Stats => query::stats(&open(db)?),
    }
}

/// Open the store at `db`, or at the default path.
pub fn open(db: Option<PathBuf>) -> Result<Store> {
    let path = db.unwrap_or_else(Store::default_path);
    tracing::info!(path = %path.display(), "opening store");
    Store::open(&path).with_context(|| format!("cannot open the store at {}", path.display()))
}
