#!/usr/bin/env python3
"""Drive the official UbiOps Python client (`ubiops` package) against a Deployment Requests API.

Calls every Deployment Requests operation of the client release it finds on the import path (4.12.0:
22 operations, 4.5.1: 16) and checks what comes back, one line per operation:

    PASS deployment_requests_create
    FAIL deployment_requests_list: status filter 'completed' answered statuses ['pending']
    ...
    21 of 22 operations passed

Exit status 1 when any operation failed. Written for the emulator (`check.sh` starts one with the
built-in deployments `echo` (versions v1 and v2), `plain-echo`, `sleep` and `fail`), but it only speaks
the public API, so it runs against any server that has deployments with that behaviour.

The client's code is not part of this repository: `check.sh` extracts it from its git history into a
temporary directory and puts it, and the stand-ins in `stubs/`, on PYTHONPATH.
"""

import argparse
import datetime
import json
import os
import sys
import tempfile
import time
import traceback
import warnings

OPERATIONS = {
    "4.5.1": [
        "deployment_requests_create",
        "deployment_version_requests_create",
        "batch_deployment_requests_create",
        "batch_deployment_version_requests_create",
        "deployment_requests_batch_get",
        "deployment_version_requests_batch_get",
        "deployment_requests_get",
        "deployment_version_requests_get",
        "deployment_requests_list",
        "deployment_version_requests_list",
        "deployment_requests_update",
        "deployment_version_requests_update",
        "deployment_requests_delete",
        "deployment_version_requests_delete",
        "deployment_requests_batch_delete",
        "deployment_version_requests_batch_delete",
    ],
}
OPERATIONS["4.12.0"] = OPERATIONS["4.5.1"][:12] + [
    "deployment_requests_batch_cancel",
    "deployment_version_requests_batch_cancel",
    "deployment_requests_input_get",
    "deployment_version_requests_input_get",
    "deployment_requests_output_get",
    "deployment_version_requests_output_get",
] + OPERATIONS["4.5.1"][12:]

FINISHED = ("completed", "failed", "cancelled")


class CheckFailed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise CheckFailed(message)


def wait_for(what, probe, done, timeout=30.0, interval=0.2):
    """Calls probe() until done(value) holds; returns the value, or fails after timeout seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if done(value):
            return value
        if time.monotonic() > deadline:
            raise CheckFailed(f"{what}: not reached within {timeout:.0f} s (last seen: {value!r})")
        time.sleep(interval)


def describe(error):
    """One line for a failure: the HTTP status and body for API errors, the message otherwise."""
    status = getattr(error, "status", None)
    body = getattr(error, "body", None)
    if status is not None and body is not None:
        text = body.decode("utf-8", "replace") if isinstance(body, bytes) else str(body)
        return f"HTTP {status} {getattr(error, 'reason', '')}: {text.strip()[:300]}"
    if isinstance(error, CheckFailed):
        return str(error)
    return f"{type(error).__name__}: {str(error).strip()[:300]}"


class Report:
    def __init__(self, operations, verbose):
        self.operations = operations
        self.verbose = verbose
        self.results = {}

    def run(self, operation, body, *needs):
        """Runs one operation's checks; `needs` are the values it builds on (None: an earlier step failed)."""
        assert operation in self.operations, operation
        if operation in self.results:
            raise RuntimeError(f"{operation} reported twice")
        missing = [name for name, value in needs if value is None]
        if missing:
            self._record(operation, f"not run: needs {', '.join(missing)}, which failed")
            return None
        try:
            value = body()
        except Exception as error:  # every failure, of the client or of a check, is this operation's
            if self.verbose:
                traceback.print_exc(file=sys.stderr)
            self._record(operation, describe(error))
            return None
        self._record(operation, None)
        return value

    def _record(self, operation, failure):
        self.results[operation] = failure
        print(f"PASS {operation}" if failure is None else f"FAIL {operation}: {failure}", flush=True)

    def finish(self):
        for operation in self.operations:
            if operation not in self.results:
                self._record(operation, "not run")
        passed = sum(1 for failure in self.results.values() if failure is None)
        print(f"{passed} of {len(self.operations)} operations passed", flush=True)
        return passed == len(self.operations)


