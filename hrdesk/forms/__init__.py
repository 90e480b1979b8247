"""The forms and checklists printed to sign by hand, filled from one employee's check."""
