"""Writers of a Book: epub/ and pdf/ beside the HTML, cover and document plan they share."""
