## Profile

field-full_name = Full name
field-region = Region
field-district = District or city
field-library = Library
field-position = Position
field-settlement = Library type

profile-line = <b>{ $label }:</b> { $value }
profile-card =
    👤 <b>Your profile</b>

    { $summary }
    <b>Language:</b> { $language }

    To change something, press its button.
profile-not-registered = You are not registered yet. Press the button to register: it takes two minutes.
profile-updated = ✅ Saved.
profile-edit-cancelled = Nothing changed.
profile-delete-confirm =
    🗑 <b>Delete your data?</b>
    I will delete your name, region, district, library, position and consent. Only your language will remain. You will not be able to take courses until you register again.
profile-delete-kept = Good, your data stays as it was.
profile-deleted = 🗑 Your personal data has been deleted.
profile-deleted-next = If you want to take courses again, press the button to register.

button-edit-full_name = ✏️ Name
button-edit-region = ✏️ Region
button-edit-district = ✏️ District
button-edit-library = ✏️ Library
button-edit-position = ✏️ Position
button-edit-settlement = ✏️ Library type
button-delete-data = 🗑 Delete my data
button-delete-yes = 🗑 Yes, delete
button-delete-no = ↩️ No, keep it
