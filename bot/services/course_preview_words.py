"""The preview's own words in kk, ru and en: labels, button texts, dates, sizes.

They are the preview's, not the bot's: the chat side has its Fluent files. Dates are written
as people write them: "15 сәуір, сәрсенбі", "15 апреля, среда", "Wednesday, 15 April".
"""

from __future__ import annotations

from datetime import date, datetime

WORDS: dict[str, dict[str, str]] = {
    "kk": {
        "preview": "Алдын ала қарау",
        "reader": "Қазақ тілінде оқитын тыңдаушы көретіні",
        "start": "Ағынның басталуы",
        "tz": "Уақыт белдеуі",
        "hours": "Оқу сағаты",
        "enrolment": "Курсқа жазылғанда",
        "lesson_of": "Сабақ {n}/{total}",
        "open": "Ашу",
        "quiz_intro": "Тест: {n} сұрақ. Өту шегі: {mark}%.",
        "start_quiz": "▶️ Тестті бастау",
        "poll": "Викторина",
        "anonymous_poll": "Анонимді викторина",
        "correct": "дұрыс жауап",
        "deadline": "Тапсыру мерзімі",
        "accepts": "Жіберуге болады",
        "reminders": "Еске салу",
        "send_homework": "📝 Тапсырманы жіберу",
        "questionnaire": "Сауалнама",
        "anonymous": "анонимді",
        "named": "анонимді емес",
        "begin": "Бастау",
        "done": "Дайын",
        "skip": "Өткізіп жіберу",
        "type_answer": "✍️ Жауабыңызды хабарлама етіп жазыңыз.",
        "choose_many": "Бірнешеуін таңдап, «Дайын» түймесін басыңыз.",
        "kb": "КБ",
        "mb": "МБ",
        "text": "мәтін",
        "photo": "сурет",
        "document": "құжат",
        "video": "бейне",
        "voice": "дауыстық хабар",
        "link": "сілтеме",
        "completion": "Курсты аяқтау шарттары",
        "need_homework": "қабылданған үй тапсырмалары: {lessons}-сабақ",
        "need_quiz": "тесттегі дұрыс жауаптар: кемінде {mark}%",
        "need_questionnaire": "толтырылған сауалнама",
    },
    "ru": {
        "preview": "Предпросмотр",
        "reader": "Что увидит слушатель, читающий по-русски",
        "start": "Начало потока",
        "tz": "Часовой пояс",
        "hours": "Часов обучения",
        "enrolment": "При записи на курс",
        "lesson_of": "Урок {n} из {total}",
        "open": "Открыть",
        "quiz_intro": "Тест: вопросов — {n}. Проходной балл: {mark}%.",
        "start_quiz": "▶️ Начать тест",
        "poll": "Викторина",
        "anonymous_poll": "Анонимная викторина",
        "correct": "правильный ответ",
        "deadline": "Срок сдачи",
        "accepts": "Можно отправить",
        "reminders": "Напоминания",
        "send_homework": "📝 Отправить задание",
        "questionnaire": "Анкета",
        "anonymous": "анонимная",
        "named": "не анонимная",
        "begin": "Начать",
        "done": "Готово",
        "skip": "Пропустить",
        "type_answer": "✍️ Напишите ответ сообщением.",
        "choose_many": "Выберите несколько и нажмите «Готово».",
        "kb": "КБ",
        "mb": "МБ",
        "text": "текст",
        "photo": "фото",
        "document": "документ",
        "video": "видео",
        "voice": "голосовое сообщение",
        "link": "ссылку",
        "completion": "Условия завершения курса",
        "need_homework": "принятые домашние задания: уроки {lessons}",
        "need_quiz": "правильные ответы в тестах: не меньше {mark}%",
        "need_questionnaire": "заполненная анкета",
    },
    "en": {
        "preview": "Preview",
        "reader": "What a learner reading English sees",
        "start": "Cohort starts",
        "tz": "Time zone",
        "hours": "Hours of study",
        "enrolment": "On enrolment",
        "lesson_of": "Lesson {n} of {total}",
        "open": "Open",
        "quiz_intro": "Quiz: {n} questions. Pass mark: {mark}%.",
        "start_quiz": "▶️ Start the quiz",
        "poll": "Quiz",
        "anonymous_poll": "Anonymous quiz",
        "correct": "correct answer",
        "deadline": "Deadline",
        "accepts": "You can send",
        "reminders": "Reminders",
        "send_homework": "📝 Send homework",
        "questionnaire": "Questionnaire",
        "anonymous": "anonymous",
        "named": "not anonymous",
        "begin": "Start",
        "done": "Done",
        "skip": "Skip",
        "type_answer": "✍️ Type your answer as a message.",
        "choose_many": "Choose any and press “Done”.",
        "kb": "KB",
        "mb": "MB",
        "text": "text",
        "photo": "photo",
        "document": "document",
        "video": "video",
        "voice": "voice message",
        "link": "link",
        "completion": "To complete the course",
        "need_homework": "accepted homework: lessons {lessons}",
        "need_quiz": "right answers in the quizzes: at least {mark}%",
        "need_questionnaire": "the questionnaire filled in",
    },
}

_MONTHS = {
    "kk": ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз",
           "қыркүйек", "қазан", "қараша", "желтоқсан"),
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}
_WEEKDAYS = {
    "kk": ("дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жұма", "сенбі", "жексенбі"),
    "ru": ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


def word(language: str, key: str, **values: object) -> str:
    text = WORDS.get(language, WORDS["en"])[key]
    return text.format(**values) if values else text


def day_label(language: str, moment: datetime) -> str:
    """``15 сәуір, сәрсенбі`` / ``15 апреля, среда`` / ``Wednesday, 15 April``."""
    lang = language if language in _MONTHS else "en"
    month = _MONTHS[lang][moment.month - 1]
    weekday = _WEEKDAYS[lang][moment.weekday()]
    if lang == "en":
        return f"{weekday}, {moment.day} {month}"
    return f"{moment.day} {month}, {weekday}"


def moment_label(language: str, moment: datetime) -> str:
    return f"{day_label(language, moment)}, {moment:%H:%M}"


def full_date(language: str, day: date) -> str:
    """With the year: ``15 сәуір 2026``, ``15 апреля 2026``, ``15 April 2026``."""
    lang = language if language in _MONTHS else "en"
    return f"{day.day} {_MONTHS[lang][day.month - 1]} {day.year}"


def file_size(language: str, size: int) -> str:
    """``23,1 КБ`` in kk and ru (decimal comma), ``23.1 KB`` in en."""
    if size >= 1024 * 1024:
        value, unit = size / 1024 / 1024, word(language, "mb")
    else:
        value, unit = max(size / 1024, 0.1), word(language, "kb")
    text = f"{value:.1f}"
    if language in {"kk", "ru"}:
        text = text.replace(".", ",")
    return f"{text}\u00a0{unit}"
