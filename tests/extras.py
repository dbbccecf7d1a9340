"""Optional dependencies in tests: skipped when missing on a developer's machine, required in CI
(``CI`` set), where ``.ci/run`` installs every extra, so that no test is skipped unnoticed."""

from __future__ import annotations

import importlib
import os
from types import ModuleType

import pytest


def need(module: str) -> ModuleType:
    if os.environ.get("CI"):
        return importlib.import_module(module)
    return pytest.importorskip(module, reason=f"needs {module}: pip install -e '.[dev,batch]'")
