"""Readers turn runs of blocks into structured items: sidebar cards from the text's shape."""
