from __future__ import annotations

import pytest

from minami_desk.data.db import Database
from minami_desk.errors import PermissionDeniedError, ValidationError
from minami_desk.services.actor import Actor
from minami_desk.services.organisations import (
    OrganisationData,
    get_organisation,
    list_organisations,
    save_organisation,
)

PREFILLED = {
    "Buurtteam Amsterdam Zuidoost",
    "Ouder- en Kindteam",
    "Steunpunt jonge mantelzorgers",
    "Schuldhulpverlening Amsterdam",
    "Voedselbank Amsterdam",
    "Het Juridisch Loket",
    "GGD Amsterdam",
    "Huisarts",
    "Jongerenwerk Zuidoost",
    "Taalcursus/Taalhuis",
}


def test_the_directory_is_prefilled_without_invented_contact_details(db: Database) -> None:
    directory = list_organisations(db)
    assert {row.name for row in directory} == PREFILLED
    for row in directory:
        assert row.kind, row.name
        assert (row.address, row.phone, row.email, row.website, row.opening_hours) == (
            "",
            "",
            "",
            "",
            "",
        ), row.name
        assert not row.has_contact_details
        assert row.notes == ""


def test_search_ignores_case_and_accents(db: Database, staff_actor: Actor) -> None:
    save_organisation(db, staff_actor, OrganisationData(name="Café de Ontmoeting", kind="Inloop"))
    assert [row.name for row in list_organisations(db, "cafe")] == ["Café de Ontmoeting"]
    assert [row.name for row in list_organisations(db, "JURIDISCH")] == ["Het Juridisch Loket"]
    assert [row.name for row in list_organisations(db, "jeugd gezin")] == ["Ouder- en Kindteam"]


def test_the_centre_fills_in_contact_details(db: Database, staff_actor: Actor) -> None:
    (loket,) = list_organisations(db, "juridisch loket")
    save_organisation(
        db,
        staff_actor,
        OrganisationData(
            name=loket.name,
            kind=loket.kind,
            phone="020 000 0000",
            email="balie@voorbeeld.nl",
            website="www.voorbeeld.nl",
            opening_hours="ma–vr 9–17",
        ),
        loket.id,
    )
    saved = get_organisation(db, loket.id)
    assert (saved.phone, saved.email, saved.opening_hours) == (
        "020 000 0000",
        "balie@voorbeeld.nl",
        "ma–vr 9–17",
    )


def test_bad_input_is_refused_and_nothing_changes(db: Database, staff_actor: Actor) -> None:
    (ggd,) = list_organisations(db, "GGD")
    with pytest.raises(ValidationError) as error:
        save_organisation(
            db,
            staff_actor,
            OrganisationData(name="huisarts", phone="bel maar", email="geen", website="x"),
            ggd.id,
        )
    assert set(error.value.errors) == {"name", "phone", "email", "website"}
    assert "al een instantie" in error.value.errors["name"]
    assert get_organisation(db, ggd.id) == ggd


def test_volunteers_may_read_but_not_change_the_directory(db: Database, volunteer: Actor) -> None:
    assert list_organisations(db)
    with pytest.raises(PermissionDeniedError):
        save_organisation(db, volunteer, OrganisationData(name="Nieuw"))
