#!/usr/bin/python3
"""Load test of the participants' room on 127.0.0.1 (bounded: 60 s at most).

60 simulated participants, each on its own connections (not browser tabs): every one joins, keeps
one event stream open and writes 5 face-down cards; then the facilitator reveals and opens voting
and every one places its whole budget. Measures, with all 60 streams open:
  - card POST -> the face-down count reaching another device's stream (median, p95);
  - plain POST answer time (median, p95, max);
  - device 61: refused cleanly (status, time);
and checks the saved file: 0 lost, 0 duplicated cards, every dot counted.

Usage: scripts/room-load.py [LERNRAUM_BINARY] [--json]
"""
import json
import os
import socket
import statistics
import subprocess
import sys
import shutil
import tempfile
import threading
import time

BINARY = next((a for a in sys.argv[1:] if not a.startswith("--")), "build/lernraum")
DEVICES, CARDS, BUDGET = 60, 5, 3
DEADLINE = time.monotonic() + 60


def request(port, method, path, body=None, token=None, timeout=5.0):
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    data = json.dumps(body).encode() if body is not None else b""
    head = "%s %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nOrigin: http://127.0.0.1:%d\r\nConnection: close\r\n" % (
        method, path, port, port)
    if token:
        head += "Cookie: lr=%s\r\n" % token
    if body is not None:
        head += "Content-Type: application/json\r\nContent-Length: %d\r\n" % len(data)
    s.sendall(head.encode() + b"\r\n" + data)
    chunks = []
    while True:
        c = s.recv(65536)
        if not c:
            break
        chunks.append(c)
    s.close()
    raw = b"".join(chunks).decode("utf-8", "replace")
    status = int(raw[9:12]) if raw.startswith("HTTP/1.") else 0
    head, _, payload = raw.partition("\r\n\r\n")
    return status, head, payload


class Stream(threading.Thread):
    """One device's event stream; records when each face-down count was first seen."""

    def __init__(self, port, token):
        super().__init__(daemon=True)
        self.port, self.token = port, token
        self.seen = {}  # hiddenCount -> monotonic time first seen
        self.frames = 0
        self.ready = threading.Event()
        self.sock = None

    def run(self):
        self.sock = socket.create_connection(("127.0.0.1", self.port), timeout=30)
        self.sock.sendall(("GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nCookie: lr=%s\r\n\r\n" % (
            self.port, self.token)).encode())
        buf = b""
        try:
            while time.monotonic() < DEADLINE:
                c = self.sock.recv(65536)
                if not c:
                    break
                buf += c
                while b"\n\n" in buf:
                    frame, buf = buf.split(b"\n\n", 1)
                    for line in frame.split(b"\n"):
                        # chunk-size lines of the chunked encoding are skipped
                        if line.startswith(b"data: "):
                            self.frames += 1
                            self.ready.set()
                            try:
                                hidden = json.loads(line[6:])["hiddenCount"]
                            except ValueError:
                                continue
                            self.seen.setdefault(hidden, time.monotonic())
        except OSError:
            pass


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100.0 * (len(values) - 1))))]


