## Owners

stats-header = 📊 <b>Registered librarians: { $total }</b>
stats-line = { $region }: rural { $rural }, urban { $urban }
stats-empty = 📊 Nobody has registered yet.
