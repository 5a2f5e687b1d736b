//! Frame tests: one sentence (or a few) in, claims out. Each test names a
//! class of construction, not a document.

use tw_model::{Certainty, ClaimKind, Document, PublishedDate, Status};

use crate::extract;

fn doc(text: &str, published: &str) -> Document {
    Document {
        id: "t".into(),
        text: text.into(),
        published: PublishedDate::parse(published),
        ..Document::default()
    }
}

fn flows(text: &str, published: &str) -> Vec<tw_model::Claim> {
    extract(&doc(text, published))
        .claims
        .into_iter()
        .filter(|c| c.kind == ClaimKind::TradeFlow)
        .collect()
}

/// The trade flows of `text` filed under `dateline` ("LONDON, April 1").
fn flows_filed(text: &str, published: &str, dateline: &str) -> Vec<tw_model::Claim> {
    let mut d = doc(text, published);
    d.metadata.insert("dateline".into(), dateline.into());
    extract(&d)
        .claims
        .into_iter()
        .filter(|c| c.kind == ClaimKind::TradeFlow)
        .collect()
}

fn hs(c: &tw_model::Claim) -> Vec<Option<&str>> {
    c.commodities.iter().map(|x| x.hs.as_deref()).collect()
}

#[test]
fn origin_adjective_names_the_exporter_of_an_import() {
    let f = flows(
        "North Korean authorities imported Russian wheat flour last year.",
        "2022-11-04",
    );
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].exporter.as_deref(), Some("RU"));
    assert_eq!(f[0].importer.as_deref(), Some("KP"));
    assert_eq!(hs(&f[0]), vec![Some("1101")]);
    assert_eq!(f[0].status, Status::Occurred);
}

#[test]
fn from_and_to_name_the_other_party() {
    let f = flows(
        "Japan imported 5,000 tonnes of copper from Chile in January.",
        "1987-03-26",
    );
    assert_eq!(f[0].exporter.as_deref(), Some("CL"));
    assert_eq!(f[0].importer.as_deref(), Some("JP"));
    assert_eq!(f[0].time.as_deref(), Some("1987-01"));
    assert_eq!(
        f[0].quantity.as_ref().map(|q| (q.value, q.unit.as_str())),
        Some((5000.0, "t"))
    );
    let f = flows(
        "Canada sold 200,000 tonnes of wheat to Brazil, the board said.",
        "1987-03-26",
    );
    assert_eq!(f[0].exporter.as_deref(), Some("CA"));
    assert_eq!(f[0].importer.as_deref(), Some("BR"));
    assert_eq!(f[0].certainty, Certainty::Official);
}

#[test]
fn a_time_binds_to_the_goods_it_follows() {
    let f = flows(
        "Officials said Egypt bought wheat from France in August, along with sugar and rice in October.",
        "1987-11-20",
    );
    let times: Vec<Option<&str>> = f.iter().map(|c| c.time.as_deref()).collect();
    assert_eq!(times, vec![Some("1987-08"), Some("1987-10")]);
}

#[test]
fn analysis_in_the_writers_voice_is_not_a_claim() {
    assert!(flows(
        "Cuba needs to expand imports of cheap oil and food.",
        "2022-11-04"
    )
    .is_empty());
    // A need stays a need whoever states it; a plan with a source is a claim.
    assert!(flows(
        "Cuba needs to expand imports of oil from Mexico, officials said.",
        "2022-11-04"
    )
    .is_empty());
    let planned = flows(
        "Cuba will expand imports of oil from Mexico, officials said.",
        "2022-11-04",
    );
    assert_eq!(planned.len(), 1);
    assert_eq!(planned[0].status, Status::Planned);
    // Writer's-voice analysis before the trigger, but a source of its own.
    let attributed = flows("Japan will boost imports of microchips in an attempt to ward off sanctions, company spokesmen said.", "1987-03-31");
    assert_eq!(attributed.len(), 1);
}

#[test]
fn anonymous_rumour_and_speculation_sources() {
    let f = flows(
        "Traders said Iraq bought 100,000 tonnes of rice from Thailand.",
        "1987-03-26",
    );
    assert_eq!(f[0].certainty, Certainty::Anonymous);
    let f = flows(
        "There has been speculation that Syria received Iranian crude oil.",
        "1987-03-26",
    );
    assert_eq!(f[0].certainty, Certainty::Speculation);
    assert_eq!(f[0].exporter.as_deref(), Some("IR"));
}

#[test]
fn modality_sets_the_status() {
    let f = flows(
        "Pakistan is likely to import 100,000 tonnes of palm oil from Malaysia.",
        "1987-03-26",
    );
    assert_eq!(f[0].status, Status::Possible);
    let f = flows(
        "Venezuela will ship crude oil to Ecuador, the minister said.",
        "1987-03-26",
    );
    assert_eq!(f[0].status, Status::Planned);
    let f = flows(
        "Ecuador did not export crude oil to Peru in February.",
        "1987-03-26",
    );
    assert_eq!(f[0].status, Status::Negated);
}

#[test]
fn exchange_sends_goods_both_ways() {
    let f = flows(
        "Iran agreed an exchange of Iranian crude oil for Soviet oil products, officials said.",
        "1987-10-20",
    );
    let pairs: Vec<(Option<&str>, Option<&str>)> = f
        .iter()
        .map(|c| (c.exporter.as_deref(), c.importer.as_deref()))
        .collect();
    assert!(pairs.contains(&(Some("IR"), Some("SU"))), "{pairs:?}");
    assert!(pairs.contains(&(Some("SU"), Some("IR"))), "{pairs:?}");
}

#[test]
fn no_trigger_or_no_goods_means_no_flow() {
    assert!(flows(
        "China has been a better trade partner for Laos given its cheaper products.",
        "2022-11-04"
    )
    .is_empty());
    assert!(flows("Japan and Korea discussed trade on Monday.", "2022-11-04").is_empty());
}

#[test]
fn every_claim_has_evidence_inside_the_text() {
    let text = "Traders said Iraq bought rice from Thailand. The rice is for shipment in May.";
    let d = doc(text, "1987-03-26");
    for c in extract(&d).claims {
        assert!(!c.evidence.is_empty());
        for e in &c.evidence {
            let slice: String = text.chars().skip(e.start).take(e.end - e.start).collect();
            assert_eq!(slice, e.text);
        }
    }
}

#[test]
fn presence_and_personnel_frames() {
    let text =
        "Laos began preparations to open new trade offices throughout Vietnam, a source said. \
                Hanoi is home to many Laotian workers.";
    let claims = extract(&doc(text, "2022-11-04")).claims;
    let presence: Vec<_> = claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Presence)
        .collect();
    assert_eq!(presence.len(), 1);
    assert_eq!(presence[0].actor.as_deref(), Some("LA"));
    assert_eq!(presence[0].status, Status::Planned);
    let personnel: Vec<_> = claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Personnel)
        .collect();
    assert_eq!(personnel.len(), 1);
    assert_eq!(personnel[0].destination.as_deref(), Some("VN"));
}

#[test]
fn unanchored_relative_times_stay_null() {
    let d = Document {
        id: "t".into(),
        text: "Chile sold copper to Japan last month.".into(),
        ..Document::default()
    };
    let f: Vec<_> = extract(&d)
        .claims
        .into_iter()
        .filter(|c| c.kind == ClaimKind::TradeFlow)
        .collect();
    assert_eq!(f[0].time, None);
}

#[test]
fn whoever_receives_offers_is_the_buyer() {
    let f = flows(
        "Egypt received offers of 200,000 tonnes of wheat from France, traders said.",
        "1987-03-26",
    );
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].importer.as_deref(), Some("EG"));
    assert_eq!(f[0].exporter.as_deref(), Some("FR"));
    // Offering goods makes the subject the seller.
    let f = flows(
        "France offered 200,000 tonnes of wheat to Egypt, traders said.",
        "1987-03-26",
    );
    assert_eq!(
        (f[0].exporter.as_deref(), f[0].importer.as_deref()),
        (Some("FR"), Some("EG"))
    );
}

#[test]
fn an_earlier_buyer_does_not_become_a_seller() {
    let f = flows(
        "The Soviet Union bought corn last month. Officials confirmed one mln tonnes of corn sold to the Soviet Union.",
        "1987-03-09",
    );
    assert!(
        f.iter().all(|c| c.exporter.as_deref() != Some("SU")),
        "{f:?}"
    );
    assert!(f.iter().any(|c| c.importer.as_deref() == Some("SU")));
}

#[test]
fn supplies_of_goods_are_market_supply() {
    let f = flows(
        "Greater world supplies of wheat make Soviet purchases of U.S. wheat less likely, he said.",
        "1987-03-09",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        (f[0].exporter.as_deref(), f[0].importer.as_deref()),
        (Some("US"), Some("SU"))
    );
}

#[test]
fn a_firms_or_a_markets_sales_are_no_trade() {
    for text in [
        "Hyundai Motor America said February sales of its Excel subcompact car totaled 18,656.",
        "Electrohome Ltd said it agreed to sell its computer division to Canadian General Electric Co Ltd.",
        "American motorists bought 16,524,000 used cars last year, the study said.",
        "For the month of February, U.S. car sales increased to 7,200 from 6,843 cars, Nissan Motor Corp said.",
        "A total of 14,685 tonnes of British feed wheat were sold for the home market, the authority said.",
        "Among U.S.-based makers, American Honda <HMC> said its February car sales rose 96.2 pct.",
    ] {
        let f = flows(text, "1987-03-09");
        assert!(f.is_empty(), "{text}: {f:?}");
    }
}

#[test]
fn a_state_buying_or_selling_in_its_own_name_trades() {
    let f = flows(
        "Traders said the Indian State Trading Corp bought 20,000 tonnes of white sugar.",
        "1987-03-09",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].importer.as_deref(), Some("IN"));
    let f = flows(
        "Colombia is holding a selling tender for one cargo of raw sugar, traders said.",
        "1987-03-09",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].exporter.as_deref(), Some("CO"));
    // A word that puts the sale abroad makes it trade whoever sells.
    let f = flows(
        "Philippine coconut oil sold at 415 dlrs per long ton cif, traders said.",
        "1987-03-09",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].exporter.as_deref(), Some("PH"));
}

#[test]
fn import_demand_and_eligibility_are_no_flows() {
    for text in [
        "She cited reasons that might point to additional Soviet import demand.",
        "Wood products such as furniture would be ineligible for export credit guarantees, he said.",
    ] {
        let f = flows(text, "1987-03-09");
        assert!(f.is_empty(), "{text}: {f:?}");
    }
}

#[test]
fn a_deadline_dates_a_flow_by_its_year() {
    let f = flows(
        "The CCC has accepted a bid for an export bonus to cover the sale of 380 head of dairy cattle to Kuwait, the department said. The dairy cattle are for shipment on or before May 31, 1987, it said.",
        "1987-03-09",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].time.as_deref(), Some("1987"));
    let f = flows(
        "The CCC has authorized 25.0 mln dlrs in credit guarantees to North Yemen to cover purchases of U.S. wheat, the department said. Credit terms must be in excess of three years. All sales under the line must be registered and exports completed by September 30, 1987, the department said.",
        "1987-03-09",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].time.as_deref(), Some("1987"));
}

#[test]
fn a_country_offered_goods_buys_them() {
    let f = flows(
        "Reports suggested that Turkey was offered sugar at 212 dlrs a tonne, c and f basis.",
        "1987-03-09",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].importer.as_deref(), Some("TR"));
    assert_eq!(f[0].exporter, None);
}

