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
    let t = std::time::Instant::now();
    let lex = tw_goods::Lexicon::global();
    let (mut c, mut q, mut m) = (0, 0, 0);
    for text in &texts {
        let cs = lex.find(text);
        let qs = tw_goods::find_quantities(text);
        let ms = tw_goods::find_money(text);
        c += cs.len();
        q += qs.len();
        m += ms.len();
        match mode.as_str() {
            "c" => cs.iter().for_each(|x| println!("C\t{}\t{:?}", x.text.replace('\n', " "), x.hs)),
            "q" => qs.iter().for_each(|x| println!("Q\t{}\t{}\t{}", x.text.replace('\n', " "), x.value, x.unit)),
            "m" => ms.iter().for_each(|x| println!("M\t{}\t{}\t{}\t{:?}", x.text.replace('\n', " "), x.amount, x.currency, x.per_unit)),
            _ => {}
        }
    }
    eprintln!("{} docs: {c} commodities, {q} quantities, {m} money in {:?}", texts.len(), t.elapsed());
}
