use std::path::{Path, PathBuf};

use serde_json::Value;

fn fixture_dir(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(case)
}

fn run(case: &str) -> tw_eval::Report {
    let dir = fixture_dir(case);
    let gold = tw_eval::load_gold_dir(&dir.join("gold")).expect("gold dir");
    let text = std::fs::read_to_string(dir.join("pred.jsonl")).expect("pred.jsonl");
    let predictions = tw_eval::parse_predictions_jsonl(&text).expect("predictions");
    tw_eval::score(&gold, &predictions)
}

/// Structural equality with floats compared to 1e-9.
fn assert_close(actual: &Value, expected: &Value, at: &str) {
    match (actual, expected) {
        (Value::Number(a), Value::Number(e)) if a.is_f64() || e.is_f64() => {
            let (a, e) = (a.as_f64().unwrap(), e.as_f64().unwrap());
            assert!((a - e).abs() <= 1e-9, "{at}: {a} != {e}");
            // score.py prints rounded figures as floats, counts as ints.
            assert!(
                actual.is_f64() == expected.is_f64(),
                "{at}: int/float kind differs"
            );
        }
        (Value::Object(a), Value::Object(e)) => {
            let keys = |m: &serde_json::Map<String, Value>| m.keys().cloned().collect::<Vec<_>>();
            assert_eq!(keys(a), keys(e), "{at}: keys differ");
            for (k, v) in a {
                assert_close(v, &e[k], &format!("{at}.{k}"));
            }
        }
        _ => assert_eq!(actual, expected, "{at}"),
    }
}

fn check(case: &str) -> tw_eval::Report {
    let dir = fixture_dir(case);
    let report = run(case);
    let expected_text = std::fs::read_to_string(dir.join("expected.json")).unwrap();
    let expected: Value = serde_json::from_str(&expected_text).unwrap();
    assert_close(&report.to_json(), &expected, case);
    assert_eq!(
        report.to_json_string(),
        expected_text.trim_end(),
        "{case}: json text"
    );
    let expected_errors = std::fs::read_to_string(dir.join("expected_errors.txt")).unwrap();
    let expected_errors: Vec<&str> = expected_errors.lines().collect();
    assert_eq!(report.error_lines(), expected_errors, "{case}: error lines");
    report
}

#[test]
fn mixed_matches_score_py() {
    let report = check("mixed");
    // The documents that exist only to be ignored or to count as empty.
    assert_eq!(report.docs, 14);
    assert!(report.mismatches.iter().all(|m| m.doc_id != "not-in-gold"));
    // fx-j (no claims, no predictions) and fx-h (other kinds only) have no
    // trade unit on either side, so they stay out of the macro mean.
    assert_eq!(report.trade_flow.macro_docs, 12);
}

#[test]
fn empty_predictions_match_score_py() {
    let report = check("empty-pred");
    assert!(report.slots.is_empty());
    assert_eq!(report.trade_flow.tp, 0);
}

#[test]
fn other_kinds_only_match_score_py() {
    let report = check("other-only");
    assert!(report.to_json()["slots"].as_object().unwrap().is_empty());
}

#[test]
fn text_report_shows_every_figure_and_error() {
    let report = run("mixed");
    let short = report.render_text(false);
    let long = report.render_text(true);
    for needle in [
        "precision 0.7500  recall 0.7500  f1 0.7500",
        "macro f1 0.6917 over 12 documents",
        "status     0.7778  (14/18)",
        "quantity   0.8333  (15/18)",
        "tp 18  fp 6  fn 6",
        "any_kind",
        "sanctions_action",
    ] {
        assert!(short.contains(needle), "missing {needle:?} in\n{short}");
    }
    assert!(!short.contains("FN (missed)"));
    assert!(long.starts_with(&short));
    // Every error appears with its full (uncut) evidence.
    for m in &report.mismatches {
        assert!(long.contains(&m.doc_id));
        for e in &m.evidence {
            assert!(long.contains(e.as_str()), "evidence {e:?} not shown");
        }
    }
    // Slot mismatches also show what the prediction quoted.
    assert!(long.contains("predicted evidence: xx arley sales to China in 1987"));
    assert!(long.contains("fx-h-other-kinds  personnel missed"));
    assert!(long.contains("fx-h-other-kinds  statement spurious"));
}

#[test]
fn gold_dir_errors_are_typed() {
    let missing = tw_eval::load_gold_dir(Path::new("/nonexistent/tw-eval-gold"));
    assert!(matches!(missing, Err(tw_eval::EvalError::Io { .. })));
    let bad = tw_eval::parse_predictions_jsonl("{\"doc_id\": \"a\"}\n\n[1]\n");
    assert!(matches!(
        bad,
        Err(tw_eval::EvalError::Prediction { line: 3, .. })
    ));
}

#[test]
fn gold_dir_rejects_duplicate_ids_and_skips_other_files() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("tw-eval-gold-dup");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let doc = r#"{"doc_id": "d1", "anchor": "1987", "claims": []}"#;
    std::fs::write(dir.join("a.json"), doc).unwrap();
    std::fs::write(dir.join(".hidden.json"), "not json").unwrap();
    std::fs::write(dir.join("notes.txt"), "not json").unwrap();
    let gold = tw_eval::load_gold_dir(&dir).unwrap();
    assert_eq!(gold.len(), 1);
    assert_eq!(gold[0].anchor.as_deref(), Some("1987"));
    std::fs::write(dir.join("b.json"), doc).unwrap();
    let dup = tw_eval::load_gold_dir(&dir);
    assert!(matches!(
        dup,
        Err(tw_eval::EvalError::DuplicateDocId { .. })
    ));
    std::fs::write(dir.join("b.json"), r#"{"doc_id": "d2"}"#).unwrap();
    let shape = tw_eval::load_gold_dir(&dir);
    assert!(matches!(shape, Err(tw_eval::EvalError::GoldShape { .. })));
}
