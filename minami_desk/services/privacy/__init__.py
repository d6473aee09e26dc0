"""The residents' rights under the AVG: inzage, erasure, retention, consent and the register."""
