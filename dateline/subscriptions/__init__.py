"""Reaching readers off the site: newsletters, breaking alerts, web push, feed pings."""
