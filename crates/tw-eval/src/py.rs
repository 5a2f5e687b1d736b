//! Python semantics the reference scorer relies on, reproduced on
//! `serde_json::Value`s: truthiness, `==`, `repr`/`str`, `float()`,
//! `round(x, 4)`, `\s` and `json.dumps` text.
//!
//! The reference scorer (`shared/tools/score.py`) is the ground truth for
//! every figure, so these helpers copy Python's behaviour rather than what
//! would be natural in Rust (for example `True == 1` and `1 == 1.0` are equal
//! in Python but not as `serde_json::Value`s).

use serde_json::{Number, Value};

/// Python's truthiness (`bool(x)`) of a JSON value.
pub(crate) fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// A JSON number as Python sees it after `json.loads`: an exact int or a float.
#[derive(Clone, Copy)]
enum PyNum {
    Int(i128),
    Float(f64),
}

fn py_num(n: &Number) -> PyNum {
    if let Some(u) = n.as_u64() {
        PyNum::Int(i128::from(u))
    } else if let Some(i) = n.as_i64() {
        PyNum::Int(i128::from(i))
    } else {
        PyNum::Float(n.as_f64().unwrap_or(f64::NAN))
    }
}

fn num_eq(a: PyNum, b: PyNum) -> bool {
    match (a, b) {
        (PyNum::Int(x), PyNum::Int(y)) => x == y,
        (PyNum::Float(x), PyNum::Float(y)) => x == y,
        // Python compares an int and a float exactly, not after rounding the
        // int to a float.
        (PyNum::Int(i), PyNum::Float(f)) | (PyNum::Float(f), PyNum::Int(i)) => {
            f.is_finite() && f.fract() == 0.0 && f.abs() < 1e38 && f as i128 == i
        }
    }
}

/// Python's `==` between two values loaded by `json.loads`.
pub(crate) fn eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::String(x), Value::String(y)) => x == y,
        // bool is a subclass of int in Python: True == 1 == 1.0.
        (Value::Bool(_) | Value::Number(_), Value::Bool(_) | Value::Number(_)) => {
            let as_num = |v: &Value| match v {
                Value::Bool(b) => PyNum::Int(i128::from(*b)),
                Value::Number(n) => py_num(n),
                _ => PyNum::Float(f64::NAN),
            };
            num_eq(as_num(a), as_num(b))
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| eq(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| eq(v, w)))
        }
        _ => false,
    }
}

/// Python's `str.isspace()`, which is also what `re`'s `\s` matches in a str
/// pattern. It differs from `char::is_whitespace` by U+001C..U+001F.
pub(crate) fn is_space(c: char) -> bool {
    matches!(c, '\u{1c}'..='\u{1f}') || c.is_whitespace()
}

/// Python's `float(x)` for a JSON value; `None` where Python raises
/// `TypeError` or `ValueError`.
pub(crate) fn to_float(v: &Value) -> Option<f64> {
    match v {
        Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
        Value::Number(n) => n.as_f64(),
        Value::String(s) => parse_float(s),
        _ => None,
    }
}

/// `float(str)`: surrounding white space is allowed, as are single
/// underscores between digits (PEP 515), `inf`, `infinity` and `nan`.
fn parse_float(s: &str) -> Option<f64> {
    let t = s.trim_matches(is_space);
    if t.is_empty() {
        return None;
    }
    let cleaned;
    let t = if t.contains('_') {
        let chars: Vec<char> = t.chars().collect();
        for (k, c) in chars.iter().enumerate() {
            if *c == '_' {
                let before = k.checked_sub(1).map(|p| chars[p]);
                let after = chars.get(k + 1);
                let ok = before.is_some_and(|b| b.is_ascii_digit())
                    && after.is_some_and(|a| a.is_ascii_digit());
                if !ok {
                    return None;
                }
            }
        }
        cleaned = t.replace('_', "");
        cleaned.as_str()
    } else {
        t
    };
    let body = t.strip_prefix(['+', '-']).unwrap_or(t);
    let lower = body.to_ascii_lowercase();
    let special = matches!(lower.as_str(), "inf" | "infinity" | "nan");
    // Rust accepts the same decimal syntax as Python, but only ASCII; refuse
    // anything with letters other than an exponent so "0x10" stays an error.
    let plain = body
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'));
    if !special && !plain {
        return None;
    }
    t.parse::<f64>().ok()
}

