//! Tests across modules: the embedded data, the matcher on hand-built
//! claims (including the seed document's), malformed files, and tallies.

use tw_model::{Certainty, Claim, ClaimKind, Commodity, Evidence, Quantity, Status};

use crate::{MeasureSet, SanctionsError, TallyInput};

fn set() -> MeasureSet {
    MeasureSet::builtin().expect("embedded measure files are valid")
}

fn evidence(text: &str) -> Evidence {
    Evidence {
        text: text.into(),
        start: 0,
        end: text.chars().count(),
    }
}

fn flow(exporter: &str, importer: &str, goods: &[(&str, Option<&str>)]) -> Claim {
    let mut c = Claim::new("test", ClaimKind::TradeFlow);
    c.exporter = Some(exporter.into());
    c.importer = Some(importer.into());
    c.commodities = goods
        .iter()
        .map(|(text, hs)| Commodity {
            text: (*text).into(),
            hs: hs.map(Into::into),
        })
        .collect();
    c
}

fn with(mut c: Claim, time: Option<&str>, status: Status, certainty: Certainty) -> Claim {
    c.time = time.map(Into::into);
    c.status = status;
    c.certainty = certainty;
    c
}

fn ids(set: &MeasureSet, claim: &Claim) -> Vec<String> {
    let mut ids: Vec<String> = set.flag(claim).into_iter().map(|f| f.measure).collect();
    ids.sort();
    ids
}

fn flag<'a>(flags: &'a [tw_model::SanctionFlag], id: &str) -> &'a tw_model::SanctionFlag {
    flags
        .iter()
        .find(|f| f.measure == id)
        .unwrap_or_else(|| panic!("no flag {id} in {flags:?}"))
}

// --- the embedded data ------------------------------------------------------

#[test]
fn builtin_data_loads_and_covers_the_reference() {
    let set = set();
    for id in [
        "UNSCR1718-OP8a",
        "UNSCR2270-OP31",
        "UNSCR2321-OP26",
        "UNSCR2371-OP9",
        "UNSCR2375-OP13",
        "UNSCR2375-OP14",
        "UNSCR2397-OP4",
        "UNSCR2397-OP5",
        "UNSCR2397-OP6",
        "UNSCR2397-OP8",
        "US-EO13722",
        "US-EO13810",
        "US-DESIG-RU",
        "EU-REG-2017/1509",
        "EU-AUTON-2017",
        "PC-CRUDE",
        "PC-PRODUCTS",
    ] {
        assert!(set.get(id).is_some(), "{id} missing");
    }
    let op5 = set.get("UNSCR2397-OP5").unwrap();
    assert_eq!(op5.target, "KP");
    assert_eq!(op5.direction, crate::Direction::To);
    assert_eq!(op5.certainty.letter(), "U");
    let cap = op5.cap.as_ref().unwrap();
    assert_eq!(
        (
            cap.amount,
            cap.unit.as_str(),
            cap.window_months,
            cap.start.as_str()
        ),
        (500_000.0, "bbl", Some(12), "2018-01-01")
    );
    assert_eq!(
        set.get("UNSCR2375-OP14").unwrap().superseded_by.as_deref(),
        Some("UNSCR2397-OP5")
    );
    assert_eq!(set.get("UNSCR2397-OP6").unwrap().certainty.letter(), "P");
    assert_eq!(set.get("UNSCR2270-OP29").unwrap().certainty.letter(), "R");
    assert_eq!(set.get("PC-CRUDE").unwrap().target, "RU");
}

#[test]
fn every_measure_has_its_source_and_a_dated_adoption() {
    for m in set().measures() {
        assert!(!m.source.is_empty() && !m.summary.is_empty(), "{}", m.id);
        assert!(m.adopted.len() >= 7, "{}", m.id);
    }
}

// --- HS scopes --------------------------------------------------------------

