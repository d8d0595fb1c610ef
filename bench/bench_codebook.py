"""Benchmark of `intervention_distill.codebook.build_codebook` on real NCI molecules (RDKit's first_5K.smi).

For each library size it times, in one run and on the same molecules:
  * `build_codebook` end to end (Morgan fingerprints, Tanimoto matrix with BulkTanimotoSimilarity, spectral codes, medoids);
  * the Tanimoto matrix alone with BulkTanimotoSimilarity (`tanimoto_matrix`);
  * the same matrix from a naive pure-Python pairwise loop over sets of on-bits (`tanimoto_matrix_naive`), measured on
    at most --naive-max molecules and extrapolated by the pair count n(n-1)/2 beyond that (said so in the output);
and reports the ratios, the scaling exponents (slope of log time against log n), and the code sizes of spectral
clustering against average-linkage agglomerative clustering on the same matrix.

Usage: python bench/bench_codebook.py [--sizes 1000 2000 5000] [--k 64] [--naive-max 5000] [--repeats 1] [--csv out.csv]
Not part of the test suite.
"""
from __future__ import annotations
import argparse, os, platform, time

import numpy as np
import pandas as pd
import rdkit, sklearn
from scipy.cluster.hierarchy import linkage, fcluster
from scipy.spatial.distance import squareform

from intervention_distill.chem import read_smi, morgan_fingerprints, tanimoto_matrix, tanimoto_matrix_naive
from intervention_distill.codebook import build_codebook, cluster_codes


def timed(repeats, f, *args, **kw):
    "Result of `f(*args, **kw)` and its best wall time over `repeats` calls (the minimum is the least disturbed by other load)."
    best = float('inf')
    for _ in range(max(1, repeats)):
        t = time.perf_counter(); out = f(*args, **kw); best = min(best, time.perf_counter() - t)
    return out, best


def slope(ns, ts) -> float:
    "Scaling exponent: least-squares slope of log(time) against log(n)."
    return float(np.polyfit(np.log(ns), np.log(ts), 1)[0])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--sizes', type=int, nargs='+', default=[1000, 2000, 5000])
    ap.add_argument('--k', type=int, default=64, help='number of codes (the paper profile uses 64)')
    ap.add_argument('--naive-max', type=int, default=5000, help='largest n the naive loop is run on; beyond it, extrapolate')
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--repeats', type=int, default=1, help='time each step this many times and keep the fastest')
    ap.add_argument('--csv', default=None, help='also write the table here')
    a = ap.parse_args(argv)

    library = read_smi()
    smiles = library.smiles[library.valid].tolist()
    print(f"machine: {platform.machine()} {platform.processor() or ''}, {os.cpu_count()} CPU cores visible; "
          f"python {platform.python_version()}, rdkit {rdkit.__version__}, scikit-learn {sklearn.__version__}")
    print(f"molecules: RDKit NCI first_5K.smi, {len(smiles)} valid of {len(library)}; k={a.k}, seed={a.seed}; "
          f"best of {max(1, a.repeats)} run(s) per timing; load average before: {os.getloadavg()[0]:.2f}\n")

    rows = []
    for n in a.sizes:
        if n > len(smiles):
            print(f"n={n} capped at the {len(smiles)} valid molecules of first_5K.smi")
            n = len(smiles)
        smi = smiles[:n]
        cb, t_build = timed(a.repeats, build_codebook, smi, a.k, seed=a.seed)
        fps = morgan_fingerprints(smi)
        sim, t_bulk = timed(a.repeats, tanimoto_matrix, fps)
        _, t_cluster = timed(a.repeats, cluster_codes, sim, a.k, a.seed)
        m = min(n, a.naive_max)
        sim_naive, t_naive_m = timed(a.repeats, tanimoto_matrix_naive, fps[:m])
        assert np.allclose(sim_naive, sim[:m, :m], atol=1e-12), 'naive and bulk Tanimoto disagree'
        t_naive = t_naive_m * (n * (n - 1)) / (m * (m - 1))
        avg = np.bincount(fcluster(linkage(squareform(1 - sim, checks=False), 'average'), a.k, 'maxclust'))[1:]
        own = (cb.assign(cb.smiles).argmax(1) == cb.labels).mean()
        rows.append(dict(n=n, build_s=t_build, bulk_sim_s=t_bulk, cluster_s=t_cluster, naive_sim_s=t_naive,
                         naive_measured_on=m, sim_ratio=t_naive / t_bulk,
                         naive_build_s=t_build - t_bulk + t_naive, build_ratio=(t_build - t_bulk + t_naive) / t_build,
                         spectral_largest=cb.sizes.max() / n, spectral_singletons=int((cb.sizes == 1).sum()),
                         average_largest=avg.max() / n, average_singletons=int((avg == 1).sum()), own_code=own))
        print(f"n={n}: build {t_build:.2f} s, bulk similarity {t_bulk:.2f} s, naive similarity {t_naive:.2f} s"
              + ('' if m == n else f" (extrapolated from {m} molecules)"), flush=True)

    df = pd.DataFrame(rows)
    show = df.copy()
    for c in show.columns:
        if show[c].dtype.kind == 'f': show[c] = [f'{v:.3g}' for v in show[c]]
    print('\n' + show.to_markdown(index=False, disable_numparse=True))
    if len(df) > 1:
        print(f"\nscaling exponent (time ∝ n^a): build a={slope(df.n, df.build_s):.2f}, "
              f"bulk similarity a={slope(df.n, df.bulk_sim_s):.2f}, naive similarity a={slope(df.n, df.naive_sim_s):.2f}")
    if (df.naive_measured_on < df.n).any():
        print(f"note: naive times for n > {a.naive_max} are extrapolated quadratically (by pair count) from {a.naive_max} molecules")
    print("naive_build_s = build_s - bulk_sim_s + naive_sim_s: the same build with the naive similarity loop; "
          "own_code = share of members whose most probable code is their own")
    if a.csv: df.to_csv(a.csv, index=False)


if __name__ == '__main__':
    main()
