if REAL is not None:
    data = load_real(REAL)
    display(data.sizes())
    test_eq((data.morph.n_obs, data.rna.n_obs), (len(data.compounds),) * 2)
    test_eq(data.compounds.compound.tolist(), data.morph.obs.broad_id.tolist())
with tempfile.TemporaryDirectory() as d:
    (Path(d)/'notes.csv').write_text('a,b\n1,2\n'); (Path(d)/'c.tsv').write_text('compound\tsmiles\tinchikey\tmoa\ttargets\nx\tCC\t\t\t\n')
    test_fail(lambda: load_real(d), contains='lacks cp_compound_profiles, l1000_compound_signatures')
