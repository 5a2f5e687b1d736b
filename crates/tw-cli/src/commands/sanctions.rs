//! `tradewatch flags`, `tally` and `measures`.

use std::process::ExitCode;

use anyhow::{Context as _, Result};
use clap::Args;
use tw_model::Certainty;
use tw_sanctions::{MeasureSet, TallyInput};
use tw_store::{ClaimFilter, Store};

use crate::output::{self, Format};

#[derive(Debug, Args)]
pub struct FlagsArgs {
    /// Only flags of this measure.
    #[arg(long)]
    measure: Option<String>,
    /// Only claims of this certainty.
    #[arg(long)]
    certainty: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = crate::default_format())]
    format: Format,
}

pub fn flags(store: &Store, args: FlagsArgs) -> Result<ExitCode> {
    let certainty = match &args.certainty {
        Some(c) => Some(Certainty::parse(c).with_context(|| format!("unknown certainty {c:?}"))?),
        None => None,
    };
    let mut claims = store.claims(&ClaimFilter {
        measure: args.measure.clone(),
        certainty,
        ..ClaimFilter::default()
    })?;
    claims.retain(|c| !c.sanctions.is_empty());
    if args.format == Format::Table {
        let rows: Vec<[String; 5]> = claims
            .iter()
            .flat_map(|c| {
                c.sanctions
                    .iter()
                    .filter(|f| args.measure.as_ref().is_none_or(|m| *m == f.measure))
                    .map(move |f| {
                        [
                            f.measure.clone() + if f.ambiguous { " (ambiguous)" } else { "" },
                            c.id.clone(),
                            c.certainty.as_str().to_string(),
                            f.reason.clone(),
                            c.evidence
                                .first()
                                .map(|e| e.text.chars().take(70).collect())
                                .unwrap_or_default(),
                        ]
                    })
            })
            .collect();
        output::write_table(
            &mut std::io::stdout().lock(),
            &["measure", "claim", "certainty", "reason", "evidence"],
            &rows,
        )?;
        println!("\n{} flags on {} claims. A flag means: a person should look at this; not that a violation occurred.", rows.len(), claims.len());
    } else {
        output::write_claims(&mut std::io::stdout().lock(), &claims, args.format)?;
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, Args)]
pub struct TallyArgs {
    /// Measure id, e.g. UNSCR2397-OP5.
    measure: String,
    /// Only the 12-month window that starts in this year.
    #[arg(long)]
    window: Option<i32>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn tally(store: &Store, args: TallyArgs) -> Result<ExitCode> {
    let measures = MeasureSet::builtin()?;
    let claims = store.claims(&ClaimFilter {
        measure: Some(args.measure.clone()),
        ..ClaimFilter::default()
    })?;
    // Copies and derivatives of one report count once: their key is the
    // claim group and the origin they count under.
    let mut keys = Vec::with_capacity(claims.len());
    for c in &claims {
        keys.push(
            store
                .group_row(&c.id)?
                .map(|g| format!("{}|{}", g.group_id, g.origin)),
        );
    }
    let inputs: Vec<TallyInput> = claims
        .iter()
        .zip(keys)
        .map(|(c, k)| TallyInput {
            claim: c,
            origin_key: k,
        })
        .collect();
    let tally = measures.tally(&args.measure, &inputs, args.window)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&tally.to_json())?);
    } else {
        println!("{}", tally.render_text().trim_end());
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, Args)]
pub struct MeasuresArgs {
    /// Print JSON Lines.
    #[arg(long)]
    json: bool,
}

pub fn measures(args: MeasuresArgs) -> Result<ExitCode> {
    let set = MeasureSet::builtin()?;
    let rows: Vec<[String; 5]> = set
        .measures()
        .iter()
        .map(|m| {
            [
                m.id.clone(),
                m.regime.clone(),
                m.direction.as_str().to_string(),
                m.adopted.clone(),
                m.source.clone(),
            ]
        })
        .collect();
    if args.json {
        for m in set.measures() {
            println!(
                "{}",
                serde_json::json!({"id": m.id, "regime": m.regime, "direction": m.direction.as_str(), "adopted": m.adopted, "source": m.source})
            );
        }
    } else {
        output::write_table(
            &mut std::io::stdout().lock(),
            &["id", "regime", "direction", "adopted", "source"],
            &rows,
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
