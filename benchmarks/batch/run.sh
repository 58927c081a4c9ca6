#!/usr/bin/env bash
# SPDX-License-Identifier: BSL-1.0
#
# The batch benchmark (issue 7): generates N reports, then measures `fisc check` and the Python
# baseline (benchmarks/python/check.py) on the same folder: load + check throughput (reports/s,
# MB/s) and peak memory (max RSS), and their ratio. It reports figures and never asserts them.
#
#   benchmarks/batch/run.sh [options] BUILD_DIR
#
# Options:
#   --counts "N1 N2 ..."  report counts to run, in this order (default "2000 20000")
#   --work DIR            where the reports are written (default: a new folder under $TMPDIR,
#                         removed at the end unless --keep)
#   --keep                keep the generated reports
#   --copy FILE           instead of running fisc-gen, fill each folder with N copies of the
#                         given report files in turn (repeatable; for trying the script out)
#   --seed S              fisc-gen's --seed (default 1)
#   --error-rate R        fisc-gen's --error-rate (default 0.1)
#   -h, --help            print this help
#
# BUILD_DIR is a fisc build folder: the script runs its `fisc` and `fisc-gen` programs
# (FISC and FISC_GEN in the environment override where they are looked for; PYTHON the
# interpreter, default python3). Needs GNU time as /usr/bin/time (Debian package `time`).

set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
baseline="$root/benchmarks/python/check.py"

counts="2000 20000"
work=""
keep=0
copies=()
seed=1
error_rate=0.1
build=""

usage() { sed -n '4,23p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
die() { echo "run.sh: $*" >&2; exit 2; }

while (($#)); do
  case "$1" in
    --counts) counts=${2:?--counts needs a value}; shift 2 ;;
    --work) work=${2:?--work needs a folder}; shift 2 ;;
    --keep) keep=1; shift ;;
    --copy) copies+=("${2:?--copy needs a file}"); shift 2 ;;
    --seed) seed=${2:?--seed needs a value}; shift 2 ;;
    --error-rate) error_rate=${2:?--error-rate needs a value}; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) die "unknown option '$1' (try --help)" ;;
    *) [[ -z $build ]] || die "one BUILD_DIR only"; build=$1; shift ;;
  esac
done
[[ -n $build ]] || { usage >&2; exit 2; }
[[ -d $build ]] || die "no build folder '$build'"
for n in $counts; do [[ $n =~ ^[1-9][0-9]*$ ]] || die "--counts: '$n' is not a count"; done

[[ -x /usr/bin/time ]] && /usr/bin/time -f '%e' true 2>/dev/null ||
  die "GNU time is needed as /usr/bin/time: install the Debian package 'time' (apt-get install time)"

