"""The command line: :mod:`._main` runs it, :mod:`._inbox` reads its input files.

This package module imports neither, so that :class:`interviewdecide.Inbox` (which
lives in :mod:`._inbox`) loads without the argument parser.
"""
