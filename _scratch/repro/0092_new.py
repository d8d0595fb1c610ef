#| export
SIMULATOR_MARKER = re.compile(r'^\s*>\s*\**Simulator-only\b', re.M)

def simulator_only(nb_path:str|Path) -> bool:
    "Whether notebook `nb_path` says at its top (a markdown cell before its first code cell other than `#| default_exp`) that it is simulator-only."
    import nbformat
    for c in nbformat.read(nb_path, as_version=4).cells:
        if c.cell_type == 'markdown':
            if SIMULATOR_MARKER.search(c.source): return True
        elif not re.fullmatch(r'\s*#\|\s*default_exp\s+\S+\s*', c.source): return False
    return False