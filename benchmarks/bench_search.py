"""Resident search on 50,000 residents: a typical 3-letter prefix, as the desk types it.

Measures the whole service call the search field makes (``find_residents``: session, indexed
query, first page of 50 hits) for a spread of realistic 3-letter prefixes, then phone,
postcode and two-word queries. Baseline: the same prefixes answered by ``LIKE '%abc%'`` on
the name columns (a full scan), which is what an unindexed search would do.

Without the 10-year database (``benchmarks/make_10y_db.py``) this module builds its own
50,000-resident database with bulk inserts: ``python -m benchmarks.bench_search``.
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, insert, or_, select

from benchmarks.common import DATA, Result, median, p95, timings

PREFIXES = [
    "jan",
    "moh",
    "ama",
    "sah",
    "kof",
    "ban",
    "ram",
    "ozt",
    "dew",
    "bak",
    "mar",
    "ken",
    "yil",
    "asa",
    "lon",
    "mus",
    "wij",
    "sit",
    "kwa",
    "van",
]
OTHER_QUERIES = ["0612", "06 47", "1102", "1103 AB", "ama mensah", "berg, van den"]
FIRST = [
    "Ama",
    "Kofi",
    "Kwabena",
    "Akosua",
    "Yaw",
    "Dewi",
    "Rajesh",
    "Priya",
    "Sunita",
    "Mohamed",
    "Fatima",
    "Aïcha",
    "Youssef",
    "Mehmet",
    "Ayşe",
    "Şükrü",
    "Zoë",
    "Esmée",
    "Marcia",
    "Chantal",
    "Shanice",
    "Ramon",
    "Jürgen",
    "Naomi",
    "Priscilla",
    "Kenneth",
    "Gerard",
    "Sébastien",
    "Thị Mai",
    "Łucja",
    "Ọlá",
    "Anna",
    "Jan",
    "Pieter",
    "Sanne",
]
LAST = [
    "Mensah",
    "Asante",
    "Owusu",
    "Ɔwusu",
    "Boateng",
    "Mahabier",
    "Ramdin",
    "Soekhai",
    "Kromodimedjo",
    "Sital",
    "Janssen",
    "Jansen",
    "Bakker",
    "Müller",
    "Yilmaz",
    "Öztürk",
    "Şahin",
    "Doğan",
    "El Amrani",
    "Bennani",
    "Martina",
    "Wijnaldum",
    "Lont",
    "Brouwer",
    "Kwakman",
    "Nguyễn",
    "Wąsowska",
    "Adébáyọ̀",
    "Tjon A Fong",
    "Berg",
    "Vries",
    "Dijk",
    "Sedney",
    "Pinas",
    "Biswane",
    "Amankwah",
    "Frankel",
    "Café",
    "Musa",
    "Ken",
]
INFIXES = ["", "", "", "", "van", "de", "van den", "van der", "ter", "El"]


def build_search_db(residents: int = 50_000, seed: int = 7) -> Path:
    """A data dir with ``residents`` residents and their search tokens, built in bulk."""
    from minami_desk.config import resolve_paths
    from minami_desk.data.models import Resident, ResidentSearchToken
    from minami_desk.data.store import open_database
    from minami_desk.services.residents import name_tokens, sort_key

    paths = resolve_paths(DATA / f"search-{residents}")
    if paths.database.exists():
        return paths.data_dir
    paths.ensure()
    db = open_database(paths)
    rng = random.Random(seed)
    rows, tokens = [], []
    for number in range(1, residents + 1):
        first, infix, last = rng.choice(FIRST), rng.choice(INFIXES), rng.choice(LAST)
        phone = f"06{rng.randrange(10_000_000, 99_999_999)}"
        rows.append(
            {
                "id": number,
                "number": number,
                "first_name": first,
                "infix": infix,
                "last_name": last,
                "sort_key": sort_key(first, infix, last),
                "birth_date": date(1940, 1, 1) + timedelta(days=rng.randrange(0, 30_000)),
                "phone": "+31" + phone[1:],
                "phone_digits": phone,
                "postcode": f"110{rng.randrange(1, 9)} " + "".join(rng.choices("ABCDEGHJ", k=2)),
                "registered_on": date(2016, 1, 1) + timedelta(days=rng.randrange(0, 3_600)),
                "languages": "",
                "found_via": "",
                "note": "",
                "minor_free_help": False,
            }
        )
        tokens.extend({"resident_id": number, "token": t} for t in name_tokens(first, infix, last))
    with db.session() as session:
        session.execute(insert(Resident), rows)
        session.execute(insert(ResidentSearchToken), tokens)
    with db.engine.connect() as connection:
        connection.exec_driver_sql("ANALYZE")
    db.dispose()
    return paths.data_dir


def run(data_dir: Path, repeat: int = 15) -> list[Result]:
    from minami_desk.config import resolve_paths
    from minami_desk.data.models import Resident
    from minami_desk.data.store import open_database
    from minami_desk.services.actor import Actor
    from minami_desk.services.residents import find_residents

    db = open_database(resolve_paths(data_dir))
    actor = Actor.system()
    with db.read_session() as session:
        count = session.scalar(select(func.count()).select_from(Resident)) or 0

    def scan(prefix: str) -> list[object]:
        pattern = f"%{prefix}%"
        with db.read_session() as session:
            statement = (
                select(Resident)
                .where(or_(Resident.first_name.like(pattern), Resident.last_name.like(pattern)))
                .order_by(Resident.sort_key)
                .limit(50)
            )
            return list(session.scalars(statement))

    prefix_ms: list[float] = []
    scan_ms: list[float] = []
    for prefix in PREFIXES:
        prefix_ms += timings(lambda p=prefix: find_residents(db, actor, p, 50), repeat)
        scan_ms += timings(lambda p=prefix: scan(p), 3)
    other_ms: list[float] = []
    for query in OTHER_QUERIES:
        other_ms += timings(lambda q=query: find_residents(db, actor, q, 50), repeat)
    db.dispose()
    note = f"{count:,} residents; {len(PREFIXES)} prefixes × {repeat}"
    return [
        Result(
            "search: 3-letter name prefix, first 50 hits",
            median(prefix_ms),
            p95(prefix_ms),
            baseline_name="LIKE '%abc%' scan on the names",
            baseline_ms=median(scan_ms),
            budget_ms=30,
            note=note,
        ),
        Result(
            "search: phone, postcode, two words",
            median(other_ms),
            p95(other_ms),
            budget_ms=30,
            note=f"{count:,} residents; {len(OTHER_QUERIES)} queries × {repeat}",
        ),
    ]


if __name__ == "__main__":
    from benchmarks.__main__ import table

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else build_search_db()
    print(table(run(target)))