/// Python's `round(x, 4)`: the double nearest to the decimal obtained by
/// rounding the exact binary value half-to-even. Rust's `{:.4}` formats the
/// exact value with the same tie rule, and parsing picks the nearest double,
/// as CPython does.
pub(crate) fn round4(x: f64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    format!("{x:.4}").parse().unwrap_or(x)
}

/// Python's `repr(float)`: the shortest round-trip digits, in fixed notation
/// when the decimal exponent is in -4..16, otherwise as `1e-05`.
pub(crate) fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".to_string();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    // `{:e}` gives the shortest round-trip digits: "-3.333e-1".
    let sci = format!("{f:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    if (-4..16).contains(&exp) {
        let point = exp + 1; // digits before the decimal point
        let (int_part, frac_part) = if point <= 0 {
            let zeros = "0".repeat(point.unsigned_abs() as usize);
            ("0".to_string(), format!("{zeros}{digits}"))
        } else if point as usize >= digits.len() {
            let zeros = "0".repeat(point as usize - digits.len());
            (format!("{digits}{zeros}"), String::new())
        } else {
            let (a, b) = digits.split_at(point as usize);
            (a.to_string(), b.to_string())
        };
        let frac_part = if frac_part.is_empty() {
            "0".to_string()
        } else {
            frac_part
        };
        format!("{sign}{int_part}.{frac_part}")
    } else {
        let (first, rest) = digits.split_at(1);
        let mant = if rest.is_empty() {
            first.to_string()
        } else {
            format!("{first}.{rest}")
        };
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{mant}e{esign}{:02}", exp.unsigned_abs())
    }
}

fn number_repr(n: &Number) -> String {
    match py_num(n) {
        PyNum::Int(i) => i.to_string(),
        PyNum::Float(f) => float_repr(f),
    }
}

/// Python's `str.isprintable()` for one character, for the characters that
/// plausibly occur in news text; `repr` escapes the others.
fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || is_space(c) {
        return false;
    }
    // Format characters (Cf), separators and private use that repr escapes.
    !matches!(c,
        '\u{ad}' | '\u{600}'..='\u{605}' | '\u{61c}' | '\u{6dd}' | '\u{70f}'
        | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206f}' | '\u{feff}'
        | '\u{fff9}'..='\u{fffb}' | '\u{e000}'..='\u{f8ff}'
        | '\u{f0000}'..='\u{10ffff}')
}

