"""One rules check with what this desk has stored: the policies, the wage figures and holidays users added,
the district settings; the verdict report and the wage preview built on it."""
