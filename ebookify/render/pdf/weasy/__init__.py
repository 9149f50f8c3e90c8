"""WeasyPrint's side: its import, the fetcher that serves our resources and refuses others, its speed-ups."""
