"""`/v1/webhooks`: register, list, update and delete endpoints; see their deliveries; send a test."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from jobs.api import schema
from jobs.api.base import KinemaView
from jobs.api.errors import invalid, not_found
from jobs.models import WebhookDelivery, WebhookEndpoint
from jobs.selectors import unix_seconds
from jobs.webhooks import EVENT_TYPES, UnsafeDestination, emit, validate_url

MAX_ENDPOINTS = 10


def endpoint_object(endpoint: WebhookEndpoint, *, with_secret: bool = False) -> dict[str, Any]:
    body: dict[str, Any] = {"id": endpoint.id, "object": "webhook_endpoint", "url": endpoint.url,
                            "events": endpoint.events, "enabled": endpoint.enabled,
                            "description": endpoint.description, "created_at": unix_seconds(endpoint.created_at)}
    if with_secret:
        body["secret"] = endpoint.secret  # shown once, at registration
    return body


def delivery_object(delivery: WebhookDelivery) -> dict[str, Any]:
    return {
        "id": delivery.pk, "object": "webhook_delivery", "event_id": delivery.event_id,
        "event_type": delivery.event.type, "status": delivery.status, "attempts": delivery.attempts,
        "next_attempt_at": unix_seconds(delivery.next_attempt_at)
        if delivery.status == WebhookDelivery.Status.PENDING else None,
        "last_status_code": delivery.last_status_code, "last_error": delivery.last_error or None,
        "created_at": unix_seconds(delivery.created_at), "delivered_at": unix_seconds(delivery.delivered_at),
        "attempt_log": [{"at": unix_seconds(a.at), "status_code": a.status_code, "error": a.error or None,
                         "duration_ms": a.duration_ms} for a in delivery.attempt_log.all()],
    }


def _url(data: Any) -> str:
    url = data.get("url")
    if not isinstance(url, str) or not url.strip() or len(url) > 2000:
        raise invalid("'url' must be an http(s) URL of at most 2000 characters.", "url")
    try:
        validate_url(url.strip())
    except UnsafeDestination as exc:
        raise invalid(str(exc), "url", "invalid_url") from None
    except (ValueError, UnicodeError):  # urlsplit: a bad port or IPv6 literal; getaddrinfo: a label IDNA refuses
        raise invalid("'url' is not a valid http(s) URL (check the host name and port).", "url",
                      "invalid_url") from None
    return url.strip()


def _events(data: Any) -> list[str]:
    events = data.get("events")
    if not isinstance(events, list) or not events or not all(isinstance(e, str) for e in events):
        raise invalid(f"'events' must be a non-empty list of event types: {', '.join(EVENT_TYPES)}.", "events")
    unknown = sorted(set(events) - set(EVENT_TYPES))
    if unknown:
        raise invalid(f"Unknown event type(s) {', '.join(unknown)}. Event types: {', '.join(EVENT_TYPES)}.",
                      "events", "unknown_event_type")
    return sorted(set(events))


def _description(data: Any) -> str:
    description = data.get("description", "")
    if not isinstance(description, str) or len(description) > 200:
        raise invalid("'description' must be text of at most 200 characters.", "description")
    return description


def _get(request: Request, webhook_id: str) -> WebhookEndpoint:
    endpoint = WebhookEndpoint.objects.filter(pk=webhook_id, user=request.user).first()
    if endpoint is None:
        raise not_found("webhook endpoint")
    return endpoint


class WebhookList(KinemaView):
    @extend_schema(operation_id="listWebhooks", responses={200: OpenApiTypes.OBJECT})
    def get(self, request: Request) -> Response:
        rows = WebhookEndpoint.objects.filter(user=request.user)
        return Response({"object": "list", "data": [endpoint_object(e) for e in rows],
                         "event_types": EVENT_TYPES})

    @extend_schema(operation_id="createWebhook", request=schema.CreateWebhook,
                   responses={200: OpenApiTypes.OBJECT})
    def post(self, request: Request) -> Response:
        url, events, description = _url(request.data), _events(request.data), _description(request.data)
        with transaction.atomic():
            if WebhookEndpoint.objects.select_for_update().filter(user=request.user).count() >= MAX_ENDPOINTS:
                raise invalid(f"You can register at most {MAX_ENDPOINTS} webhook endpoints.", "url", "too_many")
            endpoint = WebhookEndpoint.objects.create(user=request.user, url=url, events=events,
                                                      description=description)
        return Response(endpoint_object(endpoint, with_secret=True))


@extend_schema(parameters=[schema.WEBHOOK_ID_PARAMETER])
class WebhookDetail(KinemaView):
    @extend_schema(operation_id="getWebhook", responses={200: OpenApiTypes.OBJECT})
    def get(self, request: Request, webhook_id: str) -> Response:
        return Response(endpoint_object(_get(request, webhook_id)))

    @extend_schema(operation_id="updateWebhook", request=schema.UpdateWebhook,
                   responses={200: OpenApiTypes.OBJECT})
    def patch(self, request: Request, webhook_id: str) -> Response:
        endpoint = _get(request, webhook_id)
        unknown = sorted(set(request.data) - {"url", "events", "enabled", "description"})
        if unknown:
            raise invalid(f"Unknown field(s) {', '.join(unknown)}; you can change url, events, enabled, "
                          "description.", unknown[0])
        if "url" in request.data:
            endpoint.url = _url(request.data)
        if "events" in request.data:
            endpoint.events = _events(request.data)
        if "enabled" in request.data:
            if not isinstance(request.data["enabled"], bool):
                raise invalid("'enabled' must be true or false.", "enabled")
            endpoint.enabled = request.data["enabled"]
        if "description" in request.data:
            endpoint.description = _description(request.data)
        endpoint.save()
        return Response(endpoint_object(endpoint))

    @extend_schema(operation_id="updateWebhookByPost", request=schema.UpdateWebhook,
                   responses={200: OpenApiTypes.OBJECT})
    def post(self, request: Request, webhook_id: str) -> Response:
        """The OpenAI SDK style: POST to update (its own operation id: ids are unique in the document)."""
        return self.patch(request, webhook_id)

    @extend_schema(operation_id="deleteWebhook", responses={200: OpenApiTypes.OBJECT})
    def delete(self, request: Request, webhook_id: str) -> Response:
        endpoint = _get(request, webhook_id)
        endpoint.delete()
        return Response({"id": webhook_id, "object": "webhook_endpoint.deleted", "deleted": True})


@extend_schema(parameters=[schema.WEBHOOK_ID_PARAMETER])
class WebhookDeliveries(KinemaView):
    @extend_schema(operation_id="listWebhookDeliveries", responses={200: OpenApiTypes.OBJECT})
    def get(self, request: Request, webhook_id: str) -> Response:
        endpoint = _get(request, webhook_id)
        rows = (WebhookDelivery.objects.filter(endpoint=endpoint).select_related("event")
                .prefetch_related("attempt_log").order_by("-created_at")[:100])
        return Response({"object": "list", "data": [delivery_object(d) for d in rows]})


@extend_schema(parameters=[schema.WEBHOOK_ID_PARAMETER])
class WebhookTest(KinemaView):
    @extend_schema(operation_id="testWebhook", request=None, responses={200: OpenApiTypes.OBJECT})
    def post(self, request: Request, webhook_id: str) -> Response:
        from django.conf import settings

        from jobs.api.errors import APIError
        from jobs.webhooks import test_send_retry_after

        endpoint = _get(request, webhook_id)
        with transaction.atomic():
            retry_after = test_send_retry_after(request.user.pk)  # test sends would bypass every other cap
            if retry_after is not None:
                raise APIError(f"At most {settings.KINEMA_WEBHOOK_TEST_SENDS_PER_MINUTE} test sends a minute; "
                               f"retry in {retry_after} s.", status_code=429, type="rate_limit_error",
                               code="rate_limit_exceeded", headers={"Retry-After": str(retry_after)})
            event = emit(request.user.pk, "kinema.test", {"webhook_id": endpoint.id}, endpoints=[endpoint])
        return Response({"event_id": event.id, "object": "event", "type": "kinema.test"})
