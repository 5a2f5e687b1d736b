//! Runs the article-extraction benchmark on a folder laid out like
//! `shared/bench/article-extraction` and prints the scores:
//!
//! ```text
//! cargo run --release -p tw-ingest --example bench_article_extraction -- ../shared/bench/article-extraction
//! ```

use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--dump") {
        // `--dump FILE.html.gz`: print what extraction keeps from one page.
        let path = PathBuf::from(&args[i + 1]);
        let bytes = std::fs::read(&path).expect("readable page");
        let mut html = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut html)
            .expect("gzip page");
        match tw_ingest::document_from_html(&html, &Default::default(), "page") {
            Ok(doc) => println!("TITLE {:?}\n{}", doc.title, doc.text),
            Err(error) => println!("error: {error}"),
        }
        return;
    }
    let dir = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .filter(|p| !p.starts_with("--"))
        .unwrap_or_else(|| PathBuf::from("../shared/bench/article-extraction"));
    let report = match tw_ingest::bench_article_extraction(&dir) {
        Ok(report) => report,
        Err(error) => {
            eprintln!("error: {error}");
            std::process::exit(1);
        }
    };
    let verbose = std::env::args().any(|a| a == "--worst");
    if verbose {
        let mut pages = report.per_page.clone();
        let f1 = |p: &tw_ingest::PageScore| {
            if p.precision + p.recall == 0.0 {
                0.0
            } else {
                2.0 * p.precision * p.recall / (p.precision + p.recall)
            }
        };
        pages.sort_by(|a, b| f1(a).total_cmp(&f1(b)));
        for page in pages.iter().take(25) {
            println!(
                "{:.3} p={:.3} r={:.3} {} {}",
                f1(page),
                page.precision,
                page.recall,
                page.id,
                page.error.as_deref().unwrap_or("")
            );
        }
    }
    println!(
        "pages {}  precision {:.4}  recall {:.4}  F1 {:.4}  {:.2} ms/page",
        report.pages, report.precision, report.recall, report.f1, report.ms_per_page
    );
}
