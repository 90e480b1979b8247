"""Employees: profiles stored and read back, the list's summaries and cached statuses, the per-employee
case the window renders, business applications, merging a stale edit, and undo of destructive actions."""
