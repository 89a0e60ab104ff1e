## Сертификаты: PDF, проверка, сторона слушателя и организатора

# Напечатано в PDF.
certificates-pdf-title = СЕРТИФИКАТ
certificates-pdf-before-name = Настоящий сертификат подтверждает, что
# Around the course's title, printed in bold where $title stands (either side may be empty).
certificates-pdf-completed = успешно прошёл(а) курс повышения квалификации { $title }
certificates-pdf-hours = { $hours ->
        [one] { $hours } академический час
        [few] { $hours } академических часа
        [many] { $hours } академических часов
       *[other] { $hours } академического часа
    }
certificates-pdf-dates = Период обучения: с { $start } по { $end }
certificates-pdf-issued = Дата выдачи: { $date }
certificates-pdf-verify = Отсканируйте QR-код, чтобы проверить сертификат
certificates-pdf-organization = Курсы повышения квалификации библиотекарей Oqu

# Сообщение, с которым приходит PDF.
certificates-caption = 🎓 Ваш сертификат за курс «{ $course }».
    Номер: <code>{ $number }</code>. Любой может проверить его по QR-коду.

# Свои сертификаты слушателя.
certificates-button = 🎓 Сертификат: { $title }
certificates-again = 🎓 Сертификат уже в пути.
certificates-none = Вы пока не проходите курс, поэтому сертификата нет.
certificates-not-yet = Сертификата за «{ $course }» пока нет. Осталось:
certificates-missing-homework = • домашнее задание урока { $lesson }: его должен принять куратор
certificates-missing-quiz = • тесты: пока { $percent }% верных ответов, нужно { $pass_mark }%
certificates-missing-questionnaire = • анкета в конце курса
certificates-on-the-way = Всё по курсу «{ $course }» выполнено: сертификат скоро придёт.
certificates-revoked-own = Ваш сертификат { $number } отозван. Обратитесь, пожалуйста, к организатору.
cmd-certificate = Мой сертификат или что ещё осталось
cmd-verify = Проверить сертификат по номеру

# Проверка номера: /verify или ссылка из QR-кода. Доступна всем.
verify-usage = Отправьте номер сертификата после /verify, например:
    <code>/verify OQU-2026-7KQ4-MX2P</code>
verify-valid = ✅ Сертификат <code>{ $number }</code> <b>действителен</b>.
verify-revoked = ❌ Сертификат <code>{ $number }</code> <b>отозван</b>.
    Причина: { $reason }
verify-replaced = ⚠️ Сертификат <code>{ $number }</code> <b>заменён</b> сертификатом <code>{ $replaced_by }</code> (выдан заново после исправления).
verify-details = ФИО: <b>{ $name }</b>
    Курс: «{ $course }»
    Часов: { $hours }
    Дата выдачи: { $date }
    Выдан: { $issuer }
verify-not-found = Сертификата с номером <code>{ $number }</code> нет. Проверьте номер, напечатанный под QR-кодом.
verify-throttled = Слишком много несуществующих номеров. Попробуйте снова через { $minutes } мин.
verify-reason-erased = владелец попросил удалить свои персональные данные

# Организаторы.
cmd-certificates = Сертификаты потока (организаторы)
cmd-certissue = Выдать сертификат вручную (организаторы)
cmd-certrevoke = Отозвать сертификат (организаторы)
cmd-certreissue = Выдать сертификат заново (организаторы)
certificates-staff-usage = Сертификаты:
    /certificates <i>поток</i>: список потока
    /certissue <i>поток</i> <i>человек</i>: выдать вручную (прошёл курс офлайн)
    /certrevoke <i>номер</i> <i>причина</i>: отозвать
    /certreissue <i>номер</i>: выдать заново после исправления ФИО (старый станет заменённым)
certificates-staff-cohorts = Потоки:
certificates-staff-cohort-line = { $id } · { $cohort }: { $count }
certificates-staff-list = Сертификаты потока «{ $cohort }»: { $count }
certificates-staff-line = <code>{ $number }</code> · { $name } · { $status ->
        [valid] действителен
        [revoked] отозван
       *[replaced] заменён
    } · { $date }
certificates-staff-unknown-cohort = Такого потока нет.
certificates-staff-not-learner = Этот человек не слушатель этого потока.
certificates-staff-no-name = Этот человек не указал ФИО при регистрации.
certificates-staff-already = У него уже есть сертификат <code>{ $number }</code>.
certificates-staff-issued = Сертификат <code>{ $number }</code> выдан: { $name }; он уже отправляется.
certificates-staff-unknown-number = Действительного сертификата с номером <code>{ $number }</code> нет.
certificates-staff-reason-needed = Напишите причину после номера: /certrevoke <i>номер</i> <i>причина</i>
certificates-staff-revoked = Сертификат <code>{ $number }</code> отозван.
certificates-staff-reissued = Сертификат <code>{ $old }</code> заменён сертификатом <code>{ $number }</code> ({ $name }); новый уже отправляется.
