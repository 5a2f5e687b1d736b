#!/usr/bin/env python3
"""Write the synthetic gold dirs and predictions of tests/fixtures/ (mixed, empty-pred, other-only).

Run it, then scripts/refresh_fixtures.sh to record score.py's expected outputs.
Each fx-* document of the `mixed` case exercises one rule of SPEC.md section 4;
its name says which.
"""
import json, os
base = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'fixtures')
def tf(exp, imp, comms, status='occurred', cert='official', time='1987', qty=None, ev='', **kw):
    c = {'kind': 'trade_flow', 'exporter': exp, 'importer': imp,
         'commodities': [{'text': t, 'hs': h} for t, h in comms], 'quantity': qty, 'value': None,
         'time': time, 'status': status, 'certainty': cert, 'unverified': False, 'source': None, 'evidence': ev}
    c.update(kw); return c
def other(kind, ev, **kw):
    c = {'kind': kind, 'actor': 'KP', 'time': None, 'status': 'planned', 'certainty': 'anonymous', 'evidence': ev}
    c.update(kw); return c
def xp(doc, c, n=0, listev=True):
    p = dict(c, doc_id=doc, id='c_%s_%d' % (doc, n))
    if listev and isinstance(p.get('evidence'), str):
        p['evidence'] = [{'text': p['evidence'], 'start': 0, 'end': len(p['evidence'])}]
    return p
def write(case, golds, preds):
    d = os.path.join(base, case, 'gold'); os.makedirs(d, exist_ok=True)
    for g in golds:
        with open(os.path.join(d, g['doc_id'] + '.json'), 'w') as f: json.dump(g, f, indent=1, ensure_ascii=False); f.write('\n')
    with open(os.path.join(base, case, 'pred.jsonl'), 'w') as f:
        for p in preds: f.write(json.dumps(p, ensure_ascii=False) + '\n')

