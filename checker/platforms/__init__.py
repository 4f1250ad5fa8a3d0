"""Grading platforms around the checker: GitHub Actions, Classroom 50 and Gradescope.

Each turns the checker's JSON report into its platform's result format through one shared
function (result.py), with integer points. See the README's "Autograding" section.
Only the standard library is imported at the top of these modules: a platform must be able to
report a failed installation when numpy, pytest or rich are missing.
"""
