"""Characters under /v1/videos/characters: create one from your own clip, read it back (the SDK's shape)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from jobs.api import schema
from jobs.api.base import KinemaView, caller
from jobs.api.errors import not_found
from jobs.characters import character_object, create_character
from jobs.idempotency import run_idempotently
from jobs.models import Character

ERRORS = {code: OpenApiResponse(schema.ErrorResponse) for code in (400, 401, 404, 409, 429)}


class CharacterCreate(KinemaView):
    @extend_schema(operation_id="createCharacter",
                   request={"multipart/form-data": schema.CreateCharacterUpload,
                            "application/json": schema.CreateCharacter},
                   responses={200: schema.Character, **ERRORS})
    def post(self, request: Request) -> Response:
        user = caller(request)
        data = cast(Mapping[str, Any], request.data)  # check_request refused any body that is not an object
        return run_idempotently(request, lambda: Response(character_object(create_character(user, data,
                                                                                            request.FILES))))


@extend_schema(parameters=[schema.CHARACTER_ID_PARAMETER])
class CharacterDetail(KinemaView):
    @extend_schema(operation_id="retrieveCharacter", responses={200: schema.Character, **ERRORS})
    def get(self, request: Request, character_id: str) -> Response:
        character = Character.objects.filter(pk=character_id, user=caller(request), deleted_at__isnull=True).first()
        if character is None:
            raise not_found("character")
        return Response(character_object(character))
