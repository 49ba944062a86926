"""`python -m archdoc` runs the command line."""

import sys

from archdoc.cli import main

sys.exit(main())
