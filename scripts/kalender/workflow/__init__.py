"""The approval flow in motion: every move of a post (actions), the gates of the rules that
move must pass, and the SOP's papers (approval sheet, Nota Dinas). Above :mod:`kalender.rules`
because the gates run the rules; :mod:`kalender.approval` below holds the pure flow and the
records."""
