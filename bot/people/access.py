"""Who may do what. Owners may do everything organizers may; organizers everything curators may."""

from __future__ import annotations

from collections.abc import Iterable

OWNER = "owner"
ORGANIZER = "organizer"
CURATOR = "curator"

_IMPLIED = {OWNER: {OWNER, ORGANIZER, CURATOR}, ORGANIZER: {ORGANIZER, CURATOR}, CURATOR: {CURATOR}}

# Commands beyond a learner's, and the role each needs: for the command menu only. Access itself
# is by structure (bot/telegram/staff.py); tests/test_staff_access.py checks that the two agree.
STAFF_COMMANDS: dict[str, str] = {
    "cohorts": CURATOR,
    "review": CURATOR,
    "results": CURATOR,
    "newcohort": ORGANIZER,
    "import": ORGANIZER,
    "delivery": ORGANIZER,
    "livequiz": CURATOR,
    "stats": CURATOR,
    "export": CURATOR,
    "bindgroup": ORGANIZER,
    "broadcast": ORGANIZER,
    "certificates": ORGANIZER,
    "certissue": ORGANIZER,
    "certrevoke": ORGANIZER,
    "certreissue": ORGANIZER,
    "roles": OWNER,
    "grant": OWNER,
    "status": OWNER,
}


def effective(roles: Iterable[str]) -> frozenset[str]:
    granted: set[str] = set()
    for role in roles:
        granted |= _IMPLIED.get(role, set())
    return frozenset(granted)


def allowed(roles: Iterable[str], needed: str) -> bool:
    return needed in effective(roles)


def commands_for(roles: Iterable[str]) -> tuple[str, ...]:
    have = effective(roles)
    return tuple(name for name, needed in STAFF_COMMANDS.items() if needed in have)
