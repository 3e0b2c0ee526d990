"""Reading what the user asked for: the query string and the filters.

Query syntax, kept small on purpose:

    杨国昕 招商              both terms (AND)
    杨国昕 OR 楊國昕 招商     OR joins the terms on either side and binds tighter
                            than AND: (杨国昕 or 楊國昕) and 招商
    "台南 市长"              a literal phrase: its pieces adjacent and in order,
                            punctuation as written, any run of whitespace where
                            it has whitespace
    -疫情                   exclude documents containing the term
    (empty)                 every document, newest first (filters still apply)

`OR` is an operator only in capitals, between two terms; `"OR"` searches for
the word. Every term is matched as a substring of the folded text, so a query
and its other-script spelling find the same documents. An unquoted term with
punctuation inside (`a,b`) needs each of its pieces, anywhere. Filters
(region, official, dates, script) narrow the result; all validation happens
here, and every problem is a `QueryError` with a message a person can act on.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Mapping

from archive import gazetteer
from archive.script import fold

from .analysis import is_word_char, query_runs

if TYPE_CHECKING:
    from .search import SearchResult

MAX_QUERY_CHARS = 256
MAX_TERMS = 16
MAX_PAGE = 1000
MAX_DEPTH = 10_000          # hits a client may page through
MAX_PAGE_SIZE = 100
MAX_OFFICIAL_CHARS = 32
MAX_REGION_CHARS = 40
MAX_SPELLED_OUT = 8         # candidates written into a message
SORTS = ("relevance", "date")
SCRIPTS = ("simplified", "traditional", "mixed")


class QueryError(ValueError):
    """The request cannot be run as given; the message says why.

    It also carries what a caller needs to offer a way out without checking
    anything again: `candidates`, the places (gazetteer Regions) an ambiguous
    region name could mean, and `valid`, the request's parameters that passed
    on their own, as given (the search again without the one that failed).
    """

    def __init__(self, message: str, *, candidates=(), valid: Mapping[str, str] | None = None):
        super().__init__(message)
        self.candidates = tuple(candidates)
        self.valid = dict(valid or {})

    def spelled_out(self) -> str:
        """The message with the candidates written into it, for a reader who
        gets no links to them (the command line, plain text)."""
        if not self.candidates:
            return str(self)
        shown = "; ".join(f"{' > '.join(place.path)} ({place.key})"
                          for place in self.candidates[:MAX_SPELLED_OUT])
        more = len(self.candidates) - MAX_SPELLED_OUT
        return f"{self}: {shown}" + (f"; and {more} more" if more > 0 else "")


@dataclass(frozen=True)
class Term:
    text: str                 # as typed
    runs: tuple[str, ...]     # folded runs of word characters
    exclude: bool = False
    # A quoted phrase that is more than one plain run ("台南 市长", "covid-19"),
    # folded and stripped of outer whitespace: it must stand in the text as
    # written. None when the runs alone decide (a plain word or phrase).
    literal: str | None = None
    # Terms with the same group are alternatives (OR); groups are ANDed.
    group: int = 0


@dataclass(frozen=True)
class DateBound:
    text: str
    first_day: int            # YYYYMMDD
    last_day: int


@dataclass
class SearchRequest:
    q: str = ""
    terms: list[Term] = field(default_factory=list)
    region: str | None = None          # gazetteer key
    region_input: str | None = None
    official: str | None = None        # folded name
    official_input: str | None = None
    date_from: DateBound | None = None
    date_to: DateBound | None = None
    script: str | None = None
    sort: str = "relevance"
    page: int = 1
    page_size: int = 10
    page_size_input: str | None = None  # as asked for in the URL, so links keep it

    @classmethod
    def from_params(cls, params: Mapping[str, str | None], page_size: int = 10) -> "SearchRequest":
        """`page_size` is the caller's default; a `page_size` parameter overrides it.

        Every parameter is read once, each by its own rule; the first problem
        found is raised after all were read, carrying those that passed.
        """
        get = lambda name: (params.get(name) or "").strip()  # noqa: E731
        valid: dict[str, str] = {}
        problems: list[QueryError] = []

        def read(name: str, parse):
            """The parameter as `parse` reads it; None when absent or bad (the problem kept)."""
            value = get(name)
            if not value:
                return None
            try:
                parsed = parse(value)
            except QueryError as problem:
                problems.append(problem)
                return None
            valid[name] = value
            return parsed

        page_size = read("page_size", lambda v: parse_number(v, "page_size", 1, MAX_PAGE_SIZE)) \
            or page_size
        request = cls(page_size=page_size, page_size_input=valid.get("page_size"))
        request.terms = read("q", parse_query) or []
        request.q = valid.get("q", "")
        request.region = read("region", resolve_region)
        request.region_input = valid.get("region")
        request.official = read("official", parse_official)
        request.official_input = valid.get("official")
        request.date_from = read("from", lambda v: parse_date_bound(v, "from"))
        request.date_to = read("to", lambda v: parse_date_bound(v, "to"))
        if request.date_from and request.date_to and \
                request.date_from.first_day > request.date_to.last_day:
            # Each is a date, but together they are no range: both go.
            del valid["from"], valid["to"]
            problems.append(QueryError(f"from ({request.date_from.text}) is after "
                                       f"to ({request.date_to.text})"))
        request.script = read("script", lambda v: parse_choice(v, "script", SCRIPTS))
        request.sort = read("sort", lambda v: parse_choice(v, "sort", SORTS)) or "relevance"
        request.page = read("page", lambda v: parse_number(v, "page", 1, MAX_PAGE)) or 1
        if not 1 <= page_size <= MAX_PAGE_SIZE:
            problems.append(QueryError(f"page size must be between 1 and {MAX_PAGE_SIZE}"))
        elif request.page * page_size > MAX_DEPTH:
            valid.pop("page", None)
            problems.append(QueryError(f"page {request.page} is too deep: results are listed up to "
                                       f"{MAX_DEPTH}; narrow the search with a filter instead"))
        if problems:
            problems[0].valid = valid
            raise problems[0]
        if request.browsing:
            # With nothing to rank by, the only order that means anything is the date.
            request.sort = "date"
        return request

    def check_page(self, result: "SearchResult") -> None:
        """A QueryError for a page past the last of the result (page 1 is there even when empty).

        Only the result knows its total, so this comes after the search; the
        site and the CLI both ask here.
        """
        if self.page > 1 and self.page > result.pages:
            raise QueryError(f"page {self.page} is past the last page ({result.pages}) "
                             f"of {result.total} results", valid=self.params(page=None))

    @property
    def browsing(self) -> bool:
        """No term to find: every document (that passes the filters) is listed, newest first."""
        return all(t.exclude for t in self.terms)

    def cache_key(self) -> tuple:
        """What decides the set and order of matches (not the page)."""
        return (tuple(self.terms), self.region, self.official,
                self.date_from and (self.date_from.first_day, self.date_from.last_day),
                self.date_to and (self.date_to.first_day, self.date_to.last_day),
                self.script, self.sort)

    @property
    def has_filters(self) -> bool:
        return any((self.region, self.official, self.date_from, self.date_to, self.script))

    def params(self, **changes) -> dict[str, str]:
        """The URL parameters of this request, with some changed or removed (None)."""
        values = {
            "q": self.q, "region": self.region_input and self.region,
            "official": self.official_input, "from": self.date_from and self.date_from.text,
            "to": self.date_to and self.date_to.text, "script": self.script,
            "sort": None if self.sort == "relevance" or self.browsing else self.sort,
            "page": None if self.page == 1 else str(self.page),
            "page_size": self.page_size_input and str(self.page_size),
        }
        values.update(changes)
        return {k: v for k, v in values.items() if v}


_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')
OR = "OR"
DANGLING_OR = 'OR goes between two terms, as in 杨国昕 OR 楊國昕; to search for the word, quote it: "OR"'


def parse_query(q: str) -> list[Term]:
    """The terms of a query, each with its OR group (see the module's syntax)."""
    if len(q) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is {len(q)} characters long; the limit is {MAX_QUERY_CHARS}")
    if q.count('"') % 2:
        raise QueryError('unbalanced quotes: close the phrase with a second "')
    terms: list[Term] = []
    joining = False  # the previous token was OR
    for match in _TOKEN.finditer(q.replace("“", '"').replace("”", '"')):
        if match.group(3) == OR:
            if not terms or joining:
                raise QueryError(DANGLING_OR)
            joining = True
            continue
        term = _term(match)
        if term is None:
            continue  # punctuation alone: nothing to look for
        group = terms[-1].group + (0 if joining else 1) if terms else 0
        terms.append(Term(term.text, term.runs, term.exclude, term.literal, group))
        joining = False
    if joining:
        raise QueryError(DANGLING_OR)
    if q.strip() and not terms:
        raise QueryError(f"nothing to search for in {q.strip()[:40]!r}: "
                         "a term needs letters, digits or Chinese characters")
    if len(terms) > MAX_TERMS:
        raise QueryError(f"the query has {len(terms)} terms; the limit is {MAX_TERMS}")
    for term in terms:
        if term.exclude and sum(1 for t in terms if t.group == term.group) > 1:
            raise QueryError(f"{term.text} cannot be one side of OR: "
                             "exclude a term on its own, outside an OR")
    return terms


def _term(match: re.Match) -> Term | None:
    if match.group(3) is not None:
        text = match.group(3)
        exclude = text.startswith("-") and len(text) > 1
        runs = tuple(query_runs(text[1:] if exclude else text))
        return Term(text=text, runs=runs, exclude=exclude) if runs else None
    text, exclude = match.group(0), bool(match.group(1))
    phrase = fold(match.group(2)).strip()
    runs = tuple(query_runs(phrase))
    if not runs:
        return None
    plain = len(runs) == 1 and all(is_word_char(c) for c in phrase)
    return Term(text=text, runs=runs, exclude=exclude, literal=None if plain else phrase)


# ASCII digits only: str.isdigit() and \\d also accept ² ① ٣ ３, some of which
# int() then refuses (a 500) and all of which no one means as a number.
_WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")


def parse_number(value: str, name: str, low: int, high: int) -> int:
    """A whole number from a request parameter, in [low, high], or a QueryError saying so."""
    if not _WHOLE_NUMBER.fullmatch(value) or not low <= int(value) <= high:
        raise QueryError(f"{name} must be a whole number from {low} to {high}")
    return int(value)


_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?")


def parse_date_bound(value: str, name: str) -> DateBound:
    match = _DATE.fullmatch(value)
    if not match:
        raise QueryError(f"{name}: {value[:40]!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if not 1000 <= year <= 2999 or (month is not None and not 1 <= month <= 12):
        raise QueryError(f"{name}: {value!r} is not a valid date")
    if month is None:
        return DateBound(value, year * 10000 + 101, year * 10000 + 1231)
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return DateBound(value, year * 10000 + month * 100 + 1, year * 10000 + month * 100 + 31)
    if not 1 <= day <= last:
        raise QueryError(f"{name}: {value!r} is not a valid date")
    number = year * 10000 + month * 100 + day
    return DateBound(value, number, number)


def parse_choice(value: str, name: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise QueryError(f"{name} must be one of {', '.join(choices)}")
    return value


def parse_official(value: str) -> str:
    """An official's name, folded as the index files it."""
    if len(value) > MAX_OFFICIAL_CHARS:
        raise QueryError(f"official: a name is at most {MAX_OFFICIAL_CHARS} characters")
    return fold(value)


def resolve_region(value: str) -> str:
    """The gazetteer key of a region name or code; an ambiguous name's
    QueryError carries each place it could mean."""
    if len(value) > MAX_REGION_CHARS:
        raise QueryError(f"region: give a region name or code of at most {MAX_REGION_CHARS} characters")
    gaz = gazetteer.load()
    matches = gaz.resolve(value)
    if not matches:
        raise QueryError(f"region: no division called or coded {value!r} is known")
    if len(matches) > 1:
        # The places are carried, not written into the message: a page links
        # each, the command line spells them out (QueryError.spelled_out).
        raise QueryError(f"region: {value!r} is ambiguous: it names {len(matches)} places; "
                         "use a code", candidates=[gaz.region(d) for d in matches])
    return matches[0].key
