"""Training the student's own network (`python -m checker train`): not part of grading.

train.py holds the book's training loop and the command; curves.py draws curves in a terminal.
"""
