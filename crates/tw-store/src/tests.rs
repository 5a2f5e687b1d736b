//! Tests of the whole store: round trips, duplicates, batches, filters,
//! migrations, and a model check over random operation sequences.

use std::collections::BTreeMap;

use proptest::prelude::*;
use tw_model::{
    Certainty, Claim, ClaimKind, Commodity, DatePrecision, Document, Evidence, Mention, Money,
    PublishedDate, Quantity, SanctionFlag, Status,
};

use crate::{ClaimFilter, InsertOutcome, Store, StoreError, SCHEMA_VERSION};

// ---------------------------------------------------------------- helpers

fn doc(id: &str, text: &str) -> Document {
    let mut metadata = serde_json::Map::new();
    metadata.insert("topics".into(), serde_json::json!(["grain", "wheat"]));
    Document {
        id: id.to_string(),
        url: Some(format!("https://example.org/{id}")),
        source: Some("Reuters".into()),
        published: PublishedDate::parse("1987-03-26"),
        title: Some(format!("Title of {id}")),
        text: text.to_string(),
        raw: format!("<p>{text}</p>"),
        provenance: vec!["Reuters".into()],
        verification_note: None,
        format: "jsonl".into(),
        origin: format!("corpus.jsonl:{id}"),
        metadata,
    }
}

/// A claim whose evidence is `evidence` (offsets 0..len) with its id assigned.
fn claim(doc_id: &str, kind: ClaimKind, evidence: &str) -> Claim {
    let mut c = Claim::new(doc_id, kind);
    c.evidence.push(Evidence {
        text: evidence.to_string(),
        start: 0,
        end: evidence.chars().count(),
    });
    c.assign_id();
    c
}

fn mention(doc_id: &str, kind: &str, text: &str, start: usize) -> Mention {
    Mention {
        doc_id: doc_id.to_string(),
        kind: kind.to_string(),
        text: text.to_string(),
        start,
        end: start + text.chars().count(),
        value: Some(text.to_uppercase()),
        lat: Some(39.0392),
        lon: Some(125.7625),
    }
}

fn ids(claims: &[Claim]) -> Vec<&str> {
    claims.iter().map(|c| c.id.as_str()).collect()
}

fn all_claims(store: &Store) -> Vec<Claim> {
    store.claims(&ClaimFilter::default()).unwrap()
}

// ------------------------------------------------------- open, migrations

#[test]
fn open_in_memory_is_migrated_with_foreign_keys_on() {
    let store = Store::open_in_memory().unwrap();
    assert_eq!(store.stats().unwrap().schema_version, SCHEMA_VERSION);
    let fk: i64 = store
        .conn
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    assert!(store.integrity_check().unwrap());
}

#[test]
fn open_creates_parent_folders_and_uses_wal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a/b/tradewatch.db");
    let store = Store::open(&path).unwrap();
    assert!(path.exists());
    let mode: String = store
        .conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let sync: i64 = store
        .conn
        .query_row("PRAGMA synchronous", [], |r| r.get(0))
        .unwrap();
    assert_eq!(sync, 1, "NORMAL");
    let busy: i64 = store
        .conn
        .query_row("PRAGMA busy_timeout", [], |r| r.get(0))
        .unwrap();
    assert_eq!(busy, 5000);
}

#[test]
fn reopening_an_existing_database_keeps_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tw.db");
    let d = doc("d1", "Egypt bought 200,000 tonnes of wheat.");
    let c = claim(
        "d1",
        ClaimKind::TradeFlow,
        "Egypt bought 200,000 tonnes of wheat.",
    );
    {
        let mut store = Store::open(&path).unwrap();
        store.insert(&d, std::slice::from_ref(&c), &[]).unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.stats().unwrap().schema_version, SCHEMA_VERSION);
    assert_eq!(store.document("d1").unwrap(), Some(d));
    assert_eq!(all_claims(&store), vec![c]);
}

#[test]
fn a_committed_version_1_database_still_reads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(include_str!("../migrations/0001_init.sql"))
            .unwrap();
        conn.execute_batch(include_str!("../fixtures/v1_data.sql"))
            .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    assert!(store.integrity_check().unwrap());
    let d = store.document("reuters21578-9550").unwrap().unwrap();
    assert_eq!(
        d.published,
        Some(PublishedDate {
            iso: "1987-03-26".into(),
            precision: DatePrecision::Day
        })
    );
    assert_eq!(d.provenance, ["Reuters"]);
    assert_eq!(d.metadata["topics"], serde_json::json!(["veg-oil"]));

    let claims = store
        .claims(&ClaimFilter {
            commodity: Some("15".into()),
            text: Some("vegetable".into()),
            time_from: Some("1987-06".into()),
            ..ClaimFilter::default()
        })
        .unwrap();
    assert_eq!(claims.len(), 1);
    let c = &claims[0];
    assert_eq!(
        (c.exporter.as_deref(), c.importer.as_deref()),
        (Some("US"), Some("YE"))
    );
    assert_eq!(
        c.value,
        Some(Money {
            amount: 10_000_000.0,
            currency: "USD".into()
        })
    );
    assert_eq!(
        (c.status, c.certainty),
        (Status::Planned, Certainty::Official)
    );
    assert_eq!(c.evidence[0].text, &d.text[40..142]);
    assert_eq!(
        store.mentions(&d.id).unwrap()[0].value.as_deref(),
        Some("YE")
    );
    assert_eq!(store.stats().unwrap().skipped, 1);

    // The stored hash is the one the model computes: the same text is a duplicate.
    let again = doc("other-id", &d.text);
    assert_eq!(
        store.insert(&again, &[], &[]).unwrap(),
        InsertOutcome::Duplicate {
            existing_id: d.id.clone()
        }
    );
}

#[test]
fn a_newer_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
    }
    let err = Store::open(&path).unwrap_err();
    assert!(
        matches!(err, StoreError::SchemaTooNew { found, supported }
            if found == SCHEMA_VERSION + 1 && supported == SCHEMA_VERSION),
        "{err}"
    );
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "delete", "the file was not switched to WAL");
}

// ------------------------------------------------------------ insert

