"""Runs one UbiOps deployment package for the emulator: a long-lived worker process.

Protocol: JSON lines. The emulator writes to stdin, first {"init": {...}}, then one
{"request": {...}} at a time; the worker answers each on the original stdout with one line:
{"ready": true} / {"init_failed": "..."}, then {"result": ...} or {"error": "..."}.
The package's own output (print, logging, C extensions) goes to stderr, so it cannot corrupt
the protocol, and its stdin is empty.
"""
import functools
import importlib.util
import inspect
import json
import os
import sys
import traceback

# Keep the protocol streams, then point fds 0 and 1 away from them before any package code runs.
protocol_in = os.fdopen(os.dup(0), "rb")
protocol_out = os.fdopen(os.dup(1), "wb")
os.dup2(2, 1)
devnull = os.open(os.devnull, os.O_RDONLY)
os.dup2(devnull, 0)
sys.stdout = sys.stderr
sys.stdin = open(os.devnull, "r")


def send(message):
    line = json.dumps(message, allow_nan=False, ensure_ascii=True)
    protocol_out.write(line.encode("ascii") + b"\n")
    protocol_out.flush()


def describe(error):
    text = str(error)
    return text if text else type(error).__name__


@functools.lru_cache(maxsize=None)
def takes_context(function):
    """Whether a request function wants the context: request(self, data, context) vs request(self, data).
    Asked per request; bound methods of one instance are equal, so the signature is read once."""
    parameters = inspect.signature(function).parameters.values()
    if any(p.name == "context" or p.kind is p.VAR_KEYWORD for p in parameters):
        return True
    positional = [p for p in parameters if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    return len(positional) >= 2 or any(p.kind is p.VAR_POSITIONAL for p in parameters)


def create(deployment_class, base_directory, context):
    """Calls __init__ with what it declares: (base_directory, context), either one, or nothing."""
    parameters = inspect.signature(deployment_class).parameters
    names = set(parameters)
    if any(p.kind is p.VAR_KEYWORD for p in parameters.values()) or {"base_directory", "context"} <= names:
        return deployment_class(base_directory=base_directory, context=context)
    if "base_directory" in names:
        return deployment_class(base_directory=base_directory)
    if "context" in names:
        return deployment_class(context=context)
    positional = [p for p in parameters.values() if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    if len(positional) >= 2:
        return deployment_class(base_directory, context)
    return deployment_class()


def load(init):
    directory = init["directory"]
    os.environ.update(init["environment_variables"])
    sys.path[0:0] = [directory, os.path.join(directory, "libraries")]
    spec = importlib.util.spec_from_file_location("deployment", os.path.join(directory, "deployment.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules["deployment"] = module
    spec.loader.exec_module(module)
    if not hasattr(module, "Deployment"):
        raise AttributeError("deployment.py defines no class Deployment")
    return create(module.Deployment, directory, init["context"])


def call(function, data, context):
    return function(data, context) if takes_context(function) else function(data)


def run(instance, data, context):
    """One input goes to request(); a list goes to requests() if the class has it, else to request() item by item."""
    request = getattr(instance, "request", None)
    requests = getattr(instance, "requests", None)
    if isinstance(data, list):
        if callable(requests):
            return call(requests, data, context)
        if callable(request):
            return [call(request, item, context) for item in data]
    elif callable(request):
        return call(request, data, context)
    elif callable(requests):
        return call(requests, [data], context)
    raise AttributeError("class Deployment has no request(self, data) method")


def main():
    first = protocol_in.readline()
    if not first:
        return
    try:
        instance = load(json.loads(first)["init"])
    except BaseException as error:  # noqa: BLE001 - any failure to load is reported, then the worker ends
        traceback.print_exc()
        send({"init_failed": describe(error)})
        return
    send({"ready": True})

    for line in protocol_in:
        request = json.loads(line)["request"]
        try:
            result = run(instance, request["data"], request["context"])
            answer = {"result": result}
            try:
                send(answer)
            except (TypeError, ValueError) as error:
                send({"error": f"The deployment returned a value that is not JSON: {describe(error)}"})
        except Exception as error:  # noqa: BLE001 - the request fails with the exception's message
            traceback.print_exc()
            send({"error": describe(error)})


main()
