#| export
def _image_meta(layout:pd.DataFrame, metadata, defaults:dict|None, what:str) -> pd.DataFrame:
    "IMAGE_META_COLUMNS for fields `layout` (plate, well, site + source columns), joined with a metadata table."
    src = layout.copy()
    if metadata is not None:
        md, mwhat = read_table(metadata).copy(), f'metadata table {_name(metadata)}'
        mp, mw, ms = (_first_col(md, _ALIASES[k]) for k in ('plate', 'well', 'site'))
        if mw is None: raise ValueError(f"{mwhat} has no well column (looked for {', '.join(_ALIASES['well'])})")
        exp = _first_col(md, ('experiment', 'experiment_name'))
        keys = pd.DataFrame({'_well': md[mw].astype(str)})
        if mp is not None:
            keys['_plate'] = (md[exp].astype(str) + '/Plate' + md[mp].astype(str)) if exp and mp == 'plate' else md[mp].astype(str)
            plates = {}
            for p in src.plate.unique():                     # exact match, else the metadata plate is a suffix of the folder
                hits = [k for k in keys._plate.unique() if p == k or p.endswith('/' + k)]
                if len(hits) > 1: raise ValueError(f"plate folder {p!r} matches several plates of {mwhat}: {_preview(hits)}")
                plates[p] = hits[0] if hits else p
            src['plate'] = src.plate.map(plates)
        if ms is not None: keys['_site'] = pd.to_numeric(md[ms], errors='coerce').fillna(1).astype(int)
        on = list(keys.columns)
        md = pd.concat([keys, md.drop(columns=[c for c in (mp, mw, ms) if c])], axis=1)
        md = md.drop(columns=[c for c in md.columns if c in src.columns])
        if md.duplicated(on).any(): raise ValueError(f"{mwhat}: several rows for {_preview(md[on][md.duplicated(on)].astype(str).agg('/'.join, axis=1))}")
        left = src.assign(_well=src.well.astype(str), _plate=src.plate.astype(str), _site=src.site.astype(int))
        merged = left.merge(md, how='left', on=on, indicator=True)
        miss = merged._merge != 'both'
        if miss.any():
            bad = (merged.plate.astype(str) + '/' + merged.well.astype(str) + '/site ' + merged.site.astype(str))[miss]
            raise ValueError(f"{int(miss.sum())} field(s) have no row in {mwhat}: {_preview(bad)}")
        src = merged.drop(columns=['_merge', '_well', '_plate', '_site'], errors='ignore')
    meta, _ = schema_obs(src, IMAGE_META_COLUMNS, defaults, what=what)
    return meta