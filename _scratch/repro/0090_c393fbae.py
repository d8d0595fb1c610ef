with tempfile.TemporaryDirectory() as d:
    for n in ['10_b.ipynb', '02_a.ipynb', 'index.ipynb', '_scratch.ipynb', '90_reproduce.ipynb', '02_aa.ipynb']: (Path(d)/n).write_text('{}')
    test_eq([p.name for p in pipeline_notebooks(d)], ['02_a.ipynb', '02_aa.ipynb', '10_b.ipynb'])
    test_eq([p.name for p in pipeline_notebooks(d, only=['10'])], ['10_b.ipynb'])
    test_fail(lambda: pipeline_notebooks(d, only=['77']), contains="'77'")