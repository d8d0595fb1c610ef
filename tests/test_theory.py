"""The exported risk bound as the evaluation notebook uses it (bad input, broadcasting, monotonicity), and the
theory notebook regenerating its figures through the papermill reproduction runner."""
import json, subprocess, sys
from pathlib import Path

import numpy as np
import pytest
from intervention_distill.theory import (risk_bound, bound_terms, crossover_epsilon, log_head_cardinality,
                                         mismatch_error, l1_from_kl)

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize('kw, msg', [
    (dict(n=1), 'n must be in (1, inf], got 1.0'),
    (dict(n=[100, 0]), 'n must be'),
    (dict(delta=0.0), 'delta must be in (0, 1), got 0.0'),
    (dict(delta=1.0), 'delta must be in (0, 1), got 1.0'),
    (dict(epsilon=-0.2), 'epsilon must be in [0, inf], got -0.2'),
    (dict(emp_var=-1.0), 'emp_var'),
    (dict(emp_risk=2.5, loss_range=2.0), 'emp_risk must be in [0, 2.0], got 2.5'),
    (dict(log_n_hypotheses=-3), 'log_n_hypotheses'),
    (dict(mismatch=-0.1), 'mismatch'),
    (dict(loss_range=0), 'loss_range'),
])
def test_risk_bound_rejects_bad_arguments(kw, msg):
    args = dict(emp_risk=0.4, emp_var=0.2, n=100) | kw
    with pytest.raises(ValueError) as e: risk_bound(**args)
    assert msg in str(e.value)


def test_codebook_size_below_two_is_rejected():
    with pytest.raises(ValueError, match=r'n_codes \(K\) must be in \[2, inf\], got 1.0'): log_head_cardinality(1, 64)
    with pytest.raises(ValueError, match='rho'): mismatch_error(-0.5)
    with pytest.raises(ValueError, match='mean_kl'): l1_from_kl(-0.1)


def test_bound_broadcasts_and_is_monotone():
    "A grid of sample sizes by teacher errors, as the evaluation notebook passes them."
    n = np.array([50, 200, 1000])[:, None]
    eps = np.array([0.0, 0.05, 0.2])[None, :]
    b = risk_bound(0.8, 0.3, n, delta=0.05, epsilon=eps, log_n_hypotheses=log_head_cardinality(8, 4), loss_range=4.0)
    assert b.shape == (3, 3)
    assert np.all(np.diff(b, axis=0) < 0) and np.all(np.diff(b, axis=1) > 0)   # tighter with n, looser with eps
    terms = bound_terms(0.8, 0.3, n, epsilon=eps, loss_range=4.0)
    np.testing.assert_allclose(terms.total, terms.to_frame().total.to_numpy().reshape(3, 3))
    np.testing.assert_allclose(terms.teacher, np.broadcast_to(2.0*eps, (1, 3)))   # L = B/2


def test_soft_targets_tighter_below_crossover_only():
    var_1h, var_q, n = 0.65, 0.085, 200
    star = crossover_epsilon(var_1h, var_q, n, delta=0.01, log_n_hypotheses=np.log(64), loss_range=4.0)
    kw = dict(n=n, delta=0.01, log_n_hypotheses=np.log(64), loss_range=4.0)
    one_hot = risk_bound(1.0, var_1h, **kw)
    # with the worst-case bias the soft empirical risk is L*eps above the one-hot one
    soft = lambda e: risk_bound(1.0 + 2.0*e, var_q, epsilon=e, **kw)
    assert soft(0.9*star) < one_hot < soft(1.1*star)


def test_notebook_regenerates_figures_through_papermill(tmp_path):
    r = subprocess.run([sys.executable, '-m', 'intervention_distill.reproduce', '--only', '01', '--out', str(tmp_path)],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-3000:]
    m = json.loads((tmp_path/'manifest.json').read_text())
    paths = {a['path'] for a in m['artifacts'] if a['notebook'] == '01_risk_bound.ipynb'}
    for name in ['theory_bound_vs_n', 'theory_bound_vs_eps']:
        assert {f'{name}.png', f'{name}.pdf'} <= paths
        assert (tmp_path/f'{name}.png').read_bytes()[:4] == b'\x89PNG'
    assert 'tables/theory_simulation.csv' in paths and 'tables/theory_codebook_capacity.csv' in paths
