"""A noisy neighbour on one core, for side-by-side runs under contention: busy BUSY ms, then
asleep IDLE ms, forever, pinned to CPU (default 1). Stop it with kill.

    python3 Benchmarks/neighbour.py 10 10 & HOG=$!
    python3 Benchmarks/alternate.py 9 'BIN@trend@FILE@-o@OUT@-q' ...
    kill $HOG
"""
import os
import sys
import time


def main():
    busy, idle = float(sys.argv[1]) / 1000, float(sys.argv[2]) / 1000
    os.sched_setaffinity(0, {int(sys.argv[3]) if len(sys.argv) > 3 else 1})
    while True:
        end = time.perf_counter() + busy
        while time.perf_counter() < end:
            pass
        time.sleep(idle)


if __name__ == "__main__":
    main()
