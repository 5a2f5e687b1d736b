//! The building blocks of SPEC.md section 4, each a transcription of the
//! function of the same name in `shared/tools/score.py`: evidence
//! normalisation and overlap, head nouns, commodity keys, per-commodity units
//! with repeats merged, one-to-one pairing and quantity agreement.

use serde_json::{json, Value};

use crate::py;

/// The value of `key` in `v` when `v` is an object, as Python's
/// `dict.get(key)` (absent and non-objects read as `None`).
pub(crate) fn get<'a>(v: &'a Value, key: &str) -> &'a Value {
    static NULL: Value = Value::Null;
    v.get(key).unwrap_or(&NULL)
}

/// The claim's `kind` when it is a string.
pub(crate) fn kind_of(claim: &Value) -> Option<&str> {
    claim.get("kind").and_then(Value::as_str)
}

/// `norm`: runs of white space (Python's `\s`) become one space, then trim.
pub(crate) fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_space = false;
    for c in s.chars() {
        if py::is_space(c) {
            in_space = true;
        } else {
            if in_space && !out.is_empty() {
                out.push(' ');
            }
            in_space = false;
            out.push(c);
        }
    }
    out
}

/// `ev_texts`: the normalised evidence strings of a claim's `evidence`
/// (a string, a list of strings, or a list of `{text, ...}`).
pub(crate) fn ev_texts(ev: &Value) -> Vec<String> {
    match ev {
        Value::String(s) => vec![norm(s)],
        Value::Array(items) => items
            .iter()
            .filter_map(|e| match e {
                Value::String(s) => Some(norm(s)),
                Value::Object(_) => match get(e, "text") {
                    Value::String(t) if !t.is_empty() => Some(norm(t)),
                    _ => None,
                },
                _ => None,
            })
            .collect(),
        // Python iterates a dict's keys; it raises on other scalars.
        Value::Object(o) => o.keys().map(|k| norm(k)).collect(),
        _ => Vec::new(),
    }
}

/// Byte offsets of every char boundary of `s`, including `s.len()`, so that
/// Python's code-point slicing can be reproduced.
fn char_bounds(s: &str) -> Vec<usize> {
    s.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(s.len()))
        .collect()
}

/// The reference scorer's window: 25 characters, tried every 8 characters.
const WINDOW: usize = 25;
const STEP: usize = 8;

/// `overlaps`: two evidence lists share a stretch of text (one contains the
/// other, or a 25-character window of the shorter, taken every 8 characters,
/// occurs in the longer). The argument order matters when both texts have the
/// same length (the windows are then taken from `b`), as in Python.
pub(crate) fn overlaps(a: &[String], b: &[String]) -> bool {
    for x in a {
        for y in b {
            if x.is_empty() || y.is_empty() {
                continue;
            }
            // Substring search on UTF-8 bytes equals code-point search.
            if y.contains(x.as_str()) || x.contains(y.as_str()) {
                return true;
            }
            let (len_x, len_y) = (x.chars().count(), y.chars().count());
            let (short, long, len_short) = if len_x < len_y {
                (x, y, len_x)
            } else {
                (y, x, len_y)
            };
            let bounds = char_bounds(short);
            let end = len_short.saturating_sub(WINDOW).max(1);
            let mut i = 0;
            while i < end {
                let j = (i + WINDOW).min(len_short);
                if long.contains(&short[bounds[i]..bounds[j]]) {
                    return true;
                }
                i += STEP;
            }
        }
    }
    false
}

/// `head_noun`: the last run of ASCII letters of the lower-cased text.
pub(crate) fn head_noun(text: &Value) -> String {
    let Value::String(text) = text else {
        return String::new();
    };
    let lower = text.to_lowercase();
    lower
        .split(|c: char| !c.is_ascii_lowercase())
        .rfind(|w| !w.is_empty())
        .unwrap_or("")
        .to_string()
}

