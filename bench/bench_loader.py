#!/usr/bin/env python
"""Throughput of the training loader against plain reading of the same arrays.

For each setting a synthetic `ArrayImageSet` (`intervention_distill.loading.toy_fields`) is built once; then, in the
same process and side by side, we time

* **plain**: `torch.from_numpy(images.images[batch_indices])` over a shuffled epoch (a memory copy: no
  normalisation, crops or augmentation), and
* **loader**: one epoch of `make_loader(MultiscaleDataset(...))` in training mode (per-plate normalisation, field
  view, `n_crops` single-cell crops, flips/rotations, intensity jitter) with 0 and 2 worker processes.

Every reader gets one untimed warm-up epoch (which also starts the persistent workers), then `--repeats` timed
epochs; we report the median fields/s and its ratio to plain reading.

    python bench/bench_loader.py                    # smoke-sized and large settings
    python bench/bench_loader.py --settings smoke --repeats 3 --csv /tmp/bench.csv
"""
from __future__ import annotations
import argparse, platform, os, statistics, time

import numpy as np
import pandas as pd
import torch

from intervention_distill.core import get_profile
from intervention_distill.loading import toy_fields, ViewConfig, MultiscaleDataset, make_loader

SETTINGS = {  # fields, field side, field view side, crop side, crops per field, cells per field, batch size
    'smoke': dict(n_fields=864, size=64, field_size=32, crop_size=24, n_crops=8, cells=(2, 12), batch_size=16),
    'large': dict(n_fields=256, size=256, field_size=128, crop_size=64, n_crops=8, cells=(10, 40), batch_size=32),
}
assert SETTINGS['smoke']['size'] == get_profile('smoke').image_size and SETTINGS['large']['size'] == get_profile('paper').image_size


def time_epochs(run_epoch, repeats:int) -> list[float]:
    "Seconds of `repeats` calls of `run_epoch(epoch)` after one untimed warm-up call."
    run_epoch(0)
    out = []
    for e in range(1, repeats + 1):
        t0 = time.perf_counter(); run_epoch(e); out.append(time.perf_counter() - t0)
    return out


def bench_setting(name:str, repeats:int, workers:list[int], seed:int) -> list[dict]:
    s = SETTINGS[name]
    images = toy_fields(s['n_fields'], size=s['size'], cells=s['cells'], n_plates=4, sigma=s['size'] / 32, seed=seed)
    view = ViewConfig(field_size=s['field_size'], crop_size=s['crop_size'], n_crops=s['n_crops'])
    n, bs, rows = len(images), s['batch_size'], []

    def plain(epoch):
        perm = np.random.default_rng([seed, epoch]).permutation(n)
        for i in range(0, n, bs): torch.from_numpy(images.images[np.sort(perm[i:i + bs])])

    readers = [('plain arrays', 0, plain)]
    for w in workers:
        dl = make_loader(MultiscaleDataset(images, view, seed=seed), bs, shuffle=True, seed=seed, num_workers=w, device='cpu')
        def loader(epoch, dl=dl):
            dl.set_epoch(epoch)
            for _ in dl: pass
        readers.append(('MultiscaleDataset loader', w, loader))
    for reader, w, fn in readers:
        secs = time_epochs(fn, repeats)
        rows.append(dict(setting=name, fields=n, field_px=f"{s['size']}x{s['size']}", crops=f"{s['n_crops']}x{s['crop_size']}px",
                         reader=reader, workers=w, fields_per_s=n / statistics.median(secs)))
    plain_rate = rows[0]['fields_per_s']
    for r in rows: r['ratio_to_plain'] = r['fields_per_s'] / plain_rate
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--settings', default='smoke,large', help=f"comma-separated, from {sorted(SETTINGS)}")
    ap.add_argument('--repeats', type=int, default=3, help='timed epochs per reader (median reported)')
    ap.add_argument('--workers', default='0,2', help='comma-separated worker counts of the loader')
    ap.add_argument('--threads', type=int, default=1, help='torch threads of the main process')
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--csv', default=None, help='also write the table here')
    a = ap.parse_args()
    names = [x for x in a.settings.split(',') if x]
    unknown = [x for x in names if x not in SETTINGS]
    if unknown: raise SystemExit(f"unknown setting(s) {unknown}: choose from {sorted(SETTINGS)}")
    if a.repeats < 1: raise SystemExit(f"--repeats must be >= 1, got {a.repeats}")
    torch.set_num_threads(a.threads)
    workers = [int(w) for w in a.workers.split(',') if w]
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPU cores, torch {torch.__version__}, {a.threads} main-process thread(s)")
    df = pd.DataFrame([r for name in names for r in bench_setting(name, a.repeats, workers, a.seed)])
    print(df.to_markdown(index=False, floatfmt='.3g'))
    for name in names:
        d = df[df.setting == name]
        best = d[d.reader != 'plain arrays'].fields_per_s.max()
        print(f"{name}: loader/plain = {best / d[d.reader == 'plain arrays'].fields_per_s.item():.4f} "
              f"(best loader {best:.0f} fields/s)")
    if a.csv: df.to_csv(a.csv, index=False)


if __name__ == '__main__':
    main()
