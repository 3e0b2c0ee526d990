"""The index schema: what is searched, filtered, faceted and stored."""
from __future__ import annotations

from whoosh import columns, fields

from .analysis import char_analyzer, word_analyzer


class FacetKeywords(fields.KEYWORD):
    """Comma-separated keywords, also kept as a per-document list column.

    The list column is what lets Whoosh count facets over a whole result set
    without re-reading every posting list on each search.
    """

    def __init__(self):
        super().__init__(stored=False, lowercase=False, commas=True, scorable=False)
        self.column_type = columns.VarBytesListColumn()

    def to_column_value(self, value):
        if not value:
            return []
        return [item.strip().encode("utf-8") for item in value.split(",") if item.strip()]

    def from_column_value(self, value):
        return [item.decode("utf-8") for item in value]


def chars_text(title: str | None, body: str) -> str:
    """What the `chars` field indexes: the title, a line break, the body."""
    return f"{title}\n{body}" if title else body


def build_schema() -> fields.Schema:
    words = word_analyzer()
    return fields.Schema(
        id=fields.ID(stored=True, unique=True, sortable=True),
        content_hash=fields.ID(stored=False, sortable=True),
        origin=fields.ID(stored=False, sortable=True),
        # Ranking: jieba words of the title and the body.
        title=fields.TEXT(analyzer=words, phrase=False, field_boost=3.0),
        words=fields.TEXT(analyzer=words, phrase=False),
        # Recall: character bigrams of title + body, with positions.
        chars=fields.TEXT(analyzer=char_analyzer(), phrase=True),
        # Filters and facets. Region keys include every ancestor.
        region=FacetKeywords(),
        place=fields.KEYWORD(lowercase=False, commas=True, field_boost=2.0),
        official=FacetKeywords(),
        date_bucket=FacetKeywords(),
        # Undated documents read 0 from the column, so they sort last by date.
        date_start=fields.NUMERIC(numtype=int, bits=32, signed=False,
                                  sortable=columns.NumericColumn("I", default=0)),
        date_end=fields.NUMERIC(numtype=int, bits=32, signed=False),
        script=fields.ID(),
        source=fields.ID(),
        # What a hit shows: metadata as JSON and the original text.
        meta=fields.STORED(),
        text=fields.STORED(),
    )
