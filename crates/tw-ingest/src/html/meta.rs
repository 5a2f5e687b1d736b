//! Page metadata: title, canonical URL, site name, publication dates.

use dom_query::Document as Dom;
use serde_json::Value;

/// What the page says about itself.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct PageMeta {
    pub title: Option<String>,
    /// `<link rel=canonical>`, else `og:url`; absolute http(s) only.
    pub canonical_url: Option<String>,
    pub site_name: Option<String>,
    /// Candidate publication dates, best first.
    pub dates: Vec<String>,
}

/// `<meta>` keys (property, name or itemprop, lower-cased) that carry a
/// publication date, best first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
];

/// How deep JSON-LD is searched for `datePublished` and the publisher.
const JSON_LD_MAX_DEPTH: usize = 8;

pub(crate) fn read(dom: &Dom) -> PageMeta {
    let mut metas: Vec<(String, String)> = Vec::new();
    for node in dom.select("meta").nodes() {
        let key = node
            .attr("property")
            .or_else(|| node.attr("name"))
            .or_else(|| node.attr("itemprop"));
        let value = node.attr("content").or_else(|| node.attr("datetime"));
        if let (Some(key), Some(value)) = (key, value) {
            let value = value.trim();
            if !value.is_empty() {
                metas.push((key.trim().to_ascii_lowercase(), value.to_string()));
            }
        }
    }
    let meta = |key: &str| metas.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());

    let json_ld: Vec<Value> = dom
        .select(r#"script[type="application/ld+json"]"#)
        .nodes()
        .iter()
        .filter_map(|node| serde_json::from_str(node.text().trim()).ok())
        .collect();

    let mut dates: Vec<String> = Vec::new();
    for key in &DATE_KEYS[..3] {
        dates.extend(meta(key));
    }
    for value in &json_ld {
        dates.extend(find_string(value, &["datePublished"], 0));
    }
    for key in &DATE_KEYS[3..] {
        dates.extend(meta(key));
    }
    let times = dom.select("time[datetime]");
    let pubdate = dom.select("time[pubdate][datetime]");
    for node in pubdate.nodes().iter().chain(times.nodes()).take(2) {
        dates.extend(node.attr("datetime").map(|d| d.trim().to_string()));
    }

    let canonical = dom
        .select(r#"link[rel="canonical"]"#)
        .nodes()
        .iter()
        .find_map(|node| node.attr("href").map(|h| h.trim().to_string()))
        .filter(|url| is_absolute_http(url))
        .or_else(|| meta("og:url").filter(|url| is_absolute_http(url)));

    let site_name = meta("og:site_name")
        .or_else(|| meta("application-name"))
        .or_else(|| {
            json_ld
                .iter()
                .find_map(|value| find_string(value, &["publisher", "name"], 0))
        });

    let title = meta("og:title")
        .or_else(|| meta("twitter:title"))
        .or_else(|| {
            let title = dom.select("title").text().trim().to_string();
            (!title.is_empty()).then_some(title)
        });

    PageMeta {
        title,
        canonical_url: canonical,
        site_name: site_name
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty()),
        dates,
    }
}

fn is_absolute_http(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// The first string at `path` (object keys) anywhere in `value`, searching
/// arrays and `@graph` lists depth-first.
fn find_string(value: &Value, path: &[&str], depth: usize) -> Option<String> {
    if depth > JSON_LD_MAX_DEPTH {
        return None;
    }
    match value {
        Value::Array(items) => items
            .iter()
            .find_map(|item| find_string(item, path, depth + 1)),
        Value::Object(map) => {
            if let Some(found) = follow(value, path) {
                return Some(found);
            }
            map.values()
                .filter(|v| v.is_object() || v.is_array())
                .find_map(|v| find_string(v, path, depth + 1))
        }
        _ => None,
    }
}

fn follow(value: &Value, path: &[&str]) -> Option<String> {
    let mut current = value;
    for key in path {
        current = current.get(key)?;
        if let Value::Array(items) = current {
            current = items.first()?;
        }
    }
    current
        .as_str()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_page_metadata() {
        let html = r#"<!doctype html><html><head>
            <title>Page Title | Site</title>
            <meta property="og:title" content="Wheat Deal Signed">
            <meta property="og:site_name" content="Grain Central">
            <meta name="DC.date" content="2020-01-02">
            <link rel="canonical" href="https://grain.example/2020/01/wheat">
            <script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": "2020-01-03T08:00:00Z"}]}</script>
            </head><body><time datetime="2020-01-04">Jan 4</time></body></html>"#;
        let meta = read(&Dom::from(html));
        assert_eq!(meta.title.as_deref(), Some("Wheat Deal Signed"));
        assert_eq!(meta.site_name.as_deref(), Some("Grain Central"));
        assert_eq!(
            meta.canonical_url.as_deref(),
            Some("https://grain.example/2020/01/wheat")
        );
        assert_eq!(
            meta.dates,
            ["2020-01-03T08:00:00Z", "2020-01-02", "2020-01-04"]
        );
    }

    #[test]
    fn prefers_article_published_time_and_ignores_relative_canonical() {
        let html = r#"<html><head><title>T</title>
            <meta property="article:published_time" content="2019-11-19T10:00:00+00:00">
            <meta property="og:url" content="https://news.example/a">
            <link rel="canonical" href="/a">
            <script type="application/ld+json">{"publisher": {"name": "News Example"}}</script>
            </head><body></body></html>"#;
        let meta = read(&Dom::from(html));
        assert_eq!(
            meta.dates.first().map(String::as_str),
            Some("2019-11-19T10:00:00+00:00")
        );
        assert_eq!(
            meta.canonical_url.as_deref(),
            Some("https://news.example/a")
        );
        assert_eq!(meta.site_name.as_deref(), Some("News Example"));
        assert_eq!(meta.title.as_deref(), Some("T"));
    }
}
