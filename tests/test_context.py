"""The scGPT checkpoint loader of `intervention_distill.context`, against an independent re-implementation of scGPT's
module layout, plus bad-input checks: every error must name what is wrong."""
import json

import numpy as np
import pandas as pd
import pytest
import torch
from torch import nn
import torch.nn.functional as F

from intervention_distill.context import (GeneVocab, ContextEncoderConfig, GeneTokenEncoder, ContextTrainSettings, CellCorpus,
                                          DoseEncoder, bin_expression, load_scgpt_checkpoint, save_scgpt_checkpoint,
                                          pretrain, tokenize_cells, cell_type_embeddings)

torch.set_num_threads(1)
GENES = [f'GENE{i}' for i in range(23)]
D, NHEAD, D_HID, NLAYERS, N_BINS = 16, 2, 24, 2, 11


class ScGPTLike(nn.Module):
    "The parameter layout and `_encode` path of scGPT's `TransformerModel` (scgpt/model/model.py), written out independently."
    def __init__(self, ntoken, style='continuous', pad_idx=0):
        super().__init__()
        self.encoder = nn.Module()                                   # GeneEncoder
        self.encoder.embedding = nn.Embedding(ntoken, D, padding_idx=pad_idx)
        self.encoder.enc_norm = nn.LayerNorm(D)
        self.value_encoder = nn.Module()
        if style == 'continuous':                                    # ContinuousValueEncoder
            self.value_encoder.linear1, self.value_encoder.linear2 = nn.Linear(1, D), nn.Linear(D, D)
            self.value_encoder.norm = nn.LayerNorm(D)
        else:                                                        # CategoryValueEncoder
            self.value_encoder.embedding = nn.Embedding(N_BINS + 2, D)
            self.value_encoder.enc_norm = nn.LayerNorm(D)
        self.style = style
        self.transformer_encoder = nn.TransformerEncoder(nn.TransformerEncoderLayer(D, NHEAD, D_HID, 0.0, batch_first=True), NLAYERS,
                                                         enable_nested_tensor=False)
        self.decoder = nn.Module()                                   # ExprDecoder
        self.decoder.fc = nn.Sequential(nn.Linear(D, D), nn.LeakyReLU(), nn.Linear(D, D), nn.LeakyReLU(), nn.Linear(D, 1))
        self.mvc_decoder = nn.Module()                               # MVCDecoder, 'inner product'
        self.mvc_decoder.gene2query, self.mvc_decoder.W = nn.Linear(D, D), nn.Linear(D, D, bias=False)
        self.cls_decoder = nn.Sequential(nn.Linear(D, D), nn.ReLU(), nn.Linear(D, 3))   # heads without a counterpart
        self.flag_encoder = nn.Embedding(2, D)

    def cell_emb(self, src, values, pad_idx=0):
        x = self.encoder.enc_norm(self.encoder.embedding(src))
        if self.style == 'continuous':
            v = torch.clamp(values.unsqueeze(-1), max=512)
            v = self.value_encoder.norm(self.value_encoder.linear2(F.relu(self.value_encoder.linear1(v))))
        else: v = self.value_encoder.enc_norm(self.value_encoder.embedding(values.long()))
        return self.transformer_encoder(x + v, src_key_padding_mask=src == pad_idx)[:, 0]


def write_scgpt(folder, style='continuous', flash=False, args_extra=None, vocab_genes=GENES, drop=(), add=None):
    torch.manual_seed(0)
    vocab = {t: i for i, t in enumerate(['<pad>', '<cls>', '<eoc>', *GENES])}
    ref = ScGPTLike(len(vocab), style).eval()
    state = ref.state_dict()
    if flash: state = {k.replace('self_attn.in_proj_', 'self_attn.Wqkv.'): v for k, v in state.items()}
    state = {k: v for k, v in state.items() if k not in drop} | (add or {})
    folder.mkdir(parents=True, exist_ok=True)
    torch.save(state, folder/'best_model.pt')
    (folder/'vocab.json').write_text(json.dumps({t: i for i, t in enumerate(['<pad>', '<cls>', '<eoc>', *vocab_genes])}))
    args = dict(embsize=D, nheads=NHEAD, d_hid=D_HID, nlayers=NLAYERS, n_bins=N_BINS, dropout=0.0, pad_token='<pad>',
                input_emb_style=style, max_seq_len=33, fast_transformer=flash, pre_norm=False)
    if style == 'continuous': args |= dict(pad_value=-2, mask_value=-1)
    (folder/'args.json').write_text(json.dumps(args | (args_extra or {})))
    return ref, vocab


