#| hide
from fastcore.test import test_eq, test_fail, test_close
import tempfile
from IPython.display import Markdown, display
from intervention_distill.core import shared_data_dir
