"""The order every write follows: find the record (404), check the role (403), then read the body.

ninja validates a declared body before the view runs, so a viewer sending a
malformed body would learn "422" instead of "403", and a caller probing another
store's ids would get 422 instead of 404. Write endpoints therefore declare no
body parameter: they scope and check the role first, then call
``parsed_body``, which answers exactly as ninja would (422 with
``{"detail": [errors]}``, 400 for unparseable JSON). ``body_docs`` puts the
schema back into the OpenAPI document.
"""

from __future__ import annotations

import json
from typing import Any

import pydantic
from django.http import HttpRequest
from ninja import Schema
from ninja.errors import HttpError, ValidationError

from sellerdesk.accounts.models import User
from sellerdesk.api.auth import request_user
from sellerdesk.stores.models import Store
from sellerdesk.stores.selectors import user_can_write


def writer(request: HttpRequest, store: Store, refusal: str) -> User:
    """The caller, if an owner or agent of ``store``; else 403 with ``refusal``."""
    user = request_user(request)
    if not user_can_write(user=user, store=store):
        raise HttpError(403, refusal)
    return user


def parsed_body[S: Schema](request: HttpRequest, schema: type[S]) -> S:
    """The JSON body as ``schema``; an empty body is ``{}``."""
    try:
        data = json.loads(request.body) if request.body else {}
    except ValueError:
        raise HttpError(400, "Cannot parse request body") from None
    try:
        return schema.model_validate(data)
    except pydantic.ValidationError as exc:
        errors: list[dict[str, Any]] = []
        for error in exc.errors(include_url=False):
            item: dict[str, Any] = {**error, "loc": ["body", "payload", *error["loc"]]}
            item.pop("input", None)  # never echo the caller's data back
            if isinstance(item.get("ctx", {}).get("error"), Exception):
                item["ctx"] = {**item["ctx"], "error": str(item["ctx"]["error"])}
            errors.append(item)
        raise ValidationError(errors) from None


def body_docs(schema: type[Schema]) -> dict[str, Any]:
    """``openapi_extra`` for an operation whose body ``parsed_body`` reads."""
    return {
        "requestBody": {
            "content": {"application/json": {"schema": schema.model_json_schema()}},
            "required": True,
        }
    }
