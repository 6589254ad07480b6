"""`/v1/webhooks`: register, list, update and delete endpoints; see their deliveries; send a test."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import QueryDict
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.locks import Capped, lock_collection
from accounts.models import User
from jobs.api import schema
from jobs.api.base import KinemaView, caller
from jobs.api.errors import invalid, not_found
from jobs.api.validation import PATH_IDS
from jobs.idempotency import run_idempotently
from jobs.models import WebhookDelivery, WebhookEndpoint
from jobs.selectors import unix_seconds
from jobs.webhooks import EVENT_TYPES, account_endpoints, checked_url, emit

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
    return checked_url(data.get("url"), "url")


def _events(data: Any) -> list[str]:
    # A form-encoded body repeats the field (events=a&events=b): all of its values, not the last one.
    events = data.getlist("events") if isinstance(data, QueryDict) else data.get("events")
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


def register_endpoint(user: User, data: Any, *, enabled: bool = True) -> WebhookEndpoint:
    """Validate `data` (url, events, description) and register the endpoint (also the account page's form)."""
    url, events, description = _url(data), _events(data), _description(data)
    with transaction.atomic():
        lock_collection(Capped.WEBHOOK_ENDPOINTS, user.pk)  # concurrent registrations count one after another
        if account_endpoints(user.pk).count() >= MAX_ENDPOINTS:
            raise invalid(f"You can register at most {MAX_ENDPOINTS} webhook endpoints.", "url", "too_many")
        return WebhookEndpoint.objects.create(user=user, url=url, events=events, description=description,
                                              enabled=enabled)


def _known_fields(data: Any, known: set[str]) -> None:
    unknown = sorted(set(data) - known)
    if unknown:
        raise invalid(f"Unknown field(s) {', '.join(unknown)}; the fields are {', '.join(sorted(known))}.",
                      unknown[0])


def _enabled(data: Any) -> bool:
    value = data["enabled"]
    if isinstance(data, QueryDict) and value in ("true", "false"):  # a form-encoded body: text
        return value == "true"
    if not isinstance(value, bool):
        raise invalid("'enabled' must be true or false.", "enabled")
    return value


def delete_endpoint(user: User, webhook_id: str) -> bool:
    """Delete one of the user's registered endpoints (the account page's form), False when `webhook_id` names none.
    The form does not pass through check_request, which checks the API's path ids: text that is not a webhook id
    (a NUL, say, which PostgreSQL refuses) is simply not found, and never reaches a query."""
    if not PATH_IDS["webhook_id"][0].fullmatch(webhook_id):
        return False
    deleted, _ = account_endpoints(user.pk).filter(pk=webhook_id).delete()
    return deleted > 0


def _get(request: Request, webhook_id: str) -> WebhookEndpoint:
    """One of the caller's registered endpoints; a per-request endpoint (webhook_url on a video) is not one:
    through here a PATCH adding events would turn it into a registered endpoint outside MAX_ENDPOINTS."""
    endpoint = account_endpoints(request.user.pk).filter(pk=webhook_id).first()
    if endpoint is None:
        raise not_found("webhook endpoint")
    return endpoint


class WebhookList(KinemaView):
    @extend_schema(operation_id="listWebhooks", responses={200: OpenApiTypes.OBJECT})
    def get(self, request: Request) -> Response:
        rows = account_endpoints(request.user.pk)
        return Response({"object": "list", "data": [endpoint_object(e) for e in rows],
                         "event_types": EVENT_TYPES})

    @extend_schema(operation_id="createWebhook", request=schema.CreateWebhook,
                   responses={200: OpenApiTypes.OBJECT})
    def post(self, request: Request) -> Response:
        return run_idempotently(request, lambda: self.create(request))

    @staticmethod
    def create(request: Request) -> Response:
        _known_fields(request.data, {"url", "events", "enabled", "description"})
        enabled = _enabled(request.data) if "enabled" in request.data else True
        return Response(endpoint_object(register_endpoint(caller(request), request.data, enabled=enabled),
                                        with_secret=True))


@extend_schema(parameters=[schema.WEBHOOK_ID_PARAMETER])
class WebhookDetail(KinemaView):
    @extend_schema(operation_id="getWebhook", responses={200: OpenApiTypes.OBJECT})
    def get(self, request: Request, webhook_id: str) -> Response:
        return Response(endpoint_object(_get(request, webhook_id)))

    @extend_schema(operation_id="updateWebhook", request=schema.UpdateWebhook,
                   responses={200: OpenApiTypes.OBJECT})
    def patch(self, request: Request, webhook_id: str) -> Response:
        endpoint = _get(request, webhook_id)
        _known_fields(request.data, {"url", "events", "enabled", "description"})
        if "url" in request.data:
            endpoint.url = _url(request.data)
        if "events" in request.data:
            endpoint.events = _events(request.data)
        if "enabled" in request.data:
            endpoint.enabled = _enabled(request.data)
        if "description" in request.data:
            endpoint.description = _description(request.data)
        endpoint.save()
        return Response(endpoint_object(endpoint))

    @extend_schema(operation_id="updateWebhookByPost", request=schema.UpdateWebhook,
                   responses={200: OpenApiTypes.OBJECT})
    def post(self, request: Request, webhook_id: str) -> Response:
        """The OpenAI SDK style: POST to update (its own operation id: ids are unique in the document)."""
        return run_idempotently(request, lambda: self.patch(request, webhook_id))

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
        return run_idempotently(request, lambda: self.send(request, webhook_id))

    @staticmethod
    def send(request: Request, webhook_id: str) -> Response:
        from django.conf import settings

        from jobs.api.errors import APIError
        from jobs.webhooks import test_send_retry_after

        endpoint = _get(request, webhook_id)
        if not endpoint.enabled:  # it would be recorded as failed, unsent, and spend one of the minute's test sends
            raise APIError("This endpoint is disabled: nothing is sent to it. Enable it first "
                           "(PATCH /v1/webhooks/{id} with enabled: true).", status_code=409,
                           code="webhook_disabled")
        with transaction.atomic():
            retry_after = test_send_retry_after(request.user.pk)  # test sends would bypass every other cap
            if retry_after is not None:
                raise APIError(f"At most {settings.KINEMA_WEBHOOK_TEST_SENDS_PER_MINUTE} test sends a minute; "
                               f"retry in {retry_after} s.", status_code=429, type="rate_limit_error",
                               code="rate_limit_exceeded", headers={"Retry-After": str(retry_after)})
            event = emit(request.user.pk, "kinema.test", {"webhook_id": endpoint.id}, endpoints=[endpoint])
        return Response({"event_id": event.id, "object": "event", "type": "kinema.test"})
