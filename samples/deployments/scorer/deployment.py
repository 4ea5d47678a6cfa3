"""A small structured UbiOps deployment: a weighted score of a list of values.

Input  {"values": [number, ...]}          -> {"score": number, "count": n}
       {"values": [..., negative, ...]}   -> fails: "values must not be negative, got -2"
       {"values": [...], "sleep": 30}     -> waits that many seconds first (shows a timeout)
"""
import time

from scoring import weighted_score  # libraries/scoring.py: libraries/ is on the import path


class Deployment:
    def __init__(self, base_directory, context):
        # Runs once per worker process; load models and other files from base_directory here.
        self.weight = 2.0 if context["version"] == "v2" else 1.0
        print(f"Initialising {context['deployment']} {context['version']} from {base_directory}")

    def request(self, data, context):
        print(f"Scoring request {context['id']} ({context['request_mode']})")
        time.sleep(float(data.get("sleep", 0)))
        values = data["values"]
        return {"score": weighted_score(values, self.weight), "count": len(values)}
