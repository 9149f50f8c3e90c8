"""The wheel ships styles/ inside the package, found through importlib.resources after pip install."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


@pytest.mark.slow
def test_wheel_installs_styles(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"), str(ROOT)],
        check=True,
    )
    wheel = next((tmp_path / "dist").glob("ebookify-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "ebookify/styles/classic.css" in names and "ebookify/styles/print.css" in names
    # `ebookify serve` works offline: its script, styles and template are package data.
    assert {"ebookify/web/static/app.js", "ebookify/web/templates/index.html"} <= set(names)
    venv = tmp_path / "venv"
    # A venv without its own pip (ensurepip costs seconds): this environment's pip installs into it.
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    install = ["install", "-q", "--no-deps", str(wheel)]
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), *install], check=True)
    # Dependencies come from this environment's site-packages; the package itself from the fresh venv.
    probe = (
        "import ebookify, ebookify.resources as r; "
        "print(ebookify.__file__); print(r.styles_dir()); print(r.builtin_styles()); "
        "print(len(r.read_style('classic')))"
    )
    env = {"PYTHONPATH": sysconfig.get_paths()["purelib"], "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [str(python), "-c", probe], capture_output=True, text=True, check=True, cwd=tmp_path, env=env
    ).stdout.splitlines()
    assert out[0].startswith(str(venv))
    assert out[1].startswith(str(venv)) and out[1].endswith("ebookify/styles")
    assert "classic" in out[2] and "modern" in out[2]
    assert int(out[3]) > 200
