"""The calendar site as plain data: calendar views, previews, incremental manifest, feed, icons."""
