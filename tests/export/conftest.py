"""Fixtures of the export tests: headless Qt, the sample pair A-V1 against STD-REM-IN, poppler.

Qt runs on the ``offscreen`` platform unless ``QT_QPA_PLATFORM`` says otherwise. PDFs are
read back with poppler's ``pdftotext``, ``pdfinfo``, ``pdffonts`` and ``pdftoppm``
(``tools/bootstrap.sh`` installs poppler-utils).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pytest
from PySide6.QtGui import QImage

from process_mapper.core.comparison import Comparison, Decision

REPO_ROOT = Path(__file__).resolve().parents[2]
SAMPLES = REPO_ROOT / "sample_processes"
STANDARD = SAMPLES / "standard" / "STD-REM-IN.bpmn"
LOCAL = SAMPLES / "local" / "A-V1.bpmn"
#: Points of A4 and A3 (portrait width, height) as pdfinfo reports them.
A4_POINTS = (595, 842)
A3_POINTS = (842, 1191)


def needs_poppler() -> None:
    """Skip unless poppler's command-line tools are installed."""
    if shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils (pdftotext, pdftoppm) is not installed")


def squeezed(text: str) -> str:
    """``text`` without any white space: table cells wrap lines wherever a word ends."""
    return re.sub(r"\s+", "", text)


def pdf_text(path: Path) -> str:
    """The PDF's text in content order (``pdftotext -raw``)."""
    needs_poppler()
    return subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdf_info(path: Path) -> dict[str, str]:
    """``pdfinfo``'s fields."""
    needs_poppler()
    output = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in output.splitlines())}


def page_points(path: Path) -> tuple[int, int]:
    """The first page's width and height in points."""
    width, _, height = pdf_info(path)["Page size"].split()[:3]
    return round(float(width)), round(float(height))


def pdf_fonts(path: Path) -> list[list[str]]:
    """``pdffonts``'s rows, split on white space (the ``emb`` column is third from the right end's fifth)."""
    needs_poppler()
    output = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in output.splitlines()[2:] if line.strip()]


def rendered_pages(path: Path, folder: Path, dpi: int = 40) -> list[Path]:
    """Every page of the PDF rendered to PNG by ``pdftoppm``."""
    needs_poppler()
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(path), str(folder / "page")], check=True)
    return sorted(folder.glob("page-*.png"))


def ink_variance(png: Path) -> float:
    """The variance of a PNG's grey levels: near zero for a blank page."""
    image = QImage(str(png)).convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    pixels = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * height).reshape(height, stride)
    return float(pixels[:, :width].var())


@pytest.fixture
def comparison() -> Comparison:
    """A-V1 against STD-REM-IN with two decisions recorded (one with å, ä, ö), the rest open."""
    compared = Comparison.create(STANDARD, LOCAL)
    first, second = compared.ordered_changes()[:2]
    compared.decide(first.id, Decision.ADOPT, owner="Enhetschef Åsa Öberg", due_date=date(2026, 6, 1),
                    comment="Införs med e-remiss")
    compared.decide(second.id, Decision.KEEP, justification="Lokalt behov på mottagningen", owner="Vårdenhetschef")
    return compared
