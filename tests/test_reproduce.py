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
    assert r.returncode != 0 and "invalid choice: 'huge'" in r.stderr
    assert not (tmp_path/'out').exists()


def test_bad_parameters_fail_before_work(tmp_path):
    for args, msg in [(['--seed', '-2'], '-2'), (['--device', 'tpu'], "'tpu'"),
                      (['--data-dir', str(tmp_path/'missing')], 'missing'), (['--only', '77'], "'77'")]:
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


def test_help_shows_dashes_defaults_and_choices():
    r = run('--help')
    assert r.returncode == 0 and '--data-dir' in r.stdout and '--data_dir' not in r.stdout
    text = ' '.join(r.stdout.split())                     # argparse wraps lines where it likes
    assert 'default: smoke' in text and '{paper,smoke' in text
    assert 'figures for smoke' in text and 'figures/standard for standard' in text and 'standard: 14_one_shot' in text


def readme_command(module:str) -> list[str]:
    "The README's real-data command line of `module` (the README is what a new user copies)."
    lines = [l.strip() for l in (ROOT/'README.md').read_text().splitlines() if f'-m intervention_distill.{module} ' in l and '--data-dir' in l]
    assert lines, f'README.md has no {module} command with --data-dir'
    return lines[0].split()


def test_readme_real_data_command_runs(shared_data, tmp_path):
    "The README's reproduce command on ../shared/data, limited to the data-folder notebook: it runs on the data and says so."
    args = readme_command('reproduce')[3:]                                      # after `python -m intervention_distill.reproduce`
    args[args.index('--data-dir') + 1] = str(shared_data); args[args.index('--out') + 1] = str(tmp_path)
    r = run(*args, '--only', '04_formats')
    assert r.returncode == 0, r.stderr
    m = json.loads((tmp_path/'manifest.json').read_text())
    assert m['data_dir'] == str(shared_data.resolve()) and m['notebooks_run'] == ['04_formats.ipynb'] and m['partial']
    assert m['git_commit'] != 'mixed' and m['runs'][-1]['notebooks'] == ['04_formats.ipynb']
    ex = json.loads((tmp_path/'executed'/'04_formats.ipynb').read_text())
    assert 'l1000_compound_signatures' in ''.join(o.get('text', '') if isinstance(o.get('text', ''), str) else ''.join(o['text'])
                                                  for c in ex['cells'] if c['cell_type'] == 'code' for o in c.get('outputs', []))


def test_make_passes_data_dir(tmp_path):
    r = subprocess.run(['make', '-n', 'reproduce', 'DATA_DIR=data/lincs', f'OUT={tmp_path}'], cwd=ROOT, capture_output=True, text=True)
    assert '--data-dir data/lincs' in r.stdout, r.stdout + r.stderr


def test_bootstrap_is_idempotent():
    "After set-up, `make bootstrap` has nothing to do (a second `make test`/`make reproduce` reinstalls nothing)."
    if not (ROOT/'.venv'/'.bootstrap-done').exists(): import pytest; pytest.skip('not bootstrapped by make')
    assert subprocess.run(['make', '-q', 'bootstrap'], cwd=ROOT).returncode == 0
