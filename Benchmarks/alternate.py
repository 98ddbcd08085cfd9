"""Side by side, whole process: runs each command in turn, RUNS rounds, and prints each one's
minimum and median wall time (time.perf_counter around subprocess.run; outputs discarded).
Commands alternate so that a noisy neighbour slows them all alike.

    python3 Benchmarks/alternate.py RUNS 'CMD@ARG@ARG' 'CMD@ARG' ...

Arguments of one command are separated by '@' (so that a shell pipe can be given as
'sh@-c@cat FILE | BIN achievement'). Example (the 0.6.1 figures in README.md):

    python3 Benchmarks/alternate.py 3 \\
      '.build/release/integrity-stats@achievement@/tmp/ach-10m-unit.csv@-o@/tmp/ours.csv' \\
      'python3@Benchmarks/indicators/others.py@polars@achievement-unit@/tmp/ach-10m-unit.csv@/tmp/polars.csv'
"""
import statistics
import subprocess
import sys
import time


def main():
    runs = int(sys.argv[1])
    commands = [c.split("@") for c in sys.argv[2:]]
    times = [[] for _ in commands]
    for _ in range(runs):
        for i, command in enumerate(commands):
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            times[i].append(time.perf_counter() - start)
    for command, t in zip(commands, times):
        print(f"{' '.join(command)[:90]:90s} min {min(t) * 1000:8.1f} ms  median {statistics.median(t) * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
