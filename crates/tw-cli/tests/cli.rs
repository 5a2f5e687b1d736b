//! One integration test per command, running the built `tradewatch` binary
//! against a throw-away store. Fixtures live in `tests/fixtures/`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tradewatch"));
    c.env_remove("TRADEWATCH_DB")
        .env("NO_COLOR", "1")
        .env_remove("RUST_LOG");
    c
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/daily-nk-trade-offices.txt")
}

/// `tradewatch --db DB ARGS...`, whatever its outcome.
fn tradewatch(db: &Path, args: &[&str]) -> Output {
    bin()
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("binary runs")
}

fn run(db: &Path, args: &[&str]) -> Output {
    let out = tradewatch(db, args);
    assert!(
        out.status.success(),
        "tradewatch {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Run a command that must fail; its output.
fn run_failing(db: &Path, args: &[&str]) -> Output {
    let out = tradewatch(db, args);
    assert!(
        !out.status.success(),
        "tradewatch {args:?} should have failed"
    );
    out
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("utf-8 output")
}

fn jsonl(out: &Output) -> Vec<serde_json::Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect()
}

/// A store holding the bundled example, ingested as the seed.
fn seeded() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let example = example();
    run(
        &db,
        &[
            "ingest",
            "--quiet",
            example.to_str().unwrap(),
            "--id",
            "seed",
            "--url",
            "https://frappler.blogspot.com/2022/11/north-korea-begins-preparations-to-open.html",
        ],
    );
    (dir, db)
}

#[test]
fn demo_prints_claims_and_provenance() {
    let out = bin().arg("demo").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    assert!(
        text.contains("Daily NK → The Diplomat → Frappler"),
        "{text}"
    );
    assert!(text.contains("trade_flow"));
    assert!(text.contains("wheat flour (1101)"));
}

#[test]
fn ingest_is_idempotent_and_reports_bad_items() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let bad = dir.path().join("bad");
    std::fs::create_dir(&bad).unwrap();
    std::fs::write(bad.join("empty.txt"), "").unwrap();
    std::fs::write(bad.join("junk.txt"), [0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0]).unwrap();
    std::fs::write(
        bad.join("latin1.txt"),
        b"Caf\xe9 exports of coffee from Brazil rose in May, traders said.",
    )
    .unwrap();
    std::fs::copy(fixtures().join("example.jsonl"), bad.join("stories.jsonl")).unwrap();
    let mut big = String::from("<html><body><article>");
    while big.len() < 50 * 1024 * 1024 {
        big.push_str("<p>Filler paragraph about nothing in particular.</p>");
    }
    std::fs::write(bad.join("huge.html"), big + "</article></body></html>").unwrap();
    let out = run(&db, &["ingest", "--quiet", bad.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("empty"), "{err}");
    assert!(err.contains("line 3"), "{err}");
    assert!(err.contains("skipped"), "{err}");
    assert!(err.contains("huge.html") && err.contains("limit"), "{err}");
    let first = jsonl(&run(&db, &["documents", "--format", "jsonl"]));
    assert_eq!(first.len(), 3, "example, other and the latin-1 file");
    let claims_before = jsonl(&run(&db, &["claims", "--format", "jsonl"])).len();
    // Again: nothing changes.
    let out = run(&db, &["ingest", "--quiet", bad.to_str().unwrap()]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("3 duplicates"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        jsonl(&run(&db, &["documents", "--format", "jsonl"])).len(),
        3
    );
    assert_eq!(
        jsonl(&run(&db, &["claims", "--format", "jsonl"])).len(),
        claims_before
    );
    // The skipped items are on record.
    let stats = stdout(&run(&db, &["stats"]));
    assert!(stats.contains("skipped"), "{stats}");
    assert!(stats.contains("integrity: ok"), "{stats}");
}

#[test]
fn ingest_rejects_a_bad_date_and_a_missing_path() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let out = run_failing(&db, &["ingest", "nope.txt"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not exist"));
    let example = example();
    let out = run_failing(
        &db,
        &[
            "ingest",
            example.to_str().unwrap(),
            "--published",
            "last week",
        ],
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("ISO 8601"));
}

#[test]
fn claims_filters_and_formats() {
    let (_dir, db) = seeded();
    let all = jsonl(&run(&db, &["claims", "--format", "jsonl"]));
    assert!(all.len() >= 8);
    for c in &all {
        for key in [
            "id",
            "doc_id",
            "kind",
            "exporter",
            "importer",
            "commodities",
            "status",
            "certainty",
            "unverified",
            "source",
            "time",
            "time_text",
            "evidence",
            "sanctions",
        ] {
            assert!(c.get(key).is_some(), "missing {key} in {c}");
        }
        assert!(!c["evidence"].as_array().unwrap().is_empty());
    }
    let flows = jsonl(&run(
        &db,
        &[
            "claims",
            "--kind",
            "trade_flow",
            "--commodity",
            "2710",
            "--format",
            "jsonl",
        ],
    ));
    assert!(!flows.is_empty());
    assert!(flows.iter().all(|c| c["kind"] == "trade_flow"));
    let rumours = jsonl(&run(
        &db,
        &["claims", "--certainty", "rumor", "--format", "jsonl"],
    ));
    assert!(rumours.iter().all(|c| c["certainty"] == "rumor") && !rumours.is_empty());
    let august = jsonl(&run(
        &db,
        &[
            "claims", "--from", "2022-08", "--to", "2022-08", "--format", "jsonl",
        ],
    ));
    assert!(
        august
            .iter()
            .all(|c| c["time"].as_str().is_some_and(|t| t.starts_with("2022-08")))
            && !august.is_empty()
    );
    let csv = stdout(&run(&db, &["claims", "--format", "csv"]));
    assert!(csv.starts_with("id,doc_id,kind"));
    let table = stdout(&run(&db, &["claims"]));
    assert!(table.contains("claims"));
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&run(&db, &["claims", "--format", "json"]))).unwrap();
    assert_eq!(json.as_array().unwrap().len(), all.len());
}

