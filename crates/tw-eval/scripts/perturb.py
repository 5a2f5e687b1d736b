#!/usr/bin/env python3
"""Make predictions by perturbing gold claims, to cross-check tw-eval against score.py.

usage: perturb.py GOLD_DIR SEED > pred.jsonl

Every gold claim is copied into the export-record shape (evidence as a list of
{text, start, end}) and then, at random but reproducibly for SEED, dropped,
duplicated, split per commodity, given another exporter, importer, status,
certainty, time or quantity, another HS code length or none, shortened or
unrelated evidence, or another kind; spurious claims and claims for documents
without gold are added. SEED 0 copies the gold unchanged.
"""
import glob
import json
import os
import random
import sys

CODES = ['US', 'SU', 'JP', 'CN', 'EU', 'BR', 'AR', 'CA', 'KP', 'RU', None]
STATUSES = ['occurred', 'ongoing', 'planned', 'possible', 'negated', None]
CERTAINTIES = ['official', 'reported', 'anonymous', 'rumor', 'speculation', 'unattributed']
TIMES = ['1986', '1987', '1987-03', '1986/1987', '1987-04-01', None]
KINDS = ['presence', 'personnel', 'statement', 'sanctions_action', 'market', 'event']
FILLER = 'Officials declined to comment on the figures released earlier this week by the ministry.'


def evidence_texts(ev):
    if ev is None:
        return []
    return [ev] if isinstance(ev, str) else [e if isinstance(e, str) else e.get('text', '') for e in ev]


def export_evidence(ev, rnd):
    """Gold evidence as the export record writes it, sometimes reflowed or cut."""
    out = []
    for t in evidence_texts(ev):
        r = rnd.random()
        if r < 0.1 and len(t) > 40:
            t = t[rnd.randrange(0, 12):]              # a cut start: window alignment changes
        elif r < 0.15 and len(t) > 60:
            t = t[:30] + '\n  ' + t[30:]              # reflowed white space
        elif r < 0.2:
            t = FILLER                                 # unrelated evidence
        elif r < 0.25 and len(t) > 70:
            t = t[20:48]                               # a short inner stretch (containment)
        out.append({'text': t, 'start': 0, 'end': len(t)})
    if rnd.random() < 0.1:
        return [e['text'] for e in out]               # plain list of strings
    if rnd.random() < 0.05 and out:
        return out[0]['text']                         # a bare string
    return out


def perturb_commodity(cm, rnd):
    cm = dict(cm)
    r = rnd.random()
    hs = cm.get('hs')
    if r < 0.15 and hs:
        cm['hs'] = hs[:rnd.choice([2, 4, 6])]          # shorter or same code
    elif r < 0.25 and hs:
        cm['hs'] = (hs + '0000')[:6]                   # longer code
    elif r < 0.35:
        cm['hs'] = None                                # fall back to the head noun
    elif r < 0.4:
        cm['text'] = 'various ' + (cm.get('text') or 'goods')
    elif r < 0.45:
        cm['hs'] = rnd.choice(['10', '1001', '2709', '27', '7304', '1701'])
    return cm


def perturb_claim(c, doc_id, n, rnd):
    c = json.loads(json.dumps(c))
    c['doc_id'] = doc_id
    c['id'] = 'c_%s_%d' % (doc_id, n)
    c['evidence'] = export_evidence(c.get('evidence'), rnd)
    if c.get('kind') == 'trade_flow':
        r = rnd.random()
        if r < 0.08:
            c['exporter'] = rnd.choice(CODES)
        elif r < 0.14:
            c['importer'] = rnd.choice(CODES)
        elif r < 0.18:
            c['exporter'], c['importer'] = c.get('importer'), c.get('exporter')
        if rnd.random() < 0.15:
            c['status'] = rnd.choice(STATUSES)
        if rnd.random() < 0.1:
            c['certainty'] = rnd.choice(CERTAINTIES)
        if rnd.random() < 0.15:
            c['time'] = rnd.choice(TIMES)
        q = c.get('quantity')
        r = rnd.random()
        if q and r < 0.1:
            q['value'] = q['value'] * 1.005           # within 1 %
        elif q and r < 0.2:
            q['value'] = q['value'] * 1.05            # outside 1 %
        elif q and r < 0.25:
            q['unit'] = 'bbl' if q.get('unit') != 'bbl' else 't'
        elif r < 0.3:
            c['quantity'] = None if q else {'value': 1000, 'unit': 't'}
        c['commodities'] = [perturb_commodity(cm, rnd) for cm in c.get('commodities') or []]
        if rnd.random() < 0.05:
            c['commodities'] = []
    elif rnd.random() < 0.2:
        c['kind'] = rnd.choice(KINDS)
    return c


def main():
    gold_dir, seed = sys.argv[1], int(sys.argv[2])
    rnd = random.Random(seed)
    golds = []
    for f in sorted(glob.glob(os.path.join(gold_dir, '*.json'))):
        with open(f) as fh:
            golds.append(json.load(fh))
    out = []
    pool = [c for g in golds for c in g['claims']]
    for g in golds:
        doc = g['doc_id']
        n = 0
        for c in g['claims']:
            if seed == 0:
                p = dict(c, doc_id=doc)
                out.append(p)
                continue
            r = rnd.random()
            if r < 0.12:
                continue                               # dropped: a false negative
            p = perturb_claim(c, doc, n, rnd)
            n += 1
            if p.get('kind') == 'trade_flow' and len(p.get('commodities') or []) > 1 and rnd.random() < 0.3:
                for cm in p['commodities']:            # split per commodity
                    out.append(dict(p, commodities=[cm]))
            else:
                out.append(p)
            if rnd.random() < 0.1:
                out.append(perturb_claim(c, doc, n, rnd))  # repeated, maybe merged
                n += 1
        if seed and rnd.random() < 0.25 and pool:
            src = rnd.choice(pool)                     # spurious claim from elsewhere
            out.append(perturb_claim(src, doc, n, rnd))
        if seed and rnd.random() < 0.05:
            out.append({'doc_id': doc, 'kind': rnd.choice(KINDS), 'evidence': [{'text': FILLER, 'start': 0, 'end': 9}]})
    if seed:
        for k in range(3):                             # documents without gold are ignored
            out.append({'doc_id': 'no-gold-%d' % k, 'kind': 'trade_flow', 'exporter': 'US', 'importer': 'SU',
                        'commodities': [{'text': 'wheat', 'hs': '1001'}], 'status': 'occurred', 'evidence': 'x'})
    if seed % 2:
        rnd.shuffle(out)                               # another order: ties break differently
    for c in out:
        print(json.dumps(c))


if __name__ == '__main__':
    main()
