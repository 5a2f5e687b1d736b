//! `tradewatch stories`: story clusters with their chain of reports.

use std::collections::BTreeMap;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;
use tw_store::{Store, StoryRow};

use crate::output::{self, Format};

#[derive(Debug, Args)]
pub struct StoriesArgs {
    /// At most this many stories.
    #[arg(long)]
    limit: Option<usize>,
    /// Output format (table or jsonl).
    #[arg(long, value_enum, default_value_t = crate::default_format())]
    format: Format,
}

pub fn run(store: &Store, args: StoriesArgs) -> Result<ExitCode> {
    let mut stories: BTreeMap<String, Vec<StoryRow>> = BTreeMap::new();
    for row in store.story_rows()? {
        stories.entry(row.story_id.clone()).or_default().push(row);
    }
    let limit = args.limit.unwrap_or(usize::MAX);
    match args.format {
        Format::Jsonl | Format::Json => {
            for (id, members) in stories.iter().take(limit) {
                let members: Vec<_> = members
                    .iter()
                    .map(|m| serde_json::json!({"doc_id": m.doc_id, "role": m.role, "reason": m.reason, "origin": m.origin}))
                    .collect();
                println!("{}", serde_json::json!({"id": id, "members": members}));
            }
        }
        Format::Table | Format::Csv => {
            let rows: Vec<[String; 3]> = stories
                .iter()
                .take(limit)
                .map(|(id, members)| {
                    let chain = members
                        .iter()
                        .map(|m| format!("{} ({})", m.doc_id, m.role))
                        .collect::<Vec<_>>()
                        .join(" → ");
                    [id.clone(), members.len().to_string(), chain]
                })
                .collect();
            output::write_table(
                &mut std::io::stdout().lock(),
                &["story", "reports", "chain (origin first)"],
                &rows,
            )?;
            println!("\n{} stories", stories.len());
        }
    }
    Ok(ExitCode::SUCCESS)
}
