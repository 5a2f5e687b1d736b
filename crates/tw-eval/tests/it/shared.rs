//! Cross-check against the live reference scorer over perturbed real gold.
//!
//! Runs only when `TW_SHARED` names the shared/ folder (dev machines):
//! `TW_SHARED=/work/shared cargo test -p tw-eval shared`. For each gold set
//! (`gold/reuters-dev`, `gold/seed`) and each seed in 0..`TW_CROSSCHECK_SEEDS`
//! (default 25), `scripts/perturb.py` writes predictions, `score.py` scores
//! them, and the JSON text and error lines must be identical.

use std::path::{Path, PathBuf};
use std::process::Command;

fn python(args: &[&Path]) -> String {
    let out = Command::new("python3")
        .args(args)
        .output()
        .expect("python3 must be installed when TW_SHARED is set");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn shared_gold_matches_score_py() {
    let Some(shared) = std::env::var_os("TW_SHARED").map(PathBuf::from) else {
        eprintln!("TW_SHARED not set: skipping the live cross-check with score.py");
        return;
    };
    let seeds: u32 = std::env::var("TW_CROSSCHECK_SEEDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(25);
    let score_py = shared.join("tools/score.py");
    let perturb = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/perturb.py");
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR")).join("tw-eval-crosscheck");
    std::fs::create_dir_all(&tmp).unwrap();
    let mut runs = 0;
    for set in ["reuters-dev", "seed"] {
        let gold_dir = shared.join("gold").join(set);
        let gold = tw_eval::load_gold_dir(&gold_dir).unwrap();
        for seed in 0..seeds {
            let seed_arg = PathBuf::from(seed.to_string());
            let pred_text = python(&[&perturb, &gold_dir, &seed_arg]);
            let pred_file = tmp.join(format!("{set}-{seed}.jsonl"));
            std::fs::write(&pred_file, &pred_text).unwrap();
            let predictions = tw_eval::parse_predictions_jsonl(&pred_text).unwrap();
            let report = tw_eval::score(&gold, &predictions);

            let json = python(&[&score_py, &gold_dir, &pred_file, Path::new("--json")]);
            assert_eq!(
                report.to_json_string(),
                json.trim_end(),
                "{set} seed {seed}"
            );
            let verbose = python(&[&score_py, &gold_dir, &pred_file, Path::new("--verbose")]);
            let errors: Vec<&str> = verbose
                .lines()
                .skip_while(|l| *l != "}")
                .skip(1)
                .filter(|l| !l.is_empty())
                .collect();
            assert_eq!(report.error_lines(), errors, "{set} seed {seed}");
            runs += 1;
        }
    }
    eprintln!("cross-checked {runs} prediction sets against score.py");
}
