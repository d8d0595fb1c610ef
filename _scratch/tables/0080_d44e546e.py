#| export
_log = logging.getLogger(__name__)
_MISSING = {'', '-666', '-666.0', 'nan', '-nan', 'na', 'n/a', 'none', '<na>', 'null'}
_DOSE_UM = {'pm': 1e-6, 'nm': 1e-3, 'um': 1.0, 'mm': 1e3, 'm': 1e6, 'umol/l': 1.0, 'nmol/l': 1e-3, 'mmol/l': 1e3}
_TIME_H = {'m': 1 / 60, 'min': 1 / 60, 'mins': 1 / 60, 'minutes': 1 / 60, 'h': 1.0, 'hr': 1.0, 'hrs': 1.0,
           'hour': 1.0, 'hours': 1.0, 'd': 24.0, 'day': 24.0, 'days': 24.0}
# the micro sign as written (µ, Greek μ), double-encoded UTF-8 ('Âµ'), a Latin-1 byte decoded as UTF-8 (U+FFFD),
# or as R prints a byte it cannot decode ('<b5>', cmapR's modzs_n25x50.gctx)
_MICRO = re.compile('âµ|µ|μ|\ufffd|<b5>|<u\\+00b5>')
_QUANTITY = re.compile(r'^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*([^\d\s].*?)?\s*$')

def _is_missing(v) -> bool:
    "True for None, NaN and CMap's missing markers ('-666', '', 'NA', ...)."
    if v is None or (isinstance(v, float) and np.isnan(v)): return True
    return str(v).strip().lower() in _MISSING

def _quantity(value, unit, units:dict, what:str) -> float:
    if _is_missing(value): return np.nan
    m = _QUANTITY.match(str(value))
    if m is None: raise ValueError(f"cannot parse {what} {value!r}")
    u = m.group(2) if m.group(2) else unit
    if u is None or _is_missing(u): raise ValueError(f"{what} {value!r} has no unit")
    key = _MICRO.sub('u', str(u).strip().lower()).replace(' ', '')
    if key not in units: raise ValueError(f"unknown {what} unit {str(u)!r} in {value!r}: use one of {', '.join(units)}")
    x = float(m.group(1)) * units[key]
    if x < 0: raise ValueError(f"negative {what} {value!r}")
    return x

def parse_dose_um(value, unit:str|None=None) -> float:
    "Dose in µM from '10 uM', '500 nM', '1.11 µM', or a number with its `unit`; NaN for missing markers ('-666', '')."
    return _quantity(value, unit, _DOSE_UM, 'dose')

def parse_time_h(value, unit:str|None=None) -> float:
    "Time in hours from '24 h', '6 hr', '30 min', '2 d', or a number with its `unit`; NaN for missing markers."
    return _quantity(value, unit, _TIME_H, 'time')

DOSE_LEVELS_UM = (0.04, 0.12, 0.37, 1.11, 3.33, 10.0)

def dose_level_um(dose_um, levels:Sequence[float]=DOSE_LEVELS_UM, max_fold:float=1.2) -> np.ndarray:
    "Nearest standard dose level (log scale; Way et al. 2022) of each dose in µM; NaN when missing, zero or more than `max_fold` from every level."
    d = np.atleast_1d(np.asarray(dose_um, dtype=float))
    lv = np.log(np.asarray(levels, dtype=float))
    with np.errstate(divide='ignore', invalid='ignore'): ld = np.log(np.where(d > 0, d, np.nan))
    gap = np.abs(ld[:, None] - lv[None])
    near = np.nanargmin(np.where(np.isnan(gap), np.inf, gap), axis=1)
    ok = np.isfinite(ld) & (gap[np.arange(len(d)), near] <= np.log(max_fold))
    return np.where(ok, np.asarray(levels, dtype=float)[near], np.nan)

_BATCH_TIME = re.compile(r'(?:^|[_\-\s])(\d+(?:\.\d+)?)\s*(h|hr|hrs|hour|hours|d|day|days)(?=$|[_\-\s])', re.I)

def time_from_batch(name) -> float:
    "Time in hours written in a batch name ('2016_04_01_a549_48hr_batch1' → 48); NaN when it names none, an error when it names several."
    if _is_missing(name): return np.nan
    hits = {parse_time_h(f'{v} {u}') for v, u in _BATCH_TIME.findall(str(name))}
    if len(hits) > 1: raise ValueError(f"batch name {name!r} names several times: {sorted(hits)} h")
    return hits.pop() if hits else np.nan

_BROAD_ID = re.compile(r'^(BRD-[A-Z]\d{8})(?:-[\w.]+)*$')

def broad_id(value) -> str:
    "The 13-character Broad compound id of a Broad sample id ('BRD-K92723993-001-06-7' → 'BRD-K92723993'); '' for anything else (DMSO, names)."
    m = None if _is_missing(value) else _BROAD_ID.match(str(value).strip())
    return m.group(1) if m else ''
