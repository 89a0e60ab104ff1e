"""App assembly: nothing here runs at import time; every piece is built by a factory."""

from __future__ import annotations

import asyncio
import gc
import logging
import signal
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.exceptions import TelegramNetworkError, TelegramServerError
from aiogram.types import User as TelegramUser
from aiogram.utils.callback_answer import CallbackAnswerMiddleware
from aiohttp import web

from bot.backup.service import DailyBackup
from bot.broadcasts.service import BroadcastService
from bot.certificates.service import DEFAULT_USERNAME, CertificateService
from bot.certificates.standing import CompletionRules
from bot.clock import Clock, SystemClock
from bot.completion.service import CompletionService
from bot.config import Settings
from bot.courses.bootstrap import ensure_sample_course
from bot.courses.catalog import course_title
from bot.delivery.model import CERTIFICATE, HOMEWORK_RESULT, REVIEW_DIGEST, REVIEW_POST
from bot.delivery.sender import sender_factory
from bot.delivery.service import DeliveryService
from bot.homework.service import HomeworkService
from bot.i18n import Translator
from bot.people.enrolment import EnrolmentService
from bot.people.erasure import ErasureService
from bot.people.personal_data import PersonalDataRegistry, PersonalDataService
from bot.quizzes.live import LiveQuizService
from bot.quizzes.service import QuizService
from bot.reports.end_of_course import report_providers
from bot.reports.service import ReportService
from bot.scheduling.aps import ApsScheduler
from bot.status.recent import RecentErrors
from bot.status.service import StatusService
from bot.surveys.service import SurveyService
from bot.telegram.background_errors import BackgroundErrorAlerts
from bot.telegram.commands import set_commands
from bot.telegram.errors import ErrorAlerts, on_error
from bot.telegram.middlewares import PersonMiddleware, PerUserSerializer, Throttle, UpdatesInProgress
from bot.telegram.views.broadcasts import ProgressMessages
from bot.telegram.views.homework import StatusEdits
from bot.telegram.webhook import create_webhook_app, webhook_secret
from handlers import get_routers
from storage.cohorts import CohortRepository
from storage.completions import CompletionRepository
from storage.courses import CourseRepository
from storage.db import Database
from storage.fsm import SQLiteStorage
from storage.lock import DatabaseLock
from storage.personal_data import PersonalDataStore, core_sources
from storage.reports import ReportRepository
from storage.roles import RoleRepository
from storage.surveys import SurveyRepository
from storage.users import UserRepository

log = logging.getLogger(__name__)

MAX_RETRY_DELAY = 60.0
SHUTDOWN_GRACE = 10.0


def create_bot(settings: Settings) -> Bot:
    if settings.telegram_api_url:
        session = AiohttpSession(api=TelegramAPIServer.from_base(settings.telegram_api_url))
    else:
        session = AiohttpSession()
    return Bot(
        token=settings.bot_token.get_secret_value(),
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML, link_preview_is_disabled=True),
    )


