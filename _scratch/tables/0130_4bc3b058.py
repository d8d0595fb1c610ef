_tmp = tempfile.TemporaryDirectory()
ex = write_examples(_tmp.name)