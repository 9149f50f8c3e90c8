"""Bytes to clean text: the codec guessed and checked, mojibake repaired, characters cleaned."""
