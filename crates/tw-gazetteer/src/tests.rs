use super::*;
use proptest::strategy::Strategy;

use GeoKind::{Country as C, Organisation as O, Place as P, Region as R};

/// (sentence, expected mentions as (text, kind, code, form)), in order.
type Case = (
    &'static str,
    &'static [(&'static str, GeoKind, Option<&'static str>, Form)],
);

const CASES: &[Case] = &[
    ("Russian wheat flour", &[("Russian", C, Some("RU"), Form::Adjective)]),
    (
        "North Korea\u{2019}s Ministry of External Economic Relations said",
        &[
            ("North Korea", C, Some("KP"), Form::Possessive),
            ("Ministry of External Economic Relations", O, Some("KP"), Form::Name),
        ],
    ),
    (
        "Vladivostok, home to many North Korean laborers",
        &[
            ("Vladivostok", P, Some("RU"), Form::Name),
            ("North Korean", C, Some("KP"), Form::Adjective),
        ],
    ),
    (
        "Saint Petersburg and Moscow",
        &[
            ("Saint Petersburg", P, Some("RU"), Form::Name),
            ("Moscow", P, Some("RU"), Form::Capital),
        ],
    ),
    ("St. Petersburg port", &[("St. Petersburg", P, Some("RU"), Form::Name)]),
    (
        "the U.S. Agriculture Department said",
        &[("U.S. Agriculture Department", O, Some("US"), Form::Name)],
    ),
    ("Dutch soymeal imports", &[("Dutch", C, Some("NL"), Form::Adjective)]),
    ("<Wednesbury Tube Co> of U.K.", &[("U.K.", C, Some("GB"), Form::Abbreviation)]),
    ("the Soviet Union", &[("Soviet Union", C, Some("SU"), Form::Name)]),
    ("Soviet grain buying", &[("Soviet", C, Some("SU"), Form::Adjective)]),
    ("USSR", &[("USSR", C, Some("SU"), Form::Abbreviation)]),
    ("West German exporters", &[("West German", C, Some("DE"), Form::Adjective)]),
    ("East German", &[("East German", C, Some("DD"), Form::Adjective)]),
    ("Yugoslav and Czechoslovak", &[
        ("Yugoslav", C, Some("YU"), Form::Adjective),
        ("Czechoslovak", C, Some("CS"), Form::Adjective),
    ]),
    ("sales to N. Yemen", &[("N. Yemen", C, Some("YE"), Form::Name)]),
    ("sales to North Yemen", &[("North Yemen", C, Some("YE"), Form::Name)]),
    ("the EC said", &[("EC", C, Some("EU"), Form::Abbreviation)]),
    (
        "European Community countries",
        &[("European Community", C, Some("EU"), Form::Name)],
    ),
    ("EEC farm policy", &[("EEC", C, Some("EU"), Form::Abbreviation)]),
    ("U.S.-based traders", &[("U.S.", C, Some("US"), Form::Abbreviation)]),
    ("US exports", &[("US", C, Some("US"), Form::Abbreviation)]),
    ("American corn", &[("American", C, Some("US"), Form::Adjective)]),
    ("Britain and British", &[
        ("Britain", C, Some("GB"), Form::Name),
        ("British", C, Some("GB"), Form::Adjective),
    ]),
    ("the DPRK", &[("DPRK", C, Some("KP"), Form::Abbreviation)]),
    ("N. Korea", &[("N. Korea", C, Some("KP"), Form::Name)]),
    ("South Korea and ROK", &[
        ("South Korea", C, Some("KR"), Form::Name),
        ("ROK", C, Some("KR"), Form::Abbreviation),
    ]),
    ("Korea bought", &[("Korea", C, Some("KR"), Form::Name)]),
    ("Taiwan and Holland", &[
        ("Taiwan", C, Some("TW"), Form::Name),
        ("Holland", C, Some("NL"), Form::Name),
    ]),
    ("Ivory Coast cocoa", &[("Ivory Coast", C, Some("CI"), Form::Name)]),
    ("Burma rice", &[("Burma", C, Some("MM"), Form::Name)]),
    ("Japan's imports", &[("Japan", C, Some("JP"), Form::Possessive)]),
    ("Turkey imports", &[("Turkey", C, Some("TR"), Form::Name)]),
    ("China buys", &[("China", C, Some("CN"), Form::Name)]),
    ("Niger and Nigeria", &[
        ("Niger", C, Some("NE"), Form::Name),
        ("Nigeria", C, Some("NG"), Form::Name),
    ]),
    ("Dominica and the Dominican Republic", &[
        ("Dominica", C, Some("DM"), Form::Name),
        ("Dominican Republic", C, Some("DO"), Form::Name),
    ]),
    ("Congo timber", &[("Congo", C, None, Form::Name)]),
    ("Papua New Guinea", &[("Papua New Guinea", C, Some("PG"), Form::Name)]),
    ("Atlanta, Georgia", &[
        ("Atlanta", P, Some("US"), Form::Name),
        ("Georgia", P, Some("US"), Form::Name),
    ]),
    ("Georgia and Armenia", &[
        ("Georgia", C, Some("GE"), Form::Name),
        ("Armenia", C, Some("AM"), Form::Name),
    ]),
    ("Singapore and Kuwait and Mexico", &[
        ("Singapore", C, Some("SG"), Form::Name),
        ("Kuwait", C, Some("KW"), Form::Name),
        ("Mexico", C, Some("MX"), Form::Name),
    ]),
    ("Pyongyang and Washington", &[
        ("Pyongyang", P, Some("KP"), Form::Capital),
        ("Washington", P, Some("US"), Form::Capital),
    ]),
    ("Leningrad", &[("Leningrad", P, Some("RU"), Form::Name)]),
    (
        "Europe, Asia, Africa, Latin America, the Middle East, the Gulf, Canary Islands, Western Europe",
        &[
            ("Europe", R, None, Form::Name),
            ("Asia", R, None, Form::Name),
            ("Africa", R, None, Form::Name),
            ("Latin America", R, None, Form::Name),
            ("Middle East", R, None, Form::Name),
            ("Gulf", R, None, Form::Name),
            ("Canary Islands", R, Some("ES"), Form::Name),
            ("Western Europe", R, None, Form::Name),
        ],
    ),
    ("Daily NK reported", &[("Daily NK", O, Some("KR"), Form::Name)]),
    ("KCNA and Xinhua", &[
        ("KCNA", O, Some("KP"), Form::Name),
        ("Xinhua", O, Some("CN"), Form::Name),
    ]),
    ("the UN Security Council", &[("UN Security Council", O, None, Form::Name)]),
    ("the CCC", &[("CCC", O, Some("US"), Form::Name)]),
    (
        "the Construction Guidance Bureau",
        &[("Construction Guidance Bureau", O, None, Form::Name)],
    ),
    (
        "the Central Bureau of Statistics said",
        &[("Central Bureau of Statistics", O, None, Form::Name)],
    ),
    (
        "the Brazilian Coffee Institute",
        &[("Brazilian Coffee Institute", O, Some("BR"), Form::Name)],
    ),
    (
        "Indian State Trading Corp and the Central Bureau of Statistics",
        &[
            ("Indian State Trading Corp", O, Some("IN"), Form::Name),
            ("Central Bureau of Statistics", O, None, Form::Name),
        ],
    ),
    (
        "Japan's Agriculture Ministry",
        &[
            ("Japan", C, Some("JP"), Form::Possessive),
            ("Agriculture Ministry", O, Some("JP"), Form::Name),
        ],
    ),
    (
        "the Ministry of Trade and Industry said",
        &[("Ministry of Trade and Industry", O, None, Form::Name)],
    ),
    ("the ministry said", &[]),
    ("The Ministry said", &[]),
    ("CHINA BUYS U.S. WHEAT", &[
        ("CHINA", C, Some("CN"), Form::Name),
        ("U.S.", C, Some("US"), Form::Abbreviation),
    ]),
    ("sales to North\nKorea", &[("North\nKorea", C, Some("KP"), Form::Name)]),
    (
        "the U.S. Securities and\nExchange Commission",
        &[
            ("U.S. Securities and\nExchange Commission", O, Some("US"), Form::Name),
        ],
    ),
    ("Florida and Ontario", &[
        ("Florida", P, Some("US"), Form::Name),
        ("Ontario", P, Some("CA"), Form::Name),
    ]),
    ("Cologne and Hanover", &[
        ("Cologne", P, Some("DE"), Form::Name),
        ("Hanover", P, Some("DE"), Form::Name),
    ]),
    ("Toyota Motor Corp", &[("Toyota Motor Corp", O, None, Form::Name)]),
    ("Fuji Bank and Irving Bank", &[]),
    ("Japanese Bank", &[("Japanese", C, Some("JP"), Form::Adjective)]),
    // must not match
    ("Moore and Davis said", &[]),
    ("let us go", &[]),
    ("roast turkey", &[]),
    ("china plates", &[]),
    ("it may rain", &[]),
    ("Reading the report", &[]),
    ("a mission to", &[]),
    ("Nice weather, Mobile phones, Split decision", &[]),
    ("a guinea fowl", &[]),
    ("Chadwick and Omani", &[("Omani", C, Some("OM"), Form::Adjective)]),
    ("Romanians", &[("Romanians", C, Some("RO"), Form::Adjective)]),
    ("WHO SAID IT", &[]),
];

