#!/usr/bin/env python3
"""Client side of scripts/scale-out-test.sh: two Riskwatch servers (A, B) behind nginx.

Checks that a session made on A works on B, that /metrics answers each instance directly and is 404 through
nginx, that a file uploaded to A is read from B, that a calendar year uploaded through A is in B's next answer
(each keeps the calendar between requests), and that killing B
(SIGKILL) in the middle of an upload load through nginx loses no upload the client saw acknowledged: every
201 answer's file is readable afterwards, with the same bytes. Exits 1 on the first failed check.
"""
import argparse
import hashlib
import http.client
import json
import os
import signal
import struct
import sys
import threading
import time
import zlib


def png(seed):
    """A distinct 16x16 RGB PNG for every seed (a new stored file each time)."""
    raw = b"".join(b"\x00" + bytes(((seed >> (8 * (x % 3))) + x * y) & 255 for x in range(48)) for y in range(16))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def request(port, method, path, body=None, headers=None, timeout=15):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read(), response
    finally:
        connection.close()


def fail(message):
    print("scale-out: FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def sign_in(port, username, password):
    status, body, _ = request(port, "POST", "/api/v1/auth/login", json.dumps({"username": username, "password": password}),
                              {"Content-Type": "application/json"})
    if status != 200:
        fail(f"sign-in on port {port}: {status} {body[:200]!r}")
    return json.loads(body)["token"]


def upload(port, token, seed):
    status, body, _ = request(port, "POST", "/api/v1/files", png(seed),
                              {"Authorization": "Bearer " + token, "Content-Type": "image/png"})
    return status, (json.loads(body) if status in (200, 201) else body)


def read_back(port, token, file_id):
    status, body, _ = request(port, "GET", f"/api/v1/files/{file_id}/content", headers={"Authorization": "Bearer " + token})
    return status, hashlib.sha256(body).hexdigest()


def check_sessions(args):
    token = sign_in(args.a, args.username, args.password)
    for name, port in (("A", args.a), ("B", args.b), ("nginx", args.nginx)):
        status, body, _ = request(port, "GET", "/api/v1/me", headers={"Authorization": "Bearer " + token})
        if status != 200 or json.loads(body).get("username") != args.username:
            fail(f"a session made on A answers {status} on {name}: {body[:200]!r}")
    print("scale-out: a session made on A is valid on B and through nginx")
    return token


def check_metrics(args):
    """Each instance answers /metrics to its scraper on loopback; through nginx the route does not exist."""
    for name, port in (("A", args.a), ("B", args.b)):
        status, body, _ = request(port, "GET", "/api/v1/metrics")
        if status != 200 or b"riskwatch_http_requests_total{" not in body:
            fail(f"/metrics on {name} answers {status}: {body[:200]!r}")
    status, body, _ = request(args.nginx, "GET", "/api/v1/metrics")
    if status != 404 or b"riskwatch_" in body:
        fail(f"/metrics through nginx answers {status}: {body[:200]!r}")
    print("scale-out: /metrics answers each instance's loopback scraper and is 404 through nginx")


def check_shared_files(args, token):
    status, file = upload(args.a, token, 1)
    if status != 201:
        fail(f"upload to A: {status} {file!r}")
    status, digest = read_back(args.b, token, file["id"])
    if status != 200 or digest != file["sha256"]:
        fail(f"the file uploaded to A reads {status} from B")
    print(f"scale-out: file {file['id']} uploaded to A is read from B (sha256 {digest[:12]}…)")


def working_days_after(port, token, start, days):
    status, body, _ = request(port, "GET", f"/api/v1/calendar/add-working-days?from={start}&days={days}",
                              headers={"Authorization": "Bearer " + token})
    if status != 200:
        fail(f"working days on port {port}: {status} {body[:200]!r}")
    return json.loads(body)["date"]


def check_shared_calendar(args, token):
    """Each instance keeps the working calendar between requests while the database's calendar generation holds
    (V058): a year uploaded through A, and its removal, are in B's next answer."""
    auth = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
    shipped = working_days_after(args.b, token, "2026-09-30", 5)  # kept by B now
    corrected = {"notice": "更正：国庆节延长至 10 月 8 日", "working_days": [],
                 "holidays": [{"name": "国庆节", "dates": [f"2026-10-0{d}" for d in range(1, 9)]}]}
    status, body, _ = request(args.a, "PUT", "/api/v1/calendar/2026", json.dumps(corrected), auth)
    if status != 200:
        fail(f"uploading 2026 to A: {status} {body[:200]!r}")
    uploaded = working_days_after(args.b, token, "2026-09-30", 5)
    status, body, _ = request(args.a, "DELETE", "/api/v1/calendar/2026", headers=auth)
    if status != 204:
        fail(f"removing 2026 through A: {status} {body[:200]!r}")
    removed = working_days_after(args.b, token, "2026-09-30", 5)
    if (shipped, uploaded, removed) != ("2026-10-13", "2026-10-15", "2026-10-13"):
        fail(f"2026-09-30 + 5 working days on B: {shipped}, then {uploaded} after A's upload, then {removed}")
    print("scale-out: a calendar year uploaded through A, and its removal, are in B's next answer")


def load_with_kill(args, token):
    acknowledged, refused, lock = [], {}, threading.Lock()
    stop = threading.Event()
    counter = iter(range(1000, 10**9))

    def worker():
        while not stop.is_set():
            with lock:
                seed = next(counter)
            try:
                status, answer = upload(args.nginx, token, seed)
            except OSError as error:  # the connection broke: not acknowledged
                status, answer = type(error).__name__, None
            with lock:
                if status == 201:
                    acknowledged.append((answer["id"], answer["sha256"]))
                else:
                    refused[status] = refused.get(status, 0) + 1

    threads = [threading.Thread(target=worker) for _ in range(args.clients)]
    for thread in threads:
        thread.start()
    time.sleep(args.seconds / 3)
    with lock:
        before_kill = len(acknowledged)
    os.kill(args.b_pid, signal.SIGKILL)
    time.sleep(args.seconds * 2 / 3)
    stop.set()
    for thread in threads:
        thread.join()
    after_kill = len(acknowledged) - before_kill
    print(f"scale-out: {len(acknowledged)} uploads acknowledged through nginx ({before_kill} before B was killed, "
          f"{after_kill} after); not acknowledged: {refused or 'none'}")
    if before_kill < 5 or after_kill < 5:
        fail("too few acknowledged uploads around the kill to show anything")
    return acknowledged


def check_acknowledged(args, token, acknowledged):
    if not acknowledged:
        fail("nothing was acknowledged")
    for file_id, sha256 in acknowledged:
        for name, port in (("nginx", args.nginx), ("A", args.a)):
            status, digest = read_back(port, token, file_id)
            if status != 200 or digest != sha256:
                fail(f"acknowledged upload {file_id} reads {status} through {name} (sha256 {digest} vs {sha256})")
    print(f"scale-out: all {len(acknowledged)} acknowledged uploads are readable through nginx and from A, bytes intact")


def main():
    parser = argparse.ArgumentParser()
    for port in ("nginx", "a", "b"):
        parser.add_argument("--" + port, type=int, required=True)
    parser.add_argument("--b-pid", type=int, required=True)
    parser.add_argument("--username", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=4.5)
    args = parser.parse_args()
    token = check_sessions(args)
    check_metrics(args)
    check_shared_files(args, token)
    check_shared_calendar(args, token)
    acknowledged = load_with_kill(args, token)
    check_acknowledged(args, token, acknowledged)


if __name__ == "__main__":
    main()
