#!/usr/bin/env python
"""Throughput of the full training loop against a bare optimiser step of the same student on the same batch.

In one process, on one machine, for each setting (toy fields of the profile's size, `intervention_distill.train.toy_data`,
and the profile's student, loop and loader settings) we time, side by side:

* **bare**: `student(field, crops, mask)` → `distill_loss` → `backward` → `AdamW.step` → `zero_grad`, on one batch
  already on the device (same precision, memory layout and compilation as the loop; no loader, clipping, schedule,
  EMA, metrics or checkpoints);
* **loop**: `intervention_distill.train.train` itself (loader and augmentations, autocast, clipping, AdamW, cosine
  schedule, EMA, the per-step metrics line and the profile's checkpoints), steps/s over the steps after the warm-up;
* **loader**: the loop's loader alone (same dataset, batch size and workers), fields/s, against the fields/s the
  loop consumes;
* **peak memory**: CUDA's peak allocation on a GPU, the process's peak resident set on a CPU.

    python bench/bench_train.py                         # smoke setting on the default device
    python bench/bench_train.py --settings smoke,paper --device cuda --steps 50
"""
from __future__ import annotations
import argparse, contextlib, os, platform, resource, statistics, sys, tempfile, time

import numpy as np
import pandas as pd
import torch

from intervention_distill.core import get_profile, pick_device
from intervention_distill.loading import MultiscaleDataset, ViewConfig, make_loader, plate_stats
from intervention_distill.student import MultiscaleStudent, distill_loss
from intervention_distill.loop import TrainConfig, amp_dtype
from intervention_distill.train import student_for, toy_data, train

SETTINGS = {'smoke': dict(n_fields=256), 'paper': dict(n_fields=768)}


def sync(device):
    if device.type == 'cuda': torch.cuda.synchronize(device)


def peak_mb(device) -> float:
    if device.type == 'cuda': return torch.cuda.max_memory_allocated(device) / 2**20
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (2**20 if sys.platform == 'darwin' else 2**10)


def bare_rate(images, targets, cfg:TrainConfig, device, warmup:int, steps:int) -> tuple[float, float]:
    "Steps/s and peak memory (MB) of the bare step on one batch of the loop's loader."
    scfg = student_for(cfg.profile, images, targets)
    view = ViewConfig.from_profile(get_profile(cfg.profile), n_crops=cfg.n_crops)
    ds = MultiscaleDataset(images, view, stats=plate_stats(images, max_fields=256, seed=cfg.seed), seed=cfg.seed)
    b = next(iter(make_loader(ds, cfg.batch_size, seed=cfg.seed, device=device)))
    field, crops, mask = (b[k].to(device) for k in ('field', 'crops', 'crop_mask'))
    soft = torch.as_tensor(targets.soft, device=device)[b['index'].to(device)]
    torch.manual_seed(cfg.seed)
    model = MultiscaleStudent(scfg).to(device)
    if device.type == 'cuda': model = model.to(memory_format=torch.channels_last); model.channels_last = True
    fwd = torch.compile(model) if (cfg.compile if cfg.compile is not None else get_profile(cfg.profile).compile_on_cuda and device.type == 'cuda') else model
    opt = torch.optim.AdamW(model.parameters(), lr=cfg.lr, fused=device.type == 'cuda')
    adt = amp_dtype(cfg.amp, device)
    autocast = (lambda: torch.autocast(device.type, dtype=adt)) if adt is not None else contextlib.nullcontext
    def step():
        with autocast(): out = fwd(field, crops, mask)
        distill_loss(out, soft, scfg)['loss'].backward()
        opt.step(); opt.zero_grad(set_to_none=True)
    for _ in range(warmup): step()
    if device.type == 'cuda': torch.cuda.reset_peak_memory_stats(device)
    sync(device); t0 = time.perf_counter()
    for _ in range(steps): step()
    sync(device)
    return steps / (time.perf_counter() - t0), peak_mb(device)


def loop_rate(images, targets, cfg:TrainConfig, warmup:int) -> tuple[float, float, dict]:
    "Steps/s of `train` over the steps after `warmup`, its peak memory, and its summary."
    with tempfile.TemporaryDirectory() as d:
        res = train(images, targets, cfg, out=d)
    t = [r['time_s'] for r in res.records]
    return (len(t) - warmup) / (t[-1] - t[warmup - 1]), res.summary['peak_memory_mb'], res.summary


