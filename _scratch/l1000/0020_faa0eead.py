#| export
from __future__ import annotations
import logging, re
from pathlib import Path
from typing import Sequence