//! Loading the embedded data files into entries and surface forms.
//!
//! Every surface form maps to one entry. When two sources claim the same
//! form, the one with the better (lower) [`Priority`] wins: the project's
//! curated files beat generated data, countries beat places, capitals beat
//! other cities, bigger cities beat smaller ones.

use std::collections::HashMap;

use serde::Deserialize;

use crate::{Error, Form, GeoKind, OrgType};

const COUNTRIES_EXTRA: &str = include_str!("../data/countries-extra.toml");
const REGIONS: &str = include_str!("../data/regions.toml");
const ORGANISATIONS: &str = include_str!("../data/organisations.toml");
const PLACES: &str = include_str!("../data/places.tsv");
const PLACE_ALIASES: &str = include_str!("../data/place-aliases.tsv");
const SUBDIVISIONS: &str = include_str!("../data/subdivisions.tsv");
const PLACE_STOPLIST: &str = include_str!("../data/place-stoplist.txt");
const ORG_HEADS: &str = include_str!("../data/org-heads.toml");

/// What a matched surface form means.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub kind: GeoKind,
    pub form: Form,
    pub code: Option<Box<str>>,
    pub name: Box<str>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub org_type: Option<OrgType>,
    /// The head word of a rule-built organisation ("Ministry"), not a
    /// mention by itself.
    pub org_head: bool,
}

/// Lower wins. Curated files first, then generated data. Among cities,
/// main names and alternates rank alike and the bigger city wins ("St.
/// Petersburg" is the Russian city, not the Floridian one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Priority {
    CountryExtra,
    Organisation,
    Region,
    Keshvar,
    PlaceAlias,
    Capital,
    /// Cities of a million people or more.
    BigCity,
    /// Federal units and provinces (ISO 3166-2 types State, Province, Land,
    /// Country, Territory, ...) beat smaller cities: "Florida" is the state,
    /// not the Cuban town; "Ontario" the province, not the Californian city.
    Subdivision,
    City,
    /// Other subdivisions (districts, parishes, departments) lose to cities:
    /// "Portland" is the city, not the Jamaican parish.
    MinorSubdivision,
    OrgHead,
}

impl Priority {
    /// Forms of these sources are checked against the place stoplist.
    fn is_generated_place(self) -> bool {
        matches!(
            self,
            Priority::Capital
                | Priority::BigCity
                | Priority::City
                | Priority::Subdivision
                | Priority::MinorSubdivision
        )
    }
}

#[derive(Debug, Clone, Copy)]
struct Claim {
    priority: Priority,
    /// Tie-break within a priority: bigger wins (population).
    weight: u64,
    entry: usize,
}

