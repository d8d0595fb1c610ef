#| export
class CellPaintingTiffSet(LazyImageSet):
    "Cell Painting fields from a CellProfiler LoadData table, one TIFF per channel, read lazily with tifffile."
    def __init__(self, load_data, root=None, metadata=None, defaults:dict|None=None, locations=None,
                 channels:Sequence[str]=CELL_PAINTING_CHANNELS, path_map:tuple[str, str]|None=None, check_files:bool=True):
        ld, what = read_table(load_data), _name(load_data)
        found = [m.group(1) for c in ld.columns if (m := re.match(r'^FileName_Orig(.+)$', str(c)))]
        missing = [c for c in channels if c not in found]
        if missing:
            present = [c for c in found if c in channels]
            raise ValueError(f"wrong channel count in load-data table {what}: {len(present)} of the {len(channels)} Cell Painting "
                             f"channels ({', '.join(present) or 'none'}); missing {', '.join(missing)}")
        self.ignored_channels = [c for c in found if c not in channels]
        if self.ignored_channels: _log.info("%s: ignoring non-Cell Painting channel(s) %s", what, ', '.join(self.ignored_channels))
        root = Path(root) if root is not None else (Path(load_data).parent if not isinstance(load_data, pd.DataFrame) else Path.cwd())
        def resolve(pathname, filename) -> Path:
            p = '' if _is_missing(pathname) else str(pathname)
            if path_map and p.startswith(path_map[0]): p = path_map[1] + p[len(path_map[0]):]
            if '://' in p: raise ValueError(f"remote PathName {p!r} in {what}: download the images and pass path_map=(prefix, local folder)")
            full = Path(p) / str(filename)
            return (full if full.is_absolute() else root / full).resolve()
        cols = {c: list(zip(ld.get(f'PathName_Orig{c}', pd.Series([''] * len(ld))), ld[f'FileName_Orig{c}'])) for c in channels}
        files = [tuple(resolve(*cols[c][i]) for c in channels) for i in range(len(ld))]
        if check_files:
            absent = [str(p) for f in files for p in f if not p.is_file()]
            if absent: raise ValueError(f"{len(absent)} image file(s) listed in {what} do not exist: {_preview(absent, 3)}")
        plate, well = _first_col(ld, _ALIASES['plate']), _first_col(ld, _ALIASES['well'])
        if plate is None or well is None: raise ValueError(f"load-data table {what} needs Metadata_Plate and Metadata_Well columns")
        site = _first_col(ld, _ALIASES['site'])
        layout = ld[[c for c in ld.columns if str(c).startswith('Metadata_')]].assign(
            plate=ld[plate].astype(str), well=ld[well].astype(str),
            site=ld[site].astype(int) if site else ld.groupby([plate, well]).cumcount() + 1)
        self._setup(files, _image_meta(layout, metadata, defaults, f'fields of {what}'), channels, locations)
