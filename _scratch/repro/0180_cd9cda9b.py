#| export
GPU_FLAG = 'cuda'

def without_gpu_cells(nb_path:str|Path, dest:str|Path) -> Path:
    "Copy of notebook `nb_path` at `dest` without the cells flagged `#| cuda`; returns `dest`."
    import nbformat
    nb = nbformat.read(nb_path, as_version=4)
    flag = re.compile(rf'^\s*#\|\s*{GPU_FLAG}\s*$', re.M)
    nb.cells = [c for c in nb.cells if not (c.cell_type == 'code' and flag.search(c.source))]
    nbformat.write(nb, dest)
    return Path(dest)