#| export
def example_field(rng:np.random.Generator, n_channels:int, size:int=64, n_nuclei:int=4, peak:float=1000., dtype=np.uint16) -> tuple[np.ndarray, np.ndarray]:
    "One synthetic field (C, H, W) with `n_nuclei` Gaussian nuclei (σ=2 px) in channel 0; returns it and the centres (row, col)."
    for _ in range(1000):                                    # nuclei at least 14 px apart, so that they never touch
        centres = np.stack([rng.uniform(8, size - 8, n_nuclei), rng.uniform(8, size - 8, n_nuclei)], 1)
        if (np.linalg.norm(centres[:, None] - centres[None], axis=-1) + np.eye(n_nuclei) * size).min() >= 14: break
    rr, cc = np.mgrid[:size, :size]
    dna = sum(np.exp(-((rr - r) ** 2 + (cc - c) ** 2) / (2 * 2.0 ** 2)) for r, c in centres)
    img = rng.uniform(0.05, 0.15, (n_channels, size, size)) * peak
    img[0] = 0.05 * peak + peak * dna
    return img.astype(dtype), centres

def write_examples(folder, seed:int=0) -> dict[str, Path]:
    "Write one small file per supported format under `folder` (real layouts, synthetic values); return {kind: path}."
    folder, rng, out = Path(folder), np.random.default_rng(seed), {}
    for d in ('l1000', 'cellpainting/profiles', 'cellpainting/load_data_csv/SQ00014812', 'cellpainting/images/SQ00014812', 'rxrx', 'compounds'):
        (folder / d).mkdir(parents=True, exist_ok=True)
    # L1000: the same signatures as GCTX, GCT and a genes x signatures table with LINCS-2020 companions
    X, genes, sigs = example_l1000(seed)
    out['l1000_gctx'] = write_gctx(folder / 'l1000/level5_example_n6x1000.gctx', X, genes, sigs)
    out['l1000_gct'] = write_gct(folder / 'l1000/level5_example_n6x1000.gct', X, genes, sigs)
    table = pd.DataFrame(X.T, index=pd.Index(genes.index, name='id'), columns=sigs.index)
    table.to_csv(out.setdefault('l1000_table', folder / 'l1000/level5_example_genes_x_sigs.tsv'), sep='\t')
    sig_info = sigs.rename(columns={'pert_iname': 'cmap_name', 'cell_id': 'cell_iname'}).rename_axis('sig_id').reset_index()
    sig_info.to_csv(out.setdefault('l1000_sig_info', folder / 'l1000/siginfo_beta.txt'), sep='\t', index=False)
    gene_info = pd.DataFrame({'gene_id': genes.index, 'gene_symbol': genes.pr_gene_symbol,
                              'feature_space': np.where(genes.pr_is_lm == 1, 'landmark', 'inferred')})
    gene_info.to_csv(out.setdefault('l1000_gene_info', folder / 'l1000/geneinfo_beta.txt'), sep='\t', index=False)
    # Cell Painting profiles (pycytominer: Metadata_ columns + compartment_feature columns)
    wells = [('A01', 'vorinostat', 'BRD-K81418486-001-18-8', 10.0), ('A02', 'aspirin', 'BRD-K11433652-003-20-7', 3.33),
             ('B01', 'nocodazole', 'BRD-K12539581-001-15-1', 1.11), ('B02', None, 'DMSO', 0.0)]
    plate_map = pd.DataFrame([{'Metadata_Plate': 'SQ00014812', 'Metadata_Well': w, 'Metadata_pert_iname': n, 'Metadata_broad_sample': b,
                               'Metadata_mmoles_per_liter': d, 'Metadata_cell_id': 'A549'} for w, n, b, d in wells])
    feats = ['Cells_AreaShape_Area', 'Cells_Intensity_MeanIntensity_AGP', 'Cytoplasm_Intensity_MeanIntensity_Mito',
             'Nuclei_Texture_Contrast_DNA_3_0', 'Nuclei_Correlation_Costes_DNA_Mito']
    profiles = pd.concat([plate_map, pd.DataFrame(rng.normal(size=(len(wells), len(feats))), columns=feats)], axis=1)
    profiles.to_csv(out.setdefault('cp_profiles', folder / 'cellpainting/profiles/SQ00014812_normalized_feature_select.csv.gz'), index=False)
    plate_map.to_csv(out.setdefault('cp_metadata', folder / 'cellpainting/platemap_SQ00014812.csv'), index=False)
    # Cell Painting images: Phenix names r{row}c{col}f{field}p01-ch{k}sk1fk1fl1.tiff, one 16-bit TIFF per channel
    rows, locs = [], []
    for w, *_ in wells:
        for site in (1, 2):
            img, centres = example_field(rng, len(CELL_PAINTING_CHANNELS))
            row = {'Metadata_Plate': 'SQ00014812', 'Metadata_Well': w, 'Metadata_Site': site}
            for k, ch in enumerate(CELL_PAINTING_CHANNELS):
                name = f"r{ord(w[0]) - 64:02d}c{int(w[1:]):02d}f{site:02d}p01-ch{k + 1}sk1fk1fl1.tiff"
                tifffile.imwrite(folder / 'cellpainting/images/SQ00014812' / name, img[k])
                row[f'FileName_Orig{ch}'], row[f'PathName_Orig{ch}'] = name, '../../images/SQ00014812'
            rows.append(row)
            locs += [{'Metadata_Plate': 'SQ00014812', 'Metadata_Well': w, 'Metadata_Site': site,
                      'Location_Center_X': c, 'Location_Center_Y': r} for r, c in centres]
    pd.DataFrame(rows).to_csv(out.setdefault('cp_load_data', folder / 'cellpainting/load_data_csv/SQ00014812/load_data.csv'), index=False)
    pd.DataFrame(locs).to_csv(out.setdefault('cp_locations', folder / 'cellpainting/nuclei_locations_SQ00014812.csv'), index=False)
    # RxRx: images/{experiment}/Plate{plate}/{well}_s{site}_w{channel}.png (8-bit) + metadata.csv
    meta = []
    for w, name, dose in (('B02', 'vorinostat', 10.0), ('B03', 'caffeine', 10.0), ('C02', 'aspirin', 1.0)):
        img, _ = example_field(rng, len(RXRX_CHANNELS), size=32, n_nuclei=2, peak=200., dtype=np.uint8)
        for k in range(len(RXRX_CHANNELS)):
            p = folder / f'rxrx/images/HUVEC-01/Plate1/{w}_s1_w{k + 1}.png'
            p.parent.mkdir(parents=True, exist_ok=True); iio.imwrite(p, img[k])
        meta.append({'site_id': f'HUVEC-01_1_{w}_1', 'experiment': 'HUVEC-01', 'plate': 1, 'well': w, 'site': 1,
                     'cell_type': 'HUVEC', 'treatment': name, 'concentration': dose})
    out['rxrx_images'] = folder / 'rxrx/images'
    pd.DataFrame(meta).to_csv(out.setdefault('rxrx_metadata', folder / 'rxrx/metadata.csv'), index=False)
    # compounds: JUMP compound table, Drug Repurposing Hub drugs + samples (tab-separated, '!' header lines)
    cpds = EXAMPLE_COMPOUNDS.assign(inchikey=EXAMPLE_COMPOUNDS.smiles.map(_inchikey))
    RDLogger.DisableLog('rdApp.*')
    inchi = [Chem.MolToInchi(Chem.MolFromSmiles(s)) for s in cpds.smiles]
    RDLogger.EnableLog('rdApp.*')
    pd.DataFrame({'Metadata_JCP2022': [f'JCP2022_{i:06d}' for i in range(1, len(cpds) + 1)], 'Metadata_InChIKey': cpds.inchikey,
                  'Metadata_InChI': inchi, 'Metadata_SMILES': cpds.smiles}).to_csv(
        out.setdefault('jump_compounds', folder / 'compounds/compound.csv.gz'), index=False)
    bang = '!Example Drug Repurposing Hub file (synthetic annotations)\n!columns as in repurposing_*_20200324.txt\n'
    drugs = cpds.rename(columns={'compound': 'pert_iname', 'targets': 'target'}).assign(clinical_phase='Launched')
    out['hub_drugs'] = folder / 'compounds/repurposing_drugs_20200324.txt'
    out['hub_drugs'].write_text(bang + drugs[['pert_iname', 'clinical_phase', 'moa', 'target']].to_csv(sep='\t', index=False))
    samples = cpds.rename(columns={'compound': 'pert_iname', 'inchikey': 'InChIKey'})[['broad_id', 'pert_iname', 'smiles', 'InChIKey']]
    out['hub_samples'] = folder / 'compounds/repurposing_samples_20200324.txt'
    out['hub_samples'].write_text(bang + samples.to_csv(sep='\t', index=False))
    return out