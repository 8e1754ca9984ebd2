"""Voila apps: the live interviewer console and the candidate capture page."""

from __future__ import annotations

from labkit.apps.interview import AppOptions, candidate_app, interviewer_app

__all__ = ["AppOptions", "candidate_app", "interviewer_app"]
