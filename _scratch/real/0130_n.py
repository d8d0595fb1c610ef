#| export
METHODS = ('features', 'CL(R)', 'CL(D)', 'TIDE')

def train_method(method:str, X:np.ndarray, rna:np.ndarray, fps:np.ndarray, names:Sequence[str], rc:RealConfig, seed:int=0,
                 device:str='auto') -> nn.Module|None:
    "Fit `method` on the training rows: standardised profiles `X`, their L1000 signatures `rna`, fingerprints `fps`, compound `names` (None for `features`)."
    if method not in METHODS: raise ValueError(f"unknown method {method!r}: choose from {METHODS}")
    if method == 'features': return None
    n = len(X)
    if n < 2: raise ValueError(f"{method} needs at least 2 training compounds, got {n}")
    seed_everything(seed)
    if method == 'TIDE':
        model = ProfileTIDE(X.shape[1], rna.shape[1], PrototypeCodebook(names, fps, dim=rc.tide.proto_dim, hidden=rc.tide.hidden), rc)
        nan = torch.full((n,), float('nan'))                               # CMEA states no dose: the dose encoders get 'no dose'
        data = TensorData(x=X, rna=rna, label=torch.arange(n), image_dose=nan, rna_dose=nan, cell_ctx=torch.ones(n, 1))
    else:
        other = rna if method == 'CL(R)' else fps
        model, data = ProfileContrastive(X.shape[1], other.shape[1], rc), TensorData(x=X, y=other)
    tc = TrainConfig(seed=seed, max_steps=rc.steps, batch_size=n, lr=rc.lr, warmup_steps=max(1, rc.steps // 10), ema_decay=0.0,
                     checkpoint_every=rc.steps, device=device, progress=False, num_workers=0)
    return fit(model, data, tc, desc=method).model.eval()

def embed(model:nn.Module|None, X:np.ndarray) -> np.ndarray:
    "Unit-length embeddings of standardised profiles `X`: the profiles themselves for `features` (model None), else the model's."
    if model is None: return (X / np.maximum(np.linalg.norm(X, axis=1, keepdims=True), 1e-12)).astype(np.float32)
    return model.embed(X)
