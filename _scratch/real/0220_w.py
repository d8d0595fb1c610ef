obs = pd.DataFrame({'broad_id': ['a'] * 3 + ['b'] * 3 + [''] * 4, 'dose_level_um': [0.04, 1.11, 10] * 2 + [np.nan] * 4, 'well': list('ABCDEFGHIJ')})
E = np.r_[np.tile([1., 0, 0], (3, 1)), np.tile([0, 1., 0], (3, 1)), np.eye(3)[[2, 2, 2, 2]] + 0.01 * np.arange(4)[:, None]]
os_ = one_shot_doses(E, obs)
test_eq(len(os_), 3 * 4); test_eq(os_.correct.mean(), 1.0); test_eq(os_.n_classes.unique().tolist(), [2])
act = activity(E, obs, n_null=200)
test_eq(act.ap.tolist(), [1.0] * 6); test_eq((act.p_value < 0.05).all(), True)
act_rand = activity(np.random.default_rng(1).normal(size=(10, 3)), obs, n_null=200)
test_eq(act_rand.ap.between(0, 1).all(), True)
