"""Reference solutions for backprop-kata. Instructors only: never ship this folder to students."""
