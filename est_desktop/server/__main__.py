"""`python -m est_desktop.server`: the same as the `est-server` command."""

import sys

from est_desktop.server.cli import main

sys.exit(main())