#[test]
fn levies_categories_and_liberalisation_are_no_flows() {
    for text in [
        "The following import levies for white and raw sugar are effective tomorrow.",
        "Indonesia is depending on increased production of export commodities such as coffee and tea.",
        "Japanese officials insist that on beef they will not liberalize imports.",
        "Japan offered to improve inspection systems on citrus fruits to aid EC exports.",
    ] {
        let f = flows(text, "1987-03-09");
        assert!(f.is_empty(), "{text}: {f:?}");
    }
}

#[test]
fn a_modifier_shared_across_and_keeps_the_list_whole() {
    let f = flows(
        "India will export jute, engineering and electronic goods, as well as minerals including iron ore, officials said.",
        "1987-03-09",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    let goods: Vec<&str> = f[0].commodities.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        goods,
        [
            "jute",
            "engineering goods",
            "electronic goods",
            "minerals",
            "iron ore"
        ]
    );
}

#[test]
fn a_verb_of_the_other_direction_governs_its_own_goods() {
    let f = flows(
        "Canada exported two billion dlrs worth of steel in 1986, while importing 944 mln dlrs worth of iron ore.",
        "1987-03-09",
    );
    assert_eq!(f.len(), 2, "{f:?}");
    assert_eq!(
        (f[0].exporter.as_deref(), hs(&f[0])),
        (Some("CA"), vec![Some("72")])
    );
    assert_eq!(
        (f[1].importer.as_deref(), hs(&f[1])),
        (Some("CA"), vec![Some("2601")])
    );
    let f = flows(
        "Brazil would have to import more machinery this year and export fewer raw materials.",
        "1987-03-09",
    );
    assert_eq!(f.len(), 2, "{f:?}");
    assert_eq!(f[0].importer.as_deref(), Some("BR"));
    assert_eq!(f[1].exporter.as_deref(), Some("BR"));
    // A coordinated clause with a pronoun subject of its own.
    let f = flows(
        "Now China exports corn from the northeast, but it imports wheat.",
        "1987-03-09",
    );
    assert_eq!(f.len(), 2, "{f:?}");
    assert_eq!(
        (f[0].exporter.as_deref(), hs(&f[0])),
        (Some("CN"), vec![Some("1005")])
    );
    assert_eq!(
        (f[1].importer.as_deref(), hs(&f[1])),
        (Some("CN"), vec![Some("1001")])
    );
}

#[test]
fn policy_talk_governs_the_trade_words_right_after_it() {
    for text in [
        "The cut will encourage local importers to increase 1987 soybean imports to 1.9 mln tonnes, he said.",
        "As much as 30 pct of U.S. oil imports in 1995 could come from OPEC nations, he said.",
        "Japan's report predicts annual world seaborne iron ore imports of 267.7 mln tonnes by 2000.",
        "Canada recently imposed a permanent duty of 85 cents per bushel on U.S. corn imports.",
        "Spot prices in Singapore were little changed, with naphtha quiet on minimal buying interest.",
    ] {
        let f = flows(text, "1987-03-09");
        assert!(f.is_empty(), "{text}: {f:?}");
    }
    // A programme stays a flow after a policy word ("export credit").
    let f = flows(
        "The action increases the value of export credit guarantees for wood products to Haiti, the USDA said.",
        "1987-03-09",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].importer.as_deref(), Some("HT"));
}

#[test]
fn sales_figures_are_a_markets_unless_a_buyer_or_a_border_is_named() {
    let f = flows(
        "Nissan said U.S. truck sales in mid-March declined 29.8 pct to 2,018 from 2,875 a year ago.",
        "1987-03-20",
    );
    assert!(f.is_empty(), "{f:?}");
    let f = flows(
        "Profits from arms sales to Iran were diverted to the rebels, he said.",
        "1987-03-20",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].importer.as_deref(), Some("IR"));
}

#[test]
fn the_worlds_largest_exporter_still_exports() {
    let f = flows(
        "Canada, the world's largest potash producer, exported 9.8 mln tonnes of potash last year.",
        "1987-03-20",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].exporter.as_deref(), Some("CA"));
}

#[test]
fn an_agent_noun_needs_an_amount_in_its_own_clause() {
    let f = flows(
        "Indonesia used to be a sugar exporter but last year it imported 162,500 tonnes of sugar from Thailand.",
        "1987-03-20",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        (f[0].exporter.as_deref(), f[0].importer.as_deref()),
        (Some("TH"), Some("ID"))
    );
}

#[test]
fn digest_items_are_sentences_of_their_own() {
    let f = flows(
        "Japanese crushers bought 4,000 tonnes of Canadian rapeseed overnight for May shipment...Greece has agreed to buy 27,000 tonnes of Spanish corn...The U.S. sold soybeans to Taiwan.",
        "1987-04-01",
    );
    let pairs: Vec<(Option<&str>, Option<&str>)> = f
        .iter()
        .map(|c| (c.exporter.as_deref(), c.importer.as_deref()))
        .collect();
    assert!(
        pairs.contains(&(Some("CA"), None)) || pairs.contains(&(Some("CA"), Some("JP"))),
        "{pairs:?}"
    );
    assert!(pairs.contains(&(Some("ES"), Some("GR"))), "{pairs:?}");
    assert!(
        !pairs.iter().any(|p| p.0 == Some("CA") && p.1 == Some("US")),
        "{pairs:?}"
    );
}

#[test]
fn a_bare_for_makes_no_exchange() {
    let f = flows(
        "Greece has agreed to buy 27,000 tonnes of Spanish corn for spot shipment, with Italy buying 6,000 tonnes of Spanish corn, traders said.",
        "1987-04-01",
    );
    assert!(!f.is_empty());
    assert!(
        f.iter().all(|c| c.exporter.as_deref() == Some("ES")),
        "{f:?}"
    );
    assert!(
        f.iter().any(|c| c.importer.as_deref() == Some("GR")),
        "{f:?}"
    );
}

#[test]
fn measures_and_unknown_goods_do_not_continue_a_flow() {
    let first = "The CCC accepted a bid for an export bonus to cover the sale of 3,000 head of dairy cattle to Turkey.";
    // The control: a bare amount continues the flow.
    let f = flows(
        &format!("{first} Further sales of 2,000 head are planned."),
        "1987-04-20",
    );
    assert_eq!(f.len(), 2, "{f:?}");
    let f = flows(
        &format!("{first} The guarantee line for sales of protein concentrates has been increased to 44.0 mln dlrs."),
        "1987-04-20",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    let f = flows(
        &format!("{first} Other proposals include import surcharges or tariffs, including a 10 pct import surcharge that would raise 22 billion dlrs."),
        "1987-04-20",
    );
    assert_eq!(f.len(), 1, "{f:?}");
}

#[test]
fn a_rival_is_no_party() {
    let f = flows(
        "ONIC said the drop in French wheat exports to other Community countries was due to British competition.",
        "1987-03-20",
    );
    assert!(
        f.iter().all(|c| c.importer.as_deref() != Some("GB")),
        "{f:?}"
    );
    assert!(
        f.iter().any(|c| c.exporter.as_deref() == Some("FR")),
        "{f:?}"
    );
    // Nor is the buyer of the flow before a destination the sentence gives
    // in words of its own.
    let f = flows(
        "Spain bought 258,507 tonnes of French soft wheat. ONIC said the drop in French exports to other Community countries was due to British competition.",
        "1987-03-20",
    );
    assert_eq!(f.len(), 2, "{f:?}");
    assert_eq!(f[1].importer, None, "{f:?}");
}

#[test]
fn a_country_naming_a_market_or_a_topic_is_no_party() {
    let f = flows(
        "Malaysian crude palm oil futures closed off the highs on late speculative selling following talk that Pakistan passed on its tender for 6,000 tonnes of RBD palm oil.",
        "1987-04-16",
    );
    assert!(
        f.iter().all(|c| c.exporter.as_deref() != Some("MY")),
        "{f:?}"
    );
    // The control: a country before goods that move is their origin.
    let f = flows(
        "Pakistan bought 6,000 tonnes of Malaysian palm oil.",
        "1987-04-16",
    );
    assert_eq!(f[0].exporter.as_deref(), Some("MY"), "{f:?}");
}

#[test]
fn a_price_per_unit_after_for_is_a_quote() {
    let f = flows(
        "He added that Ecuadorean crude was now selling for 15 to 17 dlrs a barrel.",
        "1987-03-20",
    );
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn who_asks_another_to_supply_buys() {
    let f = flows(
        "The Saudi government had approached six European countries to supply between six and eight submarines.",
        "1987-03-20",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].importer.as_deref(), Some("SA"), "{f:?}");
    assert_eq!(f[0].exporter, None, "{f:?}");
    // Licences requested are no one asked: the French still sell.
    let f = flows(
        "French operators have requested licences to export 422,000 tonnes of maize at today's EC tender.",
        "1987-03-20",
    );
    assert_eq!(f[0].exporter.as_deref(), Some("FR"), "{f:?}");
    // Asked to supply, it sells.
    let f = flows(
        "Argentina was asked to supply 200,000 tonnes of wheat.",
        "1987-03-20",
    );
    assert_eq!(f[0].exporter.as_deref(), Some("AR"), "{f:?}");
}

#[test]
fn a_flow_affected_by_a_measure_is_talk() {
    for text in [
        "Quantities of oils imported from third countries would not be affected by the tax, Tanghe said.",
        "Yao said the rising Taiwan dollar means Taiwan's steel exports are more expensive than South Korea's.",
    ] {
        let f = flows(text, "1987-03-20");
        assert!(f.is_empty(), "{text}: {f:?}");
    }
}

#[test]
fn a_vehicle_after_a_carriers_preposition_is_no_goods() {
    let f = flows(
        "It said some shipments of machine parts had moved from the United States through Belgium on aircraft of Santa Lucia Airways to Iran.",
        "1987-03-20",
    );
    assert!(
        f.iter()
            .all(|c| c.commodities.iter().all(|g| g.text != "aircraft")),
        "{f:?}"
    );
    let f = flows("Iran bought aircraft from the United States.", "1987-03-20");
    assert_eq!(f[0].commodities[0].text, "aircraft", "{f:?}");
}

#[test]
fn a_bare_trade_word_the_other_way_does_not_continue_a_one_sided_flow() {
    let f = flows(
        "West German sugar exports rose to 800,000 tonnes in October-February. Imports in October-February fell to 59,605 tonnes from 76,044 a year earlier.",
        "1987-03-20",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].exporter.as_deref(), Some("DE"), "{f:?}");
}

#[test]
fn two_trade_clauses_in_one_sentence_keep_their_own_goods() {
    let f = flows(
        "They said Sudan will export corn, sesame and peanuts, while Jordan will export cement and chemicals.",
        "1987-03-20",
    );
    let sudan: Vec<&str> = f
        .iter()
        .filter(|c| c.exporter.as_deref() == Some("SD"))
        .flat_map(|c| c.commodities.iter().map(|g| g.text.as_str()))
        .collect();
    let jordan: Vec<&str> = f
        .iter()
        .filter(|c| c.exporter.as_deref() == Some("JO"))
        .flat_map(|c| c.commodities.iter().map(|g| g.text.as_str()))
        .collect();
    assert!(
        sudan.contains(&"corn") && !sudan.contains(&"cement"),
        "{f:?}"
    );
    assert!(
        jordan.contains(&"cement") && !jordan.contains(&"corn"),
        "{f:?}"
    );
    // Both clauses keep the sentence's source.
    assert!(
        f.iter().all(|c| c.source.as_deref() == Some("They")),
        "{f:?}"
    );
}

