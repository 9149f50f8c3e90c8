"""Light markup inside text: YAML/TOML front matter, Markdown and HTML fragments read into plain text."""
