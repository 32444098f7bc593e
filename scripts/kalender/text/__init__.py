"""Texts the platforms' way: counting, X's weighted length, phrases, legal-product citations."""
