"""Public conversations (SOP E.1 d-f, F): the comments the public leaves on uploaded posts.

Top to bottom: :mod:`.importer` (files -> stored comments, tied to posts by their upload
URLs), :mod:`.answers` (draft -> approved -> posted), :mod:`.views` (what the inbox, the
listening page and each post page show) and :mod:`.summary` (the report's figures),
:mod:`.canned` (``calendar/jawaban-siap.yml``), :mod:`.store` (the ``<post>.percakapan.yml``
files), :mod:`.parse` (the platforms' API responses and the CSV template), :mod:`.classify`
(class, sentiment, topics, legal products), :mod:`.model`. docs/percakapan.md is the team's
guide.
"""