#[test]
fn show_marks_evidence_and_shows_a_claim() {
    let (_dir, db) = seeded();
    let text = stdout(&run(&db, &["show", "seed"]));
    assert!(text.contains("⟦1 "), "{text}");
    assert!(!text.contains("Post a Comment"));
    let first = jsonl(&run(&db, &["claims", "--format", "jsonl", "--limit", "1"]));
    let id = first[0]["id"].as_str().unwrap();
    let text = stdout(&run(&db, &["show", id]));
    assert!(text.contains(id));
    run_failing(&db, &["show", "no-such-id"]);
}

#[test]
fn documents_carry_provenance_and_precision() {
    let (_dir, db) = seeded();
    let docs = jsonl(&run(&db, &["documents", "--format", "jsonl"]));
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    assert_eq!(
        d["provenance"],
        serde_json::json!(["Daily NK", "The Diplomat", "Frappler"])
    );
    assert_eq!(d["published"], "2022-11");
    assert_eq!(d["published_precision"], "month");
    assert!(d["verification_note"]
        .as_str()
        .unwrap()
        .contains("not able to verify"));
    for junk in [
        "Header Ads Widget",
        "Post a Comment",
        "Source: Frappler",
        "Click here to subscribe",
    ] {
        assert!(
            !d["text"].as_str().unwrap().contains(junk),
            "{junk} survived cleaning"
        );
    }
}

#[test]
fn flags_tally_and_measures() {
    let (_dir, db) = seeded();
    let flags = stdout(&run(&db, &["flags", "--measure", "UNSCR2397-OP5"]));
    assert!(flags.contains("UNSCR2397-OP5"), "{flags}");
    let tally = stdout(&run(&db, &["tally", "UNSCR2397-OP5"]));
    assert!(tally.contains("UNSCR2397-OP5"), "{tally}");
    // With reports that give quantities, the cap fills by window.
    let fuel = fixtures().join("petroleum.jsonl");
    run(&db, &["ingest", "--quiet", fuel.to_str().unwrap()]);
    let tally = stdout(&run(&db, &["tally", "UNSCR2397-OP5"]));
    assert!(tally.contains("window 2023-01-01 to 2023-12-31"), "{tally}");
    assert!(tally.contains("% of cap"), "{tally}");
    assert!(tally.contains("official"), "{tally}");
    let one = stdout(&run(&db, &["tally", "UNSCR2397-OP5", "--window", "2024"]));
    assert!(
        one.contains("2024-01-01") && !one.contains("2023-01-01"),
        "{one}"
    );
    let measures = stdout(&run(&db, &["measures"]));
    assert!(measures.contains("UNSCR2397-OP8"));
    run_failing(&db, &["tally", "NO-SUCH-MEASURE"]);
}

