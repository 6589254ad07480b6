"""The shape of every /v1/ request, checked in one place before any view logic or query runs.

`check_request` (called by `KinemaView.initial` for every endpoint) refuses, with a 400 naming the
parameter: path ids that do not have their id's shape, a NUL character anywhere in the query string
or the body, or a lone UTF-16 surrogate in the body (PostgreSQL cannot store either, so they would
otherwise surface as server errors), and a body that is not an object; a body Django refuses while
reading it is the API's error too (413 over DATA_UPLOAD_MAX_MEMORY_SIZE, 400 for too many fields or
files), not Django's HTML page. The field readers below (`text`, `integer`, `number`, ...) then turn
one named value into a checked Python value: integers and floats are finite and range-checked,
digits are ASCII digits, text has a maximum length. Every refusal is an `APIError` in the OpenAI
shape, with a message a person can act on.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser
from rest_framework.request import Request

from jobs.api.errors import APIError, invalid
from webapp.security import unstorable_character

# Ids as jobs.models makes them: "video_" + 12 hex digits of milliseconds + 16 random hex digits, and
# "wh_" + 24 random hex digits, "char_" + 24 random hex digits. Anything else cannot name a row, so it
# is refused before a query.
VIDEO_ID_PATTERN = r"^video_[0-9a-f]{28}$"
WEBHOOK_ID_PATTERN = r"^wh_[0-9a-f]{24}$"
CHARACTER_ID_PATTERN = r"^char_[0-9a-f]{24}$"
PATH_IDS: dict[str, tuple[re.Pattern[str], str]] = {
    "video_id": (re.compile(VIDEO_ID_PATTERN), "a video id (video_ followed by 28 hex digits)"),
    "webhook_id": (re.compile(WEBHOOK_ID_PATTERN), "a webhook endpoint id (wh_ followed by 24 hex digits)"),
    "character_id": (re.compile(CHARACTER_ID_PATTERN), "a character id (char_ followed by 24 hex digits)"),
}
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
# Integer text: optional sign and ASCII digits only (str.isdigit() also accepts '²' or '٣', which int() refuses).
INTEGER_TEXT = re.compile(r"[+-]?[0-9]{1,30}")
NUMBER_TEXT = re.compile(r"[+-]?(?:[0-9]{1,30}(?:\.[0-9]{0,30})?|\.[0-9]{1,30})(?:[eE][+-]?[0-9]{1,4})?")
# Notification ids are bigint primary keys.
MAX_BIGINT = 2**63 - 1


class SafeJSONParser(JSONParser):
    """DRF's JSON parser, except that a body nested too deeply for Python's parser is a 400, not a 500, and a number
    too long for Python's integers is said so (the message was Python's advice to call sys.set_int_max_str_digits)."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError("JSON parse error - the body is nested too deeply.") from None
        except ParseError as exc:
            if "int_max_str_digits" in str(exc.detail):
                raise ParseError("JSON parse error - a number in the body has thousands of digits; no parameter "
                                 "takes one that long.") from None
            raise


def shown(value: Any, limit: int = 40) -> str:
    """A client's value quoted back in a message, cut short: messages stay readable whatever was sent."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit]}…"


def check_path_id(name: str, value: str) -> str:
    pattern, what = PATH_IDS[name]
    if not pattern.fullmatch(value):
        raise invalid(f"'{name}' must be {what}; got {shown(value)}.", name, "invalid_id")
    return value


def text_flaw(value: str) -> str | None:
    """Why `value` cannot be stored as text (a NUL character, a lone surrogate: refused before they reach
    PostgreSQL, Redis or the logs), None when it can."""
    found = unstorable_character(value)
    if found is None:
        return None
    if found == "\x00":
        return "a NUL character, which is not allowed in text"
    return "a lone UTF-16 surrogate (such as \\ud800), which is not valid Unicode"


def url_flaw(url: str, *, whitespace: bool = True) -> str | None:
    """Why `url` cannot be used as written, or None: a NUL (PostgreSQL cannot store one), another control
    character (httpx refuses to send one; RFC 3986 wants it percent-encoded), a lone UTF-16 surrogate (no
    encoding carries it) or, with `whitespace`, whitespace (no part of a URL; httpx would send it percent-encoded,
    so a worker sending a stored URL may let it through). Checked where a URL is first read (image references,
    webhook URLs), before anything parses, stores or fetches it. Named by code point and position: the character
    itself may not print."""
    for position, char in enumerate(url, start=1):
        category = unicodedata.category(char)
        if char == "\x00":
            what, advice = "a NUL character", "remove it"
        elif category == "Cc":
            what, advice = "a control character", "remove it, or percent-encode it"
        elif category == "Cs":
            what, advice = "a lone UTF-16 surrogate, which is not valid Unicode", "remove it"
        elif whitespace and char.isspace():
            what, advice = "whitespace", "remove it, or percent-encode it (a space is %20)"
        else:
            continue
        return f"{what} (U+{ord(char):04X}) at character {position}; {advice}"
    return None


def first_text_flaw(data: Any, root: str = "") -> tuple[str, str] | None:
    """The name of the first field (below `root`) whose key or text cannot be stored as text, and why; None when
    all can. Walked without recursion: parsed JSON may be nested deeper than a recursive walk could go."""
    pending: list[tuple[str, Any]] = [(root, data)]
    while pending:
        where, value = pending.pop()
        if isinstance(value, str):
            flaw = text_flaw(value)
            if flaw:
                return where or "body", flaw
        elif isinstance(value, Mapping):
            for key, item in value.items():
                name = str(key)
                flaw = text_flaw(name)
                if flaw:
                    return where or "body", f"a key with {flaw}"
                pending.append((f"{where}.{name}" if where else name, item))
        elif isinstance(value, list | tuple):
            pending.extend((where, item) for item in value)
    return None


def check_request(request: Request, path_params: Mapping[str, Any]) -> None:
    """The checks every endpoint shares: path ids, query text, and the body's shape."""
    for name, value in path_params.items():
        if name in PATH_IDS:
            check_path_id(name, str(value))
    for name, value in request.query_params.lists():
        if "\x00" in name or any("\x00" in v for v in value):
            shown_name = name.replace("\x00", "")
            raise invalid(f"The query parameter '{shown_name}' contains a NUL character.", shown_name)
    if request.method not in BODY_METHODS:
        return
    try:
        data = request.data
    except RequestDataTooBig:
        raise APIError(f"The request body is larger than {settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 2**20} MiB (files "
                       "sent as multipart parts do not count towards it).", status_code=413, param=None,
                       code="request_too_large") from None
    except TooManyFieldsSent:
        raise invalid(f"The request has more than {settings.DATA_UPLOAD_MAX_NUMBER_FIELDS} form fields.", None,
                      "invalid_body") from None
    except TooManyFilesSent:
        raise invalid(f"The request has more than {settings.DATA_UPLOAD_MAX_NUMBER_FILES} files.", None,
                      "invalid_body") from None
    if not isinstance(data, Mapping):
        raise invalid(f"The request body must be a JSON object (or form fields); got {type(data).__name__}.",
                      None, "invalid_body")
    found = first_text_flaw(data)
    if found is not None:
        field, flaw = found
        raise invalid(f"'{field}' contains {flaw}.", field)


