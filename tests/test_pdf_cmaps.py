"""ToUnicode maps read and written in one-byte codes; code-to-CID maps with runs as ranges."""

from __future__ import annotations

from ebookify.render.pdf.cmaps import read_cid_map, read_to_unicode, write_code_map, write_to_unicode

_WEASYPRINT = b"""/CIDInit /ProcSet findresource begin
1 begincodespacerange
<0000> <ffff>
endcodespacerange
2 beginbfchar
<0001> <0020>
<095f> <00660069>
endbfchar
1 beginbfrange
<0022> <0024> <0041>
endbfrange
endcmap"""


def test_a_two_byte_to_unicode_map_is_read_with_its_ranges() -> None:
    assert read_to_unicode(_WEASYPRINT) == {
        0x0001: b"0020",
        0x095F: b"00660069",  # a ligature: two characters
        0x0022: b"0041",
        0x0023: b"0042",
        0x0024: b"0043",
    }


def test_maps_this_reader_does_not_take_are_refused() -> None:
    assert read_to_unicode(b"1 beginbfrange\n<0001> <0002> [<0041> <0042>]\nendbfrange") is None
    assert read_to_unicode(b"1 beginbfchar\n<20> <0020>\nendbfchar") is None  # one-byte codes


def test_a_one_byte_to_unicode_map_is_written() -> None:
    data = write_to_unicode({32: b"0020", 0x41: b"0041"})
    assert b"<00> <ff>" in data and b"2 beginbfchar\n<20> <0020>\n<41> <0041>\nendbfchar" in data


def test_consecutive_codes_of_consecutive_cids_are_one_range() -> None:
    data = write_code_map({1: 7, 2: 8, 3: 9, 5: 2}, b"Name", b"/Registry (Adobe)")
    assert b"2 begincidrange\n<01> <03> 7\n<05> <05> 2\nendcidrange" in data
    assert b"/CMapName /Name def" in data and b"/CMapType 1 def" in data


def test_a_two_byte_cid_map_is_read_and_one_of_another_shape_refused() -> None:
    # WeasyPrint's map for a font with a missing glyph: every code its CID, the missing one CID 0.
    data = b"1 begincodespacerange\n<0000> <ffff>\nendcodespacerange\n2 begincidchar\n<0046> 70\n<0a72> 0\n"
    data += b"endcidchar\n1 begincidrange\n<0100> <0102> 256\nendcidrange\n"
    assert read_cid_map(data) == {0x46: 70, 0xA72: 0, 0x100: 256, 0x101: 257, 0x102: 258}
    assert read_cid_map(data.replace(b"<0000> <ffff>", b"<00> <ff>")) is None  # one-byte codes
    assert read_cid_map(data + b"/Other usecmap") is None
