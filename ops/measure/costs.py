#!/usr/bin/env python3
"""Measures what one operation costs in CPU time on a running qcurate (started by ./qcurate up), for docs/scaling.md.

CPU time is read from /proc (utime + stime of each process and its reaped children), so the figures hold on a loaded
machine, where wall-clock throughput does not. Usage:

  QCURATE_DATA_DIR=... ./qcurate up            # in another terminal, QCURATE_QUERY_INSTANCES=2 for two readers
  ops/measure/costs.py --command http://localhost:8081 --query http://localhost:8082,http://localhost:8083 \
      --password "$(cat $QCURATE_DATA_DIR/dev-password)" --data-dir $QCURATE_DATA_DIR [--n 400]

Prints one JSON document: per scenario the operations done, wall time, and CPU ms per operation for the
command service, each query instance, PostgreSQL (postmaster and backends) and the stack JVM (Kafka).
"""
import argparse, json, os, threading, time, urllib.request, uuid
from concurrent.futures import ThreadPoolExecutor

TICK = os.sysconf("SC_CLK_TCK")


def cpu_ms(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])) * 1000 / TICK


def processes():
    """pid -> (ppid, cmdline) of every process."""
    result = {}
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
                with open(f"/proc/{pid}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                result[int(pid)] = (ppid, cmd)
            except OSError:
                pass
    return result


def listening_pid(port):
    inode = None
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as f:
            for line in f.readlines()[1:]:
                parts = line.split()
                if parts[3] == "0A" and int(parts[1].rsplit(":", 1)[1], 16) == port:
                    inode = parts[9]
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                for fd in os.listdir(f"/proc/{pid}/fd"):
                    if os.readlink(f"/proc/{pid}/fd/{fd}") == f"socket:[{inode}]":
                        return int(pid)
            except OSError:
                pass
    raise SystemExit(f"nothing listens on port {port}")


def groups(args):
    procs = processes()
    port = lambda url: int(url.rsplit(":", 1)[1].split("/")[0])
    found = {"command": [listening_pid(port(args.command))]}
    for i, url in enumerate(args.query.split(",")):
        found[f"query{i + 1}"] = [listening_pid(port(url))]
    postmasters = [p for p, (pp, cmd) in procs.items() if "postgres" in cmd and args.data_dir in cmd and " -D " in cmd]
    found["postgres"] = postmasters + [p for p, (pp, _) in procs.items() if pp in postmasters]
    # the stack JVM that ./qcurate up started (give --stack-pid when several stacks run on the machine)
    stacks = [p for p, (pp, cmd) in procs.items() if "dev.qcurate.devstack.DevStack" in cmd]
    stack = [p for p in stacks if args.stack_pid in (0, p)][:1]
    # the broker runs as a child JVM of the stack
    found["stack (kafka)"] = stack + [p for p, (pp, _) in procs.items() if pp in stack]
    return found


def snapshot(found):
    out = {}
    for name, pids in found.items():
        total = 0
        for pid in pids:
            try:
                total += cpu_ms(pid)
            except OSError:
                pass
        out[name] = total
    return out


def call(method, url, body=None, token=None, content_type="application/json"):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    request = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", content_type)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=60) as response:
        payload = response.read()
        return response.status, (json.loads(payload) if payload else None), dict(response.headers)


def sign_in(command, user, password):
    return call("POST", command + "/api/auth/token", {"username": user, "password": password})[1]["accessToken"]


IDLE = {}


def idle_rate(found, seconds=20):
    """CPU ms per second each process spends with no requests (schedulers, pollers): subtracted from every scenario."""
    before, start = snapshot(found), time.time()
    time.sleep(seconds)
    wall, after = time.time() - start, snapshot(found)
    IDLE.update({k: (after[k] - before[k]) / wall for k in after})
    return {k: round(v, 1) for k, v in IDLE.items()}


def measure(name, found, work, count, results):
    before, start = snapshot(found), time.time()
    work()
    wall, after = time.time() - start, snapshot(found)
    results[name] = {"operations": count, "wallSeconds": round(wall, 1),
                     "cpuMsPerOperation": {k: round((after[k] - before[k] - IDLE.get(k, 0) * wall) / count, 2)
                                           for k in after}}


def parallel(tasks, threads=4):
    with ThreadPoolExecutor(threads) as pool:
        for future in [pool.submit(t) for t in tasks]:
            future.result()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--command", required=True)
    parser.add_argument("--query", required=True, help="comma-separated query-service URLs")
    parser.add_argument("--password", required=True)
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--n", type=int, default=400)
    parser.add_argument("--stack-pid", type=int, default=0, help="the DevStack JVM, when several run")
    args = parser.parse_args()
    found, results, n = groups(args), {}, args.n
    queries = args.query.split(",")
    editor, reviewer = sign_in(args.command, "editor", args.password), sign_in(args.command, "reviewer", args.password)
    run = uuid.uuid4().hex[:8]
    proposals = []
    lock = threading.Lock()

    def propose(i):
        status, body, _ = call("POST", args.command + "/api/questions", {
            "text": f"How does measurement {run} number {i} of the cost model behave under load?",
            "tags": ["costs"]}, editor)
        with lock:
            proposals.append(body["proposalId"])

    parallel([lambda i=i: propose(-1 - i) for i in range(n // 2)])  # warm-up: JIT, pools, caches
    proposals.clear()
    results["idleCpuMsPerSecond"] = idle_rate(found)
    measure("propose (command + relay + projection on every query instance)", found,
            lambda: parallel([lambda i=i: propose(i) for i in range(n)]), n, results)
    approvals = proposals[: n // 2]
    measure("approve (single approvals)", found, lambda: parallel(
        [lambda p=p: call("POST", f"{args.command}/api/proposals/{p}/approval", {}, reviewer) for p in approvals]),
        len(approvals), results)

    document = "# Costs\n\n" + "".join(
        f"{i + 1}. What does list entry {run}-{i} about topic {i * 7919 % 1000} mean?\n" for i in range(200))
    _, imported, _ = call("POST", f"{args.command}/api/imports?source=costs-{run}.md&list=costs-{run}",
                          document.encode(), editor, "text/markdown")
    _, approved, headers = call("POST", args.command + "/api/proposals/approval",
                                {"proposalIds": imported["proposalIds"]}, reviewer)
    list_id = imported["listId"]
    position = approved["position"]
    for q in queries:
        call("GET", f"{q}/api/lists/{list_id}?minPosition={position}", token=editor)
    reads = n * 5
    measure(f"list read, latest version ({len(imported['proposalIds'])} entries), spread over the query instances",
            found, lambda: parallel([lambda i=i: call("GET", f"{queries[i % len(queries)]}/api/lists/{list_id}",
                                                      token=editor) for i in range(reads)]), reads, results)
    measure("duplicate lookup (GET /api/duplicates), spread over the query instances", found, lambda: parallel(
        [lambda i=i: call("GET", f"{queries[i % len(queries)]}/api/duplicates?text=How+does+measurement+"
                                 f"{i}+of+the+cost+model+behave&limit=5", token=editor) for i in range(n)]),
        n, results)
    results["processes"] = {k: v for k, v in found.items()}
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
