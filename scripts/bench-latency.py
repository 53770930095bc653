#!/usr/bin/env python3
"""Latency of the language server as an editor sees it (python3 stdlib only; not a test).

Starts the server on stdio, initializes it (utf-16 positions, versioned publishDiagnostics) and
measures, at the client:

  * typing: for N keystrokes, the time from writing a didChange (one character inserted or
    deleted at a moving position: an identifier typed inside a function body, sometimes a
    newline with its indentation, sometimes a backspace) to reading the publishDiagnostics of
    that version; on (a) a generated 5,000-line Python file that uses Eventlet as heavily as the
    densest modules of the corpus (271 usages), (b) the largest file of the corpus (nova's
    libvirt test_driver.py, 1.35 MB) when present, and (s) a stress case without a target: the
    same 5,000 lines with Eventlet in every block (1,414 usages, 0.5 MB per publish);
  * memory per open document: the server's VmRSS before and after opening each document;
  * startup under load: the time from writing initialize to the first publishDiagnostics of a
    file opened right away while a 10,000-file workspace indexes (workDoneProgress on);
  * a baseline on the same connection: the round trip of a hover where there is nothing.

Targets: (a) median < 1 ms and p99 < 5 ms; (b) median < 20 ms; first diagnostics during
indexing < 100 ms. Exits 1 when a target is missed (2 when the server misbehaves).

  scripts/bench-latency.py [--server build/server/eventlet-lsp] [--keys 500] [--corpus-keys 200]
"""

import argparse
import json
import os
import queue
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS_FILE = Path.home() / (".cache/eventlet-corpus/pkgs/python3-nova/usr/lib/python3/dist-packages/"
                             "nova/tests/unit/virt/libvirt/test_driver.py")


# --- a minimal LSP client ------------------------------------------------------------------------

class ServerError(Exception):
    pass


