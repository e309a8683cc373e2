"""Full-text search of the ledger (台账检索) on SQLite and PostgreSQL, by overlapping two-character tokens.

Chinese has no spaces between words, and a clerk searches by two characters as often as by a
phrase (“土地”, a surname and a given name). Each searchable field — the application number, the
applicant's name, every requested item — is normalised (:func:`gongkai.web.ledger.similarity.normalise`:
full-width to half-width, lower case, no punctuation or spaces) and cut into overlapping bigrams,
followed by the field's last character alone: ``征收补偿`` → ``征收 收补 补偿 偿``. A query is the
phrase of its own bigrams, so consecutive bigrams mean a substring, and the lone last character of a
field keeps a phrase from running on into the next field. A one-character query matches as a prefix
(every character starts some token).

* SQLite: an FTS5 table ``ledger_fulltext(tokens)`` whose rowid is the application's id, the
  ``unicode61`` tokenizer splitting only at our spaces.
* PostgreSQL: a table ``ledger_fulltext(application_id, document tsvector)`` with a GIN index. The
  tsvector and tsquery are written as literals with positions (``'征收':1 '收补':2``) rather than
  through a text-search parser, so no parser or locale decides what a Chinese "word" is — the
  STYLE.md choice, ``tsvector('simple')`` semantics without depending on the parser.

The index is written by the ledger services in the same transaction as the application
(:func:`index_application`, called by :func:`gongkai.web.ledger.services.register_application`);
anything that creates applications in bulk calls :func:`index_applications`. The search is only ever
a filter on :func:`gongkai.web.ledger.selectors.applications_for`, so applicants' names are found
only inside the user's own agency.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.expressions import RawSQL

from gongkai.web.ledger.similarity import normalise

__all__ = [
    "TABLE",
    "create_index",
    "document_tokens",
    "drop_index",
    "field_tokens",
    "index_application",
    "index_applications",
    "matching_ids",
    "query_phrases",
    "write_rows",
]

TABLE = "ledger_fulltext"
_BATCH = 2000


def field_tokens(text: str) -> list[str]:
    """The bigrams of one field's normalised text, then its last character alone."""
    clean = normalise(text)
    if not clean:
        return []
    return [clean[i : i + 2] for i in range(len(clean) - 1)] + [clean[-1]]


def document_tokens(number: str, applicant_name: str, items: Iterable[str]) -> list[str]:
    """The token stream of one application: number, applicant, then each requested item."""
    tokens = field_tokens(number) + field_tokens(applicant_name)
    for text in items:
        tokens += field_tokens(text)
    return tokens


def query_phrases(query: str) -> list[list[str]]:
    """One phrase of bigrams per whitespace-separated word of the query (all must match).

    A one-character word is a one-token phrase matched as a prefix.
    """
    phrases = []
    for word in query.split():
        clean = normalise(word)
        if len(clean) == 1:
            phrases.append([clean])
        elif clean:
            phrases.append([clean[i : i + 2] for i in range(len(clean) - 1)])
    return phrases


# -- schema (used by the migration) ------------------------------------------------------------------


def create_index(db: BaseDatabaseWrapper) -> None:
    """Create the index table for the database's vendor."""
    with db.cursor() as cursor:
        if db.vendor == "postgresql":
            # no foreign key: the table is derived (rebuilt by index_applications), applications are
            # never deleted, and a key would stop Django's test flush from truncating the ledger
            cursor.execute(f"CREATE TABLE {TABLE} (application_id bigint PRIMARY KEY, document tsvector NOT NULL)")
            cursor.execute(f"CREATE INDEX {TABLE}_document ON {TABLE} USING gin (document)")
        elif db.vendor == "sqlite":
            cursor.execute(f"CREATE VIRTUAL TABLE {TABLE} USING fts5(tokens, tokenize = 'unicode61')")
        else:
            raise RuntimeError(f"full-text search: unsupported database {db.vendor}")


def drop_index(db: BaseDatabaseWrapper) -> None:
    with db.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")


