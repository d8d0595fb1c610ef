"""The reproduction runner from the command line: bad parameters fail before any work, a real notebook runs
through papermill and lands in the manifest, and the set-up is idempotent."""
import json, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args, **kw):
    return subprocess.run([sys.executable, '-m', 'intervention_distill.reproduce', *args], cwd=ROOT,
                          capture_output=True, text=True, **kw)


def test_unknown_profile_fails_before_work(tmp_path):
    r = run('--profile', 'huge', '--out', str(tmp_path/'out'))
    assert r.returncode != 0 and "unknown profile 'huge'" in r.stderr
    assert not (tmp_path/'out').exists()


def test_bad_parameters_fail_before_work(tmp_path):
    for args, msg in [(['--seed', '-2'], '-2'), (['--device', 'tpu'], "'tpu'"),
                      (['--data_dir', str(tmp_path/'missing')], 'missing'), (['--only', '77'], "'77'")]:
        r = run(*args, '--out', str(tmp_path/'out'))
        assert r.returncode != 0 and msg in r.stderr, (args, r.stderr)
    assert not (tmp_path/'out'/'manifest.json').exists()


def test_runs_a_notebook_and_writes_manifest(tmp_path):
    r = run('--only', '00_core', '--out', str(tmp_path))
    assert r.returncode == 0, r.stderr
    m = json.loads((tmp_path/'manifest.json').read_text())
    assert m['profile'] == 'smoke' and m['notebooks_run'] == ['00_core.ipynb']
    assert all((tmp_path/a['path']).exists() for a in m['artifacts'])
    ex = json.loads((tmp_path/'executed'/'00_core.ipynb').read_text())
    injected = [c for c in ex['cells'] if 'injected-parameters' in c['metadata'].get('tags', [])]
    assert injected and f"out_dir = \"{tmp_path}\"" in ''.join(injected[0]['source'])


def test_bootstrap_is_idempotent():
    "After set-up, `make bootstrap` has nothing to do (a second `make test`/`make reproduce` reinstalls nothing)."
    if not (ROOT/'.venv'/'.bootstrap-done').exists(): import pytest; pytest.skip('not bootstrapped by make')
    assert subprocess.run(['make', '-q', 'bootstrap'], cwd=ROOT).returncode == 0
