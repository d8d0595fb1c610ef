#| hide
from fastcore.test import test_eq, test_fail, test_close
import tempfile
from intervention_distill.core import RunConfig, shared_data_dir
from intervention_distill.formats import write_examples, example_field