"""Every page that shows a value glued from a notebook depends on that notebook.

myst-nb records no dependency across documents, so without this an incremental build would
leave a page showing an old value when the notebook it glues from changes.
"""

import re
from pathlib import Path

# A value glued from another document: the role {glue:text}`claims.ipynb::n_claims:s`, or a glue directive's
# option `:doc: claims.ipynb`.
# In a notebook's source the option line is inside a JSON string: it may open with a quote.
GLUED_FROM = re.compile(r'\{glue(?::[a-z]+)?\}`(?P<role>[^`:]+)::|^[ \t]*"?:doc:[ \t]+(?P<option>[^\s"\\]+)', re.M)


def glued_documents(source: str, folder: Path) -> set:
    """The files a document's source glues values from, as absolute paths; ``folder`` is the document's own."""
    return {(folder / (match["role"] or match["option"])).resolve() for match in GLUED_FROM.finditer(source)}


def note_glue_dependencies(app, docname, source) -> None:
    """Record each notebook a page glues from as a dependency of the page, so Sphinx re-reads the page when it changes."""
    folder = Path(app.env.doc2path(docname)).parent
    for path in glued_documents(source[0], folder):
        if path.exists():
            app.env.note_dependency(str(path))


def setup(app):
    app.connect("source-read", note_glue_dependencies)
