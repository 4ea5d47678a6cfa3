# Stand-in for `requests_toolbelt`, imported at module level by ubiops/rest.py but not installed here.
# The client uses two parts of it: TCPKeepAliveAdapter (every call: see adapters/socket_options.py) and
# MultipartEncoder(+Monitor) for multipart file uploads, which no Deployment Requests call sends.


class MultipartEncoder:
    def __init__(self, *args, **kwargs):
        raise NotImplementedError("stub requests_toolbelt: multipart uploads are not supported in this check")


MultipartEncoderMonitor = MultipartEncoder
