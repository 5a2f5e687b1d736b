//! `tradewatch bench-html DIR`: body extraction quality and speed on a
//! benchmark folder laid out like the article-extraction benchmark.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

#[derive(Debug, Args)]
pub struct BenchHtmlArgs {
    /// Folder with html/<id>.html.gz and ground-truth.json.
    dir: PathBuf,
}

pub fn run(args: BenchHtmlArgs) -> Result<ExitCode> {
    let report = tw_ingest::bench_article_extraction(&args.dir)?;
    println!("pages      {}", report.pages);
    println!("precision  {:.4}", report.precision);
    println!("recall     {:.4}", report.recall);
    println!("f1         {:.4}", report.f1);
    println!("ms/page    {:.2}", report.ms_per_page);
    Ok(ExitCode::SUCCESS)
}
