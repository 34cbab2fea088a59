"""Albumentations' throughput on a row of testdata/perf/pipelines-real.json (kind "image"), with `bench`'s contract:
10 warm-up calls, then the median of RUNS runs of N calls, cycling over testdata/perf/images, one thread.

Run beside `./augment4j bench --only ROW --n N --runs RUNS`, alternating, and quote the ratio (docs/performance.md):
    PYTHONPATH=<albumentations-1.3.1 source>:<qudida source> python3 augment4j-bench/albumentations_real.py Real_Classification_SimCLR 1000 5
Needs Albumentations (1.3.1 for the reference), OpenCV's Python bindings and numpy.
"""
import glob
import json
import os
import statistics
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
import cv2  # noqa: E402

cv2.setNumThreads(0)
import albumentations as A  # noqa: E402

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "testdata", "perf")
name, n, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
row = json.load(open(os.path.join(here, "pipelines-real.json")))[name]
if row["kind"] != "image":
    sys.exit(name + " is kind " + row["kind"] + "; this script times image-only rows")
pipeline = A.from_dict(row["to_dict"])
images = [cv2.cvtColor(cv2.imread(f), cv2.COLOR_BGR2RGB) for f in sorted(glob.glob(os.path.join(here, "images", "*")))]
for i in range(10):
    pipeline(image=images[i % len(images)])
rates, k = [], 0
for _ in range(runs):
    t0 = time.perf_counter()
    for _ in range(n):
        pipeline(image=images[k % len(images)])
        k += 1
    rates.append(n / (time.perf_counter() - t0))
print(name, "albumentations", A.__version__, "opencv", cv2.__version__, " ".join("%.1f" % r for r in rates), "median %.1f" % statistics.median(rates))
