"""Secure defaults that need code: the CSP with the live feed's origin, login throttling that only
applies to HTTP logins, the websocket origin check, pages' refusal of NUL characters, and reading a
Bearer credential."""

from __future__ import annotations

from typing import Any
from urllib.parse import ParseResult

from axes.backends import AxesStandaloneBackend
from channels.security.websocket import OriginValidator
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.exceptions import DisallowedHost, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.http.request import split_domain_port
from django.shortcuts import render
from django.utils.http import is_same_domain


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


class BrowserOriginValidator(OriginValidator):
    """Refuses websocket handshakes that a page from another site started (cross-site websocket hijacking:
    the browser would attach the user's session cookie). Browsers always send Origin on a handshake; it
    must name one of ALLOWED_HOSTS (never "*": a wildcard there does not open this check) or one of
    CSRF_TRUSTED_ORIGINS. Handshakes without Origin come from non-browser clients (SDKs, scripts), which
    hold no victim's cookie and authenticate with their own API key, as on the REST API."""

    def __init__(self, application: Any) -> None:
        super().__init__(application, allowed_origins=[])  # read from settings per handshake

    def valid_origin(self, parsed_origin: ParseResult | None) -> bool:
        if parsed_origin is None:
            return True
        return self.validate_origin(parsed_origin)

    def validate_origin(self, parsed_origin: ParseResult | None) -> bool:
        if parsed_origin is None or not parsed_origin.hostname:
            return False  # "Origin: null" (sandboxed frames, file://) or garbage
        # urlparse gives IPv6 hostnames without brackets; ALLOWED_HOSTS writes them with.
        hosts = [split_domain_port(h)[0].strip("[]") for h in settings.ALLOWED_HOSTS if h and h != "*"]
        if any(host and is_same_domain(parsed_origin.hostname, host) for host in hosts):
            return True
        trusted = [_channels_pattern(origin) for origin in settings.CSRF_TRUSTED_ORIGINS]
        return any(self.match_allowed_origin(parsed_origin, pattern) for pattern in trusted)


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


class RefuseNulMiddleware:
    """Pages, forms and the admin (not /v1/, which checks every request itself: jobs.api.validation): a NUL
    character in the path, a query parameter or a form field is a 400 before any view runs. PostgreSQL cannot
    store one, and every form or filter that passed one on to a query answered 500 (the review console's notes
    and search, the account page's forms, ...). Form decoding replaces bytes that are not UTF-8, so a lone
    surrogate cannot arrive this way."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not request.path.startswith("/v1/"):
            where = self._nul_in(request)
            if where is not None:
                return self._refused(request, where)
        return self.get_response(request)

    @staticmethod
    def _nul_in(request: HttpRequest) -> str | None:
        if "\x00" in request.path:
            return "the address"
        fields = [request.GET]
        if request.method == "POST" and request.content_type in ("application/x-www-form-urlencoded",
                                                                 "multipart/form-data"):
            fields.append(request.POST)
        for query in fields:
            for name, values in query.lists():
                if "\x00" in name or any("\x00" in value for value in values):
                    return f"the field '{name.replace(chr(0), '')}'"
        return None

    @staticmethod
    def _refused(request: HttpRequest, where: str) -> HttpResponse:
        return render(request, "message.html", {
            "title": "This request cannot be stored",
            "message": f"{where[0].upper()}{where[1:]} holds a NUL character, which no text can hold. Remove it and "
                       "try again."}, status=400)


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