#[test]
fn insert_round_trips_document_claims_and_mentions() {
    let mut store = Store::open_in_memory().unwrap();
    let text = "North Korea’s “gas” imports from Russia rose, Daily NK reported.";
    let d = doc("dnk-1", text);
    let mut c = Claim::new("dnk-1", ClaimKind::TradeFlow);
    c.exporter = Some("RU".into());
    c.importer = Some("KP".into());
    c.commodities = vec![Commodity {
        text: "gas".into(),
        hs: Some("2711".into()),
    }];
    c.quantity = Some(Quantity {
        value: 2.34e6,
        unit: "t".into(),
    });
    c.value = Some(Money {
        amount: 0.1 + 0.2,
        currency: "USD".into(),
    });
    c.places = vec!["KP".into(), "Nampo".into()];
    c.organisations = vec!["Daily NK".into()];
    c.time = Some("2022-11/2023-03".into());
    c.time_text = Some("this winter".into());
    c.status = Status::Ongoing;
    c.certainty = Certainty::Reported;
    c.unverified = true;
    c.source = Some("Daily NK".into());
    c.evidence = vec![
        Evidence {
            text: "North Korea’s “gas” imports".into(),
            start: 0,
            end: 27,
        },
        Evidence {
            text: "Daily NK reported".into(),
            start: 46,
            end: 63,
        },
    ];
    c.sanctions = vec![SanctionFlag {
        measure: "UNSCR2397-OP5".into(),
        reason: "commodity 2711 (LPG)".into(),
        ambiguous: true,
    }];
    c.assign_id();
    let s = claim("dnk-1", ClaimKind::Statement, "Daily NK reported");
    let mentions = vec![
        mention("dnk-1", "country", "Russia", 33),
        Mention {
            lat: None,
            lon: None,
            value: None,
            ..mention("dnk-1", "organisation", "Daily NK", 46)
        },
    ];

    let outcome = store
        .insert(&d, &[c.clone(), s.clone()], &mentions)
        .unwrap();
    assert_eq!(outcome, InsertOutcome::Inserted);
    assert_eq!(store.document("dnk-1").unwrap(), Some(d));
    assert_eq!(store.document("nope").unwrap(), None);
    assert_eq!(store.claim(&c.id).unwrap(), Some(c.clone()));
    assert_eq!(store.claim("nope").unwrap(), None);
    assert_eq!(all_claims(&store), vec![c, s]);
    assert_eq!(store.mentions("dnk-1").unwrap(), mentions);
    assert!(store.mentions("nope").unwrap().is_empty());
    assert!(store.integrity_check().unwrap());
}

#[test]
fn hostile_strings_are_stored_literally() {
    let mut store = Store::open_in_memory().unwrap();
    let text = "x'); DROP TABLE documents; -- \"quoted\" \0 nul % _ \\";
    let d = doc("'; DELETE FROM claims; --", text);
    let c = claim(&d.id, ClaimKind::Event, text);
    store.insert(&d, std::slice::from_ref(&c), &[]).unwrap();
    assert_eq!(store.document(&d.id).unwrap(), Some(d.clone()));
    assert_eq!(store.claim(&c.id).unwrap(), Some(c));
    let none = store
        .claims(&ClaimFilter {
            country: Some("' OR 1=1 --".into()),
            commodity: Some("%".into()),
            ..ClaimFilter::default()
        })
        .unwrap();
    assert!(none.is_empty());
}

#[test]
fn duplicates_by_id_or_content_change_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let d1 = doc("d1", "Wheat  shipments\nrose.");
    let c1 = claim("d1", ClaimKind::Market, "Wheat shipments rose.");
    assert_eq!(
        store.insert(&d1, std::slice::from_ref(&c1), &[]).unwrap(),
        InsertOutcome::Inserted
    );
    // Same id, other content.
    let same_id = doc("d1", "Something else entirely.");
    let other = claim("d1", ClaimKind::Event, "Something else entirely.");
    assert_eq!(
        store.insert(&same_id, &[other], &[]).unwrap(),
        InsertOutcome::Duplicate {
            existing_id: "d1".into()
        }
    );
    // Other id, same content up to white space.
    let same_text = doc("d2", "Wheat shipments rose.");
    let c2 = claim("d2", ClaimKind::Market, "Wheat shipments rose.");
    assert_eq!(
        store
            .insert(&same_text, &[c2], &[mention("d2", "commodity", "Wheat", 0)])
            .unwrap(),
        InsertOutcome::Duplicate {
            existing_id: "d1".into()
        }
    );
    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.claims, stats.mentions), (1, 1, 0));
    assert_eq!(store.document("d1").unwrap(), Some(d1));
    assert_eq!(all_claims(&store), vec![c1]);
}

#[test]
fn invalid_items_are_refused_and_store_nothing() {
    let d = doc("d1", "Text.");
    let good = claim("d1", ClaimKind::Event, "Text.");
    let mut no_id = good.clone();
    no_id.id.clear();
    type Case = (Document, Vec<Claim>, Vec<Mention>, fn(&StoreError) -> bool);
    let cases: Vec<Case> = vec![
        (
            d.clone(),
            vec![claim("d2", ClaimKind::Event, "Text.")],
            vec![],
            |e| matches!(e, StoreError::DocIdMismatch { .. }),
        ),
        (
            d.clone(),
            vec![good.clone()],
            vec![mention("d9", "country", "Text", 0)],
            |e| matches!(e, StoreError::DocIdMismatch { .. }),
        ),
        (d.clone(), vec![no_id], vec![], |e| {
            matches!(e, StoreError::EmptyClaimId { .. })
        }),
        (d.clone(), vec![good.clone(), good.clone()], vec![], |e| {
            matches!(e, StoreError::DuplicateClaimId { .. })
        }),
        (doc("", "Text."), vec![], vec![], |e| {
            matches!(e, StoreError::EmptyDocumentId)
        }),
    ];
    for (d, claims, mentions, expected) in cases {
        let mut store = Store::open_in_memory().unwrap();
        let err = store.insert(&d, &claims, &mentions).unwrap_err();
        assert!(expected(&err), "{err}");
        assert!(err.is_item_error());
        assert_eq!(store.stats().unwrap().documents, 0, "{err}");
    }
}

