#!/usr/bin/env python
"""Does the training loop cost more than the model? Steps/s of the project's training loop against a bare step.

For each setting (a profile: toy fields of its size written once into a `FieldStore`, its student, batch, crops,
precision, memory layout, compilation and loader workers) we time, in one process and side by side:

* **bare**: the student's forward, distillation loss, backward and AdamW step on one batch already on the device
  (no loader, clipping, schedule, EMA, metrics or checkpoints);
* **loop**: the project's training loop itself, with its loader in the loop (views cut in its loader workers, which
  hand batches over through shared-memory slots on a CPU, or on the GPU there; on a CPU the loop gives the student's
  data one worker when a core is free of torch's threads), clipping, schedule, EMA and the metrics log: steps/s over the steps after the warm-up. Its one
  checkpoint is written after the last timed step: a checkpoint is a cost per checkpoint, not per step (every 10
  steps in the 60-step smoke run, every 100 at standard, 1,000 at paper), reported on its own as `checkpoint_s`
  (one save of the run's checkpoint, fsync included) with the profile's `checkpoint_every`.

The ratio loop/bare must be >= 0.9: the row keeps the median of the repeats, with the lowest and highest beside it.
Also reported: the batches that did not fit a slot (`slot_fallbacks`, 0 when all went through the slots), fields/s of the loop and the peak memory (CUDA's peak
allocation on a GPU, the process's peak resident set on a CPU). Rows are merged into figures/tables/bench_train.csv
by (setting, device).

    python bench/bench_train.py --settings smoke,standard
    python bench/bench_train.py --settings paper --device cuda --out $OUT
"""
from __future__ import annotations
import argparse, os, resource, sys, tempfile, time
from pathlib import Path

import numpy as np
import pandas as pd
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import KEYS, bare_trainer, loop_parts, machine, timed_rate, write_table  # noqa: E402
from intervention_distill.core import PROFILES, get_profile, pick_device  # noqa: E402
from intervention_distill.loop import checkpoints, load_checkpoint, save_checkpoint  # noqa: E402
from intervention_distill.student_fit import train  # noqa: E402


def peak_mb(device) -> float:
    if device.type == 'cuda': return torch.cuda.max_memory_allocated(device) / 2**20
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10


def loop_rate(store, targets, cfg, warmup:int) -> tuple[float, float, dict]:
    "Steps/s of the training loop over its steps after `warmup` (timestamps of its own metrics log), the seconds of one save of its checkpoint, and the run's summary."
    torch._dynamo.reset()                                        # compiled afresh, not from the bare step's cache
    with tempfile.TemporaryDirectory() as d:
        res = train(store, targets, cfg, out=d)
        state = load_checkpoint(checkpoints(d)[-1])
        t0 = time.perf_counter(); save_checkpoint(state, Path(d)/'again.pt'); ckpt_s = time.perf_counter() - t0
    t = [r['time_s'] for r in res.records]
    return (len(t) - warmup) / (t[-1] - t[warmup - 1]), ckpt_s, res.summary


def bench_setting(name:str, device, n_fields:int, steps:int, warmup:int, workers:int|None, seed:int, repeats:int) -> dict:
    store, targets, cfg, ds, dl = loop_parts(name, seed, device, n_fields, workers, max_steps=warmup + steps, checkpoint_every=warmup + steps)
    batch = next(iter(dl))
    del dl
    if device.type == 'cuda': torch.cuda.reset_peak_memory_stats(device)
    step = bare_trainer(store, targets, cfg, device, batch)
    bare, loops, ckpt_s, fallbacks = [timed_rate(step, steps, warmup, device)], [], [], 0
    for _ in range(repeats):                                     # bare, loop, bare, loop, bare: each loop against the bare runs around it
        rate, c, summary = loop_rate(store, targets, cfg, warmup)
        loops.append(rate); ckpt_s.append(c); fallbacks += (summary['batch_slots'] or {}).get('fallbacks', 0)
        bare.append(timed_rate(step, steps, 1, device))
    ratios = [lp / ((b0 + b1) / 2) for lp, b0, b1 in zip(loops, bare, bare[1:])]
    k = int(np.argsort(ratios)[len(ratios) // 2])               # the median run
    b = (bare[k] + bare[k + 1]) / 2
    return dict(setting=name, device=device.type, loop_steps_per_s=loops[k], bare_steps_per_s=b, loop_over_bare=ratios[k],
                loop_over_bare_min=min(ratios), loop_over_bare_max=max(ratios), loop_fields_per_s=loops[k] * cfg.batch_size,
                batch=cfg.batch_size, workers=summary['num_workers'], slot_fallbacks=fallbacks, peak_mb=peak_mb(device),
                checkpoint_s=float(np.median(ckpt_s)), checkpoint_every=get_profile(name).checkpoint_every,
                repeats=repeats, **machine(device))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--settings', default='smoke,standard', help=f"comma-separated profiles, from {sorted(PROFILES)}")
    ap.add_argument('--device', default='cpu')
    ap.add_argument('--fields', type=int, default=512, help='toy fields in the store')
    ap.add_argument('--steps', type=int, default=20, help='timed steps of the bare step and of the loop')
    ap.add_argument('--warmup', type=int, default=3, help='untimed steps first')
    ap.add_argument('--workers', type=int, default=None, help="loader workers (default: the loop's)")
    ap.add_argument('--threads', type=int, default=1, help='torch intra-op threads on a CPU (1: on a shared machine more threads wait on each other)')
    ap.add_argument('--repeats', type=int, default=1, help='loop runs, each between two bare timings; the median ratio is kept')
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--out', default=None, help='folder of the CSV (default figures/tables)')
    a = ap.parse_args(argv)
    names = [x for x in a.settings.split(',') if x]
    unknown = [x for x in names if x not in PROFILES]
    if unknown: raise SystemExit(f"unknown setting(s) {unknown}: choose from {sorted(PROFILES)}")
    if a.steps < 2 or a.warmup < 1: raise SystemExit(f"need --steps >= 2 and --warmup >= 1, got {a.steps}, {a.warmup}")
    if a.threads and pick_device(a.device).type == 'cpu': torch.set_num_threads(a.threads)
    device = pick_device(a.device)
    rows = [bench_setting(n, device, a.fields, a.steps, a.warmup, a.workers, a.seed, a.repeats) for n in names]
    df = pd.DataFrame(rows)
    print(df.to_markdown(index=False, floatfmt='.3g'))
    for r in rows: print(f"{r['setting']} ({r['device']}): loop/bare = {r['loop_over_bare']:.3f}")
    print(f"wrote {write_table(df, 'bench_train', KEYS['bench_train'], a.out)}")


if __name__ == '__main__':
    main()
