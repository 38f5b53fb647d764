#!/usr/bin/env bash
# Runs the loader fuzz target (fuzz/fuzz_load.cpp) for a given time and summarises the run:
# executions, coverage (edges and features), corpus size and findings.
# Usage: fuzz/run.sh <fuzz-build-dir> <seconds>. The corpus grows in <dir>/corpus across runs,
# seeded from tests/fixtures/{valid,invalid,fuzz}; anything found is saved in <dir>/artifacts/
# (then: copy it to tests/fixtures/fuzz/, see its README). Exit status 1 if anything was found.
set -uo pipefail
dir=${1:?usage: fuzz/run.sh <fuzz-build-dir> <seconds>}
seconds=${2:?}
top=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$dir/corpus" "$dir/artifacts"
log="$dir/last-run.log"
before=$(ls "$dir/artifacts" | wc -l)
# -max_len 8 KiB (FUZZ_MAX_LEN): the seeds are 1-4 KB datasets; bigger ones add nothing the small
# ones do not, only time per execution (at 16 KiB a run slowed from 1,700 to 670 executions/s). FUZZ_RUNS=N stops after N executions instead of the time.
# -rss_limit_mb 2048: the machine has little memory; -timeout 10: a slow input is a bug too.
# FUZZ_JOBS=N runs one fork-mode session with N worker processes (libFuzzer -fork=N): one run whose
# executions are the workers' sum, for a machine with idle cores.
runs=()
[ -n "${FUZZ_RUNS:-}" ] && runs=(-runs="$FUZZ_RUNS")
[ -n "${FUZZ_JOBS:-}" ] && runs+=(-fork="$FUZZ_JOBS")
start=$(date +%s)
"$dir/jcm-fuzz-load" -max_total_time="$seconds" "${runs[@]}" -dict="$top/fuzz/dataset.dict" -max_len="${FUZZ_MAX_LEN:-8192}" \
  -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$dir/artifacts/" \
  "$dir/corpus" "$top/tests/fixtures/valid" "$top/tests/fixtures/invalid" "$top/tests/fixtures/fuzz" >"$log" 2>&1
status=$?
after=$(ls "$dir/artifacts" | wc -l)
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
if [ -z "$execs" ]; then  # fork mode prints "#<executions>: cov: ... exec/s <n> ..." lines instead
  execs=$(grep -o '^#[0-9]*: cov' "$log" | tail -1 | tr -dc 0-9)
  rate=$(grep -o 'exec/s [0-9]*' "$log" | tail -1 | tr -dc 0-9)
fi
cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1)
echo "fuzz: $(( $(date +%s) - start ))s, executions ${execs:-?} (${rate:-?}/s), coverage ${cov:-cov: ?} edges, ${ft:-ft: ?} features, corpus $(ls "$dir/corpus" | wc -l) files, findings $((after - before)) (log: $log)"
if [ "$status" != 0 ] || [ "$after" != "$before" ]; then
  grep -E 'ERROR|SUMMARY|==[0-9]+==|runtime error' "$log" | head -20
  echo "fuzz: FOUND A PROBLEM: see $dir/artifacts/ and $log"
  exit 1
fi
