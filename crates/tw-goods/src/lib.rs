//! Recognises the goods of trade news in English text: commodities (with
//! their Harmonized System codes), quantities with units, and money amounts.
//!
//! ```ignore
//! let text = "Egypt bought 200,000 tonnes of U.S. wheat flour for 25 mln dlrs";
//! let goods = tw_goods::Lexicon::global().find(text);       // "wheat flour", HS 1101
//! let amounts = tw_goods::find_quantities(text);            // 200,000 t
//! let money = tw_goods::find_money(text);                   // 25,000,000 USD
//! let (amounts, money) = tw_goods::find_quantities_and_money(text); // both, one scan
//! ```
//!
//! Everything is pure (no IO) and data-driven: the lexicon, its context
//! rules, the units and the currencies are the files of `data/`, embedded
//! with `include_str!` and compiled once (one Aho-Corasick automaton for the
//! lexicon, phrase tables for units and currencies) on first use. Offsets are
//! byte offsets into the `&str` given.
//!
//! Codemap:
//! - `lexicon`: [`Lexicon`], `data/commodities.tsv`, `data/ambiguous.toml`,
//!   `data/hs-names.tsv`;
//! - `number`: [`parse_number`] and the number scanner shared by the others;
//! - `quantity`: [`find_quantities`] over `data/units.tsv`;
//! - `money`: [`find_money`] over `data/currencies.tsv`;
//! - `tables`, `text`: the data tables and string helpers behind them.

#![deny(missing_docs)]

mod lexicon;
mod money;
mod number;
mod quantity;
mod tables;
mod text;

pub use lexicon::{CommodityMention, Lexicon};
pub use money::{find_money, MoneyMention};
pub use number::parse_number;
pub use quantity::{find_quantities, QuantityMention};
pub use tables::Dimension;

/// Errors from building the lexicon or tables out of data files.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A line of a data file is malformed.
    #[error("{file} line {line}: {message}")]
    Data {
        /// The data file (`commodities.tsv`, `units.tsv`...).
        file: &'static str,
        /// 1-based line number (0 when the problem is not on one line).
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// `ambiguous.toml` does not parse.
    #[error("invalid context rules: {0}")]
    Rules(#[from] toml::de::Error),
    /// The phrase automaton could not be built.
    #[error("cannot build the phrase automaton: {0}")]
    Automaton(String),
}

/// Whether a currency word written after amounts starts at byte `at` of
/// `text` ("U.S. cents", "Canadian dlrs"): a country named there names a
/// currency, even when the amount before it is spelled out ("six U.S.
/// cents").
pub fn currency_word_at(text: &str, at: usize) -> bool {
    tables::Tables::global()
        .suffixes
        .longest_at(text, at)
        .is_some()
}

/// [`find_quantities`] and [`find_money`] of one text, reading its numbers
/// once.
pub fn find_quantities_and_money(text: &str) -> (Vec<QuantityMention>, Vec<MoneyMention>) {
    let numbers = number::scan_numbers(text);
    (
        quantity::quantities_in(text, &numbers),
        money::money_in(text, &numbers),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check_spans(text: &str) {
        for m in Lexicon::global().find(text) {
            let words = text.get(m.start..m.end).expect("span on char boundaries");
            assert!(m.text.starts_with(words), "{:?} vs {words:?}", m.text);
        }
        for q in find_quantities(text) {
            assert_eq!(text.get(q.start..q.end), Some(q.text.as_str()));
            assert!(q.value.is_finite());
        }
        for m in find_money(text) {
            assert_eq!(text.get(m.start..m.end), Some(m.text.as_str()));
            assert!(m.amount.is_finite());
        }
        assert_eq!(
            find_quantities_and_money(text),
            (find_quantities(text), find_money(text))
        );
    }

    proptest! {
        #[test]
        fn finders_never_panic_and_spans_slice(text in "\\PC{0,200}") {
            check_spans(&text);
        }

        #[test]
        fn finders_handle_wire_like_text(
            words in proptest::collection::vec(
                prop_oneof![
                    Just("1.4"), Just("mln"), Just("60"), Just("kilo"), Just("bags"),
                    Just("tonnes"), Just("dlrs"), Just("a"), Just("$"), Just("US$"),
                    Just("£"), Just("€"), Just("won"), Just("pounds"), Just("of"),
                    Just("wheat"), Just("crude"), Just("oil"), Just("lead"), Just("-"),
                    Just("("), Just(")"), Just("\n    "), Just("36,000"), Just("."),
                    Just("fob"), Just("per"), Just("barrel"), Just("Oil"), Just("é"),
                ],
                0..30,
            ),
            glue in proptest::collection::vec(prop_oneof![Just(""), Just(" ")], 30),
        ) {
            let mut text = String::new();
            for (i, w) in words.iter().enumerate() {
                text.push_str(w);
                text.push_str(glue[i]);
            }
            check_spans(&text);
        }

        #[test]
        fn parse_number_round_trips_integers(n in 0u64..1_000_000_000_000) {
            prop_assert_eq!(parse_number(&n.to_string()), Some(n as f64));
        }
    }

    #[test]
    fn example_sentence() {
        let text = "Egypt bought 200,000 tonnes of U.S. wheat flour for 25 mln dlrs";
        let goods = Lexicon::global().find(text);
        assert_eq!(goods.len(), 1);
        assert_eq!(goods[0].hs.as_deref(), Some("1101"));
        assert_eq!(find_quantities(text)[0].value, 200_000.0);
        assert_eq!(find_money(text)[0].amount, 25e6);
    }
}
