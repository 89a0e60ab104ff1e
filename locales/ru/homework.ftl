## Homework: handing in, reviewing, progress

## The curator's decision, as the learner gets it (bot/delivery/render.py, kind homework-result).
# $lesson: the lesson's number, $title: its title
homework-result-accepted = ✅ Куратор принял ваше домашнее задание к уроку { $lesson } «{ $title }».
homework-result-returned = ↩️ Куратор вернул ваше домашнее задание к уроку { $lesson } «{ $title }» на доработку.
# $score: the points given, $max: the most there could be
homework-result-score = 🏅 Оценка: { $score } из { $max }
homework-result-comment = 💬 <b>Комментарий куратора:</b> { $comment }
homework-result-voice = 🎙 Комментарий куратора — в голосовом сообщении ниже.
homework-result-again = Доработайте задание и отправьте новую версию кнопкой ниже.
homework-button-hand-in-again = 📝 Сдать заново
