## Роли, потоки и загрузка курсов: для владельцев, организаторов и кураторов

role-organizer = Организатор
role-curator = Куратор
roles-none = Пока ни у кого нет ролей. Выдать роль: /grant.
roles-list = 👥 <b>Роли</b> (нажмите кнопку, чтобы снять роль):
roles-line = • { $name }: { $role } (id { $id })
roles-revoke-button = ❌ { $name }: { $role }
roles-grant-who = Кому выдать роль? Перешлите мне любое сообщение этого человека или пришлите его @username или Telegram id. Он должен хотя бы раз открыть этого бота.
roles-error-hidden-forward = 🔒 Этот человек скрывает свой аккаунт в пересланных сообщениях. Пришлите, пожалуйста, его @username или Telegram id.
roles-error-unknown-username = 🤔 Я не знаю никого с таким @username: человеку нужно сначала открыть бота и зарегистрироваться.
roles-error-never-started = 🤔 Этот человек ещё не открывал бота. Попросите его сначала нажать «Старт».
roles-error-what = 🤔 Мне нужно пересланное сообщение, @username или Telegram id.
roles-grant-which = Какую роль выдать: { $name }?
roles-granted = ✅ { $name } теперь: { $role }.
roles-already = { $name }: роль «{ $role }» уже есть.
roles-revoked = ✅ { $name }: роль «{ $role }» снята.
roles-not-held = { $name }: роли «{ $role }» нет.
roles-you-got = 🎉 Вам выдана новая роль: { $role }. Новые команды появились в меню (☰).
roles-you-lost = ℹ️ С вас снята роль «{ $role }».

cohort-list = 👥 <b>Потоков: { $count }</b>. Выберите:
cohort-list-empty = 👥 Потоков пока нет.
cohort-list-button = { $name } · { $learners } 👤
cohort-button-new = ➕ Новый поток
cohort-button-invite = 🔗 Приглашение и QR
cohort-button-learners = 👥 Слушатели
cohort-button-close = 🔒 Закрыть запись
cohort-button-reopen = 🔓 Открыть запись
cohort-button-remove = ➖ Исключить слушателя
cohort-button-curator = 🧑‍🏫 Добавить куратора
cohort-button-all = ⬅️ Все потоки
cohort-card =
    👥 <b>{ $name }</b>
    Курс: { $course }
    Начало: { $start } ({ $timezone })
    Запись до: { $deadline }
    Мест: { $capacity } · слушателей: { $learners }
    Запись: { $enrolment }
cohort-no-deadline = без срока
cohort-no-limit = без ограничения
cohort-enrolment-open = 🟢 открыта
cohort-enrolment-closed = 🔴 закрыта
cohort-invite =
    🔗 Приглашение в поток <b>«{ $name }»</b>:
    { $link }
    Поделитесь ссылкой или покажите QR-код на слайде: библиотекарь откроет его, зарегистрируется и будет записан.
cohort-learners = 👥 <b>{ $name }</b>: слушателей { $count }
cohort-learner-line = { $number }. { $name }: { $region }, { $district }, { $library } ({ $settlement })
cohort-learners-none = В поток «{ $name }» пока никто не записался.
cohort-closed = 🔒 Запись в поток «{ $name }» закрыта.
cohort-reopened = 🔓 Запись в поток «{ $name }» снова открыта.
cohort-remove-who = Кого исключить из потока «{ $name }»?
cohort-remove-person = { $name } ({ $library })
cohort-remove-confirm = Исключить из потока «{ $name }»: { $person }? Уроки перестанут приходить; сданные работы сохранятся.
cohort-remove-yes = ➖ Да, исключить
cohort-remove-no = ↩️ Нет
cohort-removed = ✅ { $person } больше не в потоке «{ $name }».
cohort-remove-not-there = { $person }: уже не в потоке «{ $name }».
cohort-curator-none = Нет никого с ролью куратора. Эту роль выдаёт владелец бота командой /grant.
cohort-curator-who = Кто будет куратором потока «{ $name }»?
cohort-curator-added = ✅ { $person } теперь куратор потока «{ $name }».

