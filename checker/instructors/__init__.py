"""Instructors' tools around the checker: batch grading, the gradebook, the student release.

python -m checker.instructors.batch SUBMISSIONS... --out DIR
python -m checker.instructors.gradebook REPORTS... [--csv grades.csv]
python -m checker.instructors.export DEST
"""
