#!/usr/bin/python3
"""Load test of the participants' room on 127.0.0.1 (bounded: 60 s of load at most).

60 simulated participants, each on its own connections (not browser tabs) from its own loopback
address (127.0.0.10 ... 127.0.0.69, as phones on a LAN each have their own; nothing leaves the
machine): every one joins, keeps one event stream open and writes 5 face-down cards; then the
facilitator reveals and opens voting and every one places its whole budget. Measures, with all 60
streams open:
  - card POST -> the face-down count reaching another device's stream (median, p95);
  - plain POST answer time (median, p95, max), as the client sees it and as the server does
    (`timing`: from the request's headers to its queued answer);
  - device 61: refused cleanly (status, time);
and checks the saved file: 0 lost, 0 duplicated cards, every dot counted.

--gui: the same load against the real window instead of `lernraum room`: a private Xvfb
(1920x1080), `lernraum FILE --room 127.0.0.1 --room-commands --frame-stats F --view retro
--presentation` (the projector's view); the facilitator's steps go to the window's stdin and are
applied on the GUI thread like the Retrospective tab's buttons, then the window saves and quits.
Adds the GUI frame time (wall and CPU of the GUI thread; median, p95, max) of the frames drawn
while the load ran, and the CPU time of the whole process.

Usage: scripts/room-load.py [LERNRAUM_BINARY] [--gui] [--json]
"""
import json
import os
import queue
import re
import socket
import statistics
import subprocess
import sys
import shutil
import tempfile
import threading
import time

BINARY = next((a for a in sys.argv[1:] if not a.startswith("--")), "build/lernraum")
GUI = "--gui" in sys.argv
DEVICES, CARDS, BUDGET = 60, 5, 3
DEADLINE = time.monotonic() + 90
HIDDEN = re.compile(rb'"hiddenCount":(\d+)')


def source(device):
    """Device i talks from 127.0.0.(10+i); None = 127.0.0.1."""
    return None if device is None else ("127.0.0.%d" % (10 + device), 0)


def request(port, method, path, body=None, token=None, timeout=5.0, device=None):
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout, source_address=source(device))
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

    def __init__(self, port, token, device):
        super().__init__(daemon=True)
        self.port, self.token, self.device = port, token, device
        self.seen = {}  # hiddenCount -> monotonic time first seen
        self.frames = 0
        self.ready = threading.Event()
        self.sock = None

    def run(self):
        self.sock = socket.create_connection(("127.0.0.1", self.port), timeout=30, source_address=source(self.device))
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
                            # Only the count is needed: a regular expression instead of parsing
                            # the whole state keeps 60 client threads from measuring Python.
                            m = HIDDEN.search(line)
                            if m:
                                self.seen.setdefault(int(m.group(1)), time.monotonic())
        except OSError:
            pass


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100.0 * (len(values) - 1))))]


class Lines(threading.Thread):
    """The app's stdout, line by line, so that no read waits forever."""

    def __init__(self, stream):
        super().__init__(daemon=True)
        self.stream, self.lines = stream, queue.Queue()

    def run(self):
        for line in self.stream:
            self.lines.put(line.strip())

    def next(self, timeout=20):
        return self.lines.get(timeout=timeout)


