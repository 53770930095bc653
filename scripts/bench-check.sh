#!/usr/bin/env bash
# Benchmark `eventlet-lsp check` against the migration guide's four-grep script.
#
# Measured in the same run, on the corpus built by shared/corpus/fetch-corpus.sh:
#   1. wall time of the seed's "Locate your Eventlet Usages" script (run as the guide
#      writes it, from inside CORPUS/pkgs, its output going to a temp file instead of
#      ./eventlet_instances.txt) vs `eventlet-lsp check --format json --exit-zero pkgs`
#      (default threads): one warm-up run each, then N interleaved runs; best and median;
#   2. `check -j 1` vs `check -j 2` on the eventlet subset (CORPUS/eventlet-files.txt);
#   3. peak RSS of check on the subset vs on the whole tree.
# Prints ratios and PASS/FAIL against the targets, for best-of-N and for the median:
# check <= 1.5x grep, and -j 2 >= 1.8x faster than -j 1. It is a benchmark, not a test: the exit status
# is 0 unless something failed to run (2).
set -uo pipefail

CORPUS=${XDG_CACHE_HOME:-$HOME/.cache}/eventlet-corpus
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BINARY=$(dirname "$SCRIPT_DIR")/build/server/eventlet-lsp
RUNS=3
TARGET_GREP_RATIO=1.5
TARGET_J_SPEEDUP=1.8

usage() {
  cat <<EOF
Usage: $(basename "$0") [--corpus DIR] [--binary PATH] [--runs N]

Times the migration guide's four-grep script against
'eventlet-lsp check --format json --exit-zero' on the whole corpus tree (DIR/pkgs),
then 'check -j 1' vs '-j 2' on the eventlet subset (DIR/eventlet-files.txt), then
peak RSS of check on the subset vs the whole tree.

  --corpus DIR   corpus built by shared/corpus/fetch-corpus.sh (default: $CORPUS)
  --binary PATH  eventlet-lsp binary (default: $BINARY)
  --runs N       timed runs per command after one warm-up run (default: $RUNS)
  -h, --help     this help

Targets: check <= ${TARGET_GREP_RATIO}x grep; -j 2 >= ${TARGET_J_SPEEDUP}x faster than -j 1
(verdicts for best-of-N and for the median).
Exit status: 0 when everything ran (whatever the verdicts), 2 when something failed to run.
EOF
}

