#!/usr/bin/python3
"""Complete Google logins against a server of the HTTP contract, through the fake providers.

One login: GET /auth/google/start (3xx to the fake's /authorize, may set cookies) -> GET that URL (the fake
answers 302 to the server's callback) -> GET the callback with the cookies -> 200 JSON {"access_token": ...}.

Each client has its own keep-alive connections (http.client) and a new cookie jar (http.cookiejar, the standard
library's RFC 6265 jar) for every login; redirects are followed by hand, one step at a time. Only the standard
library: Debian's /usr/bin/python3 is enough. (httpx was tried first: it cost 2 ms of CPU per login on this
2-core machine, four times this client, which would have taken CPU from the server under test.)

  login_driver.py --base http://127.0.0.1:8000 --once                 prints one access token
  login_driver.py --base URL --clients 16 --warmup 3 --duration 20      prints one JSON line of results

The clients are threads spread over --processes processes, so one process's GIL does not cap the rate; a login
counts when it ends inside the measured window, which follows the warm-up.
"""
import argparse
import http.client
import http.cookiejar
import json
import multiprocessing
import sys
import threading
import time
import urllib.parse
import urllib.request

REDIRECTS = (301, 302, 303, 307, 308)


class LoginError(Exception):
    """A login that did not end in a token; str() is a short reason, used to group errors."""


class Client:
    """Keep-alive HTTP/1.1 connections, one per host:port, for one client thread."""

    def __init__(self):
        self.connections = {}

    def get(self, url, jar):
        parts = urllib.parse.urlsplit(url)
        key = (parts.hostname, parts.port or 80)
        request = urllib.request.Request(url)  # the form the cookie jar reads and answers
        jar.add_cookie_header(request)
        target = (parts.path or "/") + ("?" + parts.query if parts.query else "")
        for attempt in (1, 2):  # a kept-alive connection the server has closed meanwhile: reconnect once
            connection = self.connections.get(key)
            if connection is None:
                connection = self.connections[key] = http.client.HTTPConnection(*key, timeout=30)
            try:
                connection.request("GET", target, headers=dict(request.header_items()))
                response = connection.getresponse()
                body = response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.close(key)
                if attempt == 2:
                    raise
        if response.will_close:
            self.close(key)
        jar.extract_cookies(response, request)
        return response.status, response.getheader("location"), body

    def close(self, key):
        connection = self.connections.pop(key, None)
        if connection is not None:
            connection.close()


def login(client, base):
    jar = http.cookiejar.CookieJar()
    url = base + "/auth/google/start"
    for step in ("start", "fake authorize"):
        status, location, _ = client.get(url, jar)
        if status not in REDIRECTS or not location:
            raise LoginError(f"{step}: HTTP {status}")
        url = urllib.parse.urljoin(url, location)
    status, _, body = client.get(url, jar)
    if status != 200:
        raise LoginError(f"callback: HTTP {status}")
    try:
        token = json.loads(body).get("access_token")
    except ValueError:
        token = None
    if not token:
        raise LoginError("callback: no access_token")
    return token


def run_clients(base, clients, t_measure, t_end, out):
    """Runs `clients` threads until t_end; puts (latencies of logins ended in the window, errors) on out."""
    lock = threading.Lock()
    latencies, errors = [], {}

    def worker():
        client = Client()
        while time.time() < t_end:
            began = time.time()
            reason = None
            try:
                login(client, base)
            except LoginError as e:
                reason = str(e)
            except (OSError, http.client.HTTPException) as e:
                reason = type(e).__name__
                client = Client()
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


def percentile_ms(sorted_seconds, p):
    if not sorted_seconds:
        return None
    index = min(len(sorted_seconds) - 1, int(round(p / 100.0 * (len(sorted_seconds) - 1))))
    return round(sorted_seconds[index] * 1000, 2)


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
        try:
            print(login(Client(), base))
            return 0
        except (LoginError, OSError, http.client.HTTPException) as e:
            print(f"login failed: {e!r}", file=sys.stderr)
            return 1

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
    print(json.dumps({
        "clients": args.clients, "processes": processes, "warmup_s": args.warmup, "duration_s": args.duration,
        "logins": len(latencies), "errors": sum(errors.values()), "error_kinds": errors,
        "logins_per_s": round(len(latencies) / args.duration, 2),
        "p50_ms": percentile_ms(latencies, 50), "p99_ms": percentile_ms(latencies, 99),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