#[test]
fn a_country_between_a_selling_verb_and_its_goods_receives_them() {
    let f = flows(
        "The report said the United States wanted to sell India a computer less powerful than the Indians had sought.",
        "1987-03-20",
    );
    assert_eq!(f[0].importer.as_deref(), Some("IN"), "{f:?}");
    assert_eq!(f[0].exporter.as_deref(), Some("US"), "{f:?}");
    let f = flows(
        "The Soviet Union has agreed to supply Iran with refined oil products.",
        "1987-03-20",
    );
    assert_eq!(f[0].importer.as_deref(), Some("IR"), "{f:?}");
    // A people after "the" is the receiver too.
    let f = flows(
        "A U.S. offer last fall to sell the Soviets lower-priced wheat was rebuffed.",
        "1987-03-20",
    );
    assert_eq!(f[0].importer.as_deref(), Some("SU"), "{f:?}");
    assert_ne!(f[0].exporter.as_deref(), Some("SU"), "{f:?}");
    // With nothing between, the country names the goods' origin.
    let f = flows(
        "The second hand offered Kenya coffee for May/June shipment.",
        "1987-03-20",
    );
    assert_eq!(f[0].exporter.as_deref(), Some("KE"), "{f:?}");
}

#[test]
fn a_possessive_after_a_list_of_buyers_starts_a_phrase_of_its_own() {
    let f = flows(
        "The two discussed the scandal over U.S. arms sales to Iran and China's political situation.",
        "1987-03-20",
    );
    assert!(
        f.iter().all(|c| c.importer.as_deref() != Some("CN")),
        "{f:?}"
    );
    assert!(
        f.iter().any(|c| c.importer.as_deref() == Some("IR")),
        "{f:?}"
    );
}

#[test]
fn a_body_forecasting_trade_does_not_trade() {
    let f = flows(
        "Brazil's 1986/87 soybean exports were forecast at 2.50 mln tonnes. USDA projected 1985/86 exports at 1.20 mln tonnes.",
        "1987-04-09",
    );
    assert_eq!(f.len(), 2, "{f:?}");
    assert!(
        f.iter().all(|c| c.exporter.as_deref() == Some("BR")),
        "{f:?}"
    );
}

#[test]
fn goods_a_country_aims_to_be_self_sufficient_in_do_not_move() {
    let f = flows(
        "Bangladesh must import nearly two mln tonnes of grain annually up to 1990, when the government expects to attain self-sufficiency in food.",
        "1987-03-20",
    );
    assert!(
        f.iter()
            .all(|c| c.commodities.iter().all(|g| g.text != "food")),
        "{f:?}"
    );
    assert!(
        f.iter().any(|c| c.importer.as_deref() == Some("BD")),
        "{f:?}"
    );
}

#[test]
fn sales_of_imported_goods_are_a_home_market() {
    for text in [
        "The company said domestic sales of imported vehicles rose 12 pct in Australia.",
        "Imported cars sales in the U.S. were estimated at 219,300 in February.",
    ] {
        let f = flows(text, "1987-03-20");
        assert!(f.is_empty(), "{text}: {f:?}");
    }
}

#[test]
fn what_is_offered_to_farmers_stays_at_home() {
    let f = flows(
        "The USDA offered a special corn bonus rental payment to the farmers to be paid in generic certificates.",
        "1987-03-20",
    );
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn the_subject_of_a_passive_does_not_trade() {
    let f = flows(
        "He said EC nations will be hurt by the diverted shipments of Asian textiles.",
        "1987-03-20",
    );
    assert!(
        f.iter().all(|c| c.exporter.as_deref() != Some("EU")),
        "{f:?}"
    );
}

#[test]
fn a_trade_houses_nationality_is_no_origin() {
    let f = flows(
        "Traders said a French house sold two cargoes of white sugar to India at 233 dlrs CIF.",
        "1987-03-20",
    );
    assert!(
        f.iter().all(|c| c.exporter.as_deref() != Some("FR")),
        "{f:?}"
    );
    assert!(
        f.iter().any(|c| c.importer.as_deref() == Some("IN")),
        "{f:?}"
    );
    let f = flows(
        "They said a large U.K. trade house sold 50,000 tonnes of white sugar to Turkey.",
        "1987-03-20",
    );
    assert!(
        f.iter().all(|c| c.exporter.as_deref() != Some("GB")),
        "{f:?}"
    );
    // Firms that export are the exporters.
    let f = flows(
        "The Yugoslav firms will export oil products to France.",
        "1987-03-20",
    );
    assert_eq!(f[0].exporter.as_deref(), Some("YU"), "{f:?}");
}

#[test]
fn what_a_pact_asks_for_is_talk_unless_it_names_an_amount() {
    for text in [
        "The two countries signed a pact last September in which Japan agreed to stop selling its microchips in the United States below production costs.",
        "The agreement called on Japan to buy more American-made semiconductors.",
        // Past an apposition on the pact, and a first term.
        "That pact, agreed last year after months of negotiations, calls on Japan to stop \
         selling cut-price chips in world markets and to raise its imports of U.S. \
         semiconductors.",
    ] {
        let f = flows(text, "1987-03-20");
        assert!(f.is_empty(), "{text}: {f:?}");
    }
    let f = flows(
        "Under the agreement, the EC will import two mln tonnes of maize into Spain.",
        "1987-03-20",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    // A sale agreed is a flow.
    let f = flows(
        "India today signed an agreement to sell 500 mini passenger cars to Hungary.",
        "1987-03-20",
    );
    assert!(
        f.iter().any(|c| c.importer.as_deref() == Some("HU")),
        "{f:?}"
    );
}

#[test]
fn a_programme_sells_to_those_who_buy_under_it() {
    // Filed from Washington: the dateline's country runs the programme,
    // it does not buy under it.
    let f = flows_filed(
        "West African countries have already purchased 129,500 tonnes of wheat under previously announced export bonus programs, it noted.",
        "1987-03-20",
        "WASHINGTON, March 20",
    );
    assert!(
        f.iter().all(|c| c.importer.as_deref() != Some("US")),
        "{f:?}"
    );
    assert!(
        f.iter().any(|c| c.exporter.as_deref() == Some("US")),
        "{f:?}"
    );
}

#[test]
fn a_country_owning_a_statistic_is_no_party() {
    let f = flows(
        "The EC figure included 63,387 vehicles to West Germany.",
        "1987-03-20",
    );
    assert!(
        f.iter().all(|c| c.exporter.as_deref() != Some("EU")),
        "{f:?}"
    );
}

#[test]
fn a_sentence_with_goods_of_its_own_does_not_continue_other_goods() {
    let f = flows(
        "Israel exported 20,000 tonnes of cotton in 1986. Maize production is targetted to rise by 48,000 tonnes, and exports by 34,000 tonnes.",
        "1987-03-20",
    );
    assert_eq!(f.len(), 1, "{f:?}");
}

#[test]
fn car_registrations_raids_and_money_channelled_are_no_flows() {
    for text in [
        "West German new car registrations rose four pct last month, the Federal Motor Office said.",
        "Iraq said its jets attacked Iranian oil shipments in the Gulf.",
    ] {
        let f = flows(text, "1987-03-20");
        assert!(f.is_empty(), "{text}: {f:?}");
    }
    let f = flows(
        "Proceeds from the arms sales to Iran were being funneled to a Swiss bank account.",
        "1987-03-20",
    );
    assert!(
        f.iter().all(|c| c.importer.as_deref() != Some("CH")),
        "{f:?}"
    );
    // Coffee registered is for export.
    let f = flows(
        "The Brazilian Coffee Institute today registered 1.4 mln 60 kilo bags of green coffee for May shipment.",
        "1987-03-20",
    );
    assert_eq!(f.len(), 1, "{f:?}");
}

#[test]
fn a_transit_port_is_no_buyer() {
    let f = flows(
        "No Zambian copper had been shipped through Zimbabwe to the Mozambican port of Beira, Mapara said.",
        "1987-03-20",
    );
    assert!(
        f.iter().all(|c| c.importer.as_deref() != Some("MZ")),
        "{f:?}"
    );
    // The control: a port with no transit named is the buyer's.
    let f = flows(
        "Zambia shipped 20,000 tonnes of copper to the Mozambican port of Beira.",
        "1987-03-20",
    );
    assert!(
        f.iter().any(|c| c.importer.as_deref() == Some("MZ")),
        "{f:?}"
    );
}

#[test]
fn goods_named_by_talk_of_a_measure_do_not_move() {
    let f = flows(
        "Live cattle exports are in addition to the meat purchase requirements, the department said.",
        "1987-03-20",
    );
    assert!(
        f.iter()
            .all(|c| c.commodities.iter().all(|g| g.text != "meat")),
        "{f:?}"
    );
}

#[test]
fn what_a_firm_makes_or_a_service_works_on_does_not_move() {
    let f = flows(
        "Interstate Bakeries said it agreed to buy the assets of Landshire Food Products, a producer of packaged Mexican food products.",
        "1987-03-20",
    );
    assert!(f.is_empty(), "{f:?}");
    let f = flows(
        "Spain granted Cuba a 25 mln dlr credit line for the purchase of Spanish services in the steel industry, the repair of fishing boats and development of industrial projects.",
        "1987-03-20",
    );
    assert!(
        f.iter()
            .all(|c| c.commodities.iter().all(|g| g.text != "fishing boats")),
        "{f:?}"
    );
    // The controls: goods bought from a country still move, and so do
    // the goods of makers that trade.
    let f = flows("Cuba will purchase fishing boats from Spain.", "1987-03-20");
    assert_eq!(f.len(), 1, "{f:?}");
    let f = flows(
        "All four Japanese makers of large trucks will stop exports to North Korea.",
        "1987-03-20",
    );
    assert_eq!(f.len(), 1, "{f:?}");
}

#[test]
fn totals_and_shares_do_not_continue_a_flow() {
    let f = flows(
        "Ecuador exported 173,500 bpd of crude oil last year. Exports in the first four months of 1987 were around 639 mln dlrs and imports 628.3 mln.",
        "1987-05-20",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    let f = flows(
        "GM took only 37 pct of all car sales in February, including imports.",
        "1987-03-20",
    );
    assert!(f.is_empty(), "{f:?}");
    let f = flows(
        "The State Department said Iran was told of U.S. concern over the threat to oil shipments in the Gulf.",
        "1987-03-20",
    );
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn a_countrys_supplier_sells_to_it() {
    let f = flows(
        "Saudi Arabia is Brazil's second biggest oil supplier, with an average 115,000 bpd.",
        "1987-03-20",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].importer.as_deref(), Some("BR"));
    assert_ne!(f[0].exporter.as_deref(), Some("BR"));
}

#[test]
fn a_governments_export_programme_sells_to_the_country_named() {
    let f = flows(
        "Indications are that USDA accepted Algeria's bid for 75,000 tonnes of hard red winter wheat under its export bonus tender, U.S. exporters said.",
        "1987-03-20",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        (f[0].exporter.as_deref(), f[0].importer.as_deref()),
        (Some("US"), Some("DZ"))
    );
}

#[test]
fn goods_diverted_onward_have_an_onward_leg() {
    let f = flows(
        "Canada imports steel from South Korea, and that steel is being diverted to the U.S., officials said.",
        "1987-03-20",
    );
    let pairs: Vec<(Option<&str>, Option<&str>)> = f
        .iter()
        .map(|c| (c.exporter.as_deref(), c.importer.as_deref()))
        .collect();
    assert!(pairs.contains(&(Some("KR"), Some("CA"))), "{pairs:?}");
    assert!(pairs.contains(&(Some("KR"), Some("US"))), "{pairs:?}");
    // Money diverted is no onward flow of the goods.
    let f = flows(
        "Profits from arms sales to Iran were diverted to Nicaragua, he said.",
        "1987-03-20",
    );
    assert!(
        f.iter().all(|c| c.importer.as_deref() != Some("NI")),
        "{f:?}"
    );
}

#[test]
fn a_participles_agent_after_by_is_its_subject() {
    let f = flows(
        "Another amendment would place a quota on imports of casein, a dairy product shipped to the U.S. primarily by New Zealand and Ireland.",
        "1987-03-20",
    );
    assert!(!f.is_empty(), "{f:?}");
    assert!(
        f.iter().all(|c| c.importer.as_deref() == Some("US")),
        "{f:?}"
    );
    assert_eq!(f[0].exporter.as_deref(), Some("NZ"));
    let f = flows(
        "Some 200,000 tonnes of sugar were bought by Japan from Thailand last month.",
        "1987-03-20",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].importer.as_deref(), Some("JP"));
    assert_eq!(f[0].exporter.as_deref(), Some("TH"));
    // An active verb keeps its subject; "by" belongs to another clause.
    let f = flows(
        "India and Egypt bought white sugar this week while next week sees tenders by Pakistan.",
        "1987-03-20",
    );
    assert!(
        f.iter().any(|c| c.importer.as_deref() == Some("EG")),
        "{f:?}"
    );
}

#[test]
fn barrier_talk_and_exchange_trading_are_no_flows() {
    for text in [
        "Japan currently restricts imports of 22 agricultural products.",
        "Officials hinted that fresh oranges may be a product on which imports could be freed.",
        "It was also decided to allow duty-free import of cotton yarn.",
        "Traders were prompted into purchases of new crop soybeans in the futures markets.",
        "King Fahd said Saudi Arabia, the world's largest oil exporter, was adhering to a 15.8 mln bpd output ceiling.",
        "Washington had warned Tehran not to use them against civilian shipping.",
        "He said the U.S. will press for elimination of import barriers on Japan's citrus and rice.",
        "Norway said it would check imported cocoa beans after an outbreak of salmonella poisoning.",
        "Poland's coal sells to both industrial and private consumers at far less than either the production or export costs.",
    ] {
        let f = flows(text, "1987-03-20");
        assert!(f.is_empty(), "{text}: {f:?}");
    }
}

#[test]
fn a_country_made_eligible_under_an_export_programme_buys() {
    let f = flows(
        "The U.S. Agriculture Department said Turkey has been made eligible for the sale of up to 70,000 tonnes of milled rice under the department's export enhancement program.",
        "1987-03-20",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].exporter.as_deref(), Some("US"));
    assert_eq!(f[0].importer.as_deref(), Some("TR"));
}

#[test]
fn goods_an_allocation_is_taken_from_do_not_move() {
    let f = flows(
        "The U.S. Agriculture Department said at the request of the North Yemen Government five mln dlrs in credit guarantees previously earmarked for sales of wheat have been switched to cover sales of mixed poultry feed.",
        "1987-03-25",
    );
    let goods: Vec<&str> = f
        .iter()
        .flat_map(|c| c.commodities.iter().map(|g| g.text.as_str()))
        .collect();
    assert!(!goods.contains(&"wheat"), "{f:?}");
    assert!(goods.contains(&"mixed poultry feed"), "{f:?}");
    // Each sum taken away, up to where the money goes.
    let f = flows(
        "The Commodity Credit Corporation (CCC) has transferred 12.0 mln dlrs in credit guarantees previously earmarked for sales of U.S. hatching eggs and 7.0 mln dlrs in guarantees for breeder livestock to increase coverage on sales of U.S. wheat to Iraq.",
        "1987-03-25",
    );
    let goods: Vec<&str> = f
        .iter()
        .flat_map(|c| c.commodities.iter().map(|g| g.text.as_str()))
        .collect();
    assert_eq!(goods, vec!["wheat"], "{f:?}");
}

#[test]
fn a_sentence_opening_with_a_trade_word_continues_the_storys_country() {
    let text = "The report said Chinese imports this year are projected at 300,000 tonnes. Imports of soybean oil are estimated at 200,000 tonnes, also unchanged from last year.";
    let f = flows(text, "1987-04-07");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].importer.as_deref(), Some("CN"));
}

