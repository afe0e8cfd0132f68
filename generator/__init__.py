"""Dateline: news articles in, a dated and sourced event timeline out."""

__version__ = "0.1.0"
