# Stand-in for the `schema` package (4.12.0 only): ubiops/utils/validate.py imports Schema, And, Optional
# and SchemaError to validate ubiops.yaml files, which the Deployment Requests calls never do. Using it
# fails loudly rather than validating nothing.


class SchemaError(Exception):
    pass


class Schema:
    def __init__(self, *args, **kwargs):
        self.args = args

    def validate(self, data):
        raise NotImplementedError("stub schema: ubiops.yaml validation is not supported in this check")


def And(*args, **kwargs):
    return args


def Optional(key, *args, **kwargs):
    return key
