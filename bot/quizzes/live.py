"""The live quiz (Kahoot-style): a host runs a quiz for a cohort, the players answer against the
clock, points and leaderboards after each question, a podium at the end.

Every message goes through the one sender, as the owner of its jobs: in group mode one quiz poll
per question in the cohort's group (the sender keeps Telegram's 20 messages a minute there), in
private mode one copy per player. A player's time starts when Telegram accepted their own copy
(``part_sent``), so whoever got it last is not punished. The question closes ``open_period``
seconds after the last copy went out (plus a moment for answers on their way); then everyone
sees the right answer, how many got it and the top five.

Answers and points are written as they come (``live_answers``), so they are kept for the
reports whatever happens. A game is played by a task of this process: a restart ends the games
that were going (the host is told, the players get the standings so far).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from html import escape

from bot.clock import Clock
from bot.config import Settings
from bot.courses.model import SUPPORTED_LANGUAGES, Course, LocalizedText, QuizQuestion
from bot.delivery.outgoing import Button, Outcome, OutMessage, OutPoll, SendJob
from bot.delivery.planning import CourseCache
from bot.i18n import Translator
from bot.quizzes.live_model import (
    ACTIVE_STATES,
    DEFAULT_OPEN_PERIOD,
    FINISHED,
    GROUP,
    LOBBY,
    PRIVATE,
    RUNNING,
    STOPPED,
    LiveGame,
    Place,
    ranked,
    short_name,
)
from bot.quizzes.service import SenderSource
from bot.text.telegram_html import telegram_length
from storage.db import Database
from storage.live_quizzes import LiveQuizRepository
from storage.quizzes import QuizRepository

log = logging.getLogger(__name__)

TOP = 5
RECORD_WAIT = 3.0  # seconds an answer may wait for its poll's record (see answer)
POLL_QUESTION_LIMIT = 300
JOIN_PREFIX = "lqj"  # bot.telegram.callbacks.LiveJoinCb: lqj:<game id>
HOST_PREFIX = "lqh"  # bot.telegram.callbacks.LiveHostCb: lqh:<action>:<game id>


def join_callback(game_id: int) -> str:
    return f"{JOIN_PREFIX}:{game_id}"


def host_callback(action: str, game_id: int) -> str:
    return f"{HOST_PREFIX}:{action}:{game_id}"


@dataclass(frozen=True)
class Playable:
    """A quiz as the live game plays it: a lesson quiz or one of the course's live quizzes."""

    key: str
    title: LocalizedText
    questions: tuple[QuizQuestion, ...]
    open_period: int


def playables(course: Course) -> list[Playable]:
    """Every quiz a host may run live: the course's live quizzes, then each lesson's quiz."""
    found = [Playable(q.key, q.title, q.questions, q.open_period) for q in course.live_quizzes]
    for lesson in course.lessons:
        if lesson.quiz is not None:
            found.append(Playable(lesson.quiz.key, lesson.title, lesson.quiz.questions, DEFAULT_OPEN_PERIOD))
    return found


def playable(course: Course, key: str) -> Playable:
    for item in playables(course):
        if item.key == key:
            return item
    raise LookupError(f"the course has no quiz {key}")


class CreateOutcome(StrEnum):
    CREATED = "created"
    NO_GROUP = "no-group"  # group mode, but no group is bound to the cohort
    BUSY = "busy"  # a live quiz is going in the cohort or in its group
    UNKNOWN = "unknown"  # no such cohort or quiz


class JoinOutcome(StrEnum):
    JOINED = "joined"
    ALREADY = "already"
    CLOSED = "closed"  # the game has started or ended
    NOT_A_LEARNER = "not-a-learner"


class HostOutcome(StrEnum):
    DONE = "done"
    NOT_HOST = "not-host"
    NO_PLAYERS = "no-players"
    GONE = "gone"  # the game is not in a state where this means anything


@dataclass
class LiveJob(SendJob):
    """A live quiz message on its way: ``delivery_id`` is the game's id."""

    poll_question: int = -1  # the question of a poll; -1 for a text
    lobby: bool = False  # the host's lobby message, edited as players join


@dataclass
class _Round:
    """The question being played: copies still on their way, and the events that end it."""

    copies: int
    all_out: asyncio.Event
    skip: asyncio.Event


