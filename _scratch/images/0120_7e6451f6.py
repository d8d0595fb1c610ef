#| export
def read_image(path) -> np.ndarray:
    "One 2-D image file (a TIFF with tifffile, else imageio): its pixels in their own dtype; a clear error for a corrupt or multi-plane file."
    path = Path(path)
    try: a = np.asarray(tifffile.imread(path) if path.suffix.lower() in ('.tif', '.tiff') else iio.imread(path))
    except Exception as e: raise ValueError(f"corrupt or unreadable image file {path}: {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}") from e
    if a.size == 0: raise ValueError(f"corrupt or unreadable image file {path}: no pixel data")
    if a.ndim != 2: raise ValueError(f"image file {path} has shape {a.shape}: expected one 2-D channel")
    return a

class LazyImageSet(ImageSet):
    "An `ImageSet` read from disk on access: one 2-D file per channel and field; per-plate statistics; nuclei centres."
    def _setup(self, files:list, meta:pd.DataFrame, channels:Sequence[str], locations=None):
        self._files, self.channels = [tuple(map(Path, f)) for f in files], tuple(channels)
        self.meta = check_meta(meta.reset_index(drop=True), f'{type(self).__name__} meta')
        self._stats, self._locations = {}, None
        if locations is not None:
            loc = read_table(locations)
            x, y = _first_col(loc, ('Location_Center_X', 'Nuclei_Location_Center_X')), _first_col(loc, ('Location_Center_Y', 'Nuclei_Location_Center_Y'))
            keys = [_first_col(loc, _ALIASES[k]) for k in ('plate', 'well', 'site')]
            if x is None or y is None or None in keys:
                raise ValueError(f"locations table {_name(locations)} needs Location_Center_X/Y and plate, well, site columns")
            k = loc[keys[0]].astype(str) + '/' + loc[keys[1]].astype(str) + '/' + loc[keys[2]].astype(int).astype(str)
            self._locations = {key: g[[y, x]].to_numpy(np.float32) for key, g in loc.groupby(k)}

    def files(self, i:int) -> tuple: return self._files[i]

    def _read_file(self, path:Path) -> np.ndarray: return read_image(path)

    def __getitem__(self, i:int) -> np.ndarray:
        if not -len(self) <= i < len(self): raise IndexError(f"field {i} out of range for {len(self)} fields")
        planes = [self._read_file(p) for p in self._files[i]]
        for p, a in zip(self._files[i], planes):
            if a.shape != planes[0].shape: raise ValueError(f"image file {p} is {a.shape}, the field's first channel {planes[0].shape}")
        return np.stack(planes).astype(np.float32)

    def plate_stats(self, plate:str, n_fields:int=8, seed:int=0, q:tuple=(1.0, 99.0)) -> pd.DataFrame:
        "Per-channel percentiles `q`, mean and std of `plate`, over up to `n_fields` fields drawn with `seed` (cached)."
        key = (str(plate), n_fields, seed, tuple(q))
        if key not in self._stats:
            idx = np.flatnonzero(self.meta.plate.astype(str).to_numpy() == str(plate))
            if not len(idx): raise ValueError(f"unknown plate {plate!r}: plates are {_preview(self.meta.plate.unique())}")
            idx = np.sort(np.random.default_rng(seed).choice(idx, min(n_fields, len(idx)), replace=False))
            px = np.concatenate([self[i].reshape(len(self.channels), -1) for i in idx], axis=1)
            lo, hi = np.percentile(px, q, axis=1)
            self._stats[key] = pd.DataFrame({'lo': lo, 'hi': hi, 'mean': px.mean(1), 'std': px.std(1), 'n_fields': len(idx)},
                                            index=pd.Index(self.channels, name='channel'))
        return self._stats[key]

    def normalize(self, i:int, method:str='percentile', **kwargs) -> np.ndarray:
        "Field `i` scaled with its plate's statistics: `(x-lo)/(hi-lo)` ('percentile') or `(x-mean)/std` ('zscore')."
        if method not in ('percentile', 'zscore'): raise ValueError(f"method must be 'percentile' or 'zscore', got {method!r}")
        s = self.plate_stats(self.meta.plate.iloc[i], **kwargs)
        a, b = (s.lo, s.hi - s.lo) if method == 'percentile' else (s['mean'], s['std'])
        return ((self[i] - a.to_numpy(np.float32)[:, None, None]) / np.maximum(b.to_numpy(np.float32), 1e-6)[:, None, None]).astype(np.float32)

    def centroids(self, i:int) -> np.ndarray:
        "Nuclei centres (n, 2) as (row, col): from the locations table when given, else segmented from the nuclear channel."
        if self._locations is not None:
            m = self.meta.iloc[i]
            return self._locations.get(f'{m.plate}/{m.well}/{int(m.site)}', np.zeros((0, 2), np.float32))
        return nuclei_centroids(self[i][0])