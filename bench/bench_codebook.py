#!/usr/bin/env python
"""Fingerprints and the full Tanimoto matrix of a compound library: the project's path against a naive pairwise loop.

On real NCI molecules (RDKit's first_5K.smi), for each library size, in one run and on the same molecules:

* **seconds**: `chem.morgan_fingerprints` + `chem.tanimoto_matrix` (intersections as a dense product over the
  frequent bits and a sparse one over the rare bits), split into `fingerprint_seconds` and `matrix_seconds`;
* **naive_seconds**: the same matrix from `chem.tanimoto_matrix_naive` (a pure-Python loop over pairs of on-bit
  sets), timed on at most --naive-max molecules and scaled by the pair count n(n-1)/2 beyond (`naive_measured_on`).

Each timing is the median of --repeats runs after one untimed first call (on a shared machine one run can be several
times slower than the next); `matrix_seconds_min` and `matrix_seconds_max` give the spread of the matrix's, and
`matrix_seconds_cold` the first call's (on this virtual machine, a process's first touch of fresh memory, here the
result's 200 MB, costs up to a second more, whatever computes it). `speedup` = naive_seconds /
matrix_seconds (the matrices, both from the same fingerprints; checked equal to 1e-12);
`speedup_with_fingerprints` = (fingerprint_seconds + naive_seconds) / seconds. Targets at 5,000 molecules (capped at
the file's valid molecules): speedup >= 20 and seconds < 10. Rows are merged into figures/tables/bench_codebook.csv
by n_molecules.

    python bench/bench_codebook.py [--sizes 1000 5000] [--naive-max 1500] [--repeats 3]
"""
from __future__ import annotations
import argparse, os, sys, time

import numpy as np
import pandas as pd
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import KEYS, machine, write_table  # noqa: E402
from intervention_distill.chem import read_smi, morgan_fingerprints, tanimoto_matrix, tanimoto_matrix_naive  # noqa: E402


def timed(f, *args, repeats:int=1):
    "`f(*args)` and the seconds of a first (cold) call followed by `repeats` timed ones."
    times = []
    for _ in range(1 + repeats):
        t = time.perf_counter(); out = f(*args); times.append(time.perf_counter() - t)
    return out, np.array(times)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--sizes', type=int, nargs='+', default=[1000, 5000])
    ap.add_argument('--naive-max', type=int, default=1500, help='largest n the naive loop is run on; beyond it, scaled by pair count')
    ap.add_argument('--repeats', type=int, default=3, help='timed runs of each step; the median is reported')
    ap.add_argument('--out', default=None, help='folder of the CSV (default figures/tables)')
    a = ap.parse_args(argv)
    if a.naive_max < 2 or a.repeats < 1: raise SystemExit(f"need --naive-max >= 2 and --repeats >= 1, got {a.naive_max}, {a.repeats}")
    library = read_smi()
    smiles = library.smiles[library.valid].tolist()
    rows = []
    for n in a.sizes:
        if n > len(smiles): print(f"n={n} capped at the {len(smiles)} valid molecules of first_5K.smi"); n = len(smiles)
        fps, t_fps = timed(morgan_fingerprints, smiles[:n], repeats=a.repeats)
        sim, t_sims = timed(tanimoto_matrix, fps, repeats=a.repeats)
        m = min(n, a.naive_max)
        naive, t_naive_m = timed(tanimoto_matrix_naive, fps[:m], repeats=a.repeats)
        if not np.allclose(naive, sim[:m, :m], rtol=0, atol=1e-12): raise SystemExit('naive and fast Tanimoto matrices disagree')
        cold = t_sims[0]
        t_fps, t_sims, t_naive_m = t_fps[1:], t_sims[1:], t_naive_m[1:]
        t_fp, t_sim, t_naive = np.median(t_fps), np.median(t_sims), np.median(t_naive_m) * (n * (n - 1)) / (m * (m - 1))
        rows.append(dict(n_molecules=n, seconds=t_fp + t_sim, naive_seconds=t_naive, speedup=t_naive / t_sim,
                         fingerprint_seconds=t_fp, matrix_seconds=t_sim, speedup_with_fingerprints=(t_fp + t_naive) / (t_fp + t_sim),
                         matrix_seconds_min=t_sims.min(), matrix_seconds_max=t_sims.max(), matrix_seconds_cold=cold, repeats=a.repeats,
                         naive_measured_on=m, **machine(torch.device('cpu'))))
        print(f"n={n}: fingerprints {t_fp:.2f} s + matrix {t_sim:.2f} s (runs {', '.join(f'{x:.2f}' for x in t_sims)}; first call {cold:.2f} s); naive matrix {t_naive:.1f} s"
              + ('' if m == n else f" (loop timed on {m} molecules, scaled by pair count)") + f"; speedup {rows[-1]['speedup']:.1f}x", flush=True)
    df = pd.DataFrame(rows)
    print(df.to_markdown(index=False, floatfmt='.3g'))
    print(f"wrote {write_table(df, 'bench_codebook', KEYS['bench_codebook'], a.out)}")


if __name__ == '__main__':
    main()
