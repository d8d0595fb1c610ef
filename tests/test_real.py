"""The real-data track from the command line, as the README gives it, on ../shared/data (CI has the folder beside
the project: these tests fail, not skip, without it)."""
import json, subprocess, sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]


def readme_real_command() -> list[str]:
    lines = [l.strip() for l in (ROOT/'README.md').read_text().splitlines() if '-m intervention_distill.real ' in l and '--data-dir' in l]
    assert lines, 'README.md has no real-data command with --data-dir'
    return lines[0].split()


def test_readme_real_command_writes_tables_and_manifest(shared_data, tmp_path):
    args = readme_real_command()[3:]                                            # after `python -m intervention_distill.real`
    args[args.index('--data-dir') + 1] = str(shared_data); args[args.index('--out') + 1] = str(tmp_path)
    r = subprocess.run([sys.executable, '-m', 'intervention_distill.real', *args, '--steps', '30', '--n-splits', '2', '--device', 'cpu'],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-3000:]
    names = {'real_sizes', 'real_cmea_retrieval', 'real_cmea_annotation', 'real_plate_one_shot', 'real_plate_activity'}
    assert {p.stem for p in (tmp_path/'tables').glob('real_*.csv')} == names
    m = json.loads((tmp_path/'manifest_real.json').read_text())
    assert m['data_dir'] == str(shared_data.resolve()) and m['config']['n_splits'] == 2 and set(m['tables']) == names
    xm = pd.read_csv(tmp_path/'tables'/'real_cmea_retrieval.csv')
    assert set(xm.method) == {'features', 'CL(R)', 'CL(D)', 'TIDE'} and (xm.ci_low <= xm.value).all() and (xm.value <= xm.ci_high).all()
    assert xm.n_compounds.min() >= 10 and xm.n_splits.eq(2).all()
    sizes = pd.read_csv(tmp_path/'tables'/'real_sizes.csv').set_index('what').n
    assert sizes['compounds (profile + signature pairs)'] == 24 and sizes['wells'] == 52 and sizes['DMSO wells'] == 16
    act = pd.read_csv(tmp_path/'tables'/'real_plate_activity.csv')
    assert act[act.compound == 'all'].n_compounds.eq(6).all() and act.p_value.dropna().between(0, 1).all()


def test_missing_data_dir_is_a_clear_error(tmp_path):
    (tmp_path/'notes.csv').write_text('a,b\n1,2\n')
    r = subprocess.run([sys.executable, '-m', 'intervention_distill.real', '--data-dir', str(tmp_path), '--out', str(tmp_path/'o')],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode != 0 and 'notes.csv' in r.stderr