#[test]
fn eval_scores_against_gold() {
    let dir = tempfile::tempdir().unwrap();
    let predictions = dir.path().join("p.jsonl");
    let gold = fixtures().join("gold");
    let input = fixtures().join("example.jsonl");
    let out = bin()
        .args([
            "eval",
            "--gold",
            gold.to_str().unwrap(),
            input.to_str().unwrap(),
            "--json",
            "--predictions",
            predictions.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["docs"], 1);
    assert_eq!(report["trade_flow"]["recall"], 1.0, "{report}");
    assert!(std::fs::read_to_string(&predictions)
        .unwrap()
        .contains("\"doc_id\":\"example\""));
    // A floor above the score fails.
    let out = bin()
        .args([
            "eval",
            "--gold",
            gold.to_str().unwrap(),
            input.to_str().unwrap(),
            "--quiet",
            "--min-f1",
            "1.01",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
}

#[test]
fn bench_html_needs_a_benchmark_folder() {
    let out = bin().args(["bench-html", "/nonexistent"]).output().unwrap();
    assert!(!out.status.success());
}

/// The key slots of every claim of the bundled example, compared with a
/// reviewed snapshot (`tests/fixtures/seed-claims.golden.jsonl`). After a
/// deliberate change, review the difference and refresh the snapshot with
/// `UPDATE_GOLDEN=1 cargo test -p tw-cli --test cli golden`.
#[test]
fn golden_claims_of_the_seed() {
    let (_dir, db) = seeded();
    let claims = jsonl(&run(&db, &["claims", "--format", "jsonl"]));
    let keys = [
        "kind",
        "exporter",
        "importer",
        "commodities",
        "quantity",
        "time",
        "status",
        "certainty",
        "unverified",
        "source",
        "actor",
        "places",
        "destination",
        "speaker",
        "venue",
        "sanctions",
    ];
    let mut lines: Vec<String> = claims
        .iter()
        .map(|c| {
            let mut o = serde_json::Map::new();
            for k in keys {
                o.insert(k.to_string(), c[k].clone());
            }
            o.insert(
                "evidence".into(),
                c["evidence"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|e| e["text"].clone())
                    .collect(),
            );
            serde_json::Value::Object(o).to_string()
        })
        .collect();
    lines.sort();
    let actual = lines.join("\n") + "\n";
    let path = fixtures().join("seed-claims.golden.jsonl");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).expect("golden file (UPDATE_GOLDEN=1 to create)");
    assert_eq!(
        actual, expected,
        "claims of the seed changed; review and refresh the snapshot"
    );
}

#[test]
fn stories_link_a_republication_and_claims_count_origins() {
    let (_dir, db) = seeded();
    ingest_republication(&db);
    let stories = jsonl(&run(&db, &["stories", "--format", "jsonl"]));
    assert_eq!(stories.len(), 1, "{stories:?}");
    let roles: Vec<&str> = stories[0]["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["role"].as_str().unwrap())
        .collect();
    // Both are copies of a Daily NK report the store does not hold: they
    // count under that outlet.
    assert_eq!(roles, vec!["copy", "copy"]);
    assert!(
        stories[0]["members"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["origin"] == "outlet:Daily NK"),
        "{stories:?}"
    );
    // A copy adds no independent origin.
    let claims = jsonl(&run(
        &db,
        &["claims", "--kind", "trade_flow", "--format", "jsonl"],
    ));
    assert!(
        claims.iter().all(|c| c["independent_origins"] == 1),
        "{claims:?}"
    );
    assert!(claims.iter().any(|c| c["group"].is_string()));
    assert!(jsonl(&run(
        &db,
        &["claims", "--min-origins", "2", "--format", "jsonl"]
    ))
    .is_empty());
    let table = stdout(&run(&db, &["stories"]));
    assert!(table.contains("(copy) → "), "{table}");
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let (_dir, db) = seeded();
    let mut child = bin()
        .arg("--db")
        .arg(&db)
        .args(["show", "seed"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Close the pipe before the command writes anything.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

#[test]
fn corroborate_updates_and_rebuilds_stories() {
    let (_dir, db) = seeded();
    // Ingest already brought the stories up to date: nothing to add.
    let out = run(&db, &["corroborate"]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("added 0 documents"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    ingest_republication(&db);
    let incremental = stdout(&run(&db, &["stories", "--format", "jsonl"]));
    let groups = stdout(&run(&db, &["claims", "--format", "jsonl"]));
    // A rebuild from every stored document gives the same stories and
    // groups as the run that added the copy to the stored index.
    let out = run(&db, &["corroborate", "--rebuild"]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("rebuilt from 2 documents"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout(&out).contains("1 stories"), "{}", stdout(&out));
    assert_eq!(
        stdout(&run(&db, &["stories", "--format", "jsonl"])),
        incremental
    );
    assert_eq!(stdout(&run(&db, &["claims", "--format", "jsonl"])), groups);
}

/// Ingest the fixture republication of the seed (The Diplomat's copy).
fn ingest_republication(db: &Path) {
    let copy = fixtures().join("republished.txt");
    run(
        db,
        &[
            "ingest",
            "--quiet",
            copy.to_str().unwrap(),
            "--published",
            "2022-11-07",
            "--source",
            "The Diplomat",
        ],
    );
}