/// Python's `repr(str)`.
fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr(x)` (what `%r` prints) of a value loaded by `json.loads`.
/// Object keys come out in `serde_json`'s (sorted) order, where Python would
/// keep the file's order.
pub(crate) fn repr(v: &Value) -> String {
    match v {
        Value::Null => "None".to_string(),
        Value::Bool(true) => "True".to_string(),
        Value::Bool(false) => "False".to_string(),
        Value::Number(n) => number_repr(n),
        Value::String(s) => str_repr(s),
        Value::Array(a) => {
            let items: Vec<String> = a.iter().map(repr).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(o) => {
            let items: Vec<String> = o
                .iter()
                .map(|(k, v)| format!("{}: {}", str_repr(k), repr(v)))
                .collect();
            format!("{{{}}}", items.join(", "))
        }
    }
}

/// Python's `str(x)` (what `%s` prints).
pub(crate) fn str_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => repr(other),
    }
}

/// A JSON string literal as `json.dumps` writes it (`ensure_ascii=True`).
pub(crate) fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (' '..='\u{7e}').contains(&c) => out.push(c),
            c => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn equality_follows_python() {
        let table = [
            (json!(1), json!(1.0), true),
            (json!(true), json!(1), true),
            (json!(false), json!(0.0), true),
            (json!(null), json!(null), true),
            (json!(null), json!(""), false),
            (json!("1986"), json!(1986), false),
            (json!({"a": [1, 2]}), json!({"a": [1.0, 2]}), true),
            (json!({"a": 1}), json!({"a": 1, "b": 2}), false),
            (json!(9007199254740993u64), json!(9007199254740992.0), false),
        ];
        for (a, b, want) in table {
            assert_eq!(eq(&a, &b), want, "{a} == {b}");
            assert_eq!(eq(&b, &a), want, "{b} == {a}");
        }
    }

    #[test]
    fn truthiness_follows_python() {
        for (v, want) in [
            (json!(null), false),
            (json!(0), false),
            (json!(0.0), false),
            (json!(""), false),
            (json!([]), false),
            (json!({}), false),
            (json!(false), false),
            (json!("0"), true),
            (json!([0]), true),
            (json!({"value": null}), true),
            (json!(-1), true),
        ] {
            assert_eq!(truthy(&v), want, "{v}");
        }
    }

    #[test]
    fn float_parsing_follows_python() {
        for (s, want) in [
            (" 1_000 ", Some(1000.0)),
            ("1e3", Some(1000.0)),
            ("2.34", Some(2.34)),
            ("-.5", Some(-0.5)),
            ("1__0", None),
            ("_1", None),
            ("", None),
            ("0x10", None),
            ("12 t", None),
            ("Infinity", Some(f64::INFINITY)),
        ] {
            assert_eq!(parse_float(s), want, "{s:?}");
        }
        assert!(parse_float("nan").is_some_and(f64::is_nan));
        assert_eq!(to_float(&json!(true)), Some(1.0));
        assert_eq!(to_float(&json!(null)), None);
        assert_eq!(to_float(&json!([1])), None);
    }

    #[test]
    fn round4_is_half_even_on_the_exact_value() {
        // Expected values from CPython's round(x, 4).
        for (x, want) in [
            (0.03125, 0.0312),
            (0.15625, 0.1562),
            (0.96875, 0.9688),
            (0.12345, 0.1235),
            (2.0 / 3.0, 0.6667),
            (1.0 / 3.0, 0.3333),
            (0.00005, 0.0001),
            (1.0, 1.0),
            (0.0, 0.0),
        ] {
            assert_eq!(round4(x), want, "round({x}, 4)");
        }
    }

    #[test]
    fn float_repr_matches_python() {
        for (x, want) in [
            (0.0, "0.0"),
            (1.0, "1.0"),
            (0.3333, "0.3333"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (2340000.0, "2340000.0"),
            (1e16, "1e+16"),
            (123.456, "123.456"),
            (-2.5, "-2.5"),
            (1.5e-7, "1.5e-07"),
        ] {
            assert_eq!(float_repr(x), want);
        }
    }

    #[test]
    fn repr_matches_python() {
        for (v, want) in [
            (json!("occurred"), "'occurred'"),
            (json!("it's"), "\"it's\""),
            (json!("a'b\"c"), "'a\\'b\"c'"),
            (json!("tab\there"), "'tab\\there'"),
            (json!("caf\u{e9}\u{a0}"), "'caf\u{e9}\\xa0'"),
            (json!(null), "None"),
            (json!(true), "True"),
            (json!(1986), "1986"),
            (json!(2.5), "2.5"),
            (json!(["a", null]), "['a', None]"),
            (
                json!({"unit": "t", "value": 5}),
                "{'unit': 't', 'value': 5}",
            ),
        ] {
            assert_eq!(repr(&v), want);
        }
        assert_eq!(str_of(&json!("JP")), "JP");
        assert_eq!(str_of(&json!(null)), "None");
    }

    #[test]
    fn json_strings_are_ascii_escaped() {
        assert_eq!(json_str("any_kind"), "\"any_kind\"");
        assert_eq!(json_str("é\"\n"), "\"\\u00e9\\\"\\n\"");
        assert_eq!(json_str("\u{1f600}"), "\"\\ud83d\\ude00\"");
    }

    #[test]
    fn python_whitespace_includes_separators() {
        for c in [
            '\u{1c}', '\u{1f}', '\u{85}', '\u{a0}', '\u{3000}', '\u{2028}',
        ] {
            assert!(is_space(c), "{c:?}");
        }
        for c in ['\u{200b}', '\u{180e}', 'a', '\u{feff}'] {
            assert!(!is_space(c), "{c:?}");
        }
    }
}
