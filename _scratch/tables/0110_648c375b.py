#| export
_ALIASES = {
    'compound': ('compound', 'pert_iname', 'cmap_name', 'Metadata_pert_iname', 'Metadata_JCP2022', 'Metadata_broad_sample',
                 'pert_id', 'Metadata_pert_id', 'treatment', 'broad_sample'),
    'smiles': ('smiles', 'canonical_smiles', 'SMILES', 'Metadata_SMILES', 'Metadata_smiles'),
    'cell_type': ('cell_type', 'cell_id', 'cell_iname', 'cell_line', 'Metadata_cell_id', 'Metadata_cell_line',
                  'Metadata_CellLine', 'Metadata_cell_type'),
    'plate': ('plate', 'rna_plate', 'det_plate', 'Metadata_Plate'),
    'well': ('well', 'Metadata_Well', 'det_well', 'address', 'well_position', 'Metadata_well_position'),
    'site': ('site', 'Metadata_Site', 'Metadata_Field'),
    'moa': ('moa', 'Metadata_moa', 'Metadata_MoA'),
    'targets': ('targets', 'target', 'Metadata_target', 'Metadata_targets'),
    'inchikey': ('inchikey', 'InChIKey', 'inchi_key', 'Metadata_InChIKey'),
    'broad_id': ('broad_id', 'pert_id', 'Metadata_broad_id', 'Metadata_pert_id', 'Metadata_broad_sample', 'broad_sample'),
    'inchikey14': ('inchikey14', 'InChIKey14', 'Metadata_InChIKey14'),
    'batch': ('batch', 'Metadata_Batch', 'Metadata_batch', 'Metadata_Batch_Name'),
}
KEY_COLUMNS = ('broad_id', 'inchikey14', 'dose_level_um')   # keys that meet across sources, derived beside the schema columns
# (column, fixed unit, unit column), in order of preference
_NUMERIC_SOURCES = {
    'dose_um': (('dose_um', 'uM', None), ('pert_idose', None, None), ('Metadata_pert_idose', None, None),
                ('pert_dose', None, 'pert_dose_unit'), ('Metadata_mmoles_per_liter', 'uM', None), ('Metadata_dose', 'uM', None),
                ('Metadata_concentration', 'uM', None), ('concentration', 'uM', None), ('mmoles_per_liter', 'uM', None)),
    'time_h': (('time_h', 'h', None), ('pert_itime', None, None), ('pert_time', None, 'pert_time_unit'),
               ('Metadata_time_point', 'h', None), ('Metadata_timepoint', 'h', None)),
}
REQUIRED_COLUMNS = ('compound', 'dose_um', 'cell_type')

def _first_col(df:pd.DataFrame, names:Sequence[str]) -> str|None:
    return next((c for c in names if c in df.columns), None)

def _coalesce(src:pd.DataFrame, names:Sequence[str]) -> pd.Series:
    "Per row, the first non-missing value of columns `names` (left to right); None where all are missing."
    out = pd.Series([None] * len(src), index=src.index, dtype=object)
    for n in names:
        v = src[n]; take = out.isna() & ~v.map(_is_missing)
        out[take] = v[take].astype(str)
    return out

def _first_nonempty(values:list[pd.Series], index=None) -> pd.Series:
    "Per row, the first non-empty string of `values` (left to right); '' where all are empty."
    if not values: return pd.Series('', index=index, dtype=object)
    return pd.concat(values, axis=1).replace('', None).bfill(axis=1).iloc[:, 0].fillna('').astype(str)

def _parse_col(values:pd.Series, fn:Callable, unit=None) -> pd.Series:
    "Apply `fn(value, unit)` (a unit string, or a Series of per-row units), once per distinct pair."
    units = unit if isinstance(unit, pd.Series) else pd.Series([unit] * len(values), index=values.index)
    cache, out = {}, []
    for v, u in zip(values, units):
        k = (str(v), str(u))
        if k not in cache: cache[k] = fn(v, u)
        out.append(cache[k])
    return pd.Series(out, index=values.index, dtype=float)

