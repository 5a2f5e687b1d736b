//! Quantities: a number, an optional scale word and a unit ("36,000
//! tonnes", "2.34 mln tonnes", "1.4 mln 60 kilo bags", "25,000 bpd").

use crate::number::{scan_numbers, ScannedNumber};
use crate::tables::{pounds_is_weight, tidy, Dimension, Guard, Tables};
use crate::text::skip_space_or_hyphen;

/// An amount of goods named in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct QuantityMention {
    /// Byte offset of the first character in the text given.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// The words of the text (`text[start..end]`).
    pub text: String,
    /// The number, scaled and converted to `unit` (2.34 mln long tons is
    /// 2,377,550 t).
    pub value: f64,
    /// `t`, `bbl`, `bbl/d`, `m3`, `bags`, `head`, `bu`, `oz`, or the text's
    /// own unit word lower-cased ("bales", "gallons", "carats").
    pub unit: String,
    /// What the unit measures; callers wanting goods skip `Area`, `Power`
    /// and `Capacity`.
    pub dimension: Dimension,
    /// The period of a rate other than barrels per day ("tonnes a year":
    /// `Some("year")`); `bbl/d` carries `Some("day")`.
    pub per: Option<String>,
}

/// Every quantity of `text`, in order, not overlapping.
///
/// Tonnes, metric tons, "mt" and plain "tons" are metric tonnes (`t`; wire
/// copy writes "tons" for tonnes, and says "short tons" or "long tons" when
/// it means them, which are converted). Kilos, grams and pounds (when
/// "of" + a commodity follows) are converted to `t`; cubic feet and litres
/// to `m3`. Percentages and bare numbers are not quantities.
pub fn find_quantities(text: &str) -> Vec<QuantityMention> {
    quantities_in(text, &scan_numbers(text))
}

/// [`find_quantities`] over the numbers of `text` already scanned.
pub(crate) fn quantities_in(text: &str, numbers: &[ScannedNumber]) -> Vec<QuantityMention> {
    let tables = Tables::global();
    let mut found = Vec::new();
    let mut covered_to = 0;
    for number in numbers {
        if number.start < covered_to {
            continue;
        }
        if let Some(mention) = quantity_after(text, tables, number.start, number.end, number.value)
        {
            covered_to = mention.end;
            found.push(mention);
        }
    }
    found
}

