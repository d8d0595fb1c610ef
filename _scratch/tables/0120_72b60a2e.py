src = pd.DataFrame({'pert_iname': ['vorinostat', 'DMSO'], 'pert_idose': ['10 uM', '-666'], 'pert_itime': ['24 h', '24 h'],
                    'cell_id': ['A549', 'A549'], 'pert_id': ['BRD-K81418486', 'DMSO']}, index=['s1', 's2'])
obs, rep = schema_obs(src, EXPR_OBS_COLUMNS)
test_eq(list(obs.columns[:len(EXPR_OBS_COLUMNS)]), list(EXPR_OBS_COLUMNS))
test_eq(obs.loc['s1', 'intervention_id'], 'vorinostat:10uM:A549'); test_eq(obs.loc['s2', 'intervention_id'], 'DMSO:NA:A549')
test_eq(rep['n_missing_dose_um'], 1); test_eq(obs.time_h.tolist(), [24.0, 24.0])
test_eq(obs.loc['s1', 'pert_id'], 'BRD-K81418486')                       # source columns kept
cp = pd.DataFrame({'Metadata_pert_iname': [None, 'aspirin'], 'Metadata_broad_sample': ['DMSO', 'BRD-K11433652-003-20-7'],
                   'Metadata_mmoles_per_liter': [0.0, 3.33]})
obs, _ = schema_obs(cp, ('compound', 'dose_um', 'cell_type'), defaults={'cell_type': 'A549'})
test_eq(obs.compound.tolist(), ['DMSO', 'aspirin']); test_eq(obs.dose_um.tolist(), [0.0, 3.33])
test_fail(lambda: schema_obs(cp, ('compound', 'dose_um', 'cell_type')), contains="no 'cell_type' column")
test_fail(lambda: schema_obs(cp.assign(Metadata_broad_sample=None), ('compound',)), contains='has no compound')
lincs = pd.DataFrame({'Metadata_broad_sample': ['BRD-K92723993-001-06-7', 'DMSO'], 'Metadata_mmoles_per_liter': [0.041152, 0.0],
                      'Metadata_InChIKey14': ['KTUFNOKKBVMGRW', ''], 'Metadata_cell_id': ['A549'] * 2,
                      'Metadata_Batch': ['2016_04_01_a549_48hr_batch1'] * 2})
obs, rep = schema_obs(lincs, EXPR_OBS_COLUMNS)                           # the LINCS Cell Painting layout
test_eq(obs.compound.tolist(), ['BRD-K92723993', 'DMSO']); test_eq(obs.broad_id.tolist(), ['BRD-K92723993', ''])
test_eq(obs.dose_level_um[0], 0.04); test_eq(obs.dose_um[0], 0.041152); test_eq(obs.inchikey14.tolist(), ['KTUFNOKKBVMGRW', ''])
test_eq(obs.time_h.tolist(), [48.0, 48.0]); test_eq(rep['n_time_h_from_batch'], 2)
obs, _ = schema_obs(src, EXPR_OBS_COLUMNS)                               # L1000: pert_id is the same key
test_eq(obs.broad_id.tolist(), ['BRD-K81418486', '']); test_eq(obs.dose_level_um[0], 10.0)
