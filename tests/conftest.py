import os, sys
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault('MPLBACKEND', 'Agg')


@pytest.fixture(scope='session')
def root() -> Path: return ROOT


@pytest.fixture(scope='session')
def shared_data():
    "../shared/data when present (small real public files); tests using it skip only when it is absent."
    p = ROOT.parent/'shared'/'data'
    if not p.is_dir(): pytest.skip('../shared/data is absent')
    return p
