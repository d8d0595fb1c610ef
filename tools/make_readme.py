#!/usr/bin/env python
"""Write README.md from nbs/index.ipynb without Quarto (nbconvert to Markdown).

The index's `{{results}}` placeholder is replaced by the results of the last reproduction of each profile (figures/standard/,
then figures/: their headline tables when the evaluation has produced them, else the list of artefacts in the manifest),
with the profile, commit and wall time they came from, then the paper's own numbers apart; `{{performance}}` by the benchmark tables that `make bench` wrote
(figures/tables/bench_*.csv), each ratio against its target. `make check` regenerates the README and fails if it changed.
"""
from __future__ import annotations
import json, re, sys

import numpy as np

import pandas as pd
from pathlib import Path

import nbformat
from nbconvert import MarkdownExporter

from intervention_distill.core import get_profile
from intervention_distill.evaluate import DECISIVE_HALF_WIDTH

ROOT = Path(__file__).resolve().parents[1]
HEADLINE_TABLES = {   # figures/tables/<name>.csv → (rows shown: (column, value) or None for all, the columns, each as value [95% CI])
    'one_shot (compound)': ('one_shot', ('task', 'compound'), ['top1', 'top5', 'top10']),
    'one_shot (genetic)': ('one_shot', ('task', 'genetic'), ['top1', 'top5', 'top10']),
    'target_discovery': ('target_discovery', None, ['ap', 'auc', 'hit_at_5', 'map', 'efaar_recall']),
}
PAIRED_METRICS = {'compound': ['top1', 'top5'], 'genetic': ['top1', 'top5'], 'target': ['ap', 'auc', 'hit_at_5']}
PAPER_RESULTS = ROOT/'data'/'paper_results.csv'   # quotes from the paper (different data, same protocol): never mixed into our tables
HEADLINE_FIGURES = ['embedding_umap_moa', 'retrieval_examples', 'prototype_umap', 'paired_rna_sweep', 'risk_bound_vs_measured']
BENCH_TABLES = {      # figures/tables/<name>.csv (written by bench/*.py) → (what it measures, columns shown, ratio column, target)
    'bench_loader': ('loader fields/s over the fields/s the training step consumes', ['setting', 'device', 'workers', 'loader_fields_per_s',
                     'consumption_fields_per_s', 'loader_over_consumption', 'machine', 'torch', 'threads', 'load'], 'loader_over_consumption', 3.0),
    'bench_train': ('training loop (loader in the loop) steps/s over a bare forward/backward step (median of `repeats` runs, each between two bare timings; lowest and highest beside it)', ['setting', 'device', 'workers',
                    'loop_steps_per_s', 'bare_steps_per_s', 'loop_over_bare', 'loop_over_bare_min', 'loop_over_bare_max', 'repeats', 'machine', 'torch',
                    'threads', 'load'], 'loop_over_bare', 0.9),
    'bench_codebook': ('Tanimoto matrix against a naive pairwise loop (seconds: fingerprints + matrix, median of `repeats` after a first, cold call '
                       'whose matrix time is `matrix_seconds_cold`; target at the 5,000-molecule scale)', ['n_molecules', 'seconds', 'matrix_seconds',
                       'matrix_seconds_cold', 'naive_seconds', 'speedup', 'repeats', 'machine', 'torch', 'load'], 'speedup', 20.0),
}


def compact_table(df:pd.DataFrame, metrics:list[str]) -> str:
    "Markdown table of `method` and each metric as `value [lo, hi]` (the CI columns `<m>_lo`, `<m>_hi`)."
    cols = {'method': df.method}
    for m in (m for m in metrics if m in df):
        ci = [f' [{l:.2f}, {h:.2f}]' if f'{m}_lo' in df else '' for l, h in zip(df.get(f'{m}_lo', df[m]), df.get(f'{m}_hi', df[m]))]
        cols[m] = [f'{v:.2f}{c}' for v, c in zip(df[m], ci)]
    return pd.DataFrame(cols).to_markdown(index=False)


