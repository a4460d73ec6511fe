"""A headless Chromium driven through the DevTools protocol over a pipe.

Chromium's ``--remote-debugging-pipe`` reads JSON commands on file
descriptor 3 and writes replies and events on 4, each message ended by a
NUL byte. That is all a test needs to load a page, measure it, print it to
PDF and take screenshots, so no driver package (Playwright, Selenium) and
no browser download is needed: the tests drive Debian's chromium, the
browser a reader has.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from typing import Any

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def _above_nine(fd: int) -> int:
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


class BrowserError(RuntimeError):
    """Chromium answered a command with an error, or did not answer in time."""


class Chromium:
    """One browser process with one page; ``with Chromium() as page:``."""

    def __init__(self, timeout: float = 60.0) -> None:
        assert CHROMIUM is not None, "chromium is required here: apt-get install chromium"
        self.timeout = timeout
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        # Chromium expects its pipe ends on descriptors 3 and 4. They are put
        # there in the child just before Chromium starts; first moved above
        # 9 here, so neither is 3 or 4 and one dup2 cannot undo the other.
        to_browser_r, from_browser_w = (_above_nine(fd) for fd in (to_browser_r, from_browser_w))

        def on_three_and_four() -> None:
            os.dup2(to_browser_r, 3)
            os.dup2(from_browser_w, 4)

        # close_fds=False keeps 3 and 4; Python opens every other descriptor
        # non-inheritable, so nothing else leaks into the browser.
        self._process = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
             "--no-default-browser-check", "--hide-scrollbars", "--remote-debugging-pipe", "about:blank"],
            preexec_fn=on_three_and_four, close_fds=False, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []
        self._session = ""
        target = self.send("Target.createTarget", url="about:blank", session=False)["targetId"]
        self._session = self.send("Target.attachToTarget", targetId=target, flatten=True,
                                  session=False)["sessionId"]
        self.send("Page.enable")

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with contextlib.suppress(BrowserError, OSError):
            self.send("Browser.close", session=False)
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        for fd in (self._to_browser, self._from_browser):
            os.close(fd)

    # -- the protocol ------------------------------------------------------

    def send(self, method: str, session: bool = True, **params: Any) -> dict[str, Any]:
        """Send one command to the page (or, with session=False, to the
        browser) and return its result; events that arrive meanwhile are kept."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = self._session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._receive()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error'].get('message')}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            if "method" in reply:
                self._events.append(reply)

    def wait_for(self, event: str) -> dict[str, Any]:
        """The next event of this name (one that came already counts)."""
        while True:
            for i, seen in enumerate(self._events):
                if seen["method"] == event:
                    return self._events.pop(i)
            reply = self._receive()
            if "method" in reply:
                self._events.append(reply)

    def _receive(self) -> dict[str, Any]:
        deadline = time.monotonic() + self.timeout
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._from_browser], [], [], max(left, 0))
            if not ready:
                raise BrowserError(f"chromium did not answer within {self.timeout:g} s")
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise BrowserError(f"chromium closed the pipe (exit code {self._process.poll()})")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        parsed: dict[str, Any] = json.loads(message)
        return parsed

    # -- what a test does with a page --------------------------------------

    def open(self, url: str) -> None:
        self._events.clear()
        self.send("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")

    def viewport(self, width: int, height: int, mobile: bool) -> None:
        """A window of this size; ``mobile`` also honours the page's
        viewport meta tag, as a phone does."""
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height,
                  deviceScaleFactor=1, mobile=mobile)

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise BrowserError(f"script failed: {result['exceptionDetails'].get('text')} "
                               f"{result['exceptionDetails'].get('exception', {}).get('description', '')}")
        return result["result"].get("value")

    def pdf(self, **options: Any) -> bytes:
        """The page printed as Chromium's print preview prints it: the
        page's own @page size and margins, backgrounds as on screen."""
        options = {"preferCSSPageSize": True, "printBackground": True, **options}
        return base64.b64decode(self.send("Page.printToPDF", **options)["data"])

    def screenshot(self, full_page: bool = False) -> bytes:
        return base64.b64decode(self.send("Page.captureScreenshot", format="png",
                                          captureBeyondViewport=full_page)["data"])
