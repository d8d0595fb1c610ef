"""The exported evaluation protocols as the paper notebooks use them: bad input refused by name, and the metrics'
known values on a small hand-made world (a perfect embedding, a constant one, a sign-flipped target)."""
import numpy as np
import pandas as pd
import pytest
from intervention_distill.evaluate import (one_shot, topk_accuracy, bootstrap_ci, seeds_ci, target_discovery, well_profiles,
                                           plate_normalize, scaffold_split, results_tables, bound_vs_measured)


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
    rows = [{'method': 'ours', 'seed': s, 'top1': t, 'top1_lo': 0, 'top1_hi': 1} for s, t in enumerate([0.3, 0.4, 0.5])]
    tab = results_tables(rows)['one_shot']
    assert tab.columns.tolist() == ['method', 'top1', 'top1_lo', 'top1_hi', 'n_seeds', 'ci'] and tab.top1.item() == pytest.approx(0.4)


def test_scaffold_split_and_bound():
    cpds = pd.DataFrame({'compound': list('abcdef'), 'smiles': ['c1ccccc1C', 'c1ccccc1CC', 'C1CCCCC1C', 'C1CCCCC1O', 'c1ccncc1', 'c1ccncc1C']})
    tr, ho = scaffold_split(cpds, 0.3, seed=0)
    assert len(ho) == 2 and sorted(tr + ho) == list('abcdef')
    assert scaffold_split(cpds.drop(columns='smiles').assign(scaffold=['x', 'x', 'y', 'z', 'w', 'w']), 0.3, seed=0)[1] != []
    with pytest.raises(ValueError, match='got 0'): scaffold_split(cpds, 0)
    with pytest.raises(ValueError, match="'scaffold' and 'smiles'"): scaffold_split(cpds[['compound']])
    b = bound_vs_measured(0.25, 0.2, 0.05, 1000, teacher_error=0.1)
    assert b.bound.item() == pytest.approx(0.27782, abs=1e-5) and b.holds.item()
    with pytest.raises(ValueError, match='epsilon'): bound_vs_measured(0.2, 0.2, 0.05, 1000, teacher_error=-1)
