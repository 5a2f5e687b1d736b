use tw_corroborate::{Corroborator, Role};
use tw_model::{Certainty, Claim, ClaimKind, Commodity, Document, Evidence, PublishedDate, Status};

/// (a) The report as Daily NK published it.
const ORIGINAL: &str = include_str!("../data/daily-nk-original.txt");
/// (c) The blog scrape of The Diplomat's republication.
const BLOG: &str = include_str!("../../../../examples/daily-nk-trade-offices.txt");
/// (d) A business site's rewrite citing Daily NK, adding Khabarovsk.
const REWRITE: &str = include_str!("../data/business-rewrite.txt");
/// (e) A wire report of one claim from a Russian official.
const WIRE: &str = include_str!("../data/wire-official.txt");
/// (f) Nothing to do with the rest.
const UNRELATED: &str = include_str!("../data/unrelated.txt");

/// (b) The Diplomat's verbatim republication with its own boilerplate.
fn diplomat_text() -> String {
    let (head, tail) = ORIGINAL
        .split_once("However, bilateral relations")
        .expect("the original has this paragraph");
    format!(
        "{head}Enjoying this article? Click here to subscribe for full access. Just $5 a month.\n\n\
         However, bilateral relations{tail}\n\
         This article first appeared on Daily NK, which contacts multiple sources inside and \
         outside North Korea to verify information. The Diplomat was not able to verify the \
         claims independently.\n"
    )
}

fn document(id: &str, source: &str, provenance: &[&str], date: &str, text: &str) -> Document {
    Document {
        id: id.to_string(),
        source: Some(source.to_string()),
        provenance: provenance.iter().map(|p| p.to_string()).collect(),
        published: PublishedDate::parse(date),
        text: text.to_string(),
        ..Document::default()
    }
}

/// Character-offset evidence for the first occurrence of `needle`.
fn evidence(text: &str, needle: &str) -> Evidence {
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} is in the text"));
    let start = text[..byte].chars().count();
    Evidence {
        text: needle.to_string(),
        start,
        end: start + needle.chars().count(),
    }
}

fn presence(doc: &Document, places: &[&str], sentence: &str, certainty: Certainty) -> Claim {
    let mut claim = Claim::new(&doc.id, ClaimKind::Presence);
    claim.actor = Some("KP".into());
    claim.places = places.iter().map(|p| p.to_string()).collect();
    claim.status = Status::Planned;
    claim.certainty = certainty;
    claim.evidence = vec![evidence(&doc.text, sentence)];
    claim.assign_id();
    claim
}

fn wheat_flour(doc: &Document, sentence: &str) -> Claim {
    let mut claim = Claim::new(&doc.id, ClaimKind::TradeFlow);
    claim.exporter = Some("RU".into());
    claim.importer = Some("KP".into());
    claim.commodities = vec![Commodity {
        text: "wheat flour".into(),
        hs: Some("1101".into()),
    }];
    claim.status = Status::Planned;
    claim.certainty = Certainty::Anonymous;
    claim.evidence = vec![evidence(&doc.text, sentence)];
    claim.assign_id();
    claim
}

const CITIES: &str = "Regions likely to receive new offices include Vladivostok";
const FLOUR: &str = "the new trade offices will help expand imports of Russian wheat flour";

/// The six documents and their hand-made claims, in publication order.
pub(crate) fn family() -> Vec<(Document, Vec<Claim>)> {
    let three = ["Vladivostok", "Saint Petersburg", "Moscow"];
    let a = document("a", "Daily NK", &["Daily NK"], "2022-11-04", ORIGINAL);
    let b = document(
        "b",
        "The Diplomat",
        &["Daily NK", "The Diplomat"],
        "2022-11-07",
        &diplomat_text(),
    );
    let c = document(
        "c",
        "Frappler",
        &["Daily NK", "The Diplomat", "Frappler"],
        "2022-11-08",
        BLOG,
    );
    let d = document("d", "Business Site", &[], "2022-11-10", REWRITE);
    let e = document("e", "Wire", &[], "2022-11-18", WIRE);
    let f = document("f", "Wire", &[], "2022-11-09", UNRELATED);

    let mut out = Vec::new();
    for doc in [a, b, c] {
        let claims = vec![
            presence(&doc, &three, CITIES, Certainty::Anonymous),
            wheat_flour(&doc, FLOUR),
        ];
        out.push((doc, claims));
    }
    let claims = vec![
        presence(
            &d,
            &["Vladivostok", "Saint Petersburg", "Moscow", "Khabarovsk"],
            "Cities under consideration reportedly include Vladivostok",
            Certainty::Reported,
        ),
        wheat_flour(&d, "secure more Russian wheat flour for the North"),
    ];
    out.push((d, claims));
    let claims = vec![presence(
        &e,
        &["Vladivostok"],
        "North Korea will open a trade office in Vladivostok",
        Certainty::Official,
    )];
    out.push((e, claims));
    let mut cocoa = Claim::new("f", ClaimKind::TradeFlow);
    cocoa.exporter = Some("BR".into());
    cocoa.importer = Some("US".into());
    cocoa.commodities = vec![Commodity {
        text: "cocoa".into(),
        hs: Some("1801".into()),
    }];
    cocoa.evidence = vec![evidence(&f.text, "Exporters shipped most of the cocoa")];
    cocoa.assign_id();
    out.push((f, vec![cocoa]));
    out
}

