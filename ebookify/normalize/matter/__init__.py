"""What stands around a story and what it says of itself: header, licence, title page, notes, metadata."""