# -- writing ---------------------------------------------------------------------------------------


def _tsvector(tokens: Sequence[str]) -> str:
    # tokens hold only word characters (normalise drops the rest), so no quoting is needed inside
    return " ".join(f"'{t}':{min(i, 16383)}" for i, t in enumerate(tokens, start=1))


def write_rows(rows: Sequence[tuple[int, list[str]]], *, db: BaseDatabaseWrapper | None = None) -> None:
    """Replace the entries of ``(application id, tokens)`` rows (the migration passes its connection)."""
    db = db or connection
    if not rows:
        return
    ids = [pk for pk, _ in rows]
    with db.cursor() as cursor:
        if db.vendor == "postgresql":
            cursor.execute(f"DELETE FROM {TABLE} WHERE application_id = ANY(%s)", [ids])
            cursor.executemany(
                f"INSERT INTO {TABLE} (application_id, document) VALUES (%s, %s::tsvector)",
                [(pk, _tsvector(tokens)) for pk, tokens in rows],
            )
        else:
            cursor.executemany(f"DELETE FROM {TABLE} WHERE rowid = %s", [(pk,) for pk in ids])
            cursor.executemany(
                f"INSERT INTO {TABLE} (rowid, tokens) VALUES (%s, %s)", [(pk, " ".join(t)) for pk, t in rows]
            )


def index_application(*, application_id: int, number: str, applicant_name: str, items: Iterable[str]) -> None:
    """(Re)write one application's entry; called inside the service's transaction."""
    write_rows([(application_id, document_tokens(number, applicant_name, items))])


def index_applications(application_ids: Iterable[int] | None = None) -> int:
    """(Re)write the entries of the given applications (all when ``None``), in batches; returns how many."""
    from gongkai.web.ledger.models import Application, RequestedItem

    found = Application.objects.order_by("pk")
    if application_ids is not None:
        found = found.filter(pk__in=list(application_ids))
    count = 0
    batch: list[tuple[int, str, str]] = []

    def flush() -> None:
        texts: dict[int, list[str]] = {pk: [] for pk, _, _ in batch}
        for app_id, text in (
            RequestedItem.objects.filter(application_id__in=list(texts))
            .order_by("application_id", "position")
            .values_list("application_id", "text")
        ):
            texts[app_id].append(text)
        write_rows([(pk, document_tokens(number, name, texts[pk])) for pk, number, name in batch])

    for row in found.values_list("pk", "number", "applicant_name").iterator(chunk_size=_BATCH):
        batch.append(row)
        if len(batch) >= _BATCH:
            flush()
            count += len(batch)
            batch = []
    if batch:
        flush()
        count += len(batch)
    return count


# -- reading ----------------------------------------------------------------------------------------


def _fts5_query(phrases: list[list[str]]) -> str:
    parts = []
    for phrase in phrases:
        quoted = '"' + " ".join(phrase) + '"'
        parts.append(quoted + "*" if len(phrase) == 1 and len(phrase[0]) == 1 else quoted)
    return " AND ".join(parts)


def _tsquery(phrases: list[list[str]]) -> str:
    parts = []
    for phrase in phrases:
        if len(phrase) == 1 and len(phrase[0]) == 1:
            parts.append(f"'{phrase[0]}':*")
        else:
            parts.append("(" + " <-> ".join(f"'{t}'" for t in phrase) + ")")
    return " & ".join(parts)


def matching_ids(query: str) -> RawSQL | None:
    """A subquery of the ids of applications matching every word of ``query``; ``None`` when it has no word.

    Use it only as a filter on an already scoped queryset: ``found.filter(pk__in=matching_ids(q))``.
    """
    phrases = query_phrases(query)
    if not phrases:
        return None
    params: list[Any]
    if connection.vendor == "postgresql":
        sql, params = f"SELECT application_id FROM {TABLE} WHERE document @@ %s::tsquery", [_tsquery(phrases)]
    else:
        sql, params = f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s", [_fts5_query(phrases)]
    return RawSQL(sql, params)
