"""Photos, videos and cards: the image pipeline, its caches and thumbnails, the JDIH cards."""
