"""Our copy out: published stories for partners as IPTC ninjs 2.2 (JSON) and NewsML-G2 2.35
(XML), through the partner API under /api/v1/ and the partner keys the desk hands out.

ninjs.py and newsml.py map a story, markup.py carries its HTML into both, selectors.py reads
what a key may see, keys.py makes, revokes and checks keys, api.py answers partners.
"""