#[test]
fn hs_scopes_by_direction() {
    let set = set();
    // (exporter, importer, goods, hs, must flag, must not flag)
    type Case<'a> = (
        &'a str,
        &'a str,
        &'a str,
        Option<&'a str>,
        &'a [&'a str],
        &'a [&'a str],
    );
    let cases: &[Case<'_>] = &[
        (
            "RU",
            "KP",
            "gasoline",
            Some("271012"),
            &["UNSCR2397-OP5"],
            &["UNSCR2397-OP6", "UNSCR2270-OP31"],
        ),
        (
            "RU",
            "KP",
            "diesel",
            Some("271019"),
            &["UNSCR2397-OP5"],
            &["UNSCR2375-OP13"],
        ),
        (
            "RU",
            "KP",
            "crude oil",
            Some("2709"),
            &["UNSCR2397-OP4"],
            &["UNSCR2397-OP5"],
        ),
        (
            "RU",
            "KP",
            "jet fuel",
            Some("271019"),
            &["UNSCR2270-OP31", "UNSCR2397-OP5"],
            &[],
        ),
        (
            "RU",
            "KP",
            "trucks",
            Some("8704"),
            &["UNSCR2397-OP7"],
            &["UNSCR2397-OP6"],
        ),
        (
            "RU",
            "KP",
            "steel pipes",
            Some("7304"),
            &["UNSCR2397-OP7"],
            &[],
        ),
        (
            "KP",
            "RU",
            "coal",
            Some("2701"),
            &["UNSCR2371-OP8"],
            &["UNSCR2397-OP5", "UNSCR2270-OP29", "UNSCR2321-OP26"],
        ),
        ("KP", "CN", "seafood", Some("03"), &["UNSCR2371-OP9"], &[]),
        ("KP", "CN", "crabs", None, &["UNSCR2371-OP9"], &[]),
        ("KP", "CN", "textiles", Some("62"), &["UNSCR2375-OP16"], &[]),
        (
            "KP",
            "RU",
            "machinery",
            Some("84"),
            &["UNSCR2397-OP6"],
            &["UNSCR2397-OP7"],
        ),
        (
            "KP",
            "RU",
            "artillery shells",
            Some("9306"),
            &["UNSCR1718-OP8b-c", "UNSCR1874-OP9-10"],
            &["UNSCR2270-OP6"],
        ),
        (
            "RU",
            "KP",
            "rifles",
            Some("9303"),
            &["UNSCR1718-OP8a", "UNSCR1874-OP9-10", "UNSCR2270-OP6"],
            &[],
        ),
        // Direction matters: a DPRK export of refined products is not supply to it.
        (
            "KP",
            "RU",
            "gasoline",
            Some("271012"),
            &[],
            &["UNSCR2397-OP5"],
        ),
        // Neither side is the target.
        (
            "RU",
            "CN",
            "gasoline",
            Some("271012"),
            &[],
            &["UNSCR2397-OP5"],
        ),
    ];
    for (exporter, importer, text, hs, yes, no) in cases {
        let claim = flow(exporter, importer, &[(text, *hs)]);
        let got = ids(&set, &claim);
        for id in *yes {
            assert!(
                got.iter().any(|g| g == id),
                "{text} {exporter}->{importer}: {id} missing from {got:?}"
            );
        }
        for id in *no {
            assert!(
                !got.iter().any(|g| g == id),
                "{text} {exporter}->{importer}: {id} wrongly in {got:?}"
            );
        }
    }
}

#[test]
fn reasons_name_the_slot_and_certainty() {
    let set = set();
    let flags = set.flag(&flow("RU", "KP", &[("gasoline", Some("271012"))]));
    let op5 = flag(&flags, "UNSCR2397-OP5");
    assert!(!op5.ambiguous);
    assert!(
        op5.reason
            .starts_with("importer KP; commodity gasoline (HS 271012) within scope 2710"),
        "{}",
        op5.reason
    );
    assert!(
        op5.reason
            .contains("record U (only in an official summary)"),
        "{}",
        op5.reason
    );
    let flags = set.flag(&flow("KP", "CN", &[("coal", Some("2701"))]));
    assert!(flag(&flags, "UNSCR2371-OP8")
        .reason
        .starts_with("exporter KP;"));
}

#[test]
fn lpg_is_ambiguous_between_cap_and_ban() {
    let set = set();
    let flags = set.flag(&flow("RU", "KP", &[("LPG", Some("2711"))]));
    let op5 = flag(&flags, "UNSCR2397-OP5");
    let op13 = flag(&flags, "UNSCR2375-OP13");
    assert!(op5.ambiguous && op13.ambiguous);
    assert!(
        op5.reason.contains("may instead fall under UNSCR2375-OP13"),
        "{}",
        op5.reason
    );
    assert!(
        op13.reason.contains("may instead fall under UNSCR2397-OP5"),
        "{}",
        op13.reason
    );
    // Natural gas in gaseous state is carved out of both.
    assert!(set
        .flag(&flow("RU", "KP", &[("natural gas", Some("271121"))]))
        .is_empty());
    // Named condensate is plainly under the ban.
    let flags = set.flag(&flow("RU", "KP", &[("gas condensate", None)]));
    assert!(!flag(&flags, "UNSCR2375-OP13").ambiguous);
}

#[test]
fn a_coarser_code_is_flagged_as_ambiguous() {
    let set = set();
    let flags = set.flag(&flow("RU", "KP", &[("oil", Some("27"))]));
    let op5 = flag(&flags, "UNSCR2397-OP5");
    assert!(op5.ambiguous);
    assert!(
        op5.reason.contains("coarser than scope 2710"),
        "{}",
        op5.reason
    );
    // Coarser than an ambiguous-only scope: not flagged.
    assert!(!flags.iter().any(|f| f.measure == "UNSCR2375-OP13"));
    // A plain commodity next to a coarse one makes the flag plain.
    let flags = set.flag(&flow(
        "RU",
        "KP",
        &[("oil", Some("27")), ("diesel", Some("271019"))],
    ));
    assert!(!flag(&flags, "UNSCR2397-OP5").ambiguous);
}

#[test]
fn nothing_outside_every_scope_is_flagged() {
    let set = set();
    let quiet = [
        flow("RU", "KP", &[("wheat flour", Some("1101"))]),
        flow("RU", "KP", &[("wheat", Some("1001"))]),
        flow("RU", "KP", &[("processed foodstuffs", None)]),
        flow("CN", "KP", &[("rice", Some("1006"))]),
        flow("US", "JP", &[("corn", Some("1005"))]),
        flow("RU", "IN", &[("crude oil", Some("2709"))]),
    ];
    for claim in quiet {
        assert_eq!(set.flag(&claim), vec![], "{:?}", claim.commodities);
    }
}

