#| export
import numpy as np
import pandas as pd
import anndata as ad
import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn.linear_model import Ridge
from intervention_distill.core import RunConfig, pick_device, save_table, seed_everything
from intervention_distill.data import parse_targets
from intervention_distill.chem import murcko_scaffolds, scaffold_split
from intervention_distill.formats import load_data_dir, annotate
from intervention_distill.baselines import cloome_loss, mlp
from intervention_distill.tide import PrototypeCodebook, TeacherHead, TIDEConfig, tide_objective, fingerprint_matrix
from intervention_distill.loop import TrainConfig, TensorData, fit
from intervention_distill.evaluate import bootstrap_ci
from intervention_distill.reproduce import git_commit
