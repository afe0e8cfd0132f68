"""Takes the Config, gives the extra files GitHub Pages reads: .nojekyll, and CNAME."""

from __future__ import annotations

from generator.config import Config
from generator.render import Page


def hosting_files(config: Config) -> tuple[Page, ...]:
    """`.nojekyll` always (else Pages runs Jekyll and drops `_`-files); CNAME on request."""
    files = [Page(".nojekyll", b"")]
    if config.domain:
        files.append(Page("CNAME", f"{config.domain}\n".encode()))
    return tuple(files)