#[test]
fn goods_before_an_opening_trade_word_continue_the_storys_country() {
    let text = "Japan bought 300,000 tonnes of crude oil from Iran in March. Oil imports peaked in 1977 at 47 pct of demand.";
    let f = flows(text, "1987-04-07");
    let peak = f
        .iter()
        .find(|c| c.evidence[0].text.starts_with("Oil imports"))
        .expect("a flow for the second sentence");
    assert_eq!(peak.importer.as_deref(), Some("JP"), "{f:?}");
    assert_eq!(peak.exporter, None, "{f:?}");
}

#[test]
fn an_amount_in_an_oil_unit_moves_the_oil_named_before() {
    let text = "Ecuador imports wheat from Canada. The earthquake cut the pipeline. Repairs will take four months. Output was 260,000 bpd of crude before the quake. Last year, it exported an average of 173,500 bpd, the central bank said.";
    let f = flows(text, "1987-03-09");
    let bpd = f
        .iter()
        .find(|c| c.evidence[0].text.starts_with("Last year"))
        .expect("a flow for the last sentence");
    assert_eq!(bpd.exporter.as_deref(), Some("EC"), "{f:?}");
    assert_eq!(bpd.commodities[0].hs.as_deref(), Some("2709"), "{f:?}");
    // No oil named before: the amount names no goods, so no flow.
    let text =
        "Ecuador imports wheat from Canada. Last year, it exported an average of 173,500 bpd.";
    let f = flows(text, "1987-03-09");
    assert!(
        !f.iter()
            .any(|c| c.evidence[0].text.starts_with("Last year")),
        "{f:?}"
    );
}

#[test]
fn an_estimate_for_a_period_in_progress_is_a_running_trade() {
    use tw_model::Status;
    let now = flows(
        "India's imports of crude oil from the Soviet Union are estimated at 1.2 mln tonnes in 1987.",
        "1987-03-26",
    );
    assert_eq!(now.len(), 1, "{now:?}");
    assert_eq!(now[0].status, Status::Ongoing, "{now:?}");
    let ahead = flows(
        "India's imports of crude oil from the Soviet Union are estimated at 1.2 mln tonnes in 1988.",
        "1987-03-26",
    );
    assert_eq!(ahead[0].status, Status::Possible, "{ahead:?}");
    let past = flows(
        "India's imports of crude oil from the Soviet Union are estimated at 1.2 mln tonnes in 1986.",
        "1987-03-26",
    );
    assert_eq!(past[0].status, Status::Occurred, "{past:?}");
}

#[test]
fn goods_making_up_a_share_of_trade_the_other_way_travel_that_way() {
    let f = flows(
        "Finland exports finished products to the Soviet Union, with crude oil accounting for 80 pct of imports.",
        "1987-04-07",
    );
    let oil = f
        .iter()
        .find(|c| c.commodities.iter().any(|g| g.text == "crude oil"))
        .expect("a crude oil flow");
    assert_eq!(oil.importer.as_deref(), Some("FI"), "{f:?}");
    assert_ne!(oil.exporter.as_deref(), Some("FI"), "{f:?}");
}

#[test]
fn a_non_prefixed_country_is_no_party() {
    let f = flows(
        "Of this total, French exports to non-EC countries totalled 3.76 mln tonnes of wheat.",
        "1987-03-30",
    );
    assert!(
        f.iter()
            .all(|c| c.importer.as_deref() != Some("EU") && c.exporter.as_deref() != Some("EU")),
        "{f:?}"
    );
}

#[test]
fn a_pronoun_after_a_country_that_speaks_is_that_country() {
    let f = flows(
        "Bolivia said it expects to export 12,000 tonnes of tin this year.",
        "1987-03-30",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].exporter.as_deref(), Some("BO"));
    let f = flows(
        "The Soviet Union said it had bought 500,000 tonnes of wheat from Canada.",
        "1987-03-30",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].importer.as_deref(), Some("SU"));
    assert_eq!(f[0].exporter.as_deref(), Some("CA"));
}

#[test]
fn goods_naming_what_a_pact_is_about_do_not_move() {
    let f = flows(
        "The USSR has purchased 2,825,600 tonnes of U.S. corn, as of April 2, for delivery in the fourth year of the U.S.-USSR grain agreement.",
        "1987-04-09",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].exporter.as_deref(), Some("US"));
    assert_eq!(f[0].importer.as_deref(), Some("SU"));
}

#[test]
fn goods_sold_at_a_price_are_a_quote() {
    let f = flows(
        "Any origin sunflowerseed oil sold at 346.50 dlrs for May/Jul ex-tank Rotterdam.",
        "1987-04-09",
    );
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn a_firm_selling_a_countrys_goods_to_no_one_named_is_its_business() {
    let f = flows(
        "For the first two March sales periods, Volkswagen sold 2,179 U.S. cars, down 23.7 pct.",
        "1987-04-09",
    );
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn a_firm_buying_from_a_country_trades_across_a_border() {
    let f = flows(
        "It said Mobil bought 73 mln dlrs of crude oil from China in 1986.",
        "1987-04-09",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].exporter.as_deref(), Some("CN"));
}

#[test]
fn a_feared_flow_is_no_claim() {
    let f = flows(
        "Japan wants to keep its rules because it fears imported juice tastes better.",
        "1987-04-09",
    );
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn a_contested_flow_is_possible_and_the_verbs_above_that_are_not_its_own() {
    let f = flows(
        "Officials said the government will investigate an industry contention that steel imported from South Korea is being diverted to the U.S.",
        "1987-03-26",
    );
    assert!(!f.is_empty(), "{f:?}");
    assert!(f.iter().all(|c| c.status == Status::Possible), "{f:?}");
    let f = flows(
        "The ministry said that Egypt will buy 200,000 tonnes of wheat from France.",
        "1987-03-26",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].status, Status::Planned);
}

#[test]
fn names_after_curly_quotes_are_read_on_char_boundaries() {
    // A multi-byte character right before a trade word's subject.
    let f = flows(
        "Rumors claim that North Korea \u{201c}Kimco sold 5,000 tonnes of coal to China.",
        "1987-03-26",
    );
    assert!(f.len() <= 1, "{f:?}");
}

#[test]
fn a_tender_for_export_licences_sells() {
    let f = flows(
        "A total 59,000 tonnes of white sugar received export rebates of a maximum 45.678 Ecus per 100 kilos at today's European Community tender, the board said.",
        "1987-03-25",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].exporter.as_deref(), Some("EU"));
    assert_eq!(f[0].importer, None);
}

#[test]
fn goods_imported_into_a_country_come_from_their_origin() {
    let f = flows(
        "The rule will not affect the number of Mexican steers imported into the United States.",
        "1987-03-25",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].importer.as_deref(), Some("US"));
    assert_eq!(f[0].exporter.as_deref(), Some("MX"));
}

#[test]
fn licences_for_an_amount_are_a_flow_and_into_must_follow_closely() {
    let f = flows(
        "The European Community's cereal management committee granted export licences for 5,000 tonnes of soft wheat, traders said.",
        "1987-03-25",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].exporter.as_deref(), Some("EU"));
    let f = flows(
        "The EC Commission said it granted export licences for 59,000 tonnes of white sugar.",
        "1987-03-25",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].exporter.as_deref(), Some("EU"));
    let f = flows(
        "Tokyo is likely to outline plans to step up purchases of U.S. chips and to propose a joint investigation into Washington's allegations.",
        "1987-03-25",
    );
    assert!(
        f.iter().all(|c| c.importer.as_deref() != Some("US")),
        "{f:?}"
    );
}

