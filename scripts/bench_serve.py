"""Sends N checks of a file over C persistent loopback connections to gouji serve and prints
status counts, latency percentiles and requests/s.
Usage: bench_serve.py PORT FILE N C [--expect-all-ok | --expect-busy] [--label TEXT]"""
import http.client
import sys
import threading
import time

port, path, total, connections = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
args = sys.argv[5:]
label = args[args.index("--label") + 1] if "--label" in args else "run"
body = open(path, "rb").read()
name = path.rsplit("/", 1)[-1]
lock = threading.Lock()
next_index = [0]
results = []  # (status, seconds)


def worker():
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    while True:
        with lock:
            if next_index[0] >= total:
                break
            next_index[0] += 1
        started = time.perf_counter()
        try:
            conn.request("POST", "/api/check?name=" + name, body=body, headers={"Content-Type": "application/octet-stream"})
            response = conn.getresponse()
            response.read()
            status = response.status
        except Exception:
            status = "failed"
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        with lock:
            results.append((status, time.perf_counter() - started))
    conn.close()


started = time.perf_counter()
threads = [threading.Thread(target=worker) for _ in range(connections)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - started


def pct(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] * 1000


counts = {}
for status, _ in results:
    counts[status] = counts.get(status, 0) + 1
ok = [s for st, s in results if st == 200]
busy = [s for st, s in results if st == 503]
print("%s: %d requests over %d connections in %.2f s = %.1f requests/s; statuses %s"
      % (label, len(results), connections, elapsed, len(results) / elapsed, dict(sorted(counts.items(), key=str))))
print("  200: p50 %.1f ms, p95 %.1f ms, max %.1f ms" % (pct(ok, 50), pct(ok, 95), pct(ok, 100)))
if busy:
    print("  503: p50 %.1f ms, p95 %.1f ms, max %.1f ms" % (pct(busy, 50), pct(busy, 95), pct(busy, 100)))
if "--expect-all-ok" in args and counts.get(200, 0) != total:
    sys.exit("bench-serve: FAILED — not every request was served: %s" % counts)
if "--expect-busy" in args:
    if counts.get("failed", 0) or set(counts) - {200, 503}:
        sys.exit("bench-serve: FAILED — failed requests: %s" % counts)
    if not busy:
        sys.exit("bench-serve: FAILED — no 503 at twice the cap without a queue")
    if pct(busy, 95) > 50:
        sys.exit("bench-serve: FAILED — 503s are slow (p95 %.1f ms)" % pct(busy, 95))
