"""The one table of screens (``ui/shell/screens.py``): every name in it exists, and each role
gets the menus it had before the table replaced the per-module specs."""

from __future__ import annotations

from minami_desk.services.actor import Actor
from minami_desk.ui.shell import screens


def test_every_screen_in_the_table_can_be_loaded() -> None:
    targets = [spec.target for spec in screens.SECTIONS + screens.TODAY_PANELS]
    targets += [spec.target for spec in screens.ADMIN_PAGES]
    targets += [item.target for item in screens.ACTIONS if isinstance(item, screens.ActionSpec)]
    targets += [spec.install for spec in screens.SECTIONS if spec.install]
    targets += screens.INSTALLERS
    for target in targets:
        assert callable(screens.resolve(target)), target
    keys = [spec.key for spec in screens.SECTIONS]
    assert len(keys) == len(set(keys))


def _file_menu(role: str) -> list[str]:
    items = screens.menus(Actor.for_staff(1, role, "Test")).get("file", [])
    return [
        "---" if isinstance(item, screens.Separator) else item.text.replace("&", "")
        for item in items
    ]


def test_a_separator_shows_only_between_two_shown_neighbours() -> None:
    # GIVEN the administrator, who may use every action
    # THEN the File menu has its three groups apart
    assert _file_menu("beheerder") == [
        "New resident…",
        "Register walk-in…",
        "Plan a session…",
        "Import residents…",
        "Export residents…",
        "---",
        "Print certificates…",
        "---",
        "Switch user…",
        "---",
        "Make a backup…",
        "Change password…",
        "Lock",
        "Restore a backup…",
    ]
    # GIVEN a staff member, who may not make backups
    # THEN the line before "Make a backup" goes with it
    assert _file_menu("medewerker")[-4:] == ["---", "Switch user…", "Change password…", "Lock"]
    # GIVEN a volunteer, who neither exports nor prints certificates
    # THEN no line is left between the remaining actions
    assert "---" not in _file_menu("vrijwilliger")


def test_each_role_sees_its_sections_panels_and_pages_in_table_order() -> None:
    volunteer = Actor.for_staff(1, "vrijwilliger", "Test")
    admin = Actor.for_staff(1, "beheerder", "Test")
    assert [s.key for s in screens.sections(volunteer)] == ["today", "residents", "sessions"]
    assert [p.key for p in screens.today_panels(volunteer)] == [
        "desk",
        "desk_contacts",
        "sessions_today",
    ]
    assert [s.key for s in screens.sections(admin)][-1] == "admin"
    assert [p.key for p in screens.admin_pages(admin)][:2] == ["centre", "staff"]
    assert screens.admin_pages(volunteer) == []
    # The navigation hooks of the sections one may open, then the ones every role needs.
    assert screens.installers(volunteer) == [
        "minami_desk.ui.desk.section:install",
        "minami_desk.ui.sessions.section:install",
        *screens.INSTALLERS,
    ]
