#| export
def parser() -> argparse.ArgumentParser:
    "The command line of the runner (`--help` shows the defaults and choices)."
    p = argparse.ArgumentParser(prog='id-reproduce', description='Re-execute the numbered notebooks with papermill and write figures, tables and <out>/manifest.json.')
    p.add_argument('--profile', default='smoke', choices=sorted(PROFILES), help='run profile (default: %(default)s)')
    p.add_argument('--seed', type=int, default=0, help='seed of every notebook (default: %(default)s)')
    p.add_argument('--device', default='auto', help='auto, cpu, cuda, cuda:N or mps (default: %(default)s)')
    p.add_argument('--data-dir', default=None, help='folder of real data (see data/README.md); simulator-only notebooks are then skipped (default: the simulated world)')
    p.add_argument('--out', default='figures', help='output folder for figures, tables, executed notebooks and manifest.json (default: %(default)s)')
    p.add_argument('--only', default=None, help='comma-separated notebook prefixes to run, e.g. 04,16_real (default: all)')
    return p

def main(argv:list[str]|None=None):
    "Entry point of `python -m intervention_distill.reproduce` and `id-reproduce`."
    a = parser().parse_args(argv)
    try: path = reproduce(a.profile, a.seed, a.device, a.data_dir, a.out, only=a.only.split(',') if a.only else None)
    except (ValueError, NotebookFailed) as e: sys.exit(f"ERROR: {e}")
    m = json.loads(path.read_text())
    print(f"ran {len(m['notebooks_run'])} notebook(s) at commit {m['git_commit']}" + (f", skipped {len(m['notebooks_skipped'])} simulator-only" if m['notebooks_skipped'] else '')
          + f"; wrote {len(m['artifacts'])} artefacts; manifest: {path}")