"""Hostile article files, each read on its own with `read_article`."""

from __future__ import annotations

from . import make_special as special
from . import make_text as text
from . import make_zip as zips
from .case import (
    ARTICLE,
    PROBLEM,
    SLOW_SECONDS,
    Case,
    all_of,
    at_most_chars,
    reason_mentions,
    text_has,
    text_lacks,
)

MIB = 1024 * 1024
_HANGS = "opening the folder would freeze"
_DECODED = text_has("four-day state visit", "supply chains")

SPECIAL = [
    *(
        Case(f"special/fifo{suffix}", special.fifo, f"{_HANGS} on a named pipe", PROBLEM)
        for suffix in special.SUFFIXES
    ),
    Case("special/socket.txt", special.unix_socket, "a socket file would stop the load", PROBLEM),
    *(
        Case(
            f"special/dev-{device}{suffix}",
            special.link_to(f"/dev/{device}"),
            f"{_HANGS}, reading an endless device until memory runs out",
            PROBLEM,
        )
        for device, suffixes in (("zero", special.SUFFIXES), ("urandom", (".txt", ".docx")))
        for suffix in suffixes
    ),
    Case("special/dev-null.txt", special.link_to("/dev/null"), "a device is no article", PROBLEM),
    Case("special/loop-self.txt", special.self_loop, "a link to itself stops the load", PROBLEM),
    Case("special/loop-pair.md", special.loop_pair, "two links in a circle", PROBLEM),
    Case(
        "special/chain-30.txt",
        special.link_chain(30),
        "a link to a link to an article must still open it",
        ARTICLE,
    ),
    Case("special/chain-50.txt", special.link_chain(50), "too many links in a row", PROBLEM),
    Case("special/broken.txt", special.broken_link, "a link to nothing", PROBLEM),
    Case("special/folder-x.txt", special.directory, "a folder named like an article", PROBLEM),
    Case("special/link-to-folder.txt", special.link_to_folder, "a link to a folder", PROBLEM),
]

ZIP = [
    Case(
        "zip/bomb-2GiB.docx",
        zips.whitespace_bomb(2048),
        "a 2 MB document inflating to 2 GB would freeze the app or get it killed",
        seconds=SLOW_SECONDS,
        heavy=True,
    ),
    Case(
        "zip/empty-paragraphs-3M.docx",
        zips.empty_paragraphs(3_000_000),
        "a small document of three million empty paragraphs would freeze the load",
        seconds=SLOW_SECONDS,
        heavy=True,
    ),
    Case(
        "zip/claims-small-size.docx",
        zips.claims_small_size,
        "a directory that understates a member must not let it inflate unchecked",
        seconds=SLOW_SECONDS,
    ),
    Case("zip/claims-huge-size.docx", zips.claims_huge_size, "a directory claiming 4 GB"),
    Case(
        "zip/claims-data-past-end.docx",
        zips.claims_data_past_the_end,
        "a member running past the end of the file",
    ),
    Case("zip/encrypted-member.docx", zips.encrypted_member, "a password-locked member", PROBLEM),
    Case(
        "zip/unsupported-compression.docx",
        zips.unsupported_compression,
        "a member compressed in a way Python cannot inflate",
        PROBLEM,
    ),
    Case("zip/zip-of-docx.docx", zips.zip_of_docx, "a zip holding a Word file", PROBLEM),
    Case(
        "zip/embedded-nested-zips.docx",
        zips.embedded_nested_zips,
        "a document with an attached archive is a normal Word file and must open",
        ARTICLE,
        seconds=SLOW_SECONDS,
        check=text_has("joint statement"),
    ),
    Case("zip/many-members-20000.docx", zips.many_members(20_000), "a huge zip directory"),
    Case(
        "zip/entity-expansion.docx",
        zips.entity_expansion,
        "'billion laughs' entities would expand to gigabytes",
        check=all_of(at_most_chars(100_000), text_lacks("laughlaugh")),
    ),
    Case(
        "zip/external-entity.docx",
        zips.external_entity,
        "a document must never pull another file of the computer into its text",
        check=text_lacks(text.SECRET),
    ),
    Case("zip/deep-elements-100000.docx", zips.deep_elements(100_000), "XML nested 100,000 deep"),
]

SLOW = [
    Case(f"slow/{label}", build, why, seconds=SLOW_SECONDS, heavy=heavy)
    for label, build, why, heavy in (
        ("lines-of-a-2MB.txt", text.repeated("a\n", 2 * MIB), "a million one-letter lines", False),
        ("yes-5MB.txt", text.repeated("Yes. ", 5 * MIB), "five megabytes of 'Yes. '", False),
        (
            "no-punctuation-15MB.txt",
            text.repeated("word ", 15 * MIB),
            "15 MB without a full stop",
            True,
        ),
        (
            "single-line-20MB.txt",
            text.repeated(text.PROSE + " ", 20 * MIB - 1),
            "a 20 MB article on one line",
            True,
        ),
        ("paragraphs-100000.html", text.many_html_paragraphs(100_000), "a huge web page", False),
        ("nested-divs-100000.html", text.nested_divs(100_000), "HTML nested 100,000 deep", False),
        ("md-quotes-100000.md", text.markdown_nesting("> ", 100_000), "quotes in quotes", False),
        ("md-lists-50000.md", text.markdown_nesting("- ", 50_000), "lists in lists", False),
        ("md-links-100000.md", text.markdown_nesting("[", 100_000, "](x)"), "links", False),
        ("md-emphasis-50000.md", text.markdown_nesting("*", 50_000, "*"), "emphasis", False),
        ("long-word-1MB.txt", text.long_words(MIB, 1), "one word of a million letters", False),
        ("long-words-3MB.md", text.long_words(100_000, 30), "30 words of 100,000 letters", False),
        ("blank-lines-1M.txt", text.blank_lines(1_000_000), "a million blank lines", False),
        (
            "line-separators.txt",
            text.repeated("\u2028", MIB, prefix=text.PROSE),
            "Unicode line separators",
            False,
        ),
        (
            "combining-marks.txt",
            text.written("e" + "\u0301" * 200_000 + " " + text.PROSE),
            "200,000 accents on one letter",
            False,
        ),
    )
]

