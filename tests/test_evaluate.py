"""The exported evaluation protocols as the paper notebooks use them: bad input refused by name, and the metrics'
known values on a small hand-made world (a perfect embedding, a constant one, a sign-flipped target)."""
import numpy as np
import pandas as pd
import pytest
from intervention_distill.evaluate import (one_shot, topk_accuracy, bootstrap_ci, seeds_ci, target_discovery, well_profiles,
                                           plate_normalize, scaffold_split, results_tables, bound_vs_measured, one_shot_draws,
                                           gene_split, ranking_scores, target_scores, one_shot_units, score_units,
                                           hierarchical_bootstrap, paired_differences, verdict_from_interval, one_shot_table,
                                           target_table, cell_type_table, neighbour_agreement, UNIT_COLUMNS)


@pytest.fixture(scope='module')
def toy():
    "6 compounds (3 MoAs) × 2 cell types × 3 fields at one dose, on 2 plates; embedding = one-hot compound identity."
    rows = [(f'c{c}', f'm{c // 2}', ct, 10.0, f'P{ct}', f'W{c}', f) for c in range(6) for ct in (0, 1) for f in range(3)]
    meta = pd.DataFrame(rows, columns=['compound', 'moa', 'cell_type', 'dose_um', 'plate', 'well', 'site'])
    emb = np.eye(6)[meta.compound.str[1:].astype(int)] + 0.01 * np.random.default_rng(0).standard_normal((len(meta), 6))
    return meta, emb


def test_one_shot_perfect_and_constant(toy):
    meta, emb = toy
    r = one_shot(emb, meta, [f'c{i}' for i in range(6)], seed=0)
    assert len(r) == 6 * 2 * 2 and (r.n_classes == 6).all()
    assert topk_accuracy(r, (1,)) == {'top1': 1.0}
    assert topk_accuracy(one_shot(np.ones_like(emb), meta, ['c0', 'c1', 'c2']), (1, 3)) == {'top1': 0.0, 'top3': 1.0}
    rm = one_shot(emb, meta, ['c0', 'c1', 'c2'], level='moa')
    assert (rm.n_classes == 2).all() and (rm['rank'] == 1).all()


@pytest.mark.parametrize('kw, msg', [
    (dict(heldout=['c0', 'cX']), "['cX']"), (dict(heldout=['c0']), 'at least 2'), (dict(level='gene'), "'gene'"),
    (dict(n_support=0), 'n_support=0'), (dict(n_support=3), 'n_support=3'), (dict(dose='low'), "'low'"), (dict(metric='l1'), "'l1'"),
])
def test_one_shot_rejects_bad_input(toy, kw, msg):
    meta, emb = toy
    with pytest.raises(ValueError) as e: one_shot(emb, meta, **(dict(heldout=['c0', 'c1']) | kw))
    assert msg in str(e.value)


def test_embedding_rows_must_match_meta(toy):
    meta, emb = toy
    with pytest.raises(ValueError, match=f'{len(meta) - 1} rows but its meta has {len(meta)}'): one_shot(emb[1:], meta, ['c0', 'c1'])
    with pytest.raises(ValueError, match='2-D'): plate_normalize(emb[:, 0], meta)
    with pytest.raises(ValueError, match=r"lacks column\(s\) \['plate'\]"): well_profiles(emb, meta.drop(columns='plate'))


def test_target_discovery_absolute_cosine():
    genes = pd.DataFrame(np.eye(4), index=['G0', 'G1', 'G2', 'G3'])
    cpds = pd.DataFrame([[1, 0.1, 0, 0], [0, -1, 0.2, 0], [0, 0, 0.1, 1]], index=['a', 'b', 'c'], dtype=float)
    td = target_discovery(cpds, genes, {'a': 'G0', 'b': 'G1', 'c': 'G3|G2'}, ks=(1, 2))
    s = td.summary()
    assert s['recall_at_1'] == 1.0 and s['map'] == 1.0 and s['n_pairs'] == 4
    assert td.pairs.set_index('gene').cosine['G1'] == pytest.approx(-1 / np.sqrt(1.04))   # anti-correlated, still rank 1
    with pytest.raises(ValueError, match="'c'"): target_discovery(cpds, genes, {'a': 'G0', 'b': 'G1'})
    with pytest.raises(ValueError, match='no known'): target_discovery(cpds, genes, {'a': 'X', 'b': '', 'c': ''})


