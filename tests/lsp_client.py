"""A small Language Server Protocol client that drives the Red Hat YAML
language server (the server inside VS Code's YAML extension) over stdio, as
the editor does: initialize, the workspace settings on request, open
documents, collect the diagnostics it publishes, ask it to format.

The server is the npm package pinned in tools/lsp/package.json
(``npm ci --prefix tools/lsp``). It needs node; :func:`server_command` is
None when either is missing.
"""

from __future__ import annotations

import json
import queue
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parent.parent
SERVER = ROOT / "tools" / "lsp" / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"


def server_command() -> list[str] | None:
    node = shutil.which("node")
    if node is None or not SERVER.is_file():
        return None
    return [node, str(SERVER), "--stdio"]


# What VS Code answers when settings.json leaves a setting out: the YAML
# extension's defaults (its package.json), and its defaults for YAML files.
# The server does not fill in all of them itself: with any yaml.format.*
# setting present and yaml.format.enable absent, it formats nothing.
# The schema store stays off here: the test must not need the network, and
# the schemas of settings.json take precedence over it in the editor anyway.
VSCODE_DEFAULTS: dict[str, Any] = {
    "yaml.validate": True, "yaml.hover": True, "yaml.completion": True, "yaml.yamlVersion": "1.2",
    "yaml.format.enable": True, "yaml.format.singleQuote": False, "yaml.format.bracketSpacing": True,
    "yaml.format.proseWrap": "preserve", "yaml.format.printWidth": 80,
    "yaml.schemaStore.enable": False,
    "[yaml]": {"editor.insertSpaces": True, "editor.tabSize": 2, "editor.autoIndent": "keep"},
}


def with_defaults(settings: dict[str, Any]) -> dict[str, Any]:
    """settings.json over the defaults; a language block merges key by key."""
    merged = VSCODE_DEFAULTS | settings
    for key in VSCODE_DEFAULTS:
        if key.startswith("[") and key in settings:
            merged[key] = VSCODE_DEFAULTS[key] | settings[key]
    return merged


def nested(flat: dict[str, Any]) -> dict[str, Any]:
    """VS Code's view of settings.json: ``"yaml.format.printWidth": 200``
    is the ``printWidth`` of the ``yaml.format`` section. A language block
    such as ``"[yaml]"`` stays one key."""
    out: dict[str, Any] = {}
    for key, value in flat.items():
        parts = [key] if key.startswith("[") else key.split(".")
        node = out
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    return out


