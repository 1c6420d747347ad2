"""A demo edition of invented stories for an empty site: the `dateline demo` command."""
