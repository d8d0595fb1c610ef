#| export
@dataclass(frozen=True)
class RealConfig:
    "Settings of the real-data track (documented choices for sets of tens of compounds)."
    dim: int = 64                 # embedding width of every profile encoder
    hidden: int = 128             # hidden width of the MLPs
    steps: int = 300              # optimiser steps per fit (full batch: every training compound in each step)
    lr: float = 1e-3              # peak AdamW learning rate
    noise: float = 0.2            # training-time Gaussian noise on standardised profiles
    heldout_frac: float = 0.5     # fraction of compounds held out by scaffold (small sets: a large held-out side)
    n_splits: int = 5             # scaffold splits (seeds) pooled in every interval
    ridge_alpha: float = 10.0     # ridge map from a profile embedding to the L1000 signature
    n_boot: int = 2000            # bootstrap resamples of every interval
    n_null: int = 2000            # permutations of the phenotypic-activity null
    tide: TIDEConfig = TIDEConfig(beta=0.0, ssl='none', proto_dim=64, hidden=128)

    def __post_init__(self):
        for k in ('dim', 'hidden', 'steps', 'n_splits', 'n_boot', 'n_null'):
            v = getattr(self, k)
            if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v < 1: raise ValueError(f"{k} must be a positive integer, got {v!r}")
        if not 0 < self.heldout_frac < 1: raise ValueError(f"heldout_frac must lie in (0, 1), got {self.heldout_frac!r}")
        if not self.noise >= 0: raise ValueError(f"noise must be >= 0, got {self.noise!r}")

class Standardizer:
    "Column standardisation fit on reference rows (constant columns get unit scale)."
    def __init__(self, X:np.ndarray):
        X = np.asarray(X, np.float64)
        self.mean, self.std = X.mean(0), X.std(0)
        self.std[self.std < 1e-8] = 1.0
    def __call__(self, X) -> np.ndarray: return ((np.asarray(X, np.float64) - self.mean) / self.std).astype(np.float32)

class _Noisy(nn.Module):
    "Base: a profile encoder `f` (MLP to `dim`), noise on its input while training, unit-length `embed`."
    def __init__(self, d_in:int, rc:RealConfig):
        super().__init__()
        self.f, self.noise = mlp(d_in, rc.hidden, rc.dim), rc.noise
    def _x(self, x:torch.Tensor) -> torch.Tensor: return x + self.noise * torch.randn_like(x) if self.training and self.noise else x
    @torch.no_grad()
    def embed(self, x) -> np.ndarray:
        self.eval()
        return F.normalize(self.f(torch.as_tensor(x, dtype=torch.float32, device=next(self.parameters()).device)), dim=-1).cpu().numpy()

class ProfileContrastive(_Noisy):
    "CL(R) / CL(D): CLOOME's loss between the profile encoder and an encoder of the paired vector `y` (L1000 signature or fingerprint)."
    def __init__(self, d_in:int, d_other:int, rc:RealConfig):
        super().__init__(d_in, rc)
        self.g = mlp(d_other, rc.hidden, rc.dim)
    def loss(self, batch:dict) -> dict: return {'loss': cloome_loss(self.f(self._x(batch['x'])), self.g(batch['y']))}
    @torch.no_grad()
    def embed_other(self, y) -> np.ndarray:
        self.eval()
        return F.normalize(self.g(torch.as_tensor(y, dtype=torch.float32, device=next(self.parameters()).device)), dim=-1).cpu().numpy()

class ProfileTIDE(_Noisy):
    "TIDE at profile level: profile encoder, student head and `tide.TeacherHead` (profile embedding + L1000 + cell type) over a `tide.PrototypeCodebook`."
    def __init__(self, d_in:int, rna_dim:int, codebook:PrototypeCodebook, rc:RealConfig, ctx_dim:int=1):
        super().__init__(d_in, rc)
        c = self.cfg = rc.tide
        self.codebook, self.student_head = codebook, mlp(rc.dim, c.hidden, c.proto_dim)
        self.teacher = TeacherHead(rc.dim, rna_dim, ctx_dim, c.proto_dim, c.hidden, c.film)
    def loss(self, batch:dict) -> dict:
        c, z = self.cfg, self.f(self._x(batch['x']))
        s = self.codebook.logits(self.student_head(z), c.tau)
        t = self.codebook.logits(self.teacher(z, batch['image_dose'], batch['rna'], batch['rna_dose'], batch['cell_ctx']), c.tau)
        return tide_objective(z.new_zeros(()), c.alpha, c.beta, s, t, batch['label'], distill=c.distill, detach_teacher=c.detach_teacher)
