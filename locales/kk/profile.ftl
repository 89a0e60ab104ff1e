## Профиль

field-full_name = Аты-жөні
field-region = Облыс
field-district = Аудан немесе қала
field-library = Кітапхана
field-position = Лауазымы
field-settlement = Кітапхана түрі

profile-line = <b>{ $label }:</b> { $value }
profile-card =
    👤 <b>Сіздің профиліңіз</b>

    { $summary }
    <b>Тіл:</b> { $language }

    Өзгерту үшін тиісті батырманы басыңыз.
profile-not-registered = Сіз әлі тіркелмегенсіз. Тіркелу үшін батырманы басыңыз: бұл екі минут алады.
profile-updated = ✅ Сақталды.
profile-edit-cancelled = Ештеңе өзгерген жоқ.
profile-delete-confirm =
    🗑 <b>Деректеріңіз жойылсын ба?</b>
    Аты-жөніңізді, облысыңызды, ауданыңызды, кітапханаңызды, лауазымыңызды және келісіміңізді жоямын. Тек таңдаған тіліңіз қалады. Қайта тіркелмейінше курстардан өте алмайсыз.
profile-delete-kept = Жақсы, деректеріңіз өзгеріссіз қалды.
profile-deleted = 🗑 Дербес деректеріңіз жойылды.
profile-deleted-next = Курстардан қайта өткіңіз келсе, тіркелу үшін батырманы басыңыз.

button-edit-full_name = ✏️ Аты-жөні
button-edit-region = ✏️ Облыс
button-edit-district = ✏️ Аудан
button-edit-library = ✏️ Кітапхана
button-edit-position = ✏️ Лауазым
button-edit-settlement = ✏️ Кітапхана түрі
button-delete-data = 🗑 Деректерімді жою
button-delete-yes = 🗑 Иә, жою
button-delete-no = ↩️ Жоқ, қалдыру
