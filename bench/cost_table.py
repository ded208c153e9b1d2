"""cost.tsv (request requests commits fsyncs statements server_ms db_ms wal_kb full_page_images) -> the Markdown cost table."""
import sys

rows = {}
for line in open(sys.argv[1]):
    name, *values = line.split()
    rows[name] = [float(v) for v in values]

columns = ["requests", "commits", "WAL fsyncs", "SQL statements", "server CPU ms", "PostgreSQL CPU ms", "WAL kB",
           "full pages in the WAL"]
print("| per request | " + " | ".join(columns) + " |")
print("|---|" + "---:|" * len(columns))
for name, v in rows.items():
    print(f"| {name} | {v[0]:.0f} | " + " | ".join(f"{x:.2f}" for x in v[1:]) + " |")
if "start" in rows and "baseline" in rows:
    s, b = rows["start"], rows["baseline"]
    ratios = [f"{x / y:.1f}" if y > 0 else "–" for x, y in zip(s[1:], b[1:])]
    print("| start ÷ baseline | | " + " | ".join(ratios) + " |")
