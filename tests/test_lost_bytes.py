"""Letters mojibake lost the second byte of, recovered from the text's own words, or left lost."""

from __future__ import annotations

from ebookify.normalize.decode.mojibake import repair_mojibake


def mojibake(text: str) -> str:
    """UTF-8 misread as Windows-1252, its five undefined bytes replaced: "Ï" (C3 8F) becomes "Ã\ufffd"."""
    return text.encode("utf-8").decode("cp1252", errors="replace")


def test_a_word_spelled_intact_elsewhere_gives_its_letter_back() -> None:
    # Every "Ï" is lost, but "Caïn" keeps its lower-case "ï" (C3 AF): the heading reads as the word.
    text, repairs = repair_mojibake(mojibake("ABEL ET CAÏN\n\nAbel et Caïn, par Baudelaire."))
    assert text == "ABEL ET CAÏN\n\nAbel et Caïn, par Baudelaire."
    assert "recovered 1 character damaged by mojibake (lost byte)" in repairs


def test_a_word_seen_nowhere_else_takes_the_letter_the_text_clearly_uses() -> None:
    # French uses "ï" (naïf, haïr) and no "í", "á", "ð" or "ý": PAÏEN reads with the French letter.
    text, _ = repair_mojibake(mojibake("LA PRIÈRE D’UN PAÏEN\n\nUn cœur naïf ne sait haïr."))
    assert text.startswith("LA PRIÈRE D’UN PAÏEN")


def test_without_clear_evidence_the_letter_stays_lost() -> None:
    # Spanish uses both "í" and "á": MAR?A with no "María" elsewhere is not guessed.
    text, repairs = repair_mojibake(mojibake("MARÍA\n\nAquí está la mamá, allí el país."))
    assert text.startswith("MAR\ufffdA")
    assert "left 1 character damaged by mojibake as \ufffd (no single fit)" in repairs


def test_text_without_lost_bytes_is_left_alone() -> None:
    assert repair_mojibake("Caïn and MARÍA, intact.") == ("Caïn and MARÍA, intact.", [])
