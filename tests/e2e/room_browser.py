#!/usr/bin/python3
"""Real-browser end-to-end test of the participants' room (Debian chromium + chromium-driver +
python3-selenium; run with /usr/bin/python3).

Three separate browser sessions (three participants) join through the URL `lernraum room` prints,
write face-down cards, the facilitator (stdin) reveals and opens voting, they vote; the saved file
holds the cards and the counts and none of the device tokens, addresses or user agents.

Usage: room_browser.py LERNRAUM_BINARY SOURCE_DIR WORK_DIR [SCREENSHOT_DIR]
(screenshots of one phone while joining, writing and voting: room-join.png, room-writing.png, room-voting.png)
"""
import json
import os
import subprocess
import sys
import time

from selenium import webdriver
from selenium.webdriver.common.by import By

binary, source, work = sys.argv[1:4]
shots = sys.argv[4] if len(sys.argv) > 4 else work
DEADLINE = time.monotonic() + 150  # the whole test, hard bound


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    raise SystemExit(1)


def wait_for(what, predicate, timeout=8.0):
    end = min(time.monotonic() + timeout, DEADLINE)
    while time.monotonic() < end:
        try:
            value = predicate()
            if value:
                return value
        except Exception:  # element not there yet, stale element, ...
            pass
        time.sleep(0.1)
    fail("timed out waiting for " + what)


session_file = os.path.join(work, "room.lernraum")
subprocess.run([binary, "new", "-o", session_file, "--title", "Browser-Test"], check=True, capture_output=True)

