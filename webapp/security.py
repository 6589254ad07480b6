"""Secure defaults that need code: the CSP with the live feed's origin, login throttling that only
applies to HTTP logins, the websocket origin check, pages' refusal of text no store can hold, reading a
Bearer credential, and refusing before Django what it cannot read (RequestIntake)."""

from __future__ import annotations

import codecs
import json
import re
import tempfile
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import ParseResult, parse_qsl, urlparse

from axes.backends import AxesStandaloneBackend
from channels.security.websocket import OriginValidator, WebsocketDenier
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.exceptions import (
    BadRequest,
    DisallowedHost,
    RequestDataTooBig,
    SuspiciousOperation,
    TooManyFieldsSent,
    TooManyFilesSent,
    ValidationError,
)
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.http.request import split_domain_port
from django.shortcuts import render
from django.utils.http import is_same_domain, parse_header_parameters


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """settings.CONTENT_SECURITY_POLICY, plus the websocket origin when the feed has its own port.

    `make run` serves websockets from daphne on the port after gunicorn's; 'self' in connect-src covers
    only the page's own port, so the feed's origin (same host, KINEMA_WS_PORT) is added to each page's
    policy. The host comes from request.get_host(), which ALLOWED_HOSTS has already validated.
    """

    def get_policy_parts(self, request: HttpRequest, response: HttpResponseBase,
                         report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        ws_port = settings.KINEMA_WS_PORT
        if not ws_port or report_only:
            return parts
        try:
            domain, _ = split_domain_port(request.get_host())
        except DisallowedHost:
            return parts  # the 400 for a foreign Host header loads nothing
        if domain:
            scheme = "wss" if request.is_secure() else "ws"
            parts.update = {**(parts.update or {}), "connect-src": [f"{scheme}://{domain}:{ws_port}"]}
        return parts


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes' lockout check for logins that come with a request (the studio's and the admin's
    login forms). authenticate() without a request (the test client's login(), management commands) is
    not reachable from the network, so there is nothing to throttle: the next backend decides."""

    def authenticate(self, request: HttpRequest | None, username: str | None = None,
                     password: str | None = None, **kwargs: Any) -> None:
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def _channels_pattern(origin: str) -> str:
    # CSRF_TRUSTED_ORIGINS writes subdomain wildcards as https://*.example.com, channels as https://.example.com.
    return origin.replace("://*.", "://.", 1)


_DEFAULT_PORTS = {"http": "80", "https": "443", "ws": "80", "wss": "443"}


def _explicit_port(scheme: str, port: str | None) -> str | None:
    """A port as a browser compares origins: the scheme's default is no port at all."""
    return None if not port or port == _DEFAULT_PORTS.get(scheme) else port


class BrowserOriginValidator(OriginValidator):
    """Refuses websocket handshakes that a page from another site started (cross-site websocket hijacking:
    the browser would attach the user's session cookie). Browsers always send Origin on a handshake; it
    must be one of our own pages or one of CSRF_TRUSTED_ORIGINS. Our own page: a host of ALLOWED_HOSTS (never
    "*": a wildcard there does not open this check) on the port the handshake came to, or, where the feed
    has its own port (KINEMA_WS_PORT, `make run`), on the pages' port (KINEMA_PORT). Cookies are shared by
    every port of a host, so another port's page (a local dev server, another service on the same name) is
    another site here, as Django's CSRF check treats it. Handshakes without Origin come from non-browser
    clients (SDKs, scripts), which hold no victim's cookie and authenticate with their own API key, as on
    the REST API."""

    def __init__(self, application: Any) -> None:
        super().__init__(application, allowed_origins=[])  # read from settings per handshake

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> Any:
        if scope["type"] != "websocket":
            raise ValueError("BrowserOriginValidator guards websocket connections only")
        headers = dict(scope.get("headers", []))
        origin = headers.get(b"origin")
        if origin is not None:
            try:
                parsed: ParseResult | None = urlparse(origin.decode("latin1"))
            except ValueError:  # an unparsable port or IPv6 literal
                parsed = None
            if not self.allowed(parsed, headers.get(b"host", b"").decode("latin1"), str(scope.get("scheme", "ws"))):
                return await WebsocketDenier()(scope, receive, send)
        return await self.application(scope, receive, send)

    def allowed(self, parsed_origin: ParseResult | None, host_header: str, scheme: str) -> bool:
        if parsed_origin is None or not parsed_origin.hostname:
            return False  # "Origin: null" (sandboxed frames, file://) or garbage
        trusted = [_channels_pattern(origin) for origin in settings.CSRF_TRUSTED_ORIGINS]
        if any(self.match_allowed_origin(parsed_origin, pattern) for pattern in trusted):
            return True
        try:
            origin_port = _explicit_port(parsed_origin.scheme, str(parsed_origin.port or "") or None)
        except ValueError:
            return False
        _, host_port = split_domain_port(host_header)
        if host_port == _DEFAULT_PORTS.get(parsed_origin.scheme):
            host_port = ""  # a TLS proxy's "Host: name:443" for a handshake that reaches us as ws
        ports = {_explicit_port(scheme, host_port or None)} if host_header else set()
        if settings.KINEMA_WS_PORT and settings.KINEMA_PORT:
            ports.add(_explicit_port(parsed_origin.scheme, settings.KINEMA_PORT))
        if origin_port not in ports:
            return False
        # urlparse gives IPv6 hostnames without brackets; ALLOWED_HOSTS writes them with.
        hosts = [split_domain_port(h)[0].strip("[]") for h in settings.ALLOWED_HOSTS if h and h != "*"]
        return any(host and is_same_domain(parsed_origin.hostname, host) for host in hosts)


def bearer_credential(header: str) -> str | None:
    """The credential of an `Authorization: Bearer <credential>` header, or None for any other header. The
    scheme's name is case-insensitive (RFC 9110 11.1: "bearer" and "BEARER" are the same scheme); exactly
    one credential follows it. One reading for the API, the live feed and /metrics."""
    parts = header.split()
    if len(parts) != 2 or parts[0].lower() != "bearer":
        return None
    return parts[1]


def client_address(request: HttpRequest) -> str:
    """The address a login attempt comes from, for throttling. Behind KINEMA_TRUSTED_PROXIES proxies
    each appends the address it was reached from to X-Forwarded-For, so the client is the N-th entry
    from the right; entries further left are whatever the client claimed and are ignored (a client
    cannot spread its attempts over invented addresses). Without proxies: the socket's address."""
    remote = str(request.META.get("REMOTE_ADDR", ""))
    proxies = settings.KINEMA_TRUSTED_PROXIES
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")
                 if part.strip()]
    return forwarded[-proxies] if len(forwarded) >= proxies else remote


