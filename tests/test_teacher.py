"""The transcriptome teacher as the training loop uses it: checkpoints that round-trip (single and cross-fitted),
same seed → same numbers, the image-field target contract, and bad input refused by name. A tiny synthetic
expression set keeps this file to a few seconds on one CPU thread."""
import warnings

import anndata as ad
import numpy as np
import pandas as pd
import pytest
import torch

from intervention_distill.chem import read_smi
from intervention_distill.codebook import build_codebook
from intervention_distill.teacher import (TeacherConfig, CrossFitTeacher, cell_context, crossfit_teachers, load_teacher,
                                          predict_proba, save_teacher, teacher_targets, train_teacher)

torch.set_num_threads(1)
N_CPD, GENES, DOSES, CELLS = 12, 40, (0.04, 0.632, 10.0), ('A549', 'MCF7')


@pytest.fixture(scope='module')
def data():
    "12 NCI compounds, a 3-code codebook, and profiles whose signal follows each compound's code and grows with dose."
    lib = read_smi()
    smiles = lib[lib.valid].smiles.iloc[:N_CPD].tolist()
    names = [f'C{i}' for i in range(N_CPD)]
    cb = build_codebook(smiles, 3, seed=0, ids=names)
    rng = np.random.default_rng(0)
    sig = rng.normal(size=(3, GENES)) * 2
    rows = [(i, d, c, r) for i in range(N_CPD) for d in DOSES for c in CELLS for r in range(2)]
    obs = pd.DataFrame(rows, columns=['ci', 'dose_um', 'cell_type', 'replicate'])
    X = (obs.dose_um.to_numpy() / (obs.dose_um.to_numpy() + 0.5))[:, None] * sig[cb.labels[obs.ci]] + rng.normal(size=(len(obs), GENES))
    obs = obs.assign(compound=[names[i] for i in obs.ci], smiles=[smiles[i] for i in obs.ci], time_h=24.0)
    obs.index = [f'p{i}' for i in range(len(obs))]
    expr = ad.AnnData(X.astype(np.float32), obs=obs.drop(columns='ci'), var=pd.DataFrame(index=[f'G{j}' for j in range(GENES)]))
    ctx = cell_context(['A549', 'MCF7', 'U2OS'], dim=4)
    cfg = TeacherConfig(epochs=4, hidden=32, expr_dim=16, head_hidden=16, seed=0)
    return dict(expr=expr, cb=cb, ctx=ctx, cfg=cfg, smiles=dict(zip(names, smiles)))


def _meta(rows):
    "Image metadata (02_data schema) from (compound, dose, cell type) tuples."
    m = pd.DataFrame(rows, columns=['compound', 'dose_um', 'cell_type'])
    return m.assign(intervention_id=[f'{c}@{d}@{t}' for c, d, t in rows], plate='P1', well='A01', site=1)


def test_checkpoint_round_trip(data, tmp_path):
    t = train_teacher(data['expr'], data['cb'], data['ctx'], data['cfg'])
    p = predict_proba(t, data['expr'])
    t2 = load_teacher(save_teacher(t, tmp_path/'t.pt'), data['cb'])
    np.testing.assert_array_equal(predict_proba(t2, data['expr']), p)
    assert t2.cfg == t.cfg and t2.genes == t.genes and t2.codebook_ref == t.codebook_ref
    pd.testing.assert_frame_equal(t2.context, t.context)
    x = crossfit_teachers(data['expr'], data['cb'], data['ctx'], data['cfg'], n_folds=3)
    x2 = load_teacher(save_teacher(x, tmp_path/'x.pt'), data['cb'])
    assert isinstance(x2, CrossFitTeacher) and x2.folds.equals(x.folds)
    np.testing.assert_array_equal(predict_proba(x2, data['expr']), predict_proba(x, data['expr']))


def test_checkpoint_refuses_mismatch_and_junk(data, tmp_path):
    t = train_teacher(data['expr'], data['cb'], data['ctx'], TeacherConfig(epochs=1, hidden=8, expr_dim=4, head_hidden=4))
    path = save_teacher(t, tmp_path/'t.pt')
    other = build_codebook(data['cb'].smiles, 2, seed=0, ids=data['cb'].ids)
    with pytest.raises(ValueError, match='codebook mismatch'): load_teacher(path, other)
    with pytest.raises(ValueError, match='missing.pt'): load_teacher(tmp_path/'missing.pt')
    (tmp_path/'junk.pt').write_bytes(b'\x00not a checkpoint')
    with pytest.raises(ValueError, match='junk.pt'): load_teacher(tmp_path/'junk.pt')
    torch.save({'format': 'other/1'}, tmp_path/'other.pt')
    with pytest.raises(ValueError, match="'other/1'"): load_teacher(tmp_path/'other.pt')


