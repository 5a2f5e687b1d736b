//! Unit conversions for cap tallies, from `data/conversions.toml`.

use std::sync::OnceLock;

use tw_model::Commodity;

use crate::fields::{parse_file, record_label, records, Fields};
use crate::terms::TermSet;
use crate::SanctionsError;

/// Mass or volume.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    /// Base unit `t`.
    Mass,
    /// Base unit `bbl`.
    Volume,
}

/// A unit and its factor to the dimension's base unit.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Canonical name (`t`, `bbl`, `m3`).
    pub name: String,
    /// Mass or volume.
    pub dimension: Dimension,
    /// Base units per one of this unit.
    pub to_base: f64,
    /// Spellings accepted in a claim's quantity (lower-cased).
    pub aliases: Vec<String>,
}

/// A product with its approximate barrels per tonne.
#[derive(Debug, Clone)]
pub struct Product {
    /// `gasoline`, `LPG`, ...
    pub name: String,
    /// Approximate barrels per metric tonne.
    pub bbl_per_t: f64,
    /// HS prefixes that identify it when the text names no product.
    pub hs: Vec<String>,
    terms: TermSet,
}

/// Units, products and where the factors come from.
#[derive(Debug, Clone)]
pub struct Conversions {
    /// Where the factors come from.
    pub source: String,
    /// Caveats (approximations).
    pub source_note: String,
    units: Vec<Unit>,
    products: Vec<Product>,
}

impl Conversions {
    /// Parse a conversions file.
    pub fn from_toml_str(file: &str, text: &str) -> Result<Conversions, SanctionsError> {
        let table = parse_file(file, text)?;
        let top = Fields::new(file, "-".into(), &table);
        let source = top
            .table("source")?
            .ok_or_else(|| top.error("source", "missing"))?;
        source.only(&["name", "note"])?;
        let mut conversions = Conversions {
            source: source.str("name")?,
            source_note: source.str("note")?,
            units: Vec::new(),
            products: Vec::new(),
        };
        for (i, record) in records(file, &table, "unit", &["source", "product"])?
            .into_iter()
            .enumerate()
        {
            let f = Fields::new(file, record_label(record, "name", i), record);
            f.only(&["name", "dimension", "to_base", "aliases"])?;
            let dimension = match f.str("dimension")?.as_str() {
                "mass" => Dimension::Mass,
                "volume" => Dimension::Volume,
                other => {
                    return Err(f.error(
                        "dimension",
                        format!("unknown dimension `{other}` (mass, volume)"),
                    ))
                }
            };
            let to_base = f.number("to_base")?;
            if to_base <= 0.0 {
                return Err(f.error("to_base", "must be greater than zero"));
            }
            let name = f.str("name")?;
            let mut aliases: Vec<String> = f
                .strings("aliases")?
                .iter()
                .map(|a| a.to_lowercase())
                .collect();
            aliases.push(name.to_lowercase());
            for alias in &aliases {
                if conversions.unit(alias).is_some() {
                    return Err(f.error("aliases", format!("`{alias}` already names another unit")));
                }
            }
            conversions.units.push(Unit {
                name,
                dimension,
                to_base,
                aliases,
            });
        }
        for (i, record) in records(file, &table, "product", &["source", "unit"])?
            .into_iter()
            .enumerate()
        {
            let f = Fields::new(file, record_label(record, "name", i), record);
            f.only(&["name", "bbl_per_t", "terms", "hs"])?;
            let bbl_per_t = f.number("bbl_per_t")?;
            if bbl_per_t <= 0.0 {
                return Err(f.error("bbl_per_t", "must be greater than zero"));
            }
            let hs = f.strings("hs")?;
            for (k, code) in hs.iter().enumerate() {
                if !matches!(code.len(), 2 | 4 | 6) || !code.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(f.error(
                        &format!("hs[{k}]"),
                        format!("`{code}` is not an HS prefix (2, 4 or 6 digits)"),
                    ));
                }
            }
            conversions.products.push(Product {
                name: f.str("name")?,
                bbl_per_t,
                hs,
                terms: TermSet::new(&f.strings("terms")?),
            });
        }
        Ok(conversions)
    }

    /// The unit spelled `name` (case-insensitive, any alias).
    pub fn unit(&self, name: &str) -> Option<&Unit> {
        let name = name.trim().to_lowercase();
        self.units.iter().find(|u| u.aliases.contains(&name))
    }

    /// The product a commodity names: by the words of its text first, then
    /// by HS prefix (its code must be at least as specific as the prefix).
    pub fn product(&self, commodity: &Commodity) -> Option<&Product> {
        let by_text = self
            .products
            .iter()
            .filter_map(|p| p.terms.find(&commodity.text).map(|t| (p, t.len())))
            .max_by_key(|(_, len)| *len);
        if let Some((product, _)) = by_text {
            return Some(product);
        }
        let code = commodity.hs.as_deref()?;
        self.products
            .iter()
            .find(|p| p.hs.iter().any(|prefix| code.starts_with(prefix.as_str())))
    }

    /// Convert `value` `from` one unit `to` another. Mass to volume (or back)
    /// needs `product`; the error says what is missing.
    pub fn convert(
        &self,
        value: f64,
        from: &str,
        to: &str,
        product: Option<&Product>,
    ) -> Result<f64, String> {
        let from_unit = self
            .unit(from)
            .ok_or_else(|| format!("unknown unit `{from}`"))?;
        let to_unit = self
            .unit(to)
            .ok_or_else(|| format!("unknown unit `{to}`"))?;
        let in_base = value * from_unit.to_base;
        let converted = match (from_unit.dimension, to_unit.dimension) {
            (a, b) if a == b => in_base,
            (Dimension::Mass, Dimension::Volume) => {
                let p = product.ok_or("no barrels-per-tonne factor for these goods")?;
                in_base * p.bbl_per_t
            }
            (Dimension::Volume, Dimension::Mass) => {
                let p = product.ok_or("no barrels-per-tonne factor for these goods")?;
                in_base / p.bbl_per_t
            }
            _ => unreachable!("two dimensions, every pair handled above"),
        };
        Ok(converted / to_unit.to_base)
    }
}

