#| hide
from fastcore.test import test_eq, test_fail
import tempfile, nbformat
from nbformat.v4 import new_notebook, new_code_cell, new_markdown_cell