"""open.tsv (one line per open-loop rate) -> the Markdown table on stdout."""
import sys

print("| of peak | offered req/s | achieved req/s | p50 / p95 / p99 ms | non-2xx | not sent (overload) | hand-off p50 / p99 ms (n) |")
print("|---:|---:|---:|---:|---:|---:|---:|")
for line in open(sys.argv[1]):
    fraction, rate, *fields = line.split()
    p = dict(f.split("=") for f in fields)
    h50, h99, n = (p["handoff"].split(",") + ["", "", ""])[:3]
    print(f"| {float(fraction):.2f} | {rate} | {float(p['rps']):.0f} | {float(p['p50_ms']):.1f} / {float(p['p95_ms']):.1f} / "
          f"{float(p['p99_ms']):.1f} | {p['non2xx']} | {p['socket_errors']} | {h50} / {h99} ({n}) |")
