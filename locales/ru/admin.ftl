## Владельцы

stats-header = 📊 <b>Зарегистрировано библиотекарей: { $total }</b>
stats-line = { $region }: сельских { $rural }, городских { $urban }
stats-empty = 📊 Пока никто не зарегистрировался.
