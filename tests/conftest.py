import os, sys
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault('MPLBACKEND', 'Agg')


@pytest.fixture(scope='session')
def root() -> Path: return ROOT


@pytest.fixture(scope='session')
def shared_data():
    "../shared/data (small real public files): CI has it beside the project, so a test using it fails, not skips, without it."
    p = ROOT.parent/'shared'/'data'
    assert p.is_dir(), f'{p} is missing: the real-data tests need ../shared/data beside the project'
    return p