def paired_table(df:pd.DataFrame, metrics:dict=PAIRED_METRICS) -> str:
    "Markdown table of TIDE minus each baseline (rows) per task and metric (columns): `diff [lo, hi] verdict`, as the table says."
    df = df[[(t, m) in {(t, m) for t, ms in metrics.items() for m in ms} for t, m in zip(df.task, df.metric)]]
    cell = df.assign(key=df.task + ' ' + df.metric, v=[f'{d:+.2f} [{l:+.2f}, {h:+.2f}] {v}' for d, l, h, v in zip(df['diff'], df.lo, df.hi, df.verdict)])
    order = [f'{t} {m}' for t, ms in metrics.items() for m in ms if f'{t} {m}' in set(cell.key)]
    return cell.pivot(index='baseline', columns='key', values='v').reindex(columns=order).fillna('').reset_index().to_markdown(index=False)


def paper_markdown(path:Path=PAPER_RESULTS) -> str:
    "The paper's own numbers (quoted, `data/paper_results.csv`), one table per task: different data, same protocol."
    if not path.exists(): return ''
    q = pd.read_csv(path, keep_default_na=False)
    out = ["**paper (different data, same protocol)**: quoted from the paper (arXiv 2604.22832; `data/paper_results.csv`), "
           "not runs of this project.\n"]
    for task, g in q.groupby('task', sort=False):
        g = g.assign(col=g.dataset + ' ' + g.metric)
        t = g.pivot(index='method', columns='col', values='value').reindex(columns=list(dict.fromkeys(g.col)), index=list(dict.fromkeys(g.method)))
        out.append(f"_{task.replace('_', ' ')}_ (paper)\n\n" + t.reset_index().to_markdown(index=False, floatfmt='.3f') + '\n')
    return '\n'.join(out)


PROFILE_SECTIONS = {  # profile -> title of its block, the decisive profile first; its folder is the runner's (`Profile.out_subdir`)
    'standard': 'standard profile: the comparison sized to decide (2 CPU cores)',
    'smoke': 'smoke profile: checks that every path runs (tiny world, wide intervals)',
}


def results_markdown() -> str:
    "The README's results section: one block per profile of `PROFILE_SECTIONS`, from its reproduction's folder, then the paper's own numbers apart."
    parts = []
    for name, title in PROFILE_SECTIONS.items():
        folder = Path('figures', get_profile(name).out_subdir).as_posix()
        cmd = 'make reproduce' + ('' if name == 'smoke' else f' PROFILE={name}')
        parts.append(f"### {title}\n\n" + profile_results(ROOT/folder, folder, cmd))
    return '\n\n'.join(parts) + '\n\n### paper\n\n' + paper_markdown()


def wall_time(m:dict) -> str:
    "How long the reproduction took, from its manifest (the sum of its notebooks' times)."
    secs = sum(n.get('seconds', 0.0) for n in m.get('notebooks', []))
    return f"{secs / 60:.0f} min over {len(m.get('notebooks', []))} notebook(s)"


def fresh_clone(figures:Path) -> str:
    "`; N min from a fresh clone` when the run was timed from one (`tables/fresh_clone.csv`, written from the timed run's log)."
    p = figures/'tables'/'fresh_clone.csv'
    if not p.exists(): return ''
    r = pd.read_csv(p).iloc[-1]
    return f"; `{r.command}` from a fresh clone, installation included: {r.seconds / 60:.0f} min (exit status {r.rc})"