E = {
 'a': 'The Soviet Union bought 1.5 mln tonnes of U.S. wheat for delivery in 1987, the U.S. Agriculture Department said.',
 'b': 'Japan exported 2.34 mln tonnes of seamless pipe to the United States in 1986, company officials said.',
 'c1': 'Exporters said the Soviet Union also bought 200,000 tonnes of grain, mostly wheat, from the United States.',
 'c2': 'Brazil shipped 50,000 tonnes of wheat flour to Angola in March, trade sources said.',
 'c3': 'Saudi Arabia sold crude to India last month, an oil ministry official said on Tuesday.',
 'c4': 'Officials said unit 2 exports of oils to Chile continued at a modest pace through the spring.',
 'd1': 'North Korea will import processed foodstuffs from Russia under the new arrangement, the source said.',
 'd2': 'Egypt bought crude oil from Iraq in February according to the newspaper Al-Ahram.',
 'd3': 'Cuba sold raw sugar to the Soviet Union last year, traders said in Havana on Monday.',
 'e1': 'China agreed to sell 300,000 tonnes of corn to the Soviet Union, traders said.',
 'e2': 'The Chinese corn sale to Moscow, first reported on Friday, was confirmed by the ministry.',
 'e3': 'Argentina sold wheat to Brazil, the grain board said.',
 'f1': 'Canada sold 1.2 mln tonnes of barley to China in 1986, the Canadian Wheat Board said.',
 'f2': 'Canadian barley sales to China in 1987 are expected to reach 1.5 mln tonnes, the board added.',
 'g1': 'Argentina shipped 100,000 tonnes of soybeans to the Netherlands in January, the board said.',
 'g2': 'Thailand exported 80,000 tonnes of rice to Iran during the first quarter, officials said.',
 'g3': 'Australia sold 500,000 head of cattle to Indonesia, a meat board spokesman said.',
 'h1': 'North Korea recently began preparations to open new trade offices throughout Russia, a high-ranking source told Daily NK.',
 'h2': 'North Korean authorities are selecting cadres and working-level officials to dispatch to Russia.',
 'h3': 'The foreign minister said on Tuesday that the government opposes any new sanctions.',
 'h4': 'The Security Council vetoed the proposed measures against the North on Friday.',
 'u1': 'Le Brésil a exporté 10\u00a0000 tonnes de café vers l’Allemagne — selon l’Institut brésilien du café, mardi.',
 'k1': 'Indonesia bought an unspecified quantity of goods from Singapore, traders said.',
 't1': 'The United States sold 100,000 tonnes of sorghum to Mexico, the department said on Monday.',
 't2': 'Separately the department reported U.S. sorghum sales to Mexico of 90,000 tonnes for April.',
 'm1': 'Kenya sold 40,000 tonnes of tea to Pakistan in 1986, the tea board said in Nairobi on Thursday.',
 'm2': 'Kenyan tea exports to Pakistan are set to rise in 1987, board officials said.',
 'n1': 'Malaysia sold palm oil to India in 1986, the palm oil board said.',
 'n2': 'The Malaysian palm oil shipments to India were completed in December, port officials added.',
 'n3': 'Malaysia will sell more palm oil to India in 1987, the minister said.',
}
D = lambda n: 'fx-%s' % n
golds = [
 {'doc_id': D('a-exact'), 'anchor': '1987-03-25', 'claims': [tf('SU' if False else 'US', 'SU', [('wheat', '1001')], qty={'value': 1500000, 'unit': 't'}, ev=E['a'])]},
 {'doc_id': D('b-wrong-exporter'), 'anchor': '1987-03-26', 'claims': [tf('JP', 'US', [('seamless pipe', '7304')], time='1986', qty={'value': 2340000, 'unit': 't'}, ev=E['b'])]},
 {'doc_id': D('c-hs-prefix'), 'anchor': '1987-04-01', 'claims': [
    tf('US', 'SU', [('wheat', '1001')], ev=E['c1']),
    tf('BR', 'AO', [('wheat flour', '1101')], time='1987-03', ev=E['c2']),
    tf('SA', 'IN', [('crude', '2709')], time='1987-03', ev=E['c3']),
    tf('US', 'CL', [('oils', '2')], ev=E['c4'])]},
 {'doc_id': D('d-head-noun'), 'anchor': '1987-04-02', 'claims': [
    tf('RU', 'KP', [('processed foodstuffs', None)], status='planned', cert='anonymous', time=None, ev=E['d1']),
    tf('IQ', 'EG', [('crude oil', None)], time='1987-02', cert='reported', ev=E['d2']),
    tf('CU', 'SU', [('raw sugar', None)], time='1986', cert='anonymous', ev=E['d3'])]},
 {'doc_id': D('e-repeats'), 'anchor': '1987-04-03', 'claims': [
    tf('CN', 'SU', [('corn', '1005')], status='planned', cert='anonymous', ev=E['e1']),
    tf('CN', 'SU', [('Chinese corn', '1005')], status='planned', cert='official', ev=[E['e2']]),
    tf('AR', 'BR', [('wheat', '1001')], cert='official', ev=E['e3'])]},
 {'doc_id': D('f-overlap-preference'), 'anchor': '1987-04-04', 'claims': [
    tf('CA', 'CN', [('barley', '1003')], time='1986', qty={'value': 1200000, 'unit': 't'}, ev=E['f1']),
    tf('CA', 'CN', [('barley', '1003')], time='1987', status='possible', qty={'value': 1500000, 'unit': 't'}, ev=E['f2'])]},
 {'doc_id': D('g-slots'), 'anchor': '1987-04-05', 'claims': [
    tf('AR', 'NL', [('soybeans', '1201')], time='1987-01', qty={'value': 100000, 'unit': 't'}, ev=E['g1']),
    tf('TH', 'IR', [('rice', '1006')], time='1987-01/1987-03', qty={'value': 80000, 'unit': 't'}, ev=E['g2']),
    tf('AU', 'ID', [('cattle', '0102')], time=None, qty={'value': 500000, 'unit': 'head'}, ev=E['g3'])]},
 {'doc_id': D('h-other-kinds'), 'anchor': '2022-11', 'claims': [
    other('presence', [E['h1'], 'They are also vetting regions in Russia where the new offices will be opened.']),
    other('personnel', E['h2'], destination='RU'),
    other('sanctions_action', E['h4'], actor='UN', status='negated', certainty='official')]},
 {'doc_id': D('i-no-claims-predicted'), 'anchor': None, 'claims': []},
 {'doc_id': D('j-no-claims-quiet'), 'anchor': None, 'claims': []},
 {'doc_id': D('k-unicode-and-empty-commodities'), 'anchor': '1987-05', 'claims': [
    tf('BR', 'DE', [('café', '0901')], time='1987-05', qty={'value': 10000, 'unit': 't'}, ev=E['u1']),
    tf('SG', 'ID', [], cert='anonymous', time=None, ev=E['k1'])]},
 {'doc_id': D('l-ties'), 'anchor': '1987-05-02', 'claims': [
    tf('US', 'MX', [('sorghum', '1007')], qty={'value': 100000, 'unit': 't'}, ev=E['t1']),
    tf('US', 'MX', [('sorghum', '1007')], time='1986', status='planned', qty={'value': 90000, 'unit': 't'}, ev=E['t2'])]},
 {'doc_id': D('m-window-step'), 'anchor': '1987-05-03', 'claims': [
    tf('KE', 'PK', [('tea', '0902')], time='1986', ev=E['m1']),
    tf('KE', 'PK', [('tea', '0902')], time='1987', status='possible', ev=E['m2'])]},
 {'doc_id': D('n-merged-evidence'), 'anchor': '1987-05-04', 'claims': [
    tf('MY', 'IN', [('palm oil', '1511')], time='1986', ev=E['n1']),
    tf('MY', 'IN', [('palm oil', '1511')], time='1986', ev=E['n2']),
    tf('MY', 'IN', [('palm oil', '1511')], time='1987', status='planned', ev=E['n3'])]},
]
g = {x['doc_id']: x for x in golds}
P = []
# a: exact copy in export shape
P.append(xp(D('a-exact'), g[D('a-exact')]['claims'][0]))
# b: wrong exporter
P.append(xp(D('b-wrong-exporter'), dict(g[D('b-wrong-exporter')]['claims'][0], exporter='CN')))
# c: hs prefixes: 10 vs 1001 match, 110100 vs 1101 match, 2710 vs 2709 no, 27 vs 2 no
c = g[D('c-hs-prefix')]['claims']
P.append(xp(D('c-hs-prefix'), dict(c[0], commodities=[{'text': 'grain', 'hs': '10'}])))
P.append(xp(D('c-hs-prefix'), dict(c[1], commodities=[{'text': 'flour', 'hs': '110100'}])))
P.append(xp(D('c-hs-prefix'), dict(c[2], commodities=[{'text': 'crude', 'hs': '2710'}])))
P.append(xp(D('c-hs-prefix'), dict(c[3], commodities=[{'text': 'oils', 'hs': '27'}])))
# d: head nouns: foodstuffs(hs) vs processed foodstuffs(null): match; oil vs crude oil: match; sugars vs sugar: no
d = g[D('d-head-noun')]['claims']
P.append(xp(D('d-head-noun'), dict(d[0], commodities=[{'text': 'Foodstuffs', 'hs': '2106'}]), listev=False))
P.append(xp(D('d-head-noun'), dict(d[1], commodities=[{'text': 'Oil', 'hs': None}], evidence=[d[1]['evidence']])))
P.append(xp(D('d-head-noun'), dict(d[2], commodities=[{'text': 'white sugars', 'hs': None}])))
# e: gold repeats corn twice (merged); pred states it once; pred repeats wheat 3 times (merged) and once with another status (not merged)
e = g[D('e-repeats')]['claims']
P.append(xp(D('e-repeats'), dict(e[1], evidence=e[0]['evidence'])))
for n, ev in enumerate([E['e3'], 'Argentina sold wheat to Brazil.', '  Argentina   sold wheat\nto Brazil, the grain board said.  ']):
    P.append(xp(D('e-repeats'), dict(e[2], evidence=ev), n))
