#!/usr/bin/env bash
# make lint: the project's own files checked as CI checks them.
#  1. clang-format in check mode (.clang-format) on src/, tests/ and bench/;
#  2. clang-tidy (.clang-tidy) on every translation unit of the shipped code: src/ but its
#     *_test.cc files, tests/test_support and bench/, with the headers they include, using the
#     build's compile_commands.json. The checks are for bugs in what schools run; tidying the
#     tests too would double the time lint takes for little. bugprone-easily-swappable-parameters
#     is on for new code: its findings in code that predates it are listed in
#     scripts/lint-swappable-baseline.txt (file and function, not line, so moving code does not
#     trip it); any other finding fails.
# Usage: scripts/lint.sh BUILD_DIR    (exit 1 on any finding)
#        scripts/lint.sh --format-only  (step 1 alone, needs no build folder)
set -euo pipefail
cd "$(dirname "$0")/.."
FORMAT_ONLY=0
if [ "${1:-}" = "--format-only" ]; then FORMAT_ONLY=1; shift; fi
BUILD=${1:-build}
JOBS=${JOBS:-$(nproc)}
BASELINE=scripts/lint-swappable-baseline.txt
status=0

mapfile -t files < <(git ls-files 'src/*.cc' 'src/*.h' 'tests/*.cc' 'tests/*.h' 'bench/*.cc' 'bench/*.h')
echo "clang-format: ${#files[@]} files"
format_out=$(mktemp)
if ! clang-format --dry-run --Werror "${files[@]}" 2> "$format_out"; then
  grep -E '^[^ ]+:[0-9]+:[0-9]+: (warning|error)' "$format_out" | cut -d: -f1 | sort -u |
    sed 's/^/  not formatted: /'
  echo "clang-format: run 'clang-format -i' on the files above."
  status=1
fi
rm -f "$format_out"

if [ $FORMAT_ONLY = 1 ]; then
  [ $status = 0 ] && echo "clang-format: every file formatted"
  exit $status
fi
if [ ! -f "$BUILD/compile_commands.json" ]; then
  echo "clang-tidy: $BUILD/compile_commands.json is missing; configure the build first." >&2
  exit 2
fi
mapfile -t units < <(git ls-files 'src/*.cc' 'tests/test_support/*.cc' 'bench/*.cc' | grep -v '_test\.cc$')
echo "clang-tidy: ${#units[@]} translation units ($JOBS at a time)"
run-clang-tidy -quiet -p "$BUILD" -j "$JOBS" "${units[@]/#/$PWD/}" > "$BUILD/clang-tidy.txt" 2>&1 || true
# One line per finding in the project's own files, each once (a header's finding repeats in
# every file that includes it), with the path relative to the project.
# (clang-tidy colours its output even into a file: the colour codes are taken out first.)
sed 's/\x1b\[[0-9;]*m//g' "$BUILD/clang-tidy.txt" |
  grep -E "^$PWD/(src|tests|bench)/[^:]+:[0-9]+:[0-9]+: (warning|error):" |
  sed "s|^$PWD/||" | sort -u > "$BUILD/clang-tidy-findings.txt" || true
# A finding of easily-swappable-parameters is known when its file and function are in the baseline.
: > "$BUILD/clang-tidy-new.txt"
while IFS= read -r line; do
  if [[ "$line" == *"[bugprone-easily-swappable-parameters]"* ]]; then
    key="$(cut -d: -f1 <<<"$line") $(sed -E "s/.*parameters of '([^']+)'.*/\1/" <<<"$line")"
    grep -qxF "$key" "$BASELINE" 2>/dev/null && continue
  fi
  echo "$line" >> "$BUILD/clang-tidy-new.txt"
done < "$BUILD/clang-tidy-findings.txt"
if [ -s "$BUILD/clang-tidy-new.txt" ]; then
  cat "$BUILD/clang-tidy-new.txt"
  echo "clang-tidy: $(wc -l < "$BUILD/clang-tidy-new.txt") finding(s) (full output in $BUILD/clang-tidy.txt)"
  status=1
else
  echo "clang-tidy: no findings"
fi
exit $status
