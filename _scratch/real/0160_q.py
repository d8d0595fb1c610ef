#| export
def _cos(A:np.ndarray, B:np.ndarray) -> np.ndarray:
    A = A / np.maximum(np.linalg.norm(A, axis=1, keepdims=True), 1e-12); B = B / np.maximum(np.linalg.norm(B, axis=1, keepdims=True), 1e-12)
    return A @ B.T

def true_rank(S:np.ndarray) -> np.ndarray:
    "Rank (1 = first, ties shared) of the diagonal entry in each row of a square score matrix: query i's true candidate is i."
    S = np.asarray(S, float); d = np.diag(S)[:, None]
    return 1 + (S > d).sum(1) + 0.5 * ((S == d).sum(1) - 1)

def average_precision(scores:np.ndarray, positive:np.ndarray) -> float:
    "Average precision of ranking the candidates by `scores` (descending) for boolean `positive`; NaN without positives."
    positive = np.asarray(positive, bool)
    if not positive.any(): return float('nan')
    hits = positive[np.argsort(-np.asarray(scores, float), kind='stable')]
    return float((np.cumsum(hits) / np.arange(1, len(hits) + 1))[hits].mean())

def cross_modal_scores(method:str, model, X_tr, X_te, R_tr, R_te, rc:RealConfig) -> np.ndarray:
    "(held-out profiles × held-out signatures) scores: CL(R)'s joint space, else cosine to the signature predicted by a ridge map fit on the training compounds."
    if method == 'CL(R)': return model.embed(X_te) @ model.embed_other(R_te).T
    ridge = Ridge(alpha=rc.ridge_alpha).fit(embed(model, X_tr), R_tr)
    return _cos(ridge.predict(embed(model, X_te)), R_te)

def annotation_ap(E:np.ndarray, labels:Sequence[str], queries:Sequence[int]) -> pd.DataFrame:
    "Per query row: AP of retrieving the other rows that share a `|`-separated label with it (cosine of `E`); `n_positives` 0 = not scorable."
    sets = [set(parse_targets(l)) for l in labels]
    S, out = _cos(E, E), []
    for q in queries:
        others = np.array([i for i in range(len(E)) if i != q])
        pos = np.array([bool(sets[q] & sets[i]) for i in others])
        out.append({'query': int(q), 'n_positives': int(pos.sum()), 'n_candidates': len(others),
                    'ap': average_precision(S[q, others], pos) if sets[q] else float('nan')})
    return pd.DataFrame(out, columns=['query', 'n_positives', 'n_candidates', 'ap'])
