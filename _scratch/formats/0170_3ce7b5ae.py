#| export
DATA_KINDS = {
    'l1000_gctx': ('L1000 matrix, CMap GCTX (HDF5)', '*.gctx', 'read_gctx'),
    'l1000_gct': ('L1000 matrix, GCT 1.3/1.2 text', '*.gct', 'read_gct'),
    'l1000_table': ('L1000 consensus signature table', 'table with sig_id and ≥ 50 columns, or genes in rows', 'read_l1000_table'),
    'l1000_compound_signatures': ('per-compound L1000 signatures (CMEA)', 'first column pert_id, ≥ 50 gene-symbol columns', 'read_compound_signatures'),
    'l1000_sig_info': ('L1000 signature metadata', 'sig_info / siginfo_beta (sig_id, pert_*, cell_*)', 'companion'),
    'l1000_gene_info': ('L1000 gene metadata', 'gene_info / geneinfo_beta / landmark list (id|pr_gene_id|gene_id, *_symbol)', 'read_gene_info'),
    'cp_profiles': ('Cell Painting profiles (pycytominer/JUMP)', 'Metadata_* + feature columns (.csv[.gz], .parquet)', 'read_cp_profiles'),
    'cp_compound_profiles': ('per-compound Cell Painting profiles (CMEA)', 'first column pert_id, ≥ 50 Cells_/Cytoplasm_/Nuclei_ columns', 'read_compound_profiles'),
    'cp_platemap': ('LINCS Cell Painting plate map', 'plate_map_name, well_position, broad_sample, mmoles_per_liter', 'read_cp_platemap'),
    'cp_barcode_platemap': ('plate barcode → plate map', 'barcode_platemap.csv (Assay_Plate_Barcode, Plate_Map_Name, ...)', 'read_barcode_platemap'),
    'cp_load_data': ('CellProfiler LoadData table', 'FileName_Orig*, PathName_Orig*, Metadata_Plate/Well/Site', 'CellPaintingTiffSet'),
    'cp_metadata': ('Cell Painting well metadata', 'only Metadata_* columns incl. Metadata_Well', 'companion'),
    'cp_locations': ('CellProfiler nuclei locations', 'Location_Center_X/Y + Metadata_Plate/Well/Site', 'companion'),
    'jump_plates': ('JUMP plate table', 'Metadata_Source, Metadata_Batch, Metadata_Plate, Metadata_PlateType', 'read_jump_plates'),
    'tiff_images': ('Cell Painting TIFFs', '*.tif, *.tiff (one channel each; fields through a LoadData table)', 'read_image'),
    'rxrx_images': ('RxRx PNG tree', '{plate}/{well}_s{site}_w{channel}.png', 'RxRxImageSet'),
    'rxrx_metadata': ('RxRx metadata.csv', 'experiment, plate, well[, site]', 'companion'),
    'jump_compounds': ('JUMP compound table', 'Metadata_JCP2022, Metadata_InChIKey[, Metadata_InChI, Metadata_SMILES]', 'read_compounds'),
    'jump_target': ('JUMP-Target compound table', 'broad_sample, pert_iname, target_list, smiles', 'read_jump_target'),
    'lincs_compounds': ('LINCS 2020 compoundinfo', 'cmap_name, canonical_smiles, target, moa', 'read_compounds'),
    'moa_map': ('LINCS Cell Painting MoA map', 'broad_sample|broad_id, pert_iname, moa, target', 'read_moa_map'),
    'hub_drugs': ('Drug Repurposing Hub drugs', 'pert_iname, moa, target', 'read_repurposing_hub'),
    'hub_samples': ('Drug Repurposing Hub samples', 'broad_id, pert_iname, smiles, InChIKey', 'read_hub_samples'),
    'compounds': ('tidy compound table', 'compound, smiles, inchikey, moa, targets', 'read_compounds'),
}
_TABLE_EXT = ('.csv', '.tsv', '.txt', '.csv.gz', '.tsv.gz', '.txt.gz', '.parquet')
_CP_PREFIXES = ('Cells_', 'Cytoplasm_', 'Nuclei_')

