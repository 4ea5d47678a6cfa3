# Stand-in for the `tqdm` progress-bar package, which the official UbiOps client imports at module level
# (ubiops/api_client.py, rest.py, utils/file_operations.py) but which is not installed here and PyPI is
# unreachable. The Deployment Requests calls never show a progress bar; this no-op bar only lets the
# package import (and would swallow progress updates if a file upload asked for one).


class tqdm:
    def __init__(self, *args, **kwargs):
        self.n = 0

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def update(self, n=1):
        self.n += n

    def close(self):
        pass
