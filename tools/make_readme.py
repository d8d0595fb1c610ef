#!/usr/bin/env python
"""Write README.md from nbs/index.ipynb without Quarto (nbconvert to Markdown).

The index's `{{results}}` placeholder is replaced by the results of the last reproduction run found in figures/
(its headline tables when the evaluation has produced them, else the list of artefacts in figures/manifest.json),
with the profile and commit they came from; `{{performance}}` by the benchmark tables that `make bench` wrote
(figures/tables/bench_*.csv), each ratio against its target. `make check` regenerates the README and fails if it changed.
"""
from __future__ import annotations
import json, re, sys

import numpy as np

import pandas as pd
from pathlib import Path

import nbformat
from nbconvert import MarkdownExporter

ROOT = Path(__file__).resolve().parents[1]
HEADLINE_TABLES = {   # figures/tables/<name>.csv → the columns the README shows (each as value [95% CI])
    'one_shot': ['top1', 'top5', 'moa_top1'],
    'target_discovery': ['recall_at_1', 'recall_at_5', 'map', 'efaar_recall'],
    'ablations': ['top1', 'moa_top1', 'map', 'activity_map'],
}
HEADLINE_FIGURES = ['embedding_umap_moa', 'retrieval_examples', 'risk_bound_vs_measured']
BENCH_TABLES = {      # figures/tables/<name>.csv (written by bench/*.py) → (what it measures, columns shown, ratio column, target)
    'bench_loader': ('loader fields/s over the fields/s the training step consumes', ['setting', 'device', 'workers', 'loader_fields_per_s',
                     'consumption_fields_per_s', 'loader_over_consumption', 'machine', 'torch', 'threads', 'load'], 'loader_over_consumption', 3.0),
    'bench_train': ('training loop (loader in the loop) steps/s over a bare forward/backward step', ['setting', 'device', 'workers',
                    'loop_steps_per_s', 'bare_steps_per_s', 'loop_over_bare', 'machine', 'torch', 'threads', 'load'], 'loop_over_bare', 0.9),
    'bench_codebook': ('Tanimoto matrix against a naive pairwise loop (seconds: fingerprints + matrix)', ['n_molecules', 'seconds', 'matrix_seconds', 'naive_seconds',
                       'speedup', 'machine', 'torch', 'load'], 'speedup', 20.0),
}


def compact_table(df:pd.DataFrame, metrics:list[str]) -> str:
    "Markdown table of `method` and each metric as `value [lo, hi]` (the CI columns `<m>_lo`, `<m>_hi`)."
    cols = {'method': df.method}
    for m in (m for m in metrics if m in df):
        ci = [f' [{l:.2f}, {h:.2f}]' if f'{m}_lo' in df else '' for l, h in zip(df.get(f'{m}_lo', df[m]), df.get(f'{m}_hi', df[m]))]
        cols[m] = [f'{v:.2f}{c}' for v, c in zip(df[m], ci)]
    return pd.DataFrame(cols).to_markdown(index=False)


def results_markdown(figures:Path=ROOT/'figures') -> str:
    "Markdown for the README's results section, from the reproduction outputs in `figures`."
    man = figures/'manifest.json'
    if not man.exists(): return '_No reproduction run yet: run `make reproduce`._'
    m = json.loads(man.read_text())
    head = (f"_From `make reproduce` with profile `{m.get('profile')}`, seed {m.get('seed')}, "
            f"commit `{str(m.get('git_commit', 'unknown'))[:12]}`._\n\n")
    tables = [(n, figures/'tables'/f'{n}.csv') for n in HEADLINE_TABLES if (figures/'tables'/f'{n}.csv').exists()]
    if tables:
        ci = pd.read_csv(tables[0][1]).get('ci', pd.Series(['bootstrap'])).iloc[0]
        head += f"Brackets: 95% confidence intervals ({'bootstrap over queries/pairs' if ci == 'bootstrap' else 't-interval over seeds'}).\n\n"
        body = '\n'.join(f"**{n.replace('_', ' ')}** (full table: `figures/tables/{n}.csv`)\n\n{compact_table(pd.read_csv(p), HEADLINE_TABLES[n])}\n"
                         for n, p in tables)
        figs = [f for f in HEADLINE_FIGURES if (figures/f'{f}.png').exists()]
        return head + body + ''.join(f"\n![{f.replace('_', ' ')}](figures/{f}.png)\n" for f in figs)
    rows = '\n'.join(f"| `{a['path']}` | {a['kind']} | `{a['notebook']}` |" for a in m['artifacts'])
    return head + '| artefact | kind | notebook |\n|---|---|---|\n' + rows


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
