//! HTML: the article body (dom_smoothie's Readability port) and the page's
//! metadata (dom_query, the DOM dom_smoothie itself uses).

pub(crate) mod body;
pub(crate) mod depth;
pub(crate) mod meta;
