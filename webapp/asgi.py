"""ASGI entry: HTTP (Django) and websockets (/ws/jobs/) in one daphne process."""

from __future__ import annotations

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webapp.settings")
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from django.urls import path, re_path  # noqa: E402

from jobs.consumers import JobFeedConsumer, NoSuchFeed  # noqa: E402
from jobs.feed_auth import ApiKeyAuthMiddleware  # noqa: E402
from webapp.security import BrowserOriginValidator, asgi_charset_check  # noqa: E402

application = ProtocolTypeRouter({
    "http": asgi_charset_check(django_asgi_app),  # a charset that cannot decode text: 415, as under gunicorn
    # A browser handshake must come from one of our own pages (Origin checked against ALLOWED_HOSTS and
    # CSRF_TRUSTED_ORIGINS); then the session cookie (browsers) or an API key in the Authorization header.
    "websocket": BrowserOriginValidator(AuthMiddlewareStack(ApiKeyAuthMiddleware(URLRouter([
        path("ws/jobs/", JobFeedConsumer.as_asgi()),
        re_path(r"", NoSuchFeed.as_asgi()),  # any other path: refused, not a routing error
    ])))),
})
