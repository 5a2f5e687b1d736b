//! End-to-end tests of the public API: the seed article and a second
//! fixture (golden), HTML pages, JSON Lines, bad inputs, directory walks,
//! and the benchmark code on a tiny synthetic benchmark.

use std::io::Write;
use std::path::{Path, PathBuf};

use tw_ingest::{
    bench_article_extraction, document_from_html, document_from_json_line, document_from_text,
    ingest_paths, IngestOptions, Item,
};
use tw_model::{DatePrecision, Document};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn items(paths: &[PathBuf], opts: &IngestOptions) -> (Vec<Document>, Vec<(String, String)>) {
    let mut documents = Vec::new();
    let mut skipped = Vec::new();
    for item in ingest_paths(paths, opts) {
        match item {
            Item::Document(document) => documents.push(*document),
            Item::Skipped { origin, reason } => skipped.push((origin, reason)),
        }
    }
    (documents, skipped)
}

const SEED_URL: &str =
    "https://frappler.blogspot.com/2022/11/north-korea-begins-preparations-to-open.html";

/// Sentences the seed's claims rest on: all must survive cleaning.
const SEED_EVIDENCE: &[&str] = &[
    "North Korea recently began preparations to open new trade offices throughout Russia, a high-ranking source in the country told Daily NK last Friday.",
    "They are also vetting regions in Russia where the new offices will be opened.",
    "The source explained that North Korean authorities are planning to establish trade offices in six different areas of Russia.",
    "Regions likely to receive new offices include Vladivostok, home to many North Korean laborers, as well as Saint Petersburg and Moscow.",
    "According to the source, the new trade offices will help expand imports of Russian wheat flour and other processed foodstuffs North Korea needs, as well as energy products such as gasoline, diesel, and LPG.",
    "He told Daily NK that North Korea’s Ministry of External Economic Relations, Construction Guidance Bureau, and other agencies that have long been involved in dispatching personnel to Russia are currently selecting cadres and working-level officials to dispatch to the country.",
    "Vladivostok, home to many North Korean laborers",
    "The U.N. Security Council has been unable to slap additional sanctions on North Korea for its recent series of ballistic missile provocations due to opposition from Russia and China.",
    "The international body has not even been able to issue a statement condemning the launches.",
    "A recent Daily NK investigation found that North Korea carried out a first round of vaccinations for trade officials and other trade-related workers in the city of Rason earlier this month.",
    "Daily NK also reported in August that North Korean authorities imported wheat from Russia in August, along with gasoline, diesel, and LPG in October.",
    "Daily NK further understands that gas prices in some family homes in Pyongyang have plummeted",
    "with rumors circulating in the city claiming that North Korea “received enough gas from Russia to last until next March.”",
    "there has been speculation inside North Korea that the country has received Russian food and oil in return for Pyongyang’s international support for Moscow’s war in Ukraine.",
    "During an emergency special session of the U.N. General Assembly on October 12, North Korea’s permanent representative to the United Nations, Kim Song, expressed open support for Russia, calling on the international community to recognize the results of referendums in four regions of Ukraine occupied by Russia, and the incorporation of those regions into Russia.",
];

/// Lines of the seed that are furniture or metadata, not body text.
const SEED_EXCLUDES: &[&str] = &[
    "Header Ads Widget",
    "Enjoying this article? Click here to subscribe for full access. Just $5 a month.",
    "Source: Frappler",
    "Post a Comment",
    "This article first appeared on Daily NK",
    "The Diplomat was not able to verify the claims independently.",
];

const SEED_TITLE: &str =
    "North Korea Begins Preparations to Open New Trade Offices Throughout Russia";

