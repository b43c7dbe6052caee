"""The worker process of a parallel index build (``building``): ``python -m`` runs this.

A module of its own, which nothing imports, so that running it does not load ``building`` twice.
"""

import sys

from factcheck_tui.core.matching.building import work

if __name__ == "__main__":
    work(sys.argv[1:])
