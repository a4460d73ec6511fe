"""Prioritisation: the best plan the frames allow, and why the rest is left out."""
