#| export
from __future__ import annotations
import argparse, json, re, subprocess, sys, time
from dataclasses import dataclass
from pathlib import Path