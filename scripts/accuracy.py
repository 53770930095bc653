#!/usr/bin/env python3
"""Measure how accurately `eventlet-lsp check` finds Eventlet usages.

On the Eventlet subset of the corpus (files that contain the word "eventlet"),
three independent sources of truth are compared:

  1. the four greps of the migration guide's "Locate your Eventlet Usages" script
     (grep -nw, same patterns), each hit line classified with Python's `tokenize`
     as real code or comment / string / docstring;
  2. an independent resolver built on Python's `ast` that implements Python's own
     scoping rules (LEGB, class scopes invisible from nested functions, global,
     nonlocal, comprehension scopes, walrus) to find every eventlet import, every
     reference to a name bound to an eventlet import or alias, attribute access on
     tracked eventlet instances, eventlet names in plain string literals and
     EVENTLET_* strings; and, reported as its own kind ("selfattr"), `self.x.m` in a
     method when some method of the same class assigns `self.x = <eventlet instance or
     alias>` or the class body binds `x` (same class only: no inheritance);
  3. `eventlet-lsp check --format json --exit-zero` on the same files.

It prints grep hits, recall of check on grep's real-code lines and on the
resolver's lines, precision of check (finding lines confirmed by the resolver or
by grep's real-code lines), findings that lie in comments, strings or docstrings
(must be 0), and examples of misses and false positives with file:line and the
source line.

Exit status: 0 ok; 1 when a check finding lies in a comment, docstring or (for a
code other than the string rules EL003/EL904) in a string; 2 when the binary or the
inputs could not be used.

Standard library only.
"""

import argparse
import ast
import io
import json
import os
import re
import subprocess
import sys
import time
import tokenize
from collections import Counter, defaultdict

SEED_PATTERNS = ["import eventlet", "from eventlet", "eventlet.spawn", "eventlet.monkey_patch"]
DEFAULT_CORPUS = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"),
                              "eventlet-corpus")
DEFAULT_BINARY = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                              "build", "server", "eventlet-lsp")
STRING_CODES = {"EL003", "EL904", "EL905", "EL102", "EL901", "EL903"}  # rules whose findings legitimately sit on a string literal

EVENTLET_NAME_RE = re.compile(r"eventlet(?:\.[A-Za-z_][A-Za-z0-9_]*)*\Z")
EVENTLET_ENV_RE = re.compile(r"EVENTLET_[A-Za-z0-9_]+\Z")


# --------------------------------------------------------------------------- utilities

def read_source(path):
    """Return (text, lines) or (None, None). Lines are split on '\\n' only, like grep."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return None, None
    try:
        enc, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        text = data.decode(enc)
    except (SyntaxError, LookupError, UnicodeDecodeError):
        text = data.decode("utf-8", "replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, text.split("\n")


def norm(path):
    return os.path.normpath(os.path.abspath(path))


def chunks(seq, n):
    for i in range(0, len(seq), n):
        yield seq[i:i + n]


def pct(a, b):
    return "n/a" if b == 0 else "%.2f%%" % (100.0 * a / b)


def in_eventlet_package(path):
    """True for files of the eventlet package itself (a top-level package named 'eventlet'
    above the file), not for subpackages such as foo/cmd/eventlet/."""
    d = os.path.dirname(path)
    while d and d != os.path.dirname(d):
        if os.path.basename(d) == "eventlet" and os.path.exists(os.path.join(d, "__init__.py")) \
                and not os.path.exists(os.path.join(os.path.dirname(d), "__init__.py")):
            return True                   # a top-level package named eventlet
        d = os.path.dirname(d)
    return False


# --------------------------------------------------------------------------- tokenize map

class TokenMap:
    """Per-line character intervals labelled code / comment / string / docstring, from
    `tokenize` (plus `ast` for docstrings and f-string replacement fields on Pythons
    whose tokenizer returns an f-string as one STRING token)."""

    def __init__(self, text, lines, tree):
        self.lines = lines
        self.iv = defaultdict(list)      # row -> [(c0, c1, kind)]
        self.complete = True             # tokenize reached the end
        self.tok_rows = 0                # last row reached by tokenize
        docstarts = self._docstring_spans(tree, lines) if tree is not None else []
        fs_start = getattr(tokenize, "FSTRING_START", None)
        fs_mid = getattr(tokenize, "FSTRING_MIDDLE", None)
        fs_end = getattr(tokenize, "FSTRING_END", None)
        tstring = {getattr(tokenize, n) for n in ("TSTRING_START", "TSTRING_MIDDLE", "TSTRING_END")
                   if hasattr(tokenize, n)}
        readline = io.StringIO(text).readline
        try:
            for tok in tokenize.generate_tokens(readline):
                t = tok.type
                (sr, sc), (er, ec) = tok.start, tok.end
                self.tok_rows = max(self.tok_rows, er)
                if t == tokenize.COMMENT:
                    self._add(sr, sc, er, ec, "comment")
                elif t == tokenize.STRING:
                    kind = "docstring" if self._is_doc(docstarts, tok.start, tok.end) else "string"
                    self._add(sr, sc, er, ec, kind)
                    if kind == "string" and _string_prefix(tok.string).find("f") >= 0:
                        for (a, b) in fstring_code_spans(tok.string):
                            p0 = _offset_to_pos(tok.string, a, sr, sc)
                            p1 = _offset_to_pos(tok.string, b, sr, sc)
                            self._add(p0[0], p0[1], p1[0], p1[1], "fcode")
                elif t in (fs_start, fs_mid, fs_end) or t in tstring:
                    if sr == er and sc == ec:
                        continue
                    self._add(sr, sc, er, ec, "string")
                elif t in (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT,
                           tokenize.ENDMARKER, tokenize.ENCODING):
                    continue
                else:                      # NAME, OP, NUMBER, ERRORTOKEN...
                    self._add(sr, sc, er, ec, "code")
        except (tokenize.TokenError, IndentationError, SyntaxError):
            self.complete = False

    @staticmethod
    def _docstring_spans(tree, lines):
        spans = []
        for node in ast.walk(tree):
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                body = node.body
                if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                        and isinstance(body[0].value.value, str):
                    c = body[0].value
                    s = (c.lineno, byte_to_char(lines, c.lineno, c.col_offset))
                    e = (c.end_lineno, byte_to_char(lines, c.end_lineno, c.end_col_offset))
                    spans.append((s, e))
        return spans

    @staticmethod
    def _is_doc(spans, start, end):
        for s, e in spans:
            if s <= start and end <= e:
                return True
        return False

    def _add(self, sr, sc, er, ec, kind):
        if sr == er:
            self.iv[sr].append((sc, ec, kind))
            return
        self.iv[sr].append((sc, 1 << 30, kind))
        for r in range(sr + 1, er):
            self.iv[r].append((0, 1 << 30, kind))
        self.iv[er].append((0, ec, kind))

    def classify_span(self, row, c0, c1):
        """Kind of text at row, columns [c0, c1): code, comment, string, docstring or unknown."""
        kinds = set()
        fcode = False
        for a, b, k in self.iv.get(row, ()):
            if a < c1 and c0 < b:
                if k == "fcode":
                    if a <= c0 and c1 <= b:
                        fcode = True
                else:
                    kinds.add(k)
        if "comment" in kinds:
            return "comment"
        if fcode and "docstring" not in kinds:
            return "code"
        if "docstring" in kinds:
            return "docstring"
        if "string" in kinds:
            return "string"
        if "code" in kinds:
            return "code"
        return "unknown"

    def classify_pos(self, row, col):
        return self.classify_span(row, col, col + 1)

    def line_kind(self, row):
        """'code' if the line has any code token (or f-string field), else the kind that fills it."""
        kinds = set(k for _, _, k in self.iv.get(row, ()))
        if "code" in kinds or "fcode" in kinds:
            return "code"
        for k in ("docstring", "string", "comment"):
            if k in kinds:
                return k
        return "blank" if self.complete or row <= self.tok_rows else "unknown"


def byte_to_char(lines, lineno, col):
    if lineno - 1 >= len(lines):
        return col
    line = lines[lineno - 1]
    return len(line.encode("utf-8")[:col].decode("utf-8", "replace"))


def _string_prefix(s):
    i = 0
    while i < len(s) and s[i] not in "'\"":
        i += 1
    return s[:i].lower()


def _offset_to_pos(s, off, sr, sc):
    before = s[:off]
    nl = before.count("\n")
    if nl == 0:
        return sr, sc + off
    return sr + nl, off - before.rfind("\n") - 1


def fstring_code_spans(s):
    """Offsets [a, b) of the replacement fields ({...}) of an f-string token's text."""
    prefix = _string_prefix(s)
    raw = "r" in prefix
    i = len(prefix)
    q = s[i:i + 3] if s[i:i + 3] in ('"""', "'''") else s[i]
    i += len(q)
    end = len(s) - len(q)
    spans = []
    while i < end:
        c = s[i]
        if c == "\\" and not raw:
            if s.startswith("N{", i + 1):
                j = s.find("}", i + 3)
                i = (j + 1) if j >= 0 else end
            else:
                i += 2
            continue
        if c == "{":
            if s.startswith("{", i + 1):
                i += 2
                continue
            j = _scan_field(s, i + 1, end)
            spans.append((i + 1, j))
            i = j + 1
            continue
        i += 1
    return spans


