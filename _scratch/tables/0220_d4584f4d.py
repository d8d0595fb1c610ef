an = annotate(read_gctx(ex['l1000_gctx']), h)
test_eq(an.obs.moa.iloc[0], 'HDAC inhibitor'); test_eq(an.obs.smiles.iloc[2], EXAMPLE_COMPOUNDS.smiles[0]); test_eq(an.obs.targets.iloc[5], '')
test_eq(an.uns['annotate_report']['n_controls_or_empty'], 1)
with tempfile.TemporaryDirectory() as d:                                  # loaders' output is h5ad-writable
    an.write_h5ad(Path(d) / 'a.h5ad'); test_eq(ad.read_h5ad(Path(d) / 'a.h5ad').obs.moa.tolist(), an.obs.moa.tolist())
jp = read_table(ex['cp_profiles']).drop(columns=['Metadata_pert_iname', 'Metadata_broad_sample', 'Metadata_cell_id'])
jp['Metadata_JCP2022'] = [*j.compound[[2, 0, 3]], 'JCP2022_033924']      # JUMP-style: JCP ids, InChIKeys, DMSO's own id
jp['Metadata_InChIKey'] = [*j.inchikey[[2, 0, 3]], _inchikey('CS(C)=O')]
jp = read_cp_profiles(jp, defaults={'cell_type': 'U2OS'})
aj = annotate(jp, h, on='inchikey', controls=('JCP2022_033924',))        # JUMP profiles get the Hub's names, MoAs and targets
test_eq(aj.obs.compound.tolist(), ['vorinostat', 'aspirin', 'nocodazole', 'JCP2022_033924'])
test_eq(aj.obs.intervention_id.iloc[0], 'vorinostat:10uM:U2OS'); test_eq(aj.obs.moa.iloc[2], 'tubulin polymerization inhibitor')
test_fail(lambda: annotate(jp, h, on='inchikey'), contains=_inchikey('CS(C)=O'))
odd = read_gctx(ex['l1000_gctx']); odd.obs.loc[odd.obs_names[3], 'compound'] = 'mysterine'
test_fail(lambda: annotate(odd, h), contains='mysterine')
rep = annotate(odd, h, allow_missing=True).uns['annotate_report']
test_eq((rep['n_annotated'], rep['n_unannotated'], rep['unknown_compounds']), (4, 1, ['mysterine']))