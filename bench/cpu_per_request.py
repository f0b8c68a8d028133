#!/usr/bin/python3
"""CPU time a server spends per request, for comparing two builds on a busy machine.

Throughput swings with whatever else the cores run; the CPU time the server process itself used per completed
request swings much less. For each NAME=COMMAND (run by bash -c in a fresh temporary directory with PORT and
JWT_SECRET_KEY set), rounds alternate the order: start, wrk warm-up, then utime+stime of the process over a
measured wrk run divided by the requests wrk completed.

Example: bench/cpu_per_request.py --rounds 5 --path /health \\
           'before=exec java @/tmp/before/src/main/jvm/jvm.options -jar /tmp/before/target/nextarget.jar' \\
           'after=LOG_FORMAT=json exec java @src/main/jvm/jvm.options -jar target/nextarget.jar'
"""
import argparse
import os
import re
import statistics
import subprocess
import tempfile
import time
import urllib.request

TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def measure(command, port, path, warmup, seconds, connections):
    directory = tempfile.mkdtemp(prefix="cpu-per-request-")
    env = dict(os.environ, PORT=str(port), JWT_SECRET_KEY="cpu-per-request-bench-secret-0123456789")
    server = subprocess.Popen(["bash", "-c", command], cwd=directory, env=env,
                              stdout=open(os.path.join(directory, "server.log"), "w"), stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}{path}"
        for _ in range(1800):
            try:
                if urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1).status == 200:
                    break
            except Exception:
                time.sleep(0.1)
        wrk = ["wrk", "-t2", f"-c{connections}"]
        subprocess.run(wrk + [f"-d{warmup}s", url], capture_output=True, check=True)
        before = cpu_seconds(server.pid)
        out = subprocess.run(wrk + [f"-d{seconds}s", url], capture_output=True, text=True, check=True).stdout
        used = cpu_seconds(server.pid) - before
        requests = int(re.search(r"(\d+) requests in", out).group(1))
        return used * 1e6 / requests, float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    finally:
        server.terminate()
        server.wait()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("servers", nargs="+", metavar="NAME=COMMAND")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--path", default="/health")
    ap.add_argument("--warmup", type=float, default=8)
    ap.add_argument("--duration", type=float, default=15)
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--port", type=int, default=18300)
    a = ap.parse_args()
    servers = [tuple(spec.split("=", 1)) for spec in a.servers]
    results = {name: [] for name, _ in servers}
    for round_ in range(a.rounds):
        order = servers if round_ % 2 == 0 else list(reversed(servers))
        for name, command in order:
            micros, rps = measure(command, a.port, a.path, a.warmup, a.duration, a.connections)
            results[name].append(micros)
            print(f"round {round_} {name}: {micros:.0f} us CPU per request ({rps:.0f} req/s, "
                  f"load average {os.getloadavg()[0]:.1f})", flush=True)
    baseline = statistics.median(results[servers[0][0]])
    for name, values in results.items():
        median = statistics.median(values)
        print(f"{name}: median {median:.0f} us CPU per request (min {min(values):.0f}, max {max(values):.0f}), "
              f"{(median / baseline - 1) * 100:+.1f} % against {servers[0][0]}")


if __name__ == "__main__":
    main()
