# Varnish 7.1 in front of `dateline serve` (docs/front-cache.md). Run with
#   varnishd -a :6081 -f dateline.vcl -s malloc,1g -p http_gzip_support=off
#
# Caches what Dateline marks `Cache-Control: public` for as long as its max-age, indexes each
# copy by the keys of its `Surrogate-Key` header (vmod xkey, Debian's varnish-modules), and
# drops copies by key when Dateline sends `PURGE` with an `xkey` header listing keys.
# Everything else (the desk, accounts, forms, POSTs, live sockets) goes straight through.
vcl 4.1;

import std;
import xkey;

# The Dateline server: the HOST and PORT of `dateline serve` (edit both lines).
backend dateline {
    .host = "127.0.0.1";
    .port = "8000";
    .first_byte_timeout = 60s;
    .probe = {
        .url = "/health/live/";
        .interval = 5s;
        .timeout = 2s;
        .window = 5;
        .threshold = 3;
        .initial = 3;
    }
}

# Who may purge: this machine, plus the addresses of every Dateline server and worker
# that lists this cache in FRONT_CACHE_PURGE_URLS (add them here, e.g. "10.0.0.0"/24;).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey) {
            return (synth(400, "PURGE needs an xkey header listing keys"));
        }
        set req.http.n-gone = xkey.purge(req.http.xkey);
        return (synth(200, "Purged " + req.http.n-gone));
    }
    unset req.http.xkey;

    # Live pages' WebSocket: a tunnel to the server, never a cached answer.
    if (req.http.Upgrade ~ "(?i)websocket") {
        return (pipe);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The desk, accounts, previews, machines' and devices' endpoints, health checks: per
    # person or per call, whatever they answer. Their cookies go through untouched.
    if (req.url ~ "^/(admin|preview|api|wire|push|analytics|health|mail)/"
        || req.url ~ "^/[a-z]{2,3}(-[A-Za-z0-9]+)?/account/"
        || req.http.Authorization) {
        return (pass);
    }

    # Where a reader came from (utm_*, fbclid, gclid...) is read by the browser, never by a
    # page: the same copy serves every shared link. The same list as reader/pagecache.py.
    set req.url = regsuball(req.url, "(?<=[?&])(utm_[A-Za-z_]{1,30}|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok|ref_src|s_cid)(=[^&]*)?(&|$)", "");
    set req.url = regsub(req.url, "[?&]+$", "");
    # Only the query a reader's page reads (?page=N) makes a copy of its own; any other
    # query string would let anyone fill the cache, so it is answered by the server.
    if (req.url ~ "\?" && req.url !~ "\?page=[1-9][0-9]{0,8}$") {
        return (pass);
    }

    # One copy per encoding the server sends (it varies by Accept-Encoding): gzip or none.
    # Run varnishd with -p http_gzip_support=off to keep both, and send each as stored
    # rather than unzip the gzip copy for every client that does not take it.
    if (req.http.Accept-Encoding ~ "\bgzip\b") {
        set req.http.Accept-Encoding = "gzip";
    } else {
        unset req.http.Accept-Encoding;
    }

    # Past its max-age a copy is served while a fresh one is fetched (stale-while-
    # revalidate) for 10 s; while the server fails its health check, for up to 6 h.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    # Cookies stay on the request: a page the server renders for a cookie is cached only
    # when it answers it as public (the same for every reader) and sets no cookie.
    return (hash);
}

sub vcl_hash {
    # A page asked over plain HTTP may be answered with a redirect to HTTPS (by the scheme
    # the TLS terminator reports): never the same copy as the page over HTTPS.
    hash_data(req.http.X-Forwarded-Proto);
    # then the address and host, as Varnish's own vcl_hash does
}

sub vcl_pipe {
    # pipe_timeout (60 s idle) outlasts the live page's 25 s heartbeat
    if (req.http.Upgrade) {
        set bereq.http.Upgrade = req.http.Upgrade;
        set bereq.http.Connection = req.http.Connection;
    }
}

sub vcl_backend_response {
    if (bereq.uncacheable) {
        return (deliver);
    }
    # Only what the server says is the same for everyone; never a response that sets a
    # cookie or depends on one. Not cacheable now: asked of the server for the next 10 s.
    if (beresp.http.Cache-Control !~ "(?i)(^|,)\s*public\s*(,|$)"
        || beresp.http.Cache-Control ~ "(?i)private|no-store|no-cache"
        || beresp.http.Set-Cookie
        || beresp.http.Vary ~ "(?i)cookie|\*"
        || beresp.ttl <= 0s) {
        set beresp.ttl = 10s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # The keys this copy is purged by (xkey reads its own header on the stored copy).
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
        unset beresp.http.Surrogate-Key;
    }
    set beresp.grace = 6h;
    return (deliver);
}

sub vcl_deliver {
    # Keys are between Dateline and its caches; readers and other caches get none.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    }
}
