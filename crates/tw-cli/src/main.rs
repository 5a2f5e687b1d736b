//! `tradewatch`: news about trade and sanctions in, sourced and graded claims out.
fn main() {}
