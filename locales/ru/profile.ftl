## Профиль

field-full_name = ФИО
field-region = Область
field-district = Район или город
field-library = Библиотека
field-position = Должность
field-settlement = Тип библиотеки

profile-line = <b>{ $label }:</b> { $value }
profile-card =
    👤 <b>Ваш профиль</b>

    { $summary }
    <b>Язык:</b> { $language }

    Чтобы что-то изменить, нажмите соответствующую кнопку.
profile-not-registered = Вы ещё не зарегистрированы. Нажмите кнопку, чтобы зарегистрироваться: это займёт две минуты.
profile-updated = ✅ Сохранено.
profile-edit-cancelled = Ничего не изменилось.
profile-delete-confirm =
    🗑 <b>Удалить ваши данные?</b>
    Я удалю ФИО, область, район, библиотеку, должность и согласие. Останется только выбранный язык. Проходить курсы можно будет только после новой регистрации.
profile-delete-kept = Хорошо, ваши данные остались без изменений.
profile-deleted = 🗑 Ваши персональные данные удалены.
profile-deleted-next = Если захотите снова проходить курсы, нажмите кнопку, чтобы зарегистрироваться.

button-edit-full_name = ✏️ ФИО
button-edit-region = ✏️ Область
button-edit-district = ✏️ Район
button-edit-library = ✏️ Библиотека
button-edit-position = ✏️ Должность
button-edit-settlement = ✏️ Тип библиотеки
button-delete-data = 🗑 Удалить мои данные
button-delete-yes = 🗑 Да, удалить
button-delete-no = ↩️ Нет, оставить
