"""Turn the bytes of a text file into a string without assuming UTF-8.

News text saved on Windows is often cp1252 (curly quotes, €), Notepad writes UTF-16
with a byte order mark, and copy-pasted files sometimes hold a few invalid bytes.
"""

from __future__ import annotations

import codecs
import re


class UnreadableFile(Exception):
    """A file that cannot become an article; the message is shown to the user."""


BINARY = "binary file, not text"

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAMPLE = 8192


def decode_text(data: bytes) -> str:
    """Decode a text file's bytes, detecting the encoding; raise UnreadableFile for binary."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            # A file cut short can end in half a character; lose that, not the file.
            return _reject_binary(data[len(bom) :].decode(encoding, errors="replace"))
    if b"\x00" in data[:_SAMPLE]:
        encoding = _bomless_utf16(data)
        if encoding is None:
            raise UnreadableFile(BINARY)
        return _reject_binary(data.decode(encoding, errors="replace"))
    try:
        return _reject_binary(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    return _reject_binary(_decode_not_utf8(data))


def _decode_not_utf8(data: bytes) -> str:
    if _mostly_utf8(data):
        # Valid UTF-8 with a few stray bytes: keep the good characters.
        return data.decode("utf-8", errors="replace")
    western = _as_western(data)
    if western is not None:
        return western
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return data.decode(best.encoding, errors="replace")
    # latin-1 maps every byte to a character, so this never fails.
    return data.decode("latin-1")


def _mostly_utf8(data: bytes) -> bool:
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good_multibyte = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    return good_multibyte > 0 and bad <= max(2, good_multibyte // 10)


def _as_western(data: bytes) -> str | None:
    """cp1252 (a superset of printable latin-1) when the result reads as Western text.

    Encoding detectors guess short Western snippets as Central European (cp1250), turning
    “déjà” into “déjŕ”; text in another script decoded as cp1252 is mostly accented
    letters, which is how it is told apart.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [ch for ch in text if ch.isalpha()]
    foreign = sum(1 for ch in letters if ord(ch) > 0x7F)
    return text if foreign <= 0.4 * max(len(letters), 1) else None


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a byte order mark: every other byte of Latin text is zero."""
    sample = data[:_SAMPLE]
    half = max(len(sample) // 2, 1)
    even_nuls, odd_nuls = sample[0::2].count(0), sample[1::2].count(0)
    if odd_nuls > 0.4 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.4 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def _reject_binary(text: str) -> str:
    sample = text[:_SAMPLE]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if sample and controls > 0.02 * len(sample):
        raise UnreadableFile(BINARY)
    return text


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


def decode_html(data: bytes) -> str:
    """A page's declared charset wins over guessing; a byte order mark wins over both."""
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            try:
                encoding = codecs.lookup(declared.group(1).decode("ascii")).name
            except (LookupError, UnicodeDecodeError):
                encoding = None
            if encoding is not None:
                # Browsers read pages labelled latin-1 as cp1252; so do we.
                if encoding in {"latin-1", "iso8859-1"}:
                    encoding = "cp1252"
                return _reject_binary(data.decode(encoding, errors="replace"))
    return decode_text(data)
