"""Lines the open loop's slowest starts up with what the server did meanwhile.

    python3 stalls.py TRACE GC_JSON PG_LOG SWEEP_SECONDS

TRACE: OpenLoop's OPEN_TRACE file (due epoch ms, latency ms); GC_JSON: `jfr print --json --events
jdk.GCPhasePause` of a recording over the phase; PG_LOG: PostgreSQL's log (checkpoints); the relay's
sweep runs on the wall clock every SWEEP_SECONDS. Prints a Markdown paragraph.
PG_LOG also gives autovacuum's runs, when bench/run has PostgreSQL log them.
"""
import datetime
import json
import re
import sys

trace_file, gc_file, pg_log, sweep = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
requests = []
for line in open(trace_file):
    due, latency = line.split()
    requests.append((int(due), float(latency)))
if not requests:
    print("No requests traced.")
    sys.exit(0)
latencies = sorted(r[1] for r in requests)
p50 = latencies[len(latencies) // 2]
p99 = latencies[max(0, int(len(latencies) * 0.99) - 1)]
first, last = min(r[0] for r in requests), max(r[0] + r[1] for r in requests)
slow = [r for r in requests if r[1] >= p99]


def instant(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp() * 1000


def seconds(text):  # ISO-8601 duration as JFR writes it, e.g. PT0.0012S
    m = re.match(r"PT(?:(\d+)M)?([\d.]+)S", text)
    return (int(m.group(1) or 0) * 60 + float(m.group(2))) if m else 0.0


pauses = []
try:
    for event in json.load(open(gc_file))["recording"]["events"]:
        start = instant(event["values"]["startTime"])
        pauses.append((start, start + seconds(event["values"]["duration"]) * 1000))
except (OSError, ValueError, KeyError):
    pass
pauses = [p for p in pauses if p[1] >= first and p[0] <= last]

checkpoints, begun = [], None
try:
    for line in open(pg_log, errors="replace"):
        m = re.match(r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+) UTC .*LOG:  checkpoint (starting|complete)", line)
        if m:
            t = datetime.datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S.%f").replace(
                tzinfo=datetime.timezone.utc).timestamp() * 1000
            if m.group(2) == "starting":
                begun = t
            elif begun is not None:
                checkpoints.append((begun, t))
                begun = None
    if begun is not None:  # still under way when this runs (a spread checkpoint takes minutes)
        checkpoints.append((begun, float("inf")))
except OSError:
    pass
checkpoints = [c for c in checkpoints if c[1] >= first and c[0] <= last]

# autovacuum's runs (logged when bench/run sets log_autovacuum_min_duration = 0): each is logged when
# it ends, its "elapsed" on a later line of the same entry
vacuums, pending = [], None
try:
    for line in open(pg_log, errors="replace"):
        m = re.match(r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+) UTC .*LOG:  automatic (vacuum|analyze) of table \"([^\"]+)\"",
                     line)
        if m:
            t = datetime.datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S.%f").replace(
                tzinfo=datetime.timezone.utc).timestamp() * 1000
            pending = (t, m.group(2) + " " + m.group(3).split(".")[-1])
            continue
        e = re.search(r"elapsed: ([\d.]+) s", line)
        if e and pending is not None:
            vacuums.append((pending[0] - float(e.group(1)) * 1000, pending[0], pending[1]))
            pending = None
except OSError:
    pass
vacuums = [v for v in vacuums if v[1] >= first and v[0] <= last]


def overlaps(request, spans):
    return any(request[0] <= end and request[0] + request[1] >= start for start, end in spans)


# the first fifth of each sweep's interval: a fifth of the slowest fall there by chance
after_sweep = sum(1 for r in slow if (r[0] / 1000) % sweep < sweep / 5)
in_pause = sum(1 for r in slow if overlaps(r, pauses))
in_checkpoint = sum(1 for r in slow if overlaps(r, checkpoints))
pause_ms = sum(e - s for s, e in pauses)
by_second = {}
for r in slow:
    by_second[(r[0] - first) // 1000] = by_second.get((r[0] - first) // 1000, 0) + 1
worst = sorted(by_second.items(), key=lambda kv: -kv[1])[:5]
print(f"{len(requests)} starts, p50 {p50:.1f} ms, p99 {p99:.1f} ms (p99 ÷ p50 {p99 / p50:.1f}); "
      f"the {len(slow)} at or above p99:")
print(f"- due within {sweep / 5:g} s after the relay's sweep (every {sweep:g} s) began: {after_sweep} "
      f"({100 * after_sweep / len(slow):.0f} %; 20 % if unrelated);")
print(f"- under way during a GC pause: {in_pause} ({len(pauses)} pauses, {pause_ms:.0f} ms in all, "
      f"the longest {max((e - s for s, e in pauses), default=0):.0f} ms);")
print(f"- under way during a PostgreSQL checkpoint: {in_checkpoint} ({len(checkpoints)} checkpoints);")
in_vacuum = [r for r in slow if overlaps(r, [(v[0], v[1]) for v in vacuums])]
tables = sorted({v[2] for v in vacuums if any(overlaps(r, [(v[0], v[1])]) for r in slow)})
print(f"- under way during an autovacuum: {len(in_vacuum)} ({len(vacuums)} autovacuum and autoanalyze runs"
      + (f"; met: {', '.join(tables)}" if tables else "") + ");")
print("- the seconds with most of them (second of the phase: count): "
      + ", ".join(f"{s}: {n}" for s, n in worst) + ".")
