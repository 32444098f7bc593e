"""Public conversations (SOP E.1 d-f, F): the comments the public leaves on uploaded posts.

Layers, top to bottom: :mod:`.importer` (files -> stored comments, tied to posts by their
upload URLs), :mod:`.answers` (draft -> approved -> posted), :mod:`.store` (the
``<post>.percakapan.yml`` files), :mod:`.parse` (the platforms' API responses and the CSV
template), :mod:`.classify` (class, sentiment, topics, legal products), :mod:`.model`.
docs/percakapan.md is the team's guide.
"""
