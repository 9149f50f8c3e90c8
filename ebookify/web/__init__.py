"""The local web page of `ebookify serve`: drop stories in, check what was understood, build the book."""
