"""Mi na Mi Desk: the desk program of neighbourhood centre Mi na Mi in Amsterdam Zuidoost."""

__version__ = "0.1.0"
APP_NAME = "Mi na Mi Desk"
APP_ID = "minami-desk"
