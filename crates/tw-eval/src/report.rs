//! The figures of one scoring run and their three renderings: the JSON of
//! `score.py --json`, its verbose error lines, and a text report for people.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::{json, Map, Value};

use crate::py;

/// Trade-flow unit counts and the figures computed from them.
#[derive(Debug, Clone, PartialEq)]
pub struct TradeFlowScores {
    /// Matched units (paired gold and predicted).
    pub tp: usize,
    /// Unpaired predicted units.
    pub fp: usize,
    /// Unpaired gold units.
    pub fn_: usize,
    /// `tp / (tp + fp)`, rounded to 4 decimals; 0.0 when there is no prediction.
    pub precision: f64,
    /// `tp / (tp + fn)`, rounded to 4 decimals; 0.0 when there is no gold unit.
    pub recall: f64,
    /// Harmonic mean of the unrounded precision and recall, rounded.
    pub f1: f64,
    /// Mean per-document F1 over documents with a gold or predicted unit, rounded.
    pub macro_f1: f64,
    /// How many documents entered the macro mean.
    pub macro_docs: usize,
}

/// Agreement on one slot over matched trade-flow units.
#[derive(Debug, Clone, PartialEq)]
pub struct SlotScore {
    /// `status`, `certainty`, `time` or `quantity`.
    pub slot: String,
    /// Matched units whose slot agrees.
    pub correct: usize,
    /// Matched units.
    pub total: usize,
    /// `correct / total` rounded to 4 decimals.
    pub accuracy: f64,
}

/// Precision and recall of one non-trade kind (or of `any_kind`).
#[derive(Debug, Clone, PartialEq)]
pub struct KindScores {
    /// Predicted claims that overlap a gold claim of the kind.
    pub pred_matched: usize,
    /// Predicted claims of the kind.
    pub pred: usize,
    /// Gold claims overlapped by a predicted claim of the kind.
    pub gold_matched: usize,
    /// Gold claims of the kind.
    pub gold: usize,
    /// `pred_matched / pred` rounded to 4 decimals, `None` without predictions.
    pub precision: Option<f64>,
    /// `gold_matched / gold` rounded to 4 decimals, `None` without gold claims.
    pub recall: Option<f64>,
}

/// What went wrong with one trade-flow unit.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum MismatchKind {
    /// A gold unit no prediction was paired with.
    FalseNegative,
    /// A predicted unit no gold unit was paired with.
    FalsePositive,
    /// A paired unit whose `status`, `certainty` or `time` differs.
    Slot {
        /// The slot name.
        slot: String,
        /// The gold value.
        gold: Value,
        /// The predicted value.
        pred: Value,
        /// The predicted unit's normalised evidence texts.
        pred_evidence: Vec<String>,
    },
}

/// One error line of `score.py --verbose`, kept structured.
#[derive(Debug, Clone, PartialEq)]
pub struct Mismatch {
    /// The document.
    pub doc_id: String,
    /// What went wrong.
    pub kind: MismatchKind,
    /// Exporter of the unit (the gold unit for slot mismatches).
    pub exporter: Value,
    /// Importer of the unit.
    pub importer: Value,
    /// The unit's commodity object (`{text, hs}`).
    pub commodity: Value,
    /// The unit's normalised evidence texts (the gold unit's for slot mismatches).
    pub evidence: Vec<String>,
}

impl Mismatch {
    /// The line `score.py --verbose` prints for this error, character for
    /// character (evidence cut to 90 characters).
    pub fn line(&self) -> String {
        let ev: String = self
            .evidence
            .first()
            .map(|e| e.chars().take(90).collect())
            .unwrap_or_default();
        match &self.kind {
            MismatchKind::Slot {
                slot, gold, pred, ..
            } => format!(
                "{} SLOT {} gold={} pred={}  {}",
                self.doc_id,
                slot,
                py::repr(gold),
                py::repr(pred),
                ev
            ),
            MismatchKind::FalseNegative | MismatchKind::FalsePositive => format!(
                "{} {} {}->{} {}  {}",
                self.doc_id,
                if self.kind == MismatchKind::FalseNegative {
                    "FN"
                } else {
                    "FP"
                },
                py::str_of(&self.exporter),
                py::str_of(&self.importer),
                py::str_of(crate::matching::get(&self.commodity, "text")),
                ev
            ),
        }
    }