/// An HS code as text; Python would raise on a number, we read its digits.
fn hs_text(hs: &Value) -> String {
    match hs {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// `commodity_key`: gold commodity `g` and predicted commodity `p` name the
/// same goods (HS codes agree on the shorter length, at least 2; otherwise the
/// head nouns agree).
pub(crate) fn commodity_key(g: &Value, p: &Value) -> bool {
    let (gh, ph) = (get(g, "hs"), get(p, "hs"));
    if py::truthy(gh) && py::truthy(ph) {
        let (gh, ph): (Vec<char>, Vec<char>) =
            (hs_text(gh).chars().collect(), hs_text(ph).chars().collect());
        let n = gh.len().min(ph.len()).max(2);
        return gh[..n.min(gh.len())] == ph[..n.min(ph.len())];
    }
    head_noun(get(g, "text")) == head_noun(get(p, "text"))
}

/// `same_goods`: exact identity, used to merge repeats within one side.
fn same_goods(a: &Value, b: &Value) -> bool {
    let (ah, bh) = (get(a, "hs"), get(b, "hs"));
    if py::truthy(ah) || py::truthy(bh) {
        return py::eq(ah, bh);
    }
    head_noun(get(a, "text")) == head_noun(get(b, "text"))
}

/// One trade-flow unit: a claim cut down to one commodity.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    pub exporter: Value,
    pub importer: Value,
    pub commodity: Value,
    pub status: Value,
    pub certainty: Value,
    pub time: Value,
    pub quantity: Value,
    /// Normalised evidence, merged from every repeat.
    pub evidence: Vec<String>,
}

impl Unit {
    /// A slot by the name score.py uses.
    pub fn slot(&self, name: &str) -> &Value {
        match name {
            "status" => &self.status,
            "certainty" => &self.certainty,
            "time" => &self.time,
            _ => &self.quantity,
        }
    }
}

/// `units`: split trade_flow claims into per-commodity units, merging repeats
/// (same exporter, importer, goods, status and time).
pub(crate) fn units<'a>(claims: impl IntoIterator<Item = &'a Value>) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    for c in claims {
        if kind_of(c) != Some("trade_flow") {
            continue;
        }
        let default = [json!({"text": "", "hs": null})];
        let commodities: &[Value] = match get(c, "commodities") {
            Value::Array(list) if !list.is_empty() => list,
            _ => &default,
        };
        for cm in commodities {
            let unit = Unit {
                exporter: get(c, "exporter").clone(),
                importer: get(c, "importer").clone(),
                commodity: cm.clone(),
                status: get(c, "status").clone(),
                certainty: get(c, "certainty").clone(),
                time: get(c, "time").clone(),
                quantity: get(c, "quantity").clone(),
                evidence: ev_texts(get(c, "evidence")),
            };
            let dup = out.iter_mut().find(|v| {
                py::eq(&v.exporter, &unit.exporter)
                    && py::eq(&v.importer, &unit.importer)
                    && same_goods(&v.commodity, cm)
                    && py::eq(&v.status, &unit.status)
                    && py::eq(&v.time, &unit.time)
            });
            match dup {
                Some(v) => v.evidence.extend(unit.evidence),
                None => out.push(unit),
            }
        }
    }
    out
}

fn same_key(g: &Unit, p: &Unit) -> bool {
    py::eq(&g.exporter, &p.exporter)
        && py::eq(&g.importer, &p.importer)
        && commodity_key(&g.commodity, &p.commodity)
}

/// `pair`: one-to-one pairing of gold and predicted units with the same key,
/// preferring evidence overlap (worth 2), then status and time agreement
/// (1 each). Candidates are taken greedily in descending `(score, i, j)`
/// order, exactly as Python's `sort(reverse=True)` on tuples.
pub(crate) fn pair(gold: &[Unit], pred: &[Unit]) -> Vec<(usize, usize)> {
    let mut cands: Vec<(u8, usize, usize)> = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        for (j, p) in pred.iter().enumerate() {
            if same_key(g, p) {
                let score = if overlaps(&g.evidence, &p.evidence) {
                    2
                } else {
                    0
                } + u8::from(py::eq(&g.status, &p.status))
                    + u8::from(py::eq(&g.time, &p.time));
                cands.push((score, i, j));
            }
        }
    }
    cands.sort_unstable_by(|a, b| b.cmp(a));
    let mut used_g = vec![false; gold.len()];
    let mut used_p = vec![false; pred.len()];
    let mut pairs = Vec::new();
    for (_, i, j) in cands {
        if used_g[i] || used_p[j] {
            continue;
        }
        used_g[i] = true;
        used_p[j] = true;
        pairs.push((i, j));
    }
    pairs
}

