"""Reading the book's data: the data package, the article, the ledger tables, and quotes located in the article.

Every table is validated by the frictionless library against the Table Schema that
``data/datapackage.json`` declares for it; the first fault its report holds is raised as a
:class:`mpsbook.ledger.errors.DataError` whose message names the file, the row and the column in the book's words,
so nothing is built on a half-read table. :func:`load_article` refuses an article whose bytes
differ from the hash the data package declares.
"""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path

import pandas as pd

from .errors import DataError, encoding_error, first_failure, report_error, rule_formula
from .period import date_problem
from .row_rules import ROW_RULES, period_problem, trimmed

BOOK_DIR = Path(__file__).resolve().parents[2]
ROOT_DIR = BOOK_DIR.parent
DATA_DIR = ROOT_DIR / "data"
DATAPACKAGE = DATA_DIR / "datapackage.json"

# --------------------------------------------------------------------------------------
# Reading data, validated against the declared schemas
# --------------------------------------------------------------------------------------


def display_path(path) -> str:
    """``path`` relative to the repository when it lies inside it, so no output holds an absolute path."""
    path = Path(path).resolve()
    try:
        return path.relative_to(ROOT_DIR).as_posix()
    except ValueError:
        return path.name


def read_datapackage(package_path=DATAPACKAGE) -> dict:
    """The data package descriptor (``datapackage.json``) as a dict."""
    package_path = Path(package_path)
    if not package_path.exists():
        raise DataError(display_path(package_path), "the data package descriptor does not exist")
    try:
        return json.loads(package_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError(display_path(package_path), f"not valid JSON ({exc.msg})", row=exc.lineno) from None


def resource_descriptor(name: str, package_path=DATAPACKAGE) -> dict:
    """The descriptor of the resource called ``name`` in the data package."""
    package = read_datapackage(package_path)
    for resource in package.get("resources", []):
        if resource.get("name") == name:
            return resource
    known = ", ".join(r.get("name", "?") for r in package.get("resources", []))
    raise DataError(display_path(package_path), f"no resource named '{name}' (it declares: {known})")


def data_fingerprint(package_path=DATAPACKAGE) -> str:
    """A short SHA-256 of the data package and every file it declares, derived tables included.

    Each notebook stores it when executed; ``python -m tools.notebooks stale`` compares it with the data as
    it is now, so that a site is never built from notebooks executed on other data.
    """
    package_path = Path(package_path)
    digest = hashlib.sha256(package_path.read_bytes().replace(b"\r\n", b"\n"))
    for resource in read_datapackage(package_path)["resources"]:
        paths = resource["path"] if isinstance(resource["path"], list) else [resource["path"]]
        for path in paths:
            text = (package_path.parent / path).read_bytes().replace(b"\r\n", b"\n")  # the same on any checkout
            digest.update(path.encode("utf-8") + b"\0" + text)
    return digest.hexdigest()[:16]


def load_article(package_path=DATAPACKAGE) -> str:
    """The article's text, after checking its bytes against the hash the data package declares."""
    package_path = Path(package_path)
    resource = resource_descriptor("article", package_path)
    path = package_path.parent / resource["path"]
    if not path.exists():
        raise DataError(display_path(path), "the article file the data package declares does not exist")
    raw = path.read_bytes()
    algorithm, _, expected = resource["hash"].partition(":")
    actual = hashlib.new(algorithm, raw).hexdigest()
    if actual != expected:
        raise DataError(
            display_path(path),
            f"the file is not the article as received ({algorithm} {actual}, expected {expected})",
        )
    return raw.decode(resource.get("encoding", "utf-8"))


def load_table(name: str, package_path=DATAPACKAGE) -> pd.DataFrame:
    """The CSV table ``name`` of the data package, validated by frictionless against its Table Schema.

    Everything the schema declares is enforced: the header (every declared column, in the declared
    order, and no other), one cell per column, each field's type and format, its constraints
    (required, unique, enum, minimum, maximum, pattern, lengths), the primary key, every foreign key,
    and the book's row rules (``mpsbook:rowRules``): ``notGreater`` (``low`` not above ``high``) and
    ``formula`` as frictionless row constraints; ``dates`` (a date that exists), ``periods`` (real
    dates, running forward) and ``agreeWithin`` (rows sharing a key agree on what they count) here.
    The claims come in the article's order, wherever a row sits in the file (:func:`check_quotes`).

    Returns
    -------
    pandas.DataFrame
        One row per data row, the columns in declared order: ``number`` as float64, ``integer`` and
        ``year`` as Int64 (missing as <NA>), ``boolean`` as pandas' boolean, ``string`` as str with
        missing cells as "", any other type as the Python objects frictionless reads.

    Raises
    ------
    DataError
        At the first fault, naming the file, the row (the header is row 1) and the column (for a
        key or a row rule, its first column), in the book's words.
    """
    package_path = Path(package_path)
    resource = resource_descriptor(name, package_path)
    path = package_path.parent / resource["path"]
    if not path.exists():
        raise DataError(display_path(path), "the file the data package declares does not exist")
    key = (name, _files_state(package_path, resource))
    if key not in _CHECKED:
        rules = resource["schema"].get("mpsbook:rowRules", [])
        rows = _read_checked(name, package_path, display_path(path), rules)
        frame = _as_frame(rows, resource["schema"]["fields"])
        _check_keys_into_several(frame, resource, package_path, display_path(path))
        if name == "claims":
            frame = _in_article_order(frame, package_path, display_path(path))
        _CHECKED[key] = frame
    return _CHECKED[key].copy()


# Tables already read and checked, by resource and the contents of every file the check read: a file
# edited since is read and checked again. (Hashing the few small files costs a millisecond; checking
# them again, a tenth of a second each.)
_CHECKED = {}


def _files_state(package_path: Path, resource: dict) -> tuple:
    """The SHA-256 of the package, the resource's file and the files its keys name.

    Contents alone, not paths: a copy of the data (the tests of bad input make dozens) is checked
    once per table that differs, and a table equal to one already checked is not checked again.
    """
    names = [key["reference"].get("resource") for key in resource["schema"].get("foreignKeys", [])]
    names += [n for key in resource["schema"].get("mpsbook:foreignKeys", []) for n in key["reference"]["resources"]]
    paths = [package_path, package_path.parent / resource["path"]]
    paths += [package_path.parent / resource_descriptor(n, package_path)["path"] for n in names if n]
    return tuple(hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None for p in paths)


def _check_keys_into_several(frame: pd.DataFrame, resource: dict, package_path: Path, shown: str) -> None:
    """The book's foreign keys into the union of several tables (``mpsbook:foreignKeys``), which frictionless cannot declare.

    The official figures are two files: the shared reference file, copied byte for byte, and the
    book's own additions; a comparison may name a figure of either.
    """
    for key in resource["schema"].get("mpsbook:foreignKeys", []):
        column, target = key["fields"], key["reference"]
        known, paths = set(), []
        for name in target["resources"]:
            known |= set(load_table(name, package_path)[target["fields"]])
            paths.append(resource_descriptor(name, package_path)["path"])
        for row, value in enumerate(frame[column], start=2):
            if value not in known:
                raise DataError(shown, f"'{value}' is not a {target['fields']} of {' or '.join(paths)}", row=row,
                                column=column)


def _kind_problem(value: str, package_path) -> str:
    """'' where ``value`` is a kind of source the data package allows, else what is wrong."""
    fields = resource_descriptor("references", package_path)["schema"]["fields"]
    kinds = next(f for f in fields if f["name"] == "source_kind")["constraints"]["enum"]
    return "" if value in kinds else f"'{value}' is not a kind of source ({', '.join(kinds)})"


def load_references(package_path=DATAPACKAGE) -> pd.DataFrame:
    """Every official figure: the shared reference file, the book's own additions, and the book's corrections applied.

    ``references.csv`` is the project's shared file, byte for byte; ``references-added.csv`` holds the
    figures the book found since, in the same columns; ``reference-corrections.csv`` corrects a field of
    either (a date, a period) with the reason and the source, leaving the files as received. The
    column ``corrected`` says, in words, what was corrected in each row ("" where nothing was).
    ``references-accessed.csv`` gives each figure the date it was read: the columns ``accessed``
    (str, YYYY-MM-DD, like ``published``) and ``how`` (str) are joined in.

    Raises
    ------
    DataError
        For a bad row of any of the four files; a ref_id found in both files of figures; a figure
        with no row in ``references-accessed.csv``; or a correction whose ``previous`` value is not
        what the file holds (the shared file changed).
    """
    package_path = Path(package_path)
    shared, added = load_table("references", package_path), load_table("references-added", package_path)
    added_path = display_path(package_path.parent / resource_descriptor("references-added", package_path)["path"])
    for row, ref_id in enumerate(added["ref_id"], start=2):
        if ref_id in set(shared["ref_id"]):
            raise DataError(added_path, f"'{ref_id}' is already a ref_id of references.csv", row=row, column="ref_id")
    table = pd.concat([shared, added], ignore_index=True)
    table["corrected"] = ""
    accessed = load_table("references-accessed", package_path).set_index("ref_id")
    undated = [ref_id for ref_id in table["ref_id"] if ref_id not in accessed.index]
    if undated:
        shown = display_path(package_path.parent / resource_descriptor("references-accessed", package_path)["path"])
        raise DataError(shown, f"the official figure '{undated[0]}' has no row saying when it was read", column="ref_id")
    table["accessed"] = table["ref_id"].map(accessed["accessed"]).map(lambda day: day.isoformat())  # as `published`
    table["how"] = table["ref_id"].map(accessed["how"])
    corrections = load_table("reference-corrections", package_path)
    shown = display_path(package_path.parent / resource_descriptor("reference-corrections", package_path)["path"])
    for row, fix in enumerate(corrections.itertuples(), start=2):
        found = table.index[table["ref_id"] == fix.ref_id]
        if not len(found):
            raise DataError(shown, f"'{fix.ref_id}' is not a ref_id of references.csv or references-added.csv",
                            row=row, column="ref_id")
        index = found[0]
        if table.at[index, fix.field] != fix.previous:
            raise DataError(shown, f"the figure's {fix.field} is '{table.at[index, fix.field]}', not '{fix.previous}'",
                            row=row, column="previous")
        problem = {"period": period_problem, "published": date_problem,
                   "source_kind": lambda value: _kind_problem(value, package_path)}[fix.field](fix.value)
        if problem:
            raise DataError(shown, problem, row=row, column="value")
        table.at[index, fix.field] = fix.value
        field = {"published": "date of first publication"}.get(fix.field, fix.field)
        note = f"The book corrects its {field}, given as {fix.previous}, to {fix.value}: {fix.reason}"
        table.at[index, "corrected"] = " ".join(filter(None, [table.at[index, "corrected"], note]))
    _check_read_after_published(table, shared, package_path)
    return table


def _check_read_after_published(table: pd.DataFrame, shared: pd.DataFrame, package_path: Path) -> None:
    """Raise :class:`DataError` for an official figure read before it was published (a wrong date in either file)."""
    for index, row in table.iterrows():
        if row["accessed"] < row["published"]:  # YYYY, YYYY-MM and YYYY-MM-DD compare as text
            name, position = ("references", index) if index < len(shared) else ("references-added", index - len(shared))
            shown = display_path(package_path.parent / resource_descriptor(name, package_path)["path"])
            raise DataError(shown, f"the figure was read on {row['accessed']}, before it was published "
                                   f"({row['published']})", row=position + 2, column="published")


def check_package(package_path=DATAPACKAGE) -> None:
    """Check every table the data package declares, and the rules across them, before anything is computed or written.

    Every table the book reads is loaded through its schema (:func:`load_table`), the official
    figures with the book's corrections (:func:`load_references`) and the ledger with its quotes
    (:func:`load_ledger`); the derived tables (``derived/``) are left out, being written from the rest.

    Raises
    ------
    DataError
        At the first fault, naming file, row and column.
    """
    package_path = Path(package_path)
    load_ledger(package_path)
    for resource in read_datapackage(package_path)["resources"]:
        if "schema" in resource and not resource["path"].startswith("derived/"):
            load_table(resource["name"], package_path)


def _read_checked(name: str, package_path: Path, shown: str, rules: list) -> list[dict]:
    """The rows of resource ``name``, typed by frictionless, once its validation report has no error.

    The row rules frictionless can state as a formula (``notGreater``, ``formula``) are its row
    constraints; the others (``dates``, ``periods``, ``agreeWithin``) are checked here on the typed rows.
    """
    # Importing frictionless (pydantic, its plugins) costs about 0.35 CPU-seconds: only the loaders
    # pay it, not every `import mpsbook` (the chart tests, the Sphinx build, the spelling tests).
    import frictionless

    package = frictionless.Package(read_datapackage(package_path), basepath=str(package_path.parent))
    resource = package.get_resource(name)
    formulas = [rule_formula(rule, shown) for rule in rules]
    checklist = frictionless.Checklist(checks=[frictionless.checks.row_constraint(formula=formula)
                                               for formula in formulas if formula])
    rows = []  # validation reads every row; keeping them spares a second read
    report = resource.validate(checklist=checklist, on_row=lambda row: rows.append(row.to_dict()))
    failures = [error for task in report.tasks for error in task.errors] + list(report.errors)
    if any(error.type == "encoding-error" for error in failures):
        raise encoding_error(package_path.parent / resource.path, shown)
    if failures:
        raise report_error(first_failure(failures), shown, resource.schema.to_descriptor(), rules)
    texts = [field.name for field in resource.schema.fields if field.type == "string"]
    faults = [trimmed(rows, texts)] + [ROW_RULES[rule["rule"]](rows, rule) for rule in rules if rule.get("rule") in ROW_RULES]
    for fault in faults:
        if fault:
            number, column, problem = fault
            raise DataError(shown, problem, row=number, column=column)
    return rows


def _as_frame(rows: list[dict], fields: list[dict]) -> pd.DataFrame:
    """The typed rows as a frame, each column in the dtype its declared type gives (see :func:`load_table`)."""
    names = [field["name"] for field in fields]
    frame = pd.DataFrame.from_records(rows, columns=names)
    for field in fields:
        column, kind = field["name"], field.get("type", "string")
        if kind == "number":
            frame[column] = pd.array([math.nan if v is None else float(v) for v in frame[column]], dtype="float64")
        elif kind in ("integer", "year"):
            frame[column] = frame[column].astype("Int64")
        elif kind == "boolean":
            frame[column] = frame[column].astype("boolean")
        elif kind == "string":
            frame[column] = frame[column].fillna("").astype("str")
    return frame


# --------------------------------------------------------------------------------------
# The ledger: its tables, and each quote found in the article
# --------------------------------------------------------------------------------------


def paragraph_number(text: str, offset: int) -> int:
    """The 1-based paragraph that ``offset`` falls in, counting the text's non-empty lines."""
    return sum(1 for line in text[:offset].split("\n")[:-1] if line.strip()) + 1


def load_ledger(package_path=DATAPACKAGE) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The claims, the comparisons and the official figures (:func:`load_references`), each validated against its schema.

    Beyond the schemas, every claim's quote must occur exactly once in the article, in the
    paragraph the row gives, and a comparison's coding must agree with the two periods ('same' within
    one, 'different period' across two); a row that breaks this raises :class:`DataError`. The claims
    come in the order their quotes have in the article.
    """
    package_path = Path(package_path)
    claims, comparisons = (load_table(name, package_path) for name in ("claims", "comparisons"))
    references = load_references(package_path)
    _check_period_coding(claims, comparisons, references,
                         display_path(package_path.parent / resource_descriptor("comparisons", package_path)["path"]))
    return claims, comparisons, references


def _check_period_coding(claims: pd.DataFrame, comparisons: pd.DataFrame, references: pd.DataFrame, shown: str) -> None:
    """Raise :class:`DataError` for a comparison coded 'same' across two periods, or 'different period' within one.

    A claim's period may be edited (the README's first change); the coding of its comparisons must follow. An
    undated claim (period '') may take a figure of any period as its own ('same'): the rule keeps only recent ones.
    """
    claim_period = dict(zip(claims["claim_id"], claims["period"], strict=True))
    ref_period = dict(zip(references["ref_id"], references["period"], strict=True))
    for row, pair in enumerate(comparisons.itertuples(), start=2):
        mine, theirs = claim_period[pair.claim_id], ref_period[pair.ref_id]
        if pair.comparability == "same" and mine and mine != theirs:  # an undated claim: a recent figure may be its own
            problem = f"coded 'same', but the figure's period ({theirs}) is not the claim's ({mine})"
        elif pair.comparability == "different period" and mine == theirs:
            problem = f"coded 'different period', but the figure's period ({theirs}) is the claim's: code what differs"
        else:
            continue
        raise DataError(shown, f"{pair.claim_id} and {pair.ref_id}: {problem}", row=row, column="comparability")


def _in_article_order(claims: pd.DataFrame, package_path: Path, shown: str) -> pd.DataFrame:
    """The claims, checked by :func:`check_quotes`, in the order of their quotes in the article.

    An analyst may add a claim's row at the end of the file; every page, table and link that lists
    claims in article order then places it where the article has it.
    """
    article = load_article(package_path)
    check_quotes(article, claims, shown)
    order = sorted(range(len(claims)), key=lambda index: article.index(claims["quote"].iloc[index]))
    return claims.iloc[order].reset_index(drop=True)


def check_quotes(article: str, claims: pd.DataFrame, shown: str = "claims.csv") -> None:
    """Raise :class:`DataError` unless each quote occurs exactly once in the article, in its row's paragraph,
    and no two quotes overlap (two rows for one mention)."""
    spans = {}
    for index, row in enumerate(claims.itertuples(), start=2):
        count = article.count(row.quote)
        if count != 1:
            problem = "the quote is not in the article" if count == 0 else f"the quote occurs {count} times in the article"
            raise DataError(shown, f"{problem}: '{row.quote}'", row=index, column="quote")
        start = article.index(row.quote)
        found = paragraph_number(article, start)
        if found != row.paragraph:
            raise DataError(shown, f"the quote is in paragraph {found}, not {row.paragraph}", row=index,
                            column="paragraph")
        if other := next((n for n, (s, e) in spans.items() if s < start + len(row.quote) and start < e), None):
            raise DataError(shown, f"the quote overlaps row {other}'s: one mention of the article, one row",
                            row=index, column="quote")
        spans[index] = (start, start + len(row.quote))


def sources_text(references: pd.DataFrame, ref_ids) -> str:
    """A credit line for a chart: each official figure's publisher and date, in the order given."""
    chosen = references.set_index("ref_id").loc[list(ref_ids)]
    seen = list(dict.fromkeys(f"{row.publisher}, {row.published}" for row in chosen.itertuples()))
    return "; ".join(seen)