#[test]
fn a_currencys_country_is_no_party() {
    let f = flows(
        "The oil worth about 10 mln U.S. Dlrs will be shipped by the Soviet Union.",
        "1987-03-25",
    );
    assert!(
        f.iter()
            .all(|c| c.exporter.as_deref() != Some("US") && c.importer.as_deref() != Some("US")),
        "{f:?}"
    );
}

#[test]
fn a_flag_a_fee_and_domestic_demand_name_no_flow() {
    for text in [
        "Crude oil from the Gulf was carried to South Africa on Norwegian tankers last year.",
        "Honduras will tender April 2 for U.S. and non-U.S. flag vessels to import 19,369 tonnes of wheat in bulk.",
        "The U.S. administration proposed a fee of two dlrs a barrel on imported oil.",
        "Domestic demand for capital goods was hit by falling exports, the ministry said.",
    ] {
        let f = flows(text, "1987-03-25");
        assert!(
            f.iter().all(|c| c.exporter.as_deref() != Some("NO")
                && c.importer.as_deref() != Some("US")
                && !c
                    .commodities
                    .iter()
                    .any(|g| g.text == "capital goods" || g.text == "vessels")),
            "{text}: {f:?}"
        );
    }
}

#[test]
fn a_flow_with_no_facts_of_its_own_in_talk_of_a_measure_is_talk() {
    // A measure, a ruling, a dispute: the goods are what it is about.
    for text in [
        "Imports of rice to Japan are banned under the Foodstuff Control Act.",
        "The tribunal ruled that Canadian potash shipments were injuring the industry.",
        "He said the subsidies would help Argentina's grain exports.",
    ] {
        assert!(flows(text, "1987-04-01").is_empty(), "{text}");
    }
    // Facts of its own keep the flow: an amount, a time, both sides.
    for text in [
        "Japan imported 5,000 tonnes of rice last year despite the ban.",
        "Under the quota, Japan imported rice from Thailand.",
    ] {
        assert_eq!(flows(text, "1987-04-01").len(), 1, "{text}");
    }
    // No measure named: the plain flow stands.
    assert_eq!(flows("Japan imports rice.", "1987-04-01").len(), 1);
}

#[test]
fn goods_sold_into_intervention_stay_at_home() {
    for text in [
        "Beghin-Say is not planning to withdraw the sugar it has placed into intervention, despite the high rebate awarded at this week's EC sugar tender.",
        "Tomorrow's EC tender was made all the more difficult to project by the movement last week of nearly 800,000 tonnes sugar to intervention by operators, dealers said.",
        "The Commission said it would sell the sugar sold into intervention back onto the EC market by tender.",
    ] {
        assert!(flows(text, "1987-04-01").is_empty(), "{text}");
    }
    // Both sides named: a flow abroad beside the intervention sales.
    let f = flows(
        "France sold 50,000 tonnes of wheat to China, while 10,000 tonnes went into intervention.",
        "1987-04-01",
    );
    assert!(
        f.iter()
            .any(|c| c.exporter.as_deref() == Some("FR") && c.importer.as_deref() == Some("CN")),
        "{f:?}"
    );
}

#[test]
fn goods_joined_to_excluded_goods_are_excluded_too() {
    let f = flows(
        "Brazil's imports in January, excluding oil and wheat, totalled 1.8 billion dlrs.",
        "1987-03-20",
    );
    assert!(
        f.iter().all(|c| c
            .commodities
            .iter()
            .all(|g| g.text != "oil" && g.text != "wheat")),
        "{f:?}"
    );
    let f = flows(
        "Nigeria's exports to Britain, which do not include oil, were 328 mln stg.",
        "1987-03-20",
    );
    assert!(
        f.iter()
            .all(|c| c.commodities.iter().all(|g| g.text != "oil")),
        "{f:?}"
    );
    // A prefix leaves out its own goods only.
    let f = flows(
        "Imports rose, with the largest increases in non-monetary gold and passenger cars from Canada.",
        "1987-03-20",
    );
    assert!(
        f.iter()
            .any(|c| c.commodities.iter().any(|g| g.text == "passenger cars")),
        "{f:?}"
    );
    // A prefix on the goods carries over the list.
    let f = flows(
        "Indonesia's non-oil and gas exports fell to 5.79 billion dlrs in 1986.",
        "1987-03-20",
    );
    assert!(
        f.iter().all(|c| c
            .commodities
            .iter()
            .all(|g| g.text != "gas" && g.text != "oil")),
        "{f:?}"
    );
    // A list with nothing excluded keeps its goods.
    let f = flows("Brazil imported oil and wheat in February.", "1987-03-20");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].commodities.len(), 2, "{f:?}");
}

#[test]
fn examples_after_from_name_the_sellers() {
    let f = flows(
        "The buffer stock will buy cocoa from quality producers such as Ghana.",
        "1987-03-20",
    );
    assert!(
        f.iter().all(|c| c.importer.as_deref() != Some("GH")),
        "{f:?}"
    );
    assert!(
        f.iter().any(|c| c.exporter.as_deref() == Some("GH")),
        "{f:?}"
    );
}

#[test]
fn buyers_of_the_subjects_goods_in_a_relative_clause_buy_from_it() {
    let f = flows(
        "Cuba has told international sugar operators who have bought its sugar for shipment in March that these contracts will take second place, dealers said.",
        "1987-03-20",
    );
    assert!(
        f.iter().all(|c| c.importer.as_deref() != Some("CU")),
        "{f:?}"
    );
    // The subject's own purchase stays a purchase.
    let f = flows("Cuba bought its sugar from Brazil last year.", "1987-03-20");
    assert!(
        f.iter().any(|c| c.importer.as_deref() == Some("CU")),
        "{f:?}"
    );
}

#[test]
fn from_after_a_protecting_verb_names_a_threat() {
    let f = flows(
        "The U.S. Army has delayed plans to buy a European anti-aircraft missile to help protect U.S. ground forces from Soviet attack helicopters.",
        "1987-03-20",
    );
    assert!(
        f.iter().all(|c| c.exporter.as_deref() != Some("SU")),
        "{f:?}"
    );
}

#[test]
fn a_country_before_a_firms_sales_names_its_market() {
    let f = flows(
        "Toyota, he said, expects its 1988 U.S. sales will total at least 600,000 cars and 275,000 trucks compared with 644,000 cars sold in 1986.",
        "1987-03-20",
    );
    assert!(
        f.iter()
            .all(|c| c.exporter.as_deref() != Some("US") && c.importer.as_deref() != Some("US")),
        "{f:?}"
    );
}

#[test]
fn the_speakers_trade_is_not_the_subjects() {
    let f = flows(
        "It would be inconceivable that we would allow the EC continued access to the U.S. market while they attempt to halt our meat exports to the EC, the letter said.",
        "1987-03-20",
    );
    assert!(
        f.iter().all(|c| c.exporter.as_deref() != Some("EU")),
        "{f:?}"
    );
}

#[test]
fn a_nationality_on_imported_goods_with_another_country_named_is_the_origin() {
    let f = flows(
        "Blocking Canadian gas imports would not serve the long-term interests of the United States, the chairman said.",
        "1987-03-20",
    );
    assert!(
        f.iter().all(|c| c.importer.as_deref() != Some("CA")),
        "{f:?}"
    );
    // A seller after "from": the nationality buys.
    let f = flows(
        "She said the Soviets may import more grain, possibly wheat, from the U.S.",
        "1987-03-20",
    );
    assert!(
        f.iter()
            .any(|c| c.importer.as_deref() == Some("SU") && c.exporter.as_deref() == Some("US")),
        "{f:?}"
    );
    let f = flows(
        "Chinese grain imports from the U.S. rose sharply.",
        "1987-03-20",
    );
    assert!(
        f.iter()
            .any(|c| c.importer.as_deref() == Some("CN") && c.exporter.as_deref() == Some("US")),
        "{f:?}"
    );
    // Another nationality on another trade noun buys nothing here.
    let f = flows(
        "Dutch car imports rose 27.5 pct in 1986 to 610,500 units, reflecting a 41.8 pct growth in Japanese imports.",
        "1987-03-20",
    );
    assert!(
        f.iter().all(|c| c.importer.as_deref() != Some("JP")),
        "{f:?}"
    );
    // With no other country, the nationality buys.
    let f = flows(
        "Japanese semiconductor imports are increasing, Nakasone said.",
        "1987-03-20",
    );
    assert!(
        f.iter().any(|c| c.importer.as_deref() == Some("JP")),
        "{f:?}"
    );
}

#[test]
fn a_pronoun_object_of_a_selling_verb_receives_the_goods() {
    let f = flows(
        "Saudi Arabia has dropped its condition that Brazil secure bank guarantees before it would ship it oil, Petrobras said.",
        "1987-03-20",
    );
    assert!(
        f.iter().all(|c| c.exporter.as_deref() != Some("BR")),
        "{f:?}"
    );
    assert!(
        f.iter().any(|c| c.importer.as_deref() == Some("BR")),
        "{f:?}"
    );
}

#[test]
fn a_name_on_the_trade_noun_after_a_topic_preposition_is_its_side() {
    // "U.K." modifies "exports" as "British" would; the clause's subject
    // does not export.
    let f = flows(
        "The Soviet Union featured in U.K. exports, buying 1.10 mln tonnes of wheat.",
        "1987-04-01",
    );
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].exporter.as_deref(), Some("GB"));
    // "to" names a party, not a topic.
    let f = flows(
        "Canada sold 200,000 tonnes of wheat to Brazil, the board said.",
        "1987-03-26",
    );
    assert_eq!(f[0].exporter.as_deref(), Some("CA"));
}

#[test]
fn a_stand_in_seller_is_never_the_buyer_the_sentence_names() {
    let f = flows(
        "Japan's car exports to the EC rose 10 pct in 1987. \
         \"But we sell only 40,000 cars to Japan in total,\" he said.",
        "1988-01-10",
    );
    let ours: Vec<_> = f
        .iter()
        .filter(|c| c.evidence[0].text.contains("we sell"))
        .collect();
    assert_eq!(ours.len(), 1);
    assert_eq!(ours[0].exporter, None);
    assert_eq!(ours[0].importer.as_deref(), Some("JP"));
}

#[test]
fn to_after_a_word_with_a_complement_of_its_own_names_no_destination() {
    for text in [
        "The sale was held up by concerns over India's closeness to the Soviet Union, \
         its chief arms supplier.",
        "The sale of wheat fell, due to British competition.",
    ] {
        let f = flows(text, "1987-04-01");
        assert!(
            f.iter().all(|c| c.importer.is_none()),
            "{text}: {:?}",
            f.iter().map(|c| &c.importer).collect::<Vec<_>>()
        );
    }
}

#[test]
fn buying_or_selling_with_no_facts_and_no_side_named_is_no_flow() {
    for text in [
        "Dutch cocoa processors are unhappy with the buffer stock's buying of cocoa.",
        "White House officials said there was no progress in talks with Japan \
         on a dispute on Japanese microchip sales.",
        "The government is considering buying U.S. supercomputers.",
    ] {
        assert!(flows(text, "1987-04-01").is_empty(), "{text}");
    }
    // A side named on its own, a possessive, or an amount keeps the flow.
    for text in [
        "Peru stopped selling its refined silver.",
        "The suspension of Ecuador's crude oil shipments after an earthquake will last \
         at least four months, an official said.",
        "Honda sold 2,000 cars to Canada.",
    ] {
        assert_eq!(flows(text, "1987-04-01").len(), 1, "{text}");
    }
}

