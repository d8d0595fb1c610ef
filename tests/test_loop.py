"""The device the user asks for reaches every fit: the student, each baseline, the profile-level student, the
transcriptome teachers and the context encoder of the pipeline, and the training command line's pipeline.

This machine may have no GPU, so a spy stands in for one: device validation is patched to accept `cuda:1`, and
`loop.Learner.fit` (every fit of the project goes through it) and the context encoder's `fit_context` record the
device they were asked for and stop before anything would touch the (absent) GPU."""
import numpy as np
import pandas as pd
import pytest
import torch

import intervention_distill.loop as loop
import intervention_distill.pipeline as pipeline
import intervention_distill.teacher as teacher
import intervention_distill.train as train_mod
import intervention_distill.student_fit as student_fit
import intervention_distill.experiments as experiments
from intervention_distill.baselines import train_baseline
from intervention_distill.loop import TrainConfig
from intervention_distill.pipeline import PipelineConfig, Targets, build_teacher, codebook_for, split_fields
from intervention_distill.world import simulate_world

torch.set_num_threads(1)
WANTED = 'cuda:1'


class Stop(Exception):
    "Raised by the spies once they have seen the device."


@pytest.fixture
def spy(monkeypatch):
    "Accept any device name; record (what, device) at every fit and context fit, then stop."
    seen = []
    fake = lambda device='auto': torch.device('cpu') if str(device) == 'auto' else torch.device(str(device))
    for mod in (loop, pipeline, teacher, experiments, train_mod, student_fit):
        if hasattr(mod, 'pick_device'): monkeypatch.setattr(mod, 'pick_device', fake)
    def fit(self, resume=False):
        seen.append((self.desc, str(self.cfg.device))); raise Stop
    def fit_context(expr, profile='smoke', seed=0, settings=None, device='cpu', **kw):
        seen.append(('context', str(device))); raise Stop
    monkeypatch.setattr(loop.Learner, 'fit', fit)
    monkeypatch.setattr(teacher, 'fit_context', fit_context)
    return seen


@pytest.fixture(scope='module')
def world():
    return simulate_world('smoke', 0)


def test_every_fit_gets_the_requested_device(spy, world):
    tc = TrainConfig('smoke', 0, device=WANTED, max_steps=2, batch_size=8, n_crops=2, progress=False)
    _, _, tf = split_fields(world, 0)
    targets = Targets(np.full((len(world.images), 8), 1 / 8), np.zeros(len(world.images), int))
    with pytest.raises(Stop): student_fit.train(world.images, targets, tc, train_fields=tf)
    with pytest.raises(Stop): train_baseline('simclr', world, tc, train_fields=tf)
    cfg = PipelineConfig('smoke', teacher_epochs=1, n_folds=2, device=WANTED)
    cb = codebook_for(world, 0)
    with pytest.raises(Stop): build_teacher(world, cb, world.compounds.compound[:20], 0, cfg, context=False)   # the teachers
    with pytest.raises(Stop): build_teacher(world, cb, world.compounds.compound[:20], 0, cfg, context=True)    # the context encoder first
    profiles = experiments.ProfileSet(world.images.meta, np.random.default_rng(0).normal(size=(len(world.images), 6)).astype(np.float32), list('abcdef'))
    with pytest.raises(Stop): experiments.fit_profile_student(profiles, targets, tf, tc)
    assert spy == [('train', WANTED), ('simclr', WANTED), ('teacher', WANTED), ('context', WANTED), ('profile student', WANTED)]


def test_the_command_line_passes_its_device_to_every_method(spy, tmp_path, monkeypatch):
    import intervention_distill.tide as tide
    def fit_response_model(*a, device='auto', **kw):
        spy.append(('response model', str(device))); raise Stop
    monkeypatch.setattr(tide, 'fit_response_model', fit_response_model)
    with pytest.raises(Stop): train_mod.main(['--device', WANTED, '--out', str(tmp_path/'tide'), '--no-progress'])
    with pytest.raises(Stop): train_mod.main(['--method', 'tide_expression', '--device', WANTED, '--out', str(tmp_path/'expr'), '--no-progress'])
    with pytest.raises(Stop): train_mod.main(['--method', 'student', '--device', WANTED, '--out', str(tmp_path/'student'), '--no-progress'])
    # TIDE fits its single-cell model first; the ablation without one goes straight to its own fit; the student's pipeline trains the context encoder first
    assert spy == [('response model', WANTED), ('tide_expression', WANTED), ('context', WANTED)]


def test_tide_passes_its_device_to_the_single_cell_model(spy, world, monkeypatch):
    import intervention_distill.tide as tide
    def fit_response_model(*a, device='auto', **kw):
        spy.append(('response model', str(device))); raise Stop
    monkeypatch.setattr(tide, 'fit_response_model', fit_response_model)
    _, _, tf = split_fields(world, 0)
    tc = TrainConfig('smoke', 0, device=WANTED, max_steps=2, batch_size=8, n_crops=2, progress=False)
    with pytest.raises(Stop): tide.train_tide(world, tc, tide.tide_config('tide'), tf)
    assert spy == [('response model', WANTED)]
