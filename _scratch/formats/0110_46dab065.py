#| export
EXAMPLE_COMPOUNDS = pd.DataFrame({
    'compound': ['aspirin', 'caffeine', 'vorinostat', 'nocodazole'],
    'smiles': ['CC(=O)OC1=CC=CC=C1C(=O)O', 'CN1C=NC2=C1C(=O)N(C(=O)N2C)C', 'ONC(=O)CCCCCCC(=O)Nc1ccccc1',
               'COC(=O)Nc1nc2cc(C(=O)c3cccs3)ccc2[nH]1'],
    'moa': ['cyclooxygenase inhibitor', 'adenosine receptor antagonist', 'HDAC inhibitor', 'tubulin polymerization inhibitor'],
    'targets': ['PTGS1|PTGS2', 'ADORA1|ADORA2A', 'HDAC1|HDAC2|HDAC3', 'TUBB'],
    'broad_id': ['BRD-K11433652-003-20-7', 'BRD-K02404261-001-20-4', 'BRD-K81418486-001-18-8', 'BRD-K12539581-001-15-1']})
EXAMPLE_LANDMARKS = tuple(f'G{i:03d}' for i in range(N_LANDMARKS))

def _inchikey(smiles:str) -> str:
    RDLogger.DisableLog('rdApp.*')
    try: return Chem.MolToInchiKey(Chem.MolFromSmiles(smiles))
    finally: RDLogger.EnableLog('rdApp.*')

def example_l1000(seed:int=0, n_extra_genes:int=22) -> tuple[np.ndarray, pd.DataFrame, pd.DataFrame]:
    "A level-5-like L1000 matrix (samples × genes), gene metadata (Entrez-like ids) and signature metadata."
    rng = np.random.default_rng(seed)
    genes = pd.DataFrame({'pr_gene_symbol': [*EXAMPLE_LANDMARKS, *(f'N{i:02d}' for i in range(n_extra_genes))],
                          'pr_is_lm': [1] * N_LANDMARKS + [0] * n_extra_genes},
                         index=[str(1000 + i) for i in range(N_LANDMARKS + n_extra_genes)])
    perts = [('vorinostat', 'BRD-K81418486', '10 uM'), ('vorinostat', 'BRD-K81418486', '1 uM'), ('aspirin', 'BRD-K11433652', '10 uM'),
             ('caffeine', 'BRD-K02404261', '10 uM'), ('nocodazole', 'BRD-K12539581', '500 nM'), ('DMSO', 'DMSO', '-666')]
    sigs = pd.DataFrame([{'pert_id': pid, 'pert_iname': name, 'pert_type': 'ctl_vehicle' if name == 'DMSO' else 'trt_cp',
                          'cell_id': 'A549', 'pert_idose': dose, 'pert_itime': '24 h'} for name, pid, dose in perts],
                        index=[f'CPC006_A549_24H:{pid}:{dose.split()[0]}' for _, pid, dose in perts])
    return rng.normal(size=(len(sigs), len(genes))).astype(np.float32), genes, sigs