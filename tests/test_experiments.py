"""The experiment runner as the artefact notebooks use it: method names and budgets checked before any training, the
cache round trip, the loss of the risk bound, the verdict sentences, and the real-data loader refusing incomplete
folders by name. Nothing here trains a network (the notebook 13 tests do, on a tiny budget)."""
import shutil

import numpy as np
import pandas as pd
import pytest

from intervention_distill.experiments import (ABLATIONS, TAU_SWEEP, ExperimentConfig, MethodRun, cache_path, load_profile_world, load_run,
                                              method_spec, save_run, seeds_for, target_losses, verdict, with_temperature, check_tables,
                                              verdict_sentences, PAIRED_METRICS)
from intervention_distill.formats import write_examples


@pytest.mark.parametrize('name, msg', [('byol', "unknown method 'byol'"), ('student_tau_0', "'student_tau_0'"), ('student_tau_abc', "'student_tau_abc'"),
                                       ('', "unknown method ''")])
def test_unknown_methods_are_named(name, msg):
    with pytest.raises(ValueError, match=msg.replace('(', r'\(')): method_spec(name)


def test_method_specs():
    assert [method_spec(m).name for m in ABLATIONS] == list(ABLATIONS)
    assert [method_spec(f'student_tau_{t:g}').tau for t in TAU_SWEEP] == list(TAU_SWEEP)
    assert method_spec('features').kind == 'baseline' and method_spec('cl_r').kind == 'baseline'
    assert method_spec('student_identity_targets').targets == 'identity'


@pytest.mark.parametrize('kw, msg', [(dict(profile='huge'), "'huge'"), (dict(heldout_frac=0.0), 'heldout_frac'), (dict(n_folds=1), 'n_folds'),
                                     (dict(device='tpu'), "'tpu'")])
def test_bad_experiment_configs(kw, msg):
    with pytest.raises(ValueError, match=msg): ExperimentConfig(**kw)


def test_budget_hash_and_seeds():
    assert ExperimentConfig(device='cpu').key() == ExperimentConfig().key() != ExperimentConfig(max_steps=5).key()
    assert seeds_for('smoke', 2) == [2] and seeds_for('paper', 2) == [2, 3, 4]


def test_cache_round_trip(tmp_path):
    rng = np.random.default_rng(0)
    run = MethodRun('student', 3, rng.normal(size=(5, 4)).astype(np.float32), np.zeros((0, 4), np.float32),
                    {'targets': np.full((5, 2), 0.5, np.float32), 'train_fields': np.arange(3), 'info': {'method': 'student', 'seed': 3, 'x': [1, 2]}})
    back = load_run(save_run(run, tmp_path/'r.npz'))
    assert back.cached and (back.method, back.seed) == ('student', 3)
    np.testing.assert_array_equal(back.embeddings, run.embeddings); np.testing.assert_array_equal(back.extras['targets'], run.extras['targets'])
    assert back.extras['info'] == run.extras['info'] and back.knockout_embeddings.shape == (0, 4)
    assert not list(tmp_path.glob('*.tmp'))                                   # written atomically
    (tmp_path/'bad.npz').write_bytes(b'junk')
    with pytest.raises(ValueError, match='bad.npz'): load_run(tmp_path/'bad.npz')


def test_target_losses():
    np.testing.assert_allclose(target_losses([[0.25, 0.75], [1e-9, 1 - 1e-9]], [[0.5, 0.5], [1.0, 0.0]], 4.0),
                               [0.5 * (np.log(4) + np.log(4 / 3)), 4.0])
    with pytest.raises(ValueError, match='one shape'): target_losses([[1.0]], [[0.5, 0.5]])
    with pytest.raises(ValueError, match='loss_cap'): target_losses([[1.0]], [[1.0]], 0)


def test_verdict():
    t = pd.DataFrame({'method': ['student', 'b'], 'm': [0.2, 0.4], 'm_lo': [0.1, 0.3], 'm_hi': [0.25, 0.5]})
    assert 'student does **not** win: b is best' in verdict(t, ['m'], 'student') and 'separate' in verdict(t, ['m'], 'student')
    assert verdict(t.assign(m=[0.5, 0.4]), ['m'], 'student').startswith('- **m**: student is best')
    with pytest.raises(ValueError, match="'student' is not a method"): verdict(t.iloc[1:], ['m'], 'student')


def test_with_temperature_refuses_bad_tau():
    with pytest.raises(ValueError, match='got -1'): with_temperature(object(), -1)


