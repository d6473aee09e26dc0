"""PDF and XLSX rendering from plain data that services return. No database, no Qt."""
