"""TIDE from the command line: `python -m intervention_distill.train --profile smoke --seed 0 --max-steps N --out DIR`
trains TIDE (the default method) on the smoke world, and its metrics.jsonl records the three terms of the objective at
every step; an ablation is picked by name, and bad names and misplaced options fail with the value named."""
import json, os, subprocess, sys
from pathlib import Path

import pytest
import torch
from intervention_distill.train import main

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, 'OMP_NUM_THREADS': '1', 'MKL_NUM_THREADS': '1'}
TINY = ['--profile', 'smoke', '--seed', '0', '--batch-size', '8', '--n-crops', '2', '--device', 'cpu', '--no-progress']


def metrics(out) -> list[dict]:
    return [json.loads(l) for l in (Path(out)/'metrics.jsonl').read_text().splitlines() if l.strip()]


def test_cli_trains_tide_and_logs_the_three_terms(tmp_path):
    out = tmp_path/'tide'
    r = subprocess.run([sys.executable, '-m', 'intervention_distill.train', *TINY, '--max-steps', '3', '--out', str(out)],
                       cwd=ROOT, capture_output=True, text=True, env=ENV, timeout=900)
    assert r.returncode == 0, r.stderr[-3000:]
    assert 'weak pairing' in r.stdout and 'paired' in r.stdout                        # the pairing report is printed
    rows = metrics(out)
    assert [m['step'] for m in rows] == [1, 2, 3]
    for m in rows:
        for k in ('loss', 'loss_distill', 'loss_teacher', 'loss_ssl'): assert k in m and m[k] == m[k], (k, m)
        assert abs(m['loss'] - (m['loss_distill'] + m['loss_teacher'] + m['loss_ssl'])) < 1e-3 * max(1.0, abs(m['loss']))
    assert rows[0]['loss_teacher'] > 0 and rows[0]['loss_ssl'] > 0
    summary = json.loads((out/'summary.json').read_text())
    assert summary['method'] == 'tide' and summary['finished'] and summary['pairing']['paired'] > 0
    saved = torch.load(out/'tide.pt', map_location='cpu', weights_only=True)
    assert saved['tide']['ssl'] == 'dino' and saved['step'] == 3


def test_cli_runs_an_ablation_by_name(tmp_path):
    s = main([*TINY, '--max-steps', '2', '--method', 'tide_no_ssl', '--out', str(tmp_path/'no_ssl')])
    assert s['method'] == 'tide_no_ssl' and s['tide']['beta'] == 0.0
    assert all(m['loss_ssl'] == 0.0 for m in metrics(tmp_path/'no_ssl'))


def test_bad_methods_and_options_are_named(tmp_path):
    for args, msg in ((['--method', 'tide_best'], "unknown TIDE method 'tide_best'"),
                      (['--method', 'tide', '--data', 'toy'], "--data toy serves --method student"),
                      (['--backbone', 'resnet18'], 'option --backbone applies to --method student')):
        with pytest.raises(ValueError, match=msg): main([*TINY, '--max-steps', '2', *args, '--out', str(tmp_path/'x')])