def test_same_seed_same_numbers(data):
    e, cb, ctx, cfg = data['expr'], data['cb'], data['ctx'], data['cfg']
    a = predict_proba(train_teacher(e, cb, ctx, cfg), e)
    np.testing.assert_array_equal(predict_proba(train_teacher(e, cb, ctx, cfg), e), a)
    b = predict_proba(train_teacher(e, cb, ctx, TeacherConfig(**{**cfg.__dict__, 'seed': 1})), e)
    assert np.abs(a - b).max() > 1e-4


def test_targets_contract(data):
    e, cb = data['expr'], data['cb']
    x = crossfit_teachers(e, cb, data['ctx'], data['cfg'], n_folds=3)
    # C0 profiled in A549 at 0.632 µM (exact); C1 imaged in U2OS and at 3 µM (compound only); C99 never profiled
    meta = _meta([('C0', 0.632, 'A549'), ('C1', 0.632, 'U2OS'), ('C1', 3.0, 'A549'), ('C99', 1.0, 'A549')])
    with pytest.warns(UserWarning, match=r"1 image field\(s\) of 1 unprofiled compound"):
        q, info = teacher_targets(x, meta, e, cb, smiles={'C99': data['smiles']['C5']}, return_info=True)
    assert q.shape == (4, cb.k) and q.dtype == np.float32
    np.testing.assert_allclose(q.sum(1), 1.0, atol=1e-5)
    assert info.pairing.tolist() == ['exact', 'compound only', 'compound only', 'unprofiled']
    exact = e[((e.obs.compound == 'C0') & (e.obs.dose_um == 0.632) & (e.obs.cell_type == 'A549')).to_numpy()]
    np.testing.assert_allclose(q[0], predict_proba(x, exact).mean(0), atol=1e-6)
    c1 = e[(e.obs.compound == 'C1').to_numpy()]
    for i in (1, 2):   # a compound-only field: the compound's transcriptomes, conditioned on the field's own dose and cell type
        np.testing.assert_allclose(q[i], predict_proba(x, c1, dose_um=meta.dose_um[i], cell_type=meta.cell_type[i]).mean(0), atol=1e-6)
    assert np.abs(q[1] - q[2]).sum() > 1e-4
    np.testing.assert_allclose(q[3], cb.assign([data['smiles']['C5']])[0], atol=1e-6)   # chemistry prior
    assert info.n_profiles.tolist() == [2, len(c1), len(c1), 0]


@pytest.mark.parametrize('kw, msg', [
    (dict(temperature=0.0), 'temperature must be a positive finite number, got 0.0'),
    (dict(input_dropout=1.0), 'input_dropout must be in [0, 1), got 1.0'),
    (dict(epochs=0), 'epochs must be a positive integer, got 0'),
    (dict(seed=-2), 'seed must be a non-negative integer, got -2'),
    (dict(weight_decay=-1.0), 'weight_decay must be >= 0, got -1.0'),
])
def test_config_rejects_bad_values(kw, msg):
    with pytest.raises(ValueError) as e: TeacherConfig(**kw)
    assert msg in str(e.value)


def test_bad_input_is_named(data):
    e, cb, ctx = data['expr'], data['cb'], data['ctx']
    t = train_teacher(e, cb, ctx, TeacherConfig(epochs=1, hidden=8, expr_dim=4, head_hidden=4))
    ko = e[:3].copy(); ko.obs['compound'] = ['', 'C0', 'C0']
    with pytest.raises(ValueError, match="without a compound, e.g. 'p0'"): train_teacher(ko, cb, ctx)
    with pytest.raises(ValueError, match="'G0'"): predict_proba(t, e[:, 1:])
    with pytest.raises(ValueError, match="'HeLa'"): predict_proba(t, e[:2], cell_type='HeLa')
    with pytest.raises(ValueError, match='doses must be positive'): predict_proba(t, e[:2], dose_um=-1.0)
    with pytest.raises(ValueError, match='n_folds'): crossfit_teachers(e, cb, ctx, n_folds=1)
    meta = _meta([('C99', 1.0, 'A549')])
    with pytest.raises(ValueError, match=r"no transcriptome and no SMILES for compound\(s\) \['C99'\]"):
        teacher_targets(t, meta, e, cb)
    with pytest.raises(ValueError, match="got 'both'"): teacher_targets(t, meta, e, cb, condition='both')
    with pytest.raises(ValueError, match='site'): teacher_targets(t, meta.drop(columns='site'), e, cb)
    with pytest.raises(ValueError, match='codebook mismatch'):
        teacher_targets(t, _meta([('C0', 1.0, 'A549')]), e, build_codebook(cb.smiles, 2, seed=0, ids=cb.ids))
    with warnings.catch_warnings():
        warnings.simplefilter('error')                     # a fully profiled set of fields warns about nothing
        teacher_targets(t, _meta([('C0', 0.632, 'A549')]), e, cb)