def _scan_field(s, k, end):
    depth = 0
    while k < end:
        c = s[k]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0:
                return k
            depth -= 1
        elif c in "'\"":
            q = s[k:k + 3] if s[k:k + 3] in ('"""', "'''") else c
            j = s.find(q, k + len(q))
            k = (j + len(q)) if j >= 0 else end
            continue
        k += 1
    return end


# --------------------------------------------------------------------------- greps

def grep_word_regex(pattern):
    """Python equivalent of a grep -w basic regex made of literal text and '.'."""
    body = "".join("." if ch == "." else re.escape(ch) for ch in pattern)
    return re.compile(r"(?<!\w)" + body + r"(?!\w)")


def run_greps(files):
    """The seed's four greps (grep -nw PATTERN), per file (files passed in argv chunks).
    Returns list of (pattern, path, line) in seed order, and a count of 'Binary file' lines."""
    hits = []
    binary = 0
    for pat in SEED_PATTERNS:
        for ch in chunks(files, 200):
            p = subprocess.run(["grep", "-nwHZ", "--", pat] + ch, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL)
            if p.returncode > 1:
                print("warning: grep exited %d for %r" % (p.returncode, pat), file=sys.stderr)
            for raw in p.stdout.split(b"\n"):
                if not raw:
                    continue
                if b"\0" not in raw:
                    binary += 1
                    continue
                fname, rest = raw.split(b"\0", 1)
                num = rest.split(b":", 1)[0]
                try:
                    hits.append((pat, norm(os.fsdecode(fname)), int(num)))
                except ValueError:
                    binary += 1
    return hits, binary


# --------------------------------------------------------------------------- ast resolver

# eventlet/__init__.py re-exports (eventlet 0.33): top-level name -> defining module name
TOP_LEVEL = {
    "connect": "convenience.connect", "listen": "convenience.listen", "serve": "convenience.serve",
    "StopServe": "convenience.StopServe", "wrap_ssl": "convenience.wrap_ssl",
    "Event": "event.Event", "GreenPool": "greenpool.GreenPool", "GreenPile": "greenpool.GreenPile",
    "sleep": "greenthread.sleep", "spawn": "greenthread.spawn", "spawn_n": "greenthread.spawn_n",
    "spawn_after": "greenthread.spawn_after", "kill": "greenthread.kill",
    "import_patched": "patcher.import_patched", "monkey_patch": "patcher.monkey_patch",
    "Queue": "queue.Queue", "Semaphore": "semaphore.Semaphore",
    "CappedSemaphore": "semaphore.CappedSemaphore", "BoundedSemaphore": "semaphore.BoundedSemaphore",
    "Timeout": "timeout.Timeout", "with_timeout": "timeout.with_timeout",
}

GREENTHREAD = "eventlet.greenthread.GreenThread"
# callee (canonical) -> type of the returned object, for instance tracking
CONSTRUCTORS = {
    "eventlet.greenpool.GreenPool": "eventlet.greenpool.GreenPool",
    "eventlet.greenpool.GreenPile": "eventlet.greenpool.GreenPile",
    "eventlet.event.Event": "eventlet.event.Event",
    "eventlet.timeout.Timeout": "eventlet.timeout.Timeout",
    "eventlet.greenthread.spawn": GREENTHREAD,
    "eventlet.greenthread.spawn_after": GREENTHREAD,
    "eventlet.greenthread.spawn_after_local": GREENTHREAD,
    "eventlet.greenthread.GreenThread": GREENTHREAD,
    "eventlet.corolocal.local": "eventlet.corolocal.local",
    "eventlet.lock.Lock": "eventlet.lock.Lock",
    # beyond the minimum list: other public eventlet classes whose instances have methods
    "eventlet.greenpool.GreenMap": "eventlet.greenpool.GreenMap",
    "eventlet.dagpool.DAGPool": "eventlet.dagpool.DAGPool",
    "eventlet.pools.Pool": "eventlet.pools.Pool",
    "eventlet.pools.TokenPool": "eventlet.pools.TokenPool",
}
for _n in ("Queue", "LightQueue", "LifoQueue", "PriorityQueue"):
    CONSTRUCTORS["eventlet.queue." + _n] = "eventlet.queue." + _n
