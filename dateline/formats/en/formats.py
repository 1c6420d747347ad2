# Formats of our own, looked up by name through Django's format modules.
DATELINE_FORMAT = "F j"  # "December 10" in a story's dateline
NEWSFEED_DAY_FORMAT = "M j"
DATE_FORMAT = "F j, Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "F j, Y, H:i"
