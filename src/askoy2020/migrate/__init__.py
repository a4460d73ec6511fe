"""Migrations of the data folder's records to a newer format."""