def batch(vocab, style):
    rng = np.random.default_rng(1)
    genes = torch.tensor([[vocab['<cls>'], *rng.choice(np.arange(3, len(vocab)), 9, replace=False), 0, 0] for _ in range(4)])
    vals = torch.tensor(np.c_[np.zeros(4), rng.integers(1, N_BINS, (4, 9)), np.full((4, 2), -2 if style == 'continuous' else N_BINS)],
                        dtype=torch.float32)
    return genes, vals


@pytest.mark.parametrize('style,flash', [('continuous', False), ('continuous', True), ('category', False)])
def test_scgpt_checkpoint_reproduces_reference(tmp_path, style, flash):
    ref, vocab = write_scgpt(tmp_path, style, flash)
    enc, v, report = load_scgpt_checkpoint(tmp_path, genes=GENES[:5])
    assert v.stoi == vocab and v.pad_id == 0 and v.cls_id == 1
    assert enc.cfg.d_model == D and enc.cfg.n_layers == NLAYERS and enc.cfg.input_emb_style == style
    assert not enc.cfg.norm_first and not enc.cfg.value_gate and enc.cfg.max_genes == 32
    assert report.initialised == []                                   # decoder and GEPC read-outs came from the checkpoint
    assert 'flag_encoder.weight' in report.ignored and any(k.startswith('cls_decoder.') for k in report.ignored)
    genes, vals = batch(vocab, style)
    with torch.no_grad():
        np.testing.assert_allclose(enc.eval().cell_embedding(genes, vals).numpy(), ref.cell_emb(genes, vals).numpy(), atol=1e-5)
        z = ref.cell_emb(genes, vals)                                 # GEPC read-out = scGPT's inner-product MVC decoder
        q = ref.mvc_decoder.W(torch.sigmoid(ref.mvc_decoder.gene2query(ref.encoder.enc_norm(ref.encoder.embedding(genes)))))
        np.testing.assert_allclose(enc.gepc(enc.gene_embedding(genes), z).squeeze(-1).numpy(), torch.bmm(q, z.unsqueeze(2)).squeeze(2).numpy(), atol=1e-5)


def test_read_outs_optional(tmp_path):
    ref, _ = write_scgpt(tmp_path, drop=[k for k in ScGPTLike(26).state_dict() if k.startswith(('decoder.', 'mvc_decoder.'))])
    _, _, report = load_scgpt_checkpoint(tmp_path)
    assert report.initialised and all(k.startswith(('expr_decoder.', 'gepc.')) for k in report.initialised)


def test_vocabulary_size_mismatch(tmp_path):
    write_scgpt(tmp_path, vocab_genes=GENES + ['EXTRA1'])
    with pytest.raises(ValueError, match=r'vocabulary mismatch: .*vocab.json.* has 27 tokens but encoder.embedding.weight has 26 rows'):
        load_scgpt_checkpoint(tmp_path)


def test_genes_missing_from_vocabulary(tmp_path):
    write_scgpt(tmp_path)
    with pytest.raises(ValueError, match=r'2 gene\(s\) not in the vocabulary: EGFR, TP53'):
        load_scgpt_checkpoint(tmp_path, genes=['GENE1', 'EGFR', 'TP53'])


def test_bad_vocabulary_file(tmp_path):
    write_scgpt(tmp_path)
    (tmp_path/'vocab.json').write_text(json.dumps({'<pad>': 0, '<cls>': 1, 'A': 1}))
    with pytest.raises(ValueError, match='ids used twice: 1'): load_scgpt_checkpoint(tmp_path)
    (tmp_path/'vocab.json').write_text(json.dumps({'<cls>': 0, 'A': 1}))
    with pytest.raises(ValueError, match="lacks the special token '<pad>'"): load_scgpt_checkpoint(tmp_path)
    (tmp_path/'vocab.json').write_text('{not json')
    with pytest.raises(ValueError, match='not valid JSON'): load_scgpt_checkpoint(tmp_path)


def test_missing_and_unknown_encoder_keys(tmp_path):
    key = 'transformer_encoder.layers.1.linear2.weight'
    write_scgpt(tmp_path/'a', drop=[key])
    with pytest.raises(ValueError, match=r'lacks 1 encoder parameter\(s\): transformer.layers.1.linear2.weight'):
        load_scgpt_checkpoint(tmp_path/'a')
    write_scgpt(tmp_path/'b', add={'transformer_encoder.layers.0.gate.weight': torch.zeros(2)})
    with pytest.raises(ValueError, match="'transformer_encoder.layers.0.gate.weight' does not fit"): load_scgpt_checkpoint(tmp_path/'b')


