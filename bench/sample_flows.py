#!/usr/bin/env python3
"""Draw a seeded random sample of extracted trade flows for hand judging.

usage: tradewatch --db DB claims --kind trade_flow --format jsonl \
         | python3 bench/sample_flows.py [N] [SEED] > bench/flow-sample.md

Each row shows the flow as extracted and its evidence, with an empty
verdict column for a person to fill in: `ok` when the evidence states that
flow (right exporter, importer and goods), else what is wrong.
"""
import json
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 50
seed = int(sys.argv[2]) if len(sys.argv) > 2 else 20261128
claims = [json.loads(line) for line in sys.stdin if line.strip()]
random.Random(seed).shuffle(claims)
print(f"# Random sample of {n} extracted trade flows (seed {seed}, {len(claims)} flows in all)\n")
print("| # | doc | flow | goods | status | certainty | time | evidence | verdict |")
print("|---|---|---|---|---|---|---|---|---|")
for k, c in enumerate(claims[:n], 1):
    goods = "; ".join(f"{x['text']} ({x['hs']})" for x in c["commodities"]).replace("\n", " ")
    ev = " … ".join(e["text"] for e in c["evidence"]).replace("\n", " ").replace("|", "/")
    print(f"| {k} | {c['doc_id']} | {c['exporter'] or '-'} → {c['importer'] or '-'} | {goods} | {c['status']} | {c['certainty']} | {c['time'] or '-'} | {ev} | |")