P.append(xp(D('e-repeats'), dict(e[2], status='planned', evidence=E['e3']), 9))
# f: same key twice; times swapped relative to evidence: overlap decides the pairing
f = g[D('f-overlap-preference')]['claims']
P.append(xp(D('f-overlap-preference'), dict(f[0], time='1987', evidence=E['f1'][5:70])))
P.append(xp(D('f-overlap-preference'), dict(f[1], time='1986', evidence=['xx ' + E['f2'][10:60] + ' yy'])))
# g: slots: soybeans status/certainty differ, qty within 1%; rice time differs, qty outside 1%; cattle unit differs
gg = g[D('g-slots')]['claims']
P.append(xp(D('g-slots'), dict(gg[0], status='ongoing', certainty='reported', quantity={'value': 100900, 'unit': 't'})))
P.append(xp(D('g-slots'), dict(gg[1], time='1987-01', quantity={'value': 82000, 'unit': 't'})))
P.append(xp(D('g-slots'), dict(gg[2], quantity={'value': 500000, 'unit': 'bags'}, certainty='official')))
# h: presence found by one of its evidence lines; personnel predicted as event; a spurious statement
h = g[D('h-other-kinds')]['claims']
P.append(xp(D('h-other-kinds'), other('presence', 'They are also vetting regions in Russia where the new offices will be opened.')))
P.append(xp(D('h-other-kinds'), other('event', E['h2'])))
P.append(xp(D('h-other-kinds'), other('statement', E['h3'])))
# i: predictions for a doc whose gold has no claims
P.append(xp(D('i-no-claims-predicted'), tf('US', 'JP', [('beef', '0201')], ev='Japan will buy more U.S. beef, officials said.')))
P.append(xp(D('i-no-claims-predicted'), other('market', 'Beef prices rose in Tokyo.')))
# k: unicode evidence reflowed; empty commodities on both sides
k = g[D('k-unicode-and-empty-commodities')]['claims']
P.append(xp(D('k-unicode-and-empty-commodities'), dict(k[0], commodities=[{'text': 'Café', 'hs': '09'}], evidence='exporté 10 000 tonnes de café vers l’Allemagne —\n selon')))
P.append(xp(D('k-unicode-and-empty-commodities'), dict(k[1], commodities=None, status='possible')))
# l: ties: two identical-key predictions without overlap, same status/time as neither/both
t = g[D('l-ties')]['claims']
# scores (status + time, no overlap): g0p0 = g0p1 = g1p0 = 1, g1p1 = 0; descending (score, i, j)
# pairs g1 with p0 first, then g0 with p1 (ascending order would pair g0-p0, g1-p1)
P.append(xp(D('l-ties'), dict(t[0], time='1986', evidence='unrelated text one for the tie case, long enough'), 0))
P.append(xp(D('l-ties'), dict(t[0], time='1988', evidence='unrelated text two for the tie case, long enough'), 1))
# m: the predicted evidence shares 30 characters with m1, but only from its 4th character, so no
# window taken every 8 characters sees it: the prediction pairs with the time-agreeing m2 unit
P.append(xp(D('m-window-step'), dict(g[D('m-window-step')]['claims'][0], time='1987', status='occurred',
                                     evidence='abc' + E['m1'][10:40])))