#[test]
fn a_nationality_on_hyphenated_carriers_is_their_flag() {
    let f = flows(
        "Norwegian-owned tankers shipped 100,000 tonnes of crude oil to South Africa in 1986.",
        "1987-04-01",
    );
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].exporter, None);
    assert_eq!(f[0].importer.as_deref(), Some("ZA"));
}

#[test]
fn each_item_of_a_list_goes_to_its_own_party() {
    let f = flows(
        "The U.S. Agriculture Department said private U.S. exporters reported sales of \
         200,000 tonnes of wheat to Jordan, 300,000 tonnes of soybean meal to Iraq and \
         100,000 tonnes of corn to Algeria.",
        "1987-04-01",
    );
    let pairs: Vec<(Option<&str>, Vec<Option<&str>>)> =
        f.iter().map(|c| (c.importer.as_deref(), hs(c))).collect();
    assert_eq!(
        pairs,
        vec![
            (Some("JO"), vec![Some("1001")]),
            (Some("IQ"), vec![Some("2304")]),
            (Some("DZ"), vec![Some("1005")]),
        ]
    );
    assert!(f.iter().all(|c| c.exporter.as_deref() == Some("US")));
    // A list without parties of its own shares the one after the trigger.
    let f = flows(
        "Canada sold 200,000 tonnes of wheat and 50,000 tonnes of barley to Brazil.",
        "1987-04-01",
    );
    assert!(
        f.iter().all(|c| c.importer.as_deref() == Some("BR")),
        "{f:?}"
    );
}

#[test]
fn who_is_in_the_market_for_goods_buys_them() {
    let f = flows(
        "Saudi Arabia is in the market for 4,000 tonnes of palm olein for June shipment, \
         traders said.",
        "1987-05-20",
    );
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].importer.as_deref(), Some("SA"));
    assert_eq!(f[0].exporter, None);
    // "for some time" is no goods; nor is a deal "in exchange for" a transfer.
    assert!(flows(
        "Speculation has been in the market for some time that the board will act on wheat.",
        "1987-05-20"
    )
    .iter()
    .all(|c| c.importer.is_none()));
}

#[test]
fn a_citys_dealers_and_a_currencys_country_are_no_parties() {
    let f = flows(
        "India yesterday bought two cargoes of white sugar from London traders for May shipment.",
        "1987-04-01",
    );
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].exporter, None);
    assert_eq!(f[0].importer.as_deref(), Some("IN"));
    // A nationality on operators still exports.
    let f = flows(
        "French operators have requested licences to export 422,000 tonnes of maize.",
        "1987-04-01",
    );
    assert_eq!(f[0].exporter.as_deref(), Some("FR"));
    // An amount in words before "U.S. cents" names a currency.
    let f = flows(
        "Dealers want to raise their margins on petrol sales to 1.26 cruzados (six U.S. \
         cents) a litre.",
        "1987-04-01",
    );
    assert!(
        f.iter().all(|c| c.importer.as_deref() != Some("US")),
        "{f:?}"
    );
}

#[test]
fn a_possessive_without_its_noun_is_no_subject() {
    let f = flows(
        "The Japanese merchant fleet, the largest after Liberia's, has no intention of \
         shifting to other countries to buy ships, the sources said.",
        "1987-04-01",
    );
    assert!(
        f.iter().all(|c| c.importer.as_deref() != Some("LR")),
        "{f:?}"
    );
    // Nor is a name ending an apposition after "after".
    let f = flows(
        "Indonesia, the world's second largest producer of palm oil after Malaysia, has \
         been forced to import palm oil.",
        "1987-04-01",
    );
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].importer.as_deref(), Some("ID"));
}

#[test]
fn a_firm_that_says_it_sold_goods_made_in_a_country_does_its_own_business() {
    assert!(flows(
        "Chrysler said it sold 30,909 U.S. cars in the March 11-20 period, down from 32,085 \
         a year earlier.",
        "1987-03-25"
    )
    .is_empty());
    // A country that says it sold is a seller.
    let f = flows(
        "Brazil said it sold 200,000 tonnes of sugar to the Soviet Union.",
        "1987-03-25",
    );
    assert_eq!(f[0].exporter.as_deref(), Some("BR"));
}

#[test]
fn a_trade_word_naming_a_facility_or_a_route_is_no_flow() {
    for text in [
        "Traders said Iraq attacked offshore oil fields and an oil export depot.",
        "The war threatens the emirate's vital oil export lifeline through the Gulf.",
    ] {
        assert!(flows(text, "1987-04-01").is_empty(), "{text}");
    }
}

#[test]
fn the_market_goods_are_bought_in_sells_them() {
    let f = flows(
        "The Soviet Union bought 100,000 tonnes of rice in Thailand last year.",
        "1987-04-01",
    );
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].exporter.as_deref(), Some("TH"));
    assert_eq!(f[0].importer.as_deref(), Some("SU"));
    let f = flows(
        "Japanese buyers purchased 50,000 tonnes of soybeans in the United States.",
        "1987-04-01",
    );
    assert_eq!(f[0].exporter.as_deref(), Some("US"));
    assert_eq!(f[0].importer.as_deref(), Some("JP"));
}

#[test]
fn reserves_counted_in_months_of_imports_are_no_flow() {
    assert!(flows(
        "Peru had enough hard currency, gold and silver on hand to cover 10 or 11 months' \
         worth of imports, the central bank said.",
        "1987-04-01"
    )
    .is_empty());
}

#[test]
fn an_international_bodys_trade_is_not_the_datelines() {
    let f = flows_filed(
        "Estimates vary on the proportion of OPEC oil exports sold at official prices.",
        "1987-04-01",
        "LONDON, April 1",
    );
    assert!(
        f.iter().all(|c| c.exporter.as_deref() != Some("GB")),
        "{f:?}"
    );
    // Without one, the dateline still stands in.
    let f = flows_filed(
        "Exports of refined sugar rose to 120,000 tonnes in March.",
        "1987-04-01",
        "MANILA, April 1",
    );
    assert_eq!(f[0].exporter.as_deref(), Some("PH"), "{f:?}");
}

#[test]
fn a_nationality_on_a_harvest_is_no_trader() {
    for text in [
        "Firmer cash values and a delayed Brazilian harvest supported futures, despite a \
         disappointing drop in the weekly soybean export figure, traders said.",
        "Delays in the Brazilian soybean harvest supported soybean futures, despite a drop \
         in the weekly soybean export figure, traders said.",
    ] {
        let f = flows(text, "1987-04-01");
        assert!(
            f.iter().all(|c| c.exporter.as_deref() != Some("BR")),
            "{text}: {f:?}"
        );
    }
    // A nationality on traders still acts.
    let f = flows(
        "Brazilian traders sold 20,000 tonnes of soybeans to Japan.",
        "1987-04-01",
    );
    assert_eq!(f[0].exporter.as_deref(), Some("BR"), "{f:?}");
}

#[test]
fn charges_of_selling_below_fair_market_value_are_talk() {
    assert!(flows(
        "There is concern over U.S. charges that Japan has been selling computer chip \
         products below fair market value.",
        "1987-04-01"
    )
    .is_empty());
}

#[test]
fn goods_sold_into_surplus_stores_stay_at_home() {
    assert!(flows(
        "Quality standards for farm goods sold into EC surplus stores would be raised.",
        "1987-04-01"
    )
    .is_empty());
}

#[test]
fn a_tender_to_supply_food_aid_sells() {
    let f = flows(
        "The French Cereals Intervention Board (ONIC) will tender Wednesday for 20,000 tonnes \
         soft wheat for Pakistan under the French food aid programme, an official said.",
        "1987-04-01",
    );
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].exporter.as_deref(), Some("FR"));
    assert_ne!(f[0].importer.as_deref(), Some("FR"));
}

#[test]
fn a_sentence_opening_on_destinations_is_about_the_seller() {
    let f = flows_filed(
        "Argentine meat exports totalled 20,243 tonnes in February. Main destinations for \
         refrigerated beef were as follows, in tonnes, with figures for 1986 in brackets.",
        "1987-03-10",
        "BUENOS AIRES, March 10",
    );
    assert!(
        f.iter().all(|c| c.importer.as_deref() != Some("AR")),
        "{f:?}"
    );
    assert!(
        f.iter()
            .any(|c| c.exporter.as_deref() == Some("AR") && c.evidence[0].text.contains("beef")),
        "{f:?}"
    );
}

#[test]
fn from_after_an_order_names_who_asks_not_who_sells() {
    let f = flows(
        "The company said it also received a 16 mln dlr order from Thai Air for CF6-50 \
         engines.",
        "1987-04-01",
    );
    assert!(
        f.iter().all(|c| c.exporter.as_deref() != Some("TH")),
        "{f:?}"
    );
    // A seller after "from" still sells.
    let f = flows(
        "Egypt received 200,000 tonnes of wheat from France.",
        "1987-04-01",
    );
    assert_eq!(f[0].exporter.as_deref(), Some("FR"), "{f:?}");
}

#[test]
fn a_trade_nouns_agent_after_by_is_its_subject() {
    let f = flows(
        "The department raised its estimate of 1986/87 grain purchases by the Soviet Union \
         to 28 mln tonnes.",
        "1987-04-01",
    );
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].importer.as_deref(), Some("SU"));
    assert_eq!(f[0].exporter, None);
    let f = flows(
        "Total corn sales by Argentina to the Soviet Union are only 1.5 mln tonnes.",
        "1987-04-01",
    );
    assert_eq!(f[0].exporter.as_deref(), Some("AR"), "{f:?}");
    assert_eq!(f[0].importer.as_deref(), Some("SU"), "{f:?}");
}

#[test]
fn a_nationality_on_buyers_after_goods_is_no_origin() {
    assert!(flows(
        "The USDA said imports will be higher because Soviet grain buyers have been \
         actively purchasing.",
        "1987-04-01"
    )
    .iter()
    .all(|c| c.exporter.as_deref() != Some("SU")));
    // On sellers it is.
    let f = flows(
        "A major Thai rubber exporter will produce 50,000 tonnes of sheet rubber for export \
         to China.",
        "1987-04-01",
    );
    assert!(
        f.iter().any(|c| c.importer.as_deref() == Some("CN")),
        "{f:?}"
    );
}

#[test]
fn pricing_and_concessions_name_no_flow_or_party() {
    assert!(flows(
        "Saudi Arabia will never sell its oil at prices below the pronounced prices.",
        "1987-04-01"
    )
    .is_empty());
    let f = flows(
        "Rebates were granted for the export of 500,000 tonnes of French maize to non-EC \
         countries, in compensation for concessions to the U.S.",
        "1987-04-01",
    );
    assert!(
        f.iter().all(|c| c.importer.as_deref() != Some("US")),
        "{f:?}"
    );
}

#[test]
fn total_trade_in_money_is_not_the_goods_before() {
    let f = flows_filed(
        "Statistics Canada reported the surplus was driven by a 23 pct gain in automobile \
         product exports to a record 3.2 billion dls in the month. \"Recovery in the \
         automotive sector helped push the value of exports up by 5.9 pct in February,\" the \
         agency said. Total exports expanded to 10.44 billion dlrs from 9.85 billion dlrs in \
         February.",
        "1987-04-14",
        "OTTAWA, April 14",
    );
    assert!(
        f.iter()
            .all(|c| !c.evidence.iter().any(|e| e.text.starts_with("Total"))),
        "{f:?}"
    );
    // A total in tonnes is the goods'.
    let f = flows(
        "Japan imported 120,000 tonnes of primary aluminium in March. This brought total \
         imports in 1986/87 to 1.09 mln tonnes.",
        "1987-04-20",
    );
    assert!(
        f.iter()
            .any(|c| c.evidence.iter().any(|e| e.text.contains("total imports"))),
        "{f:?}"
    );
}