def create_dispatcher(settings: Settings, db: Database, translator: Translator, clock: Clock) -> Dispatcher:
    users = UserRepository(db)
    roles = RoleRepository(db)
    cohorts = CohortRepository(db)
    courses = CourseRepository(db)
    dp = Dispatcher(
        storage=SQLiteStorage(db, clock),
        settings=settings,
        db=db,
        users=users,
        role_repo=roles,
        cohorts=cohorts,
        courses=courses,
        enrolment=EnrolmentService(cohorts),
        translator=translator,
        clock=clock,
    )
    # One delivery service per dispatcher: the handlers' resend button and the application's
    # start and stop reach it as ``dp["delivery"]``; a learner who joins a cohort is planned.
    delivery = DeliveryService(db, settings, translator, clock)
    dp["delivery"] = delivery
    dp["deliveries"] = delivery.repo
    dp["enrolment"].listeners.append(delivery.on_enrolled)
    # The questionnaire and the self-assessment: an answered questionnaire stops its reminders.
    surveys = SurveyService(SurveyRepository(db), cohorts, delivery.courses, clock)
    dp["surveys"] = surveys
    delivery.done_checks.append(surveys.has_answered)
    # Broadcasts go out as delivery rows; their progress messages are edited by the service once
    # the bot is there to edit them (at startup, which also takes up broadcasts a restart cut short).
    broadcasts = BroadcastService(db, delivery, clock)
    dp["broadcasts"] = broadcasts

    async def start_broadcasts(bot: Bot) -> None:
        await broadcasts.start(ProgressMessages(bot, translator, cohorts))

    # Filters the features that own the data add: "has not handed in homework N" (below, with
    # homework) and "has not answered the questionnaire".
    broadcasts.filters[surveys.broadcast_filter().key] = surveys.broadcast_filter()
    dp.startup.register(start_broadcasts)
    dp.shutdown.register(broadcasts.stop)
    # Homework shares the delivery's parsed courses; handed-in work stops its deadline reminders.
    homework = HomeworkService(
        db, clock, delivery.courses, review_after=timedelta(hours=settings.review_reminder_hours)
    )
    dp["homework"] = homework
    broadcasts.filters[homework.broadcast_filter().key] = homework.broadcast_filter()
    delivery.done_checks.append(homework.handed_in)
    delivery.details[HOMEWORK_RESULT] = homework.result_notice
    delivery.details[REVIEW_DIGEST] = homework.digest_notice
    delivery.details[REVIEW_POST] = homework.review_post  # a new submission, to the review group
    delivery.tick_hooks.append(homework.plan_digests)  # curators with work waiting too long
    dp["draft_status"] = StatusEdits()  # the learners' draft status messages, edited at a pace
    # Quizzes send through the delivery service's sender and take up what is owed at its tick.
    quizzes = QuizService(db, settings, translator, clock, delivery.courses, lambda: delivery.sender)
    delivery.tick_hooks.append(quizzes.tick)
    dp["quizzes"] = quizzes
    live = LiveQuizService(db, settings, translator, clock, delivery.courses, lambda: delivery.sender)
    dp["live"] = live
    dp.shutdown.register(live.shutdown)
    # Completion reads homework, quizzes and surveys and hears of their events (below). At the
    # tick: on_completed hooks still owed, the one sweep after a start, cohorts due to finish.
    # Other features (certificates) append to ``completion.on_completed``.
    completion = CompletionService(
        CompletionRepository(db),
        cohorts=cohorts,
        deliveries=delivery.repo,
        courses=delivery.courses,
        homework=homework,
        quizzes=quizzes,
        surveys=surveys,
        clock=clock,
        finish_after=timedelta(days=settings.cohort_finish_after_days),
        questionnaire_reminders=settings.questionnaire_reminders,
        wake=delivery.wake,
    )
    dp["completion"] = completion
    delivery.tick_hooks.append(completion.tick)
    # Every event that can change a learner's standing re-evaluates it, whoever caused it.
    homework.decided.append(completion.after_event)
    quizzes.finished.append(completion.after_event)
    surveys.answered.append(completion.after_event)
    # Certificates: issued on completion (one of its on_completed hooks) or by an organizer,
    # rendered when sent; what a learner still lacks is what completion says she lacks.
    certificates = CertificateService(
        db, clock, translator, delivery.courses, delivery, delivery.repo, CompletionRules(completion)
    )
    dp["certificates"] = certificates
    completion.on_completed.append(certificates.on_completed)
    delivery.details[CERTIFICATE] = certificates.certificate_file

    async def learn_username(bot: Bot) -> None:
        async def username() -> str:
            try:
                return (await bot.me()).username or DEFAULT_USERNAME  # getMe once, then aiogram's cache
            except Exception:
                log.warning("the bot's username is not known yet; the QR link names %s", DEFAULT_USERNAME)
                return DEFAULT_USERNAME

        certificates.bot_username = username

    dp.startup.register(learn_username)
    # Statistics and the Excel export read everything above; completions and certificates come
    # in through their providers (the same ones `python -m bot export` uses).
    dp["reports"] = ReportService(
        ReportRepository(db),
        delivery.repo,
        delivery.courses,
        clock,
        db.path,
        report_providers(db),
        separate_process=True,
    )
    # Every repository that keeps a person's id: /mydata exports them, "Delete my data" erases
    # them (a feature with such a table adds its repository here; tests/test_personal_data.py
    # fails until it does).
    personal_data = PersonalDataRegistry(core_sources(db))
    personal_data.add(broadcasts.repo)
    personal_data.add(homework.repo)  # submissions, their parts, reviews, the open draft
    personal_data.add(quizzes.repo)  # quiz attempts and answers
    personal_data.add(live.repo)  # live quiz games, players, answers, group bindings
    personal_data.add(surveys.repo)  # survey drafts, named responses, who answered, self-assessments
    personal_data.add(completion.repo)  # who completed which cohort's course
    personal_data.add(certificates.repo)  # certificates (holder, issuer), /verify's wrong tries
    dp["erasure"] = ErasureService(users, [delivery.person_erased, quizzes.person_erased], personal_data)
    dp["personal_data"] = PersonalDataService(
        personal_data,
        PersonalDataStore(db),
        course_title=partial(course_title, courses),
        clock=clock,
        unconsented_days=settings.unconsented_days,
        timezone=settings.timezone,
    )
    dp["backups"] = DailyBackup(
        database=db.path,
        folder=settings.backups_dir,
        at=settings.backup_time,
        keep_days=settings.backup_keep,
        timezone=settings.timezone,
        clock=clock,
        files_dir=settings.files_dir,
    )
    # /status: the errors buffer listens to the log only while the dispatcher runs.
    dp["status"] = status = StatusService(
        database=db.path, queue=delivery.repo, backups=dp["backups"], errors=RecentErrors(), clock=clock
    )
    dp.startup.register(status.started)
    dp.startup.register(status.errors.attach)
    dp.shutdown.register(status.errors.detach)
    # First, so that updates waiting for their person's turn count as in progress at shutdown.
    dp["in_progress"] = in_progress = UpdatesInProgress()
    dp.update.outer_middleware(in_progress)
    # Before the serializer and the database: a flood costs the others nothing (middlewares/throttle.py).
    dp["throttle"] = throttle = Throttle.from_settings(settings, clock, translator, users)
    dp.update.outer_middleware(throttle)
    dp.update.outer_middleware(PerUserSerializer())
    dp.update.outer_middleware(PersonMiddleware(users, translator, settings))
    # Every button press is answered exactly once, after its handler (with the text and alert
    # the handler put on ``callback_answer``), even when the handler fails.
    dp.callback_query.middleware(CallbackAnswerMiddleware())
    # Owners hear of each kind of error once per 10 minutes (bot/telegram/errors.py).
    dp["error_alerts"] = alerts = ErrorAlerts(clock)
    dp.errors.register(on_error)
    # ... and of failures in work the bot does by itself (bot/telegram/background_errors.py).
    background_errors = BackgroundErrorAlerts(settings, translator, users, alerts)
    dp.startup.register(background_errors.attach)
    dp.shutdown.register(background_errors.detach)
    dp.include_routers(*get_routers(translator))
    return dp


