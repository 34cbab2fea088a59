#!/usr/bin/env bash
# One command, both tables (issue 17, part 2): every single-transform row of testdata/perf timed by `augment4j bench`
# against Albumentations 1.3.1's figures and against its floor, the OpenCV calls 1.3.1 makes for the row
# (JMH OpenCvFloorBenchmark), measured in the same session on the same images. Run from anywhere; writes
# OUT/floor.csv (JMH) and OUT/bench.csv (transform, images_per_sec, reference, ratio, floor, floor_ratio) and prints
# the second. About 10 minutes on 2 cores. Usage: augment4j-bench/compare-floor.sh [OUT]   (default: bench-floor)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-bench-floor}"
mkdir -p "$out"
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-33554432}"
export MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-268435456}"
mvn -q -B package -pl augment4j-bench -am -DskipTests
java -jar augment4j-bench/target/benchmarks.jar OpenCvFloorBenchmark -wi 2 -w 2 -i 5 -r 2 -rf csv -rff "$out/floor.csv"
./augment4j bench --pipelines testdata/perf/pipelines.json --images testdata/perf/images --mask testdata/perf/mask.png \
  --targets testdata/perf/targets.json --compare testdata/perf/albumentations-1.3.1.csv --compare-floor "$out/floor.csv" \
  --min-run-seconds 0.5 --out "$out/bench.csv"
column -s, -t < "$out/bench.csv"