def test_profile_world_needs_all_three_kinds(tmp_path):
    write_examples(tmp_path/'all')
    shutil.copytree(tmp_path/'all'/'l1000', tmp_path/'no_cp'/'l1000'); shutil.copytree(tmp_path/'all'/'compounds', tmp_path/'no_cp'/'compounds')
    with pytest.raises(ValueError, match='lacks Cell Painting profiles'): load_profile_world(tmp_path/'no_cp')
    shutil.copytree(tmp_path/'all'/'cellpainting', tmp_path/'no_l1000'/'cellpainting')
    with pytest.raises(ValueError, match='lacks L1000 signatures'): load_profile_world(tmp_path/'no_l1000')
    pw = load_profile_world(tmp_path/'all')
    assert len(pw.images) == 3 and pw.report['n_wells_dropped'] == 1 and pw.expr.n_obs == 5


def test_cache_names_change_with_budget(tmp_path):
    class W: profile, seed = 'smoke', 0
    w = W(); w.images = type('I', (), {'meta': pd.DataFrame({'compound': ['a']})})(); w.compounds = pd.DataFrame({'compound': ['a'], 'smiles': ['C']})
    a = cache_path(tmp_path, 'student', 0, w, ExperimentConfig())
    assert a.name.startswith('student_s0_smoke_') and a.suffix == '.npz'
    assert a != cache_path(tmp_path, 'student', 0, w, ExperimentConfig(max_steps=3)) != cache_path(tmp_path, 'student', 1, w, ExperimentConfig())


def _ci_cols(metrics, v=0.5):
    return {k: x for m in metrics for k, x in ((m, v), (f'{m}_lo', v - 0.1), (f'{m}_hi', v + 0.1))}


def _tables(methods=('tide', 'dino')):
    one = pd.DataFrame([dict(method=m, task=t, **_ci_cols(['top1', 'top5', 'top10']), n_queries=10, n_seeds=1)
                        for m in methods for t in ('compound', 'genetic')])
    tgt = pd.DataFrame([dict(method=m, **_ci_cols(['ap', 'auc', 'hit_at_5', 'map', 'efaar_recall']), n_seeds=1) for m in methods])
    pdiff = pd.DataFrame([dict(task=t, metric=mt, baseline=b, diff=0.2, lo=0.1, hi=0.3, verdict='wins')
                          for b in methods[1:] for t, ms in PAIRED_METRICS.items() for mt in ms])
    cells = pd.DataFrame([dict(method=m, cell_type='A549', n_paired_compounds=3, **_ci_cols(['top1', 'ap'])) for m in methods])
    return {'one_shot': one, 'target_discovery': tgt, 'paired_differences': pdiff, 'cell_types': cells}


def test_check_tables_names_each_broken_promise():
    t = _tables()
    check_tables(t, ['tide', 'dino'])
    with pytest.raises(ValueError, match=r"\('mae', 'compound'\)"): check_tables(t, ['tide', 'dino', 'mae'])
    with pytest.raises(ValueError, match="'top5_lo'"): check_tables({**t, 'one_shot': t['one_shot'].drop(columns='top5_lo')}, ['tide', 'dino'])
    with pytest.raises(ValueError, match='outside its interval'): check_tables({**t, 'target_discovery': t['target_discovery'].assign(auc=0.9)}, ['tide', 'dino'])
    with pytest.raises(ValueError, match='NaN'): check_tables({**t, 'one_shot': t['one_shot'].assign(top1=np.nan)}, ['tide', 'dino'])
    with pytest.raises(ValueError, match='disagrees'): check_tables({**t, 'paired_differences': t['paired_differences'].assign(verdict='ties')}, ['tide', 'dino'])
    with pytest.raises(ValueError, match="'paired_differences' is missing"): check_tables({k: v for k, v in t.items() if k != 'paired_differences'}, ['tide'])
    with pytest.raises(ValueError, match='lacks'): check_tables({**t, 'paired_differences': t['paired_differences'].iloc[:-1]}, ['tide', 'dino'])
    check_tables({**t, 'cell_types': t['cell_types'].assign(ap=np.nan)}, ['tide', 'dino'])          # a cell type without targets may have no AP


def test_verdict_sentences_come_from_the_table():
    p = _tables(('tide', 'dino', 'mae'))['paired_differences']
    p.loc[p.baseline == 'mae', ['diff', 'lo', 'hi', 'verdict']] = [-0.2, -0.3, -0.1, 'loses']
    s = verdict_sentences(p, 'tide', {'compound': ['top1']})
    assert s == "- **compound top1**: tide wins against dino (+0.200 [+0.100, +0.300]); loses to mae (-0.200 [-0.300, -0.100])."
    with pytest.raises(ValueError, match="'nope'"): verdict_sentences(p, 'tide', {'compound': ['nope']})
