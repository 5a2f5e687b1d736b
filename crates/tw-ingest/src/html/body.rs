//! The article body of a page, as text with one paragraph a line.

use dom_query::Document as Dom;
use dom_smoothie::{Config, Readability, TextMode};

/// What Readability found.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Article {
    pub title: Option<String>,
    pub text: String,
    pub byline: Option<String>,
    pub lang: Option<String>,
}

fn exp(flag: &str) -> bool {
    std::env::var("TW_EXP").unwrap_or_default().split(',').any(|f| f == flag)
}

/// Extract the main content of `dom`. `url` (absolute) lets Readability
/// resolve links; a relative or missing one is simply not passed. When
/// Readability finds no article, the text of `<body>` is used.
pub(crate) fn extract(dom: Dom, url: Option<&str>) -> Article {
    let config = Config {
        text_mode: if exp("raw") { TextMode::Raw } else if exp("md") { TextMode::Markdown } else { TextMode::Formatted },
        keep_classes: exp("classes"),
        ..Config::default()
    };
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let mut readability = match Readability::with_document(dom, url, Some(config.clone())) {
        Ok(readability) => readability,
        Err(_) => return Article::default(),
    };
    match readability.parse() {
        Ok(article) => {
            let text = if exp("fig") || exp("classes") {
                let content = Dom::from(article.content.to_string());
                if exp("fig") {
                    content.select("figure, figcaption, caption").remove();
                }
                if exp("classes") {
                    let sel = std::env::var("TW_SEL").unwrap_or_else(|_| r#"[class*="caption"], [class*="credit"], [class*="share"], [class*="social"], [class*="related"], [class*="newsletter"], [class*="promo"], [class*="author-bio"], [class*="byline"], [class*="subscribe"], aside"#.to_string());
                    let total = content.select("body").text().len().max(1);
                    for node in content.select(&sel).nodes() {
                        if node.text().len() * 10 <= total * 3 { node.remove_from_parent(); }
                    }
                }
                content.select("body").formatted_text().to_string()
            } else {
                article.text_content.to_string()
            };
            let text = if exp("dedup") {
                let mut seen = std::collections::HashSet::new();
                text.lines().filter(|l| l.split_whitespace().count() < 4 || seen.insert(l.to_string())).collect::<Vec<_>>().join("\n")
            } else { text };
            Article {
                title: Some(article.title).filter(|t| !t.trim().is_empty()),
                text,
                byline: article.byline.filter(|b| !b.trim().is_empty()),
                lang: article.lang.filter(|l| !l.trim().is_empty()),
            }
        }
        Err(_) => Article {
            text: readability.doc.select("body").formatted_text().to_string(),
            ..Article::default()
        },
    }
}
