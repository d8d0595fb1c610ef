#| export
_log = logging.getLogger(__name__)

def otsu_threshold(x:np.ndarray, bins:int=256) -> float:
    "Otsu's threshold of the values in `x` (maximises the between-class variance of the histogram)."
    hist, edges = np.histogram(np.asarray(x, dtype=np.float64).ravel(), bins=bins)
    centres = (edges[:-1] + edges[1:]) / 2
    w0 = np.cumsum(hist)[:-1].astype(float); w1 = hist.sum() - w0
    m = np.cumsum(hist * centres)[:-1]
    with np.errstate(divide='ignore', invalid='ignore'):
        between = w0 * w1 * (m / w0 - (m[-1] + hist[-1] * centres[-1] - m) / w1) ** 2
    if (hist > 0).sum() < 2: return float(np.max(x))                  # constant image: nothing above the threshold
    return float(edges[1:-1][np.nanargmax(np.where((w0 > 0) & (w1 > 0), between, np.nan))])

def nuclei_centroids(dna:np.ndarray, sigma:float=2.0, min_area:int=12) -> np.ndarray:
    "Nuclei centres (n, 2) as (row, col) in a DNA/Hoechst image: smooth, Otsu threshold, label, intensity-weighted centre of mass."
    sm = ndimage.gaussian_filter(np.asarray(dna, dtype=np.float32), sigma)
    mask = sm > otsu_threshold(sm)
    lab, n = ndimage.label(mask)
    if n == 0: return np.zeros((0, 2), np.float32)
    areas = ndimage.sum_labels(mask, lab, index=np.arange(1, n + 1))
    keep = np.flatnonzero(areas >= min_area) + 1
    if not len(keep): return np.zeros((0, 2), np.float32)
    return np.asarray(ndimage.center_of_mass(sm - sm.min(), lab, keep), dtype=np.float32).reshape(-1, 2)