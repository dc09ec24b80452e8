"""Generate one API reference page per public module of newsmodel."""

from __future__ import annotations

import mkdocs_gen_files

PUBLIC_MODULES = [
    ("newsmodel", "Top level"),
    ("newsmodel.model", "Model"),
    ("newsmodel.pipeline", "Parser"),
    ("newsmodel.document", "Document"),
    ("newsmodel.typing", "Extractor protocol"),
    ("newsmodel.serialize", "Serialisation"),
    ("newsmodel.registry", "Article types"),
    ("newsmodel.plugins", "Extractor registry and plugins"),
    ("newsmodel.export", "Exports"),
    ("newsmodel.render", "HTML view"),
    ("newsmodel.strategies", "Hypothesis strategies"),
    ("newsmodel.errors", "Errors"),
    ("newsmodel.geo", "Places and countries"),
    ("newsmodel.text", "Text helpers"),
    ("newsmodel.cli", "Command line"),
]

nav = mkdocs_gen_files.Nav()
for module, title in PUBLIC_MODULES:
    path = f"reference/{module.replace('.', '/')}.md"
    nav[title] = path.removeprefix("reference/")
    with mkdocs_gen_files.open(path, "w") as handle:
        options = "    options:\n      members: false\n" if module == "newsmodel" else ""
        handle.write(f"# {title}\n\n::: {module}\n{options}")

with mkdocs_gen_files.open("reference/SUMMARY.md", "w") as handle:
    handle.writelines(nav.build_literate_nav())