def test_intervals_and_tables():
    v = np.random.default_rng(0).random(400) < 0.4
    lo, hi = bootstrap_ci(v, seed=1)
    assert lo < v.mean() < hi and bootstrap_ci(v, seed=1) == (lo, hi)
    m, lo, hi = seeds_ci([0.1, 0.2, 0.3])
    assert m == pytest.approx(0.2) and lo < 0.2 < hi
    with pytest.raises(ValueError, match='at least 2'): seeds_ci([0.1])
    rows = [{'method': 'tide', 'seed': s, 'top1': t, 'top1_lo': 0, 'top1_hi': 1} for s, t in enumerate([0.3, 0.4, 0.5])]
    tab = results_tables(rows)['one_shot']
    assert tab.columns.tolist() == ['method', 'top1', 'top1_lo', 'top1_hi', 'n_seeds', 'ci'] and tab.top1.item() == pytest.approx(0.4)


def test_scaffold_split_and_bound():
    cpds = pd.DataFrame({'compound': list('abcdef'), 'smiles': ['c1ccccc1C', 'c1ccccc1CC', 'C1CCCCC1C', 'C1CCCCC1O', 'c1ccncc1', 'c1ccncc1C']})
    tr, ho = scaffold_split(cpds, 0.3, seed=0)
    assert len(ho) == 2 and sorted(tr + ho) == list('abcdef')
    scaf = dict(zip('abcdef', ['x', 'x', 'y', 'z', 'w', 'w']))
    tr2, ho2 = scaffold_split(cpds.drop(columns='smiles').assign(scaffold=list(scaf.values())), 0.3, seed=0)
    assert len(ho2) in (2, 3) and sorted(tr2 + ho2) == list('abcdef')               # whole scaffold groups until >= 30%
    assert not {scaf[c] for c in tr2} & {scaf[c] for c in ho2}                       # no scaffold on both sides
    with pytest.raises(ValueError, match='got 0'): scaffold_split(cpds, 0)
    with pytest.raises(ValueError, match="'scaffold' and 'smiles'"): scaffold_split(cpds[['compound']])
    b = bound_vs_measured(0.25, 0.2, 0.05, 1000, teacher_error=0.1)
    assert b.bound.item() == pytest.approx(0.27782, abs=1e-5) and b.holds.item()
    with pytest.raises(ValueError, match='epsilon'): bound_vs_measured(0.2, 0.2, 0.05, 1000, teacher_error=-1)


def test_one_shot_draws_oracle_and_random(toy):
    "Oracle (one-hot identity) embeddings rank every query first in every draw; random ones score 1/n on average."
    meta, emb = toy
    heldout = [f'c{i}' for i in range(6)]
    d = one_shot_draws(emb, meta, heldout, n_draws=10, seed=0)
    assert d.draw.nunique() == 10 and len(d) == 10 * 6 * 2 * 2
    assert topk_accuracy(d, (1,))['top1'] == pytest.approx(1.0)
    rnd = one_shot_draws(np.random.default_rng(1).standard_normal(emb.shape), meta, heldout, n_draws=200, seed=0)
    assert topk_accuracy(rnd, (1,))['top1'] == pytest.approx(1 / 6, abs=0.03)
    # the draws depend on the metadata and the seed only: the same supports for every embedding
    assert d[['draw', 'field']].equals(rnd[rnd.draw < 10][['draw', 'field']].reset_index(drop=True))