SIZE = [
    Case(
        "size/sparse-25MB.txt",
        text.sparse(25 * MIB),
        "a 25 MB file must be refused by its size without reading it",
        PROBLEM,
        check=reason_mentions("large", "mb"),
    ),
    Case(
        "size/sparse-25MB.docx",
        text.sparse(25 * MIB),
        "a 25 MB document must be refused by its size",
        PROBLEM,
        check=reason_mentions("large", "mb"),
    ),
    Case(
        "size/one-byte-over-20MB.txt",
        text.sparse(20 * MIB + 1),
        "one byte over the limit is over the limit",
        PROBLEM,
        check=reason_mentions("large", "mb"),
    ),
    Case(
        "size/exactly-20MB.txt",
        text.exactly(20 * MIB),
        "an article of exactly the size limit must load in time",
        ARTICLE,
        seconds=SLOW_SECONDS,
        heavy=True,
    ),
]

_BOGUS_CHARSETS = (
    "rot13 base64 hex zlib bz2 uu quopri undefined utf-7 punycode unicode_escape "
    "x-no-such-codec utf-16 utf-32"
).split()
_MARKUP = "<b>bold</b><img src=x>"


ENCODING = [
    *(
        Case(
            f"encoding/meta-{label}.html",
            text.meta_charset(label),
            "a browser shows this page: a bogus charset label must not lose the article",
            ARTICLE,
            check=_DECODED,
        )
        for label in _BOGUS_CHARSETS
    ),
    *(
        Case(
            f"encoding/utf16{order}-nobom{suffix}",
            text.utf16_without_bom(suffix, f"utf-16-{order}"),
            "UTF-16 without a byte order mark is still text",
            ARTICLE,
            check=_DECODED,
        )
        for order, suffix in (("be", ".txt"), ("le", ".md"), ("be", ".html"))
    ),
    Case(
        "encoding/utf32le-nobom.txt",
        text.written(text.PROSE.encode("utf-32-le")),
        "UTF-32 without a mark",
    ),
    Case(
        "encoding/mixed-encodings.txt",
        text.mixed_encodings,
        "paragraphs pasted from three sources must all read right",
        ARTICLE,
        check=all_of(text_has("Officials", "billion", "Pékin"), text_lacks("â€")),
    ),
    Case("encoding/nul-sprinkled.txt", text.sprinkled_bytes(b"\x00", 200), "stray NUL bytes"),
    Case("encoding/only-nul-1MB.txt", text.written(b"\x00" * MIB), "a file of zeros", PROBLEM),
    Case("encoding/cesu8.txt", text.cesu8, "an emoji written as CESU-8 surrogates", ARTICLE),
    Case(
        "encoding/zero-width-only.txt",
        text.written("\u200b\u200c\u200d\u2060\ufeff" * 20_000),
        "a file with no visible character is empty, not an article with nothing in it",
        PROBLEM,
    ),
    Case(
        "encoding/zero-width-sprinkled.txt",
        text.sprinkled("\u200b", 7),
        "invisible characters between letters",
        ARTICLE,
    ),
    Case(
        "encoding/terminal-escapes.txt",
        text.sprinkled("\x1b[31m", 120),
        "terminal colour codes in the text",
    ),
    Case("encoding/bell-backspace.txt", text.sprinkled("\x07\x08", 40), "bells and backspaces"),
    Case(
        "encoding/rtl-override.txt",
        text.written("\u202eState visit ends\u202c\n\n" + text.PROSE + "\n"),
        "a right-to-left override in the headline",
        ARTICLE,
    ),
    Case(
        "encoding/markup-title.txt",
        text.written(f"{_MARKUP}\n\n{text.PROSE}\n"),
        "markup in a text file is shown as written, never interpreted",
        ARTICLE,
        check=text_has(_MARKUP),
    ),
    Case(
        "encoding/markup-title.html",
        text.written(text.page(text.paragraphs_html(list(text.SENTENCES)), title=_MARKUP)),
        "a page title that looks like markup is text",
        ARTICLE,
    ),
    Case(
        "encoding/markup-title.md",
        text.written(f"# {_MARKUP}\n\n{text.PROSE}\n"),
        "a Markdown heading of raw HTML",
        ARTICLE,
    ),
    Case("encoding/bom-only.txt", text.written(b"\xef\xbb\xbf"), "a byte order mark", PROBLEM),
    Case(
        "encoding/overlong-utf8.txt",
        text.sprinkled_bytes(b"\xc0\xaf", 300),
        "overlong UTF-8 sequences",
    ),
    Case(
        "encoding/external-entity.html",
        text.external_entity_html,
        "a page must never pull another file of the computer into its text",
        check=text_lacks(text.SECRET),
    ),
]

FILE_CASES = [*SPECIAL, *ZIP, *SLOW, *SIZE, *ENCODING]
