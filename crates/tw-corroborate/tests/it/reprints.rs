use tw_corroborate::{fingerprint, Corroborator, Role};
use tw_model::{Document, PublishedDate};

/// xorshift64: a fixed stream, so the test is deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const SYLLABLES: [&str; 24] = [
    "ka", "ro", "mi", "ten", "sa", "lo", "ve", "dra", "no", "pe", "tu", "gri", "an", "sol", "ber",
    "mo", "li", "ta", "ex", "por", "im", "co", "un", "der",
];

fn word(rng: &mut Rng) -> String {
    let syllables = 1 + rng.below(3);
    (0..syllables)
        .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
        .collect()
}

/// A 300-word article.
fn article(rng: &mut Rng) -> Vec<String> {
    (0..300).map(|_| word(rng)).collect()
}

/// Re-edit an article as republishers do: about a fifth of the words
/// changed (each change breaks the three shingles around it), one
/// paragraph cut, an intro and a footer added.
fn reprint(words: &[String], rng: &mut Rng) -> Vec<String> {
    let cut = 20 + rng.below(200);
    let mut out: Vec<String> =
        "this story was first published elsewhere and is shared with our readers"
            .split(' ')
            .map(str::to_string)
            .collect();
    for (i, w) in words.iter().enumerate() {
        if (cut..cut + 25).contains(&i) {
            continue;
        }
        if rng.below(100) < 21 {
            out.push(word(rng));
        } else {
            out.push(w.clone());
        }
    }
    out.extend(
        "subscribe to our newsletter for more stories like this one every week"
            .split(' ')
            .map(str::to_string),
    );
    out
}

fn doc(id: String, date: &str, words: &[String]) -> Document {
    Document {
        id,
        source: Some("Outlet".into()),
        published: PublishedDate::parse(date),
        text: words.join(" "),
        ..Document::default()
    }
}

#[test]
fn reprints_sharing_a_third_of_their_shingles_are_found() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut corroborator = Corroborator::new();
    let pairs = 60;
    let mut jaccards = Vec::new();
    for i in 0..pairs {
        let original = article(&mut rng);
        let copy = reprint(&original, &mut rng);
        let (a, b) = (
            doc(format!("a{i}"), "2022-11-04", &original),
            doc(format!("b{i}"), "2022-11-06", &copy),
        );
        let j = fingerprint(&a.text).jaccard(&fingerprint(&b.text));
        jaccards.push(j);
        corroborator.add(&a, &[]);
        corroborator.add(&b, &[]);
    }
    let mean = jaccards.iter().sum::<f64>() / jaccards.len() as f64;
    assert!((0.26..0.36).contains(&mean), "mean Jaccard {mean}");
    assert!(jaccards.iter().all(|&j| j < 0.45), "{jaccards:?}");

    let mut found = 0;
    for (i, &j) in jaccards.iter().enumerate() {
        let story = corroborator.story_of(&format!("b{i}")).unwrap();
        if story.members.len() == 2 {
            assert_eq!(story.members[0].doc_id, format!("a{i}"));
            assert_eq!(story.members[1].role, Role::Derivative);
            found += 1;
        } else {
            assert_eq!(
                story.members.len(),
                1,
                "unrelated articles joined: {story:?}"
            );
            // The design guarantee: banding catches J >= 0.25 with
            // probability 0.984 and such pairs have containment >= 0.40.
            assert!(j < 0.25, "pair {i} with Jaccard {j:.3} missed");
        }
    }
    assert!(
        found * 10 >= pairs * 8,
        "found {found} of {pairs}: {jaccards:?}"
    );
}
