# Package marker for the requests_toolbelt stand-in (see ../__init__.py).
