//! `tradewatch corroborate`: bring stories and claim groups up to date, or
//! rebuild them from every stored document.

use std::process::ExitCode;

use anyhow::Result;
use clap::Args;
use tw_store::Store;

#[derive(Debug, Args)]
pub struct CorroborateArgs {
    /// Recompute the index, every story and every claim group from all
    /// stored documents, instead of adding only the documents stored since
    /// the last run (ingest does that after every run).
    #[arg(long)]
    rebuild: bool,
}

pub fn run(store: &mut Store, args: CorroborateArgs) -> Result<ExitCode> {
    let started = std::time::Instant::now();
    let done = if args.rebuild {
        crate::corroborate::rebuild(store)?
    } else {
        crate::corroborate::corroborate(store)?
    };
    let action = if done.rebuilt {
        "rebuilt from"
    } else {
        "added"
    };
    eprintln!(
        "{action} {} documents in {:.2} s: {} stories and {} claim groups changed",
        done.added,
        started.elapsed().as_secs_f64(),
        done.changed_stories,
        done.changed_groups
    );
    println!(
        "{} stories, {} claim groups ({} corroborated by more than one origin)",
        done.stories, done.groups, done.corroborated
    );
    Ok(ExitCode::SUCCESS)
}
