"""An Archive of Our Own HTML download: preface to fields and notes, chapters read, afterword to end notes."""

from __future__ import annotations

from ebookify.model import Paragraph
from ebookify.normalize.markup.ao3 import split_ao3
from ebookify.normalize.pipeline import normalize_bytes
from ebookify.options import NormalizeOptions

DOWNLOAD = """<!DOCTYPE html><html><head><title>The Quiet Hour - ann</title></head><body>
<div id="preface">
<p class="message"><b>The Quiet Hour</b><br/>Posted originally on the Archive of Our Own.</p>
<div class="meta"><dl class="tags">
<dt>Rating:</dt><dd><a class="tag" href="x">Teen And Up Audiences</a></dd>
<dt>Archive Warning:</dt><dd><a class="tag" href="x">No Archive Warnings Apply</a></dd>
<dt>Fandom:</dt><dd><a href="x">Harry Potter - J. K. Rowling</a></dd>
<dt>Relationship:</dt><dd><a href="x">Hermione Granger/Ron Weasley</a></dd>
<dt>Stats:</dt><dd>Published: 2020-01-01 Words: 1,200 Chapters: 2/2</dd>
</dl>
<h1>The Quiet Hour</h1>
<div class="byline">by <a rel="author" href="x">ann_writes</a></div>
<p>Summary</p><blockquote class="userstuff"><p>Hermione waits for an owl.</p></blockquote>
<p>Notes</p><blockquote class="userstuff"><p>For my sister.</p></blockquote>
</div></div>
<div id="chapters" class="userstuff">
<div class="meta group"><h2 class="heading">Chapter 1: Monday</h2></div>
<div class="userstuff"><p>The owl did not come on <i>Monday</i>.</p><p>She waited.</p></div>
<div class="meta group"><h2 class="heading">Chapter 2: Thursday</h2></div>
<div class="userstuff"><p>It came on Thursday.</p><hr/><p>She laughed.</p></div>
</div>
<div id="afterword"><h2>Afterword</h2><p>End Notes</p><blockquote class="userstuff"><p>Thanks for reading!</p>
</blockquote></div>
</body></html>
"""


def test_a_page_without_the_archives_ids_is_not_a_download() -> None:
    assert split_ao3("<p>Some <i>story</i>.</p><p>More.</p>") is None


def test_download_reads_as_a_story_with_metadata_and_notes() -> None:
    story = normalize_bytes(DOWNLOAD.encode(), "work.html", NormalizeOptions(smart_quotes=False))
    meta = story.metadata
    assert (meta.title, meta.authors, meta.rating) == (
        "The Quiet Hour",
        ("ann_writes",),
        "Teen And Up Audiences",
    )
    assert meta.warnings == ("No Archive Warnings Apply",)
    assert meta.pairings == ("Hermione Granger/Ron Weasley",)
    assert (meta.summary, meta.published, meta.words) == ("Hermione waits for an owl.", "2020-01-01", "1,200")
    assert [ch.title for ch in story.chapters] == ["Chapter 1: Monday", "Chapter 2: Thursday"]
    first = story.chapters[0].blocks[0]
    assert isinstance(first, Paragraph) and first.spans[1].style == "emphasis"
    assert [b.text for b in story.front_notes if isinstance(b, Paragraph)] == ["For my sister."]
    assert [b.text for b in story.end_notes if isinstance(b, Paragraph)] == [
        "End Notes",
        "Thanks for reading!",
    ]