def loader_rate(images, cfg:TrainConfig, device, n_batches:int) -> float:
    "Fields/s of the loop's loader alone (training mode, the loop's batch size and workers), after one warm-up batch."
    view = ViewConfig.from_profile(get_profile(cfg.profile), n_crops=cfg.n_crops)
    ds = MultiscaleDataset(images, view, stats=plate_stats(images, max_fields=256, seed=cfg.seed), seed=cfg.seed)
    dl = make_loader(ds, cfg.batch_size, seed=cfg.seed, num_workers=cfg.num_workers, device=device, drop_last=True)
    n, t0, epoch = 0, None, 0
    while n < n_batches:
        dl.set_epoch(epoch); epoch += 1
        for b in dl:
            if t0 is None: t0 = time.perf_counter(); continue                # the first batch starts workers
            n += 1
            if n == n_batches: break
    return n * cfg.batch_size / (time.perf_counter() - t0)


def bench_setting(name:str, device, steps:int, warmup:int, workers:int|None, seed:int) -> dict:
    images, targets = toy_data(name, seed, n_fields=SETTINGS[name]['n_fields'])
    cfg = TrainConfig(name, seed, max_steps=warmup + steps, device=str(device), progress=False, **({} if workers is None else {'num_workers': workers}))
    bare, bare_mem = bare_rate(images, targets, cfg, device, warmup, steps)
    loop, loop_mem, s = loop_rate(images, targets, cfg, warmup)
    load = loader_rate(images, cfg, device, n_batches=max(4, min(steps, 2 * len(images) // cfg.batch_size)))
    return dict(setting=name, device=s['device_name'] if device.type == 'cuda' else f"{platform.machine()} CPU, {torch.get_num_threads()} thread(s)",
                backbone=s['student']['backbone'], batch=cfg.batch_size, crops=cfg.n_crops, amp=s['amp'].replace('torch.', ''),
                compile=s["compile"], workers=s["num_workers"], bare_steps_per_s=bare, loop_steps_per_s=loop, loop_over_bare=loop / bare,
                loader_fields_per_s=load, loop_fields_per_s=loop * cfg.batch_size, loader_over_consumption=load / (loop * cfg.batch_size),
                peak_mb_bare=bare_mem, peak_mb_loop=loop_mem)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--settings', default='smoke', help=f"comma-separated, from {sorted(SETTINGS)}")
    ap.add_argument('--device', default='auto')
    ap.add_argument('--steps', type=int, default=40, help='timed steps of the bare step and of the loop')
    ap.add_argument('--warmup', type=int, default=5, help='untimed steps first')
    ap.add_argument('--workers', type=int, default=None, help="loader workers (default: the loop's, 0 on a CPU and the free cores on a GPU)")
    ap.add_argument('--threads', type=int, default=1, help='torch threads (CPU)')
    ap.add_argument('--repeats', type=int, default=1, help='repeat each measurement and keep the median ratio row')
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--csv', default=None)
    a = ap.parse_args()
    names = [x for x in a.settings.split(',') if x]
    unknown = [x for x in names if x not in SETTINGS]
    if unknown: raise SystemExit(f"unknown setting(s) {unknown}: choose from {sorted(SETTINGS)}")
    if a.steps < 2 or a.warmup < 1: raise SystemExit(f"need --steps >= 2 and --warmup >= 1, got {a.steps}, {a.warmup}")
    torch.set_num_threads(a.threads)
    device = pick_device(a.device)
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPU cores, load average {os.getloadavg()[0]:.1f}, torch {torch.__version__}, "
          f"device {device}{' (' + torch.cuda.get_device_name(device) + ')' if device.type == 'cuda' else ''}")
    rows = []
    for name in names:
        runs = [bench_setting(name, device, a.steps, a.warmup, a.workers, a.seed) for _ in range(a.repeats)]
        rows.append(sorted(runs, key=lambda r: r['loop_over_bare'])[len(runs) // 2])
    df = pd.DataFrame(rows)
    print(df.T.to_markdown(floatfmt='.3g'))
    for r in rows:
        print(f"{r['setting']}: loop/bare = {r['loop_over_bare']:.3f} ({r['loop_steps_per_s']:.2f} vs {r['bare_steps_per_s']:.2f} steps/s); "
              f"loader/consumption = {r['loader_over_consumption']:.2f}; peak memory {r['peak_mb_loop']:.0f} MB")
    if a.csv: df.to_csv(a.csv, index=False)


if __name__ == '__main__':
    main()
