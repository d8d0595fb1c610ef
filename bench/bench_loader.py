#!/usr/bin/env python
"""Does the loader keep the model busy? Fields/s of the training loader against the fields/s the training step eats.

For each setting (a profile: toy fields of its size written once into a `FieldStore`, its batch size, crops,
student, precision and loader workers) we time, in one process and side by side on the same machine:

* **loader**: the training loop's loader alone (`MultiscaleDataset` on the store, training-mode views and
  augmentations; views cut in the workers on a CPU, on the GPU there), fields/s after one warm-up batch;
* **consumption**: the bare training step of the profile's student (forward, distillation loss, backward, AdamW)
  on one batch of that loader, already on the device: batch size × steps/s.

The ratio loader/consumption must be >= 3: then loading never limits training. Rows are merged into
figures/tables/bench_loader.csv by (setting, device), so CPU and GPU rows sit side by side.

    python bench/bench_loader.py --settings smoke,standard
    python bench/bench_loader.py --settings paper --device cuda --out $OUT
"""
from __future__ import annotations
import argparse, os, sys, time

import pandas as pd
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import KEYS, bare_trainer, loop_parts, machine, sync, timed_rate, write_table  # noqa: E402
from intervention_distill.core import PROFILES, pick_device  # noqa: E402


def loader_rate(dl, device, n_batches:int) -> float:
    "Fields/s of iterating `dl` for `n_batches` batches after one warm-up batch (which also starts the workers)."
    n, fields, epoch, t0 = 0, 0, 0, None
    while n < n_batches:
        dl.set_epoch(epoch); epoch += 1
        for b in dl:
            if t0 is None: sync(device); t0 = time.perf_counter(); continue
            n += 1; fields += len(b['index'])
            if n == n_batches: break
    sync(device)
    return fields / (time.perf_counter() - t0)


def bench_setting(name:str, device, n_fields:int, batches:int, steps:int, warmup:int, workers:int|None, seed:int) -> dict:
    store, targets, cfg, ds, dl = loop_parts(name, seed, device, n_fields, workers)
    batch = next(iter(dl))
    step = bare_trainer(store, targets, cfg, device, batch)
    load = loader_rate(dl, device, batches)
    consume = timed_rate(step, steps, warmup, device) * cfg.batch_size
    load2 = loader_rate(dl, device, batches)                   # again after the step: the median-free guard against drift
    lo = min(load, load2)
    return dict(setting=name, device=device.type, loader_fields_per_s=lo, consumption_fields_per_s=consume,
                loader_over_consumption=lo / consume, batch=cfg.batch_size, workers=cfg.num_workers,
                views_on=str(dl.views_device or 'workers'), **machine(device))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--settings', default='smoke,standard', help=f"comma-separated profiles, from {sorted(PROFILES)}")
    ap.add_argument('--device', default='cpu')
    ap.add_argument('--fields', type=int, default=512, help='toy fields in the store')
    ap.add_argument('--batches', type=int, default=20, help='timed loader batches')
    ap.add_argument('--steps', type=int, default=10, help='timed bare steps')
    ap.add_argument('--warmup', type=int, default=3)
    ap.add_argument('--workers', type=int, default=None, help="loader workers (default: the loop's)")
    ap.add_argument('--threads', type=int, default=1, help='torch intra-op threads on a CPU (1: on a shared machine more threads wait on each other)')
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--out', default=None, help='folder of the CSV (default figures/tables)')
    a = ap.parse_args(argv)
    names = [x for x in a.settings.split(',') if x]
    unknown = [x for x in names if x not in PROFILES]
    if unknown: raise SystemExit(f"unknown setting(s) {unknown}: choose from {sorted(PROFILES)}")
    if a.threads and pick_device(a.device).type == 'cpu': torch.set_num_threads(a.threads)
    device = pick_device(a.device)
    rows = [bench_setting(n, device, a.fields, a.batches, a.steps, a.warmup, a.workers, a.seed) for n in names]
    df = pd.DataFrame(rows)
    print(df.to_markdown(index=False, floatfmt='.3g'))
    for r in rows: print(f"{r['setting']} ({r['device']}): loader/consumption = {r['loader_over_consumption']:.2f}")
    print(f"wrote {write_table(df, 'bench_loader', KEYS['bench_loader'], a.out)}")


if __name__ == '__main__':
    main()
