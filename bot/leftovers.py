"""After a clean stop: make sure nothing left over keeps the process alive.

``asyncio.run`` cancels the tasks still running and joins the default executor's threads before
it returns. A task that does not end on cancellation, or a thread stuck in a blocking call, would
then keep a stopped bot's process alive for ever: the database is closed and every delivery is
recorded, yet the service manager (systemd, Docker) sees a process that will not exit and kills
it after its own timeout. This happened a few times in tests under heavy load, without showing
which task it was. So the runner waits a bounded time for what is left, names it in the log, and
the caller leaves at once if something is still there.
"""

from __future__ import annotations

import asyncio
import logging
import threading

log = logging.getLogger("bot")

LEFTOVER_GRACE = 5.0


async def leftovers(grace: float = LEFTOVER_GRACE) -> list[str]:
    """Cancel every other task and wait up to ``grace`` s; describe what still runs (tasks that
    ignored cancellation, and non-daemon threads besides the main one)."""
    current = asyncio.current_task()
    others = [task for task in asyncio.all_tasks() if task is not current and not task.done()]
    for task in others:
        task.cancel()
    if others:
        await asyncio.wait(others, timeout=grace)
    stuck = [f"task {task.get_name()}: {task.get_coro()!r}" for task in others if not task.done()]
    stuck += [
        f"thread {thread.name}"
        for thread in threading.enumerate()
        if thread is not threading.main_thread()
        and not thread.daemon
        and thread.is_alive()
        and not thread.name.startswith("asyncio_")  # the default executor's idle workers end at join
    ]
    for what in stuck:
        log.warning("still running after the bot stopped: %s", what)
    return stuck