#[test]
fn a_hub_dateline_stands_in_only_for_a_country_the_story_names() {
    let text =
        "The exporters' figures were released today. Cocoa exports rose to 10,000 tonnes in March.";
    let at = |dateline| flows_filed(text, "1987-04-01", dateline);
    assert_eq!(at("ACCRA, April 1")[0].exporter.as_deref(), Some("GH"));
    // Filed where commodity bodies sit, the story is about others' trade.
    let f = at("LONDON, April 1");
    assert!(f.iter().all(|c| c.exporter.is_none()), "{f:?}");
    let named =
        "British traders reported the figures today. Cocoa exports rose to 10,000 tonnes in March.";
    let f = flows_filed(named, "1987-04-01", "LONDON, April 1");
    assert_eq!(f[0].exporter.as_deref(), Some("GB"), "{f:?}");
}

#[test]
fn a_price_hanging_on_a_trade_word_is_talk() {
    for text in [
        "Growth was owing to high prices for the country's coffee exports, low oil prices and low inflation.",
        "Bangladesh feared a further drop in prices for its main export jute.",
        "A report that the Soviet Union planned to reduce the price of its crude oil exports weighed on the market.",
    ] {
        let f = flows_filed(text, "1987-03-09", "NAIROBI, March 9");
        assert!(f.is_empty(), "{text}: {f:?}");
    }
    // The goods' price, with the goods moved by a participle, is a flow.
    let f = flows(
        "The deficit fell due to a drop in the price of Soviet oil imported by the EC.",
        "1987-03-09",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].exporter.as_deref(), Some("SU"));
    // And a flow that fetches a price is still a flow.
    let f = flows(
        "Kenya's coffee exports fetched high prices last year.",
        "1987-03-09",
    );
    assert_eq!(f.len(), 1, "{f:?}");
}

#[test]
fn a_nationality_on_a_subsidiary_is_no_party() {
    let f = flows(
        "Sesostris, the Spanish subsidiary of an international grain trader, sold 18,000 tonnes of barley to Greece.",
        "1987-04-09",
    );
    assert!(
        f.iter().all(|c| c.exporter.as_deref() != Some("ES")),
        "{f:?}"
    );
    assert!(
        f.iter().any(|c| c.importer.as_deref() == Some("GR")),
        "{f:?}"
    );
}

#[test]
fn a_country_on_imported_goods_sells_when_another_economys_people_are_hurt() {
    let f = flows(
        "The tribunal ruled today subsidized U.S. corn imports were injurious to Canadian growers.",
        "1987-03-09",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        (f[0].exporter.as_deref(), f[0].importer.as_deref()),
        (Some("US"), Some("CA"))
    );
    // The home economy's people: the dateline's country buys.
    let f = flows_filed(
        "The ITC ruled that the domestic industry was being injured by Brazilian orange juice imports.",
        "1987-03-09",
        "WASHINGTON, March 9",
    );
    assert_eq!(
        (f[0].exporter.as_deref(), f[0].importer.as_deref()),
        (Some("BR"), Some("US")),
        "{f:?}"
    );
    // With no other economy named, the abbreviation stays the buyer.
    let f = flows("U.S. oil imports rose 12 pct in March.", "1987-04-09");
    assert_eq!(f[0].importer.as_deref(), Some("US"), "{f:?}");
}

#[test]
fn a_marketing_board_buying_from_its_farmers_is_domestic() {
    for text in [
        "The Ghana Cocoa Board said it purchased 1,323 tonnes of cocoa in the 21st week.",
        "Maize deliveries to Zimbabwe's state-owned Grain Marketing Board will fall by over 65 pct this year.",
    ] {
        let f = flows(text, "1987-03-09");
        assert!(f.is_empty(), "{text}: {f:?}");
    }
    // A board that buys abroad names the seller.
    let f = flows(
        "Brazil bought 75,000 tonnes of French wheat at tender, a Brazilian Wheat Board spokesman said.",
        "1987-03-09",
    );
    assert_eq!(
        (f[0].exporter.as_deref(), f[0].importer.as_deref()),
        (Some("FR"), Some("BR"))
    );
}

#[test]
fn a_region_or_a_body_holds_its_side_against_stand_ins() {
    // The dateline stands in for no side a region or a body holds.
    for text in [
        "Imports to South East Asia are seen rising to 58.6 mln tonnes in 1990.",
        "ICO member exports dropped to 21.4 mln bags in the first five months of 1986/87.",
        "In 1985 Central and South American nations produced 28 mln tonnes of sugar, of which 12.3 mln were exported.",
    ] {
        let f = flows_filed(text, "1987-04-09", "RIO DE JANEIRO, April 9");
        assert!(
            f.iter()
                .all(|c| c.exporter.as_deref() != Some("BR") && c.importer.as_deref() != Some("BR")),
            "{text}: {f:?}"
        );
    }
    // The other side still stands in: the programme's country sells what
    // a region's countries buy.
    let f = flows_filed(
        "West African countries have purchased 129,500 tonnes of wheat under export bonus programs.",
        "1987-04-09",
        "WASHINGTON, April 9",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        (f[0].exporter.as_deref(), f[0].importer.as_deref()),
        (Some("US"), None)
    );
}

#[test]
fn a_stand_in_buyer_is_never_a_named_seller() {
    let f = flows(
        "Thailand's first car exports begin next year. They said Chrysler will from next year import the same cars from Japan and Thailand.",
        "1987-04-09",
    );
    let second: Vec<_> = f
        .iter()
        .filter(|c| c.evidence[0].text.starts_with("They said"))
        .collect();
    assert_eq!(second.len(), 2, "{f:?}");
    assert!(second.iter().all(|c| c.importer.is_none()), "{f:?}");
    // Nor does the subject that sells leave its place to a rival.
    let f = flows(
        "Brazilian beans were cheaper than U.S. Origin, which may account for the purchases from Brazil.",
        "1987-04-09",
    );
    assert!(
        f.iter().all(|c| c.importer.as_deref() != Some("US")),
        "{f:?}"
    );
}

#[test]
fn a_trade_word_after_while_governs_the_goods_of_its_clause() {
    let f = flows_filed(
        "Requests for French barley were for export to Switzerland and Austria at an unchanged restitution, while requests for soft wheat flour were for export to various non-EC countries.",
        "1987-03-09",
        "PARIS, March 9",
    );
    let with_flour: Vec<_> = f
        .iter()
        .filter(|c| c.commodities.iter().any(|g| g.text.contains("flour")))
        .collect();
    assert!(
        with_flour
            .iter()
            .all(|c| c.importer.is_none() && c.commodities.len() == 1),
        "{f:?}"
    );
    assert!(
        f.iter()
            .any(|c| c.importer.as_deref() == Some("CH") && hs(c) == vec![Some("1003")]),
        "{f:?}"
    );
}