#[test]
fn parties_restrict_unilateral_measures() {
    let set = set();
    // Only EU counterparties bring in the EU measures.
    let from_germany = ids(&set, &flow("DE", "KP", &[("diesel", Some("271019"))]));
    assert!(
        from_germany.contains(&"EU-AUTON-2017".to_string()),
        "{from_germany:?}"
    );
    assert!(
        from_germany.contains(&"EU-REG-2017/1509".to_string()),
        "{from_germany:?}"
    );
    let from_russia = ids(&set, &flow("RU", "KP", &[("diesel", Some("271019"))]));
    assert!(
        !from_russia
            .iter()
            .any(|id| id.starts_with("EU-") || id.starts_with("US-")),
        "{from_russia:?}"
    );
    // Any US export to the DPRK, whatever the goods.
    let from_us = ids(&set, &flow("US", "KP", &[("medicine", Some("3004"))]));
    assert_eq!(from_us, vec!["US-EO13722-EXPORT".to_string()]);
}

#[test]
fn price_caps_need_evidence_of_seaborne_services() {
    let set = set();
    let plain = flow("RU", "IN", &[("crude oil", Some("2709"))]);
    assert!(set.flag(&plain).is_empty());
    let mut shipped = plain.clone();
    shipped.evidence.push(evidence(
        "Tankers carried Russian crude to India with Western insurance.",
    ));
    let flags = set.flag(&shipped);
    let pc = flag(&flags, "PC-CRUDE");
    assert!(pc.ambiguous, "a price cap flag is conditional");
    assert!(
        pc.reason.contains("applies only if coalition"),
        "{}",
        pc.reason
    );
}

// --- activity scopes --------------------------------------------------------

fn personnel(destination: Option<&str>, places: &[&str], text: &str) -> Claim {
    let mut c = Claim::new("test", ClaimKind::Personnel);
    c.actor = Some("KP".into());
    c.destination = destination.map(Into::into);
    c.places = places.iter().map(|p| (*p).into()).collect();
    c.evidence.push(evidence(text));
    c
}

#[test]
fn workers_abroad_needs_income_earning_work_outside_the_target() {
    let set = set();
    let cases: &[(Option<&str>, &[&str], &str, bool)] = &[
        (
            Some("RU"),
            &["Vladivostok"],
            "Vladivostok, home to many North Korean laborers",
            true,
        ),
        (None, &["RU"], "North Korean IT workers in Russia", true),
        (
            Some("CN"),
            &[],
            "thousands of workers sent to Chinese factories",
            true,
        ),
        // Officials dispatched: travel itself is not banned.
        (
            Some("RU"),
            &[],
            "selecting cadres and working-level officials to dispatch",
            false,
        ),
        // Working at home.
        (
            Some("KP"),
            &["Pyongyang"],
            "workers at a Pyongyang factory",
            false,
        ),
        // Place unknown (names only): never guessed abroad.
        (None, &["Vladivostok"], "laborers in Vladivostok", false),
    ];
    for (destination, places, text, want) in cases {
        let got = ids(&set, &personnel(*destination, places, text));
        assert_eq!(
            got.contains(&"UNSCR2397-OP8".to_string()),
            *want,
            "{text}: {got:?}"
        );
    }
    let flags = set.flag(&personnel(Some("RU"), &[], "North Korean laborers"));
    let op8 = flag(&flags, "UNSCR2397-OP8");
    assert!(!op8.ambiguous);
    assert!(
        op8.reason
            .contains("actor KP, destination RU outside KP, evidence mentions \"laborers\""),
        "{}",
        op8.reason
    );
    assert!(op8.reason.contains("record P"), "{}", op8.reason);
    // A DPRK actor in another kind of claim is not a worker abroad.
    let mut event = Claim::new("test", ClaimKind::Event);
    event.actor = Some("KP".into());
    event.places = vec!["RU".into()];
    event
        .evidence
        .push(evidence("trade-related workers were vaccinated"));
    assert!(!ids(&set, &event).contains(&"UNSCR2397-OP8".to_string()));
}

#[test]
fn joint_ventures_and_ship_to_ship_transfers() {
    let set = set();
    let mut jv = Claim::new("test", ClaimKind::Presence);
    jv.actor = Some("RU".into());
    jv.places = vec!["KP".into()];
    jv.evidence
        .push(evidence("a Russian firm set up a joint venture in Rason"));
    let got = ids(&set, &jv);
    assert!(got.contains(&"UNSCR2375-OP18".to_string()), "{got:?}");
    assert!(
        !got.contains(&"UNSCR2371-OP12".to_string()),
        "superseded: {got:?}"
    );
    let mut sts = flow("RU", "KP", &[("diesel", Some("271019"))]);
    sts.evidence
        .push(evidence("delivered in ship-to-ship transfers at sea"));
    let got = ids(&set, &sts);
    for id in [
        "UNSCR2375-OP11",
        "UNSCR2397-OP9-13",
        "US-EO13810",
        "UNSCR2397-OP5",
    ] {
        assert!(got.contains(&id.to_string()), "{id}: {got:?}");
    }
    // A presence claim about trade offices is none of these.
    let mut offices = Claim::new("test", ClaimKind::Presence);
    offices.actor = Some("KP".into());
    offices.places = vec!["RU".into(), "Vladivostok".into()];
    offices.evidence.push(evidence(
        "North Korea plans to open new trade offices throughout Russia",
    ));
    assert!(set.flag(&offices).is_empty());
}

