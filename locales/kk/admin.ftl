## Иелері

stats-header = 📊 <b>Тіркелген кітапханашылар: { $total }</b>
stats-line = { $region }: ауылдық { $rural }, қалалық { $urban }
stats-empty = 📊 Әзірге ешкім тіркелген жоқ.
