"""Recognising structure: days, talks, speakers, announcements from the AST."""
