"""The ``data-dictionary`` directive: the data package described from its own schema.

``data-dictionary data/datapackage.json`` renders the Frictionless data package as a data
dictionary: for every resource its title, description, a download link, and a table of its
columns (type, meaning, constraints) with its keys and row rules. The schema is read from the
package each build, so it is never typed twice. It imports nothing from the rest of the
book's package.
"""

import json
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective


def _download(env, target: str, label: str) -> addnodes.download_reference:
    """A link that copies ``target`` (a path from the book's root) into the site for download."""
    return addnodes.download_reference(
        "", "", nodes.literal(label, label), refdoc=env.docname, refdomain="", reftype="download",
        refexplicit=True, reftarget="/" + target,
    )


def _table(header: list, rows: list, widths: list) -> nodes.table:
    """A plain docutils table with one header row."""
    group = nodes.tgroup(cols=len(header))
    group += [nodes.colspec(colwidth=w) for w in widths]
    head, body = nodes.thead(), nodes.tbody()
    for cells, part in [(header, head)] + [(r, body) for r in rows]:
        row = nodes.row()
        for cell in cells:
            entry = nodes.entry()
            entry += cell if isinstance(cell, nodes.Node) else nodes.paragraph(text=str(cell))
            row += entry
        part += row
    group += [head, body]
    return nodes.table("", group, classes=["data-dictionary"])


def _constraints(field: dict) -> str:
    words = []
    for key, value in field.get("constraints", {}).items():
        if key == "required" and value:
            words.append("required")
        elif key == "unique" and value:
            words.append("unique")
        elif key == "enum":
            words.append("one of: " + ", ".join(value))
        elif key in ("minimum", "maximum"):
            words.append(f"{key} {value}")
        elif key == "pattern":
            words.append(f"matches {value}")
    return "; ".join(words)


class DataDictionary(SphinxDirective):
    """Render a Frictionless data package as a data dictionary with download links.

    Usage: ``data-dictionary`` with the package's path from the book's root as its argument.
    """

    required_arguments = 1

    def run(self):
        relative = self.arguments[0]
        path = Path(self.env.srcdir) / relative
        self.env.note_dependency(str(path))
        package = json.loads(path.read_text(encoding="utf-8"))
        folder = Path(relative).parent.as_posix()
        result = [nodes.paragraph("", "", nodes.Text("The data package itself: "),
                                  _download(self.env, relative, Path(relative).name), nodes.Text("."))]
        for resource in package["resources"]:
            target = f"{folder}/{resource['path']}"
            result.append(nodes.rubric(text=f"{resource.get('title', resource['name'])} ({resource['name']})"))
            result.append(nodes.paragraph(text=resource.get("description", "")))
            result.append(nodes.paragraph("", "", nodes.Text("Download: "), _download(self.env, target, resource["path"]),
                                          nodes.Text(f" ({resource.get('format', '')}, {resource.get('encoding', '')})")))
            schema = resource.get("schema")
            if not schema:
                continue
            rows = [[nodes.paragraph("", "", nodes.literal(text=f["name"])), f.get("type", "string"),
                     f.get("description", f.get("title", "")), _constraints(f)] for f in schema["fields"]]
            result.append(_table(["Column", "Type", "Meaning", "Constraints"], rows, [18, 10, 50, 22]))
            keys = [f"Primary key: {', '.join(schema['primaryKey']) if isinstance(schema['primaryKey'], list) else schema['primaryKey']}."]
            for foreign in schema.get("foreignKeys", []):
                fields = foreign["fields"] if isinstance(foreign["fields"], str) else ", ".join(foreign["fields"])
                ref = foreign["reference"]
                keys.append(f"{fields} refers to {ref['fields']} of {ref['resource'] or resource['name']}.")
            keys += [f"Row rule: {_row_rule(rule)}." for rule in schema.get("mpsbook:rowRules", [])]
            result.append(nodes.paragraph(text=" ".join(keys)))
        return result


def _row_rule(rule: dict) -> str:
    """One of the data package's row rules (``mpsbook:rowRules``, checked by the book's loader) in words."""
    fields = ", ".join(rule.get("fields", []))
    return {
        "notGreater": lambda: f"{rule['fields'][0]} is not greater than {rule['fields'][-1]}",
        "formula": lambda: rule["words"],
        "dates": lambda: f"{fields} is a date that exists",
        "periods": lambda: f"{fields} names dates that exist and ends no earlier than it starts",
        "agreeWithin": lambda: f"the rows that share a {rule['key']} agree on {', '.join(rule['fields'])}",
    }[rule["rule"]]()


def setup(app):
    app.add_directive("data-dictionary", DataDictionary)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