#[test]
fn seed_article_is_cleaned_and_keeps_every_evidence_sentence() {
    let opts = IngestOptions {
        url: Some(SEED_URL.into()),
        ..IngestOptions::default()
    };
    let (documents, skipped) = items(&[fixture("daily-nk-trade-offices.txt")], &opts);
    assert!(skipped.is_empty(), "{skipped:?}");
    let [doc] = documents.as_slice() else {
        panic!("one document expected, got {}", documents.len())
    };
    let text = collapse(&doc.text);
    for evidence in SEED_EVIDENCE {
        assert!(
            text.contains(&collapse(evidence)),
            "evidence lost: {evidence}"
        );
    }
    for exclude in SEED_EXCLUDES {
        assert!(!doc.text.contains(exclude), "furniture kept: {exclude}");
    }
    assert!(!doc.text.contains(SEED_TITLE), "title left in the body");
    assert!(!doc.text.contains('\u{a0}'));
    assert!(doc
        .text
        .starts_with("North Korea recently began preparations"));
    assert!(doc
        .text
        .ends_with("the incorporation of those regions into Russia."));
    // Paragraphs stay apart for sentence splitting.
    assert_eq!(doc.text.split("\n\n").count(), 11, "{}", doc.text);

    assert_eq!(doc.title.as_deref(), Some(SEED_TITLE));
    assert_eq!(doc.provenance, ["Daily NK", "The Diplomat", "Frappler"]);
    assert_eq!(
        doc.verification_note.as_deref(),
        Some("The Diplomat was not able to verify the claims independently.")
    );
    assert_eq!(doc.source.as_deref(), Some("Frappler"));
    let published = doc.published.as_ref().expect("date from the URL");
    assert_eq!(
        (published.iso.as_str(), published.precision),
        ("2022-11", DatePrecision::Month)
    );
    assert_eq!(doc.url.as_deref(), Some(SEED_URL));
    assert!(
        doc.id.starts_with("url-") && doc.id.len() == 20,
        "{}",
        doc.id
    );
    assert_eq!(doc.format, "text");
    assert_eq!(doc.metadata["encoding"], "UTF-8");
    assert_eq!(doc.metadata["decode_errors"], false);
    assert!(doc.raw.contains("Header Ads Widget"), "raw keeps the input");
}

#[test]
fn seed_without_url_still_reads_its_provenance_and_invents_nothing() {
    let raw = std::fs::read_to_string(fixture("daily-nk-trade-offices.txt")).unwrap();
    let doc = document_from_text(&raw, &IngestOptions::default(), "seed").unwrap();
    assert_eq!(doc.provenance, ["Daily NK", "The Diplomat", "Frappler"]);
    assert_eq!(doc.source, None);
    assert_eq!(doc.published, None);
    assert!(doc.id.starts_with("doc-"), "{}", doc.id);
    // Ids are stable.
    let again = document_from_text(&raw, &IngestOptions::default(), "elsewhere").unwrap();
    assert_eq!(doc.id, again.id);
}

#[test]
fn second_fixture_with_other_wording_is_cleaned_by_the_same_rules() {
    let opts = IngestOptions {
        url: Some("https://farmwireblog.wordpress.com/2023/02/14/egypt-buys-wheat/".into()),
        ..IngestOptions::default()
    };
    let (documents, _) = items(&[fixture("grain-blog-copy.txt")], &opts);
    let doc = &documents[0];
    assert_eq!(
        doc.text,
        "Egypt's state grain buyer bought 240,000 tonnes of Russian wheat in a tender on Tuesday, traders said.\n\n\
         The wheat is due to be shipped between March 1 and 10, the traders added.\n\n\
         Prices were higher than in the previous tender, reflecting tighter supplies from the Black Sea region."
    );
    assert_eq!(
        doc.title.as_deref(),
        Some("Egypt Buys Russian Wheat In Surprise Tender")
    );
    assert_eq!(doc.provenance, ["Grain Central", "Farm Wire Blog"]);
    assert_eq!(doc.source.as_deref(), Some("Farmwireblog"));
    assert_eq!(
        doc.verification_note.as_deref(),
        Some("We could not independently verify the report.")
    );
    assert_eq!(
        doc.published.as_ref().map(|p| p.iso.as_str()),
        Some("2023-02-14")
    );
}

#[test]
fn caller_options_override_the_input() {
    let opts = IngestOptions {
        id: Some("seed-daily-nk-trade-offices".into()),
        url: Some(SEED_URL.into()),
        published: Some("2022-11-04".into()),
        source: Some("Frappler Blog".into()),
        ..IngestOptions::default()
    };
    let raw = std::fs::read_to_string(fixture("daily-nk-trade-offices.txt")).unwrap();
    let doc = document_from_text(&raw, &opts, "seed").unwrap();
    assert_eq!(doc.id, "seed-daily-nk-trade-offices");
    assert_eq!(doc.published.unwrap().iso, "2022-11-04");
    assert_eq!(doc.source.as_deref(), Some("Frappler Blog"));
    // "Frappler" from the footer and "Frappler Blog" are different names.
    assert_eq!(
        doc.provenance,
        ["Daily NK", "The Diplomat", "Frappler", "Frappler Blog"]
    );

    let bad = IngestOptions {
        published: Some("last week".into()),
        ..IngestOptions::default()
    };
    let err = document_from_text(&raw, &bad, "seed").unwrap_err();
    assert!(err.to_string().contains("not ISO 8601"), "{err}");
}

