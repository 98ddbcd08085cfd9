"""A model of PartSchedule (Sources/IntegrityAgencyData/PartSchedule.swift): when does the
reading of an input cut into parts end, on two cores of given speeds?

Rules as the schedule has them: each thread takes the next part no thread has taken; a
thread that finishes a part, unless the other is merging, merges every finished part that
comes next in file order (part 0 costs nothing, part k costs MERGE x its share), then
takes the next part. A part's reading takes its share / the thread's speed.

    python3 Benchmarks/reader/schedule.py [MERGE]        # MERGE defaults to 0.15

prints, per cut, the end time at speeds (1, 1), (1, .9), (1, .8), (1, .7), (.9, 1),
(.8, 1) and their mean. 0.15: at 10^7 rows `achievement` merged a quarter of the input
in ~150 ms after ~1 s reading it (perf timeline, 2-core AMD EPYC, 2026-12-07).
"""
import heapq
import sys


def end_time(parts, merge, speed):
    n = len(parts)
    taken, merged, merger = 0, 0, None
    done = [False] * n
    events = []  # (time, thread, what, part)

    def take(time, thread):
        nonlocal taken
        if taken < n:
            heapq.heappush(events, (time + parts[taken] / speed[thread], thread, "read", taken))
            taken += 1

    for thread in range(len(speed)):
        take(0.0, thread)
    end = 0.0
    while events:
        time, thread, what, part = heapq.heappop(events)
        end = max(end, time)
        if what == "read":
            done[part] = True
            if merger is None:
                merger = thread
        if merger == thread:
            if merged < n and done[merged]:
                cost = 0.0 if merged == 0 else merge * parts[merged]
                heapq.heappush(events, (time + cost, thread, "merge", merged))
                merged += 1
                continue
            merger = None
        take(time, thread)
    return end


def main():
    merge = float(sys.argv[1]) if len(sys.argv) > 1 else 0.15
    speeds = [(1, 1), (1, .9), (1, .8), (1, .7), (.9, 1), (.8, 1)]
    for parts in ([.5, .5], [.25] * 4, [.4, .4, .1, .1], [.35, .35, .15, .15], [.125] * 8,
                  [.4, .4] + [.05] * 4, [.4, .4] + [.2 / 7] * 7):
        ends = [end_time(parts, merge, s) for s in speeds]
        print(f"{str(parts):42s}", " ".join(f"{e:.3f}" for e in ends), f" mean {sum(ends) / len(ends):.3f}")


if __name__ == "__main__":
    main()
