"""Admin writes: add, replace and delete partnerships (bearer token; see nhsmatch/api/writes.py)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request, Response
from fastapi.exceptions import RequestValidationError

from ...matcher.models import Partnership
from ..auth import require_admin
from ..schemas import ErrorBody
from ..writes import CorpusWriter

router = APIRouter(prefix="/v1", tags=["admin"], dependencies=[Depends(require_admin)])

_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": description}
    for status, description in (
        (401, "No admin token, or the wrong one."),
        (403, "Admin writes are disabled (no MATCHER_ADMIN_TOKEN)."),
        (422, "Invalid record, or the corpus would be invalid with it."),
        (503, "The index is still loading."),
    )
}


# Ids are slugs (see Partnership.id); a path that can't be one is refused before any lookup.
IdInPath = Annotated[str, Path(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=120, description="A record id.")]


def get_writer(request: Request) -> CorpusWriter:
    writer: CorpusWriter = request.app.state.corpus_writer
    return writer


WriterDep = Annotated[CorpusWriter, Depends(get_writer)]


@router.post(
    "/partnerships",
    status_code=201,
    response_model=Partnership,
    responses={**_ERRORS, 409: {"model": ErrorBody, "description": "A partnership with that id exists."}},
    summary="Add a partnership (admin)",
)
def add_partnership(record: Partnership, writer: WriterDep, response: Response) -> Partnership:
    """Validated like the corpus; durable and searchable when this answers."""
    writer.apply("add", lambda store: store.add(record))
    response.headers["Location"] = f"/v1/partnerships/{record.id}"
    return record


@router.put(
    "/partnerships/{record_id}",
    response_model=Partnership,
    responses={**_ERRORS, 404: {"model": ErrorBody, "description": "No partnership has that id."}},
    summary="Replace a partnership (admin)",
)
def replace_partnership(record_id: IdInPath, record: Partnership, writer: WriterDep) -> Partnership:
    """The whole record is replaced; its `id` must be the one in the path."""
    if record.id != record_id:
        problem = f"must equal the id in the path ({record_id!r}); to rename, add the new record and delete the old"
        raise RequestValidationError([{"loc": ("body", "id"), "msg": problem, "type": "value_error"}])
    writer.apply("replace", lambda store: store.replace(record_id, record))
    return record


@router.delete(
    "/partnerships/{record_id}",
    status_code=204,
    response_class=Response,
    responses={**_ERRORS, 404: {"model": ErrorBody, "description": "No partnership has that id."}},
    summary="Delete a partnership (admin)",
)
def delete_partnership(record_id: IdInPath, writer: WriterDep) -> Response:
    writer.apply("delete", lambda store: store.delete(record_id))
    return Response(status_code=204)