# The first executable file of that name below the build folder, in sorted order.
find_program() {
  find "$build" -maxdepth 4 -type f -name "$1" -perm -u+x 2>/dev/null | LC_ALL=C sort | head -n 1
}
fisc=${FISC:-$(find_program fisc)}
[[ -n $fisc && -x $fisc ]] || die "no fisc program in '$build' (build the target fisc, or set FISC)"
python=${PYTHON:-python3}
command -v "$python" >/dev/null || die "no '$python'"
if ((${#copies[@]} == 0)); then
  gen=${FISC_GEN:-$(find_program fisc-gen)}
  [[ -n $gen && -x $gen ]] ||
    die "no fisc-gen program in '$build' (build the target fisc-gen, set FISC_GEN, or use --copy FILE)"
else
  for f in "${copies[@]}"; do [[ -f $f ]] || die "--copy: no file '$f'"; done
fi

# fisc check --quiet where this fisc has it (it leaves out what is not needed to measure).
check_opts=(--format json)
if "$fisc" help check 2>/dev/null | grep -q -- '--quiet'; then
  check_opts=(--quiet "${check_opts[@]}")
else
  echo "note: this fisc check has no --quiet; running it without" >&2
fi

if [[ -z $work ]]; then
  work=$(mktemp -d "${TMPDIR:-/tmp}/fisc-batch.XXXXXX")
  made_work=1
else
  mkdir -p "$work"
  made_work=0
fi
cleanup() { if ((keep == 0 && made_work == 1)); then rm -rf -- "$work"; fi; }
trap cleanup EXIT

# Fills folder $2 with $1 reports.
make_reports() {
  local n=$1 dir=$2
  rm -rf -- "$dir"
  mkdir -p "$dir"
  if ((${#copies[@]} == 0)); then
    "$gen" --seed "$seed" --count "$n" --error-rate "$error_rate" --out "$dir" >/dev/null ||
      die "fisc-gen failed for --count $n"
  else
    local i k=${#copies[@]}
    for ((i = 0; i < n; ++i)); do
      cp -- "${copies[i % k]}" "$(printf '%s/r%06d.report.json' "$dir" "$i")"
    done
  fi
}

# Runs "$@" under GNU time; sets `secs` and `rss_kb`. $1 is a label; the command's exit status
# must be one of the statuses in $2 (space-separated).
measure() {
  local label=$1 ok=$2 tf status
  shift 2
  tf=$(mktemp "$work/time.XXXXXX")
  set +e
  /usr/bin/time -f '%e %M' -o "$tf" "$@" >/dev/null 2>"$tf.err"
  status=$?
  set -e
  if [[ " $ok " != *" $status "* ]]; then
    echo "run.sh: $label exited with status $status:" >&2
    head -n 20 "$tf.err" >&2
    exit 1
  fi
  # GNU time writes "Command exited with non-zero status 1" first when the status is not 0.
  read -r secs rss_kb < <(tail -n 1 "$tf")
  [[ $secs =~ ^[0-9.]+$ && $rss_kb =~ ^[0-9]+$ ]] || die "cannot read /usr/bin/time's output: $(cat "$tf")"
  rm -f -- "$tf" "$tf.err"
}

echo "fisc batch benchmark: load + check of generated reports"
echo "fisc:     $fisc ($("$fisc" --version 2>/dev/null | head -n 1))"
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt" 2>/dev/null || true)
echo "build:    $build (CMAKE_BUILD_TYPE ${build_type:-unknown})"
if [[ $build_type != Release && $build_type != RelWithDebInfo ]]; then
  echo "          not an optimised build: its timings are not fisc's (use the release preset)"
fi
echo "baseline: $python $baseline ($("$python" --version 2>&1))"
if ((${#copies[@]} == 0)); then
  echo "reports:  $gen --seed $seed --count N --error-rate $error_rate"
else
  echo "reports:  copies of ${copies[*]}"
fi
echo "machine:  $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
echo

results=()  # one line per count: n bytes fisc_secs fisc_kb py_secs py_kb
for n in $counts; do
  dir="$work/n$n"
  echo "generating $n reports ..." >&2
  make_reports "$n" "$dir"
  # The generator leaves up to GBs of dirty pages: write them back now, or the kernel does it
  # during the first measured run (fisc's) and takes its CPU.
  sync
  reports=$(find "$dir" -type f -name '*.json' | wc -l)
  bytes=$(find "$dir" -type f -name '*.json' -printf '%s\n' | awk '{ s += $1 } END { printf "%d", s }')
  echo "fisc check on $reports reports ..." >&2
  measure "fisc check" "0 1" "$fisc" check "${check_opts[@]}" "$dir"
  f_secs=$secs f_kb=$rss_kb
  echo "python baseline on $reports reports ..." >&2
  measure "check.py" "0" "$python" "$baseline" "$dir"
  results+=("$reports $bytes $f_secs $f_kb $secs $rss_kb")
  if ((keep == 0)); then rm -rf -- "$dir"; fi
done

printf '%s\n' "${results[@]}" | awk '
  function rate(x, s) { return s > 0 ? sprintf("%.1f", x / s) : "-" }
  function ratio(a, b) { return (a > 0 && b > 0) ? sprintf("%.1fx", a / b) : "-" }
  BEGIN {
    fmt = "%-8s %8s %9s %8s %10s %9s %10s\n"
    printf fmt, "impl", "reports", "MB", "seconds", "reports/s", "MB/s", "peak MB"
  }
  {
    n = $1; mb = $2 / 1e6
    printf fmt, "fisc", n, sprintf("%.1f", mb), sprintf("%.2f", $3), rate(n, $3), rate(mb, $3), sprintf("%.1f", $4 / 1024)
    printf fmt, "python", n, sprintf("%.1f", mb), sprintf("%.2f", $5), rate(n, $5), rate(mb, $5), sprintf("%.1f", $6 / 1024)
    printf "%-8s %8s  fisc/python throughput %s, peak memory %s\n\n", "ratio", n, ratio($5, $3), ratio($4, $6)
    row++; cnt[row] = n; fk[row] = $4; pk[row] = $6
  }
  END {
    if (row > 1)
      printf "peak memory, %d reports against %d: fisc %s, python %s\n", cnt[row], cnt[1], ratio(fk[row], fk[1]), ratio(pk[row], pk[1])
  }'
