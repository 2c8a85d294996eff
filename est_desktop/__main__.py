import sys

from est_desktop.cli import main

sys.exit(main())
