X, genes, sigs = example_l1000()
a = l1000_anndata(X, sigs, genes, source='example')
test_eq(a.shape, (6, 978)); test_eq(list(a.var_names[:3]), ['G000', 'G001', 'G002'])
test_eq(a.uns['load_report']['n_non_landmark_genes_excluded'], 22)
test_eq(a.X, X[:, :978]); test_eq(a.obs.dose_um.tolist()[:5], [10.0, 1.0, 10.0, 10.0, 0.5])
test_eq(a.obs.plate.iloc[0], 'CPC006_A549_24H'); test_eq(a.obs.intervention_id.iloc[0], 'vorinostat:10uM:A549')
test_eq(l1000_anndata(X, sigs, genes, pert_types=['trt_cp']).uns['load_report']['n_profiles_filtered_pert_type'], 1)
test_eq(l1000_anndata(X, sigs, genes, select_landmarks=False).shape, (6, 1000))
shuffled = list(reversed(EXAMPLE_LANDMARKS))                              # a reference list fixes the gene order
test_eq(list(l1000_anndata(X, sigs, genes, landmarks=shuffled).var_names[:2]), ['G977', 'G976'])
test_fail(lambda: l1000_anndata(X, sigs, genes.drop(columns='pr_gene_symbol')), contains="Entrez ids (e.g. '1000')")
bad = X.copy(); bad[2, 5] = np.nan
test_fail(lambda: l1000_anndata(bad, sigs, genes), contains=f"profile {sigs.index[2]!r}, gene 'G005'")