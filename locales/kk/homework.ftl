## Homework: handing in, reviewing, progress

## The curator's decision, as the learner gets it (bot/delivery/render.py, kind homework-result).
# $lesson: the lesson's number, $title: its title
homework-result-accepted = ✅ Куратор { $lesson }-сабақтың «{ $title }» үй тапсырмасын қабылдады.
homework-result-returned = ↩️ Куратор { $lesson }-сабақтың «{ $title }» үй тапсырмасын пысықтауға қайтарды.
# $score: the points given, $max: the most there could be
homework-result-score = 🏅 Баға: { $max } ұпайдан { $score }
homework-result-comment = 💬 <b>Куратордың пікірі:</b> { $comment }
homework-result-voice = 🎙 Куратордың пікірі төмендегі дауыстық хабарда.
homework-result-again = Тапсырманы түзетіп, жаңа нұсқасын төмендегі батырмамен жіберіңіз.
homework-button-hand-in-again = 📝 Қайта тапсыру
