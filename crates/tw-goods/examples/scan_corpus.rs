use std::io::BufRead;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let mode = std::env::args().nth(2).unwrap_or_default();
    let file = std::io::BufReader::new(std::fs::File::open(path).unwrap());
    let texts: Vec<String> = file
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(&l.unwrap()).unwrap();
            v["text"].as_str().unwrap_or("").to_string()
        })
        .collect();
    let lex = tw_goods::Lexicon::global();
    let _ = tw_goods::find_money("5 dlrs");
    for (name, f) in [("lex", 0), ("qty", 1), ("money", 2)] {
        let t = std::time::Instant::now();
        let mut n = 0;
        for text in &texts {
            n += match f { 0 => lex.find(text).len(), 1 => tw_goods::find_quantities(text).len(), _ => tw_goods::find_money(text).len() };
        }
        eprintln!("{name}: {n} in {:?}", t.elapsed());
    }
    let t = std::time::Instant::now();
    let (mut c, mut q, mut m) = (0, 0, 0);
    for text in &texts {
        let cs = lex.find(text);
        let qs = tw_goods::find_quantities(text);
        let ms = tw_goods::find_money(text);
        c += cs.len();
        q += qs.len();
        m += ms.len();
        match mode.as_str() {
            w if w.starts_with("w=") => cs.iter().filter(|x| x.text.to_lowercase() == w[2..]).for_each(|x| {
                let a = text.floor_char_boundary(x.start.saturating_sub(50));
                let b = text.ceil_char_boundary((x.end + 50).min(text.len()));
                println!("{}", text[a..b].replace('\n', " "));
            }),
            "c" => cs.iter().for_each(|x| println!("C\t{}\t{:?}", x.text.replace('\n', " "), x.hs)),
            "q" => qs.iter().for_each(|x| println!("Q\t{}\t{}\t{}", x.text.replace('\n', " "), x.value, x.unit)),
            "m" => ms.iter().for_each(|x| println!("M\t{}\t{}\t{}\t{:?}", x.text.replace('\n', " "), x.amount, x.currency, x.per_unit)),
            _ => {}
        }
    }
    eprintln!("{} docs: {c} commodities, {q} quantities, {m} money in {:?}", texts.len(), t.elapsed());
}
#[allow(dead_code)]
fn ctx() {}
