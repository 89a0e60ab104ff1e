## Персональные данные: /mydata

cmd-mydata = Что бот хранит обо мне
button-mydata = 📄 Мои данные
mydata-nothing = Я ничего о вас не храню.
mydata-title = 📄 <b>Что я храню о вас</b>
mydata-line-name = <b>ФИО:</b> { $name }
mydata-line-language = <b>Язык:</b> { $language }
mydata-line-consent = <b>Согласие дано:</b> { $moment }
mydata-line-no-consent = <b>Согласие:</b> не дано, хранится только язык.
mydata-line-roles = <b>Роли:</b> { $roles }
mydata-line-courses = <b>Курсы:</b>
mydata-line-course = • { $cohort }: { $course } ({ $status })
mydata-course-unknown = курс больше не хранится
mydata-status-active = вы учитесь
mydata-status-left = вы вышли
mydata-status-removed = исключены организатором
mydata-line-cohorts-curated = <b>Потоки, где вы куратор:</b> { $count }
mydata-line-cohorts-opened = <b>Потоки, которые вы открыли:</b> { $count }
mydata-line-deliveries = <b>Сообщения курсов:</b> отправлено { $sent }, впереди { $planned }
mydata-line-form = <b>Незавершённые формы:</b> { $count }
mydata-line-other = <b>Другие записи:</b> { $count }
mydata-footer = Подробно всё в файле ниже (JSON, открывается любым текстовым редактором). Удалить данные: { $profile } → { $delete }.
mydata-caption = 📄 Ваши данные ({ $date })
mydata-file-about = Всё, что бот Oqu хранит о вас, в том виде, как хранится. Время указано по UTC (время Астаны: UTC+5). В «profile_labels» закодированные ответы профиля написаны словами.