# Lone UTF-16 surrogates: JSON may spell them ("\\ud800"), a declared UTF-7 decodes into them, Python keeps them in a
# str, and nothing can encode them (PostgreSQL, Redis, the logs).
_SURROGATE = re.compile("[\ud800-\udfff]")


def unstorable_character(text: str) -> str | None:
    """The character that keeps `text` from being stored (a NUL first, else a lone UTF-16 surrogate), or None.
    One check for the pages (RefuseNulMiddleware) and the API (jobs.api.validation.text_flaw)."""
    if "\x00" in text:
        return "\x00"
    found = None if text.isascii() else _SURROGATE.search(text)
    return found.group() if found else None


class RefuseNulMiddleware:
    """Pages, forms and the admin (not /v1/, which checks every request itself: jobs.api.validation): a NUL
    character or a lone UTF-16 surrogate in the path, a query parameter, a form field or an uploaded file's name
    is a 400 before any view runs. PostgreSQL cannot store either, and every form or filter that passed one on to
    a query answered 500 (the review console's notes and search, the account page's forms, ...). Surrogates come
    from a declared charset such as UTF-7, which Django decodes form fields and query strings with.

    A form body Django cannot read (urlencoded in another charset than UTF-8, too many fields, too large) is
    refused here too, with a page saying why: left to Django, the 400 handler's CSRF check read the body again,
    failed again, and answered 500."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not request.path.startswith("/v1/"):
            refusal = self._refusal(request)
            if refusal is not None:
                return refusal
        return self.get_response(request)

    @classmethod
    def _refusal(cls, request: HttpRequest) -> HttpResponse | None:
        if "\x00" in request.path:
            return cls._unstorable(request, "the address", "\x00")
        fields: list[Any] = [request.GET]
        if request.method == "POST" and request.content_type in ("application/x-www-form-urlencoded",
                                                                 "multipart/form-data"):
            try:
                fields += [request.POST, request.FILES]
            except RequestDataTooBig:
                return cls._unreadable(request, "is larger than a form may be", 413)
            except (TooManyFieldsSent, TooManyFilesSent):
                return cls._unreadable(request, "has more fields than a form may have", 400)
            except (BadRequest, SuspiciousOperation, LookupError, UnicodeDecodeError, ValueError):
                return cls._unreadable(request, "could not be read: send it as UTF-8", 400)
        for query in fields:
            for name, values in query.lists():
                texts = [name, *(getattr(value, "name", None) or "" if not isinstance(value, str) else value
                                 for value in values)]
                found = next((char for text in texts if (char := unstorable_character(text))), None)
                if found is not None:
                    shown = _SURROGATE.sub("", name.replace("\x00", ""))
                    return cls._unstorable(request, f"the field '{shown}'", found)
        return None

    @staticmethod
    def _unstorable(request: HttpRequest, where: str, found: str) -> HttpResponse:
        what = "a NUL character" if found == "\x00" else "a lone UTF-16 surrogate (half of a character)"
        return render(request, "message.html", {
            "title": "This request cannot be stored",
            "message": f"{where[0].upper()}{where[1:]} holds {what}, which no text can hold. Remove it and "
                       "try again."}, status=400)

    @staticmethod
    def _unreadable(request: HttpRequest, why: str, status: int) -> HttpResponse:
        return render(request, "message.html", {"title": "This form cannot be read",
                                                "message": f"The form {why}."}, status=status)


class RefuseMalformedAdminSelectionMiddleware:
    """The admin's bulk actions filter the change list by the ids its form posts (`_selected_action`); an id that
    cannot be one of the model's (text, or a number past 64 bits, for an integer key) failed in that filter, a 500.
    Staff posting such a form get a 400 naming the value instead; everyone else meets the admin's own login."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func: Any, view_args: Any,
                     view_kwargs: Any) -> HttpResponse | None:
        model_admin = getattr(view_func, "model_admin", None)  # set on every ModelAdmin view (ModelAdmin.get_urls)
        user = getattr(request, "user", None)
        if model_admin is None or request.method != "POST" or not (user and user.is_active and user.is_staff):
            return None
        from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME  # the admin's forms, loaded with the admin

        key = model_admin.model._meta.pk
        for value in request.POST.getlist(ACTION_CHECKBOX_NAME):
            try:
                python = key.to_python(value)
            except ValidationError:
                python = None
            if python is None or (isinstance(python, int) and not -(2**63) <= python < 2**63):
                return render(request, "message.html", {
                    "title": "No such selection",
                    "message": f"The selection holds {value[:40]!r}, which is not the id of any "
                               f"{model_admin.model._meta.verbose_name}. Reload the list and choose again."},
                    status=400)
        return None


