"""Launches (announcements): the launch rules, launch headings and the announcement pass hooked into the walk."""
