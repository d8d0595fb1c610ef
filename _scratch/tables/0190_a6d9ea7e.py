j = read_compounds(ex['jump_compounds'])
test_eq(j.compound.tolist(), [f'JCP2022_00000{i}' for i in range(1, 5)]); test_eq(j.inchikey[0], 'BSYNRYMUTXBXSQ-UHFFFAOYSA-N')
j2 = read_jump_compounds(read_table(ex['jump_compounds']).drop(columns='Metadata_SMILES'))     # structure from the InChI
test_eq(j2.inchikey.tolist(), j.inchikey.tolist()); test_eq(j2.smiles[0], Chem.MolToSmiles(Chem.MolFromSmiles(EXAMPLE_COMPOUNDS.smiles[0])))
h = read_repurposing_hub(ex['hub_drugs'], ex['hub_samples'])
test_eq(list(h.columns), [*COMPOUND_COLUMNS, 'broad_id']); test_eq(h.broad_id[0], 'BRD-K11433652'); test_eq(h.loc[2, 'targets'], 'HDAC1|HDAC2|HDAC3'); test_eq(h.inchikey.tolist(), j.inchikey.tolist())
test_eq(read_compounds(ex['hub_drugs']).attrs['load_report']['n_without_structure'], 4)      # drugs file alone: no structures, counted
info = pd.DataFrame({'pert_id': ['BRD-K81418486'] * 2 + ['BRD-K11433652'], 'cmap_name': ['vorinostat'] * 2 + ['aspirin'],
                     'target': ['HDAC1', 'HDAC2', 'PTGS1'], 'moa': ['HDAC inhibitor'] * 2 + ['cyclooxygenase inhibitor'],
                     'canonical_smiles': [EXAMPLE_COMPOUNDS.smiles[2]] * 2 + [EXAMPLE_COMPOUNDS.smiles[0]], 'inchi_key': [j.inchikey[2]] * 2 + [j.inchikey[0]]})
l = read_compounds(info)
test_eq(l.targets.tolist(), ['HDAC1|HDAC2', 'PTGS1']); test_eq(l.moa[0], 'HDAC inhibitor')
test_fail(lambda: validate_compounds(h.assign(smiles=['C1CC', *h.smiles[1:]])), contains="invalid SMILES 'C1CC' for compound 'aspirin' (row 0)")
test_fail(lambda: read_compounds(pd.DataFrame({'x': [1]})), contains='unrecognised compound table')