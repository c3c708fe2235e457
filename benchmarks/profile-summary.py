#!/usr/bin/env python3
"""Summarise a dotnet-trace speedscope file (sampled thread time) as inclusive/exclusive frame tables.

Usage: benchmarks/profile-summary.py TRACE.speedscope.json [TOP]

Waiting threads are left out (stacks in a wait, sleep or the socket event loop, and empty stacks), so the
percentages are of the time threads spent running (or in native code such as SQLite) — see
docs/perf-round2/firstsight.md.
"""
import json
import sys
from collections import defaultdict

IDLE = ("WaitNative", "Monitor.Wait", "SocketAsyncEngine.EventLoop", "Thread.Sleep", "WaitHandle.Wait",
        "WaitOneNoCheck", "TimerQueue.TimerThread", "SemaphoreSlim.Wait", "ManualResetEventSlim.Wait",
        "LowLevelLifoSemaphore", "WaitForSignal", "Interop+Sys.WaitForSocketEvents", "WaitCore", "FileSystem.Watcher",
        "WorkerThreadStart() ")
# Only stacks of request processing (Kestrel) or of the finalizer count (the thread pool's idle spinning does not).
SCOPE = ("Kestrel", "Finalize")


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    data = json.load(open(path))
    names = [f["name"] for f in data["shared"]["frames"]]
    inclusive = defaultdict(float)
    exclusive = defaultdict(float)
    total = 0.0
    for profile in data["profiles"]:
        stack = []
        last = None
        events = profile.get("events", [])
        for ev in events:
            at = ev["at"]
            if last is not None and stack and at > last:
                span = at - last
                frames = [names[i] for i in stack]
                busy = not any(any(marker in f for marker in IDLE) for f in frames)
                if busy and any(any(s in f for s in SCOPE) for f in frames):
                    total += span
                    for f in set(frames):
                        inclusive[f] += span
                    leaf = frames[-1]
                    if leaf in ("UNMANAGED_CODE_TIME", "CPU_TIME") and len(frames) > 1:
                        leaf = frames[-2] + (" (native)" if leaf == "UNMANAGED_CODE_TIME" else "")
                    exclusive[leaf] += span
            last = at
            if ev["type"] == "O":
                stack.append(ev["frame"])
            elif ev["type"] == "C" and stack:
                stack.pop()
    print(f"Running time in samples: {total:.0f} ms\n")
    print("| Frame (inclusive) | % |\n|---|---|")
    for f, v in sorted(inclusive.items(), key=lambda kv: -kv[1])[:top]:
        print(f"| `{f[:140]}` | {100 * v / total:.1f} |")
    print("\n| Frame (exclusive) | % |\n|---|---|")
    for f, v in sorted(exclusive.items(), key=lambda kv: -kv[1])[:top]:
        print(f"| `{f[:140]}` | {100 * v / total:.1f} |")
    keys = ["sqlite3_prepare_v2", "sqlite3_step", "sqlite3_finalize", "SqliteCommand.ExecuteReader", "SqliteDataReader.NextResult",
            "Finalize", "RazorPage", "RelationalCommand", "ReportSnapshots", "ViewResult", "Antiforgery", "Authentication", "GC"]
    print("\n| Contains | inclusive % |\n|---|---|")
    for k in keys:
        v = max((val for f, val in inclusive.items() if k in f), default=0)
        print(f"| {k} | {100 * v / total:.1f} |")


if __name__ == "__main__":
    main()
