"""results.tsv (one line per wrk phase) -> the Markdown table on stdout and gnuplot's data file."""
import sys

phases = {}
for line in open(sys.argv[1]):
    name, clients, *fields = line.split()
    phases[(name, int(clients))] = dict(f.split("=") for f in fields)

clients = sorted({c for _, c in phases})
names = ["start", "check", "baseline"]


def cell(name, c):
    p = phases.get((name, c))
    if p is None:
        return "–", "–"
    bad = int(p["non2xx"]) + int(p["socket_errors"])
    rps = f"{float(p['rps']):.0f}" + (f" ({bad} non-2xx)" if bad else "")
    return rps, f"{float(p['p50_ms']):.1f} / {float(p['p95_ms']):.1f} / {float(p['p99_ms']):.1f}"


print("| clients | " + " | ".join(f"{n} req/s | {n} p50 / p95 / p99 ms" for n in names) + " | start / baseline |")
print("|---:|" + "---:|---:|" * len(names) + "---:|")
with open(sys.argv[2], "w") as plot:
    plot.write("# clients " + " ".join(f"{n}_rps" for n in names) + " " + " ".join(f"{n}_p99" for n in names) + "\n")
    for c in clients:
        cells = [x for n in names for x in cell(n, c)]
        s, b = phases.get(("start", c)), phases.get(("baseline", c))
        ratio = f"**{float(s['rps']) / float(b['rps']):.2f}**" if s and b and float(b['rps']) > 0 else "–"
        print(f"| {c} | " + " | ".join(cells) + f" | {ratio} |")
        get = lambda n, k: phases[(n, c)][k] if (n, c) in phases else "NaN"
        plot.write(f"{c} " + " ".join(get(n, "rps") for n in names) + " " + " ".join(get(n, "p99_ms") for n in names) + "\n")
