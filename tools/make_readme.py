#!/usr/bin/env python
"""Write README.md from nbs/index.ipynb without Quarto (nbconvert to Markdown).

The index's `{{results}}` placeholder is replaced by the results of the last reproduction run found in figures/
(its headline tables when the evaluation has produced them, else the list of artefacts in figures/manifest.json),
with the profile and commit they came from. `make check` regenerates the README and fails if it changed.
"""
from __future__ import annotations
import json, re, sys
from pathlib import Path

import nbformat
from nbconvert import MarkdownExporter

ROOT = Path(__file__).resolve().parents[1]
HEADLINE_TABLES = ['one_shot', 'target_discovery', 'ablations']   # figures/tables/<name>.md, in this order


def results_markdown(figures:Path=ROOT/'figures') -> str:
    "Markdown for the README's results section, from the reproduction outputs in `figures`."
    man = figures/'manifest.json'
    if not man.exists(): return '_No reproduction run yet: run `make reproduce`._'
    m = json.loads(man.read_text())
    head = (f"_From `make reproduce` with profile `{m.get('profile')}`, seed {m.get('seed')}, "
            f"commit `{str(m.get('git_commit', 'unknown'))[:12]}`._\n\n")
    tables = [(n, figures/'tables'/f'{n}.md') for n in HEADLINE_TABLES if (figures/'tables'/f'{n}.md').exists()]
    if tables: return head + '\n'.join(f"**{n.replace('_', ' ')}** (`figures/tables/{n}.csv`)\n\n{p.read_text().strip()}\n" for n, p in tables)
    rows = '\n'.join(f"| `{a['path']}` | {a['kind']} | `{a['notebook']}` |" for a in m['artifacts'])
    return head + '| artefact | kind | notebook |\n|---|---|---|\n' + rows


def readme_text() -> str:
    nb = nbformat.read(ROOT/'nbs'/'index.ipynb', as_version=4)
    nb.cells = [c for c in nb.cells if c.cell_type == 'markdown' or
                (c.cell_type == 'code' and not re.search(r'^\s*#\|\s*(hide|include:\s*false)', c.source, re.M))]
    body, _ = MarkdownExporter().from_notebook_node(nb)
    body = re.sub(r'\n{3,}', '\n\n', body).strip()
    body = body.replace('{{results}}', results_markdown())
    return '<!-- generated from nbs/index.ipynb by tools/make_readme.py (make readme): do not edit -->\n\n' + body + '\n'


if __name__ == '__main__':
    text = readme_text()
    out = ROOT/'README.md'
    changed = not out.exists() or out.read_text() != text
    out.write_text(text)
    print(f"README.md {'updated' if changed else 'unchanged'}", file=sys.stderr)