#[test]
fn a_claim_id_used_by_another_document_fails_that_insert_whole() {
    let mut store = Store::open_in_memory().unwrap();
    let c = claim("d1", ClaimKind::Event, "A.");
    store
        .insert(&doc("d1", "A."), std::slice::from_ref(&c), &[])
        .unwrap();
    let mut stolen = c.clone();
    stolen.doc_id = "d2".into();
    let err = store
        .insert(
            &doc("d2", "B."),
            &[stolen],
            &[mention("d2", "country", "B", 0)],
        )
        .unwrap_err();
    assert!(err.is_item_error(), "{err}");
    assert_eq!(store.document("d2").unwrap(), None, "rolled back");
    assert!(store.mentions("d2").unwrap().is_empty());
    assert!(store.integrity_check().unwrap());
}

// ------------------------------------------------------------- batches

#[test]
fn a_failing_item_in_a_batch_leaves_the_others_stored() {
    let mut store = Store::open_in_memory().unwrap();
    let ok1 = (
        doc("d1", "One."),
        vec![claim("d1", ClaimKind::Event, "One.")],
        vec![mention("d1", "country", "One", 0)],
    );
    let bad = (
        doc("d2", "Two."),
        vec![
            claim("d2", ClaimKind::Event, "Two."),
            claim("elsewhere", ClaimKind::Event, "Two."),
        ],
        vec![],
    );
    // Fails inside SQLite, after its document row was written.
    let mut stolen = ok1.1[0].clone();
    stolen.doc_id = "d3".into();
    let bad_sql = (doc("d3", "Three."), vec![stolen], vec![]);
    let ok2 = (
        doc("d4", "Four."),
        vec![claim("d4", ClaimKind::Market, "Four.")],
        vec![],
    );
    let dup = (doc("d5", "One."), vec![], vec![]);
    let outcomes = store
        .insert_batch(&[ok1.clone(), bad, bad_sql, ok2.clone(), dup])
        .unwrap();
    assert_eq!(outcomes[0], InsertOutcome::Inserted);
    assert!(
        matches!(&outcomes[1], InsertOutcome::Failed { reason } if reason.contains("elsewhere")),
        "{outcomes:?}"
    );
    assert!(
        matches!(&outcomes[2], InsertOutcome::Failed { .. }),
        "{outcomes:?}"
    );
    assert_eq!(outcomes[3], InsertOutcome::Inserted);
    assert_eq!(
        outcomes[4],
        InsertOutcome::Duplicate {
            existing_id: "d1".into()
        }
    );
    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.claims, stats.mentions), (2, 2, 1));
    assert_eq!(store.document("d2").unwrap(), None);
    assert_eq!(store.document("d3").unwrap(), None);
    let mut expected = ok1.1.clone();
    expected.extend(ok2.1.clone());
    assert_eq!(all_claims(&store), expected);
    assert!(store.integrity_check().unwrap());
}

#[test]
fn an_empty_batch_is_fine() {
    let mut store = Store::open_in_memory().unwrap();
    assert!(store.insert_batch(&[]).unwrap().is_empty());
}

// ------------------------------------------------- replace, update, delete

#[test]
fn replace_claims_swaps_claims_evidence_and_search() {
    let mut store = Store::open_in_memory().unwrap();
    let old = claim("d1", ClaimKind::Event, "Old wording about barley.");
    store
        .insert(&doc("d1", "Text."), std::slice::from_ref(&old), &[])
        .unwrap();
    let mut new = claim("d1", ClaimKind::TradeFlow, "New wording about maize.");
    new.commodities = vec![Commodity {
        text: "maize".into(),
        hs: Some("1005".into()),
    }];
    new.assign_id();
    store
        .replace_claims("d1", std::slice::from_ref(&new))
        .unwrap();
    assert_eq!(all_claims(&store), vec![new.clone()]);
    let search = |word: &str| {
        store
            .claims(&ClaimFilter {
                text: Some(word.into()),
                ..ClaimFilter::default()
            })
            .unwrap()
    };
    assert!(search("barley").is_empty());
    assert_eq!(ids(&search("maize")), [new.id.as_str()]);
    assert!(store.integrity_check().unwrap());

    // Replacing with the same claims is allowed (same ids).
    store
        .replace_claims("d1", std::slice::from_ref(&new))
        .unwrap();
    store.replace_claims("d1", &[]).unwrap();
    assert_eq!(store.stats().unwrap().evidence, 0);

    assert!(matches!(
        store.replace_claims("nope", &[]),
        Err(StoreError::UnknownDocument(_))
    ));
    assert!(matches!(
        store.replace_claims("d1", &[claim("d2", ClaimKind::Event, "x")]),
        Err(StoreError::DocIdMismatch { .. })
    ));
}

#[test]
fn update_sanctions_sets_flags_and_the_measure_filter() {
    let mut store = Store::open_in_memory().unwrap();
    let c = claim("d1", ClaimKind::TradeFlow, "Coal went to China.");
    let other = claim("d1", ClaimKind::Event, "Something.");
    store
        .insert(&doc("d1", "Text."), &[c.clone(), other.clone()], &[])
        .unwrap();
    let flags = vec![
        SanctionFlag {
            measure: "UNSCR2371-OP8".into(),
            reason: "commodity 2701 coal".into(),
            ambiguous: false,
        },
        SanctionFlag {
            measure: "UNSCR2397-OP5".into(),
            reason: "maybe".into(),
            ambiguous: true,
        },
    ];
    store.update_sanctions(&c.id, &flags).unwrap();
    assert_eq!(store.claim(&c.id).unwrap().unwrap().sanctions, flags);
    let by_measure = |store: &Store, m: &str| {
        store
            .claims(&ClaimFilter {
                measure: Some(m.into()),
                ..ClaimFilter::default()
            })
            .unwrap()
    };
    assert_eq!(ids(&by_measure(&store, "UNSCR2371-OP8")), [c.id.as_str()]);
    assert_eq!(ids(&by_measure(&store, "unscr2397-op5")), [c.id.as_str()]);
    assert_eq!(store.stats().unwrap().flagged_claims, 1);

    store
        .update_sanctions_batch(&[
            (c.id.clone(), vec![]),
            (other.id.clone(), flags[..1].to_vec()),
        ])
        .unwrap();
    assert_eq!(
        ids(&by_measure(&store, "UNSCR2371-OP8")),
        [other.id.as_str()]
    );
    assert!(by_measure(&store, "UNSCR2397-OP5").is_empty());
    assert!(matches!(
        store.update_sanctions("nope", &flags),
        Err(StoreError::UnknownClaim(_))
    ));
    // All or nothing: the unknown claim undoes the first update.
    assert!(store
        .update_sanctions_batch(&[(c.id.clone(), flags.clone()), ("nope".into(), vec![])])
        .is_err());
    assert!(store.claim(&c.id).unwrap().unwrap().sanctions.is_empty());
    assert!(store.integrity_check().unwrap());
}

#[test]
fn delete_document_cascades() {
    let mut store = Store::open_in_memory().unwrap();
    let c = claim("d1", ClaimKind::TradeFlow, "Coal went to China.");
    let mut c = c;
    c.commodities = vec![Commodity {
        text: "coal".into(),
        hs: Some("2701".into()),
    }];
    c.places = vec!["CN".into()];
    c.sanctions = vec![SanctionFlag {
        measure: "M".into(),
        reason: "r".into(),
        ambiguous: false,
    }];
    c.assign_id();
    store
        .insert(
            &doc("d1", "Text."),
            &[c],
            &[mention("d1", "country", "China", 0)],
        )
        .unwrap();
    assert!(store.delete_document("d1").unwrap());
    assert!(!store.delete_document("d1").unwrap());
    let stats = store.stats().unwrap();
    assert_eq!(
        (
            stats.documents,
            stats.claims,
            stats.evidence,
            stats.mentions
        ),
        (0, 0, 0, 0)
    );
    for table in ["claim_commodities", "claim_places", "claim_sanctions"] {
        let n: i64 = store
            .conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0, "{table}");
    }
    assert!(store.integrity_check().unwrap());
}

#[test]
fn integrity_check_notices_inconsistencies() {
    let setup = || {
        let mut store = Store::open_in_memory().unwrap();
        let mut c = claim("d1", ClaimKind::TradeFlow, "Coal went to China.");
        c.commodities = vec![Commodity {
            text: "coal".into(),
            hs: Some("2701".into()),
        }];
        c.assign_id();
        store.insert(&doc("d1", "Text."), &[c], &[]).unwrap();
        assert!(store.integrity_check().unwrap());
        store
    };
    let store = setup();
    store
        .conn
        .execute("DELETE FROM claim_commodities", [])
        .unwrap();
    assert!(!store.integrity_check().unwrap(), "filter rows out of step");

    let store = setup();
    store
        .conn
        .execute_batch("DROP TRIGGER evidence_fts_delete; DELETE FROM evidence;")
        .unwrap();
    assert!(
        !store.integrity_check().unwrap(),
        "full-text index out of step"
    );
}

// --------------------------------------------------------- ingest log, stats

#[test]
fn ingest_log_keeps_what_was_skipped_and_why() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .log_ingest("a.jsonl", "line 1", "stored", None)
        .unwrap();
    store
        .log_ingest("a.jsonl", "line 2", "skipped", Some("no text"))
        .unwrap();
    store
        .log_ingest("a.jsonl", "line 3", "duplicate", Some("same as d1"))
        .unwrap();
    assert!(matches!(
        store.log_ingest("a.jsonl", "line 4", "lost", None),
        Err(StoreError::InvalidIngestStatus(_))
    ));
    let log = store.ingest_log(2).unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!(
        (log[0].item.as_str(), log[0].status.as_str()),
        ("line 3", "duplicate")
    );
    assert_eq!(log[1].reason.as_deref(), Some("no text"));
    assert!(log[1].at.starts_with("20"), "{}", log[1].at);
    let stats = store.stats().unwrap();
    assert_eq!((stats.skipped, stats.duplicates), (1, 1));
    assert_eq!(store.ingest_log(100).unwrap().len(), 3);
}

#[test]
fn stats_count_claims_per_kind() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .insert(
            &doc("d1", "Text."),
            &[
                claim("d1", ClaimKind::TradeFlow, "a"),
                claim("d1", ClaimKind::TradeFlow, "bb"),
                claim("d1", ClaimKind::Statement, "c"),
            ],
            &[mention("d1", "country", "x", 0)],
        )
        .unwrap();
    let stats = store.stats().unwrap();
    assert_eq!(stats.documents, 1);
    assert_eq!(stats.claims, 3);
    assert_eq!(stats.evidence, 3);
    assert_eq!(stats.mentions, 1);
    assert_eq!(
        stats.claims_by_kind,
        BTreeMap::from([(ClaimKind::TradeFlow, 2), (ClaimKind::Statement, 1)])
    );
}

// ------------------------------------------------------------ documents

#[test]
fn documents_are_ordered_by_date_then_id_with_undated_last() {
    let mut store = Store::open_in_memory().unwrap();
    let dated = |id: &str, date: &str| Document {
        published: PublishedDate::parse(date),
        ..doc(id, &format!("text of {id}"))
    };
    let undated = Document {
        published: None,
        ..doc("a-undated", "undated text")
    };
    for d in [
        dated("z", "1987-03-26"),
        undated.clone(),
        dated("b", "1987-03-26"),
        dated("c", "1986"),
        dated("d", "1987-03-26T10:00:00Z"),
    ] {
        store.insert(&d, &[], &[]).unwrap();
    }
    let order = |docs: Vec<Document>| docs.into_iter().map(|d| d.id).collect::<Vec<_>>();
    assert_eq!(
        order(store.documents(None).unwrap()),
        ["c", "b", "z", "d", "a-undated"]
    );
    assert_eq!(order(store.documents(Some(2)).unwrap()), ["c", "b"]);
    assert_eq!(store.documents(None).unwrap()[4], undated);

    let mut seen = Vec::new();
    store
        .for_each_document(|d| {
            seen.push(d.id);
            Ok(())
        })
        .unwrap();
    assert_eq!(seen.len(), 5);
    // An error from the callback stops the walk and comes back.
    let mut calls = 0;
    let err = store
        .for_each_document(|d| {
            calls += 1;
            Err(StoreError::UnknownDocument(d.id))
        })
        .unwrap_err();
    assert!(matches!(err, StoreError::UnknownDocument(id) if id == "c"));
    assert_eq!(calls, 1);
    // Nested reads inside the walk work.
    store
        .for_each_document(|d| {
            assert_eq!(store.documents(None)?.len(), 5);
            assert!(store.document(&d.id)?.is_some());
            Ok(())
        })
        .unwrap();
}

