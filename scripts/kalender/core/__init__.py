"""The model and what it is read from: calendar data, posts, schema, YAML, dates, errors, i18n.

No click, mkdocs, starlette, fpdf or matplotlib here (import-linter contract)."""
