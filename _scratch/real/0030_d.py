#| export
from __future__ import annotations
import argparse, json, sys, time, warnings
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Sequence