// ------------------------------------------------------------- filters

/// A store with claims that differ in one field each.
fn filter_fixture() -> (Store, BTreeMap<&'static str, String>) {
    let mut store = Store::open_in_memory().unwrap();
    let mut names = BTreeMap::new();
    let mut flow = claim(
        "d1",
        ClaimKind::TradeFlow,
        "The Soviet Union bought U.S. wheat.",
    );
    flow.exporter = Some("US".into());
    flow.importer = Some("SU".into());
    flow.commodities = vec![
        Commodity {
            text: "Wheat flour".into(),
            hs: Some("1101".into()),
        },
        Commodity {
            text: "Äpfel".into(),
            hs: None,
        },
    ];
    flow.time = Some("1986/1987".into());
    flow.status = Status::Planned;
    flow.certainty = Certainty::Official;
    flow.assign_id();

    let mut fuel = claim(
        "d1",
        ClaimKind::TradeFlow,
        "Diesel was shipped to Nampo, traders said.",
    );
    fuel.importer = Some("KP".into());
    fuel.commodities = vec![Commodity {
        text: "diesel".into(),
        hs: Some("271019".into()),
    }];
    fuel.time = Some("1987-05-01/1987-05-10".into());
    fuel.certainty = Certainty::Anonymous;
    fuel.sanctions = vec![SanctionFlag {
        measure: "UNSCR2397-OP5".into(),
        reason: "commodity 271019".into(),
        ambiguous: false,
    }];
    fuel.assign_id();

    let mut presence = claim(
        "d2",
        ClaimKind::Presence,
        "Mitsui opened an office in Pyongyang.",
    );
    presence.actor = Some("Mitsui".into());
    presence.places = vec!["Pyongyang".into(), "KP".into()];
    presence.time = Some("1987".into());
    presence.status = Status::Ongoing;
    presence.assign_id();

    let mut untimed = claim("d2", ClaimKind::Personnel, "Workers were sent to Russia.");
    untimed.destination = Some("RU".into());
    untimed.status = Status::Negated;
    untimed.certainty = Certainty::Rumor;
    untimed.assign_id();

    names.insert("flow", flow.id.clone());
    names.insert("fuel", fuel.id.clone());
    names.insert("presence", presence.id.clone());
    names.insert("untimed", untimed.id.clone());
    store
        .insert(&doc("d1", "One."), &[flow, fuel], &[])
        .unwrap();
    store
        .insert(&doc("d2", "Two."), &[presence, untimed], &[])
        .unwrap();
    (store, names)
}

#[test]
fn each_filter_field_selects_its_claims() {
    let (store, names) = filter_fixture();
    let f = ClaimFilter::default;
    let s = |v: &str| Some(v.to_string());
    let cases: Vec<(&str, ClaimFilter, Vec<&str>)> = vec![
        ("none", f(), vec!["flow", "fuel", "presence", "untimed"]),
        (
            "kind",
            ClaimFilter {
                kind: Some(ClaimKind::TradeFlow),
                ..f()
            },
            vec!["flow", "fuel"],
        ),
        (
            "kind absent",
            ClaimFilter {
                kind: Some(ClaimKind::Market),
                ..f()
            },
            vec![],
        ),
        (
            "exporter",
            ClaimFilter {
                country: s("US"),
                ..f()
            },
            vec!["flow"],
        ),
        (
            "importer, any case",
            ClaimFilter {
                country: s("su"),
                ..f()
            },
            vec!["flow"],
        ),
        (
            "importer or place",
            ClaimFilter {
                country: s("KP"),
                ..f()
            },
            vec!["fuel", "presence"],
        ),
        (
            "actor",
            ClaimFilter {
                country: s("Mitsui"),
                ..f()
            },
            vec!["presence"],
        ),
        (
            "place name",
            ClaimFilter {
                country: s("pyongyang"),
                ..f()
            },
            vec!["presence"],
        ),
        (
            "destination",
            ClaimFilter {
                country: s("RU"),
                ..f()
            },
            vec!["untimed"],
        ),
        (
            "whole values only",
            ClaimFilter {
                country: s("K"),
                ..f()
            },
            vec![],
        ),
        (
            "hs chapter",
            ClaimFilter {
                commodity: s("27"),
                ..f()
            },
            vec!["fuel"],
        ),
        (
            "hs heading",
            ClaimFilter {
                commodity: s("1101"),
                ..f()
            },
            vec!["flow"],
        ),
        (
            "hs longer than stored",
            ClaimFilter {
                commodity: s("110100"),
                ..f()
            },
            vec![],
        ),
        (
            "hs 2 digits",
            ClaimFilter {
                commodity: s("11"),
                ..f()
            },
            vec!["flow"],
        ),
        (
            "commodity text",
            ClaimFilter {
                commodity: s("FLOUR"),
                ..f()
            },
            vec!["flow"],
        ),
        (
            "commodity unicode case",
            ClaimFilter {
                commodity: s("äPFEL"),
                ..f()
            },
            vec!["flow"],
        ),
        (
            "blank commodity",
            ClaimFilter {
                commodity: s("  "),
                ..f()
            },
            vec!["flow", "fuel", "presence", "untimed"],
        ),
        (
            "status",
            ClaimFilter {
                status: Some(Status::Negated),
                ..f()
            },
            vec!["untimed"],
        ),
        (
            "status default",
            ClaimFilter {
                status: Some(Status::Occurred),
                ..f()
            },
            vec!["fuel"],
        ),
        (
            "certainty",
            ClaimFilter {
                certainty: Some(Certainty::Anonymous),
                ..f()
            },
            vec!["fuel"],
        ),
        (
            "text",
            ClaimFilter {
                text: s("wheat"),
                ..f()
            },
            vec!["flow"],
        ),
        (
            "text prefix and case",
            ClaimFilter {
                text: s("TRADE"),
                ..f()
            },
            vec!["fuel"],
        ),
        (
            "text all words",
            ClaimFilter {
                text: s("shipped Nampo"),
                ..f()
            },
            vec!["fuel"],
        ),
        (
            "text words anywhere",
            ClaimFilter {
                text: s("Nampo wheat"),
                ..f()
            },
            vec![],
        ),
        (
            "text operators are words",
            ClaimFilter {
                text: s("wheat OR diesel"),
                ..f()
            },
            vec![],
        ),
        (
            "doc",
            ClaimFilter {
                doc_id: s("d2"),
                ..f()
            },
            vec!["presence", "untimed"],
        ),
        (
            "measure",
            ClaimFilter {
                measure: s("UNSCR2397-OP5"),
                ..f()
            },
            vec!["fuel"],
        ),
        (
            "limit",
            ClaimFilter {
                limit: Some(1),
                ..f()
            },
            vec!["flow"],
        ),
        (
            "combined",
            ClaimFilter {
                kind: Some(ClaimKind::TradeFlow),
                country: s("KP"),
                commodity: s("2710"),
                ..f()
            },
            vec!["fuel"],
        ),
    ];
    for (name, filter, expected) in cases {
        let got = store.claims(&filter).unwrap();
        let mut got: Vec<&str> = got
            .iter()
            .map(|c| {
                names
                    .iter()
                    .find(|(_, id)| **id == c.id)
                    .map(|(n, _)| *n)
                    .unwrap()
            })
            .collect();
        got.sort_unstable();
        assert_eq!(got, expected, "{name}");
        let count = store.count_claims(&filter).unwrap();
        if filter.limit.is_none() {
            assert_eq!(count, expected.len() as u64, "count {name}");
        }
    }
}

