#| export
from __future__ import annotations
import logging
from pathlib import Path
from typing import Sequence