    fn flow(&self) -> String {
        let commodity = &self.commodity;
        let hs = crate::matching::get(commodity, "hs");
        let hs = if hs.is_null() {
            String::new()
        } else {
            format!(" [hs {}]", py::str_of(hs))
        };
        format!(
            "{} -> {}  {}{}",
            show(&self.exporter),
            show(&self.importer),
            show(crate::matching::get(commodity, "text")),
            hs
        )
    }
}

/// Which side a non-trade claim that found no partner came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Side {
    /// A gold claim no prediction of its kind overlaps (a miss).
    Gold,
    /// A predicted claim that overlaps no gold claim of its kind (spurious).
    Predicted,
}

/// A non-trade claim without a partner of its kind. score.py does not list
/// these; SPEC.md section 4 asks the eval command to.
#[derive(Debug, Clone, PartialEq)]
pub struct OtherMiss {
    /// The document.
    pub doc_id: String,
    /// The claim kind.
    pub kind: String,
    /// Gold (missed) or predicted (spurious).
    pub side: Side,
    /// The claim's normalised evidence texts.
    pub evidence: Vec<String>,
}

/// Every figure `score.py` computes, plus the errors behind them.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Number of gold documents (distinct doc ids).
    pub docs: usize,
    /// Trade-flow unit scores.
    pub trade_flow: TradeFlowScores,
    /// Slot agreement on matched units, in score.py's order (status,
    /// certainty, time, quantity); empty when no unit was matched.
    pub slots: Vec<SlotScore>,
    /// Per-kind scores of the other kinds, plus `any_kind`, by kind name.
    pub other: BTreeMap<String, KindScores>,
    /// Trade-flow errors in score.py's order: per document (by doc id), slot
    /// mismatches of each pair, then false negatives, then false positives.
    pub mismatches: Vec<Mismatch>,
    /// Non-trade claims without a partner of their kind, per document (by
    /// doc id) and kind (by name), gold first.
    pub other_misses: Vec<OtherMiss>,
}

fn float_or_null(v: Option<f64>) -> Value {
    v.map_or(Value::Null, Value::from)
}

fn py_float_or_none(v: Option<f64>) -> String {
    v.map_or_else(|| "null".to_string(), py::float_repr)
}

/// A value for people: strings bare, null as `-`.
fn show(v: &Value) -> String {
    match v {
        Value::Null => "-".to_string(),
        other => py::str_of(other),
    }
}

/// One indented line per evidence text, or `(none)`.
fn write_evidence(out: &mut String, label: &str, evidence: &[String]) {
    for e in evidence {
        let _ = writeln!(out, "      {label}: {e}");
    }
    if evidence.is_empty() {
        let _ = writeln!(out, "      {label}: (none)");
    }
}

fn fmt_ratio(v: Option<f64>) -> String {
    v.map_or_else(|| "-".to_string(), |x| format!("{x:.4}"))
}

impl Report {
    /// The object `score.py --json` prints, with the same keys and values
    /// (`None` as null).
    pub fn to_json(&self) -> Value {
        let t = &self.trade_flow;
        let slots: Map<String, Value> = self
            .slots
            .iter()
            .map(|s| (s.slot.clone(), Value::from(s.accuracy)))
            .collect();
        let other: Map<String, Value> = self
            .other
            .iter()
            .map(|(k, v)| {
                let scores = json!({
                    "precision": float_or_null(v.precision),
                    "recall": float_or_null(v.recall),
                    "pred": v.pred,
                    "gold": v.gold,
                });
                (k.clone(), scores)
            })
            .collect();
        json!({
            "docs": self.docs,
            "trade_flow": {
                "tp": t.tp, "fp": t.fp, "fn": t.fn_,
                "precision": t.precision, "recall": t.recall, "f1": t.f1,
                "macro_f1": t.macro_f1,
            },
            "slots": slots,
            "other": other,
        })
    }

