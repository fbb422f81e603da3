"""Fetch every page of GetAggregateConformancePackComplianceSummary with boto3.

boto3 has no paginator for this operation, so the loop passes each NextToken back by
hand. The merged document is printed in the shape `packscope --output json` prints.
The loop stops after --max-pages requests or --time-limit seconds, whichever is first,
and exits with status 3 if the list had not ended by then.
"""

import argparse
import json
import sys
import time

import boto3


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--endpoint-url", required=True)
    parser.add_argument("--region", required=True)
    parser.add_argument("--aggregator", required=True)
    parser.add_argument("--max-pages", type=int, required=True)
    parser.add_argument("--time-limit", type=float, required=True, help="seconds")
    return parser.parse_args()


def main():
    args = parse_args()
    client = boto3.client(
        "config", endpoint_url=args.endpoint_url, region_name=args.region
    )
    deadline = time.monotonic() + args.time_limit
    request = {"ConfigurationAggregatorName": args.aggregator, "Limit": 100}
    summaries = []
    group_by_key = None

    for _ in range(args.max_pages):
        if time.monotonic() > deadline:
            break
        response = client.get_aggregate_conformance_pack_compliance_summary(**request)
        summaries.extend(response["AggregateConformancePackComplianceSummaries"])
        group_by_key = response.get("GroupByKey")
        token = response.get("NextToken")
        if not token:
            document = {
                "AggregateConformancePackComplianceSummaries": summaries,
                "GroupByKey": group_by_key,
            }
            json.dump(document, sys.stdout, indent=4)
            sys.stdout.write("\n")
            return 0
        request["NextToken"] = token

    print(f"stopped unfinished after {len(summaries)} groups", file=sys.stderr)
    return 3


if __name__ == "__main__":
    sys.exit(main())
