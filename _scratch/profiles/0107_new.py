real = shared_data_dir()
if real is not None:                                                      # the real bytes of ../shared/data
    cp = read_cp_profiles(real/'cellpainting/SQ00015054_normalized_feature_select_sample.csv.gz', batch='2016_04_01_a549_48hr_batch1')
    test_eq(cp.shape, (52, 454)); test_eq(cp.obs.time_h.unique().tolist(), [48.0])
    test_eq(sorted(cp.obs.dose_level_um.dropna().unique().tolist()), [0.04, 0.12, 0.37, 1.11, 3.33, 10.0])
    pm = read_cp_platemap(real/'cellpainting/C-7161-01-LM6-027_sample.txt')
    test_eq(pm.set_index('well').compound.reindex(cp.obs.well).tolist(), cp.obs.compound.tolist())   # plate map and profiles agree
    test_eq(read_compound_profiles(real/'cmea/Cell_Morphology_Profile_sample.csv.gz').shape, (24, 812))
    test_eq(len(read_jump_plates(real/'compounds/jump_plate.csv.gz')), 2525)
    test_eq(read_barcode_platemap(real/'cellpainting/barcode_platemap_sample.csv').plate_map_name.tolist(), ['C-7161-01-LM6-027'])