// --- dates and supersession -------------------------------------------------

#[test]
fn supersession_and_adoption_follow_the_claim_time() {
    let set = set();
    let gasoline = flow("RU", "KP", &[("gasoline", Some("271012"))]);
    let at = |time: Option<&str>| {
        let mut c = gasoline.clone();
        c.time = time.map(Into::into);
        ids(&set, &c)
    };
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    // Unknown time: only the superseding measure.
    assert_eq!(at(None), s(&["UNSCR2397-OP5"]));
    assert_eq!(at(Some("2022-10")), s(&["UNSCR2397-OP5"]));
    // Before 2397 existed: only 2375 OP14.
    assert_eq!(at(Some("2017-10")), s(&["UNSCR2375-OP14"]));
    // Late December 2017: 2397 adopted, 2375 OP14's period still running.
    assert_eq!(
        at(Some("2017-12-28")),
        s(&["UNSCR2375-OP14", "UNSCR2397-OP5"])
    );
    // Before any petroleum measure: nothing.
    assert_eq!(at(Some("1987")), Vec::<String>::new());
    // Negated claims are never flagged.
    let mut denied = gasoline.clone();
    denied.status = Status::Negated;
    assert!(set.flag(&denied).is_empty());
}

// --- the seed document ------------------------------------------------------

/// The claims of gold `seed-daily-nk-trade-offices`, built by hand, with the
/// flags expected: the gold's `sanctions` plus the extras the data justifies
/// (each explained in the crate README).
#[test]
fn seed_document_flags() {
    let set = set();
    let mut presence = Claim::new("seed", ClaimKind::Presence);
    presence.actor = Some("KP".into());
    presence.places = vec![
        "RU".into(),
        "Vladivostok".into(),
        "Saint Petersburg".into(),
        "Moscow".into(),
    ];
    presence.status = Status::Planned;
    presence.certainty = Certainty::Anonymous;
    for text in [
        "North Korea recently began preparations to open new trade offices throughout Russia, a high-ranking source in the country told Daily NK last Friday.",
        "Regions likely to receive new offices include Vladivostok, home to many North Korean laborers, as well as Saint Petersburg and Moscow.",
    ] {
        presence.evidence.push(evidence(text));
    }

    let mut planned = with(
        flow(
            "RU",
            "KP",
            &[
                ("wheat flour", Some("1101")),
                ("processed foodstuffs", None),
                ("gasoline", Some("271012")),
                ("diesel", Some("271019")),
                ("LPG", Some("2711")),
            ],
        ),
        None,
        Status::Planned,
        Certainty::Anonymous,
    );
    planned.evidence.push(evidence("the new trade offices will help expand imports of Russian wheat flour and other processed foodstuffs North Korea needs, as well as energy products such as gasoline, diesel, and LPG."));

    let mut officials = personnel(Some("RU"), &[], "North Korea’s Ministry of External Economic Relations, Construction Guidance Bureau, and other agencies that have long been involved in dispatching personnel to Russia are currently selecting cadres and working-level officials to dispatch to the country.");
    officials.organisations = vec![
        "Ministry of External Economic Relations".into(),
        "Construction Guidance Bureau".into(),
    ];
    officials.status = Status::Planned;

    let mut laborers = personnel(
        Some("RU"),
        &["Vladivostok"],
        "Vladivostok, home to many North Korean laborers",
    );
    laborers.status = Status::Ongoing;

    let mut un_blocked = Claim::new("seed", ClaimKind::SanctionsAction);
    un_blocked.actor = Some("UN Security Council".into());
    un_blocked.target = Some("KP".into());
    un_blocked.status = Status::Negated;

    let mut vaccination = Claim::new("seed", ClaimKind::Event);
    vaccination.actor = Some("KP".into());
    vaccination.places = vec!["Rason".into()];
    vaccination.time = Some("2022-11".into());
    vaccination.evidence.push(evidence("North Korea carried out a first round of vaccinations for trade officials and other trade-related workers in the city of Rason earlier this month."));

    let wheat = with(
        flow("RU", "KP", &[("wheat", Some("1001"))]),
        Some("2022-08"),
        Status::Occurred,
        Certainty::Reported,
    );
    let fuels = with(
        flow(
            "RU",
            "KP",
            &[
                ("gasoline", Some("271012")),
                ("diesel", Some("271019")),
                ("LPG", Some("2711")),
            ],
        ),
        Some("2022-10"),
        Status::Occurred,
        Certainty::Reported,
    );
    let mut market = Claim::new("seed", ClaimKind::Market);
    market.commodities = vec![Commodity {
        text: "gas".into(),
        hs: Some("2711".into()),
    }];
    market.places = vec!["Pyongyang".into()];
    let gas = with(
        flow("RU", "KP", &[("gas", Some("2711"))]),
        None,
        Status::Occurred,
        Certainty::Rumor,
    );
    let food_oil = with(
        flow("RU", "KP", &[("food", None), ("oil", Some("27"))]),
        None,
        Status::Occurred,
        Certainty::Speculation,
    );
    let mut statement = Claim::new("seed", ClaimKind::Statement);
    statement.actor = Some("KP".into());
    statement.speaker = Some("Kim Song".into());
    statement.time = Some("2022-10-12".into());

    // (claim, gold flags, extra flags the data justifies)
    let cases: Vec<(&str, Claim, &[&str], &[&str])> = vec![
        ("presence", presence, &[], &[]),
        (
            "planned flow",
            planned.clone(),
            &["UNSCR2397-OP5"],
            &["UNSCR2375-OP13"],
        ),
        ("officials", officials, &[], &[]),
        ("laborers", laborers, &["UNSCR2397-OP8"], &["US-EO13722"]),
        ("un blocked", un_blocked, &[], &[]),
        ("vaccination", vaccination, &[], &[]),
        ("wheat", wheat, &[], &[]),
        (
            "fuels",
            fuels.clone(),
            &["UNSCR2397-OP5"],
            &["UNSCR2375-OP13"],
        ),
        ("market", market, &[], &[]),
        (
            "gas",
            gas.clone(),
            &[],
            &["UNSCR2375-OP13", "UNSCR2397-OP5"],
        ),
        (
            "food and oil",
            food_oil.clone(),
            &["UNSCR2397-OP5"],
            &["UNSCR2397-OP4"],
        ),
        ("statement", statement, &[], &[]),
    ];
    for (name, claim, gold, extra) in cases {
        let mut want: Vec<String> = gold
            .iter()
            .chain(extra.iter())
            .map(|s| s.to_string())
            .collect();
        want.sort();
        assert_eq!(ids(&set, &claim), want, "{name}");
    }

    // Gold flags are plain where the goods are named; the extras are ambiguous.
    let flags = set.flag(&planned);
    assert!(!flag(&flags, "UNSCR2397-OP5").ambiguous);
    assert!(flag(&flags, "UNSCR2375-OP13").ambiguous);
    assert!(flag(&flags, "UNSCR2397-OP5")
        .reason
        .contains("gasoline (HS 271012) within scope 2710"));
    assert!(!flag(&flags, "UNSCR2397-OP5").reason.contains("wheat"));
    assert!(set.flag(&gas).iter().all(|f| f.ambiguous));
    let flags = set.flag(&food_oil);
    assert!(flag(&flags, "UNSCR2397-OP5")
        .reason
        .contains("oil (HS 27) is coarser than scope 2710"));
    assert!(flags.iter().all(|f| f.ambiguous));
    // The wheat-flour-only flow carries no UN flag (nor any other).
    let flour = with(
        flow("RU", "KP", &[("wheat flour", Some("1101"))]),
        None,
        Status::Planned,
        Certainty::Anonymous,
    );
    assert!(set.flag(&flour).is_empty());
}

