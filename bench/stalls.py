"""Lines the open loop's slowest starts up with what the server did meanwhile.

    python3 stalls.py TRACE GC_JSON PG_LOG SWEEP_SECONDS [FLUSHES [FLOOR_TRACE FLOOR_FLUSHES]]

TRACE: OpenLoop's OPEN_TRACE file (due epoch ms, latency ms); GC_JSON: `jfr print --json --events
jdk.GCPhasePause` of a recording over the phase; PG_LOG: PostgreSQL's log (checkpoints); the relay's
sweep runs on the wall clock every SWEEP_SECONDS. Prints a Markdown paragraph.
PG_LOG also gives autovacuum's runs, when bench/run has PostgreSQL log them. FLUSHES: bench/flushes.py's
timings of the disk's flushes over the phase (epoch ms, ms); FLOOR_TRACE and FLOOR_FLUSHES: the same of
the baseline's open loop at the same rate, whose slowest inserts are lined up with the flushes likewise.
"""
import datetime
import json
import re
import sys

trace_file, gc_file, pg_log, sweep = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
flushes_file = sys.argv[5] if len(sys.argv) > 5 else None
floor_files = sys.argv[6:8] if len(sys.argv) > 7 else None

# A flush of the disk this long delays every commit waiting on it: a start's p50 here is a few ms.
SLOW_FLUSH_MS = 5
# How long after a slow flush the requests it held up are still being served, as counted.
AFTER_MS = 100


def p99_of(ordered):
    """The p99 of ascending latencies, as every figure here reads it."""
    return ordered[max(0, int(len(ordered) * 0.99) - 1)]


def traced(path):
    out = []
    for line in open(path):
        due, latency = line.split()
        out.append((int(due), float(latency)))
    return out


requests = traced(trace_file)
if not requests:
    print("No requests traced.")
    sys.exit(0)
latencies = sorted(r[1] for r in requests)
p50 = latencies[len(latencies) // 2]
p99 = p99_of(latencies)
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


def slow_flushes(path):
    try:
        timings = [tuple(map(float, line.split())) for line in open(path)]
    except OSError:
        return None, []
    return timings, [(t, t + ms) for t, ms in timings if ms >= SLOW_FLUSH_MS]


def flush_line(what, traced_requests, path):
    timings, spans = slow_flushes(path)
    if not timings:
        return None
    ordered = sorted(r[1] for r in traced_requests)
    top = p99_of(ordered)
    median = ordered[len(ordered) // 2]
    slowest = [r for r in traced_requests if r[1] >= top]
    fast = [r for r in traced_requests if r[1] < median]
    hit, fast_hit = sum(1 for r in slowest if overlaps(r, spans)), sum(1 for r in fast if overlaps(r, spans))
    ms = sorted(m for _, m in timings)
    # the queue a stall leaves: slow ones due just after a slow flush ended, against that window's share of the phase
    others = [r for r in slowest if not overlaps(r, spans)]
    behind = sum(1 for r in others if any(end < r[0] <= end + AFTER_MS for _, end in spans))
    begin, finish = min(r[0] for r in traced_requests), max(r[0] for r in traced_requests)
    covered, reach = 0.0, begin
    for _, end in sorted(spans, key=lambda span: span[1]):
        lo, hi = max(end, reach, begin), min(end + AFTER_MS, finish)
        if hi > lo:
            covered += hi - lo
            reach = hi
    share = 100 * covered / max(1.0, finish - begin)
    clear = sorted(r[1] for r in traced_requests if not overlaps(r, spans))
    clear_p50, clear_p99 = clear[len(clear) // 2], p99_of(clear)
    return (f"- {what}: {hit} of the {len(slowest)} at or above p99 ({100 * hit / len(slowest):.0f} %) were under way "
            f"while a write and flush to PostgreSQL's disk took {SLOW_FLUSH_MS} ms or more, against {fast_hit} of the "
            f"{len(fast)} below p50 ({100 * fast_hit / max(1, len(fast)):.1f} %) (bench/flushes.py: {len(timings)} "
            f"timed, p50 {ms[len(ms) // 2]:.1f} ms, {len(spans)} of {SLOW_FLUSH_MS} ms or more, the longest "
            f"{ms[-1]:.0f} ms). Of the other {len(others)}, {behind} were due within {AFTER_MS:g} ms after such a flush "
            f"ended, a window that covers {share:.1f} % of the phase. The {len(clear)} clear of those flushes: p50 "
            f"{clear_p50:.1f} ms, p99 {clear_p99:.1f} ms (p99 ÷ p50 {clear_p99 / clear_p50:.1f}).")


if flushes_file:
    line = flush_line("starts", requests, flushes_file)
    if line:
        print(line)
if floor_files:
    line = flush_line("the baseline's inserts at the same rate", traced(floor_files[0]), floor_files[1])
    if line:
        print(line)