#[test]
fn id_and_url_apply_only_to_a_lone_document() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "First story.").unwrap();
    std::fs::write(dir.path().join("b.txt"), "Second story.").unwrap();
    let opts = IngestOptions {
        id: Some("given".into()),
        url: Some("https://x.example.com/2020/01/a".into()),
        source: Some("Outlet".into()),
        ..IngestOptions::default()
    };
    let (documents, _) = items(&[dir.path().to_path_buf()], &opts);
    assert_eq!(documents.len(), 2);
    assert!(documents
        .iter()
        .all(|d| d.id.starts_with("doc-") && d.url.is_none()));
    assert!(documents
        .iter()
        .all(|d| d.source.as_deref() == Some("Outlet")));
    assert_ne!(documents[0].id, documents[1].id);

    let (documents, _) = items(&[dir.path().join("a.txt")], &opts);
    assert_eq!(documents[0].id, "given");

    // A JSON Lines file with one record is one document; with two it is not.
    let one = dir.path().join("one.jsonl");
    std::fs::write(&one, "\n{\"id\": \"j1\", \"text\": \"Body.\"}\n\n").unwrap();
    assert_eq!(items(&[one], &opts).0[0].id, "given");
    let two = dir.path().join("two.jsonl");
    std::fs::write(
        &two,
        "{\"id\": \"j1\", \"text\": \"A.\"}\n{\"id\": \"j2\", \"text\": \"B.\"}\n",
    )
    .unwrap();
    let ids: Vec<String> = items(&[two], &opts).0.into_iter().map(|d| d.id).collect();
    assert_eq!(ids, ["j1", "j2"]);
}

#[test]
fn html_page_gives_body_paragraphs_and_metadata() {
    let paragraph = |n: usize| {
        format!(
            "Paragraph {n}: Egypt's state grain buyer said it had bought Russian and Romanian wheat for shipment in March, and traders expect more purchases as prices ease on world markets."
        )
    };
    let html = format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
        <title>Egypt buys wheat | Grain Central</title>
        <meta property="og:title" content="Egypt buys wheat">
        <meta property="og:site_name" content="Grain Central">
        <meta property="article:published_time" content="2023-02-14T09:30:00Z">
        <link rel="canonical" href="https://www.graincentral.example.com/markets/egypt-buys-wheat">
        </head><body><header><nav><a href="/">Home</a></nav></header>
        <main><article><h1>Egypt buys wheat</h1>
        <p>{}</p><p>{}</p><div class="advert">Advertisement</div><p>{}</p>
        <p>Share this:</p>
        <p>This article first appeared on Farm Weekly. Grain Central could not independently verify the report.</p>
        </article></main><footer>Contact us</footer></body></html>"#,
        paragraph(1),
        paragraph(2),
        paragraph(3)
    );
    let doc = document_from_html(html.as_bytes(), &IngestOptions::default(), "page.html").unwrap();
    assert_eq!(doc.title.as_deref(), Some("Egypt buys wheat"));
    assert_eq!(doc.source.as_deref(), Some("Grain Central"));
    assert_eq!(
        doc.url.as_deref(),
        Some("https://www.graincentral.example.com/markets/egypt-buys-wheat")
    );
    let published = doc.published.unwrap();
    assert_eq!(
        (published.iso.as_str(), published.precision),
        ("2023-02-14T09:30:00Z", DatePrecision::Time)
    );
    assert_eq!(
        doc.text,
        [paragraph(1), paragraph(2), paragraph(3)].join("\n\n"),
        "paragraphs apart, furniture and notes gone"
    );
    assert_eq!(doc.provenance, ["Farm Weekly", "Grain Central"]);
    assert_eq!(
        doc.verification_note.as_deref(),
        Some("Grain Central could not independently verify the report.")
    );
    assert_eq!(doc.format, "html");
    assert_eq!(doc.metadata["lang"], "en");
}

#[test]
fn html_in_a_legacy_encoding_is_decoded_by_its_meta_charset() {
    let mut html = b"<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 exports</title></head><body><p>".to_vec();
    html.extend(b"Caf\xe9 exporters in S\xe3o Paulo said shipments rose 12 pct in March, the biggest monthly gain this year, as buyers in Europe rebuilt stocks. ".repeat(4));
    html.extend(b"</p></body></html>");
    let doc = document_from_html(&html, &IngestOptions::default(), "cafe.html").unwrap();
    assert!(
        doc.text.contains("Caf\u{e9} exporters in S\u{e3}o Paulo"),
        "{}",
        doc.text
    );
    assert_eq!(doc.metadata["encoding"], "windows-1252");
    assert_eq!(doc.metadata["decode_errors"], false);
}

