"""Beheer → Het centrum: the centre's name and details."""