# --- before Django: what a WSGI request's headers say that Django cannot take -----------------------------------

def charset_flaw(content_type: str) -> str | None:
    """Why the charset a Content-Type declares cannot decode a query string, or None. Django decodes the query string
    with it while it builds the request: a codec that is not a text encoding (rot13, hex, base64, zlib) or one that
    fails on ordinary text (punycode, undefined, idna) raised there, and the server answered a bare 500 for any URL.
    An unknown name is no flaw (Django ignores it and reads UTF-8)."""
    _, params = parse_header_parameters(content_type)
    charset = params.get("charset", "")
    if not charset:
        return None
    try:
        codecs.lookup(charset)
    except LookupError:
        return None
    try:
        parse_qsl("q=1&x=%ff&y=caf%C3%A9", encoding=charset, errors="replace")  # what Django's QueryDict does
    except Exception:  # noqa: BLE001 - any codec failure is the answer
        return f"The Content-Type header's charset '{charset[:40]}' cannot decode text; send text as UTF-8."
    return None


def _utf8_form(content_type: str) -> str:
    """A urlencoded body declared as an alias of UTF-8 or as ASCII (a subset) is read as the UTF-8 it is: Django
    accepts only the literal name "utf-8" there."""
    kind, params = parse_header_parameters(content_type)
    charset = params.get("charset", "")
    if kind != "application/x-www-form-urlencoded" or not charset:
        return content_type
    try:
        name = codecs.lookup(charset).name
    except LookupError:
        return content_type
    return kind if name in ("utf-8", "ascii") else content_type


# A chunked request body is read whole before Django sees it, up to this many bytes (the largest upload, a 50 MB clip,
# and a form around it); more is a 413.
MAX_CHUNKED_BODY = 64 * 1024 * 1024


def _api_error(message: str, code: str) -> bytes:
    """The API's error body (the OpenAI shape, as jobs.api.errors writes it) for refusals made before Django."""
    return json.dumps({"error": {"message": message, "type": "invalid_request_error", "param": None,
                                 "code": code}}).encode()