/// The embedded `data/conversions.toml`.
pub fn builtin_conversions() -> Result<&'static Conversions, SanctionsError> {
    static BUILTIN: OnceLock<Result<Conversions, SanctionsError>> = OnceLock::new();
    BUILTIN
        .get_or_init(|| {
            Conversions::from_toml_str("conversions.toml", include_str!("../data/conversions.toml"))
        })
        .as_ref()
        .map_err(Clone::clone)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commodity(text: &str, hs: Option<&str>) -> Commodity {
        Commodity {
            text: text.into(),
            hs: hs.map(Into::into),
        }
    }

    #[test]
    fn tonnes_to_barrels_by_product() {
        let conv = builtin_conversions().unwrap();
        // (commodity, hs, tonnes, expected barrels)
        let cases = [
            ("gasoline", Some("271012"), 1000.0, 8350.0),
            ("diesel", Some("271019"), 1000.0, 7460.0),
            ("gas oil", None, 10.0, 74.6),
            ("kerosene", None, 100.0, 788.0),
            ("jet fuel", Some("271019"), 100.0, 788.0),
            ("LPG", Some("2711"), 1000.0, 11600.0),
            ("propane", None, 1.0, 11.6),
            ("crude oil", Some("2709"), 525_000.0, 3_848_250.0),
            ("oil", Some("2709"), 1.0, 7.33),
            ("fuel oil", None, 1.0, 6.35),
            ("petroleum products", None, 1.0, 8.058),
        ];
        for (text, hs, tonnes, barrels) in cases {
            let product = conv.product(&commodity(text, hs));
            assert!(product.is_some(), "{text}");
            let got = conv.convert(tonnes, "t", "bbl", product).unwrap();
            assert!(
                (got - barrels).abs() < 1e-6 * barrels.max(1.0),
                "{text}: {got} != {barrels}"
            );
        }
    }

    #[test]
    fn units_within_a_dimension_need_no_product() {
        let conv = builtin_conversions().unwrap();
        let cases = [
            (1.0, "m3", "bbl", 6.2898),
            (42.0, "gallons", "bbl", 1.0),
            (1000.0, "litres", "bbl", 6.2898),
            (2.0, "kt", "t", 2000.0),
            (500.0, "kg", "tonnes", 0.5),
            (6.2898, "bbl", "m3", 1.0),
            (3.0, "Barrels", "bbl", 3.0),
        ];
        for (value, from, to, want) in cases {
            let got = conv.convert(value, from, to, None).unwrap();
            assert!((got - want).abs() < 1e-9, "{from}->{to}: {got}");
        }
    }

    #[test]
    fn unknown_goods_or_units_are_not_converted() {
        let conv = builtin_conversions().unwrap();
        // Natural gas and a bare heading code name no product: never guessed.
        assert!(conv.product(&commodity("gas", Some("2711"))).is_none());
        assert!(conv
            .product(&commodity("naphtha", Some("271012")))
            .is_none());
        assert!(conv.convert(1.0, "t", "bbl", None).is_err());
        assert!(conv
            .convert(1.0, "tons", "bbl", None)
            .unwrap_err()
            .contains("unknown unit `tons`"));
        assert!(conv.convert(1.0, "bags", "t", None).is_err());
    }

    #[test]
    fn source_is_recorded() {
        let conv = builtin_conversions().unwrap();
        assert!(conv.source.contains("Statistical Review"));
        assert!(conv.source_note.contains("approximation"));
    }
}
