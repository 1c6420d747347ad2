"""Email subscriptions: newsletters (the daily digest) and breaking alerts by email."""
