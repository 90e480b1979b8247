"""Materials: the slots an employee's documents fill, their files in the vault, the trash, the scan checks
on attach and the offline reading of scans (inspection)."""