/// `qty_equal`: both absent, or the same unit and values within 1 %.
pub(crate) fn qty_equal(a: &Value, b: &Value) -> bool {
    match (py::truthy(a), py::truthy(b)) {
        (false, false) => return true,
        (true, true) => {}
        _ => return false,
    }
    let (Some(va), Some(vb)) = (py::to_float(get(a, "value")), py::to_float(get(b, "value")))
    else {
        return false;
    };
    let scale = va.abs().max(vb.abs()).max(1e-9);
    py::eq(get(a, "unit"), get(b, "unit")) && (va - vb).abs() <= 0.01 * scale
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn norm_collapses_python_whitespace() {
        for (input, want) in [
            ("  a \n\t b  ", "a b"),
            ("a\u{a0}b", "a b"),
            ("a\u{1c}b", "a b"),
            ("a\u{200b}b", "a\u{200b}b"),
            ("", ""),
            (" \n ", ""),
        ] {
            assert_eq!(norm(input), want, "{input:?}");
        }
    }

    #[test]
    fn evidence_shapes() {
        assert_eq!(ev_texts(&json!("a  b")), s(&["a b"]));
        assert_eq!(ev_texts(&json!("")), s(&[""]));
        assert_eq!(
            ev_texts(&json!(["x", {"text": "y ", "start": 0}, {"text": ""}, {"start": 1}, 5])),
            s(&["x", "y"])
        );
        assert!(ev_texts(&json!(null)).is_empty());
    }

    #[test]
    fn overlap_by_containment_and_windows() {
        let long = "The Soviet Union bought 1.5 mln tonnes of U.S. wheat last week, traders said.";
        // Containment either way.
        assert!(overlaps(&s(&["bought 1.5 mln"]), &s(&[long])));
        assert!(overlaps(&s(&[long]), &s(&["bought 1.5 mln"])));
        // A 25-character stretch starting at a multiple of 8 in the shorter.
        let shorter = "XXXXXXXXSoviet Union bought 1.5 mln tonnesYYYYYYYYYYYYYY";
        assert!(overlaps(&s(&[shorter]), &s(&[long])));
        // Empty strings never overlap, not even with themselves.
        assert!(!overlaps(&s(&[""]), &s(&[""])));
        assert!(!overlaps(&s(&["abc"]), &s(&["xyz"])));
    }

    #[test]
    fn overlap_windows_stop_before_the_tail() {
        // 40 characters: windows start at 0 and 8 only (range(0, 15, 8)), so
        // a stretch shared only at the end is not seen.
        let a = format!("{}{}", "a".repeat(15), "SHARED-TAIL-OF-25-CHARSXX");
        let b = format!("{}{}", "SHARED-TAIL-OF-25-CHARSXX", "b".repeat(30));
        assert_eq!(a.chars().count(), 40);
        assert!(!overlaps(&s(&[&a]), &s(&[&b])));
        // Counted in characters, not bytes.
        let c = format!("{}{}!", "é".repeat(8), "SHARED-STRETCH-OF-25-CHAR");
        let d = format!(
            "zz{}zzzzzzzzzzzzzzzzzzzzzzzzzz",
            "SHARED-STRETCH-OF-25-CHAR"
        );
        assert!(overlaps(&s(&[&c]), &s(&[&d])));
    }

    #[test]
    fn head_nouns() {
        for (text, want) in [
            (json!("Wheat Flour"), "flour"),
            (json!("U.S. corn"), "corn"),
            (json!("soybeans, 1986/87"), "soybeans"),
            (json!("1986"), ""),
            (json!(null), ""),
            (json!("Crème brûlée"), "e"),
        ] {
            assert_eq!(head_noun(&text), want, "{text}");
        }
    }

    #[test]
    fn commodity_keys() {
        let table = [
            (
                json!({"text": "wheat", "hs": "1001"}),
                json!({"text": "grain", "hs": "10"}),
                true,
            ),
            (
                json!({"text": "wheat", "hs": "1001"}),
                json!({"text": "x", "hs": "100190"}),
                true,
            ),
            (
                json!({"text": "wheat", "hs": "1001"}),
                json!({"text": "wheat", "hs": "1101"}),
                false,
            ),
            (
                json!({"text": "oil", "hs": "2"}),
                json!({"text": "x", "hs": "27"}),
                false,
            ),
            (
                json!({"text": "corn", "hs": null}),
                json!({"text": "yellow corn", "hs": "1005"}),
                true,
            ),
            (
                json!({"text": "corn", "hs": ""}),
                json!({"text": "maize", "hs": "1005"}),
                false,
            ),
            (json!({"text": "corn"}), json!({"text": "CORN"}), true),
        ];
        for (g, p, want) in table {
            assert_eq!(commodity_key(&g, &p), want, "{g} ~ {p}");
        }
    }

    #[test]
    fn repeats_merge_into_one_unit() {
        let claims = [
            json!({"kind": "trade_flow", "exporter": "US", "importer": "SU",
                   "commodities": [{"text": "wheat", "hs": "1001"}, {"text": "corn", "hs": "1005"}],
                   "status": "occurred", "time": "1987", "evidence": "first"}),
            json!({"kind": "trade_flow", "exporter": "US", "importer": "SU",
                   "commodities": [{"text": "US wheat", "hs": "1001"}],
                   "status": "occurred", "time": "1987", "evidence": ["second"]}),
            json!({"kind": "trade_flow", "exporter": "US", "importer": "SU",
                   "commodities": [{"text": "wheat", "hs": "1001"}],
                   "status": "planned", "time": "1987", "evidence": "third"}),
            json!({"kind": "trade_flow", "exporter": "US", "importer": "SU",
                   "commodities": [], "status": "occurred", "evidence": "fourth"}),
            json!({"kind": "market", "evidence": "ignored"}),
        ];
        let u = units(&claims);
        assert_eq!(u.len(), 4);
        assert_eq!(u[0].evidence, s(&["first", "second"]));
        assert_eq!(u[2].evidence, s(&["third"]));
        assert_eq!(u[3].commodity, json!({"text": "", "hs": null}));
    }

    #[test]
    fn pairing_prefers_overlap_then_agreement_then_larger_indices() {
        let unit = |ev: &str, status: &str| Unit {
            exporter: json!("US"),
            importer: json!("SU"),
            commodity: json!({"text": "wheat", "hs": "1001"}),
            status: json!(status),
            certainty: json!("official"),
            time: json!(null),
            quantity: json!(null),
            evidence: s(&[ev]),
        };
        let gold = [unit("alpha", "occurred"), unit("beta", "occurred")];
        let pred = [unit("beta", "planned"), unit("gamma", "occurred")];
        // (0,0): 0+0+1, (0,1): 0+1+1, (1,0): 2+0+1, (1,1): 0+1+1.
        assert_eq!(pair(&gold, &pred), vec![(1, 0), (0, 1)]);
        // All ties: larger i first, then larger j.
        let gold = [unit("x", "occurred"), unit("y", "occurred")];
        let pred = [unit("z", "occurred"), unit("w", "occurred")];
        assert_eq!(pair(&gold, &pred), vec![(1, 1), (0, 0)]);
    }

    #[test]
    fn quantities() {
        let table = [
            (json!(null), json!(null), true),
            (json!({}), json!(null), true),
            (
                json!({"value": 100, "unit": "t"}),
                json!({"value": 100.9, "unit": "t"}),
                true,
            ),
            (
                json!({"value": 100, "unit": "t"}),
                json!({"value": 101.5, "unit": "t"}),
                false,
            ),
            (
                json!({"value": 100, "unit": "t"}),
                json!({"value": 100, "unit": "bbl"}),
                false,
            ),
            (
                json!({"value": "1_000", "unit": "t"}),
                json!({"value": 1000, "unit": "t"}),
                true,
            ),
            (
                json!({"value": null, "unit": "t"}),
                json!({"value": null, "unit": "t"}),
                false,
            ),
            (
                json!({"value": 0, "unit": "t"}),
                json!({"value": 0.0, "unit": "t"}),
                true,
            ),
            (json!({"value": 5, "unit": "t"}), json!(null), false),
        ];
        for (a, b, want) in table {
            assert_eq!(qty_equal(&a, &b), want, "{a} vs {b}");
        }
    }
}