def start_xvfb():
    """A private X server; returns (process, DISPLAY)."""
    r, w = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(w), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                            pass_fds=(w,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(w)
    number = b""
    with os.fdopen(r, "rb") as f:
        while not number.endswith(b"\n"):
            c = f.read(1)
            if not c:
                break
            number += c
    if not number.strip():
        xvfb.kill()
        raise RuntimeError("Xvfb did not start")
    return xvfb, ":" + number.decode().strip()


def cpu_seconds(pid):
    """utime + stime of a process, in seconds."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def runqueue_wait(pid):
    """Seconds the process's current threads have waited for a CPU (runnable, not running)."""
    total = 0
    for tid in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/schedstat" % (pid, tid)) as f:
                total += int(f.read().split()[1])
        except (OSError, IndexError, ValueError):
            pass
    return total / 1e9


def frame_summary(samples, t0, t1):
    """Wall and CPU time of the frames that started within [t0, t1]."""
    inside = [s for s in samples if t0 <= s[0] <= t1]
    out = {"frames": len(inside)}
    for name, k in (("wall_ms", 1), ("cpu_ms", 2), ("present_ms", 3)):
        values = [s[k] for s in inside] or [0.0]
        out[name] = {"median": round(statistics.median(values), 1), "p95": round(pct(values, 95), 1),
                     "max": round(max(values), 1)}
    return out


def main():
    work = tempfile.mkdtemp(prefix="room-load-")
    path = os.path.join(work, "load.lernraum")
    stats_path = os.path.join(work, "frames.json")
    subprocess.run([BINARY, "new", "-o", path, "--title", "Last"], check=True, capture_output=True)
    xvfb = None
    if GUI:
        xvfb, display = start_xvfb()
        env = dict(os.environ, DISPLAY=display)
        for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            env[var] = os.path.join(work, var.lower())
        command = [BINARY, path, "--room", "127.0.0.1", "--room-commands", "--frame-stats", stats_path,
                   "--view", "retro", "--presentation", "--size", "1920x1080"]
    else:
        env = None
        command = [BINARY, "room", path, "--port", "0", "--max-devices", str(DEVICES)]
    room = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1, env=env)
    out = Lines(room.stdout)
    out.start()
    try:
        url = out.next(60).split()[1]
        code = out.next().split()[1]
        port = int(url.split(":")[2].split("/")[0])

        def say(line):
            room.stdin.write(line + "\n")
            room.stdin.flush()
            return out.next()

        baseline = None
        if GUI:
            # The window starts up first (fonts, the hyphenation patterns on their thread): wait
            # until it is idle, at most 60 s, so the load does not share the cores with start-up.
            settle_end = time.monotonic() + 60
            last = cpu_seconds(room.pid)
            while time.monotonic() < settle_end:
                time.sleep(1.0)
                now = cpu_seconds(room.pid)
                if now - last < 0.03:
                    break
                last = now
            # Baseline: the same window without participants. Every `status` line wakes it for
            # one frame (the same loop: room pump, command, drawing, presenting).
            t0 = time.monotonic()
            for _ in range(20):
                say("status")
                time.sleep(0.1)
            baseline = (t0, time.monotonic())
        load_start = time.monotonic()
        cpu_start = cpu_seconds(room.pid)
        wait_start = runqueue_wait(room.pid)
        tokens = []
        for _ in range(DEVICES):
            status, head, _ = request(port, "POST", "/api/join", {"code": code}, device=len(tokens))
            assert status == 200, status
            tokens.append(head.split("lr=")[1][:32])
        t = time.monotonic()
        status61, _, body61 = request(port, "POST", "/api/join", {"code": code}, device=DEVICES)
        refused61_ms = (time.monotonic() - t) * 1000
        status_stream61, _, _ = request(port, "GET", "/api/events", token="0" * 32)

        streams = [Stream(port, tok, i) for i, tok in enumerate(tokens)]
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
                                       token=tokens[i], device=i)
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
        status, _, state = request(port, "GET", "/api/state", token=tokens[0], device=0)
        ids = [c["id"] for c in json.loads(state)["cards"]]
        vote_ms = []

        def voter(i):
            for k in range(BUDGET):
                t0 = time.monotonic()
                request(port, "POST", "/api/votes/add", {"itemId": ids[(i * 7 + k) % len(ids)], "requestId": "v%d" % k},
                        token=tokens[i], device=i)
                with lock:
                    vote_ms.append((time.monotonic() - t0) * 1000)

        threads = [threading.Thread(target=voter, args=(i,)) for i in range(DEVICES)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        load_end = time.monotonic()
        cpu_load = cpu_seconds(room.pid) - cpu_start
        wait_load = runqueue_wait(room.pid) - wait_start
        # The same requests as the server saw them: from their headers to the queued answer.
        timing = dict(kv.split("=") for kv in say("timing").split()[1:-1])
        say("voting close")
        if GUI:
            assert say("save") == "saved"  # the window saves like Ctrl+S, then quits like Ctrl+Q
        room.stdin.write("quit\n")  # `lernraum room` saves on quit
        room.stdin.flush()
        room.wait(timeout=60)
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
            "server_post_ms": {"median": float(timing["median"]), "p95": float(timing["p95"]),
                               "max": float(timing["max"]), "n": int(timing["answers"])},
            "device_61": {"status": status61, "answer": body61, "ms": round(refused61_ms, 1),
                          "stream_without_token": status_stream61},
            "load_s": round(load_end - load_start, 1),
            "process_cpu_during_load_s": round(cpu_load, 2),
            "process_waiting_for_cpu_during_load_s": round(wait_load, 2),
            "loadavg_1min": os.getloadavg()[0],
        }
        if GUI:
            frames = json.load(open(stats_path, encoding="utf-8"))
            result["gui_frames_without_load"] = frame_summary(frames["samples"], *baseline)
            result["gui_frames_during_load"] = frame_summary(frames["samples"], load_start, load_end)
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
        if xvfb is not None:
            xvfb.kill()
            xvfb.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
