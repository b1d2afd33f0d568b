#!/usr/bin/env python3
"""A loopback HTTP server imitating upstream's raw file host, with faults.

Serves ROOT (a directory holding paper_logs/YYYY/MM/DD.md) on 127.0.0.1 at a
free port, printed alone on the first line of stdout. Every file gets a
strong ETag (a hash of the bytes served) and a Last-Modified (its mtime);
If-None-Match and If-Modified-Since are answered with 304.

Faults, per path, from --fault PATH=MODE[:COUNT] or at run time from
GET /__fault?path=PATH&mode=MODE[&count=COUNT] (mode "none" clears):

  500-then-ok    the first COUNT requests (default 1) get a 500, then the file
  500            always 500
  404            always 404
  hang           sleep --hang-seconds before answering (past a client timeout)
  truncate       Content-Length of the whole file, half of it sent, then close
  oversize       a valid digest of 2 MiB, with its Content-Length
  oversize-nolength  the same without Content-Length (ends at close)
  redirect-loop  302 to itself, forever
  invalid-utf8   the file with bytes that are not UTF-8 in it
  garbage        valid UTF-8 that is not a digest (an HTML error page)
  change         the file with a line appended: new bytes, new ETag

Every answer but 304 to a faulty path carries an ETag of its own bytes, so a
conditional request never hides the fault. GET /__requests?path=PATH returns
how many requests that path received. Python 3 standard library only.
"""
import argparse
import email.utils
import hashlib
import http.server
import json
import os
import sys
import threading
import time
import urllib.parse

LOCK = threading.Lock()
FAULTS = {}  # path -> [mode, remaining count]
REQUESTS = {}  # path -> count


def digest_of_size(size, date="2024-10-01"):
    paper = ("### [A Paper About Size](https://arxiv.org/abs/2410.00001)\n\nVote: 1\n\n"
             "Authors: Big Body\n\n- **What's New**: " + "크다 " * 200 + "\n\n")
    head = ("## Daily Papers (%s)\n\n" % date).encode()
    block = paper.encode()
    return head + block * (size // len(block) + 1)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out at once, no 40 ms stalls
    server_version = "fault-server/1"

    def log_message(self, fmt, *args):
        if self.server.verbose:
            sys.stderr.write("fault_server: " + (fmt % args) + "\n")

    def send_body(self, status, body, etag=None, last_modified=None, length=True, close=False):
        self.send_response(status)
        self.send_header("Content-Type", "text/markdown; charset=utf-8")
        if etag:
            self.send_header("ETag", etag)
        if last_modified:
            self.send_header("Last-Modified", last_modified)
        if length:
            self.send_header("Content-Length", str(len(body)))
        if close or not length:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def control(self, url):
        query = urllib.parse.parse_qs(url.query)
        path = query.get("path", [""])[0]
        if url.path == "/__fault":
            mode = query.get("mode", ["none"])[0]
            count = int(query.get("count", ["1"])[0])
            with LOCK:
                if mode == "none":
                    FAULTS.pop(path, None)
                else:
                    FAULTS[path] = [mode, count]
            return self.send_body(200, b"ok\n")
        with LOCK:
            count = REQUESTS.get(path, 0)
        return self.send_body(200, json.dumps({"path": path, "requests": count}).encode())

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        if url.path in ("/__fault", "/__requests"):
            return self.control(url)
        path = urllib.parse.unquote(url.path)
        with LOCK:
            REQUESTS[path] = REQUESTS.get(path, 0) + 1
            fault = FAULTS.get(path)
            mode = fault[0] if fault else None
            if mode == "500-then-ok":
                if fault[1] > 0:
                    fault[1] -= 1
                else:
                    mode = None
        file = os.path.realpath(os.path.join(self.server.root, path.lstrip("/")))
        inside = file.startswith(self.server.root + os.sep)
        exists = inside and os.path.isfile(file)
        content = open(file, "rb").read() if exists else b""

        if mode in ("500", "500-then-ok"):
            return self.send_body(500, b"internal error\n")
        if mode == "404" or (not exists and mode in (None, "hang", "change")):
            return self.send_body(404, b"404: Not Found\n")
        if mode == "hang":
            time.sleep(self.server.hang_seconds)
        if mode == "redirect-loop":
            self.send_response(302)
            self.send_header("Location", path)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if mode == "truncate":
            self.send_response(200)
            self.send_header("ETag", etag_of(content + b"truncated"))
            self.send_header("Content-Length", str(len(content)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(content[: len(content) // 2])
            self.wfile.flush()
            self.close_connection = True
            return None
        if mode in ("oversize", "oversize-nolength"):
            body = digest_of_size(2 << 20)
            return self.send_body(200, body, etag_of(body), length=(mode == "oversize"))
        if mode == "invalid-utf8":
            body = content[:40] + b"\xff\xfe\xc3(" + content[40:]
            return self.send_body(200, body, etag_of(body))
        if mode == "garbage":
            body = b"<html><body><h1>Rate limited</h1><p>Try again later.</p></body></html>\n"
            return self.send_body(200, body, etag_of(body))
        if mode == "change":
            content = content + b"\n<!-- changed upstream -->\n"

        etag = etag_of(content)
        mtime = os.path.getmtime(file)
        last_modified = email.utils.formatdate(mtime, usegmt=True)
        if mode is None or mode in ("hang", "change"):
            if self.not_modified(etag, mtime):
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return None
        return self.send_body(200, content, etag, last_modified)

    do_HEAD = do_GET

    def not_modified(self, etag, mtime):
        match = self.headers.get("If-None-Match")
        if match is not None:
            return etag in [tag.strip() for tag in match.split(",")] or match.strip() == "*"
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                return int(mtime) <= email.utils.parsedate_to_datetime(since).timestamp()
            except (TypeError, ValueError):
                return False
        return False


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A client that gives up (timeout, size limit) is what the tests want.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def etag_of(body):
    return '"' + hashlib.sha1(body).hexdigest()[:20] + '"'


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", required=True, help="directory holding paper_logs/")
    parser.add_argument("--hang-seconds", type=float, default=10.0)
    parser.add_argument("--fault", action="append", default=[], help="PATH=MODE[:COUNT]")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    for spec in args.fault:
        path, _, mode = spec.partition("=")
        mode, _, count = mode.partition(":")
        FAULTS[path] = [mode, int(count or 1)]

    server = Server(("127.0.0.1", 0), Handler)
    server.root = os.path.realpath(args.root)
    server.hang_seconds = args.hang_seconds
    server.verbose = args.verbose
    print(server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
