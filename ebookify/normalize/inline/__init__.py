"""Paragraphs to styled spans, the last steps: quotes, thoughts, emphasis, speakers split, typography."""
