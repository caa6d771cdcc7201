"""A stand-in for Stripe's HTTP API on loopback, and webhook payloads signed as Stripe signs them.

Only Stripe's HTTP responses are stood in for: the platform's real StripeClient sends real HTTP
requests here (settings.STRIPE_API_BASE), and webhooks are verified by the real stripe library
against signatures made with Stripe's scheme: t=<unix>,v1=hex(HMAC-SHA256(secret, "t.payload")).
"""

import hashlib
import hmac
import itertools
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

SECRET_KEY = "sk_test_standin"
WEBHOOK_SECRET = "whsec_test_standin"


def _form(body: str) -> dict:
    """Stripe's form encoding (a[b][0][c]=v) into nested dicts and lists."""
    result: dict = {}
    for key, values in parse_qs(body, keep_blank_values=True).items():
        parts = key.replace("]", "").split("[")
        node = result
        for part, following in itertools.pairwise(parts):
            empty = [] if following.isdigit() else {}
            if isinstance(node, list):
                index = int(part)
                while len(node) <= index:
                    node.append(None)
                if node[index] is None:
                    node[index] = empty
                node = node[index]
            else:
                node = node.setdefault(part, empty)
        if isinstance(node, list):
            index = int(parts[-1])
            while len(node) <= index:
                node.append(None)
            node[index] = values[0]
        else:
            node[parts[-1]] = values[0]
    return result


class StripeStandIn:
    """Checkout sessions, expiry, listing by payment intent and refunds, in memory."""

    def __init__(self):
        self.sessions: dict[str, dict] = {}
        self.refunds: list[dict] = []
        self.events: list[dict] = []  # what GET /v1/events lists (see event() below)
        self.requests: list[tuple[str, str, dict]] = []
        # Where the payment page appears to be (a browser test puts it on the site's origin).
        self.pay_base: str | None = None
        self.fail_next: int | None = None  # HTTP status for the next request, then normal
        self.fail_times = 1  # how many requests in a row fail_next answers (the client retries)
        self.request_headers: list[dict] = []  # each request's headers, in step with requests
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    # What a test does to a session, as a learner at Stripe's page would.
    def pay(self, session_id: str, *, amount_total: int | None = None, currency: str | None = None):
        session = self.sessions[session_id]
        session.update(status="complete", payment_status="paid")
        session["payment_intent"] = session.get("payment_intent") or f"pi_{next(self._ids)}"
        if amount_total is not None:
            session["amount_total"] = amount_total
        if currency is not None:
            session["currency"] = currency
        return session

    def expire(self, session_id: str):
        self.sessions[session_id].update(status="expired")
        return self.sessions[session_id]

    def _list_events(self, params: dict, path: str) -> dict:
        """Newest first, filtered by types[] and created[gte]/[lte] as Stripe does."""
        types = {value for key, value in params.items() if key.startswith("types[")}
        gte = int(params.get("created[gte]", 0))
        lte = int(params.get("created[lte]", 2**40))
        found = [
            e
            for e in sorted(self.events, key=lambda e: -e["created"])
            if (not types or e["type"] in types) and gte <= e["created"] <= lte
        ]
        return {"object": "list", "data": found, "has_more": False, "url": path}

    def _create_session(self, params: dict) -> dict:
        number = next(self._ids)
        item = params["line_items"][0]
        session = {
            "id": f"cs_test_{number}",
            "object": "checkout.session",
            "url": f"{self.pay_base or self.base}/pay/cs_test_{number}",
            "mode": params.get("mode"),
            "status": "open",
            "payment_status": "unpaid",
            "amount_total": int(item["price_data"]["unit_amount"]) * int(item.get("quantity", 1)),
            "currency": item["price_data"]["currency"],
            "client_reference_id": params.get("client_reference_id"),
            "metadata": params.get("metadata", {}),
            "customer_email": params.get("customer_email"),
            "success_url": params.get("success_url"),
            "cancel_url": params.get("cancel_url"),
            "payment_intent": None,
        }
        self.sessions[session["id"]] = session
        return session

    def _handler(self):
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _reply(self, status: int, body: dict):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Request-Id", "req_standin")
                self.end_headers()
                self.wfile.write(data)

            def _not_found(self):
                self._reply(
                    404,
                    {
                        "error": {
                            "type": "invalid_request_error",
                            "message": "No such object",
                            "code": "resource_missing",
                        }
                    },
                )

            def _handle(self, method: str):
                url = urlparse(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                params = _form(self.rfile.read(length).decode()) if length else {}
                params.update({k: v[0] for k, v in parse_qs(url.query).items()})
                with standin._lock:
                    standin.requests.append((method, url.path, params))
                    standin.request_headers.append(dict(self.headers))
                    if standin.fail_next is not None:
                        status, standin.fail_times = standin.fail_next, standin.fail_times - 1
                        if standin.fail_times <= 0:
                            standin.fail_next, standin.fail_times = None, 1
                        return self._reply(
                            status, {"error": {"type": "api_error", "message": "Stand-in failure"}}
                        )
                    parts = url.path.strip("/").split("/")
                    if parts[:3] == ["v1", "checkout", "sessions"]:
                        if len(parts) == 3 and method == "POST":
                            return self._reply(200, standin._create_session(params))
                        if len(parts) == 3 and method == "GET":
                            intent = params.get("payment_intent")
                            found = [
                                s
                                for s in standin.sessions.values()
                                if s.get("payment_intent") == intent
                            ]
                            return self._reply(
                                200,
                                {
                                    "object": "list",
                                    "data": found,
                                    "has_more": False,
                                    "url": url.path,
                                },
                            )
                        session = standin.sessions.get(parts[3])
                        if session is None:
                            return self._not_found()
                        if len(parts) == 5 and parts[4] == "expire":
                            if session["status"] != "open":
                                return self._reply(
                                    400,
                                    {
                                        "error": {
                                            "type": "invalid_request_error",
                                            "message": "Only open sessions can be expired.",
                                        }
                                    },
                                )
                            session["status"] = "expired"
                        return self._reply(200, session)
                    if parts == ["v1", "events"] and method == "GET":
                        return self._reply(200, standin._list_events(params, url.path))
                    if parts[:2] == ["v1", "refunds"] and method == "POST":
                        refund = {
                            "id": f"re_{next(standin._ids)}",
                            "object": "refund",
                            "payment_intent": params.get("payment_intent"),
                            "status": "succeeded",
                        }
                        standin.refunds.append(refund)
                        return self._reply(200, refund)
                return self._not_found()

            def do_GET(self):
                self._handle("GET")

            def do_POST(self):
                self._handle("POST")

        return Handler


def event(
    event_type: str, obj: dict, *, event_id: str | None = None, created: int | None = None
) -> dict:
    return {
        "id": event_id or f"evt_{abs(hash((event_type, obj.get('id'), time.time_ns())))}",
        "object": "event",
        "type": event_type,
        "api_version": "2025-01-01",
        "created": int(time.time()) if created is None else created,
        "data": {"object": obj},
    }


def sign(payload: bytes, *, secret: str = WEBHOOK_SECRET, timestamp: int | None = None) -> str:
    timestamp = int(time.time()) if timestamp is None else timestamp
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + payload, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"