// --- malformed files --------------------------------------------------------

const GOOD: &str = r#"
[[measure]]
id = "X-1"
regime = "UN"
target = "KP"
direction = "to"
summary = "test"
adopted = "2017-12-22"
source = "S/RES/0 OP1"
certainty = "P"
[measure.scope]
hs = ["2710"]
hs_basis = "ours"
"#;

#[test]
fn a_good_file_parses() {
    let measures = MeasureSet::from_toml_str("mine.toml", GOOD).unwrap();
    assert_eq!(measures.len(), 1);
    assert_eq!(measures[0].file, "mine.toml");
}

#[test]
fn malformed_measures_are_rejected_with_file_record_and_field() {
    // (replace, with, expected message parts)
    let cases: &[(&str, &str, &[&str])] = &[
        ("hs = [\"2710\"]", "hs = [\"27101\"]", &["mine.toml", "record X-1", "field `scope.hs[0]`", "2, 4 or 6 digits"]),
        ("hs = [\"2710\"]", "hs = [\"27a0\"]", &["record X-1", "field `scope.hs[0]`"]),
        ("hs = [\"2710\"]", "hs = [\"2710\", 2711]", &["field `scope.hs[1]`", "expected a string"]),
        ("direction = \"to\"", "direction = \"into\"", &["record X-1", "field `direction`", "unknown direction `into`"]),
        ("adopted = \"2017-12-22\"", "adopted = \"2017-02-30\"", &["record X-1", "field `adopted`", "not a valid date"]),
        ("adopted = \"2017-12-22\"", "adopted = \"2017\"", &["field `adopted`"]),
        ("certainty = \"P\"", "certainty = \"X\"", &["field `certainty`", "unknown letter `X`"]),
        ("target = \"KP\"", "target = \"PRK\"", &["field `target`", "alpha-2"]),
        ("summary = \"test\"", "summary = \"test\"\nsumary = \"typo\"", &["record X-1", "field `sumary`", "unknown field"]),
        ("hs_basis = \"ours\"", "hs_basis = \"ours\"\nhs_prefixes = [\"27\"]", &["field `scope.hs_prefixes`", "unknown field"]),
        ("hs_basis = \"ours\"", "", &["field `scope.hs_basis`", "missing"]),
        ("hs_basis = \"ours\"", "hs_basis = \"ours\"\nactivities = [\"smuggling\"]", &["field `scope.activities[0]`", "unknown activity `smuggling`"]),
        ("id = \"X-1\"\n", "", &["record #1", "field `id`", "missing"]),
        ("source = \"S/RES/0 OP1\"\n", "", &["record X-1", "field `source`", "missing"]),
        (
            "hs_basis = \"ours\"",
            "hs_basis = \"ours\"\n[measure.cap]\nkind = \"quantity\"\namount = 5\nunit = \"bbl\"\nstart = \"2018-13-01\"\nwindow_months = 12",
            &["field `cap.start`", "not a valid date"],
        ),
        (
            "hs_basis = \"ours\"",
            "hs_basis = \"ours\"\n[measure.cap]\nkind = \"quantity\"\namount = -5\nunit = \"bbl\"\nstart = \"2018-01-01\"\nwindow_months = 12",
            &["field `cap.amount`", "greater than zero"],
        ),
        (
            "hs_basis = \"ours\"",
            "hs_basis = \"ours\"\n[measure.cap]\nkind = \"quantity\"\namount = 5\nunit = \"furlongs\"\nstart = \"2018-01-01\"\nwindow_months = 12",
            &["field `cap.unit`", "unknown quantity unit"],
        ),
        (
            "hs_basis = \"ours\"",
            "hs_basis = \"ours\"\n[measure.cap]\nkind = \"quantity\"\namount = 5\nunit = \"bbl\"\nstart = \"2018-01-01\"",
            &["field `cap.window_months`"],
        ),
        ("id = \"X-1\"", "id = \"X-1\"\nsuperseded_from = \"2018-01-01\"", &["field `superseded_from`", "needs `superseded_by`"]),
        ("[[measure]]", "[[measures]]", &["mine.toml", "unknown top-level key", "field `measures`"]),
        ("target = \"KP\"", "target = \"KP", &["mine.toml", "not valid toml"]),
    ];
    for (from, to, want) in cases {
        assert!(GOOD.contains(from), "bad case: {from}");
        let text = GOOD.replacen(from, to, 1);
        let err = MeasureSet::from_toml_str("mine.toml", &text)
            .expect_err(to)
            .to_string();
        for part in *want {
            assert!(err.contains(part), "{err:?} lacks {part:?} (case {to:?})");
        }
    }
}

