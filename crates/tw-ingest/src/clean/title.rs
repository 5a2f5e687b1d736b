//! Headlines in plain text: whether a line looks like one, and a key under
//! which a repeated headline is recognised.

/// True when `line` reads like a headline: 2 to 25 words, at most 200
/// characters, no closing period, comma, colon or semicolon, not a byline,
/// and either in title case (at least 70 % of the words of four or more
/// letters capitalised) or all in capitals.
pub(crate) fn looks_like_headline(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if !(2..=25).contains(&words.len()) || line.chars().count() > 200 {
        return false;
    }
    if (line.ends_with('.') && !line.ends_with("...")) || line.ends_with([',', ':', ';']) {
        return false;
    }
    if words[0].eq_ignore_ascii_case("by") {
        return false;
    }
    let letters: String = line.chars().filter(|c| c.is_alphabetic()).collect();
    if !letters.is_empty() && letters.chars().all(char::is_uppercase) {
        return true;
    }
    let long_words: Vec<&str> = words
        .iter()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() >= 4 && w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    if long_words.is_empty() {
        return false;
    }
    let capitalised = long_words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    capitalised * 10 >= long_words.len() * 7
}

/// Key for comparing headlines: lower-case words of letters and digits.
pub(crate) fn title_key(line: &str) -> String {
    let mut key = String::with_capacity(line.len());
    for word in line
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !key.is_empty() {
            key.push(' ');
        }
        if word.is_ascii() {
            let at = key.len();
            key.push_str(word);
            key[at..].make_ascii_lowercase();
        } else {
            key.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_headlines() {
        let cases = [
            (
                "North Korea Begins Preparations to Open New Trade Offices Throughout Russia",
                true,
            ),
            ("BAHIA COCOA REVIEW", true),
            ("Wheat Exports to Egypt Rise?", true),
            (
                "North Korea recently began preparations to open new trade offices.",
                false,
            ),
            (
                "According to the source, the new trade offices will help expand imports",
                false,
            ),
            ("By John Smith", false),
            ("Header", false),
            ("Traders said:", false),
        ];
        for (line, expected) in cases {
            assert_eq!(looks_like_headline(line), expected, "{line}");
        }
    }

    #[test]
    fn keys_ignore_case_and_punctuation() {
        assert_eq!(
            title_key("Trade Offices: Russia!"),
            title_key("trade offices russia")
        );
        assert_ne!(title_key("Trade offices"), title_key("Trade office"));
    }
}
