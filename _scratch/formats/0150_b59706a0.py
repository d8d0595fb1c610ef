_tmp = tempfile.TemporaryDirectory()
ex = write_examples(_tmp.name)
test_eq(sorted(ex), sorted(['l1000_gctx', 'l1000_gct', 'l1000_table', 'l1000_sig_info', 'l1000_gene_info', 'cp_profiles', 'cp_metadata',
                            'cp_load_data', 'cp_locations', 'rxrx_images', 'rxrx_metadata', 'jump_compounds', 'hub_drugs', 'hub_samples']))
test_eq(all(p.exists() for p in ex.values()), True)
test_eq(len(list((ex['rxrx_images']).rglob('*.png'))), 3 * 6)
with h5py.File(ex['l1000_gctx']) as f:                                   # the CMap node layout, samples x genes on disk
    test_eq(f['0/DATA/0/matrix'].shape, (6, 1000)); test_eq(f.attrs['version'], b'GCTX1.0')
    test_eq(sorted(f['0/META/ROW']), ['id', 'pr_gene_symbol', 'pr_is_lm'])
    test_eq(f['0/META/COL/pert_idose'][0], b'10 uM')
test_eq(ex['l1000_gct'].read_text().splitlines()[:2], ['#1.3', '1000\t6\t2\t6'])