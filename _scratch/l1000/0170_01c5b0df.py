t = read_l1000_table(ex['l1000_table'], gene_info=ex['l1000_gene_info'], sample_info=ex['l1000_sig_info'])
test_close(t.X, a.X, eps=1e-5); test_eq(t.obs_names.tolist(), a.obs_names.tolist())
test_eq(t.obs.compound.tolist(), a.obs.compound.tolist()); test_eq(t.obs.cell_type.unique().tolist(), ['A549'])  # cmap_name, cell_iname
rows = a.to_df().reset_index(names='sig_id').merge(a.obs[['pert_iname', 'pert_idose', 'cell_id']], left_on='sig_id', right_index=True)
r = read_l1000_table(rows)                                                 # signatures in rows, gene symbols as columns
test_eq(r.X, a.X); test_eq(r.obs.dose_um.fillna(-1).tolist(), a.obs.dose_um.fillna(-1).tolist()); test_eq(r.uns['load_report']['n_genes_in_file'], 978)
test_fail(lambda: read_l1000_table(ex['l1000_table']), contains='pass sample_info')
test_fail(lambda: read_l1000_table(rows.assign(G010='x')), contains="'x'")