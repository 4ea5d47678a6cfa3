# `from tqdm.utils import CallbackIOWrapper` is imported by ubiops/utils/file_operations.py (file uploads
# with a progress bar, never used by the Deployment Requests calls). Failing loudly if it is ever used.


class CallbackIOWrapper:
    def __init__(self, *args, **kwargs):
        raise NotImplementedError("stub tqdm: progress-bar file uploads are not supported in this check")
