if shared_data_dir() is not None:                                        # the counts ../shared/data/README.md states
    got = inv.set_index('file') if cfg.data_dir is None else load_data_dir(shared_data_dir()).inventory().set_index('file')
    test_eq(got.loc['cellpainting/SQ00015054_normalized_feature_select_sample.csv.gz', ['rows', 'columns', 'compounds']].tolist(), [52, 454, 6])
    test_eq(got.loc['l1000/LJP005_A375_24H_X1_B19_sample_n40x978.gct', ['rows', 'columns', 'compounds']].tolist(), [40, 978, 6])
    test_eq(got.loc['cmea/Transcriptomic_Profile_sample.csv.gz', ['rows', 'columns', 'compounds']].tolist(), [24, 978, 24])
    test_eq(got.loc['compounds/jump_plate.csv.gz', 'rows'], 2525)