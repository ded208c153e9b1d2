"""open.tsv (one line per open-loop rate) -> the Markdown table on stdout."""
import sys


def tail(p50, p99):
    return f"{p50:.1f} / {p99:.1f} ({p99 / p50:.1f})" if p50 > 0 else "-"


print("| of peak | offered req/s | achieved req/s | p50 / p95 / p99 ms | p99 ÷ p50 | baseline p50 / p99 ms (p99 ÷ p50) "
      "| non-2xx | not sent (overload) | hand-off p50 / p99 ms (n) |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for line in open(sys.argv[1]):
    fraction, rate, *fields = line.split()
    p = dict(f.split("=") for f in fields)
    h50, h99, n = (p["handoff"].split(",") + ["", "", ""])[:3]
    b50, b99 = (float(v) for v in (p.get("baseline", "") or "0,0").split(","))
    p50, p99 = float(p["p50_ms"]), float(p["p99_ms"])
    print(f"| {float(fraction):.2f} | {rate} | {float(p['rps']):.0f} | {p50:.1f} / {float(p['p95_ms']):.1f} / "
          f"{p99:.1f} | {p99 / p50 if p50 > 0 else 0:.1f} | {tail(b50, b99)} | {p['non2xx']} | {p['socket_errors']} "
          f"| {h50} / {h99} ({n}) |")
