with tempfile.TemporaryDirectory() as d:
    out = Path(d); (out/'a.png').write_bytes(b'x'); (out/'b.csv').write_text('x')
    e = lambda p, nb, c: dict(path=p, kind='figure', notebook=nb, params={}, seed=0, git_commit=c, seconds=1.0)
    n = lambda nb, c: dict(notebook=nb, status='ran', git_commit=c, seconds=1.0)
    info = lambda c, partial, t: dict(profile='smoke', git_commit=c, partial=partial, data_dir=None, started=t)
    write_manifest(out, [e('a.png', '01_x.ipynb', 'c1'), e('gone.png', '01_x.ipynb', 'c1')], info('c1', False, 't1'), [n('01_x.ipynb', 'c1')])
    m = json.loads((out/'manifest.json').read_text())
    test_eq([a['path'] for a in m['artifacts']], ['a.png']); test_eq(m['git_commit'], 'c1')
    write_manifest(out, [e('b.csv', '02_y.ipynb', 'c2')], info('c2', True, 't2'), [n('02_y.ipynb', 'c2')])   # --only 02 at a later commit
    m = json.loads((out/'manifest.json').read_text())
    test_eq([a['path'] for a in m['artifacts']], ['a.png', 'b.csv']); test_eq((m['git_commit'], m['commits']), ('mixed', ['c1', 'c2']))
    test_eq([(r['notebooks'], r['git_commit'], r['partial']) for r in m['runs']], [(['01_x.ipynb'], 'c1', False), (['02_y.ipynb'], 'c2', True)])
    write_manifest(out, [e('b.csv', '02_y.ipynb', 'c3')], info('c3', False, 't3'), [n('02_y.ipynb', 'c3')])   # a full run starts afresh
    m = json.loads((out/'manifest.json').read_text())
    test_eq(([a['path'] for a in m['artifacts']], m['git_commit'], len(m['runs'])), (['b.csv'], 'c3', 1))
assert len(git_commit()) >= 7