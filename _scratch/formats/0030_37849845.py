#| export
from __future__ import annotations
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence