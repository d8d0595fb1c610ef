"""tools/fresh_clone.py: a timed run in a fresh clone of HEAD, its results copied back with the timing record."""
import subprocess, sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]/'tools'))
from fresh_clone import fresh_clone  # noqa: E402


def _repo(tmp_path):
    repo = tmp_path/'repo'; repo.mkdir()
    for args in (['init', '-q'], ['config', 'user.email', 't@t'], ['config', 'user.name', 't']): subprocess.run(['git', '-C', str(repo), *args], check=True)
    (repo/'a.txt').write_text('a\n')
    subprocess.run(['git', '-C', str(repo), 'add', '.'], check=True); subprocess.run(['git', '-C', str(repo), 'commit', '-qm', 'init'], check=True)
    (repo/'figures'/'standard').mkdir(parents=True); (repo/'figures'/'standard'/'old.csv').write_text('stale\n')   # an earlier local run, untracked
    return repo


def test_results_come_back_with_the_timing(tmp_path):
    repo = _repo(tmp_path)
    cmd = 'mkdir -p figures/standard/tables figures/standard/executed && echo 1 > figures/standard/tables/one_shot.csv && echo nb > figures/standard/executed/x.ipynb && sleep 1'
    rec = fresh_clone('standard', repo, tmp_path/'clone', cmd)
    assert rec.rc.iloc[0] == 0 and rec.seconds.iloc[0] >= 1
    out = repo/'figures'/'standard'
    assert (out/'tables'/'one_shot.csv').read_text() == '1\n'
    assert not (out/'old.csv').exists() and not (out/'executed').exists()      # replaced by the clone's folder, executed notebooks left out
    saved = pd.read_csv(out/'tables'/'fresh_clone.csv')
    assert saved.git_commit.iloc[0] == subprocess.run(['git', '-C', str(repo), 'rev-parse', 'HEAD'], capture_output=True, text=True).stdout.strip()
    assert saved.command.iloc[0] == cmd and not (tmp_path/'clone').exists()


def test_a_failed_run_copies_nothing(tmp_path):
    repo = _repo(tmp_path)
    rec = fresh_clone('standard', repo, tmp_path/'clone', 'mkdir -p figures/standard && echo new > figures/standard/new.csv && exit 3')
    assert rec.rc.iloc[0] == 3
    assert (repo/'figures'/'standard'/'old.csv').exists() and not (repo/'figures'/'standard'/'new.csv').exists()
    assert (tmp_path/'clone').exists()                                          # kept, with its log beside the repository


def test_uncommitted_changes_are_refused(tmp_path):
    repo = _repo(tmp_path)
    (repo/'a.txt').write_text('changed\n')
    with pytest.raises(ValueError, match='a.txt'): fresh_clone('standard', repo, tmp_path/'clone', 'true')


def test_a_profile_writing_into_figures_itself_is_refused(tmp_path):
    with pytest.raises(ValueError, match="profile 'smoke' writes into figures/ itself"): fresh_clone('smoke', _repo(tmp_path), tmp_path/'clone', 'true')