#[test]
fn time_filters_use_interval_overlap() {
    let (store, names) = filter_fixture();
    let s = |v: &str| Some(v.to_string());
    let cases: Vec<(Option<String>, Option<String>, Vec<&str>)> = vec![
        // flow 1986/1987, fuel 1987-05-01/1987-05-10, presence 1987, untimed none.
        (s("1987"), s("1987"), vec!["flow", "fuel", "presence"]),
        (s("1986-06"), s("1986-06"), vec!["flow"]),
        (s("1987-05-10"), None, vec!["flow", "fuel", "presence"]),
        (s("1987-05-11"), s("1987-12-31"), vec!["flow", "presence"]),
        (None, s("1987-04-30"), vec!["flow", "presence"]),
        (None, s("1987-05-01"), vec!["flow", "fuel", "presence"]),
        (s("1988"), None, vec![]),
        (None, s("1985"), vec![]),
        (
            s("1987-05-03/1987-05-04"),
            s("1987-05-05"),
            vec!["flow", "fuel", "presence"],
        ),
    ];
    for (from, to, expected) in cases {
        let filter = ClaimFilter {
            time_from: from.clone(),
            time_to: to.clone(),
            ..ClaimFilter::default()
        };
        let got = store.claims(&filter).unwrap();
        let mut want: Vec<&str> = expected.iter().map(|n| names[n].as_str()).collect();
        want.sort_unstable();
        let mut got = ids(&got);
        got.sort_unstable();
        assert_eq!(got, want, "{from:?}..{to:?}");
    }
    assert!(matches!(
        store.claims(&ClaimFilter {
            time_to: s("spring"),
            ..ClaimFilter::default()
        }),
        Err(StoreError::InvalidTimeBound(_))
    ));
}

// --------------------------------------------------------------- proptest

fn any_text() -> impl Strategy<Value = String> {
    // Any Unicode scalar, NUL and newlines included.
    "(?s).{0,24}"
}

fn finite() -> impl Strategy<Value = f64> {
    any::<f64>().prop_filter("finite", |f| f.is_finite())
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(serde_json::Value::from),
        finite().prop_map(serde_json::Value::from),
        any_text().prop_map(serde_json::Value::String),
        prop::collection::vec(any_text(), 0..3).prop_map(serde_json::Value::from),
    ]
}

fn published() -> impl Strategy<Value = Option<PublishedDate>> {
    prop::option::of(
        prop_oneof![
            "[0-9]{4}",
            "[0-9]{4}-(0[1-9]|1[0-2])",
            "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9])",
            "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9])T[0-2][0-9]:[0-5][0-9]:00Z",
        ]
        .prop_map(|s| PublishedDate::parse(&s).unwrap()),
    )
}

fn document() -> impl Strategy<Value = Document> {
    (
        (
            "[a-z0-9:/._-]{1,20}",
            prop::option::of(any_text()),
            prop::option::of(any_text()),
        ),
        (
            published(),
            prop::option::of(any_text()),
            any_text(),
            any_text(),
        ),
        (
            prop::collection::vec(any_text(), 0..3),
            prop::option::of(any_text()),
            "text|html|jsonl",
            any_text(),
        ),
        prop::collection::btree_map("[a-z]{1,6}", json_value(), 0..4),
    )
        .prop_map(
            |(
                (id, url, source),
                (published, title, text, raw),
                (provenance, verification_note, format, origin),
                metadata,
            )| Document {
                id,
                url,
                source,
                published,
                title,
                text,
                raw,
                provenance,
                verification_note,
                format,
                origin,
                metadata: metadata.into_iter().collect(),
            },
        )
}

fn time_value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{4}",
        "[0-9]{4}-[0-9]{2}",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}/[0-9]{4}-[0-9]{2}-[0-9]{2}",
        "[0-9]{4}/\\.\\.",
        any_text(),
    ]
}