class LanguageServer:
    """One server process. Requests from the server (its settings,
    registrations) are answered on the reader thread, so the test thread
    only waits for what it asked for."""

    def __init__(self, command: list[str], workspace: Path, settings: dict[str, Any]) -> None:
        self.workspace = workspace
        self.settings = self.settings_for(settings)
        self.diagnostics: dict[str, list[dict[str, Any]]] = {}
        self.published: dict[str, int] = {}
        self.configuration_requests = 0
        self._responses: dict[int, queue.Queue[dict[str, Any]]] = {}
        self._changed = threading.Condition()
        self._next_id = 0
        self._write_lock = threading.Lock()
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, cwd=workspace)
        self._reader = threading.Thread(target=self._read_loop, daemon=True)
        self._reader.start()

    @staticmethod
    def settings_for(settings: dict[str, Any]) -> dict[str, Any]:
        """What the editor answers for settings.json: sections, defaults filled in."""
        return nested(with_defaults(settings))

    # -- wire -----------------------------------------------------------
    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        with self._write_lock:
            self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.process.stdin.flush()

    def _read_message(self) -> dict[str, Any] | None:
        stream = self.process.stdout
        assert stream is not None
        length = None
        while True:
            line = stream.readline()
            if not line:
                return None
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode("ascii").partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        assert length is not None
        message: dict[str, Any] = json.loads(stream.read(length))
        return message

    def _read_loop(self) -> None:
        while (message := self._read_message()) is not None:
            if "id" in message and "method" in message:  # a request from the server
                self._send({"id": message["id"], "result": self._answer(message["method"], message.get("params"))})
            elif "id" in message:
                self._responses.setdefault(message["id"], queue.Queue()).put(message)
            elif message.get("method") == "textDocument/publishDiagnostics":
                params = message["params"]
                with self._changed:
                    self.diagnostics[params["uri"]] = params["diagnostics"]
                    self.published[params["uri"]] = self.published.get(params["uri"], 0) + 1
                    self._changed.notify_all()

    def _answer(self, method: str, params: Any) -> Any:
        if method == "workspace/configuration":
            with self._changed:
                self.configuration_requests += 1
                self._changed.notify_all()
            return [self._section(item.get("section", "")) for item in params["items"]]
        return None  # client/registerCapability, window/workDoneProgress/create …

    def _section(self, section: str) -> Any:
        if section.startswith("["):
            return self.settings.get(section)
        node: Any = self.settings
        for part in section.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        return node

    def request(self, method: str, params: Any, timeout: float = 60) -> Any:
        return self.requests(method, [params], timeout)[0]

    def requests(self, method: str, many: list[Any], timeout: float = 60) -> list[Any]:
        """Send every request, then wait for the answers (the server works
        on them together, as it does on an editor's)."""
        boxes = []
        for params in many:
            self._next_id += 1
            boxes.append((self._next_id, self._responses.setdefault(self._next_id, queue.Queue())))
            self._send({"id": self._next_id, "method": method, "params": params})
        results = []
        for ident, box in boxes:
            response = box.get(timeout=timeout)
            del self._responses[ident]
            if "error" in response:
                raise RuntimeError(f"{method}: {response['error']}")
            results.append(response.get("result"))
        return results

    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    # -- what an editor does -------------------------------------------
    def start(self) -> None:
        uri = self.workspace.as_uri()
        self.request("initialize", {
            "processId": None, "rootUri": uri, "workspaceFolders": [{"uri": uri, "name": self.workspace.name}],
            "capabilities": {"workspace": {"configuration": True, "workspaceFolders": True},
                             "textDocument": {"publishDiagnostics": {}, "formatting": {}}},
        })
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": None})
        self.wait_for(lambda: self.configuration_requests > 0, "the server to ask for its settings")

    def open(self, path: Path, text: str | None = None) -> str:
        uri = path.as_uri()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": 1,
            "text": path.read_text(encoding="utf-8") if text is None else text}})
        return uri

    def wait_for(self, condition: Any, what: str, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        with self._changed:
            while not condition():
                left = deadline - time.monotonic()
                if left <= 0 or self.process.poll() is not None:
                    raise TimeoutError(f"waited {timeout} s for {what}")
                self._changed.wait(min(left, 1))

    def diagnostics_of(self, uris: list[str], timeout: float = 120) -> dict[str, list[dict[str, Any]]]:
        """Wait until the server has published for every document."""
        self.wait_for(lambda: all(u in self.published for u in uris),
                      f"diagnostics of {len(uris)} documents", timeout)
        with self._changed:
            return {u: self.diagnostics[u] for u in uris}

    def format(self, uri: str) -> list[dict[str, Any]]:
        return self.format_all([uri])[0]

    def format_all(self, uris: list[str]) -> list[list[dict[str, Any]]]:
        """The edits of "Format Document" for each document, with the tab
        size the editor takes from the settings for YAML files."""
        editor = self.settings.get("[yaml]", {})
        options = {"tabSize": editor.get("editor.tabSize", 4), "insertSpaces": editor.get("editor.insertSpaces", True)}
        results = self.requests("textDocument/formatting",
                                [{"textDocument": {"uri": uri}, "options": options} for uri in uris])
        return [result or [] for result in results]

    def stop(self) -> None:
        try:
            self.request("shutdown", None, timeout=10)
            self.notify("exit", None)
            self.process.wait(timeout=10)
        except (OSError, TimeoutError, queue.Empty, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
        self._reader.join(timeout=10)
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()


def apply_edits(text: str, edits: list[dict[str, Any]]) -> str:
    """Apply LSP text edits (line/character positions, UTF-16 columns)."""
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(position: dict[str, int]) -> int:
        if position["line"] >= len(lines):
            return len(text)
        line = lines[position["line"]]
        units, index = 0, 0
        while index < len(line) and units < position["character"]:
            units += 2 if ord(line[index]) > 0xFFFF else 1
            index += 1
        return starts[position["line"]] + index

    for edit in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]),
                       reverse=True):
        start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text
