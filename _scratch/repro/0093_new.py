with tempfile.TemporaryDirectory() as d:
    top = lambda md: new_notebook(cells=[new_markdown_cell('# T'), new_code_cell('#| default_exp x'), new_markdown_cell(md), new_code_cell('x = 1'),
                                         new_markdown_cell('> Simulator-only: too late, not at the top')])
    nbformat.write(top('> Simulator-only: needs the simulated ground truth.'), Path(d)/'a.ipynb')
    nbformat.write(top('Runs on real data.'), Path(d)/'b.ipynb')
    test_eq([simulator_only(Path(d)/n) for n in ('a.ipynb', 'b.ipynb')], [True, False])