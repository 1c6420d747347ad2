"""The demo edition: invented stories in English and Russian for an empty site (`dateline demo`).

It loads through the newsroom's actions, as the desk does; no other app imports it.
"""
