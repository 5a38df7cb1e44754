"""`moscow1939 lsp`: the language server's wiring on pygls. It checks the editor's text on
open, change and save, and answers completion, hover and definition from the ids index.
It reads the documents it is given and their bases, and executes nothing of them."""

from __future__ import annotations

import asyncio

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from .. import __version__
from .answers import completion, definition, hover
from .diagnostics import diagnostics
from .index import Index, index

TRIGGERS = ['"', ".", " ", "(", "["]
PAUSE = 0.25
"""Seconds of quiet after a change before the text is checked again: typing sends a change
a keystroke, and each check of a large scenario takes a fifth of a second."""


class ScenarioServer(LanguageServer):
    """The server, with each document's ids index kept for its current version."""

    def __init__(self) -> None:
        super().__init__("moscow1939", __version__)
        self.indexes: dict[str, tuple[int | None, Index]] = {}
        self.waiting: dict[str, asyncio.TimerHandle] = {}

    def text(self, uri: str) -> tuple[str, str, int | None]:
        """A document's current text, the file name it is checked as, and its version."""
        doc = self.workspace.get_text_document(uri)
        return doc.source, to_fs_path(uri) or uri, doc.version

    def ids(self, uri: str) -> tuple[str, str, Index]:
        text, file, version = self.text(uri)
        cached = self.indexes.get(uri)
        if cached is None or cached[0] != version or version is None:
            cached = (version, index(text, file))
            self.indexes[uri] = cached
        return text, file, cached[1]

    def check_soon(self, uri: str) -> None:
        """Check the document once the changes stop coming (at once outside a loop)."""
        if (pending := self.waiting.pop(uri, None)) is not None:
            pending.cancel()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self.check(uri)
            return
        self.waiting[uri] = loop.call_later(PAUSE, self.check, uri)

    def check(self, uri: str) -> None:
        self.waiting.pop(uri, None)
        if uri not in self.workspace.text_documents:  # closed meanwhile
            return
        text, file, version = self.text(uri)
        found = diagnostics(text, file)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=found, version=version)
        )


def build() -> ScenarioServer:
    """The server with its features registered."""
    server = ScenarioServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ScenarioServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ScenarioServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.check_soon(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ScenarioServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ScenarioServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.indexes.pop(uri, None)
        if (pending := ls.waiting.pop(uri, None)) is not None:
            pending.cancel()
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, []))

    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=TRIGGERS)
    )
    def complete(ls: ScenarioServer, params: types.CompletionParams) -> types.CompletionList:
        text, _, ids = ls.ids(params.text_document.uri)
        at = params.position
        return types.CompletionList(
            is_incomplete=False, items=completion(text, at.line, at.character, ids)
        )

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: ScenarioServer, params: types.HoverParams) -> types.Hover | None:
        text, _, ids = ls.ids(params.text_document.uri)
        return hover(text, params.position.line, params.position.character, ids)

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def on_definition(ls: ScenarioServer, params: types.DefinitionParams) -> list[types.Location]:
        uri = params.text_document.uri
        text, file, ids = ls.ids(uri)
        at = params.position
        return definition(text, at.line, at.character, ids, (file, uri))

    return server


def run() -> int:
    """Serve on standard input and output until the client says exit."""
    build().start_io()
    return 0
