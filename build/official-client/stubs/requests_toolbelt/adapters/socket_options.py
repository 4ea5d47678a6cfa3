# ubiops/rest.py mounts `TCPKeepAliveAdapter()` on every requests.Session it opens, to keep long direct
# requests alive through cloud load balancers. Locally a plain requests HTTPAdapter behaves the same for
# our purposes; the keep-alive socket options are left out.
from requests.adapters import HTTPAdapter


class TCPKeepAliveAdapter(HTTPAdapter):
    def __init__(self, **kwargs):
        for option in ("idle", "interval", "count", "socket_options"):
            kwargs.pop(option, None)
        super().__init__(**kwargs)