def table_kind(columns:Sequence[str]) -> str|None:
    "The `DATA_KINDS` key of a table with these column names, or None."
    cols = [str(c) for c in columns]; c = set(cols)
    meta = {x for x in c if x.startswith('Metadata_')}
    if any(x.startswith('FileName_Orig') for x in c): return 'cp_load_data'
    if c & {'Location_Center_X', 'Nuclei_Location_Center_X'}: return 'cp_locations'
    if set(_JUMP_PLATE_COLUMNS) <= c and meta == c: return 'jump_plates'
    if meta and len(meta) < len(c): return 'cp_profiles'
    if {'Metadata_JCP2022', 'Metadata_InChIKey'} <= c and 'Metadata_Well' not in c: return 'jump_compounds'
    if meta and 'Metadata_Well' in c: return 'cp_metadata'
    if {'plate_map_name', 'well_position', 'broad_sample'} <= c: return 'cp_platemap'
    if {'Assay_Plate_Barcode', 'Plate_Map_Name'} <= c: return 'cp_barcode_platemap'
    if cols and cols[0] == 'pert_id' and len(c) >= 50:
        return 'cp_compound_profiles' if np.mean([x.startswith(_CP_PREFIXES) for x in cols[1:]]) > 0.5 else 'l1000_compound_signatures'
    if {'cmap_name', 'canonical_smiles'} <= c: return 'lincs_compounds'
    if {'pert_iname', 'moa', 'target'} <= c: return 'moa_map' if c & {'broad_id', 'broad_sample'} else 'hub_drugs'
    if {'broad_sample', 'target_list'} <= c: return 'jump_target'
    if {'broad_id', 'pert_iname'} <= c and c & {'smiles', 'InChIKey'}: return 'hub_samples'
    if set(COMPOUND_COLUMNS) <= c: return 'compounds'
    if c & {'pr_gene_id', 'gene_id'} and c & set(_GENE_SYMBOL_COLS) and len(c) < 50: return 'l1000_gene_info'
    if c & {'sig_id', 'inst_id', 'distil_id'}: return 'l1000_table' if len(c) >= 50 else 'l1000_sig_info'
    if cols and cols[0] in (*_GENE_ID_COLS, *_GENE_SYMBOL_COLS) and len(c) >= 2: return 'l1000_table'
    if ({'experiment', 'plate', 'well'} <= c) or ({'experiment_name', 'plate', 'address'} <= c): return 'rxrx_metadata'
    return None