class Client:
    """JSON-RPC over the server's stdio. A reader thread timestamps every message as it is read
    and answers the server's own requests (workDoneProgress/create, registerCapability, ...)."""

    def __init__(self, server, stderr_path, args=()):
        self.stderr = open(stderr_path, "wb")
        self.proc = subprocess.Popen([str(server), *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.stderr, bufsize=0)
        self.out = self.proc.stdout
        self.write_lock = threading.Lock()
        self.messages = queue.Queue()
        self.next_id = 1
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        stream = self.out
        try:
            while True:
                length = None
                first_byte = None
                while True:
                    line = stream.readline()
                    if first_byte is None:
                        first_byte = time.perf_counter()
                    if not line:
                        self.messages.put(None)
                        return
                    line = line.strip()
                    if not line:
                        break
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value.strip())
                body = b""
                while len(body) < length:
                    chunk = stream.read(length - len(body))
                    if not chunk:
                        self.messages.put(None)
                        return
                    body += chunk
                received = time.perf_counter()
                message = json.loads(body)
                message["_bench"] = {"first_byte": first_byte, "bytes": length}
                if "method" in message and "id" in message:  # a request from the server
                    self._write({"jsonrpc": "2.0", "id": message["id"], "result": None})
                self.messages.put((received, message))
        except Exception as error:  # noqa: BLE001 - reported to the waiting side
            self.messages.put(error)

    def _write(self, message):
        body = json.dumps(message, ensure_ascii=False).encode()
        data = b"Content-Length: %d\r\n\r\n" % len(body) + body
        with self.write_lock:
            self.proc.stdin.write(data)
            self.proc.stdin.flush()

    def send(self, message):
        """Writes a message; returns the time just before the write."""
        started = time.perf_counter()
        self._write(message)
        return started

    def notify(self, method, params):
        return self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        request_id = self.next_id
        self.next_id += 1
        started = self.send({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params})
        return request_id, started

    def wait(self, predicate, timeout=120.0):
        """The first message satisfying `predicate` (others are dropped), as (time read, message)."""
        deadline = time.perf_counter() + timeout
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise ServerError("timed out waiting for the server")
            try:
                item = self.messages.get(timeout=remaining)
            except queue.Empty:
                raise ServerError("timed out waiting for the server") from None
            if item is None:
                raise ServerError("the server closed its output (exit status %s)" % self.proc.poll())
            if isinstance(item, Exception):
                raise ServerError("cannot read the server's output: %s" % item)
            if predicate(item[1]):
                return item

    def response(self, request_id, timeout=120.0):
        return self.wait(lambda m: m.get("id") == request_id and "method" not in m, timeout)

    def diagnostics(self, uri, version=None, timeout=120.0):
        def match(m):
            if m.get("method") != "textDocument/publishDiagnostics" or m["params"].get("uri") != uri:
                return False
            return version is None or m["params"].get("version") == version
        return self.wait(match, timeout)

    def rss_kib(self):
        with open("/proc/%d/status" % self.proc.pid) as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def settle(self, quiet=0.3, timeout=30.0):
        """Drops messages until the server has been quiet for `quiet` seconds."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            try:
                item = self.messages.get(timeout=quiet)
            except queue.Empty:
                return
            if item is None:
                raise ServerError("the server closed its output")

    def close(self):
        try:
            request_id, _ = self.request("shutdown", None)
            self.response(request_id, timeout=10)
            self.notify("exit", None)
            self.proc.wait(timeout=10)
        except Exception:  # noqa: BLE001 - closing is best effort
            self.proc.kill()
            self.proc.wait()
        self.stderr.close()


def capabilities(progress=False):
    return {
        "general": {"positionEncodings": ["utf-16"]},
        "textDocument": {"publishDiagnostics": {"versionSupport": True, "tagSupport": {"valueSet": [1, 2]}},
                         "hover": {"contentFormat": ["markdown", "plaintext"]}},
        "window": {"workDoneProgress": progress},
        "workspace": {"workspaceFolders": True},
    }


def initialize(client, folders=None, progress=False):
    params = {"processId": os.getpid(), "capabilities": capabilities(progress), "rootUri": None,
              "clientInfo": {"name": "bench-latency"}}
    if folders is not None:
        params["workspaceFolders"] = [{"uri": folder.as_uri(), "name": folder.name} for folder in folders]
    request_id, started = client.request("initialize", params)
    received, message = client.response(request_id)
    if "error" in message:
        raise ServerError("initialize failed: %s" % message["error"])
    encoding = message["result"]["capabilities"].get("positionEncoding", "utf-16")
    if encoding != "utf-16":
        raise ServerError("the server chose %s positions, not utf-16" % encoding)
    client.notify("initialized", {})
    return started, received


# --- inputs --------------------------------------------------------------------------------------

def generated_source(lines=5000, plain_blocks=0):
    """A Python module of `lines` lines that uses Eventlet throughout (and a few non-ASCII
    characters, so that UTF-16 positions differ from byte columns). `plain_blocks` blocks of
    ordinary code without Eventlet follow each block that uses it: 0 gives the densest file (one
    usage every 3.5 lines, 1,414 in 5,000 lines), 3 gives 271 usages in 5,000 lines: about the
    density of the densest corpus module over 1,000 lines (54 against 58 per 1,000 lines) and three
    times the usages of any corpus file (85 at most)."""
    out = [
        '"""Generated for bench-latency: a service that uses Eventlet everywhere. Résumé: ✓."""',
        "import logging",
        "",
        "import eventlet",
        "import eventlet.wsgi",
        "from eventlet import greenpool, greenthread, queue, semaphore, timeout",
        "from eventlet.green import socket, subprocess, threading, time as gtime",
        "",
        "eventlet.monkey_patch()",
        "",
        "POOL = greenpool.GreenPool(100)",
        "LOG = logging.getLogger(__name__)",
        "",
    ]
    tail = [
        "",
        "def fetch(url):",
        "    return eventlet.green.urllib.request.urlopen(url).read()",
        "",
        "",
        "def main():",
        "    listener = eventlet.listen(('0.0.0.0', 8090))",
        "    eventlet.wsgi.server(listener, handler_1)",
        "",
        "",
        "if __name__ == '__main__':",
        "    main()",
    ]
    n = 0
    while True:
        n += 1
        block = []
        for p in range(plain_blocks):
            block += plain_block(n * 10 + p)
        block += eventlet_block(n)
        if len(out) + len(block) + len(tail) > lines:
            break
        out += block
    # Blank lines make up the count: whole blocks only, so that the module compiles.
    out += [""] * (lines - len(out) - len(tail)) + tail
    return "\n".join(out) + "\n"


def eventlet_block(n):
    """Code that uses Eventlet: one of five kinds, by n."""
    kind = n % 5
    if kind == 0:
        return [
            "",
            "class Worker%d(object):" % n,
            '    """Worker number %d — handles jobs."""' % n,
            "",
            "    def __init__(self):",
            "        self.sem = semaphore.Semaphore(%d)" % (n % 7 + 1),
            "        self.q = queue.Queue()",
            "",
            "    def run(self, job):",
            "        with self.sem:",
            "            gt = eventlet.spawn(self._work, job)",
            "            return gt.wait()",
            "",
            "    def _work(self, job):",
            "        eventlet.sleep(0)",
            "        return job * %d" % n,
            "",
        ]
    elif kind == 1:
        return [
            "",
            "def handler_%d(env, start_response):" % n,
            "    # é, ü, 中文, 😀: positions in utf-16 units",
            "    POOL.spawn_n(task_%d, env)" % n,
            "    start_response('200 OK', [('Content-Type', 'text/plain')])",
            "    return [b'ok %d']" % n,
            "",
        ]
    elif kind == 2:
        return [
            "",
            "def task_%d(arg):" % n,
            "    try:",
            "        with timeout.Timeout(%d):" % (n % 9 + 1),
            "            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)",
            "            sock.connect(('127.0.0.1', %d))" % (8000 + n % 1000),
            "            sock.sendall(b'ping')",
            "            return sock.recv(1024)",
            "    except timeout.Timeout:",
            "        return None",
            "    finally:",
            "        greenthread.sleep(0.01)",
            "",
        ]
    elif kind == 3:
        return [
            "",
            "def fanout_%d(urls):" % n,
            "    pile = eventlet.GreenPile(POOL)",
            "    for url in urls:",
            "        pile.spawn(fetch, url)",
            "    results = [r for r in pile if r]",
            "    eventlet.spawn_after(1, print, len(results))",
            "    return results",
            "",
        ]
    return [
        "",
        "def plain_%d(values):" % n,
        "    total = 0",
        "    for value in values:",
        "        total += value * %d" % n,
        "    return total",
        "",
    ]


def plain_block(n):
    """Ordinary code, as most of a real module is: a class, a helper, data handling, logging."""
    if n % 2:
        return [
            "",
            "class Record%d(object):" % n,
            '    """A row of table %d, as the API returns it."""' % n,
            "",
            "    fields = ('id', 'name', 'status', 'created_at', 'updated_at')",
            "",
            "    def __init__(self, **values):",
            "        for field in self.fields:",
            "            setattr(self, field, values.get(field))",
            "",
            "    def to_dict(self):",
            "        return {field: getattr(self, field) for field in self.fields}",
            "",
            "    def __repr__(self):",
            "        return '<Record%d %%s %%s>' %% (self.id, self.status)" % n,
            "",
        ]
    return [
        "",
        "def summarize_%d(rows, limit=%d):" % (n, n % 50 + 10),
        '    """Counts rows per status and logs the %d most frequent."""' % n,
        "    counts = {}",
        "    for row in rows:",
        "        status = row.get('status', 'unknown')",
        "        counts[status] = counts.get(status, 0) + 1",
        "    ranked = sorted(counts.items(), key=lambda item: item[1], reverse=True)",
        "    for status, count in ranked[:limit]:",
        "        LOG.debug('status %s: %d rows', status, count)",
        "    try:",
        "        return ranked[0][0]",
        "    except IndexError:",
        "        return None",
        "",
    ]


def utf16_length(text):
    return len(text.encode("utf-16-le")) // 2


def typing_spot(lines, where="inside", start_fraction=0.5):
    """A line to type after: a simple statement (ends with ')' or a name, opens nothing) of a
    function body past `start_fraction` of the file. `where` is "inside" (another statement of
    the body follows: new statements go between two) or "end" (the body's last statement: new
    statements extend the block)."""
    begin = int(len(lines) * start_fraction)
    for order in (range(begin, len(lines) - 1), range(0, len(lines) - 1)):
        for i in order:
            line = lines[i]
            stripped = line.strip()
            if not (stripped.startswith("def ") and stripped.endswith(":")):
                continue
            def_indent = len(line) - len(line.lstrip(" "))
            body_indent = def_indent + 4
            j = i + 1
            in_string = False  # inside a triple-quoted string (a docstring's lines)
            while j < len(lines) - 1 and (not lines[j].strip() or indent_of(lines[j]) >= body_indent):
                content = lines[j].strip()
                was_in_string = in_string
                if (content.count('"""') + content.count("'''")) % 2:
                    in_string = not in_string
                if was_in_string or in_string:
                    j += 1
                    continue
                next_line = lines[j + 1]
                follows = bool(next_line.strip()) and indent_of(next_line) == body_indent
                ends = not next_line.strip() or indent_of(next_line) < body_indent
                if (indent_of(lines[j]) == body_indent and content and simple_statement(content)
                        and ((where == "inside" and follows) or (where == "end" and ends))):
                    return j, " " * body_indent
                j += 1
    raise SystemExit("no function body to type in")


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


def simple_statement(content):
    return (not content.startswith(("#", '"', "'", "return", "with", "for", "if", "try", "except", "finally"))
            and content.count("(") == content.count(")") and content.count("[") == content.count("]")
            and not content.endswith((":", ",", "\\", "(", "[")))


class Typist:
    """Keystrokes at a moving position: an identifier or a call typed character by character
    inside a function body, a newline (with the indentation an editor inserts) after each
    statement, and now and then a backspace and the character again. With `auto_close`, brackets
    are typed as VS Code does by default: "(" inserts "()", ")" over an inserted ")" only moves
    the cursor (no didChange), and a backspace after "(" removes both."""

    PHRASES = ["eventlet.sleep(0)", "gt = eventlet.spawn(worker, item)", "result = gt.wait()",
               "pool.spawn_n(handle, conn)", "value = compute(value, 1)", "x = 1"]
    CLOSERS = {"(": ")", "[": "]", "{": "}"}

    def __init__(self, line, indent, line_text, seed=1, auto_close=False):
        self.random = random.Random(seed)
        self.line = line
        self.column = utf16_length(line_text)  # at the end of the line
        self.indent = indent
        self.pending = ""
        self.typed = []  # what was typed on the current line (ASCII: one UTF-16 unit each)
        self.auto_close = auto_close
        self.closers = []  # brackets the editor inserted right of the cursor, innermost last

    def next_change(self):
        """The next keystroke as an LSP content change (range and text), or None when it changes
        no text (a closing bracket typed over the one the editor inserted)."""
        if self.typed and self.random.random() < 0.06:  # backspace; the character is typed again later
            self.column -= 1
            removed = self.typed.pop()
            self.pending = removed + self.pending
            end = self.column + 1
            if self.auto_close and self.closers and self.CLOSERS.get(removed) == self.closers[-1]:
                self.closers.pop()
                end += 1
            return {"range": self._range(self.line, self.column, self.line, end), "text": ""}
        if not self.pending:
            self.pending = "\n" + self.random.choice(self.PHRASES)
        char, self.pending = self.pending[0], self.pending[1:]
        if char == "\n":
            change = {"range": self._range(self.line, self.column, self.line, self.column), "text": "\n" + self.indent}
            self.line += 1
            self.column = len(self.indent)
            self.typed = []
            return change
        if self.auto_close and self.closers and char == self.closers[-1]:
            self.closers.pop()
            self.column += 1
            self.typed.append(char)
            return None
        text = char
        if self.auto_close and char in self.CLOSERS:
            text += self.CLOSERS[char]
            self.closers.append(self.CLOSERS[char])
        change = {"range": self._range(self.line, self.column, self.line, self.column), "text": text}
        self.column += 1
        self.typed.append(char)
        return change

    @staticmethod
    def _range(l1, c1, l2, c2):
        return {"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}}


# --- measurements --------------------------------------------------------------------------------

def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * fraction
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def summary(values_ms):
    return {"n": len(values_ms), "median": statistics.median(values_ms), "p90": percentile(values_ms, 0.9),
            "p99": percentile(values_ms, 0.99), "max": max(values_ms)}


def fmt(stats):
    return "median %7.3f ms  p90 %7.3f ms  p99 %7.3f ms  max %7.3f ms  (n=%d)" % (
        stats["median"], stats["p90"], stats["p99"], stats["max"], stats["n"])


def open_document(client, uri, text):
    before = client.rss_kib()
    started = client.notify("textDocument/didOpen",
                            {"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": text}})
    received, message = client.diagnostics(uri, version=1)
    client.settle(quiet=0.2)
    after = client.rss_kib()
    return (received - started) * 1000, before, after, len(message["params"]["diagnostics"])


