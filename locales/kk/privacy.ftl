## Дербес деректер: /mydata

cmd-mydata = Бот мен туралы не сақтайды
button-mydata = 📄 Менің деректерім
mydata-nothing = Мен сіз туралы ештеңе сақтамаймын.
mydata-title = 📄 <b>Сіз туралы не сақтаймын</b>
mydata-line-name = <b>Аты-жөні:</b> { $name }
mydata-line-language = <b>Тіл:</b> { $language }
mydata-line-consent = <b>Келісім берілген уақыт:</b> { $moment }
mydata-line-no-consent = <b>Келісім:</b> берілмеген, тек тіліңіз сақталады.
mydata-line-roles = <b>Рөлдер:</b> { $roles }
mydata-line-courses = <b>Курстар:</b>
mydata-line-course = • { $cohort }: { $course } ({ $status })
mydata-course-unknown = курс енді сақталмайды
mydata-status-active = оқып жүрсіз
mydata-status-left = курстан шықтыңыз
mydata-status-removed = ұйымдастырушы шығарды
mydata-line-cohorts-curated = <b>Куратор болған ағындарыңыз:</b> { $count }
mydata-line-cohorts-opened = <b>Өзіңіз ашқан ағындар:</b> { $count }
mydata-line-deliveries = <b>Курс хабарламалары:</b> { $sent } жіберілді, { $planned } әлі алда
mydata-line-form = <b>Соңына дейін толтырылмаған формалар:</b> { $count }
mydata-line-other = <b>Басқа жазбалар:</b> { $count }
mydata-footer = Толығы төмендегі файлда (JSON, кез келген мәтін редакторы ашады). Деректеріңізді жою үшін: { $profile } → { $delete }.
mydata-caption = 📄 Сіз туралы деректер ({ $date })
mydata-file-about = Oqu боты сіз туралы сақтайтын деректердің бәрі, сақталған күйінде. Уақыт UTC бойынша көрсетілген (Астана уақыты: UTC+5). «profile_labels» бөлімінде профиліңіздегі кодталған жауаптар сөзбен жазылған.
