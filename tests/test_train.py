"""The training loop from the command line: a run, resumption to the same losses, two Gloo processes under torchrun
matching one process with the same global batch, and clear errors for bad arguments and bad checkpoints.

Runs on the toy data (`--data toy`) with the smoke ViT (no batch-norm, so several processes and one process compute
the same thing up to float rounding), a few steps each."""
import json, os, re, subprocess, sys
from pathlib import Path

import numpy as np
import pytest
import torch
from intervention_distill.train import main

torch.set_num_threads(1)
ROOT = Path(__file__).resolve().parents[1]
TINY = ['--profile', 'smoke', '--seed', '0', '--data', 'toy', '--backbone', 'vit_small_patch16_224', '--batch-size', '8',
        '--n-crops', '2', '--warmup-steps', '2', '--device', 'cpu', '--no-progress']
ENV = {**os.environ, 'OMP_NUM_THREADS': '1', 'MKL_NUM_THREADS': '1'}


def run(*args, launcher=(sys.executable, '-m', 'intervention_distill.train'), timeout=300):
    return subprocess.run([*launcher, *args], cwd=ROOT, capture_output=True, text=True, env=ENV, timeout=timeout)


def metrics(out) -> list[dict]:
    return [json.loads(l) for l in (Path(out)/'metrics.jsonl').read_text().splitlines() if l.strip()]


def weights(out) -> dict:
    return torch.load(Path(out)/'student.pt', map_location='cpu', weights_only=True)['state_dict']


@pytest.fixture(scope='module')
def reference(tmp_path_factory):
    "One uninterrupted single-process run of 6 steps."
    out = tmp_path_factory.mktemp('ref')/'run'
    r = run(*TINY, '--max-steps', '6', '--out', str(out))
    assert r.returncode == 0, r.stderr[-3000:]
    return out


def test_cli_run_writes_metrics_summary_and_checkpoints(reference):
    m = metrics(reference)
    assert [x['step'] for x in m] == [1, 2, 3, 4, 5, 6]
    assert {'step', 'loss', 'lr', 'kl', 'grad_norm'} <= set(m[0]) and all(np.isfinite(x['loss']) for x in m)
    s = json.loads((reference/'summary.json').read_text())
    assert s['finished'] and s['step'] == 6 and s['world_size'] == 1 and s['device'] == 'cpu'
    assert s['final_loss'] == m[-1]['loss']
    assert sorted(p.name for p in reference.glob('ckpt_*.pt')) == ['ckpt_0000006.pt']   # smoke checkpoints every 10 + the last step
    assert not list(reference.glob('*.tmp'))
    assert (reference/'student.pt').exists()


def test_stopped_and_resumed_run_matches_uninterrupted(reference, tmp_path):
    out = tmp_path/'run'
    r1 = run(*TINY, '--max-steps', '6', '--stop-at', '4', '--out', str(out))
    assert r1.returncode == 0, r1.stderr[-3000:]
    assert json.loads((out/'summary.json').read_text())['finished'] is False
    r2 = run(*TINY, '--max-steps', '6', '--out', str(out), '--resume')
    assert r2.returncode == 0, r2.stderr[-3000:]
    a, b = metrics(reference), metrics(out)
    assert [x['step'] for x in b] == [1, 2, 3, 4, 5, 6]
    np.testing.assert_allclose([x['loss'] for x in b], [x['loss'] for x in a], rtol=1e-4)
    wa, wb = weights(reference), weights(out)
    for k in wa: torch.testing.assert_close(wb[k], wa[k], rtol=1e-4, atol=1e-5)


def test_two_gloo_processes_match_one_process(reference, tmp_path):
    "torchrun, 2 CPU processes with Gloo and a DistributedSampler: same global batch (8 = 2 × 4), same steps."
    out = tmp_path/'ddp'
    r = run('--standalone', '--nproc_per_node', '2', '-m', 'intervention_distill.train', *TINY, '--max-steps', '6', '--out', str(out),
            launcher=(sys.executable, '-m', 'torch.distributed.run'))
    assert r.returncode == 0, r.stderr[-3000:]
    s = json.loads((out/'summary.json').read_text())
    assert s['world_size'] == 2 and s['finished']
    assert r.stdout.count('"final_loss"') == 1                                            # only rank 0 reports
    a, b = metrics(reference), metrics(out)
    assert [x['step'] for x in b] == [1, 2, 3, 4, 5, 6]
    np.testing.assert_allclose([x['loss'] for x in b], [x['loss'] for x in a], rtol=1e-4)
    wa, wb = weights(reference), weights(out)
    for k in wa: torch.testing.assert_close(wb[k], wa[k], rtol=1e-3, atol=1e-4)


def test_bad_arguments_fail_with_the_value_named(tmp_path, capsys):
    r = run('--data', 'toy', '--device', 'cpu', '--max-steps', '0', '--out', str(tmp_path/'x'))      # the command line: exit status, message
    assert r.returncode != 0 and 'ERROR: max_steps must be a positive integer, got 0' in r.stderr, r.stderr[-2000:]
    for args, msg in [(['--batch-size', '8', '--accum-steps', '3'], 'batch_size 8 is not divisible'),
                      (['--backbone', 'efficientnet_b0'], "'efficientnet_b0'"),
                      (['--temperature', '0'], 'temperature'), (['--data', 'toy', '--max-steps', '6', '--stop-at', '9'], 'stop_at')]:
        with pytest.raises(ValueError, match=re.escape(msg)): main(['--data', 'toy', '--device', 'cpu', *args, '--out', str(tmp_path/'x')])
    for args, msg in [(['--profile', 'huge'], "invalid choice: 'huge'"), (['--amp', 'fp16'], "invalid choice: 'fp16'")]:     # options with choices: argparse refuses
        with pytest.raises(SystemExit): main(['--data', 'toy', '--device', 'cpu', *args, '--out', str(tmp_path/'x')])
        assert msg in capsys.readouterr().err
    assert not (tmp_path/'x'/'metrics.jsonl').exists()


def test_truncated_and_mismatched_checkpoints_are_refused(tmp_path):
    out = tmp_path/'run'
    main([*TINY, '--max-steps', '6', '--stop-at', '2', '--checkpoint-every', '1', '--out', str(out)])
    last = sorted(out.glob('ckpt_*.pt'))[-1]
    assert last.name == 'ckpt_0000002.pt'
    data = last.read_bytes()
    last.write_bytes(data[:len(data) // 2])
    r = run(*TINY, '--max-steps', '6', '--out', str(out), '--resume')                     # the command line names the file
    assert r.returncode != 0 and 'truncated or corrupt' in r.stderr and last.name in r.stderr, r.stderr[-2000:]
    last.write_bytes(data)
    for args, msg in [(['--lr', '0.01'], 'train.lr: checkpoint 0.002, run 0.01'), (['--embed-dim', '64'], 'student.embed_dim'),
                      (['--batch-size', '16'], 'train.batch_size'), (['--seed', '1'], 'train.seed')]:
        with pytest.raises(ValueError, match=re.escape(msg)): main([*TINY, '--max-steps', '6', *args, '--out', str(out), '--resume'])
    with pytest.raises(ValueError, match='already holds checkpoints'): main([*TINY, '--max-steps', '6', '--out', str(out)])
    main([*TINY, '--max-steps', '6', '--out', str(out), '--resume'])                         # the intact checkpoint still resumes
    assert [x['step'] for x in metrics(out)] == [1, 2, 3, 4, 5, 6]
