"""Files offered for download by the web app (briefing notes, CSV tables), in one private folder.

The folder is created when the app is built (never at import), readable by its owner only, and
is the only path the server is allowed to serve (``launch(allowed_paths=[...])``). Each file sits
in its own random sub-folder, so a session's file cannot be guessed by another session, and
folders older than ``max_age_s`` are removed when a new file is written.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path


class Exports:
    """A private folder for downloads.

    Args:
        root: the folder to use (created if missing); default: a new temp folder.
        max_age_s: files older than this many seconds are deleted on the next write.
    """

    def __init__(self, root: Path | None = None, max_age_s: float = 3600.0) -> None:
        self.root = Path(root) if root is not None else Path(tempfile.mkdtemp(prefix="rapporteur-export-"))
        self.root.mkdir(parents=True, exist_ok=True)
        self.root.chmod(0o700)
        self.max_age_s = max_age_s

    def write(self, name: str, writer: Callable[[Path], object]) -> str:
        """Create ``<root>/<random>/<name>`` with ``writer(path)``; returns the path as a string."""
        self.prune()
        path = Path(tempfile.mkdtemp(dir=self.root)) / name
        writer(path)
        return str(path)

    def write_text(self, name: str, text: str) -> str:
        """Write UTF-8 text to a new file called ``name``; returns its path."""
        return self.write(name, lambda path: path.write_text(text, encoding="utf-8"))

    def prune(self) -> None:
        """Delete the sub-folders older than ``max_age_s``."""
        cutoff = time.time() - self.max_age_s
        for folder in self.root.iterdir():
            try:
                if folder.stat().st_mtime < cutoff:
                    shutil.rmtree(folder, ignore_errors=True)
            except FileNotFoundError:
                continue

    def write_public(self, name: str, text: str) -> str:
        """Write public, reproducible text (e.g. a CSV of the vote records) once per content.

        The sub-folder is named by a hash of the text, so the same table is written once and
        shared; its time is refreshed on reuse so pruning keeps it while it is in use.
        """
        folder = self.root / ("public-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:20])
        path = folder / name
        if path.exists():
            folder.touch()
            return str(path)
        self.prune()
        folder.mkdir(exist_ok=True)
        partial = folder / f".{name}.{os.getpid()}.{threading.get_ident()}"
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, path)
        return str(path)
