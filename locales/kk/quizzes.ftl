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
