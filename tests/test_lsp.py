"""`moscow1939 lsp`, tested through the protocol: one server process for the module, spoken
to in Content-Length framed JSON-RPC on its stdin and stdout, every wait with a timeout."""

from __future__ import annotations

import io
import json
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from game import cli

from .conftest import ROOT, TINY

WAIT = 60.0
"""Seconds any one answer may take before the test fails (it never sleeps)."""


class Client:
    """A minimal LSP client: requests wait for their answer, notifications are queued."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "game", "lsp"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        self.inbox: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.next_id = 0
        self.pending: list[dict[str, Any]] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            length = 0
            while (line := out.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if not line:
                self.inbox.put(None)
                return
            self.inbox.put(json.loads(out.read(length)))

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        stdin = self.proc.stdin
        assert stdin is not None
        stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        stdin.flush()

    def notify(self, method: str, params: dict[str, Any] | None = None) -> None:
        self.send({"method": method, "params": params})

    def receive(self) -> dict[str, Any]:
        message = self.inbox.get(timeout=WAIT)
        assert message is not None, "the server closed its output"
        return message

    def request(self, method: str, params: dict[str, Any] | None = None) -> Any:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == self.next_id and "method" not in message:
                assert "error" not in message, message
                return message.get("result")
            self.pending.append(message)

    def diagnostics(self, uri: str) -> list[dict[str, Any]]:
        """The next diagnostics published for `uri`."""
        while True:
            found = next(
                (m for m in self.pending if m.get("method") == "textDocument/publishDiagnostics"),
                None,
            )
            if found is None:
                found = self.receive()
            else:
                self.pending.remove(found)
            if found.get("method") == "textDocument/publishDiagnostics":
                if found["params"]["uri"] == uri:
                    return list(found["params"]["diagnostics"])
            elif "id" in found and "method" in found:  # a request from the server
                self.send({"id": found["id"], "result": None})

    def open(self, path: Path, text: str | None = None) -> list[dict[str, Any]]:
        """Open a document (its text: `text`, else the file's) and return its diagnostics."""
        uri = path.as_uri()
        document = {
            "uri": uri,
            "languageId": "toml",
            "version": 1,
            "text": path.read_text(encoding="utf-8") if text is None else text,
        }
        self.notify("textDocument/didOpen", {"textDocument": document})
        return self.diagnostics(uri)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("lsp")
    (where / "tiny.toml").write_text(TINY.read_text(encoding="utf-8"), encoding="utf-8")
    (where / "variant.toml").write_text(
        'format = 1\nid = "tiny_variant"\nextends = "tiny"\ntitle = "A variant"\n\n'
        '[[events]]\nid = "thaw"\ndate = 1939-03-22\ntitle = "A thaw"\ntext = "Warmer."\n'
        'effects = ["trust += 1"]\nwhen = "not rebuffed"\n'
        'history = { note = "An invented thaw.", sources = ["GSE"] }\n',
        encoding="utf-8",
    )
    return where


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    c = Client()
    try:
        result = c.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
        assert result["capabilities"]["completionProvider"]
        assert result["capabilities"]["hoverProvider"]
        assert result["capabilities"]["definitionProvider"]
        c.notify("initialized", {})
        yield c
    finally:
        if c.proc.poll() is None:
            c.request("shutdown")
            c.notify("exit")
            c.proc.wait(timeout=WAIT)
        assert c.proc.returncode == 0


def position(text: str, needle: str, offset: int = 0) -> dict[str, int]:
    """The position of `needle`'s first occurrence (plus `offset` characters)."""
    before = text[: text.index(needle) + offset]
    return {"line": before.count("\n"), "character": len(before) - (before.rfind("\n") + 1)}


def test_a_broken_file_gets_its_error_at_the_line_and_key(client: Client, folder: Path) -> None:
    text = TINY.read_text(encoding="utf-8").replace('when = "not treaty"', 'when = "not treatie"')
    found = client.open(folder / "broken.toml", text)
    errors = [d for d in found if d["severity"] == 1]
    assert errors, found
    where = position(text, 'when = "not treatie"')
    error = errors[0]
    assert error["range"]["start"] == where
    assert error["range"]["end"] == {**where, "character": where["character"] + len("when")}
    assert "treatie" in error["message"] and "did you mean 'treaty'" in error["message"]


def test_diagnostics_follow_the_unsaved_text(client: Client, folder: Path) -> None:
    path = folder / "tiny.toml"
    uri = path.as_uri()
    assert client.open(path) == []  # tiny.toml lints clean
    broken = path.read_text(encoding="utf-8").replace("[[powers]]", "[[powers]\n", 1)
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": broken}]},
    )
    found = client.diagnostics(uri)
    assert len(found) == 1 and "TOML" in found[0]["message"]
    assert found[0]["range"]["start"]["line"] == position(broken, "[[powers]\n")["line"]
    client.notify(
        "textDocument/didChange",
        {
            "textDocument": {"uri": uri, "version": 3},
            "contentChanges": [{"text": path.read_text(encoding="utf-8")}],
        },
    )
    assert client.diagnostics(uri) == []


