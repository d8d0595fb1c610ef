#| export
def read_l1000_table(src, gene_info=None, sample_info=None, orientation:str='auto', **kwargs) -> ad.AnnData:
    "AnnData from a consensus signature table, signatures × genes or genes × signatures (`orientation`); kwargs go to `l1000_anndata`."
    df, source = read_table(src), Path(_name(src)).name
    if orientation == 'auto':
        if _first_col(df, _SAMPLE_ID_COLS[:3]): orientation = 'samples'
        elif len(df.columns) and df.columns[0] in (*_GENE_ID_COLS, *_GENE_SYMBOL_COLS): orientation = 'genes'
        else: raise ValueError(f"cannot tell the orientation of {source} (no sig_id column, first column {df.columns[0]!r} "
                               "is not a gene id): pass orientation='samples' or 'genes'")
    if orientation not in ('samples', 'genes'): raise ValueError(f"orientation must be 'auto', 'samples' or 'genes', got {orientation!r}")
    id_col = (_first_col(df, _SAMPLE_ID_COLS) if orientation == 'samples' else None) or df.columns[0]
    df = df.set_index(df[id_col].astype(str)).drop(columns=id_col)
    is_meta = np.array([str(c)[:1].islower() for c in df.columns], dtype=bool)
    if is_meta.all(): raise ValueError(f"{source} has no {'gene' if orientation == 'samples' else 'signature'} columns")
    values = _numeric_matrix(df.loc[:, ~is_meta], source)
    if orientation == 'samples':
        genes = pd.DataFrame(index=df.columns[~is_meta].astype(str))
        return l1000_anndata(values, df.loc[:, is_meta], genes, gene_info, sample_info, source=source, **kwargs)
    if sample_info is None:
        raise ValueError(f"{source} has genes in rows and no signature metadata: pass sample_info= (sig_info / siginfo_beta)")
    genes = df.loc[:, is_meta].copy()
    if id_col in _GENE_SYMBOL_COLS: genes[id_col] = genes.index
    return l1000_anndata(values.T, pd.DataFrame(index=df.columns[~is_meta].astype(str)), genes, gene_info, sample_info,
                         source=source, **kwargs)

def read_compound_signatures(src, gene_info=None, defaults:dict|None=None, **kwargs) -> ad.AnnData:
    "AnnData (compounds × landmark genes) from a per-compound signature table: first column `pert_id`, one column per gene symbol (CMEA; R-mangled names such as `HLA.DMA` resolved)."
    obs, values, source = per_compound_table(src)
    genes = pd.DataFrame(index=values.columns.astype(str))
    if gene_info is None: genes['pr_gene_symbol'] = [_unmangle(g) if '.' in g else g for g in genes.index]
    defaults = {'dose_um': np.nan, 'cell_type': '', **(defaults or {})}
    return l1000_anndata(_numeric_matrix(values, source), obs, genes, gene_info, source=source, defaults=defaults, **kwargs)


def read_gene_info(src) -> pd.DataFrame:
    "An L1000 gene table (GSE92742 `gene_info`, LINCS 2020 `geneinfo_beta`, a landmark list) with `probe_id`, `entrez_id`, `symbol` and `is_landmark` resolved in front."
    df, what = read_table(src), Path(_name(src)).name
    sym = _first_col(df, _GENE_SYMBOL_COLS)
    if sym is None: raise ValueError(f"{what} has no gene symbol column: looked for {', '.join(_GENE_SYMBOL_COLS)}")
    flags = _landmark_flags(df)
    out = pd.concat([pd.DataFrame({'probe_id': _probe_ids(df), 'entrez_id': _entrez_ids(df), 'symbol': df[sym].astype(str),
                                   'is_landmark': flags.to_numpy() if flags is not None else False}, index=df.index), df], axis=1)
    out.attrs['load_report'] = {'source': what, 'n_genes': int(len(out)), 'n_landmarks': int(out.is_landmark.sum()),
                                'n_with_entrez_id': int(out.entrez_id.ne('').sum()), 'n_with_probe_id': int(out.probe_id.ne('').sum())}
    return out
