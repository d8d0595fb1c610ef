def _tiny_nb(path, body):
    nb = new_notebook(cells=[new_code_cell("profile='smoke'\nseed=0\ndevice='auto'\ndata_dir=None\nout_dir=None",
                                           metadata={'tags': ['parameters']}), new_code_cell(body)])
    nb.metadata['kernelspec'] = {'name': 'python3', 'display_name': 'Python 3', 'language': 'python'}
    nbformat.write(nb, path)

with tempfile.TemporaryDirectory() as d:
    nbs, out = Path(d)/'nbs', Path(d)/'out'; nbs.mkdir()
    _tiny_nb(nbs/'01_fig.ipynb', "from pathlib import Path\nPath(out_dir, f'seed{seed}.png').write_bytes(b'png')")
    _tiny_nb(nbs/'02_tab.ipynb', "from pathlib import Path\n(Path(out_dir)/'tables').mkdir(exist_ok=True)\n"
                                 "Path(out_dir, 'tables', profile + '.csv').write_text('a\\n1')")
    m = json.loads(reproduce(seed=7, out_dir=out, nbs_dir=nbs, progress=False).read_text())
    test_eq([(a['path'], a['kind'], a['notebook'], a['seed']) for a in m['artifacts']],
            [('seed7.png', 'figure', '01_fig.ipynb', 7), ('tables/smoke.csv', 'table', '02_tab.ipynb', 7)])
    assert all((out/a['path']).exists() for a in m['artifacts']) and (out/'executed'/'01_fig.ipynb').exists()
    _tiny_nb(nbs/'03_bad.ipynb', "x = 1\nraise ValueError('boom')")
    test_fail(lambda: reproduce(out_dir=out, nbs_dir=nbs, progress=False), contains='03_bad.ipynb failed in cell 1: ValueError: boom')
    test_eq(len(json.loads((out/'manifest.json').read_text())['artifacts']), 2)
    test_fail(lambda: reproduce(profile='nope', out_dir=out, nbs_dir=nbs), contains="'nope'")
    (nbs/'03_bad.ipynb').unlink()
    sim = nbformat.read(nbs/'02_tab.ipynb', as_version=4); sim.cells.insert(0, new_markdown_cell('> Simulator-only: needs the simulated world.'))
    nbformat.write(sim, nbs/'02_tab.ipynb')
    m = json.loads(reproduce(out_dir=out, nbs_dir=nbs, data_dir=d, progress=False).read_text())
    test_eq([(n['notebook'], n['status']) for n in m['notebooks']], [('01_fig.ipynb', 'ran'), ('02_tab.ipynb', 'skipped: simulator-only')])
    test_eq((m['notebooks_run'], m['notebooks_skipped'], m['data_dir']), (['01_fig.ipynb'], ['02_tab.ipynb'], str(Path(d).resolve())))
    test_fail(lambda: reproduce(out_dir=nbs/'figs', nbs_dir=nbs), contains='must not lie inside')