"""Web push for breaking alerts: readers' devices subscribed per edition, VAPID keys of our
own, notifications sent by jobs with pywebpush (docs/push.md)."""