def trace_requests():
    """Writes each HTTP call the client makes (method, URL, content type, body) to stderr."""
    import requests

    send = requests.Session.send

    def traced(session, prepared, **kwargs):
        body = prepared.body
        if isinstance(body, bytes):
            body = body.decode("utf-8", "replace")
        print(f"> {prepared.method} {prepared.url} [{prepared.headers.get('Content-Type')}] {body!r:.200}", file=sys.stderr)
        response = send(session, prepared, **kwargs)
        print(
            f"< {response.status_code} [{response.headers.get('Content-Type')}] "
            f"disposition={response.headers.get('Content-Disposition')!r}",
            file=sys.stderr,
        )
        return response

    requests.Session.send = traced


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default=os.environ.get("UBIOPS_API_HOST", "http://127.0.0.1:5080/v2.1"))
    parser.add_argument("--token", default=os.environ.get("UBIOPS_API_TOKEN", "emulator-token"))
    parser.add_argument("--project", default="demo")
    parser.add_argument("--release", help="4.12.0 or 4.5.1 (default: ubiops.__version__)")
    parser.add_argument("--workers", type=int, default=2,
                        help="batch requests the server runs at once; that many long sleeps keep the rest queued")
    parser.add_argument("--trace", action="store_true", help="log every HTTP call to stderr")
    parser.add_argument("--verbose", action="store_true", help="print tracebacks of failures to stderr")
    args = parser.parse_args()

    import ubiops

    # The checks read request_data/result on purpose; 4.12.0 warns on every read of those deprecated fields.
    warnings.filterwarnings("ignore", category=DeprecationWarning, module=__name__)
    release = args.release or ubiops.__version__
    if release not in OPERATIONS:
        parser.error(f"release {release} is not one this driver knows ({', '.join(OPERATIONS)})")
    if ubiops.__version__ != release:
        parser.error(f"--release {release}, but the ubiops package on the path is {ubiops.__version__}")
    if args.trace:
        trace_requests()

    print(f"official client ubiops {ubiops.__version__} ({os.path.dirname(ubiops.__file__)}) -> {args.host}", flush=True)
    downloads = tempfile.TemporaryDirectory(prefix="ubiops-driver-")
    configuration = ubiops.Configuration(host=args.host, api_key={"Authorization": args.token})
    configuration.temp_folder_path = downloads.name  # where `_preload_content=True` saves input/output files
    # A second client with the client's own argument checks off: the only way it sends a batch cancel with
    # an empty body (with the checks on, `data` must be a list, so `status=pending` goes out with `[]`).
    loose = ubiops.Configuration(host=args.host, api_key={"Authorization": args.token})
    loose.client_side_validation = False

    report = Report(OPERATIONS[release], args.verbose)
    with ubiops.ApiClient(configuration) as api_client, ubiops.ApiClient(loose) as loose_client:
        Run(ubiops, ubiops.CoreApi(api_client), ubiops.CoreApi(loose_client), args, release, report).all()
    downloads.cleanup()
    return 0 if report.finish() else 1