#[test]
fn the_second_bad_record_is_named_by_index_when_it_has_no_id() {
    let text = format!("{GOOD}\n[[measure]]\nregime = \"UN\"\n");
    let err = MeasureSet::from_toml_str("mine.toml", &text).unwrap_err();
    assert_eq!(
        err,
        SanctionsError::Invalid {
            file: "mine.toml".into(),
            record: "#2".into(),
            field: "id".into(),
            message: "missing".into()
        }
    );
}

#[test]
fn ids_are_unique_across_files_and_references_resolve() {
    let err = MeasureSet::from_files([("a.toml", GOOD), ("b.toml", GOOD)]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "b.toml: record X-1: field `id`: duplicate id, first defined in a.toml"
    );
    // An empty file adds nothing and breaks nothing.
    assert!(MeasureSet::from_files([("a.toml", GOOD), ("empty.toml", "")]).is_ok());
    let dangling = GOOD.replacen("id = \"X-1\"", "id = \"X-1\"\nsuperseded_by = \"X-9\"", 1);
    let err = MeasureSet::from_files([("a.toml", dangling.as_str())])
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("record X-1: field `superseded_by`: no measure `X-9`"),
        "{err}"
    );
    let dangling = GOOD.replacen(
        "id = \"X-1\"",
        "id = \"X-1\"\nambiguous_with = [\"X-9\"]",
        1,
    );
    let err = MeasureSet::from_files([("a.toml", dangling.as_str())])
        .unwrap_err()
        .to_string();
    assert!(err.contains("field `ambiguous_with[0]`"), "{err}");
    // An analyst's measure may not reuse a built-in id.
    let clash = GOOD.replacen("X-1", "UNSCR2397-OP5", 1);
    let mine = MeasureSet::from_files([("mine.toml", clash.as_str())]).unwrap();
    assert!(matches!(
        set().merge(&mine),
        Err(SanctionsError::DuplicateId { .. })
    ));
}

#[test]
fn load_dir_reads_an_analysts_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mine.toml"), GOOD.replace("2710", "1101")).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a measure file").unwrap();
    let mine = MeasureSet::load_dir(dir.path()).unwrap();
    assert_eq!(mine.measures().len(), 1);
    let all = set().merge(&mine).unwrap();
    // One record, no code change: wheat flour is now flagged by the analyst's measure.
    let got = ids(&all, &flow("RU", "KP", &[("wheat flour", Some("1101"))]));
    assert_eq!(got, vec!["X-1".to_string()]);
    std::fs::write(
        dir.path().join("zz-bad.toml"),
        GOOD.replace("\"to\"", "\"sideways\""),
    )
    .unwrap();
    let err = MeasureSet::load_dir(dir.path()).unwrap_err().to_string();
    assert!(
        err.starts_with("zz-bad.toml: record X-1: field `direction`"),
        "{err}"
    );
    assert!(matches!(
        MeasureSet::load_dir(&dir.path().join("missing")),
        Err(SanctionsError::Io { .. })
    ));
}

// --- tallies ----------------------------------------------------------------

fn shipment(
    goods: &str,
    hs: &str,
    amount: f64,
    unit: &str,
    time: Option<&str>,
    certainty: Certainty,
    id: &str,
) -> Claim {
    let mut c = with(
        flow("RU", "KP", &[(goods, Some(hs))]),
        time,
        Status::Occurred,
        certainty,
    );
    c.quantity = Some(Quantity {
        value: amount,
        unit: unit.into(),
    });
    c.id = id.into();
    c
}

fn inputs<'a>(claims: &'a [(Claim, Option<&str>)]) -> Vec<TallyInput<'a>> {
    claims
        .iter()
        .map(|(claim, key)| TallyInput {
            claim,
            origin_key: key.map(Into::into),
        })
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6 * b.abs().max(1.0)
}

