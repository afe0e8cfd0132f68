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
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO

from generator.errors import OutputError

SEPARATOR = b","
ENTRY = "pagefind-entry.json"  # names each language's index and its page count


class PagefindService:
    """One running `pagefind --service` with one index: pages in, their bundle out.
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

    def bundle(self, pages: Iterable[tuple[str, str]]) -> list[tuple[str, bytes]]:
        """Indexes each page (its URL and HTML) as the CLI indexes a file, and gives the bundle:
        each file's path inside it and its bytes, the index and Pagefind's scripts. Pages are
        sent while a second thread reads the answers, so the service parses one page while the
        next is sent; it answers in order. The bundle is asked for, not written by the service,
        which answers a write before its files are on disk."""
        outcome: dict[str, Any] = {}
        reader = threading.Thread(target=self._collect, args=(outcome,))
        reader.start()
        sent = 0
        try:
            for url, html in pages:
                page = {"url": url, "file_contents": html, "file_path": None}
                self._send({"type": "AddFile", "index_id": self._index, **page})
                sent += 1
            self._send({"type": "GetFiles", "index_id": self._index})
            assert self._process.stdin is not None
            self._process.stdin.flush()
        except OSError:
            pass  # the service stopped; the reader says why
        except BaseException:
            self._process.kill()  # so the reader, waiting for the bundle, stops too
            raise
        finally:
            reader.join()
        if "error" in outcome:
            raise OutputError(outcome["error"])
        return _decoded(outcome["files"], sent)

    def _collect(self, outcome: dict[str, Any]) -> None:
        """Reads answers until the bundle comes, keeping it and the first error."""
        try:
            while "files" not in outcome:
                answer = self._answer()
                if answer.get("type") == "Error":
                    outcome.setdefault("error", f"pagefind failed: {answer.get('message')}")
                elif answer.get("type") == "GetFiles":
                    outcome["files"] = answer.get("files")
        except OutputError as exc:
            outcome.setdefault("error", exc.message)

    def _call(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Sends one request and waits for its answer."""
        try:
            self._send(payload)
            assert self._process.stdin is not None
            self._process.stdin.flush()
        except OSError as exc:
            raise OutputError(f"pagefind stopped: {self._said() or 'no answer'}") from exc
        answer = self._answer()
        if answer.get("type") == "Error":
            raise OutputError(f"pagefind failed: {answer.get('message')}")
        return answer

    def _send(self, payload: dict[str, Any]) -> None:
        self._sent += 1
        message = json.dumps({"message_id": self._sent, "payload": payload}).encode()
        assert self._process.stdin is not None
        self._process.stdin.write(base64.b64encode(message) + SEPARATOR)

    def _answer(self) -> dict[str, Any]:
        try:
            answer: dict[str, Any] = json.loads(base64.b64decode(self._read()))["payload"]
        except (ValueError, KeyError, TypeError) as exc:
            raise OutputError(f"pagefind answered in an unknown format: {exc!r}") from exc
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


def _decoded(files: Any, pages: int) -> list[tuple[str, bytes]]:
    """The bundle's files from their answer, which must hold every page sent."""
    try:
        bundle = [(str(f["path"]), base64.b64decode(f["content"])) for f in files]
        entry = json.loads(dict(bundle)[ENTRY])
        indexed = sum(int(language["page_count"]) for language in entry["languages"].values())
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise OutputError(f"pagefind answered in an unknown format: {exc!r}") from exc
    if indexed != pages:
        raise OutputError(f"pagefind indexed {indexed} of {pages} pages")
    return bundle
