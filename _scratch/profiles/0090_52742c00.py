#| export
_log = logging.getLogger(__name__)
CP_OBS_COLUMNS = (*EXPR_OBS_COLUMNS, 'well')

def _batch_from_path(src) -> str|None:
    "The batch folder of a pycytominer layout (`profiles/<batch>/<plate>/<plate>_*.csv.gz`): the nearest parent whose name states a time."
    if isinstance(src, pd.DataFrame): return None
    for parent in list(Path(src).resolve().parents)[:3]:
        try:
            if np.isfinite(time_from_batch(parent.name)): return parent.name
        except ValueError: continue
    return None

def read_cp_profiles(src, nan_features:str='drop', defaults:dict|None=None, batch:str|None=None) -> ad.AnnData:
    "AnnData (profiles × features) from a pycytominer/JUMP profile table (CSV/Parquet/DataFrame); `batch` (default: from the folder) gives the time when no column does."
    if nan_features not in ('drop', 'raise'): raise ValueError(f"nan_features must be 'drop' or 'raise', got {nan_features!r}")
    df, source = read_table(src), Path(_name(src)).name
    batch = batch or _batch_from_path(src)
    if batch and _first_col(df, _ALIASES['batch']) is None: df = df.assign(Metadata_Batch=batch)
    meta_cols = [c for c in df.columns if str(c).startswith('Metadata_')]
    feats = pd.Index([c for c in df.columns if c not in meta_cols]).astype(str)
    if not meta_cols: raise ValueError(f"{source} has no Metadata_ columns: not a pycytominer/JUMP profile table")
    if not len(feats): raise ValueError(f"{source} has no feature columns")
    X = _numeric_matrix(df[feats], source)
    bad = ~np.isfinite(X).all(0)
    report = {'source': source, 'n_profiles': int(len(df)), 'n_features_in_file': int(len(feats)),
              'n_dropped_features': 0, 'dropped_features': []}
    if bad.any() and nan_features == 'raise':
        r, c = np.argwhere(~np.isfinite(X))[0]
        raise ValueError(f"non-finite feature value {X[r, c]} in {source}: profile {r}, feature {feats[c]!r} "
                         f"({int(bad.sum())} feature(s) affected)")
    if bad.any():
        report.update(n_dropped_features=int(bad.sum()), dropped_features=feats[bad].tolist())
        _log.warning("%s: dropped %d feature(s) with NaN/inf values: %s", source, bad.sum(), _preview(feats[bad]))
    obs, rep = schema_obs(df[meta_cols], CP_OBS_COLUMNS, defaults, what=f'metadata of {source}')
    report.update(rep)
    pw = obs.plate + '_' + obs.well
    ids = pw if (obs.plate.ne('').all() and obs.well.ne('').all() and pw.is_unique) else obs.intervention_id
    obs.index = ids if ids.is_unique else [f'profile_{i}' for i in range(len(obs))]
    var = pd.DataFrame({'compartment': [f.split('_')[0] if '_' in f else '' for f in feats[~bad]]}, index=feats[~bad])
    adata = ad.AnnData(X[:, ~bad].astype(np.float32), obs=obs, var=var)
    validate_expression(adata, obs_columns=CP_OBS_COLUMNS)
    adata.uns['load_report'] = report
    return adata

def read_compound_profiles(src, nan_features:str='drop', defaults:dict|None=None) -> ad.AnnData:
    "AnnData (compounds × features) from a per-compound Cell Painting table (CMEA: first column `pert_id`, features without `Metadata_` prefix)."
    obs, values, source = per_compound_table(src)
    meta = obs.rename(columns={'pert_id': 'Metadata_pert_id'}).reset_index(drop=True)
    df = pd.concat([meta, values.reset_index(drop=True)], axis=1)
    defaults = {'dose_um': np.nan, 'cell_type': '', **(defaults or {})}
    a = read_cp_profiles(df, nan_features, defaults)
    a.obs_names = obs.index.astype(str)
    a.uns['load_report']['source'] = source
    return a

def read_cp_platemap(src) -> pd.DataFrame:
    "A LINCS Cell Painting plate map (`plate_map_name`, `well_position`, `broad_sample`, `mmoles_per_liter` in µM, `solvent`) with the schema columns and keys."
    df, what = read_table(src), Path(_name(src)).name
    missing = [c for c in ('plate_map_name', 'well_position', 'broad_sample', 'mmoles_per_liter') if c not in df.columns]
    if missing: raise ValueError(f"{what} lacks column(s): {', '.join(missing)}")
    solvent = df['solvent'] if 'solvent' in df.columns else pd.Series('', index=df.index)
    df = df.assign(compound=[s if _is_missing(b) else b for b, s in zip(df.broad_sample, solvent)])   # DMSO wells: the solvent
    obs, report = schema_obs(df, ('compound', 'dose_um', 'well'), {'cell_type': ''}, what=f'plate map {what}')
    obs.attrs['load_report'] = {'source': what, 'n_wells': int(len(obs)), **report}
    return obs

_BARCODE_COLUMNS = {'Assay_Plate_Barcode': 'plate', 'Plate_Map_Name': 'plate_map_name', 'Batch_Number': 'batch_number', 'Batch_Date': 'batch_date'}
_JUMP_PLATE_COLUMNS = ('Metadata_Source', 'Metadata_Batch', 'Metadata_Plate', 'Metadata_PlateType')

def _plate_table(src, columns:Sequence[str], key:Sequence[str]) -> tuple[pd.DataFrame, str]:
    df, what = read_table(src), Path(_name(src)).name
    missing = [c for c in columns if c not in df.columns]
    if missing: raise ValueError(f"{what} lacks column(s): {', '.join(missing)}")
    dup = df.duplicated(list(key))
    if dup.any(): raise ValueError(f"{what}: plate(s) listed twice: {_preview(df.loc[dup, list(key)].astype(str).agg('/'.join, axis=1))}")
    return df, what

def read_barcode_platemap(src) -> pd.DataFrame:
    "The plate barcode → plate map table of a Cell Painting batch (`barcode_platemap.csv`), columns renamed to `plate`, `plate_map_name`, ..."
    df, what = _plate_table(src, tuple(_BARCODE_COLUMNS), ('Assay_Plate_Barcode',))
    out = df.rename(columns=_BARCODE_COLUMNS)
    out.attrs['load_report'] = {'source': what, 'n_plates': int(len(out))}
    return out

def read_jump_plates(src) -> pd.DataFrame:
    "The JUMP plate table (`metadata/plate.csv.gz`: source, batch, plate, plate type), one row per plate."
    df, what = _plate_table(src, _JUMP_PLATE_COLUMNS, ('Metadata_Source', 'Metadata_Plate'))
    df.attrs['load_report'] = {'source': what, 'n_plates': int(len(df)), 'n_sources': int(df.Metadata_Source.nunique()),
                               'n_batches': int(df.Metadata_Batch.nunique()), 'plate_types': df.Metadata_PlateType.value_counts().to_dict()}
    return df
