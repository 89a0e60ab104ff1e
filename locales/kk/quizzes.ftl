## Сабақ тесттері: сабақпен келетін карточка, нәтиже, еске салу, батырмалар

# $lesson: сабақтың нөмірі, $title: оның атауы, $count: сұрақ саны, $mark: өту шегі, пайызбен,
# $attempts: тыңдаушының неше әрекеті бар.
quiz-card =
    📝 <b>{ $lesson }-сабақтың тесті</b> «{ $title }»: { $count } сұрақ, өту шегі { $mark }%.
    { $attempts ->
        [one] Сізде бір әрекет бар.
       *[other] Сізде { $attempts } әрекет бар; ең жақсы нәтиже есептеледі.
    }
quiz-button-start = ▶️ Тестті бастау
quiz-button-retake = 🔁 Қайта тапсыру
quiz-button-continue = ▶️ Тестті жалғастыру

# $total сұрақтың $right сұрағына дұрыс жауап берілді, бұл $percent пайыз.
quiz-result-heading = 📝 <b>{ $lesson }-сабақтың тесті</b> «{ $title }»: { $total } сұрақтың { $right } сұрағына дұрыс жауап бердіңіз ({ $percent }%).
quiz-result-passed = ✅ Тест тапсырылды: өту шегі { $mark }%.
quiz-result-failed = ❌ Тест тапсырылмады: өту шегі { $mark }%.
quiz-result-wrong-heading = <b>Қате жауаптар:</b>
# $number: сұрақтың нөмірі, $question: оның мәтіні, $answer: дұрыс нұсқа.
quiz-result-wrong =
    { $number }. { $question }
    ✅ Дұрыс жауап: { $answer }
quiz-result-best = Ең жақсы нәтижеңіз есептеледі: { $total } сұрақтың { $best } сұрағы.
quiz-result-attempts-left = { $left ->
        [0] Әрекет қалған жоқ.
       *[other] Тағы { $left } әрекет қалды.
    }

# $total сұрақтың $left сұрағына әлі жауап жоқ.
quiz-reminder =
    ⏰ <b>Еске салу</b>: сіз { $lesson }-сабақтың тестін «{ $title }» бастадыңыз, бірақ аяқтаған жоқсыз: { $total } сұрақтың { $left } сұрағы қалды.
    Жоғарыдағы сұраққа жауап беріңіз немесе оны қайта алу үшін батырманы басыңыз.

## Тест батырмаларына жауаптар (қысқа хабар немесе жабатын терезе)
quiz-start-started = 📝 Бірінші сұрақ жіберілді.
quiz-start-continued = 📝 Ағымдағы сұрақ қайта жіберілді.
quiz-start-nothing-open = Бұл тест аяқталды: нәтижесі жоғарыда.
quiz-start-no-attempts = Бұл тесттің барлық әрекетін пайдаландыңыз. Ең жақсы нәтижеңіз есептеледі.
quiz-start-not-enrolled = Сіз бұл курсқа енді қатыспайсыз.
quiz-start-not-yet = Бұл тест өз сабағымен бірге келеді: ол әлі ашылған жоқ.
quiz-start-unknown = Бұл батырма енді жұмыс істемейді.

## /courses ішіндегі тесттер
# $lesson: сабақтың нөмірі; ең жақсы әрекетте $total сұрақтың $right сұрағына дұрыс жауап.
quiz-progress-heading = 📝 Тесттер:
quiz-progress-passed = { $lesson }-сабақ: { $total } сұрақтың { $right } сұрағы ✅
quiz-progress-failed = { $lesson }-сабақ: { $total } сұрақтың { $right } сұрағы, әзірге тапсырылмады
quiz-progress-open = { $lesson }-сабақ: басталды, аяқталған жоқ
quiz-progress-none = { $lesson }-сабақ: әлі тапсырылған жоқ
# $percent: курстың барлық тест сұрақтары бойынша дұрыс жауаптар; $mark: курс талап ететіні.
quiz-progress-standing = Барлық тесттердегі дұрыс жауаптар: { $percent }% (курс талабы: { $mark }%) { $met ->
        [yes] ✅
       *[no] ⏳
    }
