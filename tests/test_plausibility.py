"""The plausibility check that overrules chardet: what wrong codecs produce, and what real text has."""

from __future__ import annotations

import pytest

from ebookify.normalize.decode.plausibility import anomaly_share


@pytest.mark.parametrize(
    "wrong",
    [
        "Se\u00b1or M\u207fller\u05e2s caf\u0398",  # Windows-1252 read as DOS Hebrew (cp862)
        "Hatake-sens\u00c8i",  # "é" read as Mac Roman: a capital between small letters
        "by\u00b3o tak",  # Polish "było" in Windows-1250 read as Windows-1252
        "1920\u256b1080",  # "×" read as a DOS box-drawing piece
        "Voil\u0e40\u0e1b et",  # French read as Thai (cp874)
        "caf\x85 \x93x\x94",  # Windows-1252 punctuation read as Latin-1 C1 controls
    ],
)
def test_wrong_codec_output_is_anomalous(wrong: str) -> None:
    assert anomaly_share(wrong) > 0.02


@pytest.mark.parametrize(
    "right",
    [
        "Señor Müller’s café — “quoted” … ‘single’ • ™ ©",
        "Il est là\u00a0: voilà\u00a0! «\u00a0Oui\u00a0», l’été, col·lecció",
        "1920\u00d71080 \u00f7 2 = 5\u00a0\u00b5s \u00b6 \u00a73, don\u00b4t",
        "\u042d\u0442\u043e \u0442\u0435\u0441\u0442. \u0391\u03c5\u03c4\u03ae. \u05d6\u05d4\u05d5.",
        "\u3053\u308c\u306f\u30c6\u30b9\u30c8\u306e\u6587\u3067\u3059\u3002\u6b63\u3057\u304f",
        "\u2554\u2550\u2550\u2557 box art \u2551 \u255a\u2550\u2550\u255d",
    ],
)
def test_real_text_is_not_anomalous(right: str) -> None:
    assert anomaly_share(right) == 0.0