class Run:
    def __init__(self, ubiops, api, loose_api, args, release, report):
        self.ubiops = ubiops
        self.api = api
        self.loose_api = loose_api
        self.project = args.project
        self.workers = args.workers
        self.today = release == "4.12.0"
        self.report = report
        self.started = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(seconds=5)

    # ---- helpers -------------------------------------------------------------------------------------

    def collect(self, deployment, ids, version=None):
        p = self.project
        if version is None:
            answer = self.api.deployment_requests_batch_get(p, deployment, ids)
        else:
            answer = self.api.deployment_version_requests_batch_get(p, deployment, version, ids)
        return {request.id: request for request in answer}

    def statuses(self, deployment, ids, version=None):
        return {i: r.status for i, r in self.collect(deployment, ids, version).items()}

    def get(self, deployment, request_id, version=None, **kwargs):
        if version is None:
            return self.api.deployment_requests_get(self.project, deployment, request_id, **kwargs)
        return self.api.deployment_version_requests_get(self.project, deployment, request_id, version, **kwargs)

    def expect_error(self, what, call, allowed=(404,)):
        """The call must fail with one of the allowed statuses (an all-or-nothing call: 400 or 404)."""
        expected = " or ".join(map(str, allowed))
        try:
            call()
        except self.ubiops.ApiException as error:
            check(error.status in allowed, f"{what}: expected {expected}, got HTTP {error.status}: {str(error.body)[:200]}")
            return
        raise CheckFailed(f"{what}: expected {expected}, but the call succeeded")

    def priority(self, value):
        return {"priority": value} if self.today else {}

    def sleep_batch(self, count, seconds, version=None):
        data = [{"seconds": seconds} for _ in range(count)]
        if version is None:
            created = self.api.batch_deployment_requests_create(self.project, "sleep", data)
        else:
            created = self.api.batch_deployment_version_requests_create(self.project, "sleep", version, data)
        check(len(created) == count, f"sleep batch of {count} answered {len(created)} requests")
        return [request.id for request in created]

    def queued(self, count, version=None):
        """`count` sleep requests that stay pending: every worker is busy with a blocker."""
        ids = self.sleep_batch(count, 5, version)
        statuses = self.statuses("sleep", ids, version)
        check(all(s == "pending" for s in statuses.values()),
              f"sleep requests meant to wait in the queue are {sorted(statuses.values())}")
        return ids

    def wait_cancelled(self, ids, version=None):
        return wait_for(
            "cancelled", lambda: self.statuses("sleep", ids, version),
            lambda statuses: set(statuses.values()) == {"cancelled"},
        )

    # ---- the run -------------------------------------------------------------------------------------

    def all(self):
        r = self.report
        direct = r.run("deployment_requests_create", self.direct_create)
        direct_v2 = r.run("deployment_version_requests_create", self.direct_version_create)
        batch = r.run("batch_deployment_requests_create", self.batch_create)
        batch_v2 = r.run("batch_deployment_version_requests_create", self.batch_version_create)
        r.run("deployment_requests_batch_get", lambda: self.collect_all(batch, None),
              ("batch_deployment_requests_create", batch))
        r.run("deployment_version_requests_batch_get", lambda: self.collect_all(batch_v2, "v2"),
              ("batch_deployment_version_requests_create", batch_v2))
        r.run("deployment_requests_get", lambda: self.get_default(direct), ("deployment_requests_create", direct))
        r.run("deployment_version_requests_get", lambda: self.get_version(direct_v2),
              ("deployment_version_requests_create", direct_v2))
        r.run("deployment_requests_list", lambda: self.list_default(direct, batch),
              ("deployment_requests_create", direct), ("batch_deployment_requests_create", batch))
        r.run("deployment_version_requests_list", lambda: self.list_version(direct_v2, batch_v2),
              ("deployment_version_requests_create", direct_v2),
              ("batch_deployment_version_requests_create", batch_v2))
        self.cancels()
        if self.today:
            r.run("deployment_requests_input_get", lambda: self.input_default(direct), ("deployment_requests_create", direct))
            r.run("deployment_version_requests_input_get", lambda: self.input_version(direct_v2),
                  ("deployment_version_requests_create", direct_v2))
            r.run("deployment_requests_output_get", lambda: self.output_default(direct), ("deployment_requests_create", direct))
            r.run("deployment_version_requests_output_get", lambda: self.output_version(direct_v2),
                  ("deployment_version_requests_create", direct_v2))
        r.run("deployment_requests_delete", lambda: self.delete_default(direct), ("deployment_requests_create", direct))
        r.run("deployment_version_requests_delete", lambda: self.delete_version(direct_v2),
              ("deployment_version_requests_create", direct_v2))
        r.run("deployment_requests_batch_delete", lambda: self.batch_delete(batch, None),
              ("batch_deployment_requests_create", batch))
        r.run("deployment_version_requests_batch_delete", lambda: self.batch_delete(batch_v2, "v2"),
              ("batch_deployment_version_requests_create", batch_v2))

    # ---- creates -------------------------------------------------------------------------------------

    def direct_create(self):
        p, api = self.project, self.api
        data = {"city": "Utrecht", "temperature": 21.5, "ok": True, "tags": ["a", "b"], "nested": {"n": None}}
        echoed = api.deployment_requests_create(p, "echo", data, timeout=60, **self.priority(0))
        check(isinstance(echoed, self.ubiops.DeploymentRequestCreateResponse), f"answer is {type(echoed).__name__}")
        check(echoed.status == "completed", f"echo ended {echoed.status!r} ({echoed.error_message!r})")
        check(echoed.result == data, f"echo result {echoed.result!r} != input {data!r}")
        check((echoed.deployment, echoed.version) == ("echo", "v1"),
              f"answered deployment/version {echoed.deployment}/{echoed.version}, expected echo/v1")
        check(echoed.error_message is None, f"error_message {echoed.error_message!r} on success")

        # A str is sent raw with Content-Type text/plain (not as a JSON string).
        text = "hello w\u00f6rld\nsecond line"
        plain = api.deployment_requests_create(p, "plain-echo", text)
        check(plain.status == "completed", f"plain-echo ended {plain.status!r} ({plain.error_message!r})")
        check(plain.result == text, f"plain-echo result {plain.result!r} != input {text!r}")

        # A failing deployment still answers 2xx, with the failure in the body.
        failed = api.deployment_requests_create(p, "fail", {"x": 1})
        check(failed.status == "failed", f"fail deployment ended {failed.status!r}")
        check(bool(failed.error_message), "failed request has no error_message")
        if not self.today:
            check(failed.success is False and echoed.success is True,
                  f"success flags {echoed.success!r}/{failed.success!r}, expected True/False")
        return {"id": echoed.id, "data": data, "plain_id": plain.id, "text": text, "fail_id": failed.id}

    def direct_version_create(self):
        data = {"city": "Delft", "n": 2}
        echoed = self.api.deployment_version_requests_create(self.project, "echo", "v2", data, **self.priority(1))
        check(echoed.status == "completed", f"echo v2 ended {echoed.status!r} ({echoed.error_message!r})")
        check(echoed.version == "v2", f"answered version {echoed.version!r}, expected v2")
        check(echoed.result == data, f"echo v2 result {echoed.result!r} != input {data!r}")
        return {"id": echoed.id, "data": data}

    def check_batch_answer(self, created, data, version):
        check(isinstance(created, list) and len(created) == len(data),
              f"batch of {len(data)} answered {len(created) if isinstance(created, list) else created!r}")
        for request in created:
            check(isinstance(request, self.ubiops.DeploymentRequestBatchCreateResponse), f"item is {type(request).__name__}")
            check(request.status in ("pending", "processing", "completed"), f"new batch request is {request.status!r}")
            check(request.version == version, f"batch request version {request.version!r}, expected {version}")
            check(isinstance(request.time_created, datetime.datetime), f"time_created {request.time_created!r}")
        check(len({request.id for request in created}) == len(data), "batch answered duplicate ids")

    def batch_create(self):
        data = [{"order": i, "label": f"item {i}"} for i in range(3)]
        created = self.api.batch_deployment_requests_create(self.project, "echo", data, timeout=600, **self.priority(1))
        self.check_batch_answer(created, data, "v1")
        texts = ["one", "two \u00e9"]
        plain = self.api.batch_deployment_requests_create(self.project, "plain-echo", texts)
        check(len(plain) == 2, f"plain batch of 2 answered {len(plain)}")
        return {"ids": [c.id for c in created], "data": data,
                "plain_ids": [c.id for c in plain], "texts": texts}

    def batch_version_create(self):
        data = [{"order": 10}, {"order": 11}]
        created = self.api.batch_deployment_version_requests_create(self.project, "echo", "v2", data, **self.priority(0))
        self.check_batch_answer(created, data, "v2")
        return {"ids": [c.id for c in created], "data": data}

    # ---- reads ---------------------------------------------------------------------------------------

    def collect_all(self, batch, version):
        ids, data = batch["ids"], batch["data"]
        found = wait_for(
            "batch requests completed", lambda: self.collect("echo", ids, version),
            lambda found: all(r.status in FINISHED for r in found.values()),
        )
        check(set(found) == set(ids), f"collect of {ids} answered {sorted(found)}")
        for request_id, expected in zip(ids, data):
            request = found[request_id]
            check(request.status == "completed", f"{request_id} ended {request.status!r}")
            check(request.result == expected, f"{request_id} result {request.result!r} != input {expected!r}")
            check(request.request_data == expected, f"{request_id} request_data {request.request_data!r}")
            check(request.version == (version or "v1"), f"{request_id} version {request.version!r}")
        if version is None:
            plain = wait_for(
                "plain batch completed", lambda: self.collect("plain-echo", batch["plain_ids"]),
                lambda found: all(r.status in FINISHED for r in found.values()),
            )
            results = [plain[i].result for i in batch["plain_ids"]]
            check(results == batch["texts"], f"plain batch results {results!r} != {batch['texts']!r}")
        # all or nothing: one unknown id rejects the call
        self.expect_error("collect with an unknown id", lambda: self.collect("echo", ids[:1] + ["00000000-0000-0000-0000-000000000000"], version),
                        allowed=(400, 404))

    def get_default(self, direct):
        request = self.get("echo", direct["id"])
        check(isinstance(request, self.ubiops.DeploymentRequestSingleDetail), f"answer is {type(request).__name__}")
        check(request.id == direct["id"] and request.status == "completed", f"got {request.id} {request.status!r}")
        check(request.request_data == direct["data"], f"request_data {request.request_data!r} != {direct['data']!r}")
        check(request.result == direct["data"], f"result {request.result!r}")
        check(isinstance(request.input_size, int) and request.input_size > 0, f"input_size {request.input_size!r}")
        check(isinstance(request.time_completed, datetime.datetime), f"time_completed {request.time_completed!r}")
        # metadata_only goes out as the Python word: metadata_only=True
        bare = self.get("echo", direct["id"], metadata_only=True)
        check(bare.request_data is None and bare.result is None,
              f"metadata_only=True still answered request_data/result {bare.request_data!r}/{bare.result!r}")
        plain = self.get("plain-echo", direct["plain_id"])
        check(plain.request_data == direct["text"] and plain.result == direct["text"],
              f"plain request_data/result {plain.request_data!r}/{plain.result!r}")
        failed = self.get("fail", direct["fail_id"])
        check(failed.status == "failed" and failed.result is None and failed.error_message,
              f"failed request: status {failed.status!r}, result {failed.result!r}, error {failed.error_message!r}")
        self.expect_error("get of an unknown id", lambda: self.get("echo", "00000000-0000-0000-0000-000000000000"))

    def get_version(self, direct_v2):
        request = self.get("echo", direct_v2["id"], version="v2")
        check(request.version == "v2" and request.result == direct_v2["data"],
              f"v2 request: version {request.version!r}, result {request.result!r}")
        self.expect_error("get through the wrong version", lambda: self.get("echo", direct_v2["id"], version="v1"))

    def list_default(self, direct, batch):
        p, api = self.project, self.api
        ours = {direct["id"], *batch["ids"]}
        wait_for("batch finished", lambda: self.statuses("echo", batch["ids"]),
                 lambda s: set(s.values()) <= set(FINISHED))
        extra = {} if self.today else {"success": True, "pipeline": False}
        completed = api.deployment_requests_list(p, "echo", status="completed", limit=50, **extra)
        check(all(isinstance(i, self.ubiops.DeploymentRequestList) for i in completed), "items are not DeploymentRequestList")
        check({i.status for i in completed} == {"completed"}, f"status=completed answered {sorted({i.status for i in completed})}")
        check(ours <= {i.id for i in completed}, f"status=completed misses {sorted(ours - {i.id for i in completed})}")
        check({i.version for i in completed} == {"v1"}, f"default-version list shows versions {sorted({i.version for i in completed})}")
        times = [i.time_created for i in completed]

        since = self.started.isoformat(timespec="milliseconds")  # e.g. 2026-01-01T10:00:00.123+00:00
        dated = api.deployment_requests_list(p, "echo", status="completed", start_date=since)
        check(ours <= {i.id for i in dated}, f"start_date={since} misses {sorted(ours - {i.id for i in dated})}")
        later = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=1)).isoformat(timespec="milliseconds")
        check(api.deployment_requests_list(p, "echo", status="completed", start_date=later) == [],
              f"start_date={later} (in the future) answered requests")

        failed = api.deployment_requests_list(p, "fail", status="failed")
        check(direct["fail_id"] in {i.id for i in failed} and {i.status for i in failed} == {"failed"},
              "status=failed on the fail deployment does not list exactly the failed requests")
        check(api.deployment_requests_list(p, "fail", status="completed") == [], "fail deployment lists completed requests")

        one = api.deployment_requests_list(p, "echo", status="completed", limit=1, offset=1)
        check(len(one) == 1 and one[0].id == completed[1].id, f"limit=1&offset=1 answered {[i.id for i in one]}")
        if self.today:
            check(times == sorted(times, reverse=True), "list is not newest first")
            # 2025-12: without a status, only completed requests are listed
            default = api.deployment_requests_list(p, "fail")
            check({i.status for i in default} <= {"completed"},
                  f"list without status answered {sorted({i.status for i in default})}, expected completed only")
        else:
            ascending = api.deployment_requests_list(p, "echo", status="completed", sort="asc")
            asc_times = [i.time_created for i in ascending]
            check(asc_times == sorted(asc_times), "sort=asc is not oldest first")
            check(times == sorted(times, reverse=True), "default sort is not newest first")
            unsuccessful = api.deployment_requests_list(p, "fail", success=False)
            check(direct["fail_id"] in {i.id for i in unsuccessful} and all(i.success is False for i in unsuccessful),
                  "success=False does not list exactly the unsuccessful requests")

    def list_version(self, direct_v2, batch_v2):
        ours = {direct_v2["id"], *batch_v2["ids"]}
        wait_for("v2 batch finished", lambda: self.statuses("echo", batch_v2["ids"], "v2"),
                 lambda s: set(s.values()) <= set(FINISHED))
        listed = self.api.deployment_version_requests_list(self.project, "echo", "v2", status="completed",
                                                           search_id=direct_v2["id"][:8])
        check(direct_v2["id"] in {i.id for i in listed}, f"search_id={direct_v2['id'][:8]} misses {direct_v2['id']}")
        check(all(direct_v2["id"][:8] in i.id for i in listed), "search_id answered ids without the search string")
        listed = self.api.deployment_version_requests_list(self.project, "echo", "v2", status="completed")
        check(ours <= {i.id for i in listed}, f"v2 list misses {sorted(ours - {i.id for i in listed})}")
        check({i.version for i in listed} == {"v2"}, f"v2 list shows versions {sorted({i.version for i in listed})}")

    # ---- cancels -------------------------------------------------------------------------------------

    def cancels(self):
        """Long sleeps occupy every worker, so further sleep requests wait in the queue to be cancelled."""
        r = self.report
        try:
            blockers = self.sleep_batch(self.workers, 600)
            wait_for("blockers processing", lambda: self.statuses("sleep", blockers),
                     lambda s: set(s.values()) == {"processing"}, timeout=15)
        except Exception as error:
            reason = f"could not queue sleep requests behind {self.workers} running ones: {describe(error)}"
            for operation in ("deployment_requests_update", "deployment_version_requests_update",
                              "deployment_requests_batch_cancel", "deployment_version_requests_batch_cancel"):
                if operation in r.operations:
                    r._record(operation, reason)
            return
        r.run("deployment_requests_update", self.update_default)
        if self.today:
            r.run("deployment_requests_batch_cancel", lambda: self.batch_cancel_default(blockers))
            r.run("deployment_version_requests_batch_cancel", lambda: self.batch_cancel_version(blockers))
        r.run("deployment_version_requests_update", lambda: self.update_version(blockers))
        for blocker in blockers:  # leave no 10-minute sleeps behind
            try:
                self.api.deployment_requests_update(self.project, "sleep", blocker, {"status": "cancelled"})
            except self.ubiops.ApiException:
                pass

    def update_default(self):
        (queued,) = self.queued(1)
        answer = self.api.deployment_requests_update(
            self.project, "sleep", queued, self.ubiops.DeploymentRequestUpdate(status="cancelled"))
        status = answer.get("status") if isinstance(answer, dict) else getattr(answer, "status", None)
        check(status == "cancelled", f"cancel of a queued request answered status {status!r}")
        check(self.get("sleep", queued).status == "cancelled", "queued request is not cancelled after the cancel")
        done = self.api.deployment_requests_create(self.project, "echo", {"late": 1})
        try:
            self.api.deployment_requests_update(self.project, "echo", done.id, {"status": "cancelled"})
        except self.ubiops.ApiException as error:
            check(400 <= error.status < 500, f"cancel of a completed request: HTTP {error.status}")
        else:
            check(self.get("echo", done.id).status == "completed", "a completed request changed status on cancel")

    def update_version(self, blockers):
        # A running request: cancelled_pending on the way, cancelled at the end. Like get, delete, input and
        # output, the version variant of update takes request_id before version.
        answer = self.api.deployment_version_requests_update(self.project, "sleep", blockers[0], "v1", {"status": "cancelled"})
        status = answer.get("status") if isinstance(answer, dict) else getattr(answer, "status", None)
        check(status in ("cancelled_pending", "cancelled"), f"cancel of a running request answered {status!r}")
        self.wait_cancelled(blockers[:1], "v1")

    def batch_cancel_default(self, blockers):
        p = self.project
        queued = self.queued(2)
        self.api.deployment_requests_batch_cancel(p, "sleep", queued)
        self.wait_cancelled(queued)
        # by status: the client's only way (its checks want a list) is status=pending with the body []
        queued = self.queued(2)
        self.api.deployment_requests_batch_cancel(p, "sleep", [], status="pending")
        self.wait_cancelled(queued)
        statuses = self.statuses("sleep", blockers)
        check(set(statuses.values()) == {"processing"}, f"status=pending also touched running requests: {statuses}")
        self.expect_error("batch cancel with an unknown id",
                        lambda: self.api.deployment_requests_batch_cancel(p, "sleep", ["00000000-0000-0000-0000-000000000000"]),
                        allowed=(400, 404))

    def batch_cancel_version(self, blockers):
        queued = self.queued(2, "v1")
        self.api.deployment_version_requests_batch_cancel(self.project, "sleep", "v1", queued)
        self.wait_cancelled(queued, "v1")
        # status=pending with an empty body, as the docs describe (client checks off, data=None)
        queued = self.queued(1, "v1")
        self.loose_api.deployment_version_requests_batch_cancel(self.project, "sleep", "v1", None, status="pending")
        self.wait_cancelled(queued, "v1")
        statuses = self.statuses("sleep", blockers, "v1")
        check(set(statuses.values()) == {"processing"}, f"status=pending also touched running requests: {statuses}")

    # ---- input and output files (2025-12) -------------------------------------------------------------

    def check_file(self, what, download, expected, as_json):
        # default: the requests.Response, with getfilename() and read() added by the client
        response = download()
        check(200 <= response.status_code < 300, f"{what}: HTTP {response.status_code}")
        content = response.read()
        value = json.loads(content) if as_json else content.decode("utf-8")
        check(value == expected, f"{what}: file content {content[:200]!r} != {expected!r}")
        if as_json:
            check(response.json() == expected, f"{what}: .json() answered {response.json()!r}")
        # getfilename() and the _preload_content=True download take the name with the regex
        # filename=['"]?([^'"\s]+)['"]? after URL-decoding the header: an unquoted `filename=a.json; filename*=...`
        # (ASP.NET's default) yields 'a.json;', a header without `filename=` makes the client raise.
        disposition = response.headers.get("Content-Disposition")
        name = response.getfilename()
        check(bool(name), f"{what}: no filename (Content-Disposition {disposition!r})")
        check(";" not in name and "/" not in name, f"{what}: the client reads the filename as {name!r} from {disposition!r}")
        # _request_stream=True, read in chunks
        with download(_request_stream=True) as streamed:
            chunks = b"".join(streamed.read(chunk_size=4))
        check(chunks == content, f"{what}: streamed content {chunks[:200]!r} differs")
        # _preload_content=True: saved under configuration.temp_folder_path, named after Content-Disposition
        path = download(_preload_content=True)
        check(isinstance(path, str) and os.path.isfile(path), f"{what}: _preload_content=True answered {path!r}")
        with open(path, "rb") as saved:
            check(saved.read() == content, f"{what}: saved file {path} differs from the answer")
        check(os.path.basename(path) == name, f"{what}: saved as {os.path.basename(path)!r}, filename is {name!r}")
        os.remove(path)
        return name

    def input_default(self, direct):
        p, api = self.project, self.api
        self.check_file("structured input", lambda **k: api.deployment_requests_input_get(p, "echo", direct["id"], **k),
                        direct["data"], as_json=True)
        self.check_file("plain input", lambda **k: api.deployment_requests_input_get(p, "plain-echo", direct["plain_id"], **k),
                        direct["text"], as_json=False)
        self.expect_error("input of an unknown id",
                        lambda: api.deployment_requests_input_get(p, "echo", "00000000-0000-0000-0000-000000000000"))

    def input_version(self, direct_v2):
        p, api = self.project, self.api
        # the version variants take request_id before version
        self.check_file("v2 input", lambda **k: api.deployment_version_requests_input_get(p, "echo", direct_v2["id"], "v2", **k),
                        direct_v2["data"], as_json=True)

    def output_default(self, direct):
        p, api = self.project, self.api
        self.check_file("structured output", lambda **k: api.deployment_requests_output_get(p, "echo", direct["id"], **k),
                        direct["data"], as_json=True)
        self.check_file("plain output", lambda **k: api.deployment_requests_output_get(p, "plain-echo", direct["plain_id"], **k),
                        direct["text"], as_json=False)

    def output_version(self, direct_v2):
        p, api = self.project, self.api
        self.check_file("v2 output", lambda **k: api.deployment_version_requests_output_get(p, "echo", direct_v2["id"], "v2", **k),
                        direct_v2["data"], as_json=True)

    # ---- deletes -------------------------------------------------------------------------------------

    def delete_default(self, direct):
        answer = self.api.deployment_requests_delete(self.project, "fail", direct["fail_id"])
        check(answer is None, f"delete answered {answer!r}")
        self.expect_error("get after delete", lambda: self.get("fail", direct["fail_id"]))
        self.expect_error("second delete", lambda: self.api.deployment_requests_delete(self.project, "fail", direct["fail_id"]))

    def delete_version(self, direct_v2):
        self.api.deployment_version_requests_delete(self.project, "echo", direct_v2["id"], "v2")
        self.expect_error("get after delete", lambda: self.get("echo", direct_v2["id"], version="v2"))

    def batch_delete(self, batch, version):
        p, ids = self.project, batch["ids"]
        unknown = ids[:1] + ["00000000-0000-0000-0000-000000000000"]
        if version is None:
            delete = lambda which: self.api.deployment_requests_batch_delete(p, "echo", which)
        else:
            delete = lambda which: self.api.deployment_version_requests_batch_delete(p, "echo", version, which)
        self.expect_error("batch delete with an unknown id", lambda: delete(unknown), allowed=(400, 404))
        check(ids[0] in self.collect("echo", ids[:1], version), "an all-or-nothing batch delete removed a request")
        delete(ids)
        for request_id in ids:
            self.expect_error(f"get of deleted {request_id}", lambda: self.get("echo", request_id, version=version))


if __name__ == "__main__":
    sys.exit(main())
