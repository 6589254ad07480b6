"""ASGI entry: HTTP (Django) and websockets (/ws/jobs/) in one daphne process."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webapp.settings")
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402
from django.urls import path  # noqa: E402

from jobs.consumers import JobFeedConsumer  # noqa: E402
from jobs.feed_auth import ApiKeyAuthMiddleware  # noqa: E402

application = ProtocolTypeRouter({
    "http": django_asgi_app,
    # Session cookie first (browsers), then an API key in the Authorization header (API clients).
    "websocket": AllowedHostsOriginValidator(AuthMiddlewareStack(ApiKeyAuthMiddleware(URLRouter([
        path("ws/jobs/", JobFeedConsumer.as_asgi()),
    ])))),
})
