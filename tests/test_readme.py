"""The README's two commands are the ones people and CI actually run."""
import re

from .conftest import ROOT


def readme_commands():
    return re.findall(r"```sh\n(.+?)\n```", (ROOT / "README.md").read_text(encoding="utf-8"))


def test_readme_opens_with_setup_and_test_commands():
    serve, test = readme_commands()[:2]
    assert "archive reindex" in serve and "archive serve" in serve
    assert "pytest" in test


def test_ci_runs_the_readme_test_command():
    test = readme_commands()[1]
    assert test in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
