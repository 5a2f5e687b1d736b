//! A command-line twin of `shared/tools/score.py`, for cross-checking:
//!
//! ```text
//! cargo run -p tw-eval --example score -- GOLD_DIR PRED.jsonl [--json] [--errors] [--verbose]
//! ```
//!
//! `--json` prints exactly what `score.py --json` prints; `--errors` prints
//! the error lines of `score.py --verbose`; otherwise the text report
//! (`--verbose` adds every error with its evidence).

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flags: Vec<&str> = args
        .iter()
        .filter(|a| a.starts_with("--"))
        .map(String::as_str)
        .collect();
    let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let [gold_dir, pred_file] = paths[..] else {
        eprintln!("usage: score GOLD_DIR PRED.jsonl [--json] [--errors] [--verbose]");
        return ExitCode::from(2);
    };
    let run = || -> Result<tw_eval::Report, Box<dyn std::error::Error>> {
        let gold = tw_eval::load_gold_dir(Path::new(gold_dir))?;
        let text = std::fs::read_to_string(pred_file)?;
        let predictions = tw_eval::parse_predictions_jsonl(&text)?;
        Ok(tw_eval::score(&gold, &predictions))
    };
    let report = match run() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    if flags.contains(&"--json") {
        println!("{}", report.to_json_string());
    }
    if flags.contains(&"--errors") {
        for line in report.error_lines() {
            println!("{line}");
        }
    }
    if !flags.contains(&"--json") && !flags.contains(&"--errors") {
        print!("{}", report.render_text(flags.contains(&"--verbose")));
    }
    ExitCode::SUCCESS
}