#[test]
fn json_lines_are_streamed_and_broken_lines_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("docs.jsonl");
    let mut file = std::fs::File::create(&path).unwrap();
    writeln!(
        file,
        r#"{{"id": "a", "text": "Wheat was sold.", "topics": ["wheat"]}}"#
    )
    .unwrap();
    writeln!(file, r#"{{"id": "b", "text": "#).unwrap();
    writeln!(file).unwrap();
    writeln!(file, r#"{{"id": "c", "title": "no body"}}"#).unwrap();
    writeln!(file, "{{\"id\": \"d\", \"text\": \"{}\"}}", "x".repeat(300)).unwrap();
    file.write_all(b"\xff\xfe not utf-8\n").unwrap();
    writeln!(
        file,
        r#"{{"id": "e", "text": "Corn was bought.\n Reuter\n"}}"#
    )
    .unwrap();
    drop(file);

    let opts = IngestOptions {
        max_bytes: 200,
        ..IngestOptions::default()
    };
    let (documents, skipped) = items(std::slice::from_ref(&path), &opts);
    let ids: Vec<&str> = documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a", "e"]);
    assert_eq!(
        documents[0].metadata["topics"],
        serde_json::json!(["wheat"])
    );
    assert_eq!(documents[0].origin, format!("{}:1", path.display()));
    assert_eq!(documents[1].text, "Corn was bought.");
    let reasons: Vec<&str> = skipped.iter().map(|(_, r)| r.as_str()).collect();
    assert_eq!(reasons.len(), 4, "{reasons:?}");
    assert!(
        reasons[0].starts_with("line 2: EOF while parsing"),
        "{}",
        reasons[0]
    );
    assert_eq!(reasons[1], "line 4: no text field");
    assert_eq!(reasons[2], "line 5: line is over the 0.0 MB limit");
    assert_eq!(reasons[3], "line 6: invalid utf-8");
    assert_eq!(skipped[1].0, format!("{}:4", path.display()));
}

#[test]
fn json_line_api_reads_one_record() {
    let doc = document_from_json_line(
        r#"{"url": "https://www.reuters.com/article/1987/03/25/x", "title": "US GRAIN", "text": "US GRAIN\n\nThe department said."}"#,
        "r:1",
    )
    .unwrap();
    assert_eq!(doc.text, "The department said.");
    assert_eq!(doc.source.as_deref(), Some("Reuters"));
    assert_eq!(doc.published.unwrap().iso, "1987-03-25");
    let err = document_from_json_line("{\"id\": 1}", "r:2").unwrap_err();
    assert_eq!(err.to_string(), "no text field");
}

#[test]
fn bad_files_are_skipped_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    let empty = write("empty.txt", b"");
    let blank = write("blank.txt", b" \n\t\n");
    let junk = write(
        "junk.txt",
        &(0..=255u8).cycle().take(4096).collect::<Vec<_>>(),
    );
    let controls = write("controls.txt", &b"\x01\x02\x03\x04\x05 ab".repeat(50));
    let huge = dir.path().join("huge.html");
    // Sparse: the size is checked before a byte is read.
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(50 * 1024 * 1024)
        .unwrap();
    let furniture_only = write("furniture.txt", b"Advertisement\n\nPost a Comment\n");
    let missing = dir.path().join("missing.txt");

    let cases: &[(&PathBuf, &str)] = &[
        (&empty, "empty file"),
        (&blank, "empty file"),
        (&junk, "binary content"),
        (&controls, "binary content"),
        (&huge, "file is 50 MB, over the 20 MB limit"),
        (&furniture_only, "no body text after cleaning"),
    ];
    for (path, reason) in cases {
        let (documents, skipped) = items(&[(*path).clone()], &IngestOptions::default());
        assert!(documents.is_empty(), "{}", path.display());
        assert_eq!(skipped, [(path.display().to_string(), reason.to_string())]);
    }
    let (_, skipped) = items(&[missing], &IngestOptions::default());
    assert!(skipped[0].1.contains("missing.txt"), "{skipped:?}");
}

