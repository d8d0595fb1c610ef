#| export
_RXRX_FILE = re.compile(r'^(?P<well>[A-Za-z]{1,2}\d{1,2})_s(?P<site>\d+)_w(?P<ch>\d+)\.png$')

class RxRxImageSet(LazyImageSet):
    "RxRx fields `{plate}/{well}_s{site}_w{channel}.png` under `root`, read lazily with imageio."
    def __init__(self, root, metadata=None, defaults:dict|None=None, locations=None, channels:Sequence[str]=RXRX_CHANNELS):
        root = Path(root)
        if not root.is_dir(): raise ValueError(f"RxRx image folder {root} does not exist")
        rows, self.ignored_files = [], []
        for p in sorted(root.rglob('*.png')):
            m = _RXRX_FILE.match(p.name)
            if m is None: self.ignored_files.append(p); continue
            plate = p.parent.relative_to(root).as_posix()
            rows.append((root.name if plate == '.' else plate, m['well'], int(m['site']), int(m['ch']), p))
        if not rows: raise ValueError(f"no RxRx images ({{well}}_s{{site}}_w{{channel}}.png) under {root}")
        if self.ignored_files: _log.warning("%s: %d PNG file(s) not named {well}_s{site}_w{channel}.png ignored: %s",
                                           root, len(self.ignored_files), _preview(p.name for p in self.ignored_files))
        df = pd.DataFrame(rows, columns=['plate', 'well', 'site', 'ch', 'path'])
        files, fields = [], []
        for (plate, well, site), g in df.groupby(['plate', 'well', 'site'], sort=True):
            chans = sorted(g.ch)
            if chans != list(range(1, len(channels) + 1)):
                raise ValueError(f"wrong channel count: field {plate}/{well}_s{site} has {len(chans)} channel file(s) "
                                 f"({', '.join(f'w{c}' for c in chans)}), expected {len(channels)} (w1..w{len(channels)}: {', '.join(channels)})")
            files.append(tuple(g.sort_values('ch').path)); fields.append((plate, well, site))
        layout = pd.DataFrame(fields, columns=['plate', 'well', 'site'])
        self._setup(files, _image_meta(layout, metadata, defaults, f'RxRx fields under {root}'), channels, locations)
