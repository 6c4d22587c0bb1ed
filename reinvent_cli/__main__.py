"""``python -m reinvent_cli``: the reinvent program."""

from reinvent_cli.cli.main import main

main()
