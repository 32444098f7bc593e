"""The weekly meeting (SOP E.1.c): its view and the minutes' scaffold."""