# n: gold states the 1986 flow twice; the prediction quotes only the second statement, which
# overlaps the merged unit's evidence and wins over the time-agreeing 1987 unit
P.append(xp(D('n-merged-evidence'), dict(g[D('n-merged-evidence')]['claims'][0], time='1987', evidence=E['n2'])))
# documents without gold
P.append(xp('not-in-gold', tf('US', 'SU', [('wheat', '1001')], ev=E['a'])))
P.append(xp('not-in-gold', other('presence', E['h1'])))
write('mixed', golds, P)

# empty predictions over the same gold
write('empty-pred', golds, [])

# other kinds only: no trade pair at all, so score.py prints no slots
og = [{'doc_id': 'oo-1', 'anchor': '2022', 'claims': [other('presence', E['h1']), other('statement', E['h3'])]},
      {'doc_id': 'oo-2', 'anchor': '2022', 'claims': [other('market', 'Rice prices in Pyongyang markets doubled in October, sources said.')]}]
op = [xp('oo-1', other('presence', E['h1'][:60])), xp('oo-1', other('market', E['h3'])),
      xp('oo-2', tf('CN', 'KP', [('rice', '1006')], ev='Rice prices in Pyongyang markets doubled in October')),
      xp('oo-2', other('market', 'Rice prices in Pyongyang markets doubled in October, sources said.'))]
write('other-only', og, op)