def profile_results(figures:Path, folder:str, cmd:str) -> str:
    "Markdown of one profile's reproduction outputs in `figures` (written under `folder`, by `cmd`)."
    man = figures/'manifest.json'
    if not man.exists(): return f'_No reproduction run yet: run `{cmd}`._\n'
    m = json.loads(man.read_text())
    head = (f"_From `{cmd}` with profile `{m.get('profile')}`, seed {m.get('seed')}, "
            f"commit `{str(m.get('git_commit', 'unknown'))[:12]}`, on {m.get('machine', 'this machine')}; {wall_time(m)}{fresh_clone(figures)}; "
            f"manifest `{folder}/manifest.json`._\n\n")
    tables = [(label, figures/'tables'/f'{n}.csv', rows, cols) for label, (n, rows, cols) in HEADLINE_TABLES.items() if (figures/'tables'/f'{n}.csv').exists()]
    pdiff = figures/'tables'/'paired_differences.csv'
    if tables:
        ci = pd.read_csv(tables[0][1]).get('ci', pd.Series(['hierarchical'])).iloc[0]   # older tables name their interval in a `ci` column
        how = {'hierarchical': 'hierarchical bootstrap over seeds, then held-out interventions', 'bootstrap': 'bootstrap over queries/pairs'}.get(ci, 't-interval over seeds')
        head += f"Brackets: 95% intervals ({how}).\n\n"
        body, shown = '', set()
        for label, p, rows, cols in tables:
            df = pd.read_csv(p)
            if rows is not None and rows[0] in df: df = df[df[rows[0]] == rows[1]]
            elif p in shown: continue                      # an older table without the column: shown once, whole
            shown.add(p)
            body += f"**{label.replace('_', ' ')}** (full table: `{folder}/tables/{p.name}`)\n\n{compact_table(df, cols)}\n\n"
        if pdiff.exists():
            body += ("**paired differences, TIDE minus each method** (same queries, draws and seeds; verdict from the 95% interval; "
                     f"full table: `{folder}/tables/paired_differences.csv`)\n\n{paired_table(pd.read_csv(pdiff))}\n\n")
        res = figures/'tables'/'resolution.csv'
        if res.exists():
            r = pd.read_csv(res)
            body += (f"**resolution**: the widest paired one-shot top-1 interval against the paper's baselines is ±{r.half_width.max():.3f}; "
                     f"{int(r.decided_within_target.sum())} of {len(r)} such comparisons are within ±{DECISIVE_HALF_WIDTH} (`{folder}/tables/resolution.csv`).\n\n")
        figs = [f for f in HEADLINE_FIGURES if (figures/f'{f}.png').exists()]
        return head + body + ''.join(f"\n![{f.replace('_', ' ')}]({folder}/{f}.png)\n" for f in figs)
    rows = '\n'.join(f"| `{a['path']}` | {a['kind']} | `{a['notebook']}` |" for a in m['artifacts'])
    return head + '| artefact | kind | notebook |\n|---|---|---|\n' + rows + '\n' 


def performance_markdown(figures:Path=ROOT/'figures') -> str:
    "Markdown for the README's performance section: one table per bench CSV in `figures/tables`, each ratio against its target."
    parts = []
    for name, (what, cols, ratio, target) in BENCH_TABLES.items():
        path = figures/'tables'/f'{name}.csv'
        if not path.exists(): continue
        df = pd.read_csv(path)
        show = df[[c for c in cols if c in df]].copy()
        for c in show.columns:
            if show[c].dtype.kind == 'f': show[c] = ['' if pd.isna(v) else f'{v:.3g}' for v in show[c]]
        show[f'{ratio} >= {target:g}'] = np.where(df[ratio] >= target, 'yes', 'no')
        parts.append(f"**{what}** (`figures/tables/{name}.csv`; load = 1-minute load average per core during the run)\n\n"
                     + show.to_markdown(index=False, disable_numparse=True))
    return '\n\n'.join(parts) if parts else '_No benchmark run yet: run `make bench`._'


def readme_text() -> str:
    nb = nbformat.read(ROOT/'nbs'/'index.ipynb', as_version=4)
    nb.cells = [c for c in nb.cells if c.cell_type == 'markdown' or
                (c.cell_type == 'code' and not re.search(r'^\s*#\|\s*(hide|include:\s*false)', c.source, re.M))]
    body, _ = MarkdownExporter().from_notebook_node(nb)
    body = re.sub(r'\n{3,}', '\n\n', body).strip()
    body = body.replace('{{results}}', results_markdown()).replace('{{performance}}', performance_markdown())
    return '<!-- generated from nbs/index.ipynb by tools/make_readme.py (make readme): do not edit -->\n\n' + body + '\n'


if __name__ == '__main__':
    text = readme_text()
    out = ROOT/'README.md'
    changed = not out.exists() or out.read_text() != text
    out.write_text(text)
    print(f"README.md {'updated' if changed else 'unchanged'}", file=sys.stderr)