class LiveQuizService:
    def __init__(
        self,
        db: Database,
        settings: Settings,
        translator: Translator,
        clock: Clock,
        courses: CourseCache,
        sender: SenderSource,
        *,
        grace: float = 1.5,
        pause: float = 3.0,
    ) -> None:
        self.repo = LiveQuizRepository(db)
        self.quiz_repo = QuizRepository(db)
        self.settings = settings
        self.translator = translator
        self.clock = clock
        self.courses = courses
        self._sender = sender
        self.grace = grace  # seconds after a question's time for answers on their way
        self.pause = pause  # seconds between a question's results and the next question
        self._tasks: dict[int, asyncio.Task[None]] = {}
        self._rounds: dict[int, _Round] = {}
        self._stop: dict[int, asyncio.Event] = {}

    # ------------------------------------------------------------------ the host

    async def choices(self, cohort_id: int) -> tuple[Course, list[Playable]] | None:
        version_id = await self.quiz_repo.cohort_version(cohort_id)
        if version_id is None:
            return None
        course, _ = await self.courses.get(version_id)
        return course, playables(course)

    async def group_of(self, cohort_id: int) -> int | None:
        return await self.repo.group_of(cohort_id)

    async def create(
        self, cohort_id: int, host_id: int, quiz_key: str, mode: str
    ) -> tuple[CreateOutcome, LiveGame | None]:
        """A lobby: the invitation goes to the group, or to every learner of the cohort."""
        version_id = await self.quiz_repo.cohort_version(cohort_id)
        if version_id is None or mode not in (GROUP, PRIVATE):
            return CreateOutcome.UNKNOWN, None
        course, _ = await self.courses.get(version_id)
        try:
            quiz = playable(course, quiz_key)
        except LookupError:
            return CreateOutcome.UNKNOWN, None
        chat_id = None
        if mode == GROUP:
            chat_id = await self.repo.group_of(cohort_id)
            if chat_id is None:
                return CreateOutcome.NO_GROUP, None
        game = await self.repo.create(
            cohort_id, version_id, quiz_key, host_id, mode, quiz.open_period, chat_id, self.clock.now()
        )
        if game is None:
            return CreateOutcome.BUSY, None
        self._stop[game.id] = asyncio.Event()
        # The host's lobby goes through the sender too, ahead of the invitations: a message sent
        # beside the sender would push one second over Telegram's 30 and earn a 429.
        host_language = self._language(await self.quiz_repo.language(host_id))
        lobby = await self.lobby_text(game, host_language)
        self._send_text(game, host_id, lobby, host_language, host_buttons=("start", "cancel"), lobby=True)
        if chat_id is not None:
            language = self._group_language(course)
            self._send_text(game, chat_id, self._invite(course, quiz, language), language, join=True)
        else:
            for user_id, stored in await self.quiz_repo.active_learners(cohort_id):
                language = self._language(stored)
                self._send_text(game, user_id, self._invite(course, quiz, language), language, join=True)
        return CreateOutcome.CREATED, game

    async def lobby_text(self, game: LiveGame, language: str) -> str:
        course, _ = await self.courses.get(game.version_id)
        quiz = playable(course, game.quiz_key)
        return self.translator.get(
            language,
            "live-lobby",
            title=escape(course.text(quiz.title, language), quote=False),
            mode=game.mode,
            players=await self.repo.player_count(game.id),
        )

    async def lobby_view(self, game_id: int) -> tuple[LiveGame, str, str] | None:
        """A lobby still open, with its text in the host's language, and that language."""
        game = await self.repo.get(game_id)
        if game is None or game.state != LOBBY or game.lobby_message_id is None:
            return None
        language = self._language(await self.quiz_repo.language(game.host_id))
        return game, await self.lobby_text(game, language), language

    async def going_in_chat(self, chat_id: int) -> LiveGame | None:
        return await self.repo.active_in_chat(chat_id)

    async def bind_group(self, cohort_id: int, chat_id: int, by: int, purposes: Sequence[str] = ("quiz",)) -> None:
        """Bind a group to a cohort for live quizzes and/or homework review (cohort_groups is the
        one binding of both features)."""
        await self.repo.bind_group(cohort_id, chat_id, by, self.clock.now(), purposes)

    async def begin(self, game_id: int, host_id: int) -> HostOutcome:
        game = await self.repo.get(game_id)
        if game is None or game.state != LOBBY:
            return HostOutcome.GONE
        if game.host_id != host_id:
            return HostOutcome.NOT_HOST
        if await self.repo.player_count(game_id) == 0:
            return HostOutcome.NO_PLAYERS
        if not await self.repo.move(game_id, state=RUNNING, question=-1, now=self.clock.now(), before=(LOBBY,)):
            return HostOutcome.GONE
        self._stop.setdefault(game_id, asyncio.Event())
        self._tasks[game_id] = asyncio.create_task(self._play(game_id), name=f"live-quiz-{game_id}")
        return HostOutcome.DONE

    async def skip(self, game_id: int, host_id: int) -> HostOutcome:
        game = await self.repo.get(game_id)
        if game is None or game.state != RUNNING:
            return HostOutcome.GONE
        if game.host_id != host_id:
            return HostOutcome.NOT_HOST
        current = self._rounds.get(game_id)
        if current is not None:
            current.skip.set()
        return HostOutcome.DONE

    async def stop(self, game_id: int, host_id: int) -> HostOutcome:
        """Stop a running game (the standings so far are final) or cancel a lobby."""
        game = await self.repo.get(game_id)
        if game is None or not game.is_active:
            return HostOutcome.GONE
        if game.host_id != host_id:
            return HostOutcome.NOT_HOST
        if game.state == LOBBY:
            await self.repo.move(game_id, state=STOPPED, question=-1, now=self.clock.now(), before=(LOBBY,))
            return HostOutcome.DONE
        self._stop.setdefault(game_id, asyncio.Event()).set()
        current = self._rounds.get(game_id)
        if current is not None:
            current.skip.set()
        return HostOutcome.DONE

    # ------------------------------------------------------------------ the players

    async def join(self, game_id: int, user_id: int) -> tuple[JoinOutcome, LiveGame | None]:
        game = await self.repo.get(game_id)
        if game is None or game.state != LOBBY:
            return JoinOutcome.CLOSED, game
        found = await self.quiz_repo.enrolment(game.cohort_id, user_id)
        if found is None or found[0] != "active":
            return JoinOutcome.NOT_A_LEARNER, game
        joined = await self.repo.join(game_id, user_id, self.clock.now())
        return (JoinOutcome.JOINED if joined else JoinOutcome.ALREADY), game

    async def answer(self, poll_id: str, user_id: int, option_ids: Iterable[int]) -> bool:
        """A ``poll_answer``: True if the poll was a live quiz's (counted or not)."""
        if not await self.repo.is_live_poll(poll_id):
            # A fast answer can come in while its copy's record is still being written: give
            # the copies on their way a moment before deciding the poll is not ours.
            pending = [r.all_out for r in self._rounds.values() if not r.all_out.is_set()]
            if not pending:
                return False
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.gather(*(event.wait() for event in pending)), RECORD_WAIT)
            if not await self.repo.is_live_poll(poll_id):
                return False
        chosen = list(option_ids)
        game_id = await self.repo.game_of_poll(poll_id)
        game = await self.repo.get(game_id) if game_id is not None else None
        if len(chosen) != 1 or game is None or game.state != RUNNING:
            return True
        course, _ = await self.courses.get(game.version_id)
        quiz = playable(course, game.quiz_key)
        right = {number: question.correct for number, question in enumerate(quiz.questions)}
        await self.repo.record_answer(poll_id, user_id, chosen[0], right, self.clock.now())
        return True

    # ------------------------------------------------------------------ the game

    async def _play(self, game_id: int) -> None:
        try:
            game = await self.repo.get(game_id)
            assert game is not None
            course, _ = await self.courses.get(game.version_id)
            quiz = playable(course, game.quiz_key)
            stop = self._stop[game_id]
            for number in range(len(quiz.questions)):
                if stop.is_set():
                    break
                await self.repo.move(game_id, state=RUNNING, question=number, now=self.clock.now(), before=(RUNNING,))
                await self.repo.open_question(game_id, True)
                await self._ask(game, course, quiz, number)
                await self.repo.open_question(game_id, False)
                await self._results(game, course, quiz, number)
                if number + 1 < len(quiz.questions) and not stop.is_set():
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(stop.wait(), self.pause)
            await self._finish(game, course, quiz, stopped=stop.is_set())
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("live quiz %s failed; it is stopped", game_id)
            await self.repo.move(game_id, state=STOPPED, question=-1, now=self.clock.now(), before=ACTIVE_STATES)
        finally:
            self._tasks.pop(game_id, None)
            self._rounds.pop(game_id, None)
            self._stop.pop(game_id, None)

    async def _ask(self, game: LiveGame, course: Course, quiz: Playable, number: int) -> None:
        players = await self.repo.players(game.id)
        question = quiz.questions[number]
        targets: list[tuple[int, str]] = (
            [(game.chat_id, self._group_language(course))]
            if game.chat_id is not None
            else [(user_id, self._language(language)) for user_id, _, language in players]
        )
        current = _Round(copies=len(targets), all_out=asyncio.Event(), skip=asyncio.Event())
        self._rounds[game.id] = current
        # The host's controls first: with 300 copies ahead of them, they would come 10 s late.
        host_language = self._language(await self.quiz_repo.language(game.host_id))
        host_text = self.translator.get(
            host_language, "live-host-question", number=number + 1, total=len(quiz.questions)
        )
        self._send_text(game, game.host_id, host_text, host_language, host_buttons=("skip", "stop"))
        for chat_id, language in targets:
            poll = _poll(course, question, number, len(quiz.questions), language, game.open_period)
            self._submit(game, chat_id, OutMessage("", poll=poll), poll_question=number)
        # The time runs from the last copy: wait until every copy is out (or refused), then the
        # question's own time and a moment for answers on their way. The host may skip.
        waiting = asyncio.ensure_future(current.all_out.wait())
        skipped = asyncio.ensure_future(current.skip.wait())
        try:
            await asyncio.wait({waiting, skipped}, return_when=asyncio.FIRST_COMPLETED)
            if not current.skip.is_set():
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(current.skip.wait(), game.open_period + self.grace)
        finally:
            waiting.cancel()
            skipped.cancel()

    async def _results(self, game: LiveGame, course: Course, quiz: Playable, number: int) -> None:
        answers = await self.repo.answers_to(game.id, number)
        board = await self._board(game)
        players = len(board)
        right = sum(1 for correct, _ in answers.values() if correct)
        question = quiz.questions[number]

        def text(language: str, user_id: int | None) -> str:
            lines = [
                self.translator.get(
                    language,
                    "live-right-answer",
                    number=number + 1,
                    answer=escape(course.text(question.options[question.correct], language), quote=False),
                ),
                self.translator.get(language, "live-answered-right", right=right, players=players),
            ]
            if user_id is not None:
                correct, gained = answers.get(user_id, (False, 0))
                key = "live-you-right" if correct else ("live-you-wrong" if user_id in answers else "live-you-late")
                lines.insert(0, self.translator.get(language, key, points=str(gained)))
            lines.append(self.translator.get(language, "live-top"))
            lines.extend(_line(place) for place in board[:TOP])
            return "\n".join(lines)

        if game.chat_id is not None:
            language = self._group_language(course)
            self._send_text(game, game.chat_id, text(language, None), language)
        else:
            for user_id, _, stored in await self.repo.players(game.id):
                language = self._language(stored)
                self._send_text(game, user_id, text(language, user_id), language)
        host_language = self._language(await self.quiz_repo.language(game.host_id))
        self._send_text(game, game.host_id, text(host_language, None), host_language)

    async def _finish(self, game: LiveGame, course: Course, quiz: Playable, *, stopped: bool) -> None:
        state = STOPPED if stopped else FINISHED
        await self.repo.move(game.id, state=state, question=-1, now=self.clock.now(), before=(RUNNING,))
        board = await self._board(game)
        title_for = {lang: escape(course.text(quiz.title, lang), quote=False) for lang in SUPPORTED_LANGUAGES}

        def podium(language: str) -> str:
            lines = [self.translator.get(language, "live-podium", title=title_for[language])]
            medals = ("🥇", "🥈", "🥉")
            lines.extend(
                f"{medals[place.place - 1]} {escape(place.name, quote=False)}: {place.points}"
                for place in board
                if place.place <= 3
            )
            return "\n".join(lines)

        if game.chat_id is not None:
            language = self._group_language(course)
            self._send_text(game, game.chat_id, podium(language), language)
        players = {user_id: language for user_id, _, language in await self.repo.players(game.id)}
        for place in board:
            language = self._language(players.get(place.user_id))
            own = self.translator.get(
                language, "live-your-place", place=place.place, players=len(board), points=str(place.points)
            )
            text = own if game.chat_id is not None else podium(language) + "\n\n" + own
            self._send_text(game, place.user_id, text, language)
        host_language = self._language(await self.quiz_repo.language(game.host_id))
        lines = [podium(host_language), "", self.translator.get(host_language, "live-host-board", players=len(board))]
        lines.extend(_line(place) for place in board)
        self._send_text(game, game.host_id, _fit("\n".join(lines)), host_language)

    async def _board(self, game: LiveGame) -> tuple[Place, ...]:
        rows = await self.repo.totals(game.id)
        name = short_name if game.mode == GROUP else (lambda full: full or "—")
        return ranked([(user_id, name(full), total, right) for user_id, full, total, right in rows])

    async def recover(self) -> int:
        """At start: games a stop or a crash left going are stopped; their hosts are told.
        Their answers are kept for the reports."""
        ended = 0
        for game in await self.repo.active():
            if game.id in self._tasks:
                continue
            if await self.repo.move(game.id, state=STOPPED, question=-1, now=self.clock.now(), before=ACTIVE_STATES):
                ended += 1
                language = self._language(await self.quiz_repo.language(game.host_id))
                self._send_text(game, game.host_id, self.translator.get(language, "live-interrupted"), language)
        return ended

    async def shutdown(self) -> None:
        tasks = list(self._tasks.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    # ------------------------------------------------------------------ sending

    def _language(self, language: str | None) -> str:
        return language if language in SUPPORTED_LANGUAGES else self.translator.default_locale

    def _group_language(self, course: Course) -> str:
        return course.languages[0] if course.languages else self.translator.default_locale

    def _invite(self, course: Course, quiz: Playable, language: str) -> str:
        return self.translator.get(
            language,
            "live-invite",
            title=escape(course.text(quiz.title, language), quote=False),
            count=len(quiz.questions),
            seconds=quiz.open_period,
        )

    def _send_text(
        self,
        game: LiveGame,
        chat_id: int,
        text: str,
        language: str,
        *,
        join: bool = False,
        host_buttons: tuple[str, ...] = (),
        lobby: bool = False,
    ) -> None:
        buttons: tuple[tuple[Button, ...], ...] = ()
        if join:
            buttons = (
                (Button(self.translator.get(language, "live-button-join"), callback_data=join_callback(game.id)),),
            )
        if host_buttons:
            row = tuple(
                Button(
                    self.translator.get(language, f"live-button-{action}"), callback_data=host_callback(action, game.id)
                )
                for action in host_buttons
            )
            buttons = (row,)
        self._submit(game, chat_id, OutMessage(text, buttons=buttons), lobby=lobby)

    def _submit(
        self, game: LiveGame, chat_id: int, message: OutMessage, *, poll_question: int = -1, lobby: bool = False
    ) -> None:
        sender = self._sender()
        if sender is None:
            log.warning("live quiz %s: the sender is not running; a message to %s is dropped", game.id, chat_id)
            self._copy_done(game.id, poll_question)
            return
        job = LiveJob(
            game.id, chat_id, game.cohort_id, (message,), owner=self, poll_question=poll_question, lobby=lobby
        )
        sender.submit(job)

    def _copy_done(self, game_id: int, poll_question: int) -> None:
        current = self._rounds.get(game_id)
        if poll_question < 0 or current is None:
            return
        current.copies -= 1
        if current.copies <= 0:
            current.all_out.set()

    # ------------------------------------------------------------------ the sender's reports

    async def part_sent(self, job: SendJob, message_id: int, poll_id: str | None = None) -> None:
        assert isinstance(job, LiveJob)
        if job.lobby:
            await self.repo.set_lobby_message(job.delivery_id, message_id)
        if poll_id is not None and job.poll_question >= 0:
            addressee = None if job.chat_id < 0 else job.chat_id
            await self.repo.poll_sent(
                poll_id, job.delivery_id, job.poll_question, addressee, message_id, self.clock.now()
            )
        self._copy_done(job.delivery_id, job.poll_question)

    async def ended(self, jobs: list[SendJob], outcome: Outcome) -> None:
        for job in jobs:
            assert isinstance(job, LiveJob)
            if outcome.state != "retry":
                log.info("live quiz %s: a message to %s ended %s", job.delivery_id, job.chat_id, outcome.state)
            self._copy_done(job.delivery_id, job.poll_question)


def _poll(course: Course, question: QuizQuestion, number: int, total: int, language: str, open_period: int) -> OutPoll:
    text = course.text(question.question, language)
    numbered = f"{number + 1}/{total}. {text}"
    if telegram_length(numbered) <= POLL_QUESTION_LIMIT:
        text = numbered
    options = tuple(course.text(option, language) for option in question.options)
    return OutPoll(text, options, correct=question.correct, explanation=None, open_period=open_period)


def _line(place: Place) -> str:
    return f"{place.place}. {escape(place.name, quote=False)}: {place.points}"


def _fit(text: str, limit: int = 4096) -> str:
    """The host's full board, cut to one message (the players are told their own place)."""
    if telegram_length(text) <= limit:
        return text
    lines = text.split("\n")
    while lines and telegram_length("\n".join([*lines, "…"])) > limit:
        lines.pop()
    return "\n".join([*lines, "…"])
