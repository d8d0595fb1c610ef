#| export
from __future__ import annotations
import gzip, logging, re, warnings
from pathlib import Path
from typing import Callable, Sequence