for _n in ("Semaphore", "BoundedSemaphore", "CappedSemaphore"):
    CONSTRUCTORS["eventlet.semaphore." + _n] = "eventlet.semaphore." + _n
# methods of tracked instances whose result is itself an eventlet object
METHOD_RETURNS = {
    "eventlet.greenpool.GreenPool.spawn": GREENTHREAD,
}
# context managers whose __enter__ returns self (`with Timeout(5) as t`)
ENTER_RETURNS_SELF = {"eventlet.timeout.Timeout"}


def canonical(q):
    parts = q.split(".")
    if len(parts) >= 2 and parts[0] == "eventlet" and parts[1] in TOP_LEVEL:
        return "eventlet." + TOP_LEVEL[parts[1]] + ("." + ".".join(parts[2:]) if len(parts) > 2 else "")
    return q


class Scope:
    __slots__ = ("kind", "node", "parent", "raw", "bindings", "globals", "nonlocals", "name",
                 "self_name", "cls_scope", "attr_bindings")

    def __init__(self, kind, node, parent, name=""):
        self.kind = kind            # module, function, lambda, class, comprehension
        self.node = node
        self.parent = parent
        self.name = name
        self.raw = []               # (name, binding) before global/nonlocal redirection
        self.bindings = defaultdict(list)
        self.globals = set()
        self.nonlocals = set()
        self.self_name = None       # methods: name of the first parameter (self / cls)
        self.cls_scope = None       # methods: the class scope they are defined in
        self.attr_bindings = defaultdict(list)   # classes: attr -> bindings of self.attr


# binding forms: ("import", qname) | ("expr", node, scope) | ("with", node, scope)
#                | ("other", why) for every binding that cannot carry an eventlet value
OTHER = ("other", "binding")