def test_lint_warnings_are_warnings(client: Client, folder: Path) -> None:
    text = TINY.read_text(encoding="utf-8") + '\n[[flags]]\nid = "unused"\nlabel = "Unused"\n'
    found = client.open(folder / "warned.toml", text)
    assert found and all(d["severity"] == 2 for d in found)
    assert any("'unused' is never read" in d["message"] for d in found)
    assert all(
        d["range"]["start"]["line"] == position(text, 'id = "unused"')["line"] for d in found
    )


def test_completion_inside_a_condition_offers_declared_ids(client: Client, folder: Path) -> None:
    text = TINY.read_text(encoding="utf-8").replace('when = "not treaty"', 'when = "tr"')
    path = folder / "completing.toml"
    client.open(path, text)
    at = position(text, 'when = "tr"', len('when = "tr'))
    result = client.request(
        "textDocument/completion", {"textDocument": {"uri": path.as_uri()}, "position": at}
    )
    labels = {item["label"]: item for item in result["items"]}
    assert {"trust", "treaty"} <= set(labels) and "rebuffed" not in labels
    assert labels["trust"]["detail"] == "variable: Soviet trust in London"
    outside = position(text, "[[events]]")
    result = client.request(
        "textDocument/completion", {"textDocument": {"uri": path.as_uri()}, "position": outside}
    )
    assert result["items"] == []


def test_hover_shows_kind_label_and_history_note(client: Client, folder: Path) -> None:
    path = folder / "tiny.toml"
    text = path.read_text(encoding="utf-8")
    client.open(path)
    result = client.request(
        "textDocument/hover",
        {"textDocument": {"uri": path.as_uri()}, "position": position(text, "trust += 5", 2)},
    )
    assert "**variable** `trust` — Soviet trust in London" in result["contents"]["value"]
    text_at = position(text, 'id = "prague"', 6)
    result = client.request(
        "textDocument/hover", {"textDocument": {"uri": path.as_uri()}, "position": text_at}
    )
    assert "Germany occupied Bohemia" in result["contents"]["value"]


def test_definition_points_at_the_declaring_line(client: Client, folder: Path) -> None:
    path = folder / "tiny.toml"
    text = path.read_text(encoding="utf-8")
    client.open(path)
    result = client.request(
        "textDocument/definition",
        {"textDocument": {"uri": path.as_uri()}, "position": position(text, "not treaty", 5)},
    )
    declared = position(text, 'id = "treaty"', len('id = "'))
    end = {**declared, "character": declared["character"] + len("treaty")}
    # the flag first; tiny.toml has an ending called 'treaty' too, offered second
    assert result[0] == {"uri": path.as_uri(), "range": {"start": declared, "end": end}}
    assert len(result) == 2


def test_a_variant_is_checked_and_resolved_against_its_base(client: Client, folder: Path) -> None:
    path = folder / "variant.toml"
    text = path.read_text(encoding="utf-8")
    assert client.open(path) == []
    result = client.request(
        "textDocument/definition",
        {"textDocument": {"uri": path.as_uri()}, "position": position(text, "not rebuffed", 5)},
    )
    base = folder / "tiny.toml"
    line = position(base.read_text(encoding="utf-8"), 'id = "rebuffed"')["line"]
    assert [(r["uri"], r["range"]["start"]["line"]) for r in result] == [(base.as_uri(), line)]
    broken = text.replace("not rebuffed", "not rebufed")
    found = client.open(folder / "variant2.toml", broken)
    assert "did you mean 'rebuffed'" in found[0]["message"]
    assert found[0]["range"]["start"]["line"] == position(broken, "when =")["line"]


def test_any_text_gets_an_answer_and_never_a_crash(client: Client, folder: Path) -> None:
    path = folder / "garbage.toml"
    for n, text in enumerate(["", "\ufeffformat = 2", "[[[", 'x = "' * 3000, "a = [" * 500]):
        uri = path.as_uri()
        if n == 0:
            found = client.open(path, text)
        else:
            client.notify(
                "textDocument/didChange",
                {
                    "textDocument": {"uri": uri, "version": n + 1},
                    "contentChanges": [{"text": text}],
                },
            )
            found = client.diagnostics(uri)
        assert found and found[0]["severity"] == 1, text[:20]
        hover = client.request(
            "textDocument/hover",
            {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 2}},
        )
        assert hover is None
    assert client.proc.poll() is None


def test_without_pygls_the_command_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "game.lsp.server", None)  # the import fails
    err = io.StringIO()
    assert cli.main(["lsp"], out=err) == 1
    lines = err.getvalue().splitlines()
    assert len(lines) == 1 and "pip install 'moscow1939[lsp]'" in lines[0]
