"""Bytes to text: UTF-8 first, then the best confident guess; binaries and empties refused."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

# Control bytes that never occur in text (tab, newlines, form feed and escape excluded).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\x0b\x0c\r\x1b")
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
# Above this share of control bytes a file is data, not text (text has essentially none;
# 2% leaves room for a stray form feed or a terminal colour code per line).
MAX_CONTROL_RATIO = 0.02
# How much of a file is sniffed for a declared charset (<meta charset=…> sits in <head>).
_SNIFF_BYTES = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# The legacy encoding of most Western web pages (WHATWG maps latin-1 onto it). Preferred
# over charset-normalizer's pick when it reads the bytes at least as cleanly, because the
# detector often ties it with look-alikes (cp1250, cp850) that garble quotes and dashes.
_WESTERN = "cp1252"


class NotText(ValueError):
    """The bytes are not a usable text; the message is the reason for the user."""


class EmptyText(NotText):
    def __init__(self) -> None:
        super().__init__("empty file")


class BinaryData(NotText):
    def __init__(self) -> None:
        super().__init__("binary file")


class Undecodable(NotText):
    def __init__(self, detail: str = "not valid text in any known encoding") -> None:
        super().__init__(detail)


def decode_bytes(data: bytes, *, declared: str | None = None) -> str:
    """Decode ``data`` as text, with ``\\r\\n`` normalised to ``\\n``.

    ``declared`` is a charset named by the source (an HTTP header); one named inside
    an HTML page's own ``<meta>`` is found here. Raises ``NotText`` with the reason.
    """
    if not data.strip():
        raise EmptyText()
    text = _decode_with_bom(data)
    if text is None:
        if looks_binary(data):
            raise BinaryData()
        text = _decode_guessing(data, declared or _meta_charset(data))
    if not text.strip():
        raise EmptyText()
    return normalise_newlines(text)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n")


def looks_binary(data: bytes) -> bool:
    if b"\x00" in data:
        return True
    controls = len(data.translate(None, _NOT_CONTROL))
    return controls > MAX_CONTROL_RATIO * len(data)


def _decode_with_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise Undecodable(
                    f"not valid {encoding} despite its byte-order mark: {error}"
                ) from None
    return None


def _decode_guessing(data: bytes, declared: str | None) -> str:
    for encoding in ("utf-8", declared):
        text = _strict_decode(data, encoding)
        if text is not None:
            return text
    best = from_bytes(data).best()
    if best is None:
        raise Undecodable()
    western = _strict_decode(data, _WESTERN)
    if western is not None and mess_ratio(western, 1.0) <= best.chaos:
        return western
    return str(best)


def _strict_decode(data: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:_SNIFF_BYTES])
    return match.group(1).decode("ascii", "replace") if match else None