#[test]
fn text_that_is_not_utf8_is_decoded_and_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin.txt");
    std::fs::write(
        &path,
        b"Caf\xe9 exports from S\xe3o Paulo rose, na\xefve traders said. Cr\xe8me br\xfbl\xe9e \x93quoted\x94.",
    )
    .unwrap();
    let (documents, _) = items(&[path], &IngestOptions::default());
    let doc = &documents[0];
    assert!(
        doc.text
            .starts_with("Caf\u{e9} exports from S\u{e3}o Paulo"),
        "{}",
        doc.text
    );
    assert!(doc.text.contains("\u{201c}quoted\u{201d}"));
    assert_eq!(doc.metadata["encoding"], "windows-1252");
    assert_eq!(doc.metadata["decode_errors"], true);
}

#[test]
fn deeply_nested_html_is_refused_without_crashing() {
    let mut html = String::from("<html><body>");
    html.push_str(&"<div>".repeat(100_000));
    html.push_str("deep text");
    html.push_str(&"</div>".repeat(100_000));
    html.push_str("</body></html>");
    let err = document_from_html(html.as_bytes(), &IngestOptions::default(), "deep").unwrap_err();
    assert_eq!(err.to_string(), "html nested deeper than 512 elements");

    // Nesting within the limit parses.
    let sentence = "Exports of wheat flour to the region doubled last year as new mills opened, the ministry said. ";
    let html = format!(
        "<html><body>{}<p>{}</p>{}</body></html>",
        "<div>".repeat(400),
        sentence.repeat(5),
        "</div>".repeat(400)
    );
    let doc = document_from_html(html.as_bytes(), &IngestOptions::default(), "deep").unwrap();
    assert!(doc.text.contains("Exports of wheat flour"));
}

#[test]
fn directories_are_walked_sorted_recursively_and_formats_detected() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("b/nested")).unwrap();
    std::fs::create_dir_all(root.join(".hidden")).unwrap();
    std::fs::write(root.join("c.txt"), "Story C.").unwrap();
    std::fs::write(root.join("a.txt"), "Story A.").unwrap();
    std::fs::write(root.join("b/nested/d.txt"), "Story D.").unwrap();
    std::fs::write(
        root.join("b/page"),
        "<!doctype html><html><body><p>Story B.</p></body></html>",
    )
    .unwrap();
    std::fs::write(
        root.join("b/recs.ndjson"),
        "{\"id\": \"r1\", \"text\": \"Story R.\"}\n",
    )
    .unwrap();
    std::fs::write(root.join(".hidden/x.txt"), "Hidden.").unwrap();
    std::fs::write(root.join(".dotfile"), "Hidden.").unwrap();

    let (documents, skipped) = items(&[root.to_path_buf()], &IngestOptions::default());
    assert!(skipped.is_empty(), "{skipped:?}");
    let seen: Vec<(String, String)> = documents
        .iter()
        .map(|d| (d.text.clone(), d.format.clone()))
        .collect();
    let expected = [
        ("Story A.", "text"),
        ("Story C.", "text"),
        ("Story B.", "html"),
        ("Story R.", "jsonl"),
        ("Story D.", "text"),
    ];
    assert_eq!(
        seen,
        expected
            .map(|(t, f)| (t.to_string(), f.to_string()))
            .to_vec()
    );
}

#[cfg(unix)]
#[test]
fn symlinks_outside_the_root_are_refused() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "Secret story.").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("inside.txt"), "Inside story.").unwrap();
    std::os::unix::fs::symlink(outside.path().join("secret.txt"), root.join("link.txt")).unwrap();
    std::os::unix::fs::symlink(outside.path(), root.join("linkdir")).unwrap();
    std::os::unix::fs::symlink(root.join("inside.txt"), root.join("same.txt")).unwrap();
    std::os::unix::fs::symlink(root, root.join("loop")).unwrap();

    let (documents, skipped) = items(&[root.to_path_buf()], &IngestOptions::default());
    let texts: Vec<&str> = documents.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(texts, ["Inside story.", "Inside story."]);
    let reasons: Vec<&str> = skipped.iter().map(|(_, r)| r.as_str()).collect();
    assert_eq!(reasons.len(), 2, "{skipped:?}");
    assert!(
        reasons
            .iter()
            .all(|r| r.starts_with("symlink points outside")),
        "{reasons:?}"
    );
}

#[test]
fn benchmark_scores_a_synthetic_benchmark() {
    let report = bench_article_extraction(&fixture("bench")).unwrap();
    assert_eq!(report.pages, 2);
    assert!(
        report.per_page.iter().all(|p| p.error.is_none()),
        "{:?}",
        report.per_page
    );
    assert!(report.precision > 0.9 && report.recall > 0.9, "{report:?}");
    assert!(report.f1 <= 1.0);
    assert!(bench_article_extraction(&fixture("missing-bench")).is_err());
}
