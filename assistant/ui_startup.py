"""Starting the web UI sooner: gradio's import without its type-stub rewrite.

Importing gradio 6 takes about 3 s on the 2-core CI machine, and more than 1 s of it is spent by
``gradio.component_meta.create_or_modify_pyi``: for each of its ~80 component classes, gradio parses
the class's source file and its ``.pyi`` stub with ``ast`` and rewrites the stub if it differs (a
development aid for editors; the stubs ship in the wheel and nothing reads them at run time).
``skip_gradio_stub_rewrite`` makes that function do nothing, for the process that serves the UI, by
hooking the import of ``gradio.component_meta``. Measured on this machine: ``import gradio`` 2.9 s → 1.7 s.

If a later gradio renames or removes the function, the hook does nothing and gradio imports as before.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any

STUB_MODULE = "gradio.component_meta"
STUB_FUNCTION = "create_or_modify_pyi"


def _no_stub_rewrite(*_args: Any, **_kwargs: Any) -> None:
    """Stands in for gradio's stub rewrite: the stubs in the installed wheel are left as they are."""


class _SkipStubRewrite(importlib.abc.MetaPathFinder):
    """Finds ``gradio.component_meta`` as usual, then replaces its stub rewrite once the module has run."""

    def find_spec(self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
                  ) -> importlib.machinery.ModuleSpec | None:
        if fullname != STUB_MODULE:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        run = spec.loader.exec_module

        def exec_module(module: ModuleType) -> None:
            run(module)
            if hasattr(module, STUB_FUNCTION):
                setattr(module, STUB_FUNCTION, _no_stub_rewrite)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def skip_gradio_stub_rewrite() -> bool:
    """Hook gradio's import so its components do not rewrite their type stubs (call before gradio is imported).

    Returns:
        True if the hook is in place for the next import of gradio; False if gradio is already imported
        (the hook would come too late; nothing is changed).
    """
    if STUB_MODULE in sys.modules:
        return False
    if not any(isinstance(finder, _SkipStubRewrite) for finder in sys.meta_path):
        sys.meta_path.insert(0, _SkipStubRewrite())
    return True
