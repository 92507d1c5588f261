"""Schemathesis hooks for `npm run contract` (tools/contract/fuzz.js).

The rules here span two values (two query parameters, a header and a query
parameter, two body fields), depend on state or the clock, or need a judgement
JSON Schema cannot make (a phone number); each is in the document's
descriptions and in docs/api-contract.md. Generated requests that break one are
dropped, so the fuzzer does not count their 400 as "refused what the schema
allows". Nothing else is filtered.
"""
import re

import schemathesis

# (first, last): a range whose end is before its start is refused.
RANGES = [("closeDateFrom", "closeDateTo"), ("placedFrom", "placedTo"), ("from", "to")]
# A page starts at a cursor or at an offset, not both.
EXCLUSIVE = [("cursor", "offset")]
# Opaque tokens only the server issues (a page's `nextCursor`, a timeline's
# `next`): a made-up one is refused by design. The stateful phase follows the
# document's links to real ones.
ISSUED_TOKENS = ("cursor", "before")
# The funnel takes at most one split: each is its own rollup.
FUNNEL_SPLITS = ("ownerId", "region", "productLine", "sourceChannel")


@schemathesis.hook
def filter_query(ctx, query):
    if not isinstance(query, dict):
        return True
    for first, last in RANGES:
        low, high = query.get(first), query.get(last)
        if isinstance(low, str) and isinstance(high, str) and low > high:
            return False
    if any(all(name in query for name in pair) for pair in EXCLUSIVE):
        return False
    if any(name in query and not _issued(query[name]) for name in ISSUED_TOKENS):
        return False
    operation = ctx.operation
    if operation is not None and operation.path.endswith("/analytics/funnel"):
        if sum(1 for name in FUNNEL_SPLITS if name in query) > 1:
            return False
    return True



def _issued(token):
    """Tokens the server issues are base64url-encoded JSON objects; anything else was made up."""
    import base64
    import binascii
    import json

    if not isinstance(token, str):
        return False
    # A timeline cursor: <instant>|<position>|<event id>.
    if TIMELINE_CURSOR.fullmatch(token):
        return True
    try:
        return isinstance(json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))), dict)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return False


@schemathesis.hook
def filter_case(ctx, case):
    """Rules across a header and a query parameter, or across two body fields, or against the clock."""
    headers = {name.lower(): value for name, value in (case.headers or {}).items()}
    query = case.query or {}
    # X-Min-Position and minPosition say the same thing; both given and different is refused.
    if "x-min-position" in headers and "minPosition" in query and str(headers["x-min-position"]).lstrip("0") != str(query["minPosition"]).lstrip("0"):
        return False
    body = case.body if isinstance(case.body, dict) else {}
    # A segment policy's threshold is in the policy's currency.
    threshold = body.get("highAverageOrderValue")
    if isinstance(threshold, dict) and "currency" in body and threshold.get("currency") != body["currency"]:
        return False
    # Segments are judged as of now or a moment before it, never after.
    as_of = body.get("asOf")
    if isinstance(as_of, str) and _in_future(as_of):
        return False
    return True


def _in_future(instant):
    from datetime import datetime, timezone

    try:
        return datetime.fromisoformat(instant.replace("Z", "+00:00").replace("z", "+00:00")) > datetime.now(timezone.utc)
    except ValueError:
        return False


# Whether a phone number is valid is the domain's judgement per country (7 to
# 15 digits once the default country code is added): JSON Schema can state its
# characters but not that. Generated bodies keep only numbers written in full
# international form, which the server takes whatever the country code.
TIMELINE_CURSOR = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[.][0-9]{3}Z[|][0-9]{1,15}[|].+")
PHONE = re.compile(r"\+[1-9][0-9]{6,14}")


@schemathesis.hook("filter_body")
def only_international_phones(ctx, body):
    phones = body.get("phones") if isinstance(body, dict) else None
    return not isinstance(phones, list) or all(isinstance(p, str) and PHONE.fullmatch(p) for p in phones)