    /// The exact text `score.py --json` prints (without the trailing
    /// newline): Python's key order, separators and float reprs.
    pub fn to_json_string(&self) -> String {
        let t = &self.trade_flow;
        let mut out = format!(
            "{{\"docs\": {}, \"trade_flow\": {{\"tp\": {}, \"fp\": {}, \"fn\": {}, \
             \"precision\": {}, \"recall\": {}, \"f1\": {}, \"macro_f1\": {}}}, \"slots\": {{",
            self.docs,
            t.tp,
            t.fp,
            t.fn_,
            py::float_repr(t.precision),
            py::float_repr(t.recall),
            py::float_repr(t.f1),
            py::float_repr(t.macro_f1),
        );
        let slots: Vec<String> = self
            .slots
            .iter()
            .map(|s| format!("{}: {}", py::json_str(&s.slot), py::float_repr(s.accuracy)))
            .collect();
        out.push_str(&slots.join(", "));
        out.push_str("}, \"other\": {");
        let other: Vec<String> = self
            .other
            .iter()
            .map(|(k, v)| {
                format!(
                    "{}: {{\"precision\": {}, \"recall\": {}, \"pred\": {}, \"gold\": {}}}",
                    py::json_str(k),
                    py_float_or_none(v.precision),
                    py_float_or_none(v.recall),
                    v.pred,
                    v.gold
                )
            })
            .collect();
        out.push_str(&other.join(", "));
        out.push_str("}}");
        out
    }

    /// The error lines `score.py --verbose` prints after its JSON, in order.
    pub fn error_lines(&self) -> Vec<String> {
        self.mismatches.iter().map(Mismatch::line).collect()
    }

    /// A report for people: every figure, per kind and overall; with
    /// `verbose`, each false negative, false positive and slot mismatch with
    /// its full evidence, then the non-trade claims that found no partner.
    pub fn render_text(&self, verbose: bool) -> String {
        let mut out = String::new();
        let t = &self.trade_flow;
        let _ = writeln!(out, "documents scored: {}", self.docs);
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "trade flows (units): gold {}, predicted {}, matched {}",
            t.tp + t.fn_,
            t.tp + t.fp,
            t.tp
        );
        let _ = writeln!(out, "  tp {}  fp {}  fn {}", t.tp, t.fp, t.fn_);
        let _ = writeln!(
            out,
            "  precision {:.4}  recall {:.4}  f1 {:.4}",
            t.precision, t.recall, t.f1
        );
        let _ = writeln!(
            out,
            "  macro f1 {:.4} over {} documents with a gold or predicted unit",
            t.macro_f1, t.macro_docs
        );
        let _ = writeln!(out);
        if self.slots.is_empty() {
            let _ = writeln!(out, "slots on matched units: no matched unit");
        } else {
            let _ = writeln!(out, "slots on matched units:");
            for s in &self.slots {
                let _ = writeln!(
                    out,
                    "  {:<10} {:.4}  ({}/{})",
                    s.slot, s.accuracy, s.correct, s.total
                );
            }
        }
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "other kinds (kind, evidence overlap):\n  {:<18} {:>9} {:>9} {:>12} {:>12}",
            "kind", "precision", "recall", "pred (ok)", "gold (found)"
        );
        for (kind, k) in &self.other {
            let _ = writeln!(
                out,
                "  {:<18} {:>9} {:>9} {:>12} {:>12}",
                kind,
                fmt_ratio(k.precision),
                fmt_ratio(k.recall),
                format!("{} ({})", k.pred, k.pred_matched),
                format!("{} ({})", k.gold, k.gold_matched),
            );
        }
        if !verbose {
            return out;
        }
        let _ = writeln!(out);
        let _ = writeln!(out, "trade-flow errors ({}):", self.mismatches.len());
        for m in &self.mismatches {
            let label = match &m.kind {
                MismatchKind::FalseNegative => "FN (missed)".to_string(),
                MismatchKind::FalsePositive => "FP (spurious)".to_string(),
                MismatchKind::Slot {
                    slot, gold, pred, ..
                } => format!(
                    "SLOT {slot}: gold {} / predicted {}",
                    py::repr(gold),
                    py::repr(pred)
                ),
            };
            let _ = writeln!(out, "  {}  {}", m.doc_id, label);
            let _ = writeln!(out, "      flow: {}", m.flow());
            write_evidence(&mut out, "evidence", &m.evidence);
            if let MismatchKind::Slot { pred_evidence, .. } = &m.kind {
                write_evidence(&mut out, "predicted evidence", pred_evidence);
            }
        }
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "other-kind claims without a partner ({}):",
            self.other_misses.len()
        );
        for m in &self.other_misses {
            let label = match m.side {
                Side::Gold => "missed",
                Side::Predicted => "spurious",
            };
            let _ = writeln!(out, "  {}  {} {}", m.doc_id, m.kind, label);
            write_evidence(&mut out, "evidence", &m.evidence);
        }
        out
    }
}
