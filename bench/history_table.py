"""The million-row phase: clients, rows before, RESULT before, rows after, RESULT after, seq scans -> Markdown."""
import sys

clients, rows_before, before, rows_after, after, seq = sys.argv[1:7]


def fields(result):
    return dict(f.split("=") for f in result.split()[1:])


b, a = fields(before), fields(after)
print(f"Starts at {clients} clients (the best closed-loop concurrency) just before and just after the earlier")
print("verifications were added, each with its attempt, send and ledger line, and the fraud guard's minutes of their prefix over")
print("the same month (bench/history.sql), then vacuumed, analyzed and checkpointed.")
print()
print("| verifications in the database | start req/s | p50 / p95 / p99 ms |")
print("|---:|---:|---:|")
for rows, r in ((rows_before, b), (rows_after, a)):
    print(f"| {int(rows):,} | {float(r['rps']):.0f} | {float(r['p50_ms']):.1f} / {float(r['p95_ms']):.1f} / {float(r['p99_ms']):.1f} |")
print()
ratio = float(a["rps"]) / float(b["rps"]) if float(b["rps"]) > 0 else float("nan")
print(f"Start req/s with them ÷ without: **{ratio:.2f}**. Sequential scans of verification,")
print(f"verification_attempt, outbound_send, usage_line and prefix_traffic during the second phase: {seq}.")