def test_genetic_one_shot_and_gene_split():
    genes = [f'G{i}' for i in range(8)]
    km = pd.DataFrame([(g, ct, f'P{ct}', f'W{j}', j) for g in genes for ct in (0, 1) for j in range(3)],
                      columns=['gene', 'cell_type', 'plate', 'well', 'site']).assign(dose_um=np.nan)
    emb = np.eye(8)[km.gene.str[1:].astype(int)]
    tr, ho = gene_split(genes, 0.5, seed=0)
    assert len(ho) == 4 and not set(tr) & set(ho) and gene_split(genes, 1.0)[1] == genes
    r = one_shot_draws(emb, km, ho, n_draws=4, key='gene', dose='all')
    assert set(r.gene) == set(ho) and (r.n_classes == 4).all() and (r['rank'] == 1).all()
    with pytest.raises(ValueError, match="dose='all'"): one_shot(emb, km, ho, key='gene')
    with pytest.raises(ValueError, match='at least 2'): gene_split(genes, 0.1)


def test_ranking_scores_by_hand():
    rs = ranking_scores(np.array([[0.9, 0.8, 0.1, 0.0], [0.9, 0.8, 0.1, 0.0], [0.0, 0.9, 0.8, 0.7]]),
                        np.array([[1, 0, 0, 0], [0, 0, 1, 1], [0, 0, 1, 0]], bool), ks=(1, 2, 5))
    assert rs.ap.tolist() == pytest.approx([1.0, (1 / 3 + 2 / 4) / 2, 1 / 2])
    assert rs.auc.tolist() == pytest.approx([1.0, 0.0, 2 / 3])
    assert rs.hit_at_1.tolist() == [1.0, 0.0, 0.0] and rs.hit_at_2.tolist() == [1.0, 0.0, 1.0] and rs.hit_at_5.tolist() == [1.0, 1.0, 1.0]


def test_target_scores_oracle_beats_random():
    "Compounds whose profile equals their target's knockout profile: AP = AUC = Hit@1 = 1 at every dose; random ≈ chance."
    n = 40
    genes = [f'G{i}' for i in range(n)]
    cpds = {f'c{i}': genes[i] for i in range(n)}
    meta = pd.DataFrame([(c, d, 'P0', f'W{j}', j) for c in cpds for d in (1.0, 10.0) for j in range(2)],
                        columns=['compound', 'dose_um', 'plate', 'well', 'site'])
    km = pd.DataFrame([(g, 'P1', f'K{j}') for g in genes for j in range(2)], columns=['gene', 'plate', 'well'])
    rng = np.random.default_rng(0)
    emb = np.eye(n)[meta.compound.str[1:].astype(int)] + 0.01 * rng.standard_normal((len(meta), n))
    kemb = np.eye(n)[km.gene.str[1:].astype(int)] + 0.01 * rng.standard_normal((len(km), n))
    ts = target_scores(emb, meta, kemb, km, cpds, n_seeds=5, plate_norm=None, ks=(1, 5))
    assert len(ts) == 5 * n and (ts.n_doses == 2).all()
    assert ts[['ap', 'auc', 'hit_at_1']].to_numpy() == pytest.approx(1.0)
    tr = target_scores(rng.standard_normal((len(meta), 16)), meta, rng.standard_normal((len(km), 16)), km, cpds, n_seeds=20, plate_norm=None)
    assert tr.auc.mean() == pytest.approx(0.5, abs=0.06) and tr.hit_at_5.mean() == pytest.approx(5 / n, abs=0.06)   # chance
    assert target_scores(emb, meta, kemb, km, cpds, 3, seed=1).equals(target_scores(emb, meta, kemb, km, cpds, 3, seed=1))


def _units(method, values, seed=0, task='compound', metric='top1'):
    v = np.asarray(values, float)
    return pd.DataFrame({'method': method, 'seed': seed, 'task': task, 'metric': metric, 'cell_type': 'A',
                         'cluster': [f'c{i // 4}' for i in range(len(v))], 'unit': [f'q{i}' for i in range(len(v))], 'sum': v, 'n': 1})


