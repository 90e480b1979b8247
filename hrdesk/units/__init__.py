"""Employers (用人单位) and their agents (经办人): stored facts, the rules checks that concern them."""
