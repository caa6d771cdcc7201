"""The API reference as a plain, accessible HTML page, rendered on the server from the same
OpenAPI schema that /api/schema/ serves (no JavaScript, no third-party assets)."""

from functools import lru_cache

from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET
from drf_spectacular.generators import SchemaGenerator

METHODS = ("get", "post", "put", "patch", "delete")


@lru_cache(maxsize=8)
def _schema(language: str) -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


def _schema_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def _operations(schema: dict) -> list[dict]:
    groups: dict[str, list[dict]] = {}
    for path, item in schema.get("paths", {}).items():
        for method in METHODS:
            operation = item.get(method)
            if not operation:
                continue
            body = operation.get("requestBody", {}).get("content", {})
            body_schema = next(iter(body.values()), {}).get("schema", {}) if body else {}
            responses = []
            for code, response in operation.get("responses", {}).items():
                content = response.get("content", {})
                ref = next(iter(content.values()), {}).get("schema", {}) if content else {}
                responses.append(
                    {
                        "code": code,
                        "description": response.get("description", ""),
                        "schema": _schema_name(ref.get("$ref", ""))
                        or _schema_name(ref.get("items", {}).get("$ref", "")),
                    }
                )
            entry = {
                "id": operation.get("operationId", f"{method}-{path}"),
                "method": method.upper(),
                "path": path,
                "summary": operation.get("summary", ""),
                "description": operation.get("description", ""),
                "parameters": [
                    {
                        "name": p["name"],
                        "in": p["in"],
                        "required": p.get("required", False),
                        "description": p.get("description", ""),
                        "type": p.get("schema", {}).get("type", ""),
                        "enum": p.get("schema", {}).get("enum", []),
                    }
                    for p in operation.get("parameters", [])
                ],
                "body": _schema_name(body_schema.get("$ref", "")),
                "responses": responses,
            }
            for tag in operation.get("tags", ["api"]):
                groups.setdefault(tag, []).append(entry)
    return [{"tag": tag, "operations": ops} for tag, ops in sorted(groups.items())]


def _components(schema: dict) -> list[dict]:
    components = []
    for name, component in sorted(schema.get("components", {}).get("schemas", {}).items()):
        required = set(component.get("required", []))
        fields = []
        for field, spec in component.get("properties", {}).items():
            kind = spec.get("type") or _schema_name(
                spec.get("$ref", "") or next(iter(spec.get("allOf", [{}])), {}).get("$ref", "")
            )
            if spec.get("type") == "array":
                kind = "array of " + (
                    spec.get("items", {}).get("type")
                    or _schema_name(spec.get("items", {}).get("$ref", ""))
                )
            fields.append(
                {
                    "name": field,
                    "type": kind,
                    "required": field in required,
                    "read_only": spec.get("readOnly", False),
                    "description": spec.get("description", ""),
                }
            )
        components.append(
            {
                "name": name,
                "description": component.get("description", ""),
                "fields": fields,
                "enum": component.get("enum", []),
            }
        )
    return components


@require_GET
def api_docs(request):
    schema = _schema(get_language() or "en")
    return render(
        request,
        "api_docs.html",
        {
            "info": schema.get("info", {}),
            "groups": _operations(schema),
            "components": _components(schema),
        },
    )
