"""hrdesk: Beijing Work Residence Permit workbench for HR staff."""
