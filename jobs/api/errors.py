"""Errors in the OpenAI shape: `{"error": {"message", "type", "param", "code"}}`."""

from __future__ import annotations

from typing import Any

from django.http import JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler


class APIError(exceptions.APIException):
    def __init__(self, message: str, *, status_code: int = 400, type: str = "invalid_request_error",
                 param: str | None = None, code: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.message = message
        self.type = type
        self.param = param
        self.code = code
        self.headers = headers or {}


def invalid(message: str, param: str | None = None, code: str | None = "invalid_value") -> APIError:
    return APIError(message, param=param, code=code)


def not_found(what: str = "video") -> APIError:
    return APIError(f"No {what} found with that id.", status_code=404, code="not_found")


def error_body(message: str, type: str, param: str | None = None, code: str | None = None) -> dict[str, Any]:
    return {"error": {"message": message, "type": type, "param": param, "code": code}}


_TYPES = {
    status.HTTP_401_UNAUTHORIZED: ("authentication_error", "invalid_api_key"),
    status.HTTP_403_FORBIDDEN: ("permission_error", "forbidden"),
    status.HTTP_404_NOT_FOUND: ("invalid_request_error", "not_found"),
    status.HTTP_405_METHOD_NOT_ALLOWED: ("invalid_request_error", "method_not_allowed"),
    status.HTTP_415_UNSUPPORTED_MEDIA_TYPE: ("invalid_request_error", "unsupported_media_type"),
    status.HTTP_429_TOO_MANY_REQUESTS: ("rate_limit_error", "rate_limit_exceeded"),
}


def _flatten(detail: Any) -> str:
    if isinstance(detail, dict):
        return "; ".join(f"{k}: {_flatten(v)}" for k, v in detail.items())
    if isinstance(detail, list):
        return "; ".join(_flatten(v) for v in detail)
    return str(detail)


def openai_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, APIError):
        return Response(error_body(exc.message, exc.type, exc.param, exc.code), status=exc.status_code,
                        headers=exc.headers)
    response = exception_handler(exc, context)
    if response is None:
        return None
    etype, code = _TYPES.get(response.status_code, ("invalid_request_error", "invalid_request"))
    if isinstance(exc, exceptions.NotAuthenticated):
        message = "You didn't provide an API key. Send 'Authorization: Bearer <api key>'."
    else:
        message = _flatten(getattr(exc, "detail", str(exc)))
    if response.status_code == 401 and "WWW-Authenticate" not in response:
        response["WWW-Authenticate"] = "Bearer"
    response.data = error_body(message, etype, None, code)
    return response


def json_404(request, exception=None):
    return JsonResponse(error_body(f"Unknown path {request.path}.", "invalid_request_error", None, "not_found"),
                        status=404)


def json_500(request):
    return JsonResponse(error_body("The server had an error while processing your request.", "server_error"),
                        status=500)