fn build(order: &[usize]) -> (Corroborator, Vec<(Document, Vec<Claim>)>) {
    let docs = family();
    let mut corroborator = Corroborator::new();
    for &i in order {
        let (doc, claims) = &docs[i];
        corroborator.add(doc, claims);
    }
    (corroborator, docs)
}

/// Orders of arrival: publication order, reversed, and interleaved. The
/// index is incremental, so every order must give the same answer.
pub(crate) const ORDERS: [[usize; 6]; 3] =
    [[0, 1, 2, 3, 4, 5], [5, 4, 3, 2, 1, 0], [3, 5, 1, 4, 0, 2]];

#[test]
fn roles_of_the_family() {
    for order in ORDERS {
        let (corroborator, _) = build(&order);
        let story = corroborator.story_of("c").expect("c is indexed");
        let roles: Vec<(&str, Role)> = story
            .members
            .iter()
            .map(|m| (m.doc_id.as_str(), m.role))
            .collect();
        assert_eq!(
            roles,
            vec![
                ("a", Role::Origin),
                ("b", Role::Copy),
                ("c", Role::Copy),
                ("d", Role::Derivative),
                ("e", Role::Independent),
            ],
            "order {order:?}: {story:#?}"
        );
        assert_eq!(story.origin_outlet.as_deref(), Some("Daily NK"));
        // The story is named after the member that arrived first.
        let founder = order
            .iter()
            .map(|&i| ["a", "b", "c", "d", "e", "f"][i])
            .find(|id| story.members.iter().any(|m| m.doc_id == *id))
            .unwrap();
        assert_eq!(story.id, format!("s_{founder}"), "order {order:?}");

        let reason = |id: &str| {
            story
                .members
                .iter()
                .find(|m| m.doc_id == id)
                .map(|m| m.reason.clone())
                .unwrap_or_default()
        };
        assert!(
            reason("b").contains("provenance names Daily NK"),
            "{}",
            reason("b")
        );
        assert!(reason("b").contains("containment"), "{}", reason("b"));
        assert!(
            reason("c").contains("provenance names Daily NK"),
            "{}",
            reason("c")
        );
        assert!(reason("d").contains("cites Daily NK"), "{}", reason("d"));
        assert!(reason("e").contains("presence|kp"), "{}", reason("e"));

        for id in ["a", "b", "c", "d"] {
            assert_eq!(corroborator.origin_key(id), "a", "order {order:?}");
        }
        assert_eq!(corroborator.origin_key("e"), "e");
        assert_eq!(corroborator.stories().len(), 1, "order {order:?}");
    }
}

#[test]
fn the_unrelated_story_joins_nothing() {
    for order in ORDERS {
        let (corroborator, docs) = build(&order);
        let story = corroborator.story_of("f").expect("f is indexed");
        assert_eq!(story.members.len(), 1);
        assert_eq!(story.members[0].role, Role::Origin);
        assert_eq!(story.members[0].reason, "single report");
        assert_eq!(corroborator.origin_key("f"), "f");
        let cocoa = &docs[5].1[0];
        let group = corroborator
            .group_of(&cocoa.id)
            .expect("cocoa claim grouped");
        assert_eq!(group.members.len(), 1);
        assert_eq!(group.independent_origins, 1);
    }
}

#[test]
fn claim_groups_count_independent_origins() {
    for order in ORDERS {
        let (corroborator, docs) = build(&order);
        let presence_id = &docs[0].1[0].id;
        let flour_id = &docs[0].1[1].id;

        let group = corroborator
            .group_of(presence_id)
            .expect("presence grouped");
        assert_eq!(group.kind, ClaimKind::Presence);
        assert_eq!(group.members.len(), 5, "order {order:?}");
        // Daily NK (with its copies and the rewrite) and the wire.
        assert_eq!(group.independent_origins, 2, "order {order:?}");
        assert_eq!(group.members[0].doc_id, "a");
        assert!(group.members[0].reference);
        assert!(group.members[0].variants.is_empty());
        for member in &group.members {
            assert!(!member.evidence.is_empty());
        }

        let flour = corroborator.group_of(flour_id).expect("flow grouped");
        assert_eq!(flour.key, "trade_flow|RU>KP|1101");
        assert_eq!(flour.members.len(), 4, "order {order:?}");
        assert_eq!(flour.independent_origins, 1, "order {order:?}");
        assert!(flour.members.iter().all(|m| m.variants.is_empty()));

        assert_eq!(corroborator.groups().len(), 3);
    }
}

