real = shared_data_dir()
if real is not None:                                                      # the real bytes of ../shared/data/compounds
    moa = read_moa_map(real/'compounds/repurposing_info_external_moa_map_resolved_sample.tsv')
    test_eq(len(moa), 11); test_eq(moa.broad_id.str.len().unique().tolist(), [13])
    test_eq(len(read_jump_target(real/'compounds/JUMP-Target-1_compound_metadata_sample.tsv')), 25)
    test_eq(len(read_hub_samples(real/'compounds/repurposing_samples_20200324_sample.txt')), 27)   # 41 samples of 27 drugs
    cp = annotate(read_cp_profiles(real/'cellpainting/SQ00015054_normalized_feature_select_sample.csv.gz'), moa, on='broad_id')
    test_eq(cp.uns['annotate_report']['n_annotated'], 36)                 # every treated well meets the map on the Broad id
