//! The article body of a page, as text with one paragraph a line.
//!
//! dom_smoothie (a port of Mozilla's Readability) finds the main content;
//! then page furniture inside it (captions, share bars, author boxes, listed
//! in `data/html_furniture.toml`) is removed, and the text is taken with a
//! blank line after each block element so paragraphs stay apart.

use std::sync::LazyLock;

use dom_query::{Document as Dom, Matcher, NodeRef};
use dom_smoothie::{Config, Readability, TextMode};
use serde::Deserialize;

/// What Readability found.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Article {
    pub title: Option<String>,
    pub text: String,
    pub byline: Option<String>,
    pub lang: Option<String>,
}

#[derive(Deserialize)]
struct FurnitureFile {
    max_share: f64,
    elements: Vec<String>,
    class_fragments: Vec<String>,
}

struct Furniture {
    matcher: Matcher,
    max_share: f64,
}

static FURNITURE: LazyLock<Furniture> = LazyLock::new(|| {
    let file: FurnitureFile = toml::from_str(include_str!("../../data/html_furniture.toml"))
        .expect("data/html_furniture.toml is valid (checked by tests)");
    let selectors: Vec<String> = file
        .elements
        .iter()
        .cloned()
        .chain(
            file.class_fragments
                .iter()
                .map(|fragment| format!(r#"[class*="{fragment}"]"#)),
        )
        .collect();
    Furniture {
        matcher: Matcher::new(&selectors.join(", "))
            .expect("data/html_furniture.toml selectors parse"),
        max_share: file.max_share,
    }
});

/// The element Readability puts the article in.
static ARTICLE_ROOT: LazyLock<Matcher> =
    LazyLock::new(|| Matcher::new("#readability-page-1").expect("valid selector"));
static BODY: LazyLock<Matcher> = LazyLock::new(|| Matcher::new("body").expect("valid selector"));

/// Extract the main content of `dom`. `url` (absolute) lets Readability
/// resolve links; a relative or missing one is simply not passed. When
/// Readability finds no article, the text of `<body>` is used.
pub(crate) fn extract(dom: Dom, url: Option<&str>) -> Article {
    let config = Config {
        // Classes are needed to recognise furniture afterwards; the text is
        // taken from the tree, so Readability's own text output is unused
        // (Raw is its cheapest).
        keep_classes: true,
        text_mode: TextMode::Raw,
        ..Config::default()
    };
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let mut readability = match Readability::with_document(dom, url, Some(config)) {
        Ok(readability) => readability,
        Err(_) => return Article::default(),
    };
    match readability.parse() {
        Ok(article) => {
            let root = readability.doc.select_single_matcher(&ARTICLE_ROOT);
            let text = root.nodes().first().map(text_without_furniture);
            Article {
                title: Some(article.title).filter(|t| !t.trim().is_empty()),
                text: text.unwrap_or_else(|| article.text_content.to_string()),
                byline: article.byline.filter(|b| !b.trim().is_empty()),
                lang: article.lang.filter(|l| !l.trim().is_empty()),
            }
        }
        Err(_) => {
            let body = readability.doc.select_single_matcher(&BODY);
            Article {
                text: body
                    .nodes()
                    .first()
                    .map(text_without_furniture)
                    .unwrap_or_default(),
                ..Article::default()
            }
        }
    }
}

/// The formatted text of `root` once furniture is removed; an element that
/// holds more than `max_share` of the text is kept (it is likely a wrapper
/// whose class merely contains a listed fragment).
fn text_without_furniture(root: &NodeRef) -> String {
    let furniture = &*FURNITURE;
    let total = root.text().len().max(1) as f64;
    let selection = dom_query::Selection::from(*root).select_matcher(&furniture.matcher);
    for node in selection.nodes() {
        if node.text().len() as f64 <= total * furniture.max_share {
            node.remove_from_parent();
        }
    }
    root.formatted_text().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_paragraphs_and_drops_captions() {
        let paragraph = "Wheat exports rose sharply in the first quarter, the ministry said on Tuesday, citing strong demand from buyers in North Africa and the Middle East. ";
        let html = format!(
            "<html><head><title>Wheat exports rise</title></head><body><nav>Home News</nav><article>\
             <h1>Wheat exports rise</h1>\
             <p>{p}</p><figure><img src=a.jpg><figcaption>A ship loads grain in the port. (Photo: Agency)</figcaption></figure>\
             <p>{p}</p><div class=\"share-bar\"><ul><li><a href=f>Share on Facebook</a></li></ul></div><p>{p}</p></article></body></html>",
            p = paragraph.repeat(3)
        );
        let article = extract(Dom::from(html), None);
        assert!(
            !article.text.contains("ship loads grain"),
            "{}",
            article.text
        );
        assert!(
            !article.text.contains("Share on Facebook"),
            "{}",
            article.text
        );
        let paragraphs: Vec<&str> = article
            .text
            .split("\n\n")
            .filter(|p| p.contains("Wheat"))
            .collect();
        assert_eq!(paragraphs.len(), 3, "{}", article.text);
    }

    #[test]
    fn keeps_a_wrapper_whose_class_looks_like_furniture() {
        let paragraph = "The ministry said exports of wheat flour to the region doubled last year as new mills opened. ";
        let html = format!(
            "<html><body><div class=\"post-meta-wrapper\"><article><p>{p}</p><p>{p}</p><p>{p}</p></article></div></body></html>",
            p = paragraph.repeat(4)
        );
        let article = extract(Dom::from(html), None);
        assert!(
            article.text.contains("exports of wheat flour"),
            "{}",
            article.text
        );
    }
}
