"""``python -m process_mapper``: the same as the ``process-mapper`` command."""

import sys

from .cli.main import main

if __name__ == "__main__":
    sys.exit(main())
