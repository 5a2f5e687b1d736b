use tw_corroborate::{Corroborator, DocRecord};
use tw_model::{Claim, Document};

use crate::family::{family, ORDERS};

fn add_all(order: &[usize], docs: &[(Document, Vec<Claim>)]) -> Corroborator {
    let mut corroborator = Corroborator::new();
    for &i in order {
        corroborator.add(&docs[i].0, &docs[i].1);
    }
    corroborator
}

/// Stored records of every document of `c`, in arrival order, as bytes.
fn records(c: &Corroborator, order: &[usize], docs: &[(Document, Vec<Claim>)]) -> Vec<Vec<u8>> {
    order
        .iter()
        .map(|&i| c.record(&docs[i].0.id).expect("indexed").encode())
        .collect()
}

/// Restoring stored records rebuilds the index that adding the documents
/// built, and a document added after the restore lands exactly as it
/// would have in the original index.
#[test]
fn restored_index_equals_the_original() {
    let docs = family();
    for order in ORDERS {
        let (first, last) = order.split_at(5);
        let original = add_all(first, &docs);
        let mut restored = Corroborator::new();
        for (bytes, &i) in records(&original, first, &docs).iter().zip(first) {
            let record = DocRecord::decode(bytes).unwrap();
            restored.restore(record, &docs[i].1).unwrap();
        }
        assert_eq!(restored.stories(), original.stories(), "order {order:?}");
        assert_eq!(restored.groups(), original.groups(), "order {order:?}");
        // Restoring reports no change.
        assert_eq!(restored.take_changes(), Default::default());

        let mut grown = add_all(first, &docs);
        grown.take_changes();
        let (doc, claims) = &docs[last[0]];
        grown.add(doc, claims);
        restored.add(doc, claims);
        assert_eq!(restored.take_changes(), grown.take_changes());
        assert_eq!(restored.stories(), grown.stories());
        assert_eq!(restored.groups(), grown.groups());
        assert_eq!(
            restored.record(&doc.id).unwrap(),
            grown.record(&doc.id).unwrap()
        );
    }
}

/// A record naming an earlier document that was not restored is refused,
/// and so is a record restored twice.
#[test]
fn restore_refuses_gaps_and_repeats() {
    let docs = family();
    let original = add_all(&[0, 1], &docs);
    let bytes = records(&original, &[0, 1], &docs);
    let mut c = Corroborator::new();
    // b (a copy of a) refers to a, which is missing.
    let b = DocRecord::decode(&bytes[1]).unwrap();
    assert!(c.restore(b, &docs[1].1).is_err());
    let a = DocRecord::decode(&bytes[0]).unwrap();
    c.restore(a.clone(), &docs[0].1).unwrap();
    assert!(c.restore(a, &docs[0].1).is_err());
}

/// A batch gives what adding one at a time gives, in every order.
#[test]
fn a_batch_equals_one_at_a_time() {
    let docs = family();
    for order in ORDERS {
        let one_by_one = add_all(&order, &docs);
        let mut batched = Corroborator::new();
        let batch: Vec<(&Document, &[Claim])> = order
            .iter()
            .map(|&i| (&docs[i].0, docs[i].1.as_slice()))
            .collect();
        batched.add_batch(&batch);
        assert_eq!(batched.stories(), one_by_one.stories(), "order {order:?}");
        assert_eq!(batched.groups(), one_by_one.groups(), "order {order:?}");
        for &i in &order {
            let id = &docs[i].0.id;
            assert_eq!(batched.record(id), one_by_one.record(id), "{id}");
        }
    }
}

/// `take_changes` reports what a new document changed, nothing else.
#[test]
fn changes_name_only_what_moved() {
    let docs = family();
    // a (origin), f (unrelated cocoa), then b (copy of a).
    let mut c = add_all(&[0, 5], &docs);
    let first = c.take_changes();
    assert!(first.stories.is_empty(), "no story of two yet");
    assert_eq!(first.groups.len(), 3);
    c.add(&docs[1].0, &docs[1].1);
    let changes = c.take_changes();
    assert_eq!(changes.stories.len(), 1);
    assert_eq!(changes.stories[0].id, "s_a");
    let mut story_docs = changes.story_docs.clone();
    story_docs.sort();
    assert_eq!(story_docs, vec!["a", "b"]);
    // The presence and flour groups of a and b; not the cocoa group.
    assert_eq!(changes.groups.len(), 2);
    assert!(changes.groups.iter().all(|g| g.members.len() == 2));
    assert_eq!(c.take_changes(), Default::default());
}
