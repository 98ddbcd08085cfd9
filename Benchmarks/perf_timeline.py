"""Where a run's time goes, phase by phase: per time bucket, how many samples each thread took
and its most frequent function, from a `perf record` of one run.

    perf record -F 2000 -o /tmp/perf.data -- BIN achievement FILE -o OUT -q
    python3 Benchmarks/perf_timeline.py /tmp/perf.data 20        # 20 ms buckets

A thread with fewer samples than the bucket holds was waiting (for the other thread, a write,
the device); a bucket with no line had no thread on a CPU at all (e.g. waiting on the disk).
"""
import collections
import subprocess
import sys


def main():
    data, bucket = sys.argv[1], float(sys.argv[2]) / 1000
    script = subprocess.run(["perf", "script", "-i", data, "-F", "tid,time,ip,sym", "--ns"],
                            capture_output=True, text=True, check=True).stdout
    samples = []
    for line in script.splitlines():
        parts = line.split(None, 2)
        if len(parts) < 2:
            continue
        rest = parts[2].split(None, 1) if len(parts) > 2 else []
        samples.append((float(parts[1].rstrip(":")), parts[0], rest[1] if len(rest) > 1 else "?"))
    if not samples:
        return
    start = samples[0][0]
    buckets = collections.defaultdict(lambda: collections.defaultdict(collections.Counter))
    for t, thread, symbol in samples:
        buckets[int((t - start) / bucket)][thread][symbol[:60]] += 1
    for k in sorted(buckets):
        threads = " | ".join(f"{tid}:{sum(c.values())} {c.most_common(1)[0][0][:45]}" for tid, c in buckets[k].items())
        print(f"{k * bucket * 1000:6.0f} ms  {threads}")


if __name__ == "__main__":
    main()
