"""Turn the bytes of a text file into a string without assuming UTF-8.

News text saved on Windows is often cp1252 (curly quotes, €), Notepad writes UTF-16
with a byte order mark, and copy-pasted files sometimes hold a few invalid bytes.
"""

from __future__ import annotations

import codecs
import re


class UnreadableFile(Exception):
    """A file that cannot become an article; the message is shown to the user.

    `skipped` marks files left out on purpose (a named pipe, a device) rather than broken.
    """

    def __init__(self, reason: str, skipped: bool = False) -> None:
        super().__init__(reason)
        self.skipped = skipped


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
    mixed = _utf8_and_western(data)
    if mixed is not None:
        return mixed
    western = _as_western(data)
    if western is not None:
        return western
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return data.decode(best.encoding, errors="replace")
    # latin-1 maps every byte to a character, so this never fails.
    return data.decode("latin-1")


def _bytes_as_cp1252(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start : exc.end].decode("cp1252", errors="replace"), exc.end


_CP1252_FALLBACK = "corroborate-cp1252-fallback"
codecs.register_error(_CP1252_FALLBACK, _bytes_as_cp1252)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _utf8_and_western(data: bytes) -> str | None:
    """UTF-8 where the bytes are valid UTF-8, cp1252 where they are not.

    Text pasted from several sources mixes the two ("“reset”" in UTF-8 beside "€2" in
    cp1252), and a UTF-8 file may hold a few stray Windows characters. None when no
    valid UTF-8 character is present, or when the result reads as another script
    decoded wrongly rather than as Western text.
    """
    valid_only = data.decode("utf-8", errors="ignore")
    if _NON_ASCII.search(valid_only) is None:
        return None
    text = data.decode("utf-8", errors=_CP1252_FALLBACK)
    if _mostly_utf8(data) or _reads_as_western(text):
        return text
    return None


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
    return text if _reads_as_western(text) else None


def _reads_as_western(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    foreign = sum(1 for ch in letters if ord(ch) > 0x7F)
    return foreign <= 0.4 * max(len(letters), 1)


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


# Python codecs that turn bytes into text but are no character set a page can be written in.
_NOT_WEB_CHARSETS = frozenset(
    {"undefined", "unicode-escape", "raw-unicode-escape", "idna", "punycode", "utf-7"}
)


def decode_html(data: bytes) -> str:
    """A page's declared charset wins over guessing; a byte order mark wins over both.

    A declaration naming no real character set ("rot13", "base64", a typo) is ignored.
    """
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        declared = _META_CHARSET.search(data[:4096])
        encoding = _declared_charset(declared.group(1)) if declared else None
        if encoding is not None:
            try:
                return _reject_binary(data.decode(encoding, errors="replace"))
            except (LookupError, UnicodeError, ValueError):
                pass  # the declaration lied in a way decoding revealed: guess instead
    return decode_text(data)


def _declared_charset(label: bytes) -> str | None:
    try:
        info = codecs.lookup(label.decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return None
    # rot13, base64, hex, zip and uu are codecs too, but bytes-to-bytes or text-to-text.
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_WEB_CHARSETS:
        return None
    # A label readable as ASCII cannot be true of UTF-16 or UTF-32; browsers ignore it too.
    if info.name.startswith(("utf-16", "utf-32")):
        return None
    # Browsers read pages labelled latin-1 as cp1252; so do we.
    return "cp1252" if info.name in {"latin-1", "iso8859-1"} else info.name