class Collector(ast.NodeVisitor):
    """Builds the scope tree, the bindings of every scope and the list of Name loads."""

    def __init__(self, path, in_pkg):
        self.path = path
        self.in_pkg = in_pkg
        self.module = None
        self.scope = None
        self.scopes = []
        self.loads = []             # (Name node, scope, outermost attribute chain or None)
        self.imports = []           # (line, qname, end line)
        self.relative_imports = 0
        self.star_imports = 0
        self._chain_parent = {}
        self.dels = []              # (Name node, scope) of `del name`
        self.attr_cands = []        # (Name node, attr, value node, scope) of `name.attr = value`

    # --- helpers
    def push(self, kind, node, name=""):
        s = Scope(kind, node, self.scope, name)
        self.scopes.append(s)
        return s

    def bind(self, name, binding, scope=None):
        (scope or self.scope).raw.append((name, binding))

    def bind_target(self, target, binding_for_name):
        """Bind a target; Name targets get binding_for_name, names nested in tuples etc. OTHER.
        Non-name parts (attributes, subscripts) are visited for their loads."""
        if isinstance(target, ast.Name):
            self.bind(target.id, binding_for_name)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for e in target.elts:
                self.bind_target(e, binding_for_name if binding_for_name[0] == "other" else OTHER)
        elif isinstance(target, ast.Starred):
            self.bind_target(target.value, binding_for_name if binding_for_name[0] == "other" else OTHER)
        else:
            self.visit(target)

    def bind_pairwise(self, target, value):
        if isinstance(target, ast.Name):
            self.bind(target.id, ("expr", value, self.scope))
        elif isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name):
            # `self.attr = value` inside a method: resolved later (Resolver._self_attrs)
            self.attr_cands.append((target.value, target.attr, value, self.scope))
            self.visit(target)
        elif isinstance(target, (ast.Tuple, ast.List)) and isinstance(value, (ast.Tuple, ast.List)) \
                and len(target.elts) == len(value.elts) \
                and not any(isinstance(e, ast.Starred) for e in target.elts + value.elts):
            for t, v in zip(target.elts, value.elts):
                self.bind_pairwise(t, v)
        else:
            self.bind_target(target, ("other", "assignment (not a simple alias)"))

    # --- scopes
    def visit_Module(self, node):
        self.module = self.scope = self.push("module", node)
        for st in node.body:
            self.visit(st)

    def _visit_args_outer(self, args):
        for d in args.defaults:
            self.visit(d)
        for d in args.kw_defaults:
            if d is not None:
                self.visit(d)

    def _annotations(self, args):
        for a in args.posonlyargs + args.args + args.kwonlyargs + [args.vararg, args.kwarg]:
            if a is not None and a.annotation is not None:
                self.visit(a.annotation)

    def _bind_params(self, args):
        for a in args.posonlyargs + args.args + args.kwonlyargs + [args.vararg, args.kwarg]:
            if a is not None:
                self.bind(a.arg, ("other", "parameter"))

    def visit_FunctionDef(self, node):
        for d in node.decorator_list:
            self.visit(d)
        self._visit_args_outer(node.args)
        self._annotations(node.args)
        if node.returns is not None:
            self.visit(node.returns)
        for tp in getattr(node, "type_params", ()) or ():
            self.visit(tp)
        self.bind(node.name, ("other", "def"))
        outer = self.scope
        self.scope = self.push("function", node, node.name)
        if outer.kind == "class":
            static = any(isinstance(d, ast.Name) and d.id == "staticmethod" for d in node.decorator_list)
            params = node.args.posonlyargs + node.args.args
            if params and not static:
                self.scope.self_name = params[0].arg
                self.scope.cls_scope = outer
        self._bind_params(node.args)
        for st in node.body:
            self.visit(st)
        self.scope = outer

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node):
        self._visit_args_outer(node.args)
        outer = self.scope
        self.scope = self.push("lambda", node, "<lambda>")
        self._bind_params(node.args)
        self.visit(node.body)
        self.scope = outer

    def visit_ClassDef(self, node):
        for d in node.decorator_list:
            self.visit(d)
        for b in node.bases:
            self.visit(b)
        for k in node.keywords:
            self.visit(k)
        self.bind(node.name, ("other", "class"))
        outer = self.scope
        self.scope = self.push("class", node, node.name)
        for st in node.body:
            self.visit(st)
        self.scope = outer

    def _comprehension(self, node, elts):
        gens = node.generators
        self.visit(gens[0].iter)           # evaluated in the enclosing scope
        outer = self.scope
        self.scope = self.push("comprehension", node, "<comp>")
        for i, g in enumerate(gens):
            if i > 0:
                self.visit(g.iter)
            self.bind_target(g.target, ("other", "comprehension target"))
            for c in g.ifs:
                self.visit(c)
        for e in elts:
            self.visit(e)
        self.scope = outer

    def visit_ListComp(self, node):
        self._comprehension(node, [node.elt])

    visit_SetComp = visit_ListComp
    visit_GeneratorExp = visit_ListComp

    def visit_DictComp(self, node):
        self._comprehension(node, [node.key, node.value])

    # --- declarations and bindings
    def visit_Global(self, node):
        self.scope.globals.update(node.names)

    def visit_Nonlocal(self, node):
        self.scope.nonlocals.update(node.names)

    def visit_Import(self, node):
        for a in node.names:
            top = a.name.split(".")[0]
            if top == "eventlet":
                self.imports.append((node.lineno, a.name, node.end_lineno))
                if a.asname:
                    self.bind(a.asname, ("import", a.name))
                else:
                    self.bind("eventlet", ("import", "eventlet"))
            else:
                self.bind(a.asname or top, ("other", "import of another module"))

    def visit_ImportFrom(self, node):
        mod = node.module or ""
        if node.level:
            self.relative_imports += 1
            for a in node.names:
                if a.name != "*":
                    self.bind(a.asname or a.name, ("other", "relative import"))
            return
        is_ev = mod == "eventlet" or mod.startswith("eventlet.")
        if is_ev:
            self.imports.append((node.lineno, mod, node.end_lineno))
        for a in node.names:
            if a.name == "*":
                if is_ev:
                    self.star_imports += 1
                continue
            self.bind(a.asname or a.name, ("import", mod + "." + a.name) if is_ev else ("other", "import of another module"))

    def visit_Assign(self, node):
        self.visit(node.value)
        for t in node.targets:
            self.bind_pairwise(t, node.value)

    def visit_AnnAssign(self, node):
        self.visit(node.annotation)
        if node.value is not None:
            self.visit(node.value)
            self.bind_pairwise(node.target, node.value)
        else:
            self.bind_target(node.target, ("other", "annotation without value"))

    def visit_AugAssign(self, node):
        self.visit(node.value)
        if isinstance(node.target, ast.Name):
            self.bind(node.target.id, ("other", "augmented assignment"))
        else:
            self.visit(node.target)

    def visit_NamedExpr(self, node):
        self.visit(node.value)
        s = self.scope
        while s.kind == "comprehension":
            s = s.parent
        self.bind(node.target.id, ("expr", node.value, self.scope), s)

    def visit_For(self, node):
        self.visit(node.iter)
        self.bind_target(node.target, ("other", "for target"))
        for st in node.body + node.orelse:
            self.visit(st)

    visit_AsyncFor = visit_For

    def visit_With(self, node):
        for item in node.items:
            self.visit(item.context_expr)
            if item.optional_vars is not None:
                if isinstance(item.optional_vars, ast.Name):
                    self.bind(item.optional_vars.id, ("with", item.context_expr, self.scope))
                else:
                    self.bind_target(item.optional_vars, ("other", "with target"))
        for st in node.body:
            self.visit(st)

    visit_AsyncWith = visit_With

    def visit_ExceptHandler(self, node):
        if node.type is not None:
            self.visit(node.type)
        if node.name:
            self.bind(node.name, ("other", "except-as"))
        for st in node.body:
            self.visit(st)

    def visit_MatchAs(self, node):
        if node.pattern is not None:
            self.visit(node.pattern)
        if node.name:
            self.bind(node.name, ("other", "match pattern"))

    def visit_MatchStar(self, node):
        if node.name:
            self.bind(node.name, ("other", "match pattern"))

    def visit_MatchMapping(self, node):
        for k in node.keys:
            self.visit(k)
        for p in node.patterns:
            self.visit(p)
        if node.rest:
            self.bind(node.rest, ("other", "match pattern"))

    def visit_Attribute(self, node):
        # remember the outermost attribute chain of every Name so the report can show it
        base = node
        while isinstance(base, ast.Attribute):
            base = base.value
        if isinstance(base, ast.Name) and id(base) not in self._chain_parent:
            self._chain_parent[id(base)] = node
        self.generic_visit(node)

    def visit_Name(self, node):
        if isinstance(node.ctx, ast.Load):
            self.loads.append((node, self.scope, self._chain_parent.get(id(node))))
        else:                                 # Store / Del reached generically
            if isinstance(node.ctx, ast.Del):
                self.dels.append((node, self.scope))
            self.bind(node.id, ("other", "del" if isinstance(node.ctx, ast.Del) else "store"))


