real = shared_data_dir()
if real is not None:                                                      # the real bytes of ../shared/data/l1000
    lm = real/'l1000/landmark_genes_n978.tsv'
    g = read_gct(real/'l1000/LJP005_A375_24H_X1_B19_sample_n40x978.gct', gene_info=lm)
    test_eq(g.shape, (40, 978)); test_eq(g.uns['load_report']['gene_info_matched_on'], 'id')
    e = read_gctx(real/'l1000/GSE70138_level2_REP.A001_A375_n5x5_entrez_rid.gctx', gene_info=lm)
    test_eq(e.var[['entrez_id', 'probe_id']].iloc[0].tolist(), ['5720', '200814_at']); test_eq(e.var_names[0], 'PSME1')
    m = read_gctx(real/'l1000/modzs_n25x50.gctx')                        # its own is_lm flags: a 50-gene slice
    test_eq(m.shape, (25, 50)); test_eq(m.obs.dose_um.notna().all(), True)
    r = read_compound_signatures(real/'cmea/Transcriptomic_Profile_sample.csv.gz', gene_info=lm)
    test_eq(r.shape, (24, 978)); test_eq({'HLA-DMA', 'HLA-DRA'} <= set(r.var_names), True)
    test_eq(read_gene_info(lm).attrs['load_report']['n_landmarks'], 978)
