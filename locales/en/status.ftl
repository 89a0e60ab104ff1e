## Bot owners: /status

status-header = 🩺 <b>Oqu { $version }</b>
status-uptime = Up for { $days } d { $hours } h { $minutes } min
status-database = Database: { $size }
status-backup = Last backup: { $when } ({ $size })
status-backup-none = No backup yet
status-queue = Delivery queue: { $planned } planned, { $sending } being sent
status-next-due = Next due: { $when }
status-errors = Last errors ({ $total } in all):
status-error-line = • { $when }: <code>{ $kind }</code>, { $place }, id <code>{ $error_id }</code>
status-errors-none = No errors since start-up ✅