while (($#)); do
  case $1 in
    --corpus) CORPUS=${2:?--corpus needs a value}; shift 2 ;;
    --corpus=*) CORPUS=${1#*=}; shift ;;
    --binary) BINARY=${2:?--binary needs a value}; shift 2 ;;
    --binary=*) BINARY=${1#*=}; shift ;;
    --runs) RUNS=${2:?--runs needs a value}; shift 2 ;;
    --runs=*) RUNS=${1#*=}; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "--runs must be a positive integer" >&2; exit 2; }

CORPUS=$(cd "$CORPUS" 2>/dev/null && pwd) || { echo "no corpus directory (run shared/corpus/fetch-corpus.sh)" >&2; exit 2; }
[[ -d $CORPUS/pkgs ]] || { echo "no $CORPUS/pkgs (run shared/corpus/fetch-corpus.sh)" >&2; exit 2; }
SUBSET_LIST=$CORPUS/eventlet-files.txt
[[ -s $SUBSET_LIST ]] || { echo "no $SUBSET_LIST (run shared/corpus/fetch-corpus.sh)" >&2; exit 2; }
case $BINARY in /*) ;; *) BINARY=$PWD/$BINARY ;; esac

TMP=$(mktemp -d "${TMPDIR:-/tmp}/bench-check.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
FAILED=0

# The guide's script, verbatim except that its output file is a temp file outside the tree
# (writing ./eventlet_instances.txt inside the tree would pollute the corpus and be grepped
# by the following greps of the same run).
SEED=$TMP/locate-eventlet.sh
OUT=$TMP/eventlet_instances.txt
cat > "$SEED" <<'EOF'
#!/bin/bash
echo "Searching Eventlet Instances..."
grep -rnw 'import eventlet' . > eventlet_instances.txt
grep -rnw 'from eventlet' . >> eventlet_instances.txt
grep -rnw 'eventlet.spawn' . >> eventlet_instances.txt
grep -rnw 'eventlet.monkey_patch' . >> eventlet_instances.txt
echo "Results saved at eventlet_instances.txt"
EOF
sed -i "s|> eventlet_instances.txt|> '$OUT'|; s|>> eventlet_instances.txt|>> '$OUT'|" "$SEED"

if [[ -n ${EPOCHREALTIME:-} ]]; then
  now_us() { local t=$EPOCHREALTIME; t=${t/[.,]/}; echo "$t"; }
else
  now_us() { echo $(( $(date +%s%N) / 1000 )); }
fi

# time_cmd LABEL CMD... : runs CMD, appends seconds to $TMP/LABEL.times; stdout/stderr to files
time_cmd() {
  local label=$1; shift
  local t0 t1 rc
  t0=$(now_us)
  "$@" >"$TMP/$label.out" 2>"$TMP/$label.err"
  rc=$?
  t1=$(now_us)
  if ((rc != 0)); then
    echo "  $label: exit $rc: $(head -c 300 "$TMP/$label.err")" >&2
    FAILED=1
  fi
  awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.6f\n", (b-a)/1e6}' >> "$TMP/$label.times"
  return $rc
}

runs_of() { sort -g "$1" | awk '{printf "%s%.3f", (NR>1?" ":""), $1}'; }

stats() { # file -> "best median"
  sort -g "$1" | awk '{v[NR]=$1} END{ if (NR==0) {print "nan nan"; exit}
    m = (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2; printf "%.3f %.3f\n", v[1], m }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b+0==0) print "nan"; else printf "%.2f", a/b }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN{ exit !(a+0 <= b+0) }'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN{ exit !(a+0 >= b+0) }'; }

run_grep() { (cd "$CORPUS/pkgs" && bash "$SEED"); }
run_check_tree() { (cd "$CORPUS" && "$BINARY" check --format json --exit-zero pkgs); }
mapfile -t SUBSET < "$SUBSET_LIST"
run_check_subset() { "$BINARY" check --format json --exit-zero -j "$1" "${SUBSET[@]}"; }
run_check_subset_default() { "$BINARY" check --format json --exit-zero "${SUBSET[@]}"; }

count_findings() { # json file
  python3 -c 'import json,sys
try:
    a=json.load(open(sys.argv[1], encoding="utf-8", errors="replace"))
    print(len(a) if isinstance(a, list) else "not-an-array")
except Exception as e:
    print("invalid-json")' "$1"
}

peak_rss_kb() { # CMD... -> prints max RSS in KiB on stdout; command output discarded
  if /usr/bin/time -v true >/dev/null 2>&1; then
    /usr/bin/time -v -o "$TMP/rss.txt" "$@" >/dev/null 2>"$TMP/rss.err"
    local rc=$?
    ((rc == 0)) || { echo "  rss run: exit $rc: $(head -c 300 "$TMP/rss.err")" >&2; FAILED=1; }
    awk -F': ' '/Maximum resident set size/{print $2}' "$TMP/rss.txt"
  else
    python3 -c 'import resource, subprocess, sys
rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(rc)' "$@" || { echo "  rss run failed" >&2; FAILED=1; }
  fi
}

n_tree_py=$(wc -l < "$CORPUS/files.txt" 2>/dev/null || echo "?")
echo "corpus: $CORPUS"
echo "  whole tree: pkgs/ ($(find "$CORPUS/pkgs" -type f | wc -l) files, $n_tree_py .py, $(du -sh "$CORPUS/pkgs" | cut -f1))"
echo "  subset:     ${#SUBSET[@]} files from eventlet-files.txt"
echo "binary: $BINARY"
echo "cpus: $(nproc 2>/dev/null || echo ?), runs: $RUNS (+1 warm-up each), load average at start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?)"
echo

HAVE_BIN=1
if [[ ! -x $BINARY ]]; then
  echo "binary not found or not executable: $BINARY (only grep is timed)" >&2
  HAVE_BIN=0
  FAILED=1
fi

# ---------------------------------------------------------------- 1. grep vs check (tree)
echo "== 1. seed four-grep script vs check, whole tree =="
time_cmd warm_grep run_grep
echo "  seed script wrote $(wc -l < "$OUT") lines"
if ((HAVE_BIN)); then
  time_cmd warm_check run_check_tree
  echo "  check reported $(count_findings "$TMP/warm_check.out") findings"
fi
for ((i = 1; i <= RUNS; i++)); do
  time_cmd grep run_grep
  ((HAVE_BIN)) && time_cmd check run_check_tree
done
read -r g_best g_med < <(stats "$TMP/grep.times")
printf '  %-34s best %8.3fs  median %8.3fs   (runs: %s)\n' "grep (seed script)" "$g_best" "$g_med" "$(runs_of "$TMP/grep.times")"
if ((HAVE_BIN)); then
  read -r c_best c_med < <(stats "$TMP/check.times")
  printf '  %-34s best %8.3fs  median %8.3fs   (runs: %s)\n' "check --format json pkgs" "$c_best" "$c_med" "$(runs_of "$TMP/check.times")"
  r_best=$(ratio "$c_best" "$g_best"); r_med=$(ratio "$c_med" "$g_med")
  if le "$r_best" "$TARGET_GREP_RATIO"; then vb=PASS; else vb=FAIL; fi
  if le "$r_med" "$TARGET_GREP_RATIO"; then vm=PASS; else vm=FAIL; fi
  echo "  check/grep: best ${r_best}x, median ${r_med}x   target <= ${TARGET_GREP_RATIO}x: best $vb, median $vm"
fi
echo

if ((HAVE_BIN)); then
  # ------------------------------------------------------------ 2. -j 1 vs -j 2 (subset)
  echo "== 2. check -j 1 vs -j 2, eventlet subset (${#SUBSET[@]} files) =="
  time_cmd warm_j1 run_check_subset 1
  time_cmd warm_j2 run_check_subset 2
  for ((i = 1; i <= RUNS; i++)); do
    time_cmd j1 run_check_subset 1
    time_cmd j2 run_check_subset 2
  done
  read -r j1_best j1_med < <(stats "$TMP/j1.times")
  read -r j2_best j2_med < <(stats "$TMP/j2.times")
  printf '  %-34s best %8.3fs  median %8.3fs   (runs: %s)\n' "check -j 1" "$j1_best" "$j1_med" "$(runs_of "$TMP/j1.times")"
  printf '  %-34s best %8.3fs  median %8.3fs   (runs: %s)\n' "check -j 2" "$j2_best" "$j2_med" "$(runs_of "$TMP/j2.times")"
  s_best=$(ratio "$j1_best" "$j2_best"); s_med=$(ratio "$j1_med" "$j2_med")
  if ge "$s_best" "$TARGET_J_SPEEDUP"; then vb=PASS; else vb=FAIL; fi
  if ge "$s_med" "$TARGET_J_SPEEDUP"; then vm=PASS; else vm=FAIL; fi
  echo "  j1/j2 speed-up: best ${s_best}x, median ${s_med}x   target >= ${TARGET_J_SPEEDUP}x: best $vb, median $vm"
  if ! cmp -s "$TMP/warm_j1.out" "$TMP/warm_j2.out"; then
    if [[ $(count_findings "$TMP/warm_j1.out") == "$(count_findings "$TMP/warm_j2.out")" ]]; then
      echo "  note: -j 1 and -j 2 outputs differ in order only (same count)"
    else
      echo "  WARNING: -j 1 and -j 2 report different numbers of findings"
    fi
  fi
  echo

  # ------------------------------------------------------------ 3. peak RSS
  echo "== 3. peak RSS of check (default threads) =="
  rss_sub=$(peak_rss_kb "$BINARY" check --format json --exit-zero "${SUBSET[@]}")
  rss_tree=$(cd "$CORPUS" && peak_rss_kb "$BINARY" check --format json --exit-zero pkgs)
  printf '  %-34s %8s KiB\n' "subset (${#SUBSET[@]} files)" "${rss_sub:-?}"
  printf '  %-34s %8s KiB\n' "whole tree ($n_tree_py .py files)" "${rss_tree:-?}"
  if [[ -n ${rss_sub:-} && -n ${rss_tree:-} ]]; then
    echo "  tree/subset RSS: $(ratio "$rss_tree" "$rss_sub")x for $(ratio "$n_tree_py" "${#SUBSET[@]}")x the files"
  fi
  echo
fi

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?) (other work on this machine skews timings)"
if ((FAILED)); then
  echo "something failed to run (see messages above)"
  exit 2
fi
exit 0
