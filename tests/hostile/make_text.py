"""Text, web pages and Markdown built to be slow to split, parse or decode."""

from __future__ import annotations

import os
from pathlib import Path

MIB = 1024 * 1024
SENTENCES = (
    "The president arrived in Beijing on Sunday for a four-day state visit.",
    "Officials said the talks would cover trade, supply chains and security.",
    "A business delegation of 200 executives travelled with him, according to his office.",
    "Analysts in Seoul described the trip as a reset of strained relations.",
)
PROSE = " ".join(SENTENCES)
HTML_PAGE = (
    "<!doctype html><html><head>{meta}<title>{title}</title></head><body><article>"
    "<h1>{title}</h1>{body}</article></body></html>"
)


def page(body: str, meta: str = "", title: str = "State visit ends with trade deal") -> str:
    return HTML_PAGE.format(meta=meta, title=title, body=body)


def paragraphs_html(sentences: list[str]) -> str:
    return "".join(f"<p>{s}</p>" for s in sentences)


def written(data: bytes | str):
    """A builder writing exactly `data` (text as UTF-8)."""

    def build(path: Path) -> Path:
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path

    return build


def repeated(unit: str, total_bytes: int, prefix: str = ""):
    """`unit` repeated up to `total_bytes`, written in chunks so no copy of it is built."""

    def build(path: Path) -> Path:
        encoded = unit.encode("utf-8")
        chunk = encoded * max(1, MIB // len(encoded))
        with open(path, "wb") as out:
            out.write(prefix.encode("utf-8"))
            left = total_bytes - len(prefix.encode("utf-8"))
            while left >= len(chunk):
                out.write(chunk)
                left -= len(chunk)
            out.write(encoded * (left // len(encoded)))
        return path

    return build


def exactly(total_bytes: int, line: str = PROSE + "\n\n"):
    """Prose paragraphs padded with spaces to exactly `total_bytes`."""

    def build(path: Path) -> Path:
        repeated(line, total_bytes)(path)
        with open(path, "ab") as out:
            out.write(b" " * (total_bytes - path.stat().st_size))
        return path

    return build


def sparse(total_bytes: int):
    """A file of `total_bytes` that takes no disk space: refused by its size, never read."""

    def build(path: Path) -> Path:
        with open(path, "wb") as out:
            out.truncate(total_bytes)
        return path

    return build


def many_html_paragraphs(count: int):
    def build(path: Path) -> Path:
        body = "".join(f"<p>{SENTENCES[n % 4]} Paragraph {n}.</p>" for n in range(count))
        path.write_text(page(body))
        return path

    return build


def nested_divs(depth: int):
    def build(path: Path) -> Path:
        body = "<div>" * depth + f"<p>{PROSE}</p>" + "</div>" * depth
        path.write_text(page(body))
        return path

    return build


def markdown_nesting(opener: str, depth: int, closer: str = ""):
    """Markdown nested far past markdown-it's nesting limit, then ordinary paragraphs."""

    def build(path: Path) -> Path:
        path.write_text(f"# Visit\n\n{opener * depth}deep{closer * depth}\n\n{PROSE}\n")
        return path

    return build


def blank_lines(count: int):
    def build(path: Path) -> Path:
        with open(path, "wb") as out:
            out.write(b"\n" * count + PROSE.encode() + b"\n" * count)
        return path

    return build


def long_words(word_chars: int, words: int):
    def build(path: Path) -> Path:
        with open(path, "wb") as out:
            out.write(PROSE.encode() + b"\n\n")
            for n in range(words):
                out.write(bytes([97 + n % 26]) * word_chars + b" ")
        return path

    return build


def meta_charset(label: str):
    """A plain ASCII page whose meta tag names `label` as its character set."""
    return written(page(paragraphs_html(list(SENTENCES)), meta=f'<meta charset="{label}">'))


def utf16_without_bom(suffix: str, codec: str):
    def build(path: Path) -> Path:
        text = page(paragraphs_html(list(SENTENCES))) if suffix == ".html" else PROSE
        path.write_bytes(text.encode(codec))
        return path

    return build


def mixed_encodings(path: Path) -> Path:
    """UTF-8, cp1252 and Latin-1 paragraphs in one file, as pasted from three sources."""
    path.write_bytes(
        "Officials in Seoul called it a “reset” of relations.\n\n".encode()
        + "The deal is worth €2 billion, said the ministry’s spokesman.\n\n".encode("cp1252")
        + "Le président a parlé à la presse à Pékin.\n".encode("latin-1")
    )
    return path


def cesu8(path: Path) -> Path:
    """An emoji written as two encoded surrogate halves (CESU-8), which UTF-8 forbids."""
    grinning = "\ud83d\ude00".encode("utf-8", "surrogatepass")
    path.write_bytes(PROSE.encode() + b" " + grinning + b" The end.\n")
    return path


def sprinkled(character: str, every: int):
    """Prose with `character` inserted after every `every` characters."""
    text = PROSE * 20
    return written(character.join(text[n : n + every] for n in range(0, len(text), every)) + "\n")


def sprinkled_bytes(byte: bytes, every: int):
    text = (PROSE * 20).encode()
    return written(byte.join(text[n : n + every] for n in range(0, len(text), every)) + b"\n")


SECRET = "SECRET-TOKEN-42"


def write_secret(folder: Path) -> Path:
    secret = folder / "secret-token.dat"  # not an article suffix: never listed
    secret.write_text(SECRET)
    os.chmod(secret, 0o600)
    return secret


def external_entity_html(path: Path) -> Path:
    """A page whose entity names a local file: its content must never become article text."""
    secret = write_secret(path.parent)
    doctype = f'<!DOCTYPE html [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
    html = page(paragraphs_html([*SENTENCES, "&x;"])).replace("<!doctype html>", doctype)
    path.write_text(html)
    return path
