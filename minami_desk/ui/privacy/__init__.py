"""Privacy: retention periods, the audit log, inzage and erasure, the processing register."""