# --- field readers -------------------------------------------------------------------------------

def text(data: Mapping[str, Any], name: str, *, max_len: int, required: bool = False) -> str:
    """Stripped text of at most `max_len` characters; "" when absent (unless required)."""
    value = data.get(name)
    if value is None or value == "":
        if required:
            raise invalid(f"Missing required parameter: '{name}'.", name, "missing_required_parameter")
        return ""
    if not isinstance(value, str):
        raise invalid(f"'{name}' must be a string, got {type(value).__name__}.", name)
    flaw = text_flaw(value)
    if flaw:
        raise invalid(f"'{name}' contains {flaw}.", name)
    value = value.strip()
    if required and not value:
        raise invalid(f"'{name}' must not be empty.", name)
    if len(value) > max_len:
        raise invalid(f"'{name}' is {len(value)} characters long; the maximum is {max_len}.", name)
    return value


def to_integer(value: Any, name: str, lo: int, hi: int) -> int:
    """An int (or integral float, or ASCII-digit text) within [lo, hi]."""
    number: int | None = None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = value
    elif isinstance(value, float) and math.isfinite(value) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and INTEGER_TEXT.fullmatch(value.strip()):
        number = int(value.strip())
    if number is None:
        raise invalid(f"'{name}' must be an integer between {lo} and {hi}, got {shown(value)}.", name)
    if not lo <= number <= hi:
        raise invalid(f"'{name}' must be between {lo} and {hi}, got {shown(number)}.", name)
    return number


def integer(data: Mapping[str, Any], name: str, default: int, lo: int, hi: int) -> int:
    value = data.get(name)
    if value is None or value == "":
        return default
    return to_integer(value, name, lo, hi)


def number(data: Mapping[str, Any], name: str, default: float, lo: float, hi: float) -> float:
    """A finite number within [lo, hi] (ints of any size, floats, or decimal text)."""
    value = data.get(name)
    if value is None or value == "":
        return default
    result: float | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            result = float(value)  # an int beyond a double's range raises OverflowError
        except OverflowError:
            result = math.inf
    elif isinstance(value, str) and NUMBER_TEXT.fullmatch(value.strip()):
        result = float(value.strip())
    if result is None or math.isnan(result):
        raise invalid(f"'{name}' must be a number between {lo} and {hi}, got {shown(value)}.", name)
    if not lo <= result <= hi:
        raise invalid(f"'{name}' must be between {lo} and {hi}, got {shown(value)}.", name)
    return result


def choice(value: str, name: str, options: Sequence[str]) -> str:
    if value not in options:
        raise invalid(f"'{name}' must be one of {', '.join(options)}; got {shown(value)}.", name)
    return value


def id_list(data: Mapping[str, Any], name: str, *, max_items: int = 1000) -> list[int] | None:
    """A list of positive database ids (None when absent)."""
    value = data.get(name)
    if value is None:
        return None
    if not isinstance(value, list) or len(value) > max_items:
        raise invalid(f"'{name}' must be a list of at most {max_items} ids.", name)
    ids: list[int] = []
    for item in value:
        if isinstance(item, str):
            raise invalid(f"'{name}' must hold integer ids, not text.", name)
        ids.append(to_integer(item, name, 1, MAX_BIGINT))
    return ids


# --- query parameters ---------------------------------------------------------------------------

def query_integer(request: Request, name: str, default: int, lo: int, hi: int) -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    if not INTEGER_TEXT.fullmatch(raw):
        raise invalid(f"'{name}' must be an integer between {lo} and {hi}, got {shown(raw)}.", name)
    return to_integer(raw, name, lo, hi)


def query_choice(request: Request, name: str, default: str, options: Sequence[str]) -> str:
    return choice(request.query_params.get(name, default), name, options)


def query_video_id(request: Request, name: str) -> str | None:
    """A cursor: the id of a video, or absent."""
    raw = request.query_params.get(name)
    if not raw:
        return None
    if not PATH_IDS["video_id"][0].fullmatch(raw):
        raise invalid(f"'{name}' must be a video id (video_ followed by 28 hex digits), got {shown(raw)}.", name)
    return raw