#[test]
fn tally_places_claims_in_windows() {
    let set = set();
    let claims = vec![
        (
            shipment(
                "diesel",
                "271019",
                100_000.0,
                "bbl",
                Some("2022-08"),
                Certainty::Official,
                "a",
            ),
            None,
        ),
        (
            shipment(
                "gasoline",
                "271012",
                10_000.0,
                "t",
                Some("2022-10-05"),
                Certainty::Anonymous,
                "b",
            ),
            Some("o-b"),
        ),
        // Copies of b (same origin): counted once.
        (
            shipment(
                "gasoline",
                "271012",
                10_000.0,
                "t",
                Some("2022-10-05"),
                Certainty::Anonymous,
                "b-copy",
            ),
            Some("o-b"),
        ),
        (
            shipment(
                "gasoline",
                "271012",
                10_000.0,
                "t",
                Some("2022-10-05"),
                Certainty::Reported,
                "b-copy2",
            ),
            Some("o-b"),
        ),
        // The next window.
        (
            shipment(
                "diesel",
                "271019",
                50_000.0,
                "bbl",
                Some("2023-01"),
                Certainty::Official,
                "c",
            ),
            None,
        ),
        // Spans two windows.
        (
            shipment(
                "diesel",
                "271019",
                70_000.0,
                "bbl",
                Some("2022-11/2023-03"),
                Certainty::Reported,
                "d",
            ),
            None,
        ),
        // No time.
        (
            shipment(
                "diesel",
                "271019",
                80_000.0,
                "bbl",
                None,
                Certainty::Rumor,
                "e",
            ),
            None,
        ),
        // No quantity; unknown unit; product without a factor.
        (
            with(
                flow("RU", "KP", &[("diesel", Some("271019"))]),
                Some("2022-05"),
                Status::Occurred,
                Certainty::Reported,
            ),
            None,
        ),
        (
            shipment(
                "diesel",
                "271019",
                5.0,
                "tankers",
                Some("2022-05"),
                Certainty::Reported,
                "g",
            ),
            None,
        ),
        (
            shipment(
                "oil",
                "27",
                1_000.0,
                "t",
                Some("2022-05"),
                Certainty::Reported,
                "h",
            ),
            None,
        ),
        // LPG: ambiguous, kept out of the total.
        (
            shipment(
                "LPG",
                "2711",
                1_000.0,
                "t",
                Some("2022-03"),
                Certainty::Reported,
                "i",
            ),
            None,
        ),
        // Out of scope.
        (
            shipment(
                "wheat",
                "1001",
                1_000.0,
                "t",
                Some("2022-08"),
                Certainty::Reported,
                "j",
            ),
            None,
        ),
    ];
    let claims: Vec<(Claim, Option<&str>)> = claims;
    let tally = set.tally("UNSCR2397-OP5", &inputs(&claims), None).unwrap();
    assert_eq!(tally.windows.len(), 2, "{}", tally.render_text());
    let w2022 = &tally.windows[0];
    assert_eq!(
        (w2022.start.as_str(), w2022.end.as_str()),
        ("2022-01-01", "2022-12-31")
    );
    // 100,000 bbl + 10,000 t gasoline at 8.35 bbl/t, the copies not again.
    assert!(close(w2022.total, 183_500.0), "{}", w2022.total);
    assert!(close(w2022.share_of_cap, 0.367), "{}", w2022.share_of_cap);
    assert!(close(w2022.by_certainty["official"], 100_000.0));
    assert!(close(w2022.by_certainty["reported"], 83_500.0));
    assert!(
        close(w2022.ambiguous_total, 11_600.0),
        "{}",
        w2022.ambiguous_total
    );
    // a, the b group, and the ambiguous LPG claim.
    assert_eq!(w2022.origins, 3);
    let b = w2022
        .entries
        .iter()
        .find(|e| e.origin.as_deref() == Some("o-b"))
        .unwrap();
    // The best-vouched copy is the one counted, under its own certainty.
    assert_eq!(b.claim, "b-copy2");
    assert_eq!(b.certainty, "reported");
    assert_eq!(b.copies, vec!["b".to_string(), "b-copy".to_string()]);
    assert!(!w2022.claims.contains(&"b".to_string()));
    let w2023 = &tally.windows[1];
    assert_eq!(w2023.start, "2023-01-01");
    assert!(close(w2023.total, 50_000.0));
    let unplaced: Vec<(&str, &str)> = tally
        .unplaced
        .iter()
        .map(|u| (u.claim.as_str(), u.reason.as_str()))
        .collect();
    assert_eq!(unplaced.len(), 2, "{unplaced:?}");
    assert!(
        unplaced[0].0 == "d"
            && unplaced[0]
                .1
                .contains("spans more than one 12-month window")
    );
    assert!(unplaced[1].0 == "e" && unplaced[1].1 == "no time");
    let unconvertible: Vec<(&str, &str)> = tally
        .unconvertible
        .iter()
        .map(|u| (u.claim.as_str(), u.reason.as_str()))
        .collect();
    assert_eq!(unconvertible.len(), 3, "{unconvertible:?}");
    assert_eq!(unconvertible[0].1, "no quantity");
    assert_eq!(unconvertible[1].1, "unknown unit `tankers`");
    assert!(unconvertible[2]
        .1
        .contains("no barrels-per-tonne factor for oil (HS 27)"));
    assert_eq!(tally.out_of_scope, vec!["j".to_string()]);

    // One window asked for: only that one, even when empty.
    let only = set
        .tally("UNSCR2397-OP5", &inputs(&claims), Some(2023))
        .unwrap();
    assert_eq!(only.windows.len(), 1);
    assert!(close(only.windows[0].total, 50_000.0));
    let empty = set
        .tally("UNSCR2397-OP5", &inputs(&claims), Some(2019))
        .unwrap();
    assert_eq!(empty.windows.len(), 1);
    assert_eq!(empty.windows[0].total, 0.0);
    assert!(matches!(
        set.tally("UNSCR2397-OP5", &inputs(&claims), Some(2017)),
        Err(SanctionsError::NoSuchWindow { year: 2017, .. })
    ));

    let text = tally.render_text();
    assert!(
        text.contains("UNSCR2397-OP5: cap 500000 bbl per 12 months from 2018-01-01"),
        "{text}"
    );
    assert!(text.contains("window 2022-01-01 to 2022-12-31: 183500 bbl (36.7 % of cap) from 3 independent origin(s)"), "{text}");
    let json = tally.to_json();
    assert_eq!(json["windows"][0]["start"], "2022-01-01");
    assert_eq!(json["unplaced"][1]["reason"], "no time");
}

