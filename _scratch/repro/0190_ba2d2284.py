with tempfile.TemporaryDirectory() as d:
    nb = new_notebook(cells=[new_code_cell('x = 1'), new_code_cell("#| cuda\nimport torch; torch.zeros(1, device='cuda')"), new_code_cell('y = 2')])
    nbformat.write(nb, Path(d)/'a.ipynb')
    kept = nbformat.read(without_gpu_cells(Path(d)/'a.ipynb', Path(d)/'b.ipynb'), as_version=4).cells
    test_eq([c.source for c in kept], ['x = 1', 'y = 2'])