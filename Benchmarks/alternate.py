"""Side by side, whole process: runs each command in turn, RUNS rounds, and prints each one's
minimum and median wall time (time.perf_counter around the child's run; outputs discarded) and
CPU time (user + system, from the child's rusage: a noisy neighbour moves it less than the wall).
Commands alternate so that a noisy neighbour slows them all alike.

    python3 Benchmarks/alternate.py RUNS 'CMD@ARG@ARG' 'CMD@ARG' ...

Give each command its own output path: a command that replaces another's large output (an 83 MB
`quarterly` file) also pays for freeing that file's pages, ~30 ms on this project's VM.

Arguments of one command are separated by '@' (so that a shell pipe can be given as
'sh@-c@cat FILE | BIN achievement'). Example (the 0.6.1 figures in README.md):

    python3 Benchmarks/alternate.py 3 \\
      '.build/release/integrity-stats@achievement@/tmp/ach-10m-unit.csv@-o@/tmp/ours.csv' \\
      'python3@Benchmarks/indicators/others.py@polars@achievement-unit@/tmp/ach-10m-unit.csv@/tmp/polars.csv'
"""
import os
import statistics
import subprocess
import sys
import time


def main():
    runs = int(sys.argv[1])
    commands = [c.split("@") for c in sys.argv[2:]]
    times = [[] for _ in commands]
    cpu = [[] for _ in commands]
    for _ in range(runs):
        for i, command in enumerate(commands):
            start = time.perf_counter()
            child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(child.pid, 0)
            times[i].append(time.perf_counter() - start)
            if os.waitstatus_to_exitcode(status) != 0:
                sys.exit(f"{' '.join(command)}: exit {os.waitstatus_to_exitcode(status)}")
            cpu[i].append(usage.ru_utime + usage.ru_stime)
    for command, t, c in zip(commands, times, cpu):
        print(f"{' '.join(command)[:90]:90s} min {min(t) * 1000:8.1f} ms  median {statistics.median(t) * 1000:8.1f} ms"
              f"  cpu median {statistics.median(c) * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
