//! A cheap pre-scan for nesting depth, run before the HTML parser so that a
//! page built to be pathologically deep is refused with a reason instead of
//! exhausting the stack in tree walks later (reliability-ux.md A2).
//!
//! The scan approximates the tree builder: it counts open and close tags of
//! elements that must be closed, ignoring void elements, elements whose end
//! tag is optional (`p`, `li`, `td`, ...), comments and raw-text elements.

/// Elements without content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "command", "basefont", "bgsound", "frame", "image", "isindex",
];

/// Elements whose end tag may be left out; sloppy pages leave them open.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
    "colgroup", "caption", "rb", "rt", "rtc", "rp", "html", "head", "body",
];

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// The greatest nesting depth the scan sees, stopping early once it passes
/// `limit`.
pub(crate) fn max_depth(html: &str, limit: usize) -> usize {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut i = 0usize;
    while let Some(offset) = memchr(b'<', &bytes[i..]) {
        i += offset + 1;
        let Some(&next) = bytes.get(i) else { break };
        if next == b'!' {
            // Comment, doctype or CDATA.
            let end = if bytes[i..].starts_with(b"!--") {
                find(&bytes[i..], b"-->").map(|e| e + 3)
            } else {
                memchr(b'>', &bytes[i..]).map(|e| e + 1)
            };
            match end {
                Some(end) => i += end,
                None => break,
            }
            continue;
        }
        let closing = next == b'/';
        let name_start = if closing { i + 1 } else { i };
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let Some(tag_end) = memchr(b'>', &bytes[name_start..]).map(|e| name_start + e) else {
            break;
        };
        let self_closing = tag_end > 0 && bytes[tag_end - 1] == b'/';
        i = tag_end + 1;
        let name = name.as_str();
        if VOID.contains(&name) || OPTIONAL_END.contains(&name) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        if RAW_TEXT.contains(&name) {
            let close = format!("</{name}");
            match find_ignore_case(&bytes[i..], close.as_bytes()) {
                Some(end) => i += end,
                None => break,
            }
            continue;
        }
        if self_closing {
            continue;
        }
        depth += 1;
        deepest = deepest.max(depth);
        if deepest > limit {
            break;
        }
    }
    deepest
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_depth() {
        let cases = [
            ("<div><div><span>x</span></div></div>", 3),
            ("<p>one<p>two<p>three", 0),
            ("<ul><li>a<li>b</ul>", 1),
            ("<div><br><img src=x><br/></div>", 1),
            ("<div><!-- <div><div> --></div>", 1),
            ("<script>if (a<b) { '<div><div>' }</script><div></div>", 1),
            ("<div/><div/>", 0),
            ("a < b and c > d", 0),
        ];
        for (html, expected) in cases {
            assert_eq!(max_depth(html, 100), expected, "{html}");
        }
        let deep = "<div>".repeat(100_000);
        assert_eq!(max_depth(&deep, 512), 513);
    }
}