#[test]
fn what_goods_are_for_does_not_move() {
    let f = flows(
        "The United States plans to sell 84 mln dlrs in electronic equipment to South Korea to upgrade that country's Hawk anti-aircraft missiles.",
        "1987-03-09",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(hs(&f[0]), vec![Some("85")], "{f:?}");
    // Goods made for export are the flow's.
    let f = flows(
        "Sharp will set up a subsidiary in Thailand to make microwave ovens and refrigerators for export to the U.S.",
        "1987-03-09",
    );
    assert!(
        f.iter()
            .any(|c| c.commodities.iter().any(|g| g.text == "refrigerators")),
        "{f:?}"
    );
}

#[test]
fn armed_groups_are_not_their_countrys_state() {
    let f = flows(
        "They were unaware of the diversion of profits from the arms sales to the Nicaraguan contra rebels.",
        "1987-03-09",
    );
    assert!(
        f.iter().all(|c| c.importer.as_deref() != Some("NI")),
        "{f:?}"
    );
}

#[test]
fn a_verb_that_reaches_goods_through_a_preposition_moves_none() {
    let f = flows(
        "In the past year tough trade action had been taken against the European Community over corn and sorghum.",
        "1987-03-09",
    );
    assert!(f.is_empty(), "{f:?}");
    // An object right after the verb still moves.
    let f = flows(
        "Bulgaria, Czechoslovakia, Poland and Romania all took substantially more Cuban sugar.",
        "1987-03-09",
    );
    assert!(!f.is_empty(), "{f:?}");
}

#[test]
fn a_price_quoted_for_goods_named_by_an_abbreviation_is_no_flow() {
    let f = flows(
        "The current average price of U.S. Cotton is 75 cents/lb, but the spokesman estimated the average price will be 53 cents when the shipments are made next year.",
        "1987-03-09",
    );
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn goods_before_a_clause_are_not_a_trade_nouns_own() {
    let f = flows(
        "The decline will result from low world grain prices leading to shifts to livestock and other crops which could benefit U.S. wheat exports, the department said.",
        "1987-03-09",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(hs(&f[0]), vec![Some("1001")], "{f:?}");
}

#[test]
fn a_country_after_than_is_a_point_of_comparison() {
    let f = flows(
        "He said the Taiwan mission was buying less U.S. cotton because the price is some 15 pct higher than that of cotton from Pakistan and India.",
        "1987-03-09",
    );
    assert!(
        f.iter()
            .all(|c| !matches!(c.exporter.as_deref(), Some("PK" | "IN"))
                && !matches!(c.importer.as_deref(), Some("PK" | "IN"))),
        "{f:?}"
    );
    // "More than" counts an amount, not a rival.
    let f = flows(
        "Australia has sold more than three mln tonnes of wheat to Japan in the past three years.",
        "1987-03-09",
    );
    assert!(
        f.iter().any(|c| c.importer.as_deref() == Some("JP")),
        "{f:?}"
    );
}

#[test]
fn goods_that_receive_money_do_not_move_by_it() {
    let f = flows(
        "Wheat from the River Plate and Buenos Aires to Sri Lanka received 26 dlrs.",
        "1987-03-09",
    );
    assert!(f.is_empty(), "{f:?}");
    let f = flows(
        "Egypt received 200,000 tonnes of U.S. wheat in March.",
        "1987-04-09",
    );
    assert_eq!(f[0].importer.as_deref(), Some("EG"), "{f:?}");
}

#[test]
fn a_total_goes_on_without_the_last_flows_partner() {
    let f = flows(
        "Cuba shipped 100,000 tonnes of sugar to Romania in November. Cuba's November 1986 exports totalled 158,000 tonnes.",
        "1987-03-09",
    );
    let total: Vec<_> = f
        .iter()
        .filter(|c| c.evidence[0].text.contains("totalled"))
        .collect();
    assert_eq!(total.len(), 1, "{f:?}");
    assert_eq!(
        (total[0].exporter.as_deref(), total[0].importer.as_deref()),
        (Some("CU"), None)
    );
}

#[test]
fn goods_with_a_trade_noun_of_their_own_keep_no_list_origin() {
    let f = flows(
        "The change made sense in view of the Soviet purchases of 250,000 tonnes of Polish rapeseed and large scale butter imports.",
        "1987-03-09",
    );
    let butter: Vec<_> = f
        .iter()
        .filter(|c| c.commodities.iter().any(|g| g.text == "butter"))
        .collect();
    assert!(!butter.is_empty(), "{f:?}");
    assert!(
        butter.iter().all(|c| c.exporter.as_deref() != Some("PL")),
        "{f:?}"
    );
}

#[test]
fn a_financial_instrument_buys_no_goods() {
    for text in [
        "Belgium plans to issue Swiss franc warrants to buy gold.",
        "Cascade said it was granted an option to purchase all the assets in France of the machinery maker.",
    ] {
        let f = flows(text, "1987-03-09");
        assert!(f.is_empty(), "{text}: {f:?}");
    }
}

#[test]
fn money_lent_to_a_country_is_no_destination_of_goods() {
    let f = flows(
        "They cited a World Bank loan to Hungary to expand livestock exports and 500 mln dlrs lent to Thailand at low interest rates.",
        "1987-03-09",
    );
    assert!(
        f.iter()
            .all(|c| !matches!(c.importer.as_deref(), Some("TH" | "HU"))),
        "{f:?}"
    );
}

#[test]
fn a_relative_clause_buyer_is_its_antecedent_not_a_country_before_it() {
    let f = flows_filed(
        "The French sales mark the beginning of commercial EC corn exports which could reach 750,000 tonnes to North Africa and the Middle East, areas which have traditionally purchased their corn needs from the United States.",
        "1987-04-02",
        "WASHINGTON, April 2",
    );
    assert!(
        f.iter()
            .all(|c| !(c.exporter.as_deref() == Some("US") && c.importer.as_deref() == Some("EU"))),
        "{f:?}"
    );
}

#[test]
fn goods_joined_to_a_price_nouns_modifier_and_a_count_of_destinations_are_no_flow() {
    let f = flows_filed(
        "Confidence had been spurred by a moderate improvement in oil and commodity prices and a rise in manufacturing exports.",
        "1987-03-09",
        "KUALA LUMPUR, March 9",
    );
    assert!(
        f.iter()
            .all(|c| c.commodities.iter().all(|g| g.text != "oil")),
        "{f:?}"
    );
    let f = flows(
        "The new airline, Canada's second largest, will have 81 planes flying to 89 destinations in 13 countries.",
        "1987-03-09",
    );
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn a_measure_on_a_list_of_goods_governs_their_trade_word() {
    let f = flows(
        "The study found that a five dlr a barrel tariff on crude oil and gasoline oil imports would increase costs to consumers by 14 billion dlrs a year.",
        "1987-03-09",
    );
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn both_directions_at_once_or_a_tender_series_say_no_flow() {
    for text in [
        "Note - Imports and exports may not balance due to cotton in transit and reporting discrepancies in some countries.",
        "There were no facilities for maize in the previous weekly grain export series.",
    ] {
        let f = flows_filed(text, "1987-03-09", "WASHINGTON, March 9");
        assert!(f.is_empty(), "{text}: {f:?}");
    }
    // With a country named, the pair still names its trade.
    let f = flows(
        "Brazil's imports and exports of cotton rose in 1986.",
        "1987-03-09",
    );
    assert!(!f.is_empty(), "{f:?}");
}

#[test]
fn an_article_opening_the_sentence_is_no_part_of_a_firm_name() {
    let f = flows(
        "The Philippines sold 20,000 tonnes of copra last month.",
        "1987-03-09",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].exporter.as_deref(), Some("PH"));
    let f = flows(
        "The Soviet Union bought 500,000 tonnes of wheat.",
        "1987-03-09",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].importer.as_deref(), Some("SU"));
    // So is a conjunction or an adverb; a capitalised name is not.
    for (text, importer) in [
        ("But China bought 500,000 tonnes of wheat.", Some("CN")),
        (
            "Yesterday Egypt bought 200,000 tonnes of wheat.",
            Some("EG"),
        ),
        ("Hyundai America bought 5,000 tonnes of steel.", None),
    ] {
        let f = flows(text, "1987-03-09");
        assert_eq!(
            f.first().and_then(|c| c.importer.as_deref()),
            importer,
            "{text}: {f:?}"
        );
    }
}

#[test]
fn offers_at_a_tender_are_the_trades_not_a_takeovers() {
    // "offers" marks company news (takeover offers) unless it is the
    // sentence's own trade word.
    let f = flows(
        "Bangladesh rejected offers at its tender for 50,000 tonnes of soybean oil.",
        "1987-03-09",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].importer.as_deref(), Some("BD"));
    assert_eq!(f[0].status, Status::Negated);
    // Whoever invites offers buys.
    let f = flows(
        "Turkey is inviting offers of 50,000 tonnes of white sugar.",
        "1987-03-09",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].importer.as_deref(), Some("TR"));
    assert_eq!(f[0].exporter, None);
}

#[test]
fn a_cargo_leaving_for_a_country_goes_there() {
    let f = flows(
        "A 300,000 barrel shipment of Mexican crude oil will leave for Ecuador next week.",
        "1987-03-09",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].exporter.as_deref(), Some("MX"));
    assert_eq!(f[0].importer.as_deref(), Some("EC"));
}

#[test]
fn a_market_desks_selling_moves_a_price_not_goods() {
    // The flow is the purchase's, not the selling's that comes first.
    let f = flows(
        "Soybean oil futures eased on late selling after talk that Egypt bought 200,000 tonnes of wheat, dealers said.",
        "1987-03-09",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].importer.as_deref(), Some("EG"));
    assert_eq!(hs(&f[0]), vec![Some("1001")]);
}

#[test]
fn warrants_attached_to_buy_goods_are_an_instrument() {
    let f = flows(
        "The Kingdom of Spain is issuing 100 mln dlrs of notes with warrants attached to buy gold.",
        "1987-03-09",
    );
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn the_tender_of_an_export_licence_sentence_is_its_act() {
    let f = flows(
        "The EC awarded export licences at today's tender for 40,000 tonnes of white sugar.",
        "1987-03-09",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].exporter.as_deref(), Some("EU"));
    assert_eq!(f[0].importer, None);
}

#[test]
fn plural_shipments_before_a_time_count_what_moved() {
    let f = flows(
        "Brazilian soybean shipments during January/March totalled 900,000 tonnes.",
        "1987-04-09",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].exporter.as_deref(), Some("BR"));
    // A singular shipment, or one after "for", says when goods are due:
    // the flow is the purchase's, dated by it, not a second one.
    for text in [
        "Egypt bought 200,000 tonnes of wheat for shipments in May.",
        "Egypt bought 200,000 tonnes of wheat, with shipment in May.",
        "Egypt bought 200,000 tonnes of wheat for deliveries in May.",
    ] {
        let f = flows(text, "1987-04-09");
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        assert_eq!(f[0].importer.as_deref(), Some("EG"), "{text}");
        assert_eq!(f[0].time.as_deref(), Some("1987-05"), "{text}");
    }
    // A capitalised plural opening the sentence counts too.
    let f = flows(
        "Shipments of Brazilian soybeans during January/March totalled 900,000 tonnes.",
        "1987-04-09",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].exporter.as_deref(), Some("BR"));
}

#[test]
fn from_right_after_a_trade_noun_names_the_seller() {
    for text in [
        "Coffee exports from Brazil in March totalled 1.2 mln bags.",
        "Shipments of coffee from Brazil in March totalled 1.2 mln bags.",
    ] {
        let f = flows(text, "1987-04-09");
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        assert_eq!(f[0].exporter.as_deref(), Some("BR"), "{text}");
    }
    // Not a "from" further on in another clause.
    let f = flows(
        "Exports of coffee to Japan rose in March, while imports from Brazil fell.",
        "1987-04-09",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].exporter, None, "{f:?}");
    assert_eq!(f[0].importer.as_deref(), Some("JP"));
}

#[test]
fn markets_lost_to_a_rival_name_no_destination() {
    let f = flows(
        "Libyan crude oil sales are expected to go to Italy this year.",
        "1987-04-09",
    );
    assert_eq!(
        f.first().and_then(|c| c.importer.as_deref()),
        Some("IT"),
        "{f:?}"
    );
    let f = flows(
        "Libyan crude oil sales are expected to reclaim markets lost to Italy last year.",
        "1987-04-09",
    );
    assert!(
        f.iter().all(|c| c.importer.as_deref() != Some("IT")),
        "{f:?}"
    );
}

#[test]
fn goods_tendered_for_intervention_stay_at_home() {
    let f = flows(
        "In Belgium, 20,000 tonnes of sugar have been tendered for intervention.",
        "1987-04-09",
    );
    assert!(f.is_empty(), "{f:?}");
    let f = flows(
        "In Belgium, 20,000 tonnes of sugar have been tendered.",
        "1987-04-09",
    );
    assert_eq!(f.len(), 1, "{f:?}");
}

#[test]
fn guarantees_first_granted_for_other_goods_move_only_the_new_goods() {
    let f = flows(
        "The CCC has reallocated 2.0 mln dlrs in credit guarantees originally granted to cover the sale of wheat to Peru so it may buy rice, the department said.",
        "1987-04-09",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(hs(&f[0]), vec![Some("1006")]);
    assert_eq!(f[0].importer.as_deref(), Some("PE"));
    let f = flows(
        "The CCC said 1.5 mln dlrs in credit guarantees previously earmarked to cover sales of wheat to Peru have been switched to cover sales of rice.",
        "1987-04-09",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(hs(&f[0]), vec![Some("1006")]);
}

#[test]
fn a_region_before_the_goods_of_a_trade_noun_holds_the_sellers_side() {
    // The speaker's nationality does not take it.
    let f = flows(
        "Italian Trade Minister Renato Ruggiero predicted a deal to admit Gulf petrochemical exports into the European Community.",
        "1987-04-09",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].exporter, None, "{f:?}");
    assert_eq!(f[0].importer.as_deref(), Some("EU"));
    // A country named by name keeps it.
    let f = flows(
        "Saudi Arabia raised its Gulf oil exports to Japan.",
        "1987-04-09",
    );
    assert_eq!(
        f.first().and_then(|c| c.exporter.as_deref()),
        Some("SA"),
        "{f:?}"
    );
}

#[test]
fn a_date_before_a_country_is_no_part_of_a_firm_name() {
    let f = flows(
        "The central bank said that between January and May Peru sold 1.1 mln barrels of crude and 0.3 mln barrels of products.",
        "1987-06-09",
    );
    assert!(
        f.iter().any(|c| c.exporter.as_deref() == Some("PE")),
        "{f:?}"
    );
}

#[test]
fn a_nationality_after_the_with_a_verb_is_its_people() {
    for (text, importer) in [
        (
            "The consensus is that the Chinese will buy 300,000 tonnes of raw sugar.",
            "CN",
        ),
        (
            "The Soviets purchased five cargoes of raw sugar last week.",
            "SU",
        ),
    ] {
        let f = flows(text, "1987-04-09");
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        assert_eq!(f[0].importer.as_deref(), Some(importer), "{text}");
    }
}

#[test]
fn a_condition_governs_its_own_clause() {
    // A later clause with a trade word of its own keeps its "if".
    let f = flows(
        "The official said demand has been met by the recent Soviet purchases of U.S. corn, which he put at 1.5 mln tonnes, but said that if prices stay low, the Soviets will buy more.",
        "1987-04-09",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].exporter.as_deref(), Some("US"));
    assert_eq!(f[0].importer.as_deref(), Some("SU"));
    // A condition on the only trade word, before or after it, leaves none.
    for text in [
        "Egypt will buy 200,000 tonnes of wheat, if prices fall.",
        "If prices fall, Egypt will buy 200,000 tonnes of wheat.",
        "Egypt will buy 200,000 tonnes of wheat if prices fall.",
    ] {
        let f = flows(text, "1987-04-09");
        assert!(f.is_empty(), "{text}: {f:?}");
    }
}