/// A claim body; `doc_id` and `id` are set by the caller.
fn claim_body() -> impl Strategy<Value = Claim> {
    let opt = || prop::option::of(any_text());
    (
        (
            prop::sample::select(ClaimKind::ALL.to_vec()),
            prop::sample::select(Status::ALL.to_vec()),
            prop::sample::select(Certainty::ALL.to_vec()),
            any::<bool>(),
        ),
        (opt(), opt(), opt(), opt(), opt(), opt(), opt(), opt()),
        (
            prop::collection::vec(
                (any_text(), prop::option::of("[0-9]{2,6}"))
                    .prop_map(|(text, hs)| Commodity { text, hs }),
                0..3,
            ),
            prop::option::of(
                (finite(), any_text()).prop_map(|(value, unit)| Quantity { value, unit }),
            ),
            prop::option::of(
                (finite(), "[A-Z]{3}").prop_map(|(amount, currency)| Money { amount, currency }),
            ),
            prop::collection::vec(any_text(), 0..3),
            prop::collection::vec(any_text(), 0..3),
        ),
        (prop::option::of(time_value()), opt()),
        prop::collection::vec(
            (any_text(), 0..100_000usize, 0..100_000usize)
                .prop_map(|(text, start, end)| Evidence { text, start, end }),
            0..3,
        ),
        prop::collection::vec(
            ("[A-Z0-9-]{1,12}", any_text(), any::<bool>()).prop_map(
                |(measure, reason, ambiguous)| SanctionFlag {
                    measure,
                    reason,
                    ambiguous,
                },
            ),
            0..3,
        ),
    )
        .prop_map(
            |(
                (kind, status, certainty, unverified),
                (exporter, importer, actor, target, speaker, venue, destination, source),
                (commodities, quantity, value, places, organisations),
                (time, time_text),
                evidence,
                sanctions,
            )| Claim {
                id: String::new(),
                doc_id: String::new(),
                kind,
                exporter,
                importer,
                commodities,
                quantity,
                value,
                actor,
                target,
                speaker,
                venue,
                destination,
                places,
                organisations,
                time,
                time_text,
                status,
                certainty,
                unverified,
                source,
                evidence,
                sanctions,
            },
        )
}

fn mention_body() -> impl Strategy<Value = Mention> {
    (
        "country|place|organisation|commodity|quantity|money|time",
        any_text(),
        0..100_000usize,
        0..100_000usize,
        prop::option::of(any_text()),
        prop::option::of(finite()),
        prop::option::of(finite()),
    )
        .prop_map(|(kind, text, start, end, value, lat, lon)| Mention {
            doc_id: String::new(),
            kind,
            text,
            start,
            end,
            value,
            lat,
            lon,
        })
}

/// Give claims their document and distinct ids (`tag` keeps ids of one
/// document's successive claim sets apart).
fn own(doc_id: &str, tag: &str, mut claims: Vec<Claim>) -> Vec<Claim> {
    for (i, c) in claims.iter_mut().enumerate() {
        c.doc_id = doc_id.to_string();
        c.id = format!("{doc_id}#{tag}{i}");
    }
    claims
}

fn own_mentions(doc_id: &str, mut mentions: Vec<Mention>) -> Vec<Mention> {
    for m in &mut mentions {
        m.doc_id = doc_id.to_string();
    }
    mentions
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn documents_claims_and_mentions_round_trip(
        d in document(),
        claims in prop::collection::vec(claim_body(), 0..4),
        mentions in prop::collection::vec(mention_body(), 0..3),
    ) {
        let mut store = Store::open_in_memory().unwrap();
        let claims = own(&d.id, "", claims);
        let mentions = own_mentions(&d.id, mentions);
        prop_assert_eq!(store.insert(&d, &claims, &mentions).unwrap(), InsertOutcome::Inserted);
        prop_assert_eq!(store.document(&d.id).unwrap(), Some(d.clone()));
        prop_assert_eq!(all_claims(&store), claims.clone());
        for c in &claims {
            prop_assert_eq!(store.claim(&c.id).unwrap(), Some(c.clone()));
        }
        prop_assert_eq!(store.mentions(&d.id).unwrap(), mentions);
        prop_assert!(store.integrity_check().unwrap());
    }
}

/// One step of the model check.
#[derive(Debug, Clone)]
enum Op {
    Insert {
        doc: usize,
        text: usize,
        claims: Vec<Claim>,
        mentions: Vec<Mention>,
    },
    Replace {
        doc: usize,
        claims: Vec<Claim>,
    },
    Delete {
        doc: usize,
    },
    /// Items as in `Insert`; `true` marks an item made invalid.
    Batch(Vec<(usize, usize, Vec<Claim>, bool)>),
}

/// Texts 0 and 1 differ only in spacing, so they are duplicates by content.
const TEXTS: [&str; 4] = [
    "Wheat sold.",
    "Wheat   sold.\n",
    "Maize bought.",
    "Oil shipped.",
];
const DOC_IDS: [&str; 4] = ["d0", "d1", "d2", "d3"];

fn op() -> impl Strategy<Value = Op> {
    let claims = || prop::collection::vec(claim_body(), 0..3);
    prop_oneof![
        4 => (0..4usize, 0..4usize, claims(), prop::collection::vec(mention_body(), 0..2))
            .prop_map(|(doc, text, claims, mentions)| Op::Insert { doc, text, claims, mentions }),
        2 => (0..4usize, claims()).prop_map(|(doc, claims)| Op::Replace { doc, claims }),
        1 => (0..4usize).prop_map(|doc| Op::Delete { doc }),
        2 => prop::collection::vec((0..4usize, 0..4usize, claims(), prop::bool::weighted(0.3)), 0..4)
            .prop_map(Op::Batch),
    ]
}

/// The store as a map: what it should contain.
#[derive(Default)]
struct Model {
    docs: BTreeMap<String, (Document, Vec<Claim>, Vec<Mention>)>,
}

