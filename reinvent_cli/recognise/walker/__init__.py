"""The walk over the tokens as planned: headings, tables, links, talk metadata, raw HTML blocks, one-talk posts."""
