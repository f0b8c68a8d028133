#!/usr/bin/python3
"""Complete Google logins against a server of the HTTP contract, through the fake providers.

One login: GET /auth/google/start (3xx to the fake's /authorize, may set cookies) -> GET that URL (the fake
answers 302 to the server's callback) -> GET the callback with the cookies -> 200 JSON {"access_token": ...}.
Each client is an httpx.Client (Debian's python3-httpx) that follows no redirect and starts every login with an
empty cookie jar; it keeps its connections between logins, as one browser would.

  login_driver.py --base http://127.0.0.1:8000 --once          prints one access token
  login_driver.py --base ... --clients 16 --warmup 3 --duration 20   prints one JSON line of results

The clients run as threads spread over --processes processes (the GIL of one process caps it at a few hundred
logins/s, below what a fast server answers); a login counts when it ends inside the measured window.
"""
import argparse
import json
import multiprocessing
import sys
import threading
import time

import httpx

REDIRECTS = (301, 302, 303, 307, 308)


class LoginError(Exception):
    """A login that did not end in a token; str() is a short reason, used to group errors."""


def login(client, base):
    client.cookies.clear()
    start = client.get(base + "/auth/google/start")
    if start.status_code not in REDIRECTS:
        raise LoginError(f"start: HTTP {start.status_code}")
    authorize = client.get(start.headers["location"])
    if authorize.status_code not in REDIRECTS:
        raise LoginError(f"fake authorize: HTTP {authorize.status_code}")
    callback = client.get(authorize.headers["location"])
    if callback.status_code != 200:
        raise LoginError(f"callback: HTTP {callback.status_code}")
    token = callback.json().get("access_token")
    if not token:
        raise LoginError("callback: no access_token")
    return token


def new_client():
    return httpx.Client(follow_redirects=False, timeout=30.0,
                        limits=httpx.Limits(max_connections=4, max_keepalive_connections=4))


def run_clients(base, clients, t_measure, t_end, out):
    """Runs `clients` threads until t_end; puts (ok latencies in the window, errors in the window) on out."""
    lock = threading.Lock()
    latencies, errors = [], {}

    def worker():
        with new_client() as client:
            while time.time() < t_end:
                began = time.time()
                reason = None
                try:
                    login(client, base)
                except (LoginError, httpx.HTTPError, KeyError, ValueError) as e:
                    reason = str(e) if isinstance(e, LoginError) else type(e).__name__
                ended = time.time()
                if t_measure <= ended <= t_end:
                    with lock:
                        if reason is None:
                            latencies.append(ended - began)
                        else:
                            errors[reason] = errors.get(reason, 0) + 1
                if reason is not None:
                    time.sleep(0.01)  # do not spin on a server that refuses

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=max(0.0, t_end - time.time()) + 35)
    out.put((latencies, errors))


def percentile(sorted_values, p):
    if not sorted_values:
        return None
    return sorted_values[min(len(sorted_values) - 1, int(round(p / 100.0 * (len(sorted_values) - 1))))]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", required=True, help="server base URL, e.g. http://127.0.0.1:8000")
    ap.add_argument("--once", action="store_true", help="one login; print its access token")
    ap.add_argument("--clients", type=int, default=16, help="concurrent clients (default 16)")
    ap.add_argument("--processes", type=int, default=2, help="processes the clients are spread over (default 2)")
    ap.add_argument("--warmup", type=float, default=3.0, help="seconds of logins not counted (default 3)")
    ap.add_argument("--duration", type=float, default=20.0, help="seconds measured (default 20)")
    args = ap.parse_args()
    base = args.base.rstrip("/")

    if args.once:
        with new_client() as client:
            try:
                print(login(client, base))
            except (LoginError, httpx.HTTPError, KeyError, ValueError) as e:
                print(f"login failed: {e!r}", file=sys.stderr)
                return 1
        return 0

    processes = max(1, min(args.processes, args.clients))
    t_measure = time.time() + 0.5 + args.warmup  # 0.5 s for the processes to start
    t_end = t_measure + args.duration
    out = multiprocessing.Queue()
    shares = [args.clients // processes + (1 if i < args.clients % processes else 0) for i in range(processes)]
    procs = [multiprocessing.Process(target=run_clients, args=(base, n, t_measure, t_end, out)) for n in shares]
    for p in procs:
        p.start()
    latencies, errors = [], {}
    for _ in procs:
        lat, err = out.get()
        latencies += lat
        for k, v in err.items():
            errors[k] = errors.get(k, 0) + v
    for p in procs:
        p.join()
    latencies.sort()
    result = {
        "clients": args.clients, "processes": processes, "warmup_s": args.warmup, "duration_s": args.duration,
        "logins": len(latencies), "errors": sum(errors.values()), "error_kinds": errors,
        "logins_per_s": len(latencies) / args.duration,
        "p50_ms": None if not latencies else round(percentile(latencies, 50) * 1000, 2),
        "p99_ms": None if not latencies else round(percentile(latencies, 99) * 1000, 2),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
