"""The language server for scenario files (`moscow1939 lsp`, needs the `lsp` extra):

- `server`: the wiring on pygls, per document;
- `diagnostics`: what validate and lint say of the current text, as ranges;
- `index`: the ids a document and its bases declare, where, with labels and notes;
- `cursor`: the word at the cursor, and whether it is inside a string;
- `answers`: completion, hover and go to definition from the index.
"""
