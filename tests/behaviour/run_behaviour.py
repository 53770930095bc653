#!/usr/bin/env python3
"""Runs each program of tests/behaviour/programs under Eventlet (Debian's python3-eventlet with
/usr/bin/python3), then `eventlet-lsp fix --unsafe` on a copy, then the copy under the plain
standard library with Eventlet made unimportable: the observable output must be the same, and
the fixed program must not import Eventlet any more.

Usage: run_behaviour.py BINARY
"""
import os
import shutil
import subprocess
import sys
import tempfile

PYTHON = "/usr/bin/python3"
HERE = os.path.dirname(os.path.abspath(__file__))


def run(path, env):
    result = subprocess.run([PYTHON, path], capture_output=True, text=True, timeout=30, env=env)
    return result.returncode, result.stdout, result.stderr


def main():
    binary = sys.argv[1]
    if subprocess.run([PYTHON, "-c", "import eventlet"], capture_output=True).returncode != 0:
        print(f"FAIL: {PYTHON} cannot import eventlet: install python3-eventlet (scripts/setup)")
        return 1
    work = tempfile.mkdtemp(prefix="eventlet-behaviour-")
    # A directory whose `eventlet` module fails: the fixed programs must not need it.
    blocker = os.path.join(work, "no-eventlet")
    os.makedirs(blocker)
    with open(os.path.join(blocker, "eventlet.py"), "w") as stub:
        stub.write("raise ImportError('eventlet must not be imported after the fix')\n")
    failures = 0
    programs = sorted(name for name in os.listdir(os.path.join(HERE, "programs")) if name.endswith(".py"))
    for name in programs:
        original = os.path.join(HERE, "programs", name)
        status, expected, error = run(original, dict(os.environ))
        if status != 0:
            print(f"FAIL {name}: does not run under Eventlet: {error.strip()[-500:]}")
            failures += 1
            continue
        copy = os.path.join(work, name)
        shutil.copyfile(original, copy)
        fix = subprocess.run([binary, "fix", "--unsafe", "--isolated", "--exit-zero", copy],
                             capture_output=True, text=True, timeout=60)
        if fix.returncode != 0:
            print(f"FAIL {name}: fix exited {fix.returncode}: {fix.stderr.strip()}")
            failures += 1
            continue
        environment = dict(os.environ, PYTHONPATH=blocker)
        status, actual, error = run(copy, environment)
        if status != 0 or actual != expected:
            print(f"FAIL {name}: output differs after the fix (status {status})")
            print("--- under Eventlet\n" + expected + "--- after the fix\n" + actual + error[-800:])
            print("--- the fixed program\n" + open(copy).read())
            failures += 1
            continue
        print(f"ok   {name}: same output ({len(expected.splitlines())} lines) under Eventlet and after the fix")
    shutil.rmtree(work, ignore_errors=True)
    print(f"{len(programs) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
