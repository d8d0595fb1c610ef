rng = np.random.default_rng(0)
Xs, Rs = rng.normal(size=(6, 10)).astype(np.float32), rng.normal(size=(6, 8)).astype(np.float32)
fps = (rng.random((6, 32)) < 0.3).astype(np.float32)
rc_small = RealConfig(steps=40, dim=8, hidden=16, tide=TIDEConfig(beta=0.0, ssl='none', proto_dim=8, hidden=16))
for m in METHODS:
    model = train_method(m, Xs, Rs, fps, [f'c{i}' for i in range(6)], rc_small, device='cpu')
    E = embed(model, Xs)
    test_eq(E.shape, (6, 10 if m == 'features' else 8)); test_close(np.linalg.norm(E, axis=1), np.ones(6), eps=1e-4)
tide_model = train_method('TIDE', Xs, Rs, fps, [f'c{i}' for i in range(6)], replace(rc_small, steps=200), device='cpu')
with torch.no_grad():                                                      # trained, the student names its own training compounds
    logits = tide_model.codebook.logits(tide_model.student_head(tide_model.f(torch.as_tensor(Xs))), tide_model.cfg.tau)
test_eq((logits.argmax(1).numpy() == np.arange(6)).mean() >= 0.8, True)
test_fail(lambda: train_method('SimCLR', Xs, Rs, fps, list('abcdef'), rc_small), contains="unknown method 'SimCLR'")