fn quantity_after(
    text: &str,
    tables: &Tables,
    start: usize,
    number_end: usize,
    value: f64,
) -> Option<QuantityMention> {
    let unit_start = skip_space_or_hyphen(text, number_end);
    let (mut end, unit_name, factor, dimension) =
        if let Some(end) = tables.sized_bags_at(text, unit_start) {
            (end, Some("bags".to_string()), 1.0, Dimension::Count)
        } else {
            let (end, unit) = tables.units.longest_at(text, unit_start)?;
            let dimension = unit.dimension?;
            if unit.guard == Guard::WeightOf && !pounds_is_weight(text, start, end) {
                return None;
            }
            (end, unit.unit.clone(), unit.factor, dimension)
        };
    let mut unit = unit_name.unwrap_or_else(|| {
        text[unit_start..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    });
    if unit == "bags" {
        if let Some(tail_end) = tables.bag_size_tail(text, end) {
            end = tail_end;
        }
    }
    let mut dimension = dimension;
    let mut per = (dimension == Dimension::Flow).then(|| "day".to_string());
    if dimension != Dimension::Flow {
        if let Some((rate_end, period)) = tables.rate_at(text, end) {
            end = rate_end;
            per = Some(period.to_string());
            if unit == "bbl" && period == "day" {
                unit = "bbl/d".to_string();
                dimension = Dimension::Flow;
            }
        }
    }
    Some(QuantityMention {
        start,
        end,
        text: text[start..end].to_string(),
        value: tidy(value * factor),
        unit,
        dimension,
        per,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quantities(text: &str) -> Vec<(String, f64, String)> {
        find_quantities(text)
            .into_iter()
            .map(|q| (q.text, q.value, q.unit))
            .collect()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    #[test]
    fn quantity_table() {
        let cases: &[(&str, &str, f64, &str)] = &[
            (
                "sold 36,000 tonnes of wheat",
                "36,000 tonnes",
                36_000.0,
                "t",
            ),
            ("2.34 mln tonnes", "2.34 mln tonnes", 2_340_000.0, "t"),
            ("1.5 billion barrels", "1.5 billion barrels", 1.5e9, "bbl"),
            (
                "1.4 mln 60 kilo bags",
                "1.4 mln 60 kilo bags",
                1_400_000.0,
                "bags",
            ),
            (
                "2.1 mln (60-kilo) bags",
                "2.1 mln (60-kilo) bags",
                2_100_000.0,
                "bags",
            ),
            (
                "155,221 bags of 60 kilos making",
                "155,221 bags of 60 kilos",
                155_221.0,
                "bags",
            ),
            ("400,000 barrels", "400,000 barrels", 400_000.0, "bbl"),
            ("25,000 bpd", "25,000 bpd", 25_000.0, "bbl/d"),
            (
                "1.2 mln barrels per day",
                "1.2 mln barrels per day",
                1_200_000.0,
                "bbl/d",
            ),
            (
                "300,000 barrels a day",
                "300,000 barrels a day",
                300_000.0,
                "bbl/d",
            ),
            ("500,000 bbl", "500,000 bbl", 500_000.0, "bbl"),
            ("1.2 mln bushels", "1.2 mln bushels", 1_200_000.0, "bu"),
            (
                "10,000 head of cattle",
                "10,000 head of cattle",
                10_000.0,
                "head",
            ),
            (
                "3.5 mln cubic metres",
                "3.5 mln cubic metres",
                3_500_000.0,
                "m3",
            ),
            ("100,000 long tons", "100,000 long tons", 101_604.7, "t"),
            ("100,000 short tons", "100,000 short tons", 90_718.5, "t"),
            ("20,000 metric tons", "20,000 metric tons", 20_000.0, "t"),
            ("20,000 tons", "20,000 tons", 20_000.0, "t"),
            ("5,000 kilos", "5,000 kilos", 5.0, "t"),
            ("250 kg", "250 kg", 0.25, "t"),
            ("12 mln lbs", "12 mln lbs", 5_443.108_44, "t"),
            ("2 mln pounds of beef", "2 mln pounds", 907.18474, "t"),
            (
                "weight was up to 52.7 mln pounds",
                "52.7 mln pounds",
                23_904.317_899,
                "t",
            ),
            ("1.5 mln mt", "1.5 mln mt", 1_500_000.0, "t"),
            ("150,000 ounces", "150,000 ounces", 150_000.0, "oz"),
            (
                "2.5 mln troy ounces",
                "2.5 mln troy ounces",
                2_500_000.0,
                "oz",
            ),
            ("12,000 carats", "12,000 carats", 12_000.0, "carats"),
            ("50,000 bales", "50,000 bales", 50_000.0, "bales"),
            ("12 thousand tonnes", "12 thousand tonnes", 12_000.0, "t"),
            ("two million tonnes", "two million tonnes", 2_000_000.0, "t"),
            ("a 100,000-tonne cargo", "100,000-tonne", 100_000.0, "t"),
            (
                "10 billion cubic feet",
                "10 billion cubic feet",
                283_168_465.92,
                "m3",
            ),
            (
                "2.34\n    mln tonnes",
                "2.34\n    mln tonnes",
                2_340_000.0,
                "t",
            ),
            ("5m tonnes", "5m tonnes", 5_000_000.0, "t"),
            ("3 bcm", "3 bcm", 3e9, "m3"),
        ];
        for &(input, text, value, unit) in cases {
            let found = quantities(input);
            assert_eq!(found.len(), 1, "{input}: {found:?}");
            let (t, v, u) = &found[0];
            assert_eq!(t, text, "{input}");
            assert!(close(*v, value), "{input}: {v} != {value}");
            assert_eq!(u, unit, "{input}");
        }
    }

    #[test]
    fn not_quantities() {
        for input in [
            "rose 42 pct",
            "11.7 mln dlrs",
            "5 mln pounds sterling",
            "a 5 mln pounds loan",
            "1.5 billion",
            "Boeing 747 jets",
            "in 1987",
            "up 4.5 per cent",
        ] {
            assert_eq!(quantities(input), vec![], "{input}");
        }
    }

    #[test]
    fn rates_and_dimensions() {
        let found = find_quantities("capacity of 2 mln tonnes a year on 5,000 hectares");
        assert_eq!(found[0].per.as_deref(), Some("year"));
        assert_eq!(found[0].text, "2 mln tonnes a year");
        assert_eq!(found[1].dimension, Dimension::Area);
        let flow = find_quantities("25,000 bpd");
        assert_eq!(flow[0].dimension, Dimension::Flow);
        assert_eq!(flow[0].per.as_deref(), Some("day"));
    }
}
