"""Characters under /v1/videos/characters: create one from your own clip, list them, read one back (the SDK's
shape), delete one (the owner withdraws the likeness)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from jobs.api import schema
from jobs.api.base import KinemaView, caller
from jobs.api.errors import not_found
from jobs.characters import character_object, create_character, delete_character
from jobs.idempotency import run_idempotently
from jobs.models import Character

ERRORS = {code: OpenApiResponse(schema.ErrorResponse) for code in (400, 401, 404, 409, 429)}


class CharacterCreate(KinemaView):
    @extend_schema(operation_id="listCharacters", responses={200: schema.CharacterList, **ERRORS})
    def get(self, request: Request) -> Response:
        """The caller's characters, newest first (an account holds at most MAX_CHARACTERS_PER_USER: one page)."""
        mine = Character.objects.filter(user=caller(request), deleted_at__isnull=True).order_by("-created_at", "-pk")
        return Response({"object": "list", "data": [character_object(c) for c in mine]})

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

    @extend_schema(operation_id="deleteCharacter", responses={200: schema.DeletedCharacter, **ERRORS})
    def delete(self, request: Request, character_id: str) -> Response:
        character = delete_character(caller(request), character_id)
        if character is None:
            raise not_found("character")
        return Response({"id": character.pk, "object": "character.deleted", "deleted": True})
