"""Every data file the packages read ships in the wheel, not only in a checkout.

The tests run an editable install, which reads templates straight from the
checkout; a wheel holds only what setup.cfg's patterns match. A pattern by
suffix once left the .xml templates out, so feeds answered 500 after a normal
install. `.ci/run` builds and smoke-tests a real wheel; this test catches the
same class of fault in a second, on every run.
"""
from __future__ import annotations

import configparser
import glob

from .conftest import ROOT


def setup_cfg() -> configparser.ConfigParser:
    parser = configparser.ConfigParser()
    parser.read(ROOT / "setup.cfg", encoding="utf-8")
    return parser


def matched(base, patterns: str) -> set:
    found = set()
    for pattern in patterns.replace("\n", ",").split(","):
        if pattern.strip():
            found |= {p for p in map(type(base), glob.glob(str(base / pattern.strip()), recursive=True))
                      if p.is_file()}
    return found


def files_under(folder) -> set:
    return {p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts}


def test_every_non_python_file_inside_a_package_is_shipped():
    package_data = setup_cfg()["options.package_data"]
    for package in ("archive", "indexer", "web"):
        shipped = matched(ROOT / package, package_data.get(package, ""))
        others = {p for p in files_under(ROOT / package) if p.suffix not in (".py", ".pyc")}
        if package == "web":
            assert {p.suffix for p in others} >= {".html", ".xml", ".css"}
        assert others <= shipped, sorted(str(p) for p in others - shipped)


def test_every_seed_is_a_data_file():
    seeds = setup_cfg()["options.data_files"]["share/archive/seeds"]
    assert matched(ROOT, seeds) == files_under(ROOT / "seeds")
