"""Staff access by structure: every staff handler hangs under a router that requires a role.

A feature module builds its router as usual; ``handlers.get_routers`` includes it under the
``owner``, ``organizer`` or ``curator`` router, whose router-level filter on messages and button
presses lets only people with that role in (aiogram checks a router's filters before any of its
handlers or sub-routers). Nothing has to be listed anywhere else: the polite refusal for
everybody else (handlers/staff_guard.py) and the access test discover the staff commands and
button classes by walking these routers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from aiogram import Router
from aiogram.dispatcher.event.handler import HandlerObject
from aiogram.filters import Command, StateFilter
from aiogram.filters.callback_data import CallbackData, CallbackQueryFilter
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import BotCommand

from bot.telegram.filters import HasRole


class StaffRouter(Router):
    """A parent router whose handlers (its own and its sub-routers') require ``role``.

    The filter sits on every kind of update (messages, button presses, and whatever a staff
    feature handles next), errors aside: the error handlers must see every failure.
    """

    def __init__(self, role: str, *children: Router) -> None:
        super().__init__(name=role)
        self.role = role
        for name, observer in self.observers.items():
            if name != "error":
                observer.filter(HasRole(role))
        self.include_routers(*children)


def _tree(router: Router) -> Iterator[Router]:
    yield router
    for child in router.sub_routers:
        yield from _tree(child)


def _inside_a_form(handler: HandlerObject) -> bool:
    """A handler bound to a form's state (say, /cancel in the middle of /grant)."""
    for flt in handler.filters or ():
        callback = flt.callback
        if isinstance(callback, StateFilter | State) or (
            isinstance(callback, type) and issubclass(callback, StatesGroup)
        ):
            return True
    return False


def staff_commands(staff: Iterable[StaffRouter]) -> dict[str, str]:
    """Every command that opens a staff feature, and the role it needs (commands that only act
    inside a staff form, such as its /cancel, are not entry points and are left out)."""
    found: dict[str, str] = {}
    for parent in staff:
        for router in _tree(parent):
            for handler in router.message.handlers:
                if _inside_a_form(handler):
                    continue
                for flt in handler.filters or ():
                    if isinstance(flt.callback, Command):
                        for command in flt.callback.commands:
                            name = command.command if isinstance(command, BotCommand) else command
                            if isinstance(name, str):
                                found.setdefault(name, parent.role)
    return found


def staff_callbacks(staff: Iterable[StaffRouter]) -> dict[type[CallbackData], str]:
    """Every callback data class whose buttons are handled under the staff routers, and its role."""
    found: dict[type[CallbackData], str] = {}
    for parent in staff:
        for router in _tree(parent):
            for handler in router.callback_query.handlers:
                for flt in handler.filters or ():
                    if isinstance(flt.callback, CallbackQueryFilter):
                        found.setdefault(flt.callback.callback_data, parent.role)
    return found
