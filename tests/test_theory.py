"""Proposition 3.1 (the paper's log-loss bound) on hand-computed and random discrete worlds, with bad input; the
project's variance-bound extension as the evaluation notebook uses it (bad input, broadcasting, monotonicity); and
the theory notebook regenerating its figures through the papermill reproduction runner."""
import json, subprocess, sys
from pathlib import Path

import numpy as np
import pytest
from intervention_distill.theory import (risk_bound, bound_terms, crossover_epsilon, log_head_cardinality,
                                         mismatch_error, l1_from_kl, DiscreteWorld, random_world, make_teacher,
                                         mixture_student, log_loss, log_loss_of_mixture_student, expected_teacher_kl,
                                         prop31_bound, prop31_slack, distillation_objective, check_prop31)

ROOT = Path(__file__).resolve().parents[1]
LN2 = np.log(2)


def _switch_world(p_r1=0.5):
    "One image, one cell type; R in {0, 1} with P(R=0) = `p_r1`; D = R: the transcriptome names the intervention."
    joint = np.zeros((2, 1, 2, 1))
    joint[0, 0, 0, 0], joint[1, 0, 1, 0] = p_r1, 1 - p_r1
    return DiscreteWorld(joint)


def test_prop31_by_hand_on_a_world_where_the_transcriptome_names_the_intervention():
    w = _switch_world()
    assert w.entropy_d_given_ic == pytest.approx(LN2) and w.mutual_information_dr_given_ic == pytest.approx(LN2)
    assert w.entropy_d_given_irc == pytest.approx(0.0, abs=1e-15)
    bayes = make_teacher(w, 'bayes')                                  # T(d | r) = 1[d = r]
    np.testing.assert_allclose(mixture_student(w, bayes)[:, 0, 0], [0.5, 0.5])
    assert log_loss_of_mixture_student(w, bayes) == pytest.approx(LN2) == prop31_bound(w, bayes)   # equality
    blind = np.full((2, 1, 2, 1), 0.5)                                  # ignores R: slack = I(D; R | I, C) = ln 2
    assert log_loss_of_mixture_student(w, blind) == pytest.approx(LN2)
    assert prop31_bound(w, blind) == pytest.approx(2*LN2) and prop31_slack(w, blind) == pytest.approx(LN2)
    # a teacher that swaps the interventions: its student is still uniform, but the bound is infinite (vacuous)
    swapped = bayes[::-1]
    assert log_loss_of_mixture_student(w, swapped) == pytest.approx(LN2) and np.isinf(prop31_bound(w, swapped))


def test_mixture_student_weighs_transcriptomes_by_their_probability_given_the_image():
    w = _switch_world(0.8)
    bayes = make_teacher(w, 'bayes')
    np.testing.assert_allclose(mixture_student(w, bayes)[:, 0, 0], [0.8, 0.2])      # not the plain mean over r
    h = -(0.8*np.log(0.8) + 0.2*np.log(0.2))
    assert log_loss_of_mixture_student(w, bayes) == pytest.approx(h) == pytest.approx(prop31_bound(w, bayes))
    # TIDE's distillation term is smallest at this student
    other = np.array([0.5, 0.5]).reshape(2, 1, 1)
    assert distillation_objective(w, bayes, mixture_student(w, bayes)) < distillation_objective(w, bayes, other)


def test_prop31_holds_on_random_worlds_with_its_equality_cases():
    d = check_prop31(240, seed=11, max_size=4)
    assert len(d) == 240 and d.world.nunique() == 3 and d.teacher.nunique() == 4
    assert (d.slack >= -1e-12).all()
    np.testing.assert_allclose(d.slack, d.slack_formula, atol=1e-9)
    np.testing.assert_allclose(d.loc[d.teacher == 'bayes', 'slack'], 0, atol=1e-12)
    blind = d[d.teacher == 'r_blind']
    np.testing.assert_allclose(blind.slack, blind.mutual_information, atol=1e-12)
    assert (blind[blind.world != 'r_uninformative'].mutual_information > 1e-6).mean() > 0.9   # informative worlds
    assert (d[d.teacher == 'random'].slack > 1e-9).all()
    np.testing.assert_allclose(d.log_loss + d.slack, d.bound, rtol=1e-12)


def test_prop31_sides_match_a_brute_force_loop():
    w = random_world((3, 2, 3, 2), concentration=0.7, kind='joint', seed=4)
    T = make_teacher(w, 'noisy_bayes', seed=9)
    P = w.joint
    rhs = w.entropy_d_given_ic + sum(P[d, i, r, c]*np.log(P[d, i, r, c]/P[:, i, r, c].sum()/T[d, i, r, c])
                                     for d, i, r, c in np.ndindex(P.shape))
    lhs = 0.0
    for d, i, c in np.ndindex(3, 2, 2):
        s = sum(P[:, i, r, c].sum()/P[:, i, :, c].sum()*T[d, i, r, c] for r in range(3))
        lhs -= P[d, i, :, c].sum()*np.log(s)
    assert log_loss_of_mixture_student(w, T) == pytest.approx(lhs, rel=1e-12)
    assert prop31_bound(w, T) == pytest.approx(rhs, rel=1e-12)
    assert lhs < rhs


@pytest.mark.parametrize('make_bad, msg', [
    (lambda T: T[:, :, :2], 'teacher T(D|I,R,C) has shape (3, 2, 2, 2), expected (3, 2, 3, 2)'),
    (lambda T: np.where(np.arange(3)[:, None, None, None] == 0, T + 0.1, T), 'must sum to 1 over D, got 1.1 at (i, r, c) = (0, 0, 0)'),
    (lambda T: T*np.array([-1.0, 1, 1])[:, None, None, None], 'must be finite and >= 0, got -'),
    (lambda T: np.where(T == T.max(), np.nan, T), 'must be finite and >= 0, got nan'),
])
def test_prop31_functions_reject_bad_teachers(make_bad, msg):
    w = random_world((3, 2, 3, 2), seed=1)
    bad = make_bad(make_teacher(w, 'random', seed=2))
    for f in (mixture_student, expected_teacher_kl, prop31_bound, prop31_slack, log_loss_of_mixture_student):
        with pytest.raises(ValueError) as e: f(w, bad)
        assert msg in str(e.value)


def test_prop31_rejects_bad_worlds_and_students():
    w = random_world((3, 2, 3, 2), seed=1)
    with pytest.raises(ValueError, match=r'sum to 1 over D, I, R, C, got 0\.5'): DiscreteWorld(w.joint/2)
    with pytest.raises(ValueError, match=r'4 axes'): DiscreteWorld(np.ones((2, 2))/4)
    with pytest.raises(ValueError, match=r'student q\(D\|I,C\) has shape \(3, 2, 3, 2\)'): log_loss(w, w.d_given_irc)
    with pytest.raises(ValueError, match="unknown world kind 'chain'"): random_world((2, 2, 2, 2), kind='chain')
    with pytest.raises(ValueError, match="unknown teacher kind"): make_teacher(w, 'student')


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
    for name in ['theory_prop31', 'theory_bound_vs_n', 'theory_bound_vs_eps']:
        assert {f'{name}.png', f'{name}.pdf'} <= paths
        assert (tmp_path/f'{name}.png').read_bytes()[:4] == b'\x89PNG'
    assert 'tables/theory_simulation.csv' in paths and 'tables/theory_codebook_capacity.csv' in paths
    check = (tmp_path/'tables'/'theory_prop31_check.csv').read_text().splitlines()
    assert 'tables/theory_prop31_check.csv' in paths and len(check) == 1 + 3*4     # one row per world x teacher kind
