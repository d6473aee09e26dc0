"""Staff and residents: names, ages, addresses, phones, search keys and AVG consents."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from minami_desk.services.demo import texts
from minami_desk.services.demo.core import Plan, Writer, at, birthday, years_between
from minami_desk.services.demo.names import PersonName, person_name, relative_name
from minami_desk.services.residents import name_tokens, sort_key
from minami_desk.services.text import fold

# Letters Dutch postcodes use (no F, I, O, Q, U, Y; never SA, SD or SS).
_POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"
_FORBIDDEN_PAIRS = {"SA", "SD", "SS"}
# Rough share of the centre's visitors per postcode district.
_DISTRICT_WEIGHTS = {
    "1101": 3, "1102": 16, "1103": 14, "1104": 14, "1105": 10,
    "1106": 12, "1107": 10, "1108": 9, "1109": 2,
}  # fmt: skip
# Age today: (lowest, highest, weight); 12-year-olds up to 90-year-olds come to the centre.
_AGE_BANDS = ((12, 17, 16), (18, 26, 13), (27, 44, 27), (45, 64, 28), (65, 90, 16))
GUARDIAN_AGE = 16
SELF = "bewoner zelf"


@dataclass(slots=True)
class Person:
    """What the rest of the generator needs to know about one resident."""

    id: int
    name: PersonName
    female: bool
    birth: date
    registered_on: date
    has_phone: bool
    by_guardian: bool
    guardian: str
    created: datetime  # the moment of registration at the desk


@dataclass(frozen=True)
class StaffMember:
    id: int
    role: str
    name: str


def make_staff(plan: Plan, writer: Writer, residents: int, taken: set[str]) -> list[StaffMember]:
    """One beheerder, a few coaches (medewerkers) and volunteers, more for a bigger centre."""
    rng = plan.rng
    coaches = max(3, min(12, 3 + residents // 4000))
    volunteers = max(4, min(20, 4 + residents // 2500))
    roles = ["beheerder"] + ["medewerker"] * coaches + ["vrijwilliger"] * volunteers
    moment = at(plan.start, 9)
    used = set(taken)
    staff = []
    for role in roles:
        name = person_name(rng, female=rng.random() < 0.65, young=False)
        username = (
            "".join(fold(name.first_name).split()) + "." + "".join(fold(name.last_name).split())
        )
        while username in used:
            username += str(rng.randint(1, 9))
        used.add(username)
        staff_id = plan.next_id("staff")
        writer.add(
            "staff",
            {
                "id": staff_id,
                "username": username,
                "display_name": name.full,
                "role": role,
                "password_hash": None,
                "active": True,
                "failed_sign_ins": 0,
                "locked_until": None,
                "created_at": moment,
                "updated_at": moment,
            },
        )
        staff.append(StaffMember(staff_id, role, name.full))
    return staff


def _birth_date(plan: Plan) -> date:
    rng = plan.rng
    low, high, _weight = rng.choices(_AGE_BANDS, weights=[band[2] for band in _AGE_BANDS])[0]
    age = rng.randint(low, high)
    latest = birthday(plan.today, -age)  # turned ``age`` today at the latest
    return latest - timedelta(days=rng.randint(0, 364))


def _postcode(plan: Plan) -> tuple[str, str | None]:
    """A Zuidoost postcode ("1102 AB") and its wijk from the editable postcode table."""
    rng = plan.rng
    areas = plan.reference.areas
    if areas:
        weights = [_DISTRICT_WEIGHTS.get(prefix[:4], 2) for prefix, _wijk in areas]
        prefix, wijk = rng.choices(areas, weights=weights)[0]
    else:
        prefix, wijk = rng.choice(list(_DISTRICT_WEIGHTS)), None
    return _complete_postcode(plan, prefix), wijk


def _complete_postcode(plan: Plan, prefix: str) -> str:
    rng = plan.rng
    letters = prefix[5:] if len(prefix) > 4 else ""
    while True:
        pair = letters + "".join(rng.choice(_POSTCODE_LETTERS) for _ in range(2 - len(letters)))
        if pair not in _FORBIDDEN_PAIRS:
            return f"{prefix[:4]} {pair}"


# Dutch mobile numbers start 06-1 to 06-5 or 06-8; 06-6 is for pagers and 06-7/06-9 are not
# given to people, so the program's own validation (the numbering plan) refuses them.
_MOBILE_FIRST_DIGITS = "123458"


def _mobile(plan: Plan) -> tuple[str, str]:
    """A Dutch mobile number: E.164 for storage, national digits for search."""
    # One draw, as before, so the other fields of a seeded demo stay what they were.
    drawn = plan.rng.randrange(len(_MOBILE_FIRST_DIGITS) * 10_000_000)
    first, rest = divmod(drawn, 10_000_000)
    subscriber = f"{_MOBILE_FIRST_DIGITS[first]}{rest:07d}"
    return f"+316{subscriber}", f"06{subscriber}"


def _gender(draw: float, female: bool) -> str:
    if draw < 0.01:
        return "other"
    if draw < 0.04:
        return "undisclosed"
    return "female" if female else "male"


def _age_group(age: int) -> str:
    if age < 18:
        return "12-17"
    if age < 27:
        return "18-26"
    return "27-64" if age < 65 else "65+"


def make_residents(
    plan: Plan, writer: Writer, count: int, staff: list[StaffMember]
) -> list[Person]:
    """Residents numbered 1..count, registered across the period (never before they are 12)."""
    rng = plan.rng
    desk = [member.id for member in staff if member.role != "beheerder"]
    areas = plan.reference.areas
    wijk_order = sorted({wijk for _prefix, wijk in areas})
    people: list[Person] = []
    drafts = []
    for index in range(count):
        female = rng.random() < 0.58
        birth = _birth_date(plan)
        earliest = max(plan.start, birthday(birth, 12))
        registered_on = plan.day_between(earliest, plan.today)
        drafts.append((registered_on, index, female, birth))
    drafts.sort()  # resident numbers follow the order of registration
    for number, (registered_on, index, female, birth) in enumerate(drafts, start=1):
        age_now = years_between(birth, plan.today)
        name = person_name(rng, female, young=age_now < 30)
        postcode, wijk = _postcode(plan)
        if index < len(wijk_order):  # every wijk occurs, however small the demo
            prefix = next(p for p, w in areas if w == wijk_order[index])
            postcode, wijk = _complete_postcode(plan, prefix), wijk_order[index]
        has_phone = rng.random() < 0.88
        phone, digits = _mobile(plan) if has_phone else (None, None)
        age_at_registration = years_between(birth, registered_on)
        by_guardian = age_at_registration < GUARDIAN_AGE
        guardian = ""
        guardian_phone = None
        if by_guardian:
            guardian = relative_name(rng, name, female=rng.random() < 0.7).full
            guardian_phone = _mobile(plan)[0] if rng.random() < 0.9 else None
        known_birth = age_at_registration < 27 or rng.random() < 0.96
        created = plan.office_time(registered_on)
        resident_id = plan.next_id("resident")
        email = None
        if rng.random() < 0.35:
            local = ".".join(fold(f"{name.first_name} {name.last_name}").split())
            email = f"{local}@example.{rng.choice(('com', 'net', 'org'))}"
        writer.add(
            "resident",
            {
                "id": resident_id,
                "number": number,
                "first_name": name.first_name,
                "infix": name.infix,
                "last_name": name.last_name,
                "sort_key": sort_key(name.first_name, name.infix, name.last_name),
                "birth_date": birth if known_birth else None,
                "age_group": None if known_birth else _age_group(age_now),
                "gender": _gender(rng.random(), female),
                "phone": phone,
                "phone_digits": digits,
                "email": email,
                "postcode": postcode if rng.random() < 0.97 else None,
                "wijk": wijk,
                "languages": ", ".join(name.origin.languages),
                "found_via": rng.choice(texts.FOUND_VIA),
                "note": rng.choice(texts.RESIDENT_NOTES),
                "registered_on": registered_on,
                "minor_free_help": by_guardian and rng.random() < 0.1,
                "guardian_name": guardian or None,
                "guardian_phone": guardian_phone,
                "archived_at": None,
                "anonymised_at": None,
                "merged_into_id": None,
                "created_at": created,
                "updated_at": created,
            },
        )
        for token in sorted(name_tokens(name.first_name, name.infix, name.last_name)):
            writer.add("resident_search_token", {"resident_id": resident_id, "token": token})
        person = Person(
            resident_id,
            name,
            female,
            birth,
            registered_on,
            has_phone,
            by_guardian,
            guardian,
            created,
        )
        _consents(plan, writer, person, created, rng.choice(desk))
        people.append(person)
    return people


def _consents(
    plan: Plan, writer: Writer, person: Person, moment: datetime, recorded_by: int
) -> None:
    """Registration always; photos and contact often; under-16s sign through a guardian."""
    rng = plan.rng
    kinds = ["registration"]
    if rng.random() < 0.6:
        kinds.append("photos")
    if person.has_phone and rng.random() < 0.75:
        kinds.append("contact_phone")
    if person.has_phone and rng.random() < 0.5:
        kinds.append("contact_whatsapp")
    for kind in kinds:
        withdrawn_at = None
        note = ""
        if kind == "photos" and rng.random() < 0.04:
            withdrawn_on = plan.day_between(person.registered_on, plan.today)
            withdrawn_at = plan.office_time(withdrawn_on)
            withdrawn_at = max(withdrawn_at, moment)
            note = "Wil niet meer op foto's."
        add_consent(plan, writer, person, kind, moment, recorded_by, withdrawn_at, note)


def add_consent(
    plan: Plan,
    writer: Writer,
    person: Person,
    kind: str,
    moment: datetime,
    recorded_by: int | None,
    withdrawn_at: datetime | None = None,
    note: str = "",
) -> None:
    by_guardian = years_between(person.birth, moment.date()) < GUARDIAN_AGE
    guardian = SELF
    if by_guardian:
        guardian = person.guardian or relative_name(plan.rng, person.name, True).full
    writer.add(
        "consent",
        {
            "id": plan.next_id("consent"),
            "resident_id": person.id,
            "kind": kind,
            "given": True,
            "given_at": moment,
            "given_by": guardian,
            "by_guardian": by_guardian,
            "recorded_by_id": recorded_by,
            "withdrawn_at": withdrawn_at,
            "withdrawn_note": note,
        },
    )