@dataclass
class Application:
    """Everything one running bot holds; ``python -m bot`` and the end-to-end tests build it alike."""

    settings: Settings
    db: Database
    bot: Bot
    dp: Dispatcher
    translator: Translator
    clock: Clock
    scheduler: ApsScheduler = field(default_factory=ApsScheduler)
    # True while updates are taken (by long polling or, with WEBHOOK_URL, by the webhook server)
    # and stop() can end it cleanly.
    polling: bool = field(default=False)
    _stop_serving: asyncio.Event = field(default_factory=asyncio.Event, repr=False)
    lock: DatabaseLock | None = field(default=None)

    @classmethod
    async def build(cls, settings: Settings, *, clock: Clock | None = None, strict_i18n: bool = False) -> Application:
        clock = clock or SystemClock()
        translator = Translator(default_locale=settings.default_locale, strict=strict_i18n)
        # Held until close: `python -m bot restore` refuses while it is, and a second bot on the
        # same file (or one started during a restore) stops here with DatabaseInUseError.
        lock = DatabaseLock(settings.database_path)
        lock.acquire()
        try:
            db = await Database.open(settings.database_path)
            try:
                await ensure_sample_course(db, settings.files_dir, clock)
            except BaseException:
                await db.close()
                raise
        except BaseException:
            lock.release()
            raise
        bot = create_bot(settings)
        dp = create_dispatcher(settings, db, translator, clock)
        app = cls(settings, db, bot, dp, translator, clock, lock=lock)
        dp.startup.register(app._on_startup)
        dp.shutdown.register(app._on_shutdown)
        return app

    @property
    def delivery(self) -> DeliveryService:
        return self.dp["delivery"]

    @property
    def backups(self) -> DailyBackup:
        return self.dp["backups"]

    @property
    def in_progress(self) -> UpdatesInProgress:
        return self.dp["in_progress"]

    async def _on_startup(self) -> None:
        # Ready (and stoppable) only once delivery runs: a stop that came in between would
        # otherwise meet a half-started sender and scheduler.
        self.scheduler.start()
        await self.delivery.start(sender_factory(self.bot, self.settings), scheduler=self.scheduler)
        await self.dp["live"].recover()  # live quizzes a stop or a crash left going are stopped
        self.backups.schedule(self.scheduler)
        self.dp["personal_data"].schedule(self.scheduler)
        # Everything built so far (aiogram's models, the routers, the translations, the course
        # cache) lives as long as the process: move it out of the collector's sight, so that the
        # full collections the traffic triggers scan only what updates create.
        gc.collect()
        gc.freeze()
        self.polling = True

    async def _on_shutdown(self) -> None:
        """Let the updates already being handled finish (bounded) before the database closes.

        aiogram acknowledges an update before its handler runs and does not wait for running
        handlers when polling stops, so without this a SIGTERM could cut an answer in half.
        """
        self.polling = False
        if len(self.in_progress):
            log.info("waiting for %d update(s) in progress", len(self.in_progress))
        # Messages being sent finish and are recorded, within the same grace.
        finished, _, _ = await asyncio.gather(
            self.in_progress.wait_idle(SHUTDOWN_GRACE),
            self.delivery.stop(SHUTDOWN_GRACE),
            self.backups.stop(SHUTDOWN_GRACE),
        )
        if not finished:
            log.warning("%d update(s) still in progress after %.0f s", len(self.in_progress), SHUTDOWN_GRACE)
        self.scheduler.shutdown()

    async def connect(self) -> TelegramUser:
        """getMe until the API answers. A rejected token (401) is raised at once, not retried."""
        delay = 1.0
        while True:
            try:
                return await self.bot.get_me()
            except (TelegramNetworkError, TelegramServerError) as error:
                log.warning(
                    "Telegram Bot API at %s is not reachable (%s); trying again in %.0f s",
                    self.settings.telegram_api_url or "api.telegram.org",
                    error,
                    delay,
                )
                await asyncio.sleep(delay)
                delay = min(delay * 2, MAX_RETRY_DELAY)

    async def run(self, *, handle_signals: bool = True) -> None:
        """Connect, publish the command menu, and take updates until stopped or signalled.

        With WEBHOOK_URL Telegram posts them to our own HTTP server; otherwise we poll.
        """
        me = await self.connect()
        log.info("connected as @%s (id %s)", me.username, me.id)
        await set_commands(self.bot, self.translator, self.settings)
        if self.settings.webhook_url:
            await self._serve_webhook(handle_signals=handle_signals)
            return
        # Telegram refuses getUpdates while a webhook is set: a bot moved back from webhook mode
        # removes it (the updates Telegram holds are kept and come by polling).
        info = await self.bot.get_webhook_info()
        if info.url:
            log.info("removing the webhook %s to poll instead", info.url)
            await self.bot.delete_webhook(drop_pending_updates=False)
        await self.dp.start_polling(
            self.bot,
            handle_signals=handle_signals,
            close_bot_session=False,
            polling_timeout=self.settings.polling_timeout,
            allowed_updates=self.dp.resolve_used_update_types(),
        )

    async def _serve_webhook(self, *, handle_signals: bool) -> None:
        """Listen on WEBHOOK_LISTEN, register the webhook with its secret, serve until stop()."""
        url = self.settings.webhook_url
        assert url is not None
        secret = webhook_secret(self.settings)
        web_app = create_webhook_app(self.dp, self.bot, path=self.settings.webhook_path, secret=secret)
        runner = web.AppRunner(web_app, access_log=None, shutdown_timeout=SHUTDOWN_GRACE)
        loop = asyncio.get_running_loop()
        self._stop_serving.clear()
        if handle_signals:
            for signum in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(signum, self._stop_serving.set)
        await runner.setup()  # the dispatcher's startup: delivery starts
        try:
            host, port = self.settings.webhook_host_port
            await web.TCPSite(runner, host, port).start()
            await self.bot.set_webhook(
                url,
                secret_token=secret,
                allowed_updates=self.dp.resolve_used_update_types(),
                drop_pending_updates=False,
            )
            log.info("webhook mode: listening on %s:%s, Telegram posts to %s", host, port, url)
            await self._stop_serving.wait()
        finally:
            if handle_signals:
                for signum in (signal.SIGINT, signal.SIGTERM):
                    loop.remove_signal_handler(signum)
            # Stops taking requests first, then runs the dispatcher's shutdown (_on_shutdown):
            # updates in progress finish and delivery stops, as after polling. The webhook
            # stays registered: Telegram keeps what comes meanwhile and retries after a restart.
            await runner.cleanup()

    async def stop(self) -> None:
        if not self.polling:
            return
        if self.settings.webhook_url:
            self._stop_serving.set()
        else:
            await self.dp.stop_polling()

    async def close(self) -> None:
        await self.delivery.abort()  # after stop() a no-op; after a crash, no recording at all
        await self.dp["broadcasts"].stop()  # progress watchers: already stopped after stop()
        self.scheduler.shutdown()
        await self.bot.session.close()
        await self.db.close()
        if self.lock is not None:
            self.lock.release()
