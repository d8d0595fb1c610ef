"""What the bench scripts share: the machine, torch version and load of a run, the settings (profiles) they measure,
a bare training step of the student, and writing a bench table merged by key into figures/tables."""
from __future__ import annotations
import contextlib, time
from pathlib import Path

import pandas as pd
import torch

from intervention_distill.core import machine_info as machine   # the machine, torch, threads and load columns of a bench row

ROOT = Path(__file__).resolve().parents[1]
TABLES = ROOT/'figures'/'tables'
KEYS = {'bench_loader': ['setting', 'device'], 'bench_train': ['setting', 'device'], 'bench_codebook': ['n_molecules']}   # one row per key: the latest run's


def sync(device:torch.device):
    if device.type == 'cuda': torch.cuda.synchronize(device)


def write_table(df:pd.DataFrame, name:str, key:list[str], out:str|Path|None=None) -> Path:
    "Write `df` as `<out>/<name>.csv` (default figures/tables), keeping the rows of an existing file whose `key` is not in `df` (CPU and GPU rows side by side): one row per key, the latest (`df`'s last row of a key; an older file's last)."
    path = Path(out or TABLES)/f'{name}.csv'
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        old = pd.read_csv(path)
        if not set(key) <= set(old.columns): raise ValueError(f"{path} lacks key column(s) {sorted(set(key) - set(old.columns))}")
        df = pd.concat([old, df], ignore_index=True)
    df = df[~df[key].astype(str).duplicated(keep='last')]
    df.to_csv(path, index=False)
    return path


def bare_step(model, fwd, loss_fn, opt, batch, autocast):
    "One bare optimiser step: forward (under `autocast`), loss, backward, AdamW, zero_grad."
    with autocast(): out = fwd(*batch[:3])
    loss_fn(out, batch[3])['loss'].backward()
    opt.step(); opt.zero_grad(set_to_none=True)


def timed_rate(step, n:int, warmup:int, device:torch.device) -> float:
    "Calls per second of `step()` over `n` calls after `warmup` untimed ones."
    for _ in range(warmup): step()
    sync(device); t0 = time.perf_counter()
    for _ in range(n): step()
    sync(device)
    return n / (time.perf_counter() - t0)


def autocast_for(adt, device):
    return (lambda: torch.autocast(device.type, dtype=adt)) if adt is not None else contextlib.nullcontext


def loop_parts(profile:str, seed:int, device:torch.device, n_fields:int, workers:int|None=None, **cfg_kw):
    "Toy fields of `profile` in a `FieldStore`, their targets, the loop's `TrainConfig` (its loader workers as the loop picks them for the student's data unless `workers`), dataset and loader (views on the device on a GPU)."
    from intervention_distill.core import get_profile
    from intervention_distill.loading import MultiscaleDataset, ViewConfig, field_store, make_loader, plate_stats
    from intervention_distill.loop import TrainConfig, default_workers
    from intervention_distill.student_fit import FieldTargets, toy_data
    images, targets = toy_data(profile, seed, n_fields=n_fields)
    store = field_store(images)
    workers = default_workers(device, 1, FieldTargets) if workers is None else workers     # the loop's choice for the student's data
    cfg = TrainConfig(profile, seed, device=str(device), progress=False, num_workers=workers, **cfg_kw)
    view = ViewConfig.from_profile(get_profile(profile), n_crops=cfg.n_crops)
    ds = MultiscaleDataset(store, view, stats=plate_stats(store, max_fields=256, seed=seed), seed=seed)
    dl = make_loader(ds, cfg.batch_size, seed=seed, num_workers=cfg.num_workers, device=device, drop_last=True)
    return store, targets, cfg, ds, dl


def bare_trainer(store, targets, cfg, device:torch.device, batch:dict):
    "A closure doing the bare step of the loop's student (same precision, memory layout and compilation) on `batch`, already on `device`."
    from intervention_distill.student import MultiscaleStudent, distill_loss
    from intervention_distill.core import get_profile
    from intervention_distill.loop import amp_dtype
    from intervention_distill.student_fit import student_for
    scfg = student_for(cfg.profile, store, targets)
    torch._dynamo.reset()                                        # a fresh compilation, as the loop's
    torch.manual_seed(cfg.seed)
    model = MultiscaleStudent(scfg).to(device)
    if device.type == 'cuda': model = model.to(memory_format=torch.channels_last); model.channels_last = True
    use_compile = cfg.compile if cfg.compile is not None else get_profile(cfg.profile).compile_on_cuda and device.type == 'cuda'
    fwd = torch.compile(model) if use_compile else model
    opt = torch.optim.AdamW(model.parameters(), lr=cfg.lr, fused=device.type == 'cuda')
    autocast = autocast_for(amp_dtype(cfg.amp, device), device)
    soft = torch.as_tensor(targets.soft, device=device)[batch['index'].to(device)]
    args = [batch[k].to(device) for k in ('field', 'crops', 'crop_mask')] + [soft]
    return lambda: bare_step(model, fwd, lambda o, s: distill_loss(o, s, scfg), opt, args, autocast)
