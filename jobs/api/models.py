"""`GET /v1/models` and `GET /v1/models/{id}` in OpenAI's shape (the SDK's `models.list()` and
`models.retrieve()`), with Kinema's fields: what each model can do, the sizes it takes, its versions.

The list holds the models that serve requests (a live version); retrieving accepts a model id, an alias
(answered with the model it names) or an exact version `model@version` (answered with that version).
Checkpoint locations, GPU memory and speeds are the operator's business and stay in the admin.
"""

from __future__ import annotations

import re
from typing import Any

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from jobs.api import schema
from jobs.api.base import KinemaView
from jobs.api.errors import not_found
from jobs.catalog import SERVED_STATES, VERSION_SEPARATOR, CatalogModel, ModelVersion, VersionState
from jobs.rollout import ensure_seeded, find_model, find_version
from jobs.selectors import unix_seconds

MODEL_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:@-]{0,120}$"
MODEL_ID = re.compile(MODEL_ID_PATTERN)
MODEL_ID_PARAMETER = OpenApiParameter("model_id", {"type": "string", "pattern": MODEL_ID_PATTERN},
                                      OpenApiParameter.PATH, description="A model id, alias or model@version.")
ERRORS = {code: OpenApiResponse(schema.ErrorResponse) for code in (401, 404, 429)}


class Capabilities(serializers.Serializer):
    text_to_video = serializers.BooleanField()
    reference_image = serializers.BooleanField()
    extend = serializers.BooleanField()
    edit = serializers.BooleanField()
    remix = serializers.BooleanField()
    audio = serializers.BooleanField()


class Version(serializers.Serializer):
    id = serializers.CharField(help_text="model@version: send it as `model` to pin this version.")
    object = serializers.CharField(help_text="Always \"model\".")
    created = serializers.IntegerField()
    owned_by = serializers.CharField()
    version = serializers.CharField()
    state = serializers.ChoiceField(choices=list(VersionState.values))
    family = serializers.CharField()
    description = serializers.CharField()
    capabilities = Capabilities()
    sizes = serializers.ListField(child=serializers.CharField(), help_text="Sizes a request may ask for.")
    resolutions = serializers.DictField(child=serializers.CharField(), help_text="Native size per orientation.")
    fps = serializers.IntegerField()
    default_steps = serializers.IntegerField()
    max_seconds = serializers.IntegerField()
    price_factor = serializers.FloatField()


class Model(serializers.Serializer):
    id = serializers.CharField()
    object = serializers.CharField(help_text="Always \"model\".")
    created = serializers.IntegerField()
    owned_by = serializers.CharField()
    description = serializers.CharField()
    aliases = serializers.ListField(child=serializers.CharField())
    live_version = serializers.CharField(allow_null=True)
    capabilities = Capabilities(allow_null=True, help_text="The live version's.")
    sizes = serializers.ListField(child=serializers.CharField(), help_text="The live version's.")
    versions = Version(many=True, help_text="Its live and canary versions.")


class ModelList(serializers.Serializer):
    object = serializers.ChoiceField(choices=["list"])
    # OpenAI's list key shadows Serializer.data; only drf-spectacular reads this class (for the document).
    data = Model(many=True)  # type: ignore[assignment]


def version_object(version: ModelVersion) -> dict[str, Any]:
    return {
        "id": version.public_id, "object": "model", "created": unix_seconds(version.created_at),
        "owned_by": version.model.owned_by, "version": version.version, "state": version.state,
        "family": version.family, "description": version.description or version.model.description,
        "capabilities": version.capabilities(), "sizes": version.sizes(),
        "resolutions": {o: f"{w}x{h}" for o, (w, h) in version.native_sizes().items()},
        "fps": version.fps, "default_steps": version.default_steps, "max_seconds": version.max_seconds,
        "price_factor": version.price_factor,
    }


def model_object(model: CatalogModel) -> dict[str, Any]:
    versions = [v for v in model.versions.all() if v.state in SERVED_STATES]
    live = next((v for v in versions if v.state == VersionState.LIVE), None)
    return {
        "id": model.id, "object": "model", "created": unix_seconds(model.created_at), "owned_by": model.owned_by,
        "description": model.description, "aliases": list(model.aliases),
        "live_version": live.public_id if live else None,
        "capabilities": live.capabilities() if live else None, "sizes": live.sizes() if live else [],
        "versions": [version_object(v) for v in versions],
    }


class ModelListView(KinemaView):
    @extend_schema(operation_id="listModels", responses={200: ModelList, **ERRORS})
    def get(self, request: Request) -> Response:
        ensure_seeded()
        served = (CatalogModel.objects.filter(versions__state=VersionState.LIVE).distinct()
                  .prefetch_related("versions").order_by("id"))
        return Response({"object": "list", "data": [model_object(m) for m in served]})


@extend_schema(parameters=[MODEL_ID_PARAMETER])
class ModelDetailView(KinemaView):
    @extend_schema(operation_id="retrieveModel", responses={200: Model, **ERRORS},
                   description="A model (by id or alias) or, for `model@version`, that version.")
    def get(self, request: Request, model_id: str) -> Response:
        if not MODEL_ID.fullmatch(model_id):
            raise not_found("model")
        if VERSION_SEPARATOR in model_id:
            version = find_version(model_id)
            if version is None or version.state not in SERVED_STATES:
                raise not_found("model")
            return Response(version_object(version))
        model = find_model(model_id)
        if model is None or not model.versions.filter(state=VersionState.LIVE).exists():
            raise not_found("model")
        return Response(model_object(model))