def refusal_headers() -> list[tuple[str, str]]:
    """The security headers Django's middleware gives its answers, for the refusals written before Django: they
    show no page (no script, no frame), and a browser on an HTTPS install keeps its HSTS promise fresh."""
    headers = [("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff"), ("X-Frame-Options", "DENY"),
               ("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"),
               ("Referrer-Policy", settings.SECURE_REFERRER_POLICY or "same-origin")]
    if settings.SECURE_HSTS_SECONDS:
        hsts = f"max-age={settings.SECURE_HSTS_SECONDS}"
        if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS:
            hsts += "; includeSubDomains"
        if settings.SECURE_HSTS_PRELOAD:
            hsts += "; preload"
        headers.append(("Strict-Transport-Security", hsts))
    return headers


class RequestIntake:
    """WSGI middleware in front of Django (webapp/wsgi.py): what Django cannot read is made readable or refused.

    - a Content-Type charset that cannot decode text: 415 (it was a bare 500 on any URL);
    - a chunked request body (no Content-Length): read here (into memory, or a temporary file past 1 MiB) and
      handed on with its length. Django reads as many body bytes as Content-Length says, so a chunked body was read
      as empty, and a POST acted on nothing (notifications/read marked every notification read, a webhook PATCH
      answered 200 and changed nothing). Over MAX_CHUNKED_BODY: 413;
    - a request Django still fails to decode while building it (UnicodeError, LookupError): 400, not a 500.
    Under /v1/ a refusal is the API's JSON error; elsewhere plain text. A HEAD answer's body is not sent."""

    def __init__(self, app: Callable[..., Iterable[bytes]]) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        content_type = str(environ.get("CONTENT_TYPE", ""))
        flaw = charset_flaw(content_type)
        if flaw is not None:
            return self._refuse(environ, start_response, "415 Unsupported Media Type", "unsupported_charset", flaw)
        chunked = "chunked" in str(environ.get("HTTP_TRANSFER_ENCODING", "")).lower()
        if chunked and not environ.get("CONTENT_LENGTH"):
            body = self._read_chunked(environ["wsgi.input"])
            if body is None:
                return self._refuse(environ, start_response, "413 Content Too Large", "request_too_large",
                                    f"The request body is larger than {MAX_CHUNKED_BODY // 2**20} MiB.")
            environ["wsgi.input"], environ["CONTENT_LENGTH"] = body, str(body.seek(0, 2))
            body.seek(0)
        if content_type:
            environ["CONTENT_TYPE"] = _utf8_form(content_type)
        try:
            result = self.app(environ, start_response)
        except (UnicodeError, LookupError):  # raised while Django built the request, before any answer
            return self._refuse(environ, start_response, "400 Bad Request", "invalid_encoding",
                                "The request's text cannot be decoded; send it as UTF-8.")
        if environ.get("REQUEST_METHOD") != "HEAD":
            return result
        # A HEAD answer has the GET's headers and no body; Django's WSGI handler sends the body anyway, which
        # gunicorn drops with a warning per request. Closed here, so that the request's end still runs.
        close = getattr(result, "close", None)
        if close is not None:
            close()
        return []

    @staticmethod
    def _read_chunked(stream: Any) -> Any | None:
        """The whole de-chunked body (the server undid the chunking) in a file, or None when it is too large."""
        body = tempfile.SpooledTemporaryFile(max_size=2**20)  # noqa: SIM115 - handed on to Django, closed with it
        read = 0
        while chunk := stream.read(64 * 1024):
            read += len(chunk)
            if read > MAX_CHUNKED_BODY:
                body.close()
                return None
            body.write(chunk)
        return body

    @staticmethod
    def _refuse(environ: dict[str, Any], start_response: Callable[..., Any], status: str, code: str,
                message: str) -> list[bytes]:
        if str(environ.get("PATH_INFO", "")).startswith("/v1/"):
            body, kind = _api_error(message, code), "application/json"
        else:
            body, kind = message.encode(), "text/plain; charset=utf-8"
        start_response(status, [("Content-Type", kind), ("Content-Length", str(len(body))), *refusal_headers()])
        return [body]


def asgi_charset_check(app: Any) -> Any:
    """The ASGI side of RequestIntake's charset check (daphne serves HTTP too: `make run`'s KINEMA_WS_PORT, the
    tests' browser pages): a charset that cannot decode text is a 415 before Django, which would fail on it."""

    async def checked(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            content_type = next((v.decode("latin-1") for k, v in scope.get("headers", []) if k == b"content-type"), "")
            flaw = charset_flaw(content_type)
            if flaw is not None:
                body = _api_error(flaw, "unsupported_charset")
                headers = [("content-type", "application/json"), ("content-length", str(len(body))),
                           *refusal_headers()]
                await send({"type": "http.response.start", "status": 415,
                            "headers": [(k.lower().encode(), v.encode("latin-1")) for k, v in headers]})
                await send({"type": "http.response.body", "body": body})
                return
        await app(scope, receive, send)

    return checked