#[test]
fn table() {
    let g = Gazetteer::global();
    let mut failures = Vec::new();
    for (text, expected) in CASES {
        let got: Vec<_> = g
            .find(text)
            .into_iter()
            .map(|m| (m.text, m.kind, m.code, m.form))
            .collect();
        let want: Vec<_> = expected
            .iter()
            .map(|(t, k, c, f)| (t.to_string(), *k, c.map(str::to_string), *f))
            .collect();
        if got != want {
            failures.push(format!("{text:?}\n  got  {got:?}\n  want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn offsets_are_bytes_into_the_input() {
    let g = Gazetteer::global();
    let text = "Préface: Japan’s Ministry of Finance and Moscow";
    for m in g.find(text) {
        assert_eq!(&text[m.start..m.end], m.text);
    }
    let found: Vec<_> = g.find(text).into_iter().map(|m| m.text).collect();
    assert_eq!(found, ["Japan", "Ministry of Finance", "Moscow"]);
}

#[test]
fn mentions_are_ordered_and_disjoint() {
    let g = Gazetteer::global();
    let text = "U.S. and Soviet officials met in Geneva with EC and Japanese delegates \
                from the Ministry of Agriculture, Forestry and Fisheries of Japan.";
    let ms = g.find(text);
    assert!(!ms.is_empty());
    for w in ms.windows(2) {
        assert!(w[0].end <= w[1].start, "{w:?}");
    }
}

#[test]
fn places_carry_coordinates() {
    let g = Gazetteer::global();
    let m = &g.find("in Vladivostok")[0];
    let (lat, lon) = (m.lat.unwrap(), m.lon.unwrap());
    assert!((lat - 43.1).abs() < 0.1 && (lon - 131.9).abs() < 0.1);
}

#[test]
fn country_lookups() {
    let g = Gazetteer::global();
    for (name, code) in [
        ("Russia", "RU"),
        ("Soviet Union", "SU"),
        ("U.S.", "US"),
        ("United States", "US"),
        ("european community", "EU"),
        ("West Germany", "DE"),
        ("East Germany", "DD"),
        ("North Korea", "KP"),
    ] {
        assert_eq!(g.country_by_name(name), Some(code), "{name}");
    }
    assert_eq!(g.country_by_name("Atlantis"), None);
    assert_eq!(g.country_name("RU"), Some("Russia"));
    assert_eq!(g.country_name("SU"), Some("Soviet Union"));
    assert_eq!(g.country_name("KP"), Some("North Korea"));
    assert_eq!(g.country_name("XX"), None);
    assert!(g.is_former("SU") && g.is_former("EU") && !g.is_former("RU"));
}

#[test]
fn every_organisation_type_parses_back() {
    for t in [
        "government",
        "international",
        "outlet",
        "company",
        "association",
        "exchange",
    ] {
        assert_eq!(OrgType::parse(t).map(OrgType::as_str), Some(t));
    }
    assert_eq!(OrgType::parse("club"), None);
}

/// Throughput on repeated news-like text; run with
/// `cargo test -p tw-gazetteer --release -- --ignored --nocapture throughput`.
#[test]
#[ignore]
fn throughput() {
    let t0 = std::time::Instant::now();
    let g = Gazetteer::new().unwrap();
    let build = t0.elapsed();
    let para = "The U.S. Agriculture Department said it has authorized an additional 10.0 mln \
        dlrs in credit guarantees to cover sales of U.S. vegetable oils to North Yemen. \
        Traders in Rotterdam said Soviet buyers bought West German and French wheat, while \
        Japan's Ministry of Agriculture, Forestry and Fisheries expects imports from China \
        and Australia to rise. North Korea's Ministry of External Economic Relations sent \
        laborers to Vladivostok, a high-ranking source told Daily NK on Wednesday.\n";
    let text = para.repeat(20_000);
    let t1 = std::time::Instant::now();
    let n = g.find(&text).len();
    let secs = t1.elapsed().as_secs_f64();
    println!(
        "build {:?}, {} patterns; {} mentions in {} MB: {:.0} MB/s",
        build,
        g.pattern_count(),
        n,
        text.len() / 1_000_000,
        text.len() as f64 / 1e6 / secs
    );
}

/// Throughput and the most frequent mentions over a real corpus file (any
/// text; JSON Lines is fine): `TW_GAZETTEER_CORPUS=path cargo test -p
/// tw-gazetteer --release -- --ignored --nocapture corpus`.
#[test]
#[ignore]
fn corpus() {
    let Ok(path) = std::env::var("TW_GAZETTEER_CORPUS") else {
        return;
    };
    // CPU time of this thread (Linux), so a busy machine does not skew it
    fn cpu_secs() -> f64 {
        std::fs::read_to_string("/proc/thread-self/schedstat")
            .ok()
            .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
            .map_or(0.0, |ns| ns / 1e9)
    }
    let text = std::fs::read_to_string(path).unwrap();
    let (c0, t0) = (cpu_secs(), std::time::Instant::now());
    let g = Gazetteer::new().unwrap();
    println!(
        "build: {:.0} ms cpu, {:.0} ms wall, {} patterns",
        (cpu_secs() - c0) * 1e3,
        t0.elapsed().as_secs_f64() * 1e3,
        g.pattern_count()
    );
    let (c1, t1) = (cpu_secs(), std::time::Instant::now());
    let ms = g.find(&text);
    let (cpu, wall) = (cpu_secs() - c1, t1.elapsed().as_secs_f64());
    let mb = text.len() as f64 / 1e6;
    println!(
        "{} mentions in {mb:.1} MB: {:.0} MB/s cpu, {:.0} MB/s wall",
        ms.len(),
        mb / cpu,
        mb / wall
    );
    let mut counts: std::collections::HashMap<(String, GeoKind, Option<String>), usize> =
        std::collections::HashMap::new();
    for m in ms {
        *counts.entry((m.text, m.kind, m.code)).or_default() += 1;
    }
    let mut v: Vec<_> = counts.into_iter().collect();
    v.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    for kind in [
        GeoKind::Place,
        GeoKind::Organisation,
        GeoKind::Region,
        GeoKind::Country,
    ] {
        let top: Vec<_> = v
            .iter()
            .filter(|((_, k, _), _)| *k == kind)
            .take(150)
            .map(|((t, _, c), n)| {
                format!(
                    "{}/{}:{n}",
                    t.replace(char::is_whitespace, " "),
                    c.as_deref().unwrap_or("-")
                )
            })
            .collect();
        println!("{kind:?}: {}", top.join(", "));
    }
}

proptest::proptest! {
    /// Any text: mentions are in order, disjoint, on char boundaries, and
    /// their `text` is the slice they point at.
    #[test]
    fn mentions_point_into_any_text(
        words in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::string::string_regex("[A-Za-z.'’ -]{0,8}").unwrap(),
                proptest::sample::select(vec![
                    "U.S.", "North", "Korea", "Korea's", "Ministry", "of", "Foreign",
                    "Trade", "Moscow", "EC", "\n", "  ", "é", "日本", "Bureau", "and",
                ]).prop_map(str::to_string),
            ],
            0..20,
        )
    ) {
        let text = words.join(" ");
        let ms = Gazetteer::global().find(&text);
        let mut last_end = 0;
        for m in &ms {
            proptest::prop_assert!(m.start >= last_end && m.start < m.end);
            proptest::prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            proptest::prop_assert_eq!(&text[m.start..m.end], m.text.as_str());
            last_end = m.end;
        }
    }
}
