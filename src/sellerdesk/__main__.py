import sys

from sellerdesk.cli.main import main

sys.exit(main())
