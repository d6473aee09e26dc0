"""Walk-ins and calls with their help requests, and the referrals that follow from some."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import Connection, select

from minami_desk.data.models import Organisation
from minami_desk.data.models.base import table_of
from minami_desk.services.demo import texts
from minami_desk.services.demo.core import Plan, Writer, at
from minami_desk.services.demo.people import Person

ORGANISATION_NAMES = tuple(texts.REFERRAL_REASONS)
_CHANNELS = ("walk_in", "phone", "whatsapp", "email", "home_visit", "other")
_CHANNEL_WEIGHTS = (55, 20, 15, 5, 4, 1)
_EXTRA_CONTACTS = (0, 0, 0, 1, 1, 2, 3, 5)


def organisations(connection: Connection, plan_start: date) -> dict[str, int]:
    """The agencies by name, created when missing; contact details stay empty on purpose."""
    table = table_of(Organisation)
    found = {name: id_ for name, id_ in connection.execute(select(table.c.name, table.c.id))}
    moment = at(plan_start, 9)
    for name in ORGANISATION_NAMES:
        if name not in found:
            result = connection.execute(
                table.insert().values(name=name, created_at=moment, updated_at=moment)
            )
            key = result.inserted_primary_key
            if key is None:
                raise RuntimeError("the database returned no id for a new organisation")
            found[name] = key[0]
    return {name: found[name] for name in ORGANISATION_NAMES}


def make_contacts(
    plan: Plan, writer: Writer, people: list[Person], handlers: list[int]
) -> dict[int, list[tuple[date, int]]]:
    """Contacts per resident: often one on the day of registration, some later ones.

    Returns each resident's contacts as (day, contact id), used to link stories and referrals.
    """
    rng = plan.rng
    themes = plan.reference.themes
    by_person: dict[int, list[tuple[date, int]]] = {}
    for person in people:
        days = []
        if rng.random() < 0.7:
            days.append(person.registered_on)
        for _ in range(rng.choice(_EXTRA_CONTACTS)):
            days.append(plan.day_between(person.registered_on, plan.today))
        for day in sorted(days):
            contact_id = plan.next_id("contact")
            moment = plan.office_time(day)
            if day == person.registered_on:  # the help request follows the registration
                moment = person.created + timedelta(minutes=rng.randint(2, 20))
            wanted = rng.choices((1, 2, 3), weights=(60, 30, 10))[0]
            chosen = rng.sample(themes, min(wanted, len(themes)))
            chosen.sort()
            codes = [code for _theme_id, code in chosen]
            request = " ".join(rng.choice(texts.HELP_REQUESTS.get(code, ("",))) for code in codes)
            follow_up = done = None
            if rng.random() < 0.3:
                follow_up = day + timedelta(days=rng.randint(7, 21))
                if follow_up < plan.today and rng.random() < 0.85:
                    done = max(moment, plan.office_time(follow_up))
            writer.add(
                "contact",
                {
                    "id": contact_id,
                    "resident_id": person.id,
                    "contact_at": moment,
                    "channel": rng.choices(_CHANNELS, weights=_CHANNEL_WEIGHTS)[0],
                    "help_request": request.strip(),
                    "handled_by_id": rng.choice(handlers),
                    "follow_up_on": follow_up,
                    "follow_up_done_at": done,
                    "created_at": moment,
                    "updated_at": done or moment,
                },
            )
            for theme_id, _code in chosen:
                writer.add("contact_theme", {"contact_id": contact_id, "theme_id": theme_id})
            by_person.setdefault(person.id, []).append((day, contact_id))
            if chosen and rng.random() < 0.22:
                _referral(plan, writer, person, (contact_id, day, moment), chosen, handlers)
    return by_person


def _referral(
    plan: Plan,
    writer: Writer,
    person: Person,
    contact: tuple[int, date, datetime],
    themes: list[tuple[int, str]],
    handlers: list[int],
) -> None:
    rng = plan.rng
    theme_id, code = rng.choice(themes)
    name = rng.choice(texts.THEME_ORGANISATIONS.get(code, ORGANISATION_NAMES[:1]))
    contact_id, day, moment = contact
    age = (day - person.birth).days // 365
    if name == "Jongerenwerk Zuidoost" and age > 26:
        name = "Buurtteam Amsterdam Zuidoost"
    follow_up = day + timedelta(days=rng.randint(10, 28))
    age_days = (plan.today - day).days
    if age_days < 21:
        status = "referred"
    elif age_days > 120:
        # Staff follow referrals up: after four months every one has an outcome.
        status = rng.choices(("helped", "not_helped", "unknown"), weights=(60, 15, 25))[0]
    else:
        status = rng.choices(
            ("helped", "contact_made", "not_helped", "unknown", "referred"),
            weights=(50, 20, 10, 10, 10),
        )[0]
    closed_on = None
    if status in ("helped", "not_helped", "unknown"):
        closed_on = min(plan.today, follow_up + timedelta(days=rng.randint(0, 30)))
    updated = at(closed_on, 15) if closed_on else moment
    referral_id = plan.next_id("referral")
    writer.add(
        "referral",
        {
            "id": referral_id,
            "resident_id": person.id,
            "contact_id": contact_id,
            "organisation_id": plan.reference.organisations[name],
            "referred_on": day,
            "reason": texts.REFERRAL_REASONS[name],
            "handover": rng.choices(
                ("called_together", "accompanied", "address_only"), weights=(45, 15, 40)
            )[0],
            "follow_up_on": follow_up,
            "status": status,
            "outcome_note": rng.choice(texts.REFERRAL_OUTCOMES[status]),
            "staff_id": rng.choice(handlers),
            "closed_on": closed_on,
            "created_at": moment,
            "updated_at": max(updated, moment),
        },
    )
    writer.add("referral_theme", {"referral_id": referral_id, "theme_id": theme_id})