#[test]
fn tally_windows_follow_the_cap_start_day() {
    let set = set();
    // 2397 OP4 runs from 22 Dec 2017: a December claim straddles two windows.
    let claims = vec![
        (
            shipment(
                "crude oil",
                "2709",
                1_000.0,
                "t",
                Some("2018-12"),
                Certainty::Official,
                "dec",
            ),
            None,
        ),
        (
            shipment(
                "crude oil",
                "2709",
                1_000.0,
                "t",
                Some("2018-12-10"),
                Certainty::Official,
                "dec10",
            ),
            None,
        ),
        (
            shipment(
                "crude oil",
                "2709",
                1_000.0,
                "t",
                Some("2017-11"),
                Certainty::Official,
                "early",
            ),
            None,
        ),
    ];
    let tally = set.tally("UNSCR2397-OP4", &inputs(&claims), None).unwrap();
    assert_eq!(tally.windows.len(), 1);
    assert_eq!(
        (
            tally.windows[0].start.as_str(),
            tally.windows[0].end.as_str()
        ),
        ("2017-12-22", "2018-12-21")
    );
    assert!(close(tally.windows[0].total, 7_330.0));
    assert!(tally.unplaced[0].reason.contains("spans more than one"));
    assert!(tally.unplaced[1].reason.contains("before the cap starts"));
    // `--window 2018` is the window starting in December 2018.
    let w = set
        .tally("UNSCR2397-OP4", &inputs(&claims), Some(2018))
        .unwrap();
    assert_eq!(w.windows[0].start, "2018-12-22");
    // A fixed period: 2375 OP14, Oct-Dec 2017.
    let fixed = vec![(
        shipment(
            "diesel",
            "271019",
            1_000.0,
            "bbl",
            Some("2017-11"),
            Certainty::Official,
            "f",
        ),
        None,
    )];
    let t = set.tally("UNSCR2375-OP14", &inputs(&fixed), None).unwrap();
    assert_eq!(
        (t.windows[0].start.as_str(), t.windows[0].end.as_str()),
        ("2017-10-01", "2017-12-31")
    );
    assert!(close(t.windows[0].share_of_cap, 0.002));
}

#[test]
fn tally_refuses_what_it_cannot_sum() {
    let set = set();
    let none: Vec<TallyInput<'_>> = Vec::new();
    assert!(matches!(
        set.tally("NOPE", &none, None),
        Err(SanctionsError::UnknownMeasure(_))
    ));
    assert!(matches!(
        set.tally("UNSCR2397-OP8", &none, None),
        Err(SanctionsError::NotTallied { .. })
    ));
    assert!(matches!(
        set.tally("PC-CRUDE", &none, None),
        Err(SanctionsError::NotTallied { .. })
    ));
    let t = set.tally("UNSCR2397-OP5", &none, None).unwrap();
    assert!(t.windows.is_empty() && t.render_text().contains("no claim placed"));
}

#[test]
fn one_quantity_for_mixed_goods_is_not_split() {
    let set = set();
    let mut mixed = shipment(
        "gasoline",
        "271012",
        1_000.0,
        "t",
        Some("2022-10"),
        Certainty::Reported,
        "m",
    );
    mixed.commodities.push(Commodity {
        text: "diesel".into(),
        hs: Some("271019".into()),
    });
    let mut with_wheat = mixed.clone();
    with_wheat.id = "w".into();
    with_wheat.commodities[1] = Commodity {
        text: "wheat".into(),
        hs: Some("1001".into()),
    };
    let claims = vec![(mixed, None), (with_wheat, None)];
    let t = set.tally("UNSCR2397-OP5", &inputs(&claims), None).unwrap();
    assert!(
        t.unconvertible[0].reason.contains("several products"),
        "{:?}",
        t.unconvertible
    );
    assert!(
        t.unconvertible[1]
            .reason
            .contains("outside the scope (wheat)"),
        "{:?}",
        t.unconvertible
    );
}
