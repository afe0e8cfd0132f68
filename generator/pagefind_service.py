"""Takes pages in memory and gives the files of their Pagefind bundle, from `pagefind --service`.

The service reads requests on stdin and answers on stdout, each base64 JSON ending in a comma:
the protocol of Pagefind's own Python and Node APIs (pagefind/service in the pagefind package).
Dateline speaks it itself because the Python API waits 0.1 s before reading each answer, ten
pages a second (upstream issue #976): 100 minutes at 10,000 articles. Here each request waits
only for its own answer, and the CLI's alternative, a file per page, costs a folder per page.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import subprocess
import tempfile
import threading
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO

from generator.errors import OutputError

SEPARATOR = b","


class PagefindService:
    """One running `pagefind --service` with one index: add pages, then take the bundle.
    A service that hangs is killed after `timeout` seconds; any failure is an OutputError."""

    def __init__(self, executable: Path, timeout: float) -> None:
        # Kept open while the service runs, to say why it stopped; close() closes it.
        self._errors: BinaryIO = tempfile.TemporaryFile()  # noqa: SIM115
        try:
            self._process = subprocess.Popen(
                [str(executable), "--service"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._errors,
            )
        except OSError as exc:
            self._errors.close()
            raise OutputError(f"pagefind did not run: {exc}") from exc
        self._watchdog = threading.Timer(timeout, self._process.kill)
        self._watchdog.start()
        self._unread = b""
        self._sent = 0
        try:
            self._index = int(self._call({"type": "NewIndex", "config": None})["index_id"])
        except (OutputError, KeyError, TypeError, ValueError):
            self.close()
            raise

    def __enter__(self) -> PagefindService:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stops the service."""
        self._watchdog.cancel()
        if self._process.stdin:
            with contextlib.suppress(OSError):  # a service that stopped leaves a broken pipe
                self._process.stdin.close()
        self._process.kill()
        self._process.wait()
        self._errors.close()

    def add_page(self, url: str, html: str) -> None:
        """Indexes one page's HTML under `url`, as the CLI indexes a file."""
        page = {"url": url, "file_contents": html, "file_path": None}
        self._call({"type": "AddFile", "index_id": self._index, **page})

    def files(self) -> list[tuple[str, bytes]]:
        """The bundle: each file's path inside it and its bytes, the index and Pagefind's
        scripts. Asked for, not written by the service: it answers a write before its files
        are on disk, and exits with some still empty when its input closes."""
        answer = self._call({"type": "GetFiles", "index_id": self._index})
        try:
            return [(str(f["path"]), base64.b64decode(f["content"])) for f in answer["files"]]
        except (ValueError, KeyError, TypeError) as exc:
            raise OutputError(f"pagefind answered in an unknown format: {exc!r}") from exc

    def _call(self, payload: dict[str, Any]) -> dict[str, Any]:
        self._sent += 1
        message = json.dumps({"message_id": self._sent, "payload": payload}).encode()
        assert self._process.stdin is not None
        try:
            self._process.stdin.write(base64.b64encode(message) + SEPARATOR)
            self._process.stdin.flush()
        except OSError as exc:
            raise OutputError(f"pagefind stopped: {self._said() or 'no answer'}") from exc
        try:
            answer: dict[str, Any] = json.loads(base64.b64decode(self._read()))["payload"]
        except (ValueError, KeyError, TypeError) as exc:
            raise OutputError(f"pagefind answered in an unknown format: {exc!r}") from exc
        if answer.get("type") == "Error":
            raise OutputError(f"pagefind failed: {answer.get('message')}")
        return answer

    def _read(self) -> bytes:
        """One answer. Read from the pipe itself, which gives what the service has written so
        far, where the buffered reader would wait for a full buffer; base64 has no comma."""
        assert self._process.stdout is not None
        chunks = [self._unread]
        while SEPARATOR not in chunks[-1]:
            chunk = os.read(self._process.stdout.fileno(), 1 << 20)
            if not chunk:
                raise OutputError(f"pagefind stopped: {self._said() or 'no answer'}")
            chunks.append(chunk)
        answer, _, self._unread = b"".join(chunks).partition(SEPARATOR)
        return answer

    def _said(self) -> str:
        """The last line the service wrote to stderr, to say why it stopped."""
        self._errors.seek(0)
        lines = self._errors.read().decode(errors="replace").strip().splitlines()
        return lines[-1] if lines else ""
