"""Documents and clauses: list, read, read a clause with its neighbours, and upload (admin).

doc_ids and clause_ids contain slashes (`itu-pp/res-130/rev-dubai-2018/en`), hence `:path`.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Query, Response, UploadFile
from rescite.answer.citations import citation_string
from rescite.api.auth import require_admin
from rescite.api.routes_query import Owner, QueryFilters
from rescite.api.schemas import ERROR_RESPONSES, ClauseResponse, DocumentResponse
from rescite.api.uploads import failure_error, save_upload
from rescite.core.archive import Archive
from rescite.core.errors import NotFound
from rescite.core.records import DocumentPage, SyncReport

router = APIRouter(prefix="/v1", tags=["documents"], responses=ERROR_RESPONSES)
UPLOAD_TIMEOUT_FACTOR = 10  # an upload may embed a whole file: allow it more than a query


@router.get("/documents", response_model=DocumentPage, summary="List documents")
async def list_documents(
    owner: Owner,
    filters: QueryFilters,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> DocumentPage:
    return await owner.read(lambda archive: archive.documents(filters, offset=offset, limit=limit))


@router.get(
    "/documents/{doc_id:path}",
    response_model=DocumentResponse,
    summary="A document's metadata and clauses",
)
async def get_document(
    owner: Owner,
    doc_id: str,
    text: Annotated[bool, Query(description="Include the whole normalised text.")] = False,
) -> DocumentResponse:
    def read(archive: Archive) -> DocumentResponse:
        document = archive.document(doc_id)
        clauses = archive.clauses(doc_id)
        return DocumentResponse(
            document=document.meta, clauses=clauses, text=document.text if text else None
        )

    return await owner.read(read)


@router.get(
    "/clauses/{clause_id:path}",
    response_model=ClauseResponse,
    summary="A clause with its neighbours",
)
async def get_clause(
    owner: Owner,
    clause_id: str,
    neighbours: Annotated[int, Query(ge=0, le=50)] = 1,
) -> ClauseResponse:
    def read(archive: Archive) -> ClauseResponse:
        clause = archive.clause(clause_id)
        document = archive.document(clause.doc_id)
        clauses = archive.clauses(clause.doc_id)
        ids = [c.clause_id for c in clauses]
        if clause_id not in ids:
            raise NotFound(f"clause {clause_id} is not in {clause.doc_id}; re-ingest it")
        at = ids.index(clause_id)
        return ClauseResponse(
            clause=clause,
            citation=citation_string(document.meta, clause),
            document=document.meta,
            previous=clauses[max(at - neighbours, 0) : at],
            next=clauses[at + 1 : at + 1 + neighbours],
        )

    return await owner.read(read)


@router.post(
    "/documents",
    response_model=SyncReport,
    status_code=201,
    dependencies=[Depends(require_admin)],
    summary="Upload a file to ingest (admin)",
    description="Multipart field `file`: PDF, DOCX, HTML, TXT/MD or Akoma Ntoso XML. "
    "Answers 201 when a document was added or updated, 200 when it was already there.",
)
async def upload_document(
    owner: Owner,
    response: Response,
    file: Annotated[UploadFile, File(description="The resolution file")],
) -> SyncReport:
    settings = owner.settings
    path = await save_upload(file, settings)
    timeout = settings.api.request_timeout_s * UPLOAD_TIMEOUT_FACTOR
    report = await owner.write(lambda archive: archive.ingest([path]), timeout_s=timeout)
    if report.failed and not (report.added or report.updated or report.unchanged):
        path.unlink(missing_ok=True)
        raise failure_error(report.failed[0])
    if not (report.added or report.updated):
        response.status_code = 200
    return report
