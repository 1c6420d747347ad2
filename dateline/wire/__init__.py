"""The wire desk: agency copy in (feeds, ingest, items and their versions, deduplication, the
monitor, taking an item into a story) and our copy out (the partner API)."""
