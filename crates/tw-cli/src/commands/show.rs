//! `tradewatch show ID`: a document with its claims and their evidence
//! marked, or one claim with its document context.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::{bail, Result};
use clap::Args;
use tw_model::{Claim, Document};
use tw_store::{ClaimFilter, Store};

use crate::output::{self, Format};

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// A document id or a claim id.
    id: String,
}

pub fn run(store: &Store, args: ShowArgs) -> Result<ExitCode> {
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    if let Some(doc) = store.document(&args.id)? {
        let claims = store.claims(&ClaimFilter {
            doc_id: Some(doc.id.clone()),
            ..ClaimFilter::default()
        })?;
        print_document(&doc, &claims, color);
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(claim) = store.claim(&args.id)? {
        let doc = store.document(&claim.doc_id)?;
        print_claim(&claim, doc.as_ref(), color);
        print_group(store, &claim)?;
        return Ok(ExitCode::SUCCESS);
    }
    bail!("no document or claim with id {:?}", args.id)
}

fn print_document(doc: &Document, claims: &[Claim], color: bool) {
    println!("document  {}", doc.id);
    if let Some(t) = &doc.title {
        println!("title     {t}");
    }
    if let Some(u) = &doc.url {
        println!("url       {u}");
    }
    if let Some(p) = &doc.published {
        println!("published {} ({:?} precision)", p.iso, p.precision);
    }
    if !doc.provenance.is_empty() {
        println!("chain     {}", doc.provenance.join(" → "));
    }
    if let Some(n) = &doc.verification_note {
        println!("note      {n}");
    }
    println!();
    // Mark every evidence span: [n ...] with the claim number.
    let mut marks: Vec<(usize, usize, usize)> = Vec::new();
    for (k, c) in claims.iter().enumerate() {
        for e in &c.evidence {
            marks.push((e.start, e.end, k + 1));
        }
    }
    println!("{}", highlight(&doc.text, &marks, color));
    println!();
    let mut out = std::io::stdout().lock();
    for (k, c) in claims.iter().enumerate() {
        print!("[{}] ", k + 1);
        let _ = output::write_claims(&mut out, std::slice::from_ref(c), Format::Jsonl);
    }
}

fn print_claim(claim: &Claim, doc: Option<&Document>, color: bool) {
    let mut out = std::io::stdout().lock();
    let _ = output::write_claims(&mut out, std::slice::from_ref(claim), Format::Json);
    if let Some(doc) = doc {
        println!(
            "\nin {} ({}):",
            doc.id,
            doc.title.as_deref().unwrap_or("untitled")
        );
        let marks: Vec<(usize, usize, usize)> =
            claim.evidence.iter().map(|e| (e.start, e.end, 1)).collect();
        println!("{}", highlight(&doc.text, &marks, color));
    }
}

/// Every report of the claim's group, with its role in its story and the
/// slots where it differs from the reference report.
fn print_group(store: &Store, claim: &Claim) -> Result<()> {
    let Some(row) = store.group_row(&claim.id)? else {
        println!("\nno other report states this claim (1 origin)");
        return Ok(());
    };
    let members = store.group_members(&row.group_id)?;
    println!(
        "\ngroup {}: {} reports from {} independent origin(s)",
        row.group_id,
        members.len(),
        row.independent_origins
    );
    for m in members {
        let member = store.claim(&m.claim_id)?;
        let role = store
            .story_of(&member.as_ref().map_or(String::new(), |c| c.doc_id.clone()))?
            .into_iter()
            .find(|r| member.as_ref().is_some_and(|c| c.doc_id == r.doc_id))
            .map_or("alone".to_string(), |r| {
                format!("{} ({})", r.role, r.reason)
            });
        let doc_id = member.as_ref().map_or("?", |c| c.doc_id.as_str());
        let marker = if m.reference { "*" } else { " " };
        println!(
            "{marker} {} in {doc_id}: {role}; counts under {}",
            m.claim_id, m.origin
        );
        let variants: Vec<serde_json::Value> =
            serde_json::from_str(&m.variants).unwrap_or_default();
        for v in variants {
            println!(
                "    differs: {} is {} here, {} in the reference",
                v["slot"], v["here"], v["reference"]
            );
        }
        if let Some(e) = member.as_ref().and_then(|c| c.evidence.first()) {
            println!(
                "    \"{}\"",
                e.text.split_whitespace().collect::<Vec<_>>().join(" ")
            );
        }
    }
    Ok(())
}

/// The text with evidence spans (character offsets) marked, in colour on a
/// terminal and with ⟦n … ⟧ brackets otherwise.
pub fn highlight(text: &str, marks: &[(usize, usize, usize)], color: bool) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut opens: Vec<Vec<usize>> = vec![Vec::new(); chars.len() + 1];
    let mut closes: Vec<usize> = vec![0; chars.len() + 1];
    for &(s, e, n) in marks {
        if s < e && e <= chars.len() {
            opens[s].push(n);
            closes[e] += 1;
        }
    }
    let mut out = String::with_capacity(text.len() + marks.len() * 8);
    for (i, c) in chars.iter().enumerate() {
        for _ in 0..closes[i] {
            out.push_str(if color { "\x1b[0m" } else { "⟧" });
        }
        for n in &opens[i] {
            if color {
                out.push_str(&format!("\x1b[1;33m[{n}]\x1b[0m\x1b[4m"));
            } else {
                out.push_str(&format!("⟦{n} "));
            }
        }
        out.push(*c);
    }
    for _ in 0..closes[chars.len()] {
        out.push_str(if color { "\x1b[0m" } else { "⟧" });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::highlight;

    #[test]
    fn marks_spans_by_character_offsets() {
        assert_eq!(highlight("a “gas” b", &[(2, 7, 1)], false), "a ⟦1 “gas”⟧ b");
    }
}
