"""What `validate` and `lint` say of a document's current text, as LSP diagnostics.

The text is the editor's buffer, never the file on disk; a variant's base is read from
disk beside it, as the loader does. Each located problem becomes a range on its line: the
key it names if that key is written there, else the line's text. A problem in another
file (a variant's base) is shown at the `extends` line, naming where it is.
"""

from __future__ import annotations

from lsprotocol import types

from ..scenario.errors import Problem, ScenarioError
from ..scenario.lint import lint
from ..scenario.loader import MAX_BYTES, load_text

SOURCE = "moscow1939"


def _range(lines: list[str], line: int, path: str) -> types.Range:
    """The range of problem on `line` (from 0): its key if written there, else the line."""
    row = lines[line] if 0 <= line < len(lines) else ""
    key = path.rsplit(".", 1)[-1].split("[", 1)[0]
    start = row.find(key) if key and key not in ("(file)", "(toml)", "(top)") else -1
    if start >= 0:
        end = start + len(key)
    else:
        start = len(row) - len(row.lstrip())
        end = max(len(row.rstrip()), start)
    return types.Range(types.Position(line, start), types.Position(line, end))


def _extends_line(lines: list[str]) -> int:
    return next((n for n, row in enumerate(lines) if row.lstrip().startswith("extends")), 0)


def diagnostic(problem: Problem, file: str, lines: list[str], warning: bool) -> types.Diagnostic:
    """One problem as a diagnostic on the document `file` (whose text is `lines`)."""
    message = f"{problem.path}: {problem.message}"
    if problem.hint:
        message += f" — {problem.hint}"
    if problem.file != file:  # in a base, or a file the document names
        where = f"{problem.file}:{problem.line}" if problem.line else problem.file
        line = _extends_line(lines)
        message = f"in {where}: {message}"
        path = "extends"
    else:
        line, path = max(problem.line - 1, 0), problem.path
    severity = types.DiagnosticSeverity.Warning if warning else types.DiagnosticSeverity.Error
    return types.Diagnostic(
        range=_range(lines, line, path), message=message, severity=severity, source=SOURCE
    )


def diagnostics(text: str, file: str) -> list[types.Diagnostic]:
    """The errors of `text` (read as the file `file`), or its lint warnings if it has none."""
    lines = text.splitlines()
    data = text.encode("utf-8", "surrogatepass")
    if len(data) > MAX_BYTES:
        too_big = f"file is {len(data):,} bytes; the limit is {MAX_BYTES:,}"
        problem = Problem(file, 1, "(file)", too_big, "split the scenario into a base and variants")
        return [diagnostic(problem, file, lines, warning=False)]
    try:
        scenario = load_text(text, file, data)
    except ScenarioError as err:
        return [diagnostic(p, file, lines, warning=False) for p in err.problems]
    except (RecursionError, MemoryError, ValueError):  # never an editor's crash
        problem = Problem(file, 1, "(file)", "this text cannot be checked", "run validate")
        return [diagnostic(problem, file, lines, warning=False)]
    return [diagnostic(p, file, lines, warning=True) for p in lint(scenario, text)]
