from reinvent_cli.cli.fast import main

main()
