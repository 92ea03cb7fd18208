from carehub_gateway.cli import main

main()
