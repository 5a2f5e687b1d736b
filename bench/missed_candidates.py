#!/usr/bin/env python3
"""Draw sentences that look like trade but hold no extracted flow (a recall probe).

usage: python3 bench/missed_candidates.py STORE.db SEED N > candidates.jsonl

A candidate is a sentence of a stored document with a country mention, a
commodity mention, a quantity or money mention and a trade word (export,
import, ship, sell, buy, purchase, supply, deliver, tender, ...) that no
trade_flow claim's evidence overlaps. The script reads the SQLite store
read-only (documents, mentions, claims, evidence); sentences are split
with a plain regular expression, not the extractor's splitter. Each line
of output is {"doc", "start", "end", "sentence"}; a person (or a helper)
then judges whether the sentence states a trade flow the extractor should
have found. `bench/flow-samples/missed-s8.md` holds the samples judged in
session 8.
"""
import json
import random
import re
import sqlite3
import sys

TRADE = re.compile(
    r"\b(export\w*|import\w*|ship\w*|sold|sell\w*|sale|sales|bought|buy\w*|"
    r"purchas\w*|suppl\w*|deliver\w*|tender\w*)\b",
    re.I,
)
SENTENCE_END = re.compile(r'(?<=[.!?])["\']?\s+(?=["A-Z<])|\n\s*\n')


def main():
    db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    seed, n = int(sys.argv[2]), int(sys.argv[3])
    evidence = {}
    for doc, s, e in db.execute(
        "select c.doc_id, v.start, v.\"end\" from evidence v "
        "join claims c on c.id = v.claim_id where c.kind = 'trade_flow'"
    ):
        evidence.setdefault(doc, []).append((s, e))
    mentions = {}
    for doc, kind, s, e in db.execute(
        "select doc_id, kind, start, \"end\" from mentions "
        "where kind in ('country', 'commodity', 'quantity', 'money')"
    ):
        mentions.setdefault(doc, []).append((kind, s, e))
    candidates = []
    for doc, text in db.execute("select id, text from documents order by id"):
        if doc not in mentions:
            continue
        starts = [0] + [m.end() for m in SENTENCE_END.finditer(text)]
        ends = starts[1:] + [len(text)]
        for s, e in zip(starts, ends):
            sentence = text[s:e].strip()
            if len(sentence) < 30 or not TRADE.search(sentence):
                continue
            kinds = {k for k, a, b in mentions[doc] if a >= s and b <= e}
            if not ({"country", "commodity"} <= kinds and kinds & {"quantity", "money"}):
                continue
            if any(a < e and b > s for a, b in evidence.get(doc, [])):
                continue
            candidates.append((doc, s, e, " ".join(sentence.split())))
    print(f"{len(candidates)} candidate sentences", file=sys.stderr)
    random.Random(seed).shuffle(candidates)
    for doc, s, e, sentence in candidates[:n]:
        print(json.dumps({"doc": doc, "start": s, "end": e, "sentence": sentence}))


if __name__ == "__main__":
    main()