def test_paired_differences_verdicts():
    rng = np.random.default_rng(0)
    base = (rng.random(400) < 0.3).astype(float)
    better = np.maximum(base, (rng.random(400) < 0.3).astype(float))          # never worse on any query
    u = pd.concat([_units(m, v, s) for s in range(3) for m, v in (('tide', better), ('dino', base), ('twin', better))])
    p = paired_differences(u, method='tide').set_index('baseline')
    assert p.loc['dino', 'diff'] == pytest.approx(better.mean() - base.mean()) and p.loc['dino', 'lo'] > 0
    assert p.loc['dino', 'verdict'] == 'wins' and p.loc['dino', 'n_seeds'] == 3
    assert p.loc['twin', ['diff', 'lo', 'hi']].tolist() == [0.0, 0.0, 0.0] and p.loc['twin', 'verdict'] == 'ties'
    assert paired_differences(u, method='dino', baselines=['tide']).verdict.item() == 'loses'
    with pytest.raises(ValueError, match='same units'):
        paired_differences(pd.concat([_units('tide', better), _units('dino', base[:-4])]), method='tide')
    assert [verdict_from_interval(*i) for i in ((0.01, 0.1), (-0.1, 0.1), (-0.1, -0.01))] == ['wins', 'ties', 'loses']


def test_hierarchical_bootstrap_and_tables():
    rng = np.random.default_rng(0)
    v = (rng.random(400) < 0.4).astype(float)
    est, lo, hi = hierarchical_bootstrap(_units('a', v), seed=0)
    assert est == pytest.approx(v.mean()) and lo < est < hi
    assert (lo, hi) == pytest.approx(bootstrap_ci(v, 2000, seed=3, groups=[i // 4 for i in range(400)]), abs=0.03)
    u = pd.concat([_units('tide', v), _units('tide', v, task='genetic'), _units('tide', v, task='target', metric='ap'),
                   _units('tide', v, task='target_by_cell_type', metric='ap')])
    os_ = one_shot_table(u).set_index('task')
    assert sorted(os_.index) == ['compound', 'genetic'] and os_.top1['compound'] == pytest.approx(v.mean())
    assert os_.n_queries['compound'] == 400 and np.isnan(os_.top5['compound'])           # no top5 units given
    td = target_table(u)
    assert td.ap.item() == pytest.approx(v.mean()) and td.n_compounds.item() == 100 and np.isnan(td.auc.item())
    ct = cell_type_table(u, {'A': 7})
    assert ct[['cell_type', 'n_paired_compounds']].values.tolist() == [['A', 7]] and ct.top1.item() == pytest.approx(v.mean())
    assert set(UNIT_COLUMNS) <= set(u.columns)


def test_units_from_draws(toy):
    meta, emb = toy
    d = one_shot_draws(emb, meta, ['c0', 'c1', 'c2'], n_draws=6, seed=0)
    u = one_shot_units(d, 'compound', ks=(1,))
    assert u.n.sum() == len(d) and u['sum'].sum() == (d['rank'] <= 1).sum() and set(u.cluster) == {'c0', 'c1', 'c2'}
    s = score_units(pd.DataFrame({'compound': ['a', 'a', 'b'], 'ap': [0.2, 0.4, 1.0]}), 'target', ['ap'])
    assert s.set_index('unit')[['sum', 'n']].to_dict('index') == {'a': {'sum': pytest.approx(0.6), 'n': 2}, 'b': {'sum': 1.0, 'n': 1}}


def test_neighbour_agreement():
    X = np.array([[0, 0], [0, 1], [10, 10], [10, 11]], float)
    assert neighbour_agreement(X, list('aabb'), k=1, metric='euclidean') == 1.0
    assert neighbour_agreement(X, list('abab'), k=1, metric='euclidean') == 0.0
    with pytest.raises(ValueError, match='k=4'): neighbour_agreement(X, list('aabb'), k=4)