room = subprocess.Popen([binary, "room", session_file, "--port", "0"], stdin=subprocess.PIPE,
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)
drivers = []
try:
    url = room.stdout.readline().strip()
    code = room.stdout.readline().strip()
    if not url.startswith("join: http://127.0.0.1:") or not code.startswith("code: "):
        fail("unexpected start lines: %r %r" % (url, code))
    url = url.split(" ", 1)[1]
    origin = url.split("/j/")[0]

    def facilitator(line, expect):
        room.stdin.write(line + "\n")
        room.stdin.flush()
        answer = room.stdout.readline().strip()
        if not answer.startswith(expect):
            fail("facilitator %r answered %r, expected %r" % (line, answer, expect))
        return answer

    def browser():
        o = webdriver.ChromeOptions()
        for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=390,844",
                    "--lang=de-DE", "--disable-gpu", "--no-first-run", "--disable-extensions",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"):
            o.add_argument(arg)
        # A German phone: the page follows the browser's language (German is also the default).
        o.add_experimental_option("prefs", {"intl.accept_languages": "de-DE,de"})
        o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        d = webdriver.Chrome(options=o)
        d.set_page_load_timeout(15)
        # The viewport of a phone (390 x 844 CSS pixels, touch), whatever the window manager does.
        d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                          {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
        return d

    def by(d, testid):
        return d.find_elements(By.CSS_SELECTOR, '[data-testid="%s"]' % testid)

    for _ in range(3):
        drivers.append(browser())
    # The code typed by hand on the first phone (lower case, with a space), the link on the second,
    # the QR code's upper-case URL on the third.
    d0 = drivers[0]
    d0.get(url.split("/j/")[0] + "/")
    wait_for("join form", lambda: by(d0, "code-input")[0].is_displayed())
    d0.save_screenshot(os.path.join(shots, "room-join.png"))
    typed = code.split(" ", 1)[1].lower()
    by(d0, "code-input")[0].send_keys(typed[:3] + " " + typed[3:])
    by(d0, "code-submit")[0].click()
    drivers[1].get(url)
    drivers[2].get(url.upper())  # what the QR code holds (upper case for its alphanumeric mode)
    for i, d in enumerate(drivers):
        wait_for("participant %d joined" % i, lambda: "Verbunden" in by(d, "status")[0].text)

    facilitator("phase 2", "phase: 2")
    secrets = ["GEHEIM-%d Besprechungen kürzer" % i for i in range(3)]
    for i, d in enumerate(drivers):
        wait_for("writing open on %d" % i, lambda: by(d, "card-text")[0].is_enabled())
        if len(by(d, "prompt")[0].find_elements(By.TAG_NAME, "option")) != 3:
            fail("the prompt list does not show the format's three prompts")
        by(d, "card-text")[0].send_keys(secrets[i])
        by(d, "card-submit")[0].click()
        wait_for("own card shown on %d" % i, lambda: any(secrets[i] in e.text for e in by(d, "my-card")))
    # Before the reveal nobody sees another device's text.
    time.sleep(0.5)
    for i, d in enumerate(drivers):
        page = d.page_source
        for j, s in enumerate(secrets):
            if j != i and s in page:
                fail("participant %d sees participant %d's hidden card before the reveal" % (i, j))
        wait_for("hidden count on %d" % i, lambda: "3 Karten verdeckt" in by(d, "status")[0].text)
    d0.save_screenshot(os.path.join(shots, "room-writing.png"))
    # Own card: edit before the reveal.
    mine = by(d0, "my-card")[0]
    mine.find_elements(By.TAG_NAME, "button")[0].click()  # Ändern
    area = wait_for("edit field", lambda: by(d0, "my-card")[0].find_element(By.TAG_NAME, "textarea"))
    area.send_keys(" (geändert)")
    by(d0, "my-card")[0].find_elements(By.TAG_NAME, "button")[0].click()  # Speichern
    secrets[0] += " (geändert)"
    wait_for("edited card", lambda: secrets[0] in by(d0, "my-card")[0].text)

    facilitator("reveal", "revealed: 3")
    facilitator("phase 4", "phase: 4")
    facilitator("voting open", "voting: open")
    for i, d in enumerate(drivers):
        wait_for("all cards on %d" % i, lambda: len(by(d, "card")) == 3)
        texts = sorted(e.find_element(By.CLASS_NAME, "text").text for e in by(d, "card"))
        if texts != sorted(secrets):
            fail("participant %d sees %r after the reveal" % (i, texts))
        wait_for("votes left on %d" % i, lambda: "3 von 3" in by(d, "votes-left")[0].text)
    # Everyone places two dots on two cards; participant 2 takes one back and places it again.
    for i, d in enumerate(drivers):
        for k in (0, 1):
            wait_for("vote button", lambda: by(d, "vote-add")[(i + k) % 3].is_enabled())
            by(d, "vote-add")[(i + k) % 3].click()
            wait_for("dot %d of %d" % (k, i), lambda: ("%d von 3" % (2 - k)) in by(d, "votes-left")[0].text)
    d2 = drivers[2]
    wait_for("remove enabled", lambda: any(b.is_enabled() for b in by(d2, "vote-remove")))
    [b for b in by(d2, "vote-remove") if b.is_enabled()][0].click()
    wait_for("dot back", lambda: "2 von 3" in by(d2, "votes-left")[0].text)
    # Reload: remaining dots, phase and cards come back from the server within 2 s.
    start = time.monotonic()
    d2.refresh()
    wait_for("resync after reload", lambda: "2 von 3" in by(d2, "votes-left")[0].text and len(by(d2, "card")) == 3, 2.5)
    if time.monotonic() - start > 2.5:
        fail("resync after reload took %.1f s" % (time.monotonic() - start))
    # Deciding (phase 4): participant 1 proposes a board card; it goes into the first column.
    d1 = drivers[1]
    proposal = "VORSCHLAG Sprechstunde jeden Donnerstag"
    wait_for("proposal section", lambda: by(d1, "proposal-text")[0].is_displayed()
             and len(by(d1, "proposal-board")[0].find_elements(By.TAG_NAME, "option")) >= 1)
    by(d1, "proposal-text")[0].send_keys(proposal)
    by(d1, "proposal-submit")[0].click()
    wait_for("proposal accepted", lambda: "Danke" in by(d1, "proposal-status")[0].text)
    # No request of the page left the server's origin.
    for d in drivers:
        urls = d.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
        outside = [u for u in urls if not u.startswith(origin + "/")]
        if outside:
            fail("requests outside the room's origin: %r" % outside)
    drivers[0].save_screenshot(os.path.join(shots, "room-voting.png"))

    # No script error on any page (the 401 of the first state request before joining is expected).
    for i, d in enumerate(drivers):
        errors = [e["message"] for e in d.get_log("browser")
                  if e["level"] == "SEVERE" and "status of 401" not in e["message"]]
        if errors:
            fail("browser %d logged errors: %r" % (i, errors))

    tokens = [c["value"] for d in drivers for c in d.get_cookies() if c["name"] == "lr"]
    if len(tokens) != 3 or len(set(tokens)) != 3 or any(len(t) < 32 for t in tokens):
        fail("expected three different 128-bit device tokens, got %r" % tokens)
    cookie = [c for c in drivers[0].get_cookies() if c["name"] == "lr"][0]
    if not cookie.get("httpOnly") or cookie.get("sameSite") != "Strict":
        fail("device cookie is not HttpOnly + SameSite=Strict: %r" % cookie)
    agents = {d.execute_script("return navigator.userAgent") for d in drivers}

    facilitator("voting close", "voting: closed")
    status = facilitator("status", "status:")
    if "devices=3" not in status or "cards=3" not in status or "dots=5" not in status:
        fail("unexpected status: " + status)
    room.stdin.write("quit\n")
    room.stdin.flush()
    if room.wait(timeout=10) != 0:
        fail("lernraum room exited with %s: %s" % (room.returncode, room.stderr.read()))

    text = open(session_file, encoding="utf-8").read()
    retro = json.loads(text)["session"]["retrospectives"][0]
    items = retro["items"]
    if sorted(i["text"] for i in items) != sorted(secrets):
        fail("saved cards %r" % [i["text"] for i in items])
    if sum(i["votes"] for i in items) != 5 or any(i["hidden"] for i in items) or any(i["author"] for i in items):
        fail("saved counts/flags wrong: %r" % items)
    board_cards = json.loads(text)["session"]["boards"][0]
    proposed = [c for c in board_cards["cards"] if c["title"] == proposal]
    if len(proposed) != 1 or proposed[0]["column"] != board_cards["columns"][0]["id"]:
        fail("the proposal is not once in the first column: %r" % proposed)
    for needle in tokens + list(agents) + ["127.0.0.1", "HeadlessChrome", "Mozilla"]:
        if needle in text:
            fail("the saved file contains %r" % needle)
    print("ok: 3 browsers joined, wrote, voted; file holds 3 cards and 5 dots and no token, address or user agent")
finally:
    for d in drivers:
        try:
            d.quit()
        except Exception:
            pass
    if room.poll() is None:
        room.kill()
        room.wait()
