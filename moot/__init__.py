"""Moot: committee management for local councils."""
