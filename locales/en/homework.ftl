## Homework: handing in, reviewing, progress

## The curator's decision, as the learner gets it (bot/delivery/render.py, kind homework-result).
# $lesson: the lesson's number, $title: its title
homework-result-accepted = ✅ The curator accepted your homework for lesson { $lesson } «{ $title }».
homework-result-returned = ↩️ The curator returned your homework for lesson { $lesson } «{ $title }» to be improved.
# $score: the points given, $max: the most there could be
homework-result-score = 🏅 Score: { $score } of { $max }
homework-result-comment = 💬 <b>The curator's comment:</b> { $comment }
homework-result-voice = 🎙 The curator's comment is in the voice message below.
homework-result-again = Improve it and send a new version with the button below.
homework-button-hand-in-again = 📝 Hand in again
