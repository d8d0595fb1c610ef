if REAL is not None:                                                      # a fast check on the real bytes (the full study follows)
    quick = RealConfig(steps=20, n_splits=1, n_boot=200, n_null=100, dim=16, hidden=32, tide=TIDEConfig(beta=0.0, ssl='none', proto_dim=16, hidden=32))
    xm_rows, ann_rows = run_cmea(data, quick, device='cpu')
    test_eq(set(xm_rows.method), set(METHODS)); test_eq(xm_rows.groupby('method').size().nunique(), 1)
    test_eq(xm_rows['rank'].between(1, xm_rows.n_candidates).all(), True)
    test_eq(set(ann_rows.label), {'moa', 'targets'})
    if data.plate is not None:
        E = embed(None, Standardizer(np.asarray(data.plate.X))(np.asarray(data.plate.X)))
        test_eq(one_shot_doses(E, data.plate.obs.reset_index(drop=True)).n_classes.max(), data.plate.obs.broad_id[data.plate.obs.broad_id != ''].nunique())