def main():
    work = tempfile.mkdtemp(prefix="room-load-")
    path = os.path.join(work, "load.lernraum")
    subprocess.run([BINARY, "new", "-o", path, "--title", "Last"], check=True, capture_output=True)
    room = subprocess.Popen([BINARY, "room", path, "--port", "0", "--max-devices", str(DEVICES),
                             "--max-connections-per-address", "400"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
    try:
        url = room.stdout.readline().split()[1]
        code = room.stdout.readline().split()[1]
        port = int(url.split(":")[2].split("/")[0])

        def say(line):
            room.stdin.write(line + "\n")
            room.stdin.flush()
            return room.stdout.readline().strip()

        tokens = []
        for _ in range(DEVICES):
            status, head, _ = request(port, "POST", "/api/join", {"code": code})
            assert status == 200, status
            tokens.append(head.split("lr=")[1][:32])
        t = time.monotonic()
        status61, _, body61 = request(port, "POST", "/api/join", {"code": code})
        refused61_ms = (time.monotonic() - t) * 1000
        status_stream61, _, _ = request(port, "GET", "/api/events", token="0" * 32)

        streams = [Stream(port, tok) for tok in tokens]
        for s in streams:
            s.start()
        for s in streams:
            s.ready.wait(10)
        open_streams = sum(1 for s in streams if s.ready.is_set())
        say("phase 2")
        time.sleep(0.3)

        sent = []       # (send time, answer time)
        post_ms = []
        lock = threading.Lock()

        def writer(i):
            for k in range(CARDS):
                t0 = time.monotonic()
                status, _, _ = request(port, "POST", "/api/cards", {"text": "Karte %d-%d" % (i, k), "requestId": "%d-%d" % (i, k)},
                                       token=tokens[i])
                t1 = time.monotonic()
                with lock:
                    post_ms.append((t1 - t0) * 1000)
                    if status == 201:
                        sent.append((t0, t1))
                time.sleep(0.05)

        threads = [threading.Thread(target=writer, args=(i,)) for i in range(DEVICES)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        time.sleep(1.0)
        # The k-th answered card made the face-down count k; device 0's stream saw it at seen[k].
        observer = streams[(DEVICES // 2)]
        by_answer = sorted(sent, key=lambda x: x[1])
        latency = []
        for k, (t0, _) in enumerate(by_answer, start=1):
            seen = min((tt for h, tt in observer.seen.items() if h >= k), default=None)
            if seen is not None:
                latency.append(max(0.0, seen - t0) * 1000)

        say("reveal")
        say("phase 4")
        say("voting open")
        status, _, state = request(port, "GET", "/api/state", token=tokens[0])
        ids = [c["id"] for c in json.loads(state)["cards"]]
        vote_ms = []

        def voter(i):
            for k in range(BUDGET):
                t0 = time.monotonic()
                request(port, "POST", "/api/votes/add", {"itemId": ids[(i * 7 + k) % len(ids)], "requestId": "v%d" % k},
                        token=tokens[i])
                with lock:
                    vote_ms.append((time.monotonic() - t0) * 1000)

        threads = [threading.Thread(target=voter, args=(i,)) for i in range(DEVICES)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        say("voting close")
        say("quit")
        room.wait(timeout=10)
        saved = json.load(open(path, encoding="utf-8"))["session"]["retrospectives"][0]["items"]
        texts = [i["text"] for i in saved]
        result = {
            "devices": DEVICES, "cards_sent": DEVICES * CARDS, "cards_saved": len(texts),
            "lost": DEVICES * CARDS - len(set(texts)), "duplicated": len(texts) - len(set(texts)),
            "dots_expected": DEVICES * BUDGET, "dots_saved": sum(i["votes"] for i in saved),
            "open_streams": open_streams,
            "card_to_other_device_ms": {"median": round(statistics.median(latency), 1), "p95": round(pct(latency, 95), 1),
                                        "n": len(latency)},
            "post_ms": {"median": round(statistics.median(post_ms + vote_ms), 1), "p95": round(pct(post_ms + vote_ms, 95), 1),
                        "max": round(max(post_ms + vote_ms), 1), "n": len(post_ms) + len(vote_ms)},
            "device_61": {"status": status61, "answer": body61, "ms": round(refused61_ms, 1),
                          "stream_without_token": status_stream61},
        }
        if "--json" in sys.argv:
            print(json.dumps(result))
        else:
            for k, v in result.items():
                print("%-26s %s" % (k, v))
        ok = result["lost"] == 0 and result["duplicated"] == 0 and result["dots_saved"] == result["dots_expected"] \
            and status61 == 503 and open_streams == DEVICES
        return 0 if ok else 1
    finally:
        if room.poll() is None:
            room.kill()
            room.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
