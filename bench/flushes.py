"""Times flushes to the disk PostgreSQL commits to, while an open-loop phase runs beside it.

    python3 flushes.py SECONDS DIR OUT

Every 20 ms writes 8 KB to a file of its own in DIR (on PostgreSQL's filesystem) and flushes it
with fdatasync, timing both together, as a commit waits for its WAL's write and flush (a write may
wait too, for a page still being written back). Writes OUT as lines "epoch_ms ms",
for bench/stalls.py to line the slowest starts up with the disk's slow flushes. The probe adds
50 small flushes a second to the commits' few hundred.
"""
import os
import sys
import time

seconds, directory, out = float(sys.argv[1]), sys.argv[2], sys.argv[3]
path = os.path.join(directory, f"ringproof-flush-probe-{os.getpid()}")
fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
block = b"\0" * 8192
end = time.time() + seconds
try:
    with open(out, "w") as f:
        i = 0
        while time.time() < end:
            began = time.time()
            os.pwrite(fd, block, (i % 128) * 8192)
            i += 1
            os.fdatasync(fd)
            f.write(f"{int(began * 1000)} {(time.time() - began) * 1000:.2f}\n")
            time.sleep(0.02)
finally:
    os.close(fd)
    os.unlink(path)
