#!/usr/bin/env python3
"""Share of an extraction's trade flows judged right, over every verdict on file.

usage: tradewatch --db DB claims --kind trade_flow --format jsonl \
         | python3 bench/judged_share.py [--wrong]

Reads every judged table in bench/flow-sample.md and bench/flow-samples/*.md
(samples and censuses), keys each row by (doc, flow, goods, first 80
characters of the evidence), and looks up each extracted flow: a flow whose
row was judged counts as right or wrong by its latest verdict (files read in
name order), one never judged is counted apart. With --wrong, prints the
flows judged wrong with their verdicts.
"""
import glob
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent


def key(doc, flow, goods, evidence):
    return (doc, flow, goods, evidence[:80])


verdicts = {}
files = sorted(glob.glob(str(ROOT / "flow-samples" / "*.md"))) + [str(ROOT / "flow-sample.md")]
for path in files:
    for line in pathlib.Path(path).read_text().splitlines():
        if not line.startswith("| ") or line.startswith("| #"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 9 or not cells[0].isdigit() or not cells[-1]:
            continue
        verdicts[key(cells[1], cells[2], cells[3], cells[7])] = cells[-1]

right = wrong = unjudged = 0
for line in sys.stdin:
    if not line.strip():
        continue
    c = json.loads(line)
    goods = "; ".join(f"{x['text']} ({x['hs']})" for x in c["commodities"]).replace("\n", " ")
    ev = " … ".join(e["text"] for e in c["evidence"]).replace("\n", " ").replace("|", "/")
    flow = f"{c['exporter'] or '-'} → {c['importer'] or '-'}"
    v = verdicts.get(key(c["doc_id"], flow, goods, ev))
    if v is None:
        unjudged += 1
    elif v.startswith("ok"):
        right += 1
    else:
        wrong += 1
        if "--wrong" in sys.argv:
            print(f"{c['doc_id']} | {flow} | {goods} | {v}\n    {ev[:200]}")
judged = right + wrong
share = right / judged if judged else 0.0
print(
    f"flows {right + wrong + unjudged}: judged {judged} ({right} right, {wrong} wrong, "
    f"{share:.1%} right), never judged {unjudged}",
    file=sys.stderr,
)
