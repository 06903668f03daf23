"""``wenshi count FILE...`` — Word's 字数 and the other named figures, no library needed."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from wenshi.cli.common import limit_options, limits_from
from wenshi.cli.output import error_line, print_json, table
from wenshi.errors import WenshiError
from wenshi.fsutil import printable
from wenshi.layout import Layout
from wenshi.reading import ReadOptions, read_document
from wenshi.text.wordcount import count_text, layout_words

LABELS = {
    "words": "字数(Word)",
    "cjk": "中文字符",
    "non_cjk_words": "非中文单词",
    "han": "汉字",
    "chars_no_spaces": "字符数(不计空格)",
    "chars_with_spaces": "字符数(计空格)",
    "paragraphs": "段落数",
    "layout_words": "版面字数",
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("count", help="统计文件的字数（不需要文库）")
    p.add_argument("files", nargs="+", metavar="FILE", help=".txt / .md / .docx 文件")
    p.add_argument(
        "--layout", metavar="CPLxLPP", help="版式：每行字数x每页行数，如 28x30，给出时计算版面字数"
    )
    p.add_argument(
        "--verse",
        action="store_true",
        help="按诗词计版面字数（每 10 行折 1000 字，不足 10 行按 10 行）",
    )
    p.add_argument("--encoding", metavar="E", help="指定文本编码（如 gb18030、big5、utf-8）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    limit_options(p)
    p.set_defaults(handler=run, needs_library=False)


def run(args: argparse.Namespace, _library: object) -> int:
    layout = Layout.parse(args.layout) if args.layout else None
    results: list[dict[str, Any]] = []
    failed = False
    limits = limits_from(args)
    for name in args.files:
        path = Path(name)
        try:
            text, encoding, kind = _text_of(path, ReadOptions(args.encoding, limits=limits))
        except WenshiError as exc:
            error_line(str(exc))
            failed = True
            results.append({"file": printable(path), "error": str(exc)})  # scripts stay aligned
            continue
        row: dict[str, Any] = {"file": printable(path), "kind": kind, "encoding": encoding}
        row.update(count_text(text).as_dict())
        if layout is not None:
            row["layout_words"] = layout_words(text, layout, verse=args.verse)
        results.append(row)
    if args.json:
        print_json(results)
        return 1 if failed else 0
    counted = [r for r in results if "error" not in r]
    if counted:
        keys = [k for k in LABELS if k in counted[0]]
        print(
            table(
                ["文件", "编码", *(LABELS[k] for k in keys)],
                [[r["file"], _shown(r), *(str(r[k]) for k in keys)] for r in counted],
            )
        )
    return 1 if failed else 0


def _shown(row: dict[str, Any]) -> str:
    """The encoding column: a .docx or PDF shows its kind, an empty file nothing."""
    return row["encoding"] or row["kind"] if row["encoding"] is not None else "—"


def _text_of(path: Path, options: ReadOptions) -> tuple[str, str | None, str]:
    """A file's text and encoding; an empty text file has no text (Word counts 0), where
    importing it would be refused."""
    if path.suffix.lower() in (".txt", ".md") and path.is_file() and path.stat().st_size == 0:
        return "", None, "txt"
    _, document = read_document(path, options)
    return document.text, document.encoding, document.kind
