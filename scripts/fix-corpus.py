#!/usr/bin/env python3
"""Runs `eventlet-lsp fix --unsafe` on a copy of every corpus file that mentions Eventlet and
compiles each result (Python's own compile()): every rewrite must leave valid Python (target: 100%).

Usage: scripts/fix-corpus.py [--corpus DIR] [--binary PATH] [--keep DIR]
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=os.path.expanduser("~/.cache/eventlet-corpus"))
    parser.add_argument("--binary", default=os.path.join(os.path.dirname(__file__), "..", "build", "server", "eventlet-lsp"))
    parser.add_argument("--keep", help="copy the fixed tree here instead of a temporary folder")
    args = parser.parse_args()
    listing = os.path.join(args.corpus, "eventlet-files.txt")
    if not os.path.exists(listing):
        sys.exit(f"no corpus at {args.corpus}: run ../shared/corpus/fetch-corpus.sh first")
    files = [line.strip() for line in open(listing) if line.strip()]
    work = args.keep or tempfile.mkdtemp(prefix="eventlet-fix-corpus-")
    copies = []
    for index, path in enumerate(files):
        copy = os.path.join(work, f"{index:04d}_{os.path.basename(path)}")
        shutil.copyfile(path, copy)
        copies.append((path, copy))
    run = subprocess.run([args.binary, "fix", "--unsafe", "--isolated", "--exit-zero", work],
                         capture_output=True, text=True)
    if run.returncode not in (0, 1):
        print(run.stderr[-2000:])
        sys.exit(f"fix failed with status {run.returncode}")
    summary = [line for line in run.stdout.splitlines() if line.startswith("Applied")]
    compiled = failed = skipped = changed = 0
    failures = []
    for original, copy in copies:
        before = open(original, "rb").read()
        after = open(copy, "rb").read()
        if before != after:
            changed += 1
        try:
            compile(before, original, "exec")
        except (SyntaxError, ValueError):
            skipped += 1  # the original does not compile (Python 2 files): nothing to keep
            continue
        try:
            compile(after, copy, "exec")
            compiled += 1
        except (SyntaxError, ValueError) as error:
            failed += 1
            failures.append((original, f"{type(error).__name__}: {error}"))
    total = compiled + failed
    print(summary[0] if summary else "no summary line")
    print(f"files: {len(copies)}, changed by fix: {changed}, originals that do not compile (skipped): {skipped}")
    print(f"fixed files that compile: {compiled}/{total} = {100.0 * compiled / max(total, 1):.2f}% (target 100%)")
    for original, message in failures[:20]:
        print(f"  FAIL {original}: {message}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