def schema_obs(src:pd.DataFrame, columns:Sequence[str], defaults:dict|None=None, what:str='metadata') -> tuple[pd.DataFrame, dict]:
    "Schema `columns` derived from source metadata `src` (aliases, `defaults` for absent columns) + the source columns; and a report."
    defaults, out, report = dict(defaults or {}), pd.DataFrame(index=src.index), {}
    for col in columns:
        if col == 'intervention_id': continue
        if col in _NUMERIC_SOURCES:
            fn = parse_dose_um if col == 'dose_um' else parse_time_h
            vals, used = pd.Series(np.nan, index=src.index), []
            for name, unit, unit_col in _NUMERIC_SOURCES[col]:
                if name not in src.columns: continue
                u = src[unit_col] if unit_col in src.columns else unit
                vals, used = vals.fillna(_parse_col(src[name], fn, u)), used + [name]
            if col == 'time_h' and vals.isna().all() and (b := _first_col(src, _ALIASES['batch'])):
                vals = _parse_col(src[b], lambda v, _: time_from_batch(v))      # LINCS: '2016_04_01_a549_48hr_batch1'
                report['n_time_h_from_batch'] = int(vals.notna().sum())
            if not used and col in defaults: vals[:] = float(defaults[col])
            elif not used and col in REQUIRED_COLUMNS:
                raise ValueError(f"{what} has no {col!r} column: looked for {', '.join(n for n, _, _ in _NUMERIC_SOURCES[col])}; "
                                 f"pass defaults={{{col!r}: ...}}")
            out[col] = vals
            report[f'n_missing_{col}'] = int(vals.isna().sum())
            continue
        names = [n for n in _ALIASES.get(col, (col,)) if n in src.columns]
        if names: vals = _coalesce(src, names)
        elif col in defaults: vals = pd.Series([defaults[col]] * len(src), index=src.index, dtype=object)
        elif col in REQUIRED_COLUMNS:
            raise ValueError(f"{what} has no {col!r} column: looked for {', '.join(_ALIASES[col])}; pass defaults={{{col!r}: ...}}")
        else: vals = pd.Series([None] * len(src), index=src.index, dtype=object)
        if col in REQUIRED_COLUMNS and vals.isna().any():
            raise ValueError(f"{what}: row {src.index[vals.isna().argmax()]!r} has no {col} (looked in {', '.join(names)}; "
                             f"{int(vals.isna().sum())} such rows)")
        if col == 'compound': vals = vals.map(lambda v: broad_id(v) or v)      # a Broad sample id becomes its compound id
        if col == 'site': out[col] = pd.to_numeric(vals, errors='coerce').fillna(1).astype(int)
        else: out[col] = vals.fillna('').astype(str)
    if 'intervention_id' in columns:
        out['intervention_id'] = (src['intervention_id'].astype(str) if 'intervention_id' in src.columns
                                  else intervention_ids(out.compound, out.dose_um, out.cell_type))
    out = out[[c for c in columns]]
    if 'compound' in columns:                                              # keys that meet across modalities
        out['broad_id'] = _first_nonempty([*(src[n].map(broad_id) for n in _ALIASES['broad_id'] if n in src.columns),
                                           out.compound.map(broad_id)])
        out['inchikey14'] = _first_nonempty([src[n].map(lambda v: '' if _is_missing(v) else str(v).strip()[:14])
                                             for n in (*_ALIASES['inchikey14'], *_ALIASES['inchikey']) if n in src.columns], src.index)
    if 'dose_um' in columns:
        out['dose_level_um'] = dose_level_um(out.dose_um.to_numpy()) if len(out) else np.zeros(0)
        report['n_dose_off_levels'] = int((out.dose_um.gt(0) & out.dose_level_um.isna()).sum())
    for c in src.columns:
        if c in out.columns: continue
        s = src[c]
        out[c] = s.map(lambda v: '' if _is_missing(v) else str(v)) if s.dtype == object else s
    return out, report