def test_args_disagree_with_weights(tmp_path):
    write_scgpt(tmp_path, args_extra=dict(d_hid=32))
    with pytest.raises(ValueError, match=r"shape mismatch for 'transformer_encoder.layers.0.linear1.weight'"): load_scgpt_checkpoint(tmp_path)
    write_scgpt(tmp_path, args_extra=dict(pre_norm=True))
    with pytest.raises(ValueError, match='pre_norm=True'): load_scgpt_checkpoint(tmp_path)
    write_scgpt(tmp_path)
    args = json.loads((tmp_path/'args.json').read_text()); del args['embsize']
    (tmp_path/'args.json').write_text(json.dumps(args))
    with pytest.raises(ValueError, match='lacks embsize'): load_scgpt_checkpoint(tmp_path)


def test_missing_files(tmp_path):
    with pytest.raises(ValueError, match='args.json'): load_scgpt_checkpoint(tmp_path)
    write_scgpt(tmp_path)
    (tmp_path/'best_model.pt').unlink()
    with pytest.raises(ValueError, match='best_model.pt'): load_scgpt_checkpoint(tmp_path)
    torch.save({'decoder.fc.0.weight': torch.zeros(1)}, tmp_path/'best_model.pt')
    with pytest.raises(ValueError, match='not an scGPT state dict'): load_scgpt_checkpoint(tmp_path)


def tiny_setup():
    vocab = GeneVocab.from_genes(GENES)
    X = np.random.default_rng(0).poisson(0.8, (40, len(GENES))) * np.linspace(0.5, 3, len(GENES))
    corpus = CellCorpus('toy', bin_expression(X, 7), vocab.ids(GENES), pd.DataFrame(index=range(40)))
    cfg = ContextEncoderConfig(n_bins=7, d_model=16, n_heads=2, n_layers=1, d_hid=16, dropout=0.1, max_genes=8)
    return vocab, corpus, ContextTrainSettings(cfg, pretrain_steps=15, finetune_steps=0, batch_size=8, warmup_steps=3)


def test_own_checkpoint_round_trip_and_same_seed(tmp_path):
    vocab, corpus, S = tiny_setup()
    runs = []
    for _ in range(2):
        torch.manual_seed(0)
        enc = GeneTokenEncoder(len(vocab), S.encoder, vocab.pad_id)
        runs.append((pretrain(enc, [corpus], vocab, S, seed=5), enc))
    cols = ['step', 'mlm', 'gepc', 'loss', 'lr']
    pd.testing.assert_frame_equal(runs[0][0][cols], runs[1][0][cols])       # same seed, same losses
    assert len(runs[0][0]) == S.pretrain_steps
    enc = runs[0][1]
    loaded, v2, report = load_scgpt_checkpoint(save_scgpt_checkpoint(enc, vocab, tmp_path))
    assert loaded.cfg == enc.cfg and v2.stoi == vocab.stoi and report.ignored == [] and report.initialised == []
    g, v = tokenize_cells(corpus.binned, corpus.gene_ids, 8, np.random.default_rng(0), vocab.cls_id, vocab.pad_id, S.encoder.pad_value)
    with torch.no_grad(): assert torch.equal(loaded.eval().cell_embedding(g, v), enc.eval().cell_embedding(g, v))
    with pytest.raises(ValueError, match='vocabulary has 24 tokens, encoder 26'):
        save_scgpt_checkpoint(enc, GeneVocab.from_genes(GENES[:-2]), tmp_path/'x')


def test_bad_inputs():
    with pytest.raises(ValueError, match='nan'): bin_expression(np.array([[1.0, np.nan]]), 5)
    with pytest.raises(ValueError, match=r'\[-1.0\]'): DoseEncoder()([1.0, -1.0])
    with pytest.raises(ValueError, match="input_emb_style='scaling'"): ContextEncoderConfig(input_emb_style='scaling')
    with pytest.raises(ValueError, match='n_heads=3'): ContextEncoderConfig(d_model=16, n_heads=3)
    vocab, corpus, S = tiny_setup()
    with pytest.raises(ValueError, match='non-empty'): pretrain(GeneTokenEncoder(len(vocab), S.encoder), [], vocab, S)
    import anndata as ad
    a = ad.AnnData(np.ones((4, 3), dtype=np.float32), obs=pd.DataFrame({'cell_type': list('AABB'), 'dose_um': 1.0}, index=list('abcd')),
                   var=pd.DataFrame(index=GENES[:3]))
    enc = GeneTokenEncoder(len(vocab), S.encoder, vocab.pad_id)
    with pytest.raises(ValueError, match='U2OS'): cell_type_embeddings(enc, a, vocab, cell_types=['A', 'U2OS'])
    with pytest.raises(ValueError, match="missing='zero'"): cell_type_embeddings(enc, a, vocab, missing='zero')
    with pytest.raises(ValueError, match="lacks column 'dose_um'"):
        cell_type_embeddings(enc, ad.AnnData(a.X, obs=a.obs[['cell_type']], var=a.var), vocab)
