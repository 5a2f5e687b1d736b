//! Conversion between byte offsets (what Rust string slicing uses) and
//! character offsets (what exports and SPEC.md use).

/// Maps byte offsets of one text to Unicode scalar (character) offsets.
///
/// Built once per text; each lookup is a binary search.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offset of every character start, plus the text length at the end.
    starts: Vec<usize>,
}

impl CharIndex {
    /// Index `text`.
    pub fn new(text: &str) -> CharIndex {
        let mut starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        starts.push(text.len());
        CharIndex { starts }
    }

    /// The character offset of byte offset `byte` (rounded down to a
    /// character boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        match self.starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The byte offset of character offset `ch` (clamped to the text end).
    pub fn byte_offset(&self, ch: usize) -> usize {
        self.starts[ch.min(self.starts.len() - 1)]
    }
}

/// Character offsets of the byte range `start..end` of `text`.
pub fn byte_to_char_offsets(text: &str, start: usize, end: usize) -> (usize, usize) {
    let index = CharIndex::new(text);
    (index.char_offset(start), index.char_offset(end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multibyte_offsets_round_trip() {
        let text = "North Korea’s “gas” ok";
        let index = CharIndex::new(text);
        let byte = text.find("gas").unwrap();
        let ch = index.char_offset(byte);
        assert_eq!(text.chars().skip(ch).take(3).collect::<String>(), "gas");
        assert_eq!(index.byte_offset(ch), byte);
        assert_eq!(index.char_offset(text.len()), text.chars().count());
    }
}
