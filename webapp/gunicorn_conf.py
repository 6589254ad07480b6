"""gunicorn settings for Kinema's web processes (`-c python:webapp.gunicorn_conf`, as `make run` starts them).

gunicorn answers a request it cannot parse itself, before Django sees it: a request line over its limit (414), headers
over theirs (431), a malformed request line, header or chunk (400). Its answer is an HTML page; here it is the API's
JSON error (the OpenAI shape that every other refusal has: `{"error": {"message", "type", "param", "code"}}`), with a
message a person understands and the headers Django's answers carry (no sniffing, no framing, no caching), since it
cannot tell an API client from a browser before the request line is read.
"""

from __future__ import annotations

import json
import socket

from gunicorn import util

_CODES = {400: "invalid_http", 403: "forbidden", 413: "request_too_large", 414: "uri_too_long",
          417: "expectation_failed", 431: "headers_too_large", 500: "server_error", 501: "not_implemented"}
_MESSAGES = {
    414: "The request's URL is longer than the server accepts (about 4 KB); send long values in the request body.",
    431: "The request's headers are larger than the server accepts (8 KB per header, 100 headers).",
    500: "The server could not handle the request.",
}
_HEADERS = ("Connection: close\r\nContent-Type: application/json\r\nCache-Control: no-store\r\n"
            "X-Content-Type-Options: nosniff\r\nX-Frame-Options: DENY\r\n"
            "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n")


def error_response(status: int, reason: str, detail: str) -> bytes:
    """The bytes gunicorn sends for a request it refused before the application: status line, headers, JSON body."""
    message = _MESSAGES.get(status) or f"The request is not valid HTTP ({detail[:200] or reason})."
    body = json.dumps({"error": {"message": message, "type": "invalid_request_error", "param": None,
                                 "code": _CODES.get(status, "invalid_http")}}).encode()
    head = f"HTTP/1.1 {status} {reason}\r\n{_HEADERS}Content-Length: {len(body)}\r\n\r\n"
    return head.encode("latin-1", "replace") + body


def _write_error(sock: socket.socket, status_int: int, reason: str, mesg: str) -> None:
    util.write_nonblock(sock, error_response(int(status_int), str(reason), str(mesg)))


util.write_error = _write_error  # gunicorn's workers call util.write_error(...) through the module