#[test]
fn the_added_city_is_flagged_on_the_rewrite() {
    let (corroborator, docs) = build(&[0, 1, 2, 3, 4, 5]);
    let group = corroborator
        .group_of(&docs[0].1[0].id)
        .expect("presence grouped");
    let rewrite = group
        .members
        .iter()
        .find(|m| m.doc_id == "d")
        .expect("d reports it");
    assert_eq!(rewrite.origin, "a");
    assert_eq!(rewrite.variants.len(), 1, "{:?}", rewrite.variants);
    let variant = &rewrite.variants[0];
    assert_eq!(variant.slot, "places");
    assert!(variant.here.contains("Khabarovsk"), "{variant:?}");
    assert!(!variant.reference.contains("Khabarovsk"), "{variant:?}");
    // The copies report exactly what the origin does.
    for id in ["b", "c"] {
        let copy = group.members.iter().find(|m| m.doc_id == id).unwrap();
        assert!(copy.variants.is_empty(), "{id}: {:?}", copy.variants);
    }
    // The wire names one city of three: a variant, not silently merged.
    let wire = group.members.iter().find(|m| m.doc_id == "e").unwrap();
    assert_eq!(wire.origin, "e");
    assert_eq!(wire.variants[0].slot, "places");
}

#[test]
fn copies_without_their_origin_count_under_its_outlet() {
    let (corroborator, _) = build(&[1, 2]);
    let story = corroborator.story_of("b").expect("b is indexed");
    let roles: Vec<Role> = story.members.iter().map(|m| m.role).collect();
    assert_eq!(roles, vec![Role::Copy, Role::Copy]);
    assert_eq!(story.origin_outlet.as_deref(), Some("Daily NK"));
    assert_eq!(corroborator.origin_key("b"), "outlet:Daily NK");
    assert_eq!(corroborator.origin_key("c"), "outlet:Daily NK");
}

#[test]
fn a_negated_report_is_a_variant() {
    let docs = family();
    let mut corroborator = Corroborator::new();
    let (a, a_claims) = &docs[0];
    corroborator.add(a, a_claims);
    let (e, e_claims) = &docs[4];
    let mut denied = e_claims.clone();
    denied[0].status = Status::Negated;
    denied[0].assign_id();
    corroborator.add(e, &denied);
    let group = corroborator.group_of(&denied[0].id).unwrap();
    let wire = group.members.iter().find(|m| m.doc_id == "e").unwrap();
    let slots: Vec<&str> = wire.variants.iter().map(|v| v.slot.as_str()).collect();
    assert_eq!(slots, vec!["status", "places"]);
    assert_eq!(wire.variants[0].here, "negated");
    assert_eq!(wire.variants[0].reference, "planned");
}

/// A story keeps its id while earlier reports of it arrive, and merging
/// two stories keeps the older one's id.
#[test]
fn story_ids_survive_earlier_reports_and_merges() {
    let docs = family();
    let mut corroborator = Corroborator::new();
    // The rewrite (d, 10 Nov) founds the story; the wire (e) joins it.
    for i in [3, 4] {
        corroborator.add(&docs[i].0, &docs[i].1);
    }
    assert_eq!(corroborator.story_of("e").unwrap().id, "s_d");
    // The blog copy (c) founds a second story with the Diplomat copy (b)...
    for i in [2, 1] {
        corroborator.add(&docs[i].0, &docs[i].1);
    }
    // ...which the shared claims had already merged into d's story.
    let story = corroborator.story_of("c").unwrap();
    assert_eq!(story.id, "s_d", "{story:#?}");
    // The origin (a, 4 Nov), arriving last, becomes the origin of the
    // story without renaming it.
    corroborator.add(&docs[0].0, &docs[0].1);
    let story = corroborator.story_of("a").unwrap();
    assert_eq!(story.id, "s_d");
    assert_eq!(story.members[0].doc_id, "a");
    assert_eq!(story.members[0].role, Role::Origin);

    // Two stories founded apart keep the older founder's id when an
    // arrival links them.
    let mut corroborator = Corroborator::new();
    corroborator.add(&docs[2].0, &docs[2].1); // c founds one story
    corroborator.add(&docs[5].0, &docs[5].1); // f, unrelated
    corroborator.add(&docs[4].0, &docs[4].1); // e: same claim, joins c
    assert_eq!(corroborator.story_of("e").unwrap().id, "s_c");
    corroborator.add(&docs[0].0, &docs[0].1); // a links to c
    assert_eq!(corroborator.story_of("a").unwrap().id, "s_c");
}
