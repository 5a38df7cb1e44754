"""Completion, hover and go to definition for declared ids, from a document's `Index`."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from .cursor import in_string, prefix_at, word_at
from .index import Decl, Index

ITEM_KINDS = {
    "power": types.CompletionItemKind.Module,
    "variable": types.CompletionItemKind.Variable,
    "flag": types.CompletionItemKind.Constant,
    "event": types.CompletionItemKind.Event,
    "action": types.CompletionItemKind.Function,
    "ending": types.CompletionItemKind.EnumMember,
    "name": types.CompletionItemKind.Text,
}
MAX_ITEMS = 500


def completion(text: str, line: int, character: int, ids: Index) -> list[types.CompletionItem]:
    """The declared ids that start with the word at the cursor, if it is inside a string
    (a condition, an effect, a list of ids); nothing elsewhere."""
    if not in_string(text, line, character):
        return []
    prefix = prefix_at(text, line, character)
    items = []
    for ident, decl in sorted(ids.ids().items()):
        if not ident.startswith(prefix):
            continue
        items.append(
            types.CompletionItem(
                label=ident,
                kind=ITEM_KINDS.get(decl.kind, types.CompletionItemKind.Text),
                detail=f"{decl.kind}: {decl.label}" if decl.label else decl.kind,
                documentation=decl.note or None,
            )
        )
        if len(items) >= MAX_ITEMS:
            break
    return items


def hover(text: str, line: int, character: int, ids: Index) -> types.Hover | None:
    """The kind, label and first lines of the history note of the id under the cursor."""
    word, start, end = word_at(text, line, character)
    found = ids.find(word)
    if not word or not found:
        return None
    decl = found[0]
    parts = [f"**{decl.kind}** `{decl.id}`" + (f" — {decl.label}" if decl.label else "")]
    if decl.note:
        parts.append(decl.note)
    if decl.file != found[-1].file or len(found) > 1:
        parts.append(f"declared in {Path(found[-1].file).name}")
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n".join(parts)),
        range=types.Range(types.Position(line, start), types.Position(line, end)),
    )


def _location(decl: Decl, document: tuple[str, str]) -> types.Location:
    start = types.Position(decl.line, decl.column)
    end = types.Position(decl.line, decl.column + len(decl.id))
    file, uri = document
    if decl.file != file:
        uri = Path(decl.file).absolute().as_uri()
    return types.Location(uri=uri, range=types.Range(start, end))


def definition(
    text: str, line: int, character: int, ids: Index, document: tuple[str, str]
) -> list[types.Location]:
    """Where the id under the cursor is declared: in the document (`document`: its file
    name and URI), and in its bases."""
    word = word_at(text, line, character)[0]
    return [_location(d, document) for d in ids.find(word)] if word else []
