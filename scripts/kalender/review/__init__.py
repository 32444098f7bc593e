"""``kalender review``: comments, paraf and approval from the preview pages, on the office
network. A Starlette application (:mod:`.app`) served by uvicorn; accounts in :mod:`.users`;
sessions, CSRF and the login limit in :mod:`.security`; rebuilds in :mod:`.sitebuild`.
Every action goes through :func:`kalender.workflow.actions.perform`, like the command line."""