impl Model {
    fn insert(
        &mut self,
        doc: Document,
        claims: Vec<Claim>,
        mentions: Vec<Mention>,
    ) -> InsertOutcome {
        if self.docs.contains_key(&doc.id) {
            return InsertOutcome::Duplicate {
                existing_id: doc.id,
            };
        }
        let hash = doc.content_hash();
        if let Some((id, _)) = self
            .docs
            .iter()
            .find(|(_, (d, _, _))| d.content_hash() == hash)
        {
            return InsertOutcome::Duplicate {
                existing_id: id.clone(),
            };
        }
        self.docs.insert(doc.id.clone(), (doc, claims, mentions));
        InsertOutcome::Inserted
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn random_operation_sequences_match_a_model(ops in prop::collection::vec(op(), 1..12)) {
        let mut store = Store::open_in_memory().unwrap();
        let mut model = Model::default();
        for (step, op) in ops.into_iter().enumerate() {
            let tag = format!("s{step}-");
            match op {
                Op::Insert { doc: n, text, claims, mentions } => {
                    let d = doc(DOC_IDS[n], TEXTS[text]);
                    let claims = own(&d.id, &tag, claims);
                    let mentions = own_mentions(&d.id, mentions);
                    let got = store.insert(&d, &claims, &mentions).unwrap();
                    prop_assert_eq!(got, model.insert(d, claims, mentions));
                }
                Op::Replace { doc: n, claims } => {
                    let id = DOC_IDS[n];
                    let claims = own(id, &tag, claims);
                    let got = store.replace_claims(id, &claims);
                    match model.docs.get_mut(id) {
                        Some(entry) => {
                            prop_assert!(got.is_ok(), "{:?}", got);
                            entry.1 = claims;
                        }
                        None => prop_assert!(matches!(got, Err(StoreError::UnknownDocument(_)))),
                    }
                }
                Op::Delete { doc: n } => {
                    let got = store.delete_document(DOC_IDS[n]).unwrap();
                    prop_assert_eq!(got, model.docs.remove(DOC_IDS[n]).is_some());
                }
                Op::Batch(items) => {
                    let items: Vec<_> = items
                        .into_iter()
                        .enumerate()
                        .map(|(i, (n, text, claims, bad))| {
                            let d = doc(DOC_IDS[n], TEXTS[text]);
                            let mut claims = own(&d.id, &format!("{tag}{i}-"), claims);
                            if bad {
                                let mut stray = Claim::new("stray", ClaimKind::Event);
                                stray.id = format!("stray{step}-{i}");
                                claims.push(stray);
                            }
                            (d, claims, Vec::new(), bad)
                        })
                        .collect();
                    let batch: Vec<_> = items
                        .iter()
                        .map(|(d, c, m, _)| (d.clone(), c.clone(), m.clone()))
                        .collect();
                    let got = store.insert_batch(&batch).unwrap();
                    prop_assert_eq!(got.len(), items.len());
                    for ((d, claims, mentions, bad), outcome) in items.into_iter().zip(got) {
                        if bad {
                            prop_assert!(matches!(outcome, InsertOutcome::Failed { .. }), "{:?}", outcome);
                        } else {
                            prop_assert_eq!(outcome, model.insert(d, claims, mentions));
                        }
                    }
                }
            }
            prop_assert!(store.integrity_check().unwrap());
        }

        let stats = store.stats().unwrap();
        let expected_claims: Vec<Claim> =
            model.docs.values().flat_map(|(_, c, _)| c.clone()).collect();
        prop_assert_eq!(stats.documents, model.docs.len() as u64);
        prop_assert_eq!(stats.claims, expected_claims.len() as u64);
        prop_assert_eq!(
            stats.evidence,
            expected_claims.iter().map(|c| c.evidence.len() as u64).sum::<u64>()
        );
        prop_assert_eq!(
            stats.mentions,
            model.docs.values().map(|(_, _, m)| m.len() as u64).sum::<u64>()
        );
        let mut by_kind = BTreeMap::new();
        for c in &expected_claims {
            *by_kind.entry(c.kind).or_insert(0u64) += 1;
        }
        prop_assert_eq!(&stats.claims_by_kind, &by_kind);
        prop_assert_eq!(all_claims(&store), expected_claims);
        for (id, (d, claims, mentions)) in &model.docs {
            prop_assert_eq!(store.document(id).unwrap(), Some(d.clone()));
            let filter = ClaimFilter { doc_id: Some(id.clone()), ..ClaimFilter::default() };
            prop_assert_eq!(&store.claims(&filter).unwrap(), claims);
            prop_assert_eq!(&store.mentions(id).unwrap(), mentions);
        }
    }
}

// ------------------------------------------------------------- bulk

/// Corpus-sized batch (the Reuters corpus has 19,043 stories). Slow in
/// debug builds, so it runs only with `RUN_SLOW_TESTS=1`; it prints the
/// time and checks counts, not speed.
#[test]
fn bulk_insert_of_a_corpus_sized_batch() {
    if std::env::var_os("RUN_SLOW_TESTS").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("bulk.db")).unwrap();
    let body = "Egypt bought 200,000 tonnes of U.S. wheat for shipment in May, \
                trade sources said. The price was not disclosed. "
        .repeat(6);
    let items: Vec<_> = (0..19_043)
        .map(|i| {
            let id = format!("reuters-{i}");
            let d = doc(&id, &format!("{i} {body}"));
            let mut claims = Vec::new();
            for k in 0..3 {
                let mut c = claim(&id, ClaimKind::TradeFlow, &body[..120]);
                c.exporter = Some("US".into());
                c.importer = Some("EG".into());
                c.commodities = vec![Commodity {
                    text: "wheat".into(),
                    hs: Some("1001".into()),
                }];
                c.time = Some("1987-05".into());
                c.evidence[0].start = k * 200;
                c.assign_id();
                claims.push(c);
            }
            let mentions = vec![mention(&id, "country", "Egypt", 0)];
            (d, claims, mentions)
        })
        .collect();
    let started = std::time::Instant::now();
    for chunk in items.chunks(2_000) {
        store.insert_batch(chunk).unwrap();
    }
    eprintln!("stored 19,043 documents in {:?}", started.elapsed());
    let stats = store.stats().unwrap();
    assert_eq!(stats.documents, 19_043);
    assert_eq!(stats.claims, 3 * 19_043);
    let started = std::time::Instant::now();
    let found = store
        .count_claims(&ClaimFilter {
            commodity: Some("10".into()),
            country: Some("EG".into()),
            text: Some("wheat".into()),
            ..ClaimFilter::default()
        })
        .unwrap();
    eprintln!("filtered in {:?}", started.elapsed());
    assert_eq!(found, 3 * 19_043);
    assert!(store.integrity_check().unwrap());
}