newcohort-ask-course = ➕ <b>Новый поток</b>, шаг 1 из 6. Какой курс?
newcohort-course-button = { $title } (версия { $version })
newcohort-no-courses = Курсов пока нет. Сначала пришлите мне zip-архив курса (поможет команда /import).
newcohort-ask-name = Шаг 2 из 6. Напишите <b>название</b> потока (например: Сельские библиотеки, апрель).
newcohort-ask-start = Шаг 3 из 6. С какой <b>даты</b> начинается? Например 15.04.2026 или 15.04.
newcohort-ask-timezone = Шаг 4 из 6. Какой <b>часовой пояс</b>? Уроки приходят по местному времени. Нажмите кнопку или напишите другой пояс, например Asia/Tashkent.
newcohort-timezone-default = { $zone } (Казахстан)
newcohort-ask-deadline = Шаг 5 из 6. До какого дня открыта <b>запись</b>? Нажмите кнопку или напишите дату.
newcohort-deadline-start = До дня начала
newcohort-deadline-none = Без срока
newcohort-ask-capacity = Шаг 6 из 6. Сколько <b>мест</b>? Напишите число или нажмите кнопку.
newcohort-capacity-none = Без ограничения
newcohort-confirm =
    Проверьте, пожалуйста:
    Курс: { $course }
    Название: { $name }
    Начало: { $start } ({ $timezone })
    Запись до: { $deadline }
    Мест: { $capacity }
newcohort-create = ✅ Открыть поток
newcohort-cancelled = Отменено: поток не открыт.
newcohort-created = 🎉 Поток «{ $name }» открыт. Вот приглашение:
cohort-error-date = 📅 Не удалось прочитать дату. Напишите её, например, так: 15.04.2026.
cohort-error-date-past = 📅 Эта дата уже прошла. Выберите сегодняшний или более поздний день.
cohort-error-timezone = 🕰 Я не знаю такого часового пояса. Напишите, например, Asia/Almaty или нажмите кнопку.
cohort-error-capacity = 🔢 Напишите целое число от 1 до { $limit } или нажмите «Без ограничения».

import-how = 📦 Чтобы загрузить курс, пришлите мне его zip-архив (папку курса с course.yaml и файлами) или один файл course.yaml. Я проверю его и назову каждую ошибку с номером строки. Если нужен образец курса, попросите его у владельца бота. /cancel — перестать ждать.
import-cancelled = 📦 Загрузка курса отменена.
import-waiting-file = 📦 Жду файл курса: .zip с course.yaml внутри или course.yaml. /cancel — перестать ждать.
import-use-command = 📦 Это курс для загрузки? Сначала отправьте /import, затем файл, или пришлите файл с подписью /import.
import-wrong-type = 📦 { $name } не похож на файл курса. Пришлите .zip с course.yaml внутри или course.yaml.
import-too-big = 📦 Файл больше { $limit } МБ: такой большой файл бот не может скачать из Telegram. Большие видео дайте ссылками или уменьшите файлы; если не получится, попросите владельца бота загрузить курс на сервере.
import-checking = 🔎 Проверяю курс…
import-failed = ❌ В курсе ошибок: { $count }; ничего не загружено. Исправьте их и пришлите снова:
import-more = …и ещё { $count }.
import-retry = ⚠️ Файл изменился во время копирования. Пришлите курс ещё раз.
import-yes = да
import-no = нет
import-done =
    ✅ Курс <b>{ $code }</b> загружен как версия { $version }.
    Уроков: { $lessons } · домашних заданий: { $homework } · тестов: { $quizzes } · анкета: { $questionnaire }
    Языки: { $languages } · файлов: { $files } · предупреждений: { $warnings }
    Идущие потоки остаются на своей версии; новые потоки получат эту.
import-unchanged =
    ✅ Курс <b>{ $code }</b> не изменился: он совпадает с версией { $version }.
    Уроков: { $lessons } · домашних заданий: { $homework } · тестов: { $quizzes } · анкета: { $questionnaire }
    Языки: { $languages } · файлов: { $files } · предупреждений: { $warnings }
roles-error-not-an-id = 🤔 Это не Telegram id: id — это число не длиннее 16 цифр. Перешлите сообщение этого человека или пришлите его @username.
