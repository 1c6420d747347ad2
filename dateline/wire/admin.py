from dateline.wire.outgoing import admin as outgoing  # noqa: F401  (partner keys)
