# Formats of our own, looked up by name through Django's format modules.
DATELINE_FORMAT = "j E"  # "10 декабря": E is the genitive month name
NEWSFEED_DAY_FORMAT = "j E"
DATE_FORMAT = "j E Y г."
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j E Y г., H:i"
