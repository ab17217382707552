"""``python -m artethics`` is the ``artethics`` command."""

import sys

from artethics.tools.cli import main

sys.exit(main())
