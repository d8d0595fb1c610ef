a = read_gctx(ex['l1000_gctx'])
test_eq(a.shape, (6, 978)); test_eq(a.X, example_l1000()[0][:, :978])
test_eq(a.obs.compound.tolist(), ['vorinostat', 'vorinostat', 'aspirin', 'caffeine', 'nocodazole', 'DMSO'])
test_eq(a.var.gene_id.iloc[0], '1000'); test_eq(a.obs.time_h.unique().tolist(), [24.0])
g = read_gct(ex['l1000_gct'])
test_close(g.X, a.X, eps=1e-5); test_eq(g.obs_names.tolist(), a.obs_names.tolist()); test_eq(g.obs.dose_um.fillna(-1).tolist(), a.obs.dose_um.fillna(-1).tolist())
sub = read_gctx(ex['l1000_gctx'], samples=[a.obs_names[3], a.obs_names[0]])   # a subset, in the asked order
test_eq(sub.obs_names.tolist(), [a.obs_names[3], a.obs_names[0]]); test_eq(sub.X, a.X[[3, 0]])
test_fail(lambda: read_gctx(ex['l1000_gctx'], samples=['nope']), contains="'nope'")
test_fail(lambda: read_gctx(ex['l1000_gct']), contains='level5_example_n6x1000.gct')       # text is not HDF5
test_fail(lambda: read_gct(ex['l1000_gctx']), contains='not a GCT file')