class Resolver:
    def __init__(self, col):
        self.col = col
        self.module = col.module
        self._memo = {}
        self._busy = set()
        self._finalize()
        self._self_attrs()

    def _finalize(self):
        for s in self.col.scopes:
            for name, b in s.raw:
                tgt = s
                if name in s.globals:
                    tgt = self.module
                elif name in s.nonlocals:
                    tgt = self._nonlocal_target(s, name) or s
                tgt.bindings[name].append(b)

    def _self_attrs(self):
        for name_node, attr, value, s in self.col.attr_cands:
            cls = self.self_class(name_node.id, s)
            if cls is not None:
                cls.attr_bindings[attr].append(("expr", value, s))

    def self_class(self, name, s):
        """The class scope when `name` in `s` is the self/cls parameter of one of its methods
        (bound only as that parameter), else None."""
        tgt = self.lookup(name, s)
        if tgt is None or tgt.cls_scope is None or tgt.self_name != name:
            return None
        if len(tgt.bindings[name]) != 1:
            return None
        return tgt.cls_scope

    def self_attr_values(self, cls, attr):
        """Values of `self.attr` in methods of class scope `cls`: every `self.attr = ...` of its
        methods plus class-level bindings of `attr` (instance lookup falls back to the class)."""
        key = ("attr", id(cls), attr)
        if key in self._memo:
            return self._memo[key]
        if key in self._busy:
            return frozenset()
        self._busy.add(key)
        out = set()
        for b in list(cls.attr_bindings.get(attr, ())) + list(cls.bindings.get(attr, ())):
            if b[0] == "import":
                out.add(("q", b[1]))
            elif b[0] == "expr":
                out |= self.expr_values(b[1], b[2])
        self._busy.discard(key)
        res = frozenset(out)
        self._memo[key] = res
        return res

    def _is_local_raw(self, s, name):
        return name not in s.globals and name not in s.nonlocals and any(n == name for n, _ in s.raw)

    def _nonlocal_target(self, s, name):
        p = s.parent
        while p is not None and p.kind != "module":
            if p.kind != "class":
                if name in p.globals:
                    return None
                if self._is_local_raw(p, name):
                    return p
            p = p.parent
        return None

    def lookup(self, name, s):
        """Scope whose binding a load of `name` in `s` refers to (None: builtin/unbound)."""
        if name in s.globals:
            return self.module if name in self.module.bindings else None
        if name in s.nonlocals:
            return self._nonlocal_target(s, name)
        if name in s.bindings:
            return s
        p = s.parent
        while p is not None:
            if p.kind == "class":
                p = p.parent
                continue
            if p.kind == "module":
                return p if name in p.bindings else None
            if name in p.globals:
                return self.module if name in self.module.bindings else None
            if name in p.bindings and name not in p.nonlocals:
                return p
            p = p.parent
        return None

    def name_values(self, name, s):
        tgt = self.lookup(name, s)
        if tgt is None:
            return frozenset()
        key = (id(tgt), name)
        if key in self._memo:
            return self._memo[key]
        if key in self._busy:
            return frozenset()
        self._busy.add(key)
        out = set()
        for b in tgt.bindings[name]:
            if b[0] == "import":
                out.add(("q", b[1]))
            elif b[0] == "expr":
                out |= self.expr_values(b[1], b[2])
            elif b[0] == "with":
                for v in self.expr_values(b[1], b[2]):
                    if v[0] == "inst" and v[1] in ENTER_RETURNS_SELF:
                        out.add(v)
        self._busy.discard(key)
        res = frozenset(out)
        self._memo[key] = res
        return res

    def expr_values(self, node, s):
        if isinstance(node, ast.Name):
            return self.name_values(node.id, s)
        if isinstance(node, ast.Attribute):
            out = set()
            if isinstance(node.value, ast.Name):
                cls = self.self_class(node.value.id, s)
                if cls is not None:
                    out |= self.self_attr_values(cls, node.attr)
                    return out
            for v in self.expr_values(node.value, s):
                if v[0] == "q":
                    out.add(("q", v[1] + "." + node.attr))
                elif v[0] == "inst":
                    out.add(("meth", v[1] + "." + node.attr))
            return out
        if isinstance(node, ast.Call):
            out = set()
            for v in self.expr_values(node.func, s):
                if v[0] == "q":
                    t = CONSTRUCTORS.get(canonical(v[1]))
                    if t:
                        out.add(("inst", t))
                elif v[0] == "meth" and v[1] in METHOD_RETURNS:
                    out.add(("inst", METHOD_RETURNS[v[1]]))
            return out
        if isinstance(node, ast.NamedExpr):
            return self.expr_values(node.value, s)
        if isinstance(node, ast.IfExp):           # `a if c else b` is one of a, b
            return self.expr_values(node.body, s) | self.expr_values(node.orelse, s)
        if isinstance(node, ast.BoolOp):          # `a or b` / `a and b` is one of its operands
            out = set()
            for v in node.values:
                out |= self.expr_values(v, s)
            return out
        return set()


def chain_text(name_node, chain):
    parts = []
    n = chain
    while isinstance(n, ast.Attribute):
        parts.append(n.attr)
        n = n.value
    return ".".join(reversed(parts))


def analyse_ast(path, text):
    """Run the resolver on one file. Returns (tree or None, records, info).
    records: list of (line, kind, detail, end_line); kind in import, ref, instance, string, env.
    `line` is where the usage starts (what recall counts); line..end_line is the span a
    finding may sit on and still be confirmed (multi-line imports and attribute chains)."""
    try:
        tree = ast.parse(text, filename=path)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None, [], None
    col = Collector(path, in_eventlet_package(path))
    col.visit(tree)
    res = Resolver(col)
    recs = []
    for line, q, end in col.imports:
        recs.append((line, "import", q, end or line))
    for name_node, scope, chain in col.loads:
        vals = res.name_values(name_node.id, scope)
        if not vals and chain is None:
            continue
        qs = sorted(v[1] for v in vals if v[0] == "q" and (v[1] == "eventlet" or v[1].startswith("eventlet.")))
        tail = chain_text(name_node, chain) if chain is not None else ""
        if qs:
            q = qs[0] + ("." + tail if tail else "")
            recs.append((name_node.lineno, "ref", q, (chain or name_node).end_lineno))
            continue
        insts = sorted(v[1] for v in vals if v[0] == "inst")
        if insts and chain is not None:
            recs.append((name_node.lineno, "instance", insts[0] + "." + tail, chain.end_lineno))
            continue
        meths = sorted(v[1] for v in vals if v[0] == "meth")
        if meths:                       # `spawn = pool.spawn`: a bound method of an instance
            recs.append((name_node.lineno, "instance", meths[0] + ("." + tail if tail else ""),
                         (chain or name_node).end_lineno))
            continue
        if chain is not None and not vals:
            cls = res.self_class(name_node.id, scope)
            if cls is None:
                continue
            first = chain
            while isinstance(first.value, ast.Attribute):
                first = first.value
            if not isinstance(first.ctx, ast.Load):
                continue                # `self.x = ...` / `del self.x` rebinds, it does not use
            avals = res.self_attr_values(cls, first.attr)
            rest = tail.split(".", 1)[1] if "." in tail else ""
            qs = sorted(v[1] for v in avals if v[0] == "q" and v[1].split(".")[0] == "eventlet")
            insts = sorted(v[1] for v in avals if v[0] == "inst")
            meths = sorted(v[1] for v in avals if v[0] == "meth")
            if qs or meths:
                recs.append((name_node.lineno, "selfattr", (qs or meths)[0] + ("." + rest if rest else ""),
                             chain.end_lineno))
            elif insts and rest:
                recs.append((name_node.lineno, "selfattr", insts[0] + "." + rest, chain.end_lineno))
    # strings
    skip = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            b = node.body
            if b and isinstance(b[0], ast.Expr) and isinstance(b[0].value, ast.Constant):
                skip.add(id(b[0].value))
        elif isinstance(node, ast.JoinedStr):
            for v in node.values:
                skip.add(id(v))
        elif isinstance(node, ast.FormattedValue) and node.format_spec is not None:
            for v in ast.walk(node.format_spec):
                skip.add(id(v))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            if EVENTLET_NAME_RE.match(node.value):
                recs.append((node.lineno, "string", node.value, node.end_lineno))
            elif EVENTLET_ENV_RE.match(node.value):
                recs.append((node.lineno, "env", node.value, node.end_lineno))
    info = {"relative_imports": col.relative_imports, "star_imports": col.star_imports}
    return tree, recs, info


class Explainer:
    """Why the resolver does not confirm a finding at line:col1 (1-based character column):
    what Python's scoping says about the name found there. explain() -> (category, text)."""

    def __init__(self, path, text, lines):
        self.lines = lines
        try:
            tree = ast.parse(text, filename=path)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            self.col = None
            return
        self.col = Collector(path, False)
        self.col.visit(tree)
        self.res = Resolver(self.col)

    def explain(self, line, col1):
        if self.col is None:
            return "unparsable", "file does not parse"
        c0 = col1 - 1
        lines = self.lines

        def at(node):
            return node.lineno == line and byte_to_char(lines, line, node.col_offset) == c0

        for n, sc in self.col.dels:
            if at(n):
                return "del statement", "`del %s`: a deletion, not a use" % n.id
        for n, sc, chain in self.col.loads:
            if not at(n):
                continue
            text = n.id + ("." + chain_text(n, chain) if chain is not None else "")
            vals = self.res.name_values(n.id, sc)
            if any(v[0] in ("q", "meth") for v in vals):
                return "other line", "`%s` resolves to eventlet (resolver has it on another line)" % text
            cls = self.res.self_class(n.id, sc) if chain is not None else None
            if cls is not None:
                first = chain
                while isinstance(first.value, ast.Attribute):
                    first = first.value
                avals = self.res.self_attr_values(cls, first.attr)
                if any(v[0] == "inst" for v in avals):
                    return ("bare use of a tracked self attribute",
                            "`%s`: self.%s holds an eventlet instance, but no attribute of it is used"
                            % (text, first.attr))
                return ("self attribute without eventlet value",
                        "`%s`: no method of class %s assigns an eventlet value to self.%s and the class "
                        "body does not bind it (base classes are not followed)" % (text, cls.name, first.attr))
            if any(v[0] == "inst" for v in vals):
                if chain is None:
                    return ("bare use of a tracked instance",
                            "`%s`: bare use of a tracked instance (only attribute access counts)" % text)
                return "tracked instance", "`%s`: tracked instance" % text
            tgt = self.res.lookup(n.id, sc)
            if tgt is None:
                return "unbound name", "`%s`: `%s` is unbound in Python's scoping here" % (text, n.id)
            why = sorted(set(b[1] if b[0] == "other" else
                             {"expr": "assignment", "with": "with target", "import": "import"}[b[0]]
                             for b in tgt.bindings[n.id]))
            if chain is not None:
                cat = "attribute of a non-eventlet object (%s)" % ("self/cls" if n.id in ("self", "cls")
                                                                  else ", ".join(why))
                return cat, "`%s`: `%s` bound in %s scope by %s; resolver tracks plain names only" % (
                    text, n.id, tgt.kind, ", ".join(why))
            return ("name bound by %s" % ", ".join(why),
                    "`%s`: bound in %s scope by %s; no eventlet import, alias or instance reaches it"
                    % (text, tgt.kind, ", ".join(why)))
        return "no name at the column", "no Name load starts at this column"


# --------------------------------------------------------------------------- binary

IGNORE_NOQA = False
SUPPRESSED = []  # findings a coded `# noqa: ELnnn` hides (reported by check as suppressed)


def run_check(binary, files, chunk, jobs):
    """Returns (findings, errors, seconds). findings: list of dicts with a normalised 'path'."""
    findings = []
    errors = []
    t0 = time.monotonic()
    for ch in chunks(files, chunk):
        # Default options, as a user runs it: a bare `# noqa` (flake8's) hides nothing, and what a
        # coded `# noqa: ELnnn` hides comes with "suppressed": true and is counted apart below.
        cmd = [binary, "check", "--format", "json", "--exit-zero"]
        if IGNORE_NOQA:
            cmd.append("--ignore-noqa")
        if jobs:
            cmd += ["-j", str(jobs)]
        try:
            p = subprocess.run(cmd + ch, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        except OSError as e:
            errors.append("cannot run %s: %s" % (binary, e))
            break
        if p.returncode != 0:
            errors.append("exit %d on a chunk of %d files: %s" % (
                p.returncode, len(ch), p.stderr.decode("utf-8", "replace").strip()[:300]))
        try:
            arr = json.loads(p.stdout.decode("utf-8", "replace") or "[]")
        except ValueError as e:
            errors.append("invalid JSON from check: %s (first bytes: %r)" % (e, p.stdout[:120]))
            continue
        if not isinstance(arr, list):
            errors.append("check output is not a JSON array")
            continue
        for f in arr:
            if f.get("suppressed"):
                SUPPRESSED.append(f)
                continue
            try:
                f["path"] = norm(f["path"])
                f["line"] = int(f["line"])
                f["column"] = int(f.get("column") or 1)
            except (KeyError, TypeError, ValueError):
                errors.append("malformed finding: %r" % (f,))
                continue
            findings.append(f)
    return findings, errors, time.monotonic() - t0


# --------------------------------------------------------------------------- main

class FileData:
    def __init__(self, path):
        self.path = path
        self.text, self.lines = read_source(path)
        self.tree = None
        self.recs = []
        self.info = None
        self._tm = None

    def tokens(self):
        if self._tm is None:
            self._tm = TokenMap(self.text or "", self.lines or [""], self.tree)
        return self._tm

    def src(self, line):
        if self.lines and 0 < line <= len(self.lines):
            return self.lines[line - 1].rstrip("\r")
        return ""


def spread(keys):
    """Reorder (path, line) keys round-robin over files, so examples cover many files."""
    per = {}
    for k in keys:
        per.setdefault(k[0], []).append(k)
    out = []
    depth = 0
    while len(out) < len(keys):
        for lst in per.values():
            if depth < len(lst):
                out.append(lst[depth])
        depth += 1
    return out


def short(path, root):
    try:
        r = os.path.relpath(path, root)
        return path if r.startswith("..") else r
    except ValueError:
        return path


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Accuracy of `eventlet-lsp check` against the seed's greps and an independent "
                    "ast-based resolver, on the Eventlet subset of the corpus.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Exit status: 0 ok, 1 a finding lies in a comment/docstring/string, "
               "2 the binary or inputs could not be used.")
    ap.add_argument("--corpus", default=DEFAULT_CORPUS,
                    help="corpus directory (default: %(default)s)")
    ap.add_argument("--binary", default=DEFAULT_BINARY, help="eventlet-lsp binary (default: %(default)s)")
    ap.add_argument("--list", dest="list_file",
                    help="file with one path per line (default: CORPUS/eventlet-files.txt)")
    ap.add_argument("--report-misses", type=int, default=15, metavar="N",
                    help="examples to print per category (default: %(default)s)")
    ap.add_argument("--no-binary", action="store_true",
                    help="only run the greps and the ast resolver (no check)")
    ap.add_argument("--chunk", type=int, default=200, help="files per check invocation (default: %(default)s)")
    ap.add_argument("-j", "--jobs", type=int, default=0, help="pass -j N to check (default: its own)")
    ap.add_argument("--dump-resolver", metavar="FILE",
                    help="write the resolver's records (path:line kind detail) to FILE")
    ap.add_argument("--ignore-noqa", action="store_true",
                    help="pass --ignore-noqa to check (default: the options a user runs with)")
    args = ap.parse_args(argv)
    global IGNORE_NOQA
    IGNORE_NOQA = args.ignore_noqa

    list_file = args.list_file or os.path.join(args.corpus, "eventlet-files.txt")
    try:
        with open(list_file, encoding="utf-8") as f:
            files = [norm(l.rstrip("\n")) for l in f if l.strip()]
    except OSError as e:
        print("error: cannot read file list %s: %s (run shared/corpus/fetch-corpus.sh)" % (list_file, e),
              file=sys.stderr)
        return 2
    root = os.path.join(args.corpus, "pkgs") if os.path.isdir(os.path.join(args.corpus, "pkgs")) \
        else os.path.dirname(list_file)
    N = max(0, args.report_misses)
    print("files: %d (from %s)" % (len(files), list_file))

    # ---- data per file, ast resolver
    t0 = time.monotonic()
    data = {}
    parse_fail = []
    unreadable = []
    pkg_files = 0
    pkg_rel_files = 0
    star_files = 0
    for p in files:
        fd = FileData(p)
        data[p] = fd
        if fd.text is None:
            unreadable.append(p)
            continue
        tree, recs, info = analyse_ast(p, fd.text)
        fd.tree, fd.recs, fd.info = tree, recs, info
        if tree is None:
            parse_fail.append(p)
            continue
        if in_eventlet_package(p):
            pkg_files += 1
            if info["relative_imports"]:
                pkg_rel_files += 1
        if info["star_imports"]:
            star_files += 1
    t_ast = time.monotonic() - t0

    res_lines = {}                      # (path, line) -> [(kind, detail)]
    res_span = set()                    # every line of every usage (for confirming findings)
    for p, fd in data.items():
        for line, kind, detail, end in fd.recs:
            res_lines.setdefault((p, line), []).append((kind, detail))
            for l2 in range(line, max(line, end) + 1):
                res_span.add((p, l2))
    res_kinds = Counter(k for v in res_lines.values() for k in set(x[0] for x in v))

    # ---- greps
    t0 = time.monotonic()
    hits, grep_binary = run_greps(files)
    t_grep = time.monotonic() - t0
    grep_class = {}                     # (path, line) -> kind
    for pat, p, line in hits:
        key = (p, line)
        fd = data.get(p)
        if fd is None or fd.text is None:
            grep_class.setdefault(key, "unknown")
            continue
        tm = fd.tokens()
        text = fd.src(line)
        kinds = [tm.classify_span(line, m.start(), m.end()) for m in grep_word_regex(pat).finditer(text)]
        kind = "code" if "code" in kinds else (kinds[0] if kinds else "unknown")
        prev = grep_class.get(key)
        if prev is None or prev == "unknown" or kind == "code":
            grep_class[key] = kind
    grep_code = {k for k, v in grep_class.items() if v == "code"}
    gc = Counter(grep_class.values())

    print()
    print("== seed greps (grep -nw, 4 patterns) ==")
    per_pat = Counter(h[0] for h in hits)
    print("grep hits (lines the seed script would write): %d   [%s]" % (
        len(hits), ", ".join("%r: %d" % (p, per_pat[p]) for p in SEED_PATTERNS)))
    print("distinct hit lines: %d; real code: %d; comment: %d; string: %d; docstring: %d; unknown: %d"
          % (len(grep_class), gc["code"], gc["comment"], gc["string"], gc["docstring"], gc["unknown"]))
    if grep_binary:
        print("grep 'Binary file ... matches' lines (no line number): %d" % grep_binary)
    gc_conf = sum(1 for k in grep_code if k in res_lines)
    print("real-code grep lines also found by the ast resolver: %d/%d (%s)"
          % (gc_conf, len(grep_code), pct(gc_conf, len(grep_code))))

    print()
    print("== ast resolver ==")
    print("parsed: %d; failed to parse (skipped): %d; unreadable: %d"
          % (len(files) - len(parse_fail) - len(unreadable), len(parse_fail), len(unreadable)))
    print("eventlet's own package: %d files, %d of them with relative imports (not resolved; "
          "absolute imports resolved)" % (pkg_files, pkg_rel_files))
    if star_files:
        print("files with `from eventlet... import *` (names not bound): %d" % star_files)
    print("resolver lines: %d  (lines with import: %d, reference: %d, instance attribute: %d, "
          "self.attr instance/alias: %d, eventlet-name string: %d, EVENTLET_* string: %d)   [%.1fs]"
          % (len(res_lines), res_kinds["import"], res_kinds["ref"], res_kinds["instance"],
             res_kinds["selfattr"], res_kinds["string"], res_kinds["env"], t_ast))
    for p in parse_fail[:N]:
        print("  parse failure: %s" % short(p, root))

    if args.dump_resolver:
        with open(args.dump_resolver, "w", encoding="utf-8") as out:
            for (p, line), v in sorted(res_lines.items()):
                for kind, detail in v:
                    out.write("%s:%d\t%s\t%s\n" % (p, line, kind, detail))

    if args.no_binary:
        print("\n(--no-binary: check not run)")
        return 0
    if not (os.path.isfile(args.binary) and os.access(args.binary, os.X_OK)):
        print("\nerror: binary not found or not executable: %s" % args.binary, file=sys.stderr)
        return 2

    # ---- check
    findings, errors, t_check = run_check(args.binary, files, max(1, args.chunk), args.jobs)
    for e in errors[:10]:
        print("check error: %s" % e, file=sys.stderr)
    if errors and not findings:
        return 2
    fset = {}
    for f in findings:
        fset.setdefault((f["path"], f["line"]), []).append(f)
    outside = [f for f in findings if f["path"] not in data]

    # findings in comments / strings / docstrings
    bad = []
    for f in findings:
        fd = data.get(f["path"])
        if fd is None or fd.text is None:
            continue
        tm = fd.tokens()
        lk = tm.line_kind(f["line"])
        pk = tm.classify_pos(f["line"], f["column"] - 1)
        code = f.get("code", "")
        if lk in ("comment", "docstring"):
            bad.append((f, "line is a " + lk))
        elif pk in ("comment", "docstring"):
            bad.append((f, "position inside a " + pk))
        elif code in STRING_CODES:
            pass                          # legitimately on a (non-doc) string literal
        elif pk == "string" or lk == "string":
            bad.append((f, "position inside a string"))

    grep_found = grep_code & set(fset)
    res_found = set(res_lines) & set(fset)
    confirmed = {k for k in fset if k in res_span or k in grep_code}
    codes = Counter(f.get("code", "?") for f in findings)

    print()
    print("== eventlet-lsp check ==")
    print("findings: %d on %d distinct lines in %d files   [%.1fs, %d invocation(s)]"
          % (len(findings), len(fset), len(set(k[0] for k in fset)), t_check,
             (len(files) + args.chunk - 1) // max(1, args.chunk)))
    print("by code: " + ", ".join("%s %d" % kv for kv in sorted(codes.items())))
    if outside:
        print("findings on paths not in the list: %d" % len(outside))

    print()
    print("== accuracy ==")
    print("recall on grep real-code lines:  %d/%d = %s" % (len(grep_found), len(grep_code),
                                                        pct(len(grep_found), len(grep_code))))
    gr_both = grep_code & set(res_lines)
    print("  (on those the resolver also confirms: %d/%d = %s)"
          % (len(gr_both & set(fset)), len(gr_both), pct(len(gr_both & set(fset)), len(gr_both))))
    print("recall on ast-resolver lines:    %d/%d = %s" % (len(res_found), len(res_lines),
                                                        pct(len(res_found), len(res_lines))))
    print("hidden by a coded `# noqa: ELnnn` (suppressed, counted apart): %d%s"
          % (len(SUPPRESSED), " (--ignore-noqa)" if IGNORE_NOQA else ""))
    for kind in ("import", "ref", "instance", "selfattr", "string", "env"):
        ks = {k for k, v in res_lines.items() if any(x[0] == kind for x in v)}
        if ks:
            print("  %-9s %d/%d = %s" % (kind, len(ks & set(fset)), len(ks), pct(len(ks & set(fset)), len(ks))))
    print("precision (finding lines confirmed by resolver or grep real code): %d/%d = %s"
          % (len(confirmed), len(fset), pct(len(confirmed), len(fset))))
    pk_f = {k for k in fset if in_eventlet_package(k[0])}
    if pk_f:
        c2 = {k for k in confirmed if k not in pk_f}
        print("  excluding eventlet's own package: %d/%d = %s"
              % (len(c2), len(fset) - len(pk_f), pct(len(c2), len(fset) - len(pk_f))))
    print("findings in a comment / docstring / string (must be 0): %d" % len(bad))

    def show(title, items):
        if not items or N == 0:
            return
        print()
        print("-- %s (%d; showing %d) --" % (title, len(items), min(N, len(items))))
        for line in items[:N]:
            print(line)

    def loc(p, line):
        return "%s:%d" % (short(p, root), line)

    ex = []
    for f, why in bad:
        fd = data[f["path"]]
        ex.append("  %s:%d %s %s (%s)\n      | %s" % (short(f["path"], root), f["line"], f["column"],
                                                    f.get("code"), why, fd.src(f["line"]).strip()))
    show("FINDINGS IN COMMENTS/STRINGS/DOCSTRINGS", ex)

    miss_res = spread(sorted(set(res_lines) - set(fset)))
    ex = []
    by_kind = Counter()
    for k in miss_res:
        kinds = res_lines[k]
        by_kind.update(set(x[0] for x in kinds))
        ex.append("  %s  [%s]\n      | %s" % (loc(*k), "; ".join("%s %s" % x for x in kinds[:3]),
                                             data[k[0]].src(k[1]).strip()))
    show("missed resolver lines (by kind: %s)" % ", ".join("%s %d" % kv for kv in by_kind.most_common()), ex)

    miss_grep = sorted(grep_code - set(fset))
    miss_grep = spread([k for k in miss_grep if k in res_lines]) + spread([k for k in miss_grep if k not in res_lines])
    ex = ["  %s  [resolver: %s]\n      | %s" % (loc(*k), "yes" if k in res_lines else "no",
                                              data[k[0]].src(k[1]).strip()) for k in miss_grep]
    show("missed grep real-code lines (resolver: no = grep noise such as eventlet_monkey_patch)", ex)

    fps = spread(sorted(set(fset) - confirmed))
    fp_codes = Counter(f.get("code", "?") for k in fps for f in fset[k])
    explainers = {}
    fp_why = Counter()
    ex = []
    for k in fps:
        fs = fset[k]
        desc = "; ".join("%s %s" % (f.get("code", "?"), f.get("qualified_name") or f.get("name", ""))
                         for f in fs[:3])
        fd = data.get(k[0])
        why = ""
        if fd is not None and fd.text is not None:
            if k[0] not in explainers:
                explainers[k[0]] = Explainer(k[0], fd.text, fd.lines)
            cat, why = explainers[k[0]].explain(k[1], fs[0]["column"])
            fp_why[cat] += 1
        ex.append("  %s:%d  [%s]\n      | %s\n      why: %s" % (
            short(k[0], root), k[1], desc, (fd.src(k[1]) if fd else "").strip(), why))
    if fp_why:
        print()
        print("unconfirmed finding lines by what the resolver sees at the finding's column:")
        for cat, n in fp_why.most_common():
            print("  %5d  %s" % (n, cat))
    show("unconfirmed finding lines (possible false positives; by code: %s)"
         % ", ".join("%s %d" % kv for kv in fp_codes.most_common()), ex)

    print()
    if bad:
        print("FAIL: %d finding(s) lie in comments, docstrings or strings" % len(bad))
        return 1
    print("OK: no finding lies in a comment, docstring or string")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
