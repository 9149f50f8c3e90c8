"""Lets `python -m ebookify` run the command-line tool."""

from ebookify.cli import main

raise SystemExit(main())
