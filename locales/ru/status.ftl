## Владельцы бота: /status

status-header = 🩺 <b>Oqu { $version }</b>
status-uptime = Работает: { $days } д { $hours } ч { $minutes } мин
status-database = База данных: { $size }
status-backup = Последняя резервная копия: { $when } ({ $size })
status-backup-none = Резервных копий пока нет
status-queue = Очередь доставки: запланировано { $planned }, отправляется { $sending }
status-next-due = Следующая: { $when }
status-errors = Последние ошибки (всего { $total }):
status-error-line = • { $when }: <code>{ $kind }</code>, { $place }, id <code>{ $error_id }</code>
status-errors-none = С запуска ошибок не было ✅