/// Entries plus the surface form -> entry table, before the automaton.
#[derive(Debug, Default)]
pub(crate) struct Tables {
    pub entries: Vec<Entry>,
    forms: HashMap<String, Claim>,
    /// Same-priority claims on one form by different countries: reported
    /// with no code.
    contested: Vec<String>,
    stoplist: std::collections::HashSet<String>,
    pub country_names: HashMap<String, String>,
    pub former: std::collections::HashSet<String>,
    /// (country, subdivision name) pairs, stoplist or not, for "Atlanta, Georgia".
    pub subdivisions: std::collections::HashSet<(String, String)>,
    /// Words that after a place name make it a company's name.
    pub company_words: std::collections::HashSet<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExtraFile {
    #[serde(default)]
    drop: Vec<String>,
    #[serde(default)]
    ambiguous: Vec<String>,
    #[serde(default)]
    country: Vec<ExtraCountry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExtraCountry {
    code: String,
    name: Option<String>,
    #[serde(default)]
    former: bool,
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    abbreviations: Vec<String>,
    #[serde(default)]
    adjectives: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionFile {
    region: Vec<Region>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Region {
    name: String,
    code: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    adjectives: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrgFile {
    organisation: Vec<Org>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Org {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(rename = "type")]
    org_type: String,
    country: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HeadFile {
    head: Vec<Head>,
    #[serde(default)]
    company_after_place: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Head {
    words: Vec<String>,
    #[serde(rename = "type")]
    org_type: String,
}

fn toml_file<T: serde::de::DeserializeOwned>(file: &'static str, text: &str) -> Result<T, Error> {
    toml::from_str(text).map_err(|source| Error::Toml { file, source })
}

/// Data lines of a TSV file: skips blank lines and `#` comments, yields
/// (1-based line number, fields).
fn tsv_lines(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').collect()))
}

fn parse_f64(file: &'static str, line: usize, s: &str) -> Result<f64, Error> {
    s.parse().map_err(|_| Error::Tsv {
        file,
        line,
        reason: format!("not a number: {s:?}"),
    })
}

impl Tables {
    pub fn load() -> Result<Tables, Error> {
        let mut t = Tables::default();
        for line in PLACE_STOPLIST.lines() {
            let name = line.split('#').next().unwrap_or("").trim();
            if !name.is_empty() {
                t.stoplist.insert(name.to_string());
            }
        }
        t.load_countries()?;
        t.load_organisations()?;
        t.load_regions()?;
        t.load_places()?;
        t.load_subdivisions()?;
        t.load_org_heads()?;
        for form in std::mem::take(&mut t.contested) {
            if let Some(claim) = t.forms.get(&form).copied() {
                let mut e = t.entries[claim.entry].clone();
                e.code = None;
                e.lat = None;
                e.lon = None;
                t.entries.push(e);
                let n = t.entries.len() - 1;
                t.forms.insert(form, Claim { entry: n, ..claim });
            }
        }
        Ok(t)
    }

    fn push(&mut self, e: Entry) -> usize {
        self.entries.push(e);
        self.entries.len() - 1
    }

    /// Offer `form` for `entry`; keeps the better claim.
    fn claim(&mut self, form: &str, priority: Priority, weight: u64, entry: usize) {
        let form = form.trim();
        if form.is_empty() {
            return;
        }
        if priority.is_generated_place() && self.stoplist.contains(form) {
            return;
        }
        let new = Claim {
            priority,
            weight,
            entry,
        };
        match self.forms.get(form) {
            None => {
                self.forms.insert(form.to_string(), new);
            }
            Some(old) => {
                let better = (priority, std::cmp::Reverse(weight))
                    < (old.priority, std::cmp::Reverse(old.weight));
                let same_rank = priority == old.priority && weight == old.weight;
                if same_rank
                    && priority == Priority::Keshvar
                    && self.entries[old.entry].code != self.entries[entry].code
                {
                    self.contested.push(form.to_string());
                } else if better {
                    self.forms.insert(form.to_string(), new);
                }
            }
        }
    }

    fn load_countries(&mut self) -> Result<(), Error> {
        let extra: ExtraFile = toml_file("countries-extra.toml", COUNTRIES_EXTRA)?;
        let drop: std::collections::HashSet<&str> = extra.drop.iter().map(String::as_str).collect();
        let mut names: HashMap<String, String> = HashMap::new();
        for c in &extra.country {
            if let Some(n) = &c.name {
                names.insert(c.code.clone(), n.clone());
            }
            if c.former {
                self.former.insert(c.code.clone());
            }
        }
        // keshvar: ISO names, unofficial names (filtered), nationality.
        for c in keshvar::CountryIterator::new() {
            let code = c.alpha2().to_string();
            let canonical = names
                .get(&code)
                .cloned()
                .unwrap_or_else(|| canonical_keshvar_name(&c));
            names.insert(code.clone(), canonical.clone());
            let geo = c.geo();
            let (lat, lon) = (Some(geo.latitude()), Some(geo.longitude()));
            let weight = u64::from(c.un_member());
            let mk = |form| Entry {
                kind: GeoKind::Country,
                form,
                code: Some(code.clone().into()),
                name: canonical.clone().into(),
                lat,
                lon,
                org_type: None,
                org_head: false,
            };
            let name_entry = self.push(mk(Form::Name));
            let adj_entry = self.push(mk(Form::Adjective));
            let mut forms = vec![c.iso_short_name(), strip_the(c.iso_long_name())];
            forms.extend(c.unofficial_name_list().iter().copied());
            for f in forms {
                if usable_country_form(f) && !drop.contains(f) {
                    self.claim(f, Priority::Keshvar, weight, name_entry);
                }
            }
            if let Some(nat) = c.maybe_nationality() {
                for adj in nat.split(", ") {
                    if usable_country_form(adj) && !drop.contains(adj) {
                        self.claim(adj, Priority::Keshvar, weight, adj_entry);
                        if let Some(pl) = plural(adj) {
                            self.claim(&pl, Priority::Keshvar, weight, adj_entry);
                        }
                    }
                }
            }
        }
        // The project's extras win over keshvar.
        for c in &extra.country {
            let canonical = names
                .get(&c.code)
                .cloned()
                .unwrap_or_else(|| c.code.clone());
            names.insert(c.code.clone(), canonical.clone());
            let (lat, lon) = keshvar::Alpha2::try_from(c.code.as_str())
                .ok()
                .filter(|_| !c.former)
                .map(|a| {
                    let g = a.to_country().geo();
                    (Some(g.latitude()), Some(g.longitude()))
                })
                .unwrap_or((None, None));
            for (forms, form) in [
                (&c.names, Form::Name),
                (&c.abbreviations, Form::Abbreviation),
                (&c.adjectives, Form::Adjective),
            ] {
                let e = self.push(Entry {
                    kind: GeoKind::Country,
                    form,
                    code: Some(c.code.clone().into()),
                    name: canonical.clone().into(),
                    lat,
                    lon,
                    org_type: None,
                    org_head: false,
                });
                for f in forms {
                    self.claim(f, Priority::CountryExtra, 0, e);
                }
            }
        }
        for f in &extra.ambiguous {
            let e = self.push(Entry {
                kind: GeoKind::Country,
                form: Form::Name,
                code: None,
                name: f.clone().into(),
                lat: None,
                lon: None,
                org_type: None,
                org_head: false,
            });
            self.claim(f, Priority::CountryExtra, 0, e);
        }
        self.country_names = names;
        Ok(())
    }

    fn load_organisations(&mut self) -> Result<(), Error> {
        let file: OrgFile = toml_file("organisations.toml", ORGANISATIONS)?;
        for o in file.organisation {
            let org_type = parse_org_type("organisations.toml", &o.org_type)?;
            let e = self.push(Entry {
                kind: GeoKind::Organisation,
                form: Form::Name,
                code: o.country.map(Into::into),
                name: o.name.clone().into(),
                lat: None,
                lon: None,
                org_type: Some(org_type),
                org_head: false,
            });
            self.claim(&o.name, Priority::Organisation, 0, e);
            for a in &o.aliases {
                self.claim(a, Priority::Organisation, 0, e);
            }
        }
        Ok(())
    }

    fn load_regions(&mut self) -> Result<(), Error> {
        let file: RegionFile = toml_file("regions.toml", REGIONS)?;
        for r in file.region {
            let mk = |form| Entry {
                kind: GeoKind::Region,
                form,
                code: r.code.clone().map(Into::into),
                name: r.name.clone().into(),
                lat: None,
                lon: None,
                org_type: None,
                org_head: false,
            };
            let n = self.push(mk(Form::Name));
            let a = self.push(mk(Form::Adjective));
            self.claim(&r.name, Priority::Region, 0, n);
            for f in &r.aliases {
                self.claim(f, Priority::Region, 0, n);
            }
            for f in &r.adjectives {
                self.claim(f, Priority::Region, 0, a);
            }
        }
        Ok(())
    }

    fn load_places(&mut self) -> Result<(), Error> {
        const FILE: &str = "places.tsv";
        const ALIASES: &str = "place-aliases.tsv";
        // canonical "name\tcountry" -> entry, only for the alias file's targets
        let mut by_name: HashMap<String, Option<(usize, u64)>> = HashMap::new();
        for (_, f) in tsv_lines(PLACE_ALIASES) {
            if let [_, canonical, cc] = f[..] {
                by_name.insert(format!("{canonical}\t{cc}"), None);
            }
        }
        let mut key = String::new();
        for (line, f) in tsv_lines(PLACES) {
            if f.len() < 6 {
                return Err(Error::Tsv {
                    file: FILE,
                    line,
                    reason: format!("expected 7 fields, found {}", f.len()),
                });
            }
            let pop: u64 = f[4].parse().map_err(|_| Error::Tsv {
                file: FILE,
                line,
                reason: format!("bad population {:?}", f[4]),
            })?;
            let capital = f[5] == "PPLC";
            let e = self.push(Entry {
                kind: GeoKind::Place,
                form: if capital { Form::Capital } else { Form::Name },
                code: Some(f[1].into()),
                name: f[0].into(),
                lat: Some(parse_f64(FILE, line, f[2])?),
                lon: Some(parse_f64(FILE, line, f[3])?),
                org_type: None,
                org_head: false,
            });
            if !by_name.is_empty() {
                key.clear();
                key.push_str(f[0]);
                key.push('\t');
                key.push_str(f[1]);
                if let Some(slot) = by_name.get_mut(key.as_str()) {
                    if slot.is_none_or(|(_, p)| pop > p) {
                        *slot = Some((e, pop));
                    }
                }
            }
            let priority = if capital {
                Priority::Capital
            } else if pop >= 1_000_000 {
                Priority::BigCity
            } else {
                Priority::City
            };
            let alternates = f.get(6).map(|s| s.split('|')).into_iter().flatten();
            for name in std::iter::once(f[0]).chain(alternates) {
                if place_form_ok(name, capital, pop) {
                    self.claim(name, priority, pop, e);
                }
            }
        }
        for (line, f) in tsv_lines(PLACE_ALIASES) {
            let [alias, canonical, cc] = f[..] else {
                return Err(Error::Tsv {
                    file: ALIASES,
                    line,
                    reason: "expected 3 fields".into(),
                });
            };
            let Some(&Some((e, _))) = by_name.get(&format!("{canonical}\t{cc}")) else {
                return Err(Error::Tsv {
                    file: ALIASES,
                    line,
                    reason: format!("no place {canonical:?} in {cc} in places.tsv"),
                });
            };
            self.claim(alias, Priority::PlaceAlias, 0, e);
        }
        Ok(())
    }

    fn load_subdivisions(&mut self) -> Result<(), Error> {
        // Two subdivisions of one name ("Maryland" in the US and in Liberia):
        // a top-level one beats a nested one, then the one in the more
        // populous country wins.
        let country_pop: HashMap<String, u64> = keshvar::CountryIterator::new()
            .map(|c| (c.alpha2().to_string(), c.maybe_population().unwrap_or(0)))
            .collect();
        for (line, f) in tsv_lines(SUBDIVISIONS) {
            if f.len() < 2 {
                return Err(Error::Tsv {
                    file: "subdivisions.tsv",
                    line,
                    reason: "expected 4 fields".into(),
                });
            }
            self.subdivisions
                .insert((f[1].to_string(), f[0].to_string()));
            let e = self.push(Entry {
                kind: GeoKind::Place,
                form: Form::Name,
                code: Some(f[1].into()),
                name: f[0].into(),
                lat: None,
                lon: None,
                org_type: None,
                org_head: false,
            });
            let top_level = f.get(4).is_none_or(|l| *l == "1");
            let weight =
                country_pop.get(f[1]).copied().unwrap_or(0) + if top_level { 1 << 40 } else { 0 };
            let major = matches!(
                f.get(3).copied().unwrap_or(""),
                "State"
                    | "Province"
                    | "Land"
                    | "Country"
                    | "Territory"
                    | "Federal district"
                    | "Autonomous community"
                    | "Autonomous region"
                    | "Union territory"
                    | "Region"
                    | "Autonomous republic"
                    | "Republic"
            );
            let priority = if top_level && major {
                Priority::Subdivision
            } else {
                Priority::MinorSubdivision
            };
            if place_form_ok(f[0], false, 0) {
                self.claim(f[0], priority, weight, e);
            }
        }
        Ok(())
    }

    fn load_org_heads(&mut self) -> Result<(), Error> {
        let file: HeadFile = toml_file("org-heads.toml", ORG_HEADS)?;
        self.company_words = file.company_after_place.into_iter().collect();
        for h in file.head {
            let org_type = parse_org_type("org-heads.toml", &h.org_type)?;
            let e = self.push(Entry {
                kind: GeoKind::Organisation,
                form: Form::Name,
                code: None,
                name: "".into(),
                lat: None,
                lon: None,
                org_type: Some(org_type),
                org_head: true,
            });
            for w in &h.words {
                self.claim(w, Priority::OrgHead, 0, e);
            }
        }
        Ok(())
    }

    /// Every surface form with its entry, sorted for a deterministic build.
    pub fn forms(&self) -> Vec<(&str, usize)> {
        let mut v: Vec<(&str, usize)> = self
            .forms
            .iter()
            .map(|(k, c)| (k.as_str(), c.entry))
            .collect();
        v.sort_unstable();
        v
    }
}

fn parse_org_type(file: &'static str, s: &str) -> Result<OrgType, Error> {
    OrgType::parse(s).ok_or_else(|| Error::Value {
        file,
        reason: format!("unknown organisation type {s:?}"),
    })
}

/// ISO short names like "Korea (Republic of)" or "Palestine, State of" are
/// not how news names a country: use the first plain unofficial name then.
fn canonical_keshvar_name(c: &keshvar::Country) -> String {
    let short = c.iso_short_name();
    if !short.contains(['(', ',']) {
        return short.to_string();
    }
    c.unofficial_name_list()
        .iter()
        .find(|n| usable_country_form(n))
        .map_or_else(|| short.to_string(), |n| n.to_string())
}

fn strip_the(s: &str) -> &str {
    s.strip_prefix("The ").unwrap_or(s)
}

/// Latin script, capitalised, no brackets or commas (ISO's inverted forms).
fn usable_country_form(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    first.is_uppercase()
        && !s.contains(['(', ')', '[', ']', ','])
        && s.chars().all(|c| {
            c.is_ascii() || matches!(c as u32, 0x00C0..=0x024F) // Latin-1 + Extended
        })
}

/// "Russian" -> "Russians", "Iraqi" -> "Iraqis", "Soviet" -> "Soviets";
/// forms like "Chinese", "Swiss", "Dutch" have no -s plural.
fn plural(adj: &str) -> Option<String> {
    (adj.ends_with("an") || adj.ends_with('i') || adj.ends_with("et")).then(|| format!("{adj}s"))
}

/// Very short single names ("Aba", "Ise", "Ota") collide with acronyms and
/// foreign words: kept only for capitals and cities of a million or more.
fn place_form_ok(name: &str, capital: bool, pop: u64) -> bool {
    let chars = name.chars().count();
    chars >= 2 && (chars >= 4 || capital || pop >= 1_000_000)
}
