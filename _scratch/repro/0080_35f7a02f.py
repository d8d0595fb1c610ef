#| export
NOTEBOOK_RE = re.compile(r'^(\d{2})_[\w-]+\.ipynb$')
RUNNER_NOTEBOOK = '90_reproduce.ipynb'

def pipeline_notebooks(nbs_dir:str|Path, only:list[str]|None=None) -> list[Path]:
    "Numbered notebooks in `nbs_dir`, in numeric order; `only` keeps those whose stem starts with one of its items."
    nbs = sorted((p for p in Path(nbs_dir).glob('*.ipynb') if NOTEBOOK_RE.match(p.name) and p.name != RUNNER_NOTEBOOK),
                 key=lambda p: (int(p.name[:2]), p.name))
    if only:
        unknown = [o for o in only if not any(p.stem.startswith(o) for p in nbs)]
        if unknown: raise ValueError(f"no notebook matches {unknown}: choose from {[p.stem for p in nbs]}")
        nbs = [p for p in nbs if any(p.stem.startswith(o) for o in only)]
    return nbs