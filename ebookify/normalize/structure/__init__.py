"""Text to structure: layout measured, paragraphs and verse, scene breaks, chapter headings, parts."""
