#| export
import papermill as pm
from tqdm.auto import tqdm
from intervention_distill.core import PROFILES, RunConfig, project_root