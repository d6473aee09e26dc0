"""Realistic, fictional demo data of a neighbourhood centre in Amsterdam Zuidoost.

``generate_demo_data`` fills an empty database (deterministic per seed and day);
``make_demo_database`` gives ``minami-desk --demo`` a filled copy in seconds from a cached
template.
"""

from minami_desk.services.demo.generator import generate_demo_data
from minami_desk.services.demo.template import make_demo_database

__all__ = ["generate_demo_data", "make_demo_database"]
