## Бот иелері: /status

status-header = 🩺 <b>Oqu { $version }</b>
status-uptime = Жұмыс істеп тұрғанына: { $days } күн { $hours } сағ { $minutes } мин
status-database = Дерекқор: { $size }
status-backup = Соңғы сақтық көшірме: { $when } ({ $size })
status-backup-none = Сақтық көшірме әлі жасалған жоқ
status-queue = Жіберу кезегі: жоспарда { $planned }, жіберіліп жатыр { $sending }
status-next-due = Келесісі: { $when }
status-errors = Соңғы қателер (барлығы { $total }):
status-error-line = • { $when }: <code>{ $kind }</code>, { $place }, id <code>{ $error_id }</code>
status-errors-none = Іске қосылғаннан бері қате болған жоқ ✅
