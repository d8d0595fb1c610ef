usage = parser().format_help()
for flag in ('--data-dir', '--profile {paper,smoke', 'default: figures', 'default: smoke'): assert flag in usage.replace('\n', ' '), flag
test_eq(parser().parse_args(['--data-dir', 'x', '--only', '04']).data_dir, 'x')