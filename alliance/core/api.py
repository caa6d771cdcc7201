"""What every app's API shares: how refusals from services read, the "not signed in" answer,
absolute links and UTC times."""

import datetime

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiResponse
from rest_framework import exceptions, serializers
from rest_framework.views import exception_handler as drf_exception_handler

from alliance.core.models import Topic


class RefusalSerializer(serializers.Serializer):
    """A service said no: why, in the reader's language, and a code a program can test."""

    detail = serializers.ListField(child=serializers.CharField())
    code = serializers.CharField()


class ErrorSerializer(serializers.Serializer):
    """DRF's own refusals: not signed in, not allowed, not found, too many requests."""

    detail = serializers.CharField()


NOT_SIGNED_IN = OpenApiResponse(ErrorSerializer, description="Not signed in.")


def absolute_url(serializer: serializers.Field, path: str) -> str:
    """The path as a full address when the serializer has the request, else as it is."""
    request = serializer.context.get("request")
    return request.build_absolute_uri(path) if request else path


def utc_datetime(**kwargs) -> serializers.DateTimeField:
    """A read-only time, always written in UTC."""
    return serializers.DateTimeField(default_timezone=datetime.UTC, read_only=True, **kwargs)


class TopicSerializer(serializers.ModelSerializer):
    label = serializers.CharField(read_only=True, help_text="The name in the reader's language.")

    class Meta:
        model = Topic
        fields = ["slug", "label"]


def exception_handler(exc, context):
    """DRF's handler, also understanding the exceptions services raise.

    A django ValidationError becomes a 400 `{"detail": [messages], "code": "..."}` (one with
    field names becomes DRF's usual `{field: [messages]}`); a django PermissionDenied becomes a
    403 that keeps its message, where DRF would replace it with a generic one.
    """
    if isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            exc = exceptions.ValidationError(exc.message_dict)
        else:
            exc = exceptions.ValidationError({"detail": exc.messages, "code": _code(exc)})
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    return drf_exception_handler(exc, context)


def _code(error: DjangoValidationError) -> str:
    if getattr(error, "code", None):
        return error.code
    codes = {item.code for item in error.error_list if item.code}
    return codes.pop() if len(codes) == 1 else "invalid"