def type_into(client, uri, text, keys, seed, where="inside", auto_close=False):
    lines = text.split("\n")
    line, indent = typing_spot(lines, where)
    typist = Typist(line, indent, lines[line], seed, auto_close)
    latencies = []
    first_bytes = []
    sizes = []
    version = 1
    while len(latencies) < keys:
        change = typist.next_change()
        if change is None:
            continue
        version += 1
        started = client.notify("textDocument/didChange",
                                {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
        received, message = client.diagnostics(uri, version=version)
        latencies.append((received - started) * 1000)
        first_bytes.append((message["_bench"]["first_byte"] - started) * 1000)
        sizes.append(message["_bench"]["bytes"])
    return latencies, line, first_bytes, sizes


# Where the typing happens: tree-sitter 0.20.7 with the Python grammar reparses the rest of the
# file for a statement that extends a block unless the edit is described to it widened (see
# analyzers/parse/edit_widening.h), so the two places are measured apart.
SPOTS = {"inside": "new statements between two statements of a function body",
         "end": "new statements after the last statement of a function body (extending the block)"}


def fresh_copy(client, scratch, name, text):
    """Opens `text` as a new document, so that each run types into the text it was planned on."""
    uri = (scratch / (name + ".py")).as_uri()
    open_document(client, uri, text)
    return uri


def print_typing(line, latencies, first_bytes, sizes):
    print("    typing at line %d, didChange -> publishDiagnostics:   %s" % (line + 1, fmt(summary(latencies))))
    print("      of which until its first byte (server work):       %s" % fmt(summary(first_bytes)))
    print("      publishDiagnostics size: median %d bytes" % statistics.median(sizes))


STAGES = re.compile(r"didChange \S+ v\d+: edit and reparse ([0-9.]+) ms, analysis ([0-9.]+) ms "
                    r"\((carried over|one definition|full)\), "
                    r"diagnostics ([0-9.]+) ms")


def stage_breakdown(server, scratch, text, keys, seed):
    """The same typing on a server that logs its stages (debug level, to a file): how much of a
    keystroke is tree-sitter's reparse (the baseline) and how much the server's own work."""
    log = scratch / "stages.log"
    client = Client(server, scratch / "stages.stderr", ["--log-level", "debug", "--log-file", str(log)])
    try:
        initialize(client)
        for where in SPOTS:
            start = log.stat().st_size if log.exists() else 0
            type_into(client, fresh_copy(client, scratch, "stages-" + where, text), text, keys, seed, where)
            with open(log, encoding="utf-8", errors="replace") as handle:
                handle.seek(start)
                stages = [m.groups() for m in map(STAGES.search, handle) if m]
            if not stages:
                raise ServerError("no stage lines in the server's debug log")
            reparse = statistics.median(float(s[0]) for s in stages)
            analysis = statistics.median(float(s[1]) for s in stages)
            diagnostics = statistics.median(float(s[3]) for s in stages)
            carried = sum(1 for s in stages if s[2] == "carried over")
            one_definition = sum(1 for s in stages if s[2] == "one definition")
            print("  %s (%d keystrokes)" % (where, len(stages)))
            print("    medians: edit and reparse (tree-sitter) %.3f ms; analysis %.3f ms; diagnostics %.3f ms"
                  % (reparse, analysis, diagnostics))
            print("    analysis: findings carried over on %d%% of keystrokes, one definition analysed again on %d%%,"
                  " the whole file on the rest" % (100 * carried // len(stages), 100 * one_definition // len(stages)))
            print("    server work beyond the reparse: %.2fx the reparse" % ((analysis + diagnostics) / reparse))
    finally:
        client.close()


def hover_baseline(client, uri, line, count=200):
    latencies = []
    for _ in range(count):
        request_id, started = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                                   "position": {"line": line, "character": 0}})
        received, message = client.response(request_id)
        if message.get("result") is not None:
            raise ServerError("the baseline hover found something at line %d" % (line + 1))
        latencies.append((received - started) * 1000)
    return latencies


def make_workspace(root, files=10000, seed=7):
    rng = random.Random(seed)
    eventlet_bodies = [
        "import eventlet\n\n\ndef run(f):\n    return eventlet.spawn(f)\n",
        "from eventlet import greenpool\n\npool = greenpool.GreenPool()\n\n\ndef go(f, x):\n    pool.spawn_n(f, x)\n",
        "import eventlet\nfrom eventlet.green import socket\n\n\ndef ping(host):\n    s = socket.socket()\n"
        "    s.connect((host, 80))\n    eventlet.sleep(0)\n    return s\n",
    ]
    plain = "def add(a, b):\n    return a + b\n\n\nVALUE = add(1, 2)\n"
    for i in range(files):
        directory = root / ("pkg%03d" % (i // 100))
        if i % 100 == 0:
            directory.mkdir(parents=True, exist_ok=True)
            (directory / "__init__.py").write_text("")
        body = rng.choice(eventlet_bodies) if i % 4 == 0 else plain
        (directory / ("mod%05d.py" % i)).write_text("# module %d\n" % i + body)
    return root / "pkg000" / "mod00000.py"


def startup_under_indexing(server, log, workspace, opened):
    client = Client(server, log)
    try:
        uri = opened.as_uri()
        params = {"processId": os.getpid(), "capabilities": capabilities(progress=True),
                  "workspaceFolders": [{"uri": workspace.as_uri(), "name": workspace.name}],
                  "clientInfo": {"name": "bench-latency"}}
        request_id, started = client.request("initialize", params)
        client.notify("initialized", {})
        client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python", "version": 1,
                                                                "text": opened.read_text()}})
        progress_end = None
        initialize_ms = None
        first_diagnostics_ms = None
        deadline = time.perf_counter() + 60  # for the first diagnostics; then up to 300 s for the index
        while first_diagnostics_ms is None or progress_end is None:
            try:
                received, message = client.wait(lambda m: True, timeout=max(0.1, deadline - time.perf_counter()))
            except ServerError:
                break
            if message.get("id") == request_id and "method" not in message:
                initialize_ms = (received - started) * 1000
            elif message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
                if first_diagnostics_ms is None:
                    first_diagnostics_ms = (received - started) * 1000
                    deadline = time.perf_counter() + 300
            elif message.get("method") == "$/progress" and message["params"]["value"].get("kind") == "end":
                progress_end = ((received - started) * 1000, message["params"]["value"].get("message", ""))
        return initialize_ms, first_diagnostics_ms, progress_end
    finally:
        client.close()


# --- the run -------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", default=str(ROOT / "build" / "server" / "eventlet-lsp"))
    parser.add_argument("--keys", type=int, default=500, help="keystrokes on the 5,000-line file")
    parser.add_argument("--corpus-keys", type=int, default=200, help="keystrokes on the 1.35 MB corpus file")
    parser.add_argument("--corpus-file", default=str(CORPUS_FILE))
    parser.add_argument("--workspace-files", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    server = Path(args.server)
    if not os.access(server, os.X_OK):
        sys.exit("no server at %s: build it first (scripts/build)" % server)
    scratch = Path(tempfile.mkdtemp(prefix="eventlet-lsp-bench-"))
    keep_scratch = False
    failures = []
    try:
        log = scratch / "server.log"
        print("server: %s" % server)
        client = Client(server, log)
        initialize(client)
        rss_start = client.rss_kib()

        # Both documents are opened first, before anything is closed, so that memory freed by one
        # step cannot make the next document look cheap.
        generated = generated_source(5000, plain_blocks=3)
        gen_uri = (scratch / "generated_service.py").as_uri()
        blank_line = generated.split("\n").index("")  # a line with nothing: the hover baseline
        open_ms, before, after, count = open_document(client, gen_uri, generated)
        print("\n(a) generated file: 5,000 lines, %d bytes, %d diagnostics; didOpen -> diagnostics %.1f ms"
              % (len(generated.encode()), count, open_ms))
        print("    memory: VmRSS %d -> %d KiB: +%.2f MiB for the document (%.1f bytes per byte of text)"
              % (before, after, (after - before) / 1024, (after - before) * 1024 / len(generated.encode())))

        corpus = Path(args.corpus_file)
        corpus_text = None
        if corpus.is_file():
            corpus_text = corpus.read_bytes().decode("utf-8", errors="replace")
            corpus_uri = corpus.as_uri()
            open_ms, before, after, count = open_document(client, corpus_uri, corpus_text)
            print("\n(b) %s: %d lines, %d bytes, %d diagnostics; didOpen -> diagnostics %.1f ms"
                  % (corpus.name, corpus_text.count("\n"), len(corpus_text.encode()), count, open_ms))
            print("    memory: VmRSS %d -> %d KiB: +%.2f MiB for the document (%.1f bytes per byte of text)"
                  % (before, after, (after - before) / 1024, (after - before) * 1024 / len(corpus_text.encode())))
        else:
            print("\n(b) skipped: %s is not there" % corpus)

        print("\n(a) generated file, typing")
        baseline = summary(hover_baseline(client, gen_uri, blank_line))
        print("    baseline (hover where there is nothing, same connection): %s" % fmt(baseline))
        for where in SPOTS:
            latencies, line, first_bytes, sizes = type_into(
                client, fresh_copy(client, scratch, "generated-" + where, generated), generated, args.keys, args.seed, where)
            typing = summary(latencies)
            ok = typing["median"] < 1.0 and typing["p99"] < 5.0
            print("  %s" % SPOTS[where])
            print_typing(line, latencies, first_bytes, sizes)
            print("    target: median < 1 ms, p99 < 5 ms: %s" % ("PASS" if ok else "FAIL"))
            if not ok:
                failures.append("typing in 5,000 lines (%s)" % where)
        print("  the same, typed as VS Code does by default (brackets closed as they are opened)")
        for where in SPOTS:
            latencies, line, first_bytes, sizes = type_into(
                client, fresh_copy(client, scratch, "generated-closed-" + where, generated), generated, args.keys,
                args.seed, where, auto_close=True)
            typing = summary(latencies)
            print("    %s: median %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms (n=%d)"
                  % (where, typing["median"], typing["p90"], typing["p99"], typing["max"], typing["n"]))

        if corpus_text is not None:
            print("\n(b) %s, typing" % corpus.name)
            for where in SPOTS:
                latencies, line, first_bytes, sizes = type_into(
                    client, fresh_copy(client, scratch, "corpus-" + where, corpus_text), corpus_text, args.corpus_keys,
                    args.seed, where)
                typing = summary(latencies)
                ok = typing["median"] < 20.0
                print("  %s" % SPOTS[where])
                print_typing(line, latencies, first_bytes, sizes)
                print("    target: median < 20 ms: %s" % ("PASS" if ok else "FAIL"))
                if not ok:
                    failures.append("typing in the 1.35 MB file (%s)" % where)

        stress = generated_source(5000, plain_blocks=0)
        stress_uri = (scratch / "generated_stress.py").as_uri()
        open_ms, _, _, count = open_document(client, stress_uri, stress)
        print("\n(s) stress: 5,000 lines with Eventlet in every block, %d diagnostics; didOpen -> diagnostics %.1f ms"
              % (count, open_ms))
        latencies, line, first_bytes, sizes = type_into(client, stress_uri, stress, args.keys, args.seed, "inside")
        print_typing(line, latencies, first_bytes, sizes)
        print("    no target: 5 times the usages of any real file, to show how latency grows with them")

        # more copies of (a), for a steadier figure per document
        copies = 10
        before = client.rss_kib()
        for i in range(copies):
            open_document(client, (scratch / ("copy%02d.py" % i)).as_uri(), generated)
        after = client.rss_kib()
        print("\nmemory: %d more copies of (a) open: +%.2f MiB each (%.1f bytes per byte of text)"
              % (copies, (after - before) / 1024 / copies, (after - before) * 1024 / copies / len(generated.encode())))
        print("server VmRSS: %d KiB after initialize, %d KiB with everything open" % (rss_start, client.rss_kib()))
        client.close()

        print("\n(a) stage breakdown, from a second server that logs each didChange's stages")
        stage_breakdown(server, scratch, generated, min(args.keys, 300), args.seed)
        if corpus_text is not None:
            print("\n(b) stage breakdown, the same way")
            stage_breakdown(server, scratch, corpus_text, min(args.corpus_keys, 100), args.seed)

        # startup while a 10,000-file workspace indexes
        workspace = scratch / "workspace"
        started = time.perf_counter()
        opened = make_workspace(workspace, args.workspace_files)
        print("\n(c) workspace of %d files generated in %.1f s" % (args.workspace_files, time.perf_counter() - started))
        initialize_ms, first_ms, progress_end = startup_under_indexing(server, scratch / "server-ws.log", workspace, opened)
        print("    initialize -> its response:                %s" %
              ("%.1f ms" % initialize_ms if initialize_ms is not None else "none"))
        print("    initialize -> first publishDiagnostics of the file opened at once: %s" %
              ("%.1f ms" % first_ms if first_ms is not None else "none"))
        if progress_end:
            print("    initialize -> indexing done ($/progress end): %.0f ms (%s)" % progress_end)
        ok = first_ms is not None and first_ms < 100
        print("    target: first diagnostics < 100 ms while indexing: %s" % ("PASS" if ok else "FAIL"))
        if not ok:
            failures.append("first diagnostics while indexing")
    except ServerError as error:
        print("\nerror: %s (server logs in %s)" % (error, scratch))
        keep_scratch = True
        return 2
    finally:
        if not keep_scratch:
            shutil.rmtree(scratch, ignore_errors=True)
    print("\n%s" % ("all targets met" if not failures else "missed: " + ", ".join(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
