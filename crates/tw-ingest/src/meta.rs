//! Metadata read from URLs, and document ids.

use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use tw_model::PublishedDate;

#[derive(Deserialize)]
struct HostsFile {
    platforms: Vec<String>,
    country_second_levels: Vec<String>,
}

static HOSTS: LazyLock<HostsFile> = LazyLock::new(|| {
    toml::from_str(include_str!("../data/hosts.toml"))
        .expect("data/hosts.toml is valid (checked by tests)")
});

/// The host of an absolute http(s) URL, lower-cased, without port or user.
pub(crate) fn url_host(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    let host = host.split(':').next()?.trim_end_matches('.');
    (!host.is_empty() && host.contains('.')).then(|| host.to_ascii_lowercase())
}

/// The outlet name a URL's host stands for: the registered label (left of
/// the public suffix), or on a hosting platform the label left of the
/// platform, with its first letter capitalised: `www.reuters.com` →
/// "Reuters", `www.bbc.co.uk` → "Bbc", `frappler.blogspot.com` → "Frappler".
/// Hosts that are IP addresses name no outlet.
pub(crate) fn outlet_from_url(url: &str) -> Option<String> {
    let host = url_host(url)?;
    if host.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    let labels: Vec<&str> = host.split('.').collect();
    let hosts = &*HOSTS;
    let n = labels.len();
    // Index of the registered label.
    let mut registered = n.checked_sub(2)?;
    if n >= 3
        && labels[n - 1].len() == 2
        && hosts
            .country_second_levels
            .iter()
            .any(|l| l == labels[n - 2])
    {
        registered = n - 3;
    }
    let label = if registered > 0 && hosts.platforms.iter().any(|p| p == labels[registered]) {
        labels[registered - 1]
    } else {
        labels[registered]
    };
    let mut chars = label.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/((?:19|20)\d{2})/(0[1-9]|1[0-2])/(?:(0[1-9]|[12]\d|3[01])/)?")
        .expect("url date pattern is valid")
});

/// A date in a URL path: `/2022/11/` gives month precision, `/2022/11/04/`
/// day precision.
pub(crate) fn date_from_url(url: &str) -> Option<PublishedDate> {
    let path_start = url.find("://").map_or(0, |i| i + 3);
    let path = &url[path_start..];
    let path = &path[path.find('/')?..];
    let captures = URL_DATE.captures(path)?;
    let iso = match captures.get(3) {
        Some(day) => format!("{}-{}-{}", &captures[1], &captures[2], day.as_str()),
        None => format!("{}-{}", &captures[1], &captures[2]),
    };
    PublishedDate::parse(&iso)
}

/// The first 16 hex digits of the SHA-256 of `input`.
fn short_hash(input: &str) -> String {
    Sha256::digest(input.as_bytes())
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A document id: `given` (the caller's, then the input's), else
/// `url-<hash of the URL>`, else `doc-<hash of the clean text>` (the hash
/// of `tw_model::content_hash`, so spacing does not change it).
pub(crate) fn document_id(given: Option<&str>, url: Option<&str>, clean_text: &str) -> String {
    if let Some(id) = given.map(str::trim).filter(|id| !id.is_empty()) {
        return id.to_string();
    }
    if let Some(url) = url.map(str::trim).filter(|url| !url.is_empty()) {
        return format!("url-{}", short_hash(url));
    }
    let hash = tw_model::content_hash(clean_text);
    format!("doc-{}", &hash[..16])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_outlets_from_hosts() {
        let cases = [
            (
                "https://frappler.blogspot.com/2022/11/x.html",
                Some("Frappler"),
            ),
            ("https://www.reuters.com/world/", Some("Reuters")),
            ("http://www.bbc.co.uk/news", Some("Bbc")),
            ("https://edition.cnn.com/2022/11/04/asia", Some("Cnn")),
            ("https://user@Example.ORG:8080/path", Some("Example")),
            ("https://38north.org/2022/", Some("38north")),
            ("https://10.0.0.1/x", None),
            ("not a url", None),
            ("https://localhost/x", None),
        ];
        for (url, expected) in cases {
            assert_eq!(outlet_from_url(url).as_deref(), expected, "{url}");
        }
    }

    #[test]
    fn reads_dates_from_url_paths() {
        let iso = |url: &str| date_from_url(url).map(|d| d.iso);
        assert_eq!(
            iso("https://frappler.blogspot.com/2022/11/north-korea.html").as_deref(),
            Some("2022-11")
        );
        assert_eq!(
            iso("https://x.com/news/2022/11/04/story").as_deref(),
            Some("2022-11-04")
        );
        assert_eq!(iso("https://x.com/2022/13/story"), None);
        assert_eq!(iso("https://x.com/story-2022-11"), None);
        assert_eq!(iso("https://2022.com/x"), None);
    }

    #[test]
    fn derives_ids() {
        assert_eq!(
            document_id(Some("given"), Some("https://a.b/"), "t"),
            "given"
        );
        let from_url = document_id(None, Some("https://a.b/"), "t");
        assert!(
            from_url.starts_with("url-") && from_url.len() == 20,
            "{from_url}"
        );
        let a = document_id(None, None, "same  text");
        assert_eq!(a, document_id(Some("  "), None, "same text"));
        assert!(a.starts_with("doc-") && a.len() == 20);
    }
}