@dataclass
class DataDir:
    "What `load_data_dir` found in a folder: files by kind (`DATA_KINDS`) and the files it did not recognise."
    path: Path
    found: dict = field(default_factory=dict)
    unrecognised: list = field(default_factory=list)

    def __getitem__(self, kind:str) -> list[Path]: return self.found.get(kind, [])

    def summary(self) -> pd.DataFrame:
        "One row per kind found: how many files, an example, and the loader."
        return pd.DataFrame([{'kind': k, 'what': DATA_KINDS[k][0], 'n_files': len(v), 'example': str(v[0].relative_to(self.path)),
                              'loader': DATA_KINDS[k][2]} for k, v in self.found.items()])

    def inventory(self) -> pd.DataFrame:
        "Load every loadable file: kind, file, rows × columns, distinct compounds (the 13-character Broad id when there is one), and the size of its report."
        rows = []
        for kind, files in self.found.items():
            for i, f in enumerate(files):
                if DATA_KINDS[kind][2] == 'companion': continue
                obj = self.load(kind, i)
                meta = obj.obs if hasattr(obj, 'obs') else obj if isinstance(obj, pd.DataFrame) else None
                key = next((c for c in ('broad_id', 'compound') if meta is not None and c in meta.columns and meta[c].astype(str).ne('').any()), None)
                n_cpd = int(meta[key].astype(str).replace('', np.nan).dropna().loc[lambda s: s != 'DMSO'].nunique()) if key else 0
                rows.append({'kind': kind, 'file': str(f.relative_to(self.path)), 'rows': int(obj.shape[0]), 'columns': int(obj.shape[1]),
                             'compounds': n_cpd, 'compound key': key or ''})
        return pd.DataFrame(rows)

    def load(self, kind:str, i:int=0, **kwargs):
        "Load the `i`-th file of `kind` with its loader, passing the companion files found beside it."
        files = self[kind]
        if not files: raise ValueError(f"no {kind!r} files in {self.path}; found: {', '.join(self.found) or 'nothing'}")
        f, first = files[i], (lambda k: self[k][0] if self[k] else None)
        l1000 = dict(gene_info=first('l1000_gene_info'), sample_info=first('l1000_sig_info'))
        loaders = {'l1000_gctx': lambda: read_gctx(f, **l1000, **kwargs), 'l1000_gct': lambda: read_gct(f, **l1000, **kwargs),
                   'l1000_table': lambda: read_l1000_table(f, **l1000, **kwargs),
                   'l1000_compound_signatures': lambda: read_compound_signatures(f, gene_info=l1000['gene_info'], **kwargs),
                   'cp_profiles': lambda: read_cp_profiles(f, **kwargs), 'cp_compound_profiles': lambda: read_compound_profiles(f, **kwargs),
                   'cp_platemap': lambda: read_cp_platemap(f), 'cp_barcode_platemap': lambda: read_barcode_platemap(f),
                   'jump_plates': lambda: read_jump_plates(f), 'tiff_images': lambda: read_image(f), 'l1000_gene_info': lambda: read_gene_info(f),
                   'jump_compounds': lambda: read_compounds(f), 'lincs_compounds': lambda: read_compounds(f), 'compounds': lambda: read_compounds(f),
                   'jump_target': lambda: read_jump_target(f), 'moa_map': lambda: read_moa_map(f), 'hub_samples': lambda: read_hub_samples(f),
                   'hub_drugs': lambda: read_repurposing_hub(f, first('hub_samples')),
                   'cp_load_data': lambda: CellPaintingTiffSet(f, **{'metadata': first('cp_metadata'), 'locations': first('cp_locations'), **kwargs}),
                   'rxrx_images': lambda: RxRxImageSet(f, **{'metadata': first('rxrx_metadata'), **kwargs})}
        if kind not in loaders: raise ValueError(f"{kind!r} files are companions, not loaded alone: load one of {', '.join(k for k in loaders if self[k])}")
        return loaders[kind]()

def load_data_dir(data_dir) -> DataDir:
    "Discover the supported files under `data_dir` (see `DATA_KINDS`); an empty or unrecognised folder is an error."
    root = Path(data_dir)
    if not root.is_dir(): raise ValueError(f"data_dir {str(data_dir)!r} does not exist or is not a folder")
    files = sorted(p for p in root.rglob('*') if p.is_file() and not any(part.startswith('.') for part in p.relative_to(root).parts))
    if not files: raise ValueError(f"data_dir {str(root)!r} is empty")
    dd, rxrx_roots = DataDir(root), []
    for p in files:
        name = p.name.lower()
        kind = None
        if name.endswith('.gctx'): kind = 'l1000_gctx'
        elif name.endswith('.gct'): kind = 'l1000_gct'
        elif name.endswith(('.tif', '.tiff')): kind = 'tiff_images'
        elif name.endswith('.png'):
            if _RXRX_FILE.match(p.name):
                top = p.parent.parent.parent if re.match(r'^Plate\d+$', p.parent.name) else p.parent.parent
                if not any(top == r or r in top.parents for r in rxrx_roots): rxrx_roots = [r for r in rxrx_roots if top not in r.parents] + [top]
                continue
        elif name.endswith(_TABLE_EXT):
            try: kind = table_kind(read_table(p, nrows=0).columns)
            except ValueError: kind = None
        if kind: dd.found.setdefault(kind, []).append(p)
        else: dd.unrecognised.append(p)
    if rxrx_roots: dd.found['rxrx_images'] = sorted(rxrx_roots)
    if not dd.found:
        raise ValueError(f"no known data files in data_dir {str(root)!r}: {len(files)} file(s) seen ({_preview(p.relative_to(root) for p in files)}); "
                         "expected e.g. *.gctx, pycytominer profiles, load_data.csv, RxRx PNGs, compound tables (see DATA_KINDS)")
    return dd