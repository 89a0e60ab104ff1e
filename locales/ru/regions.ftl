## Области и города республиканского значения

region-astana = Астана
region-almaty-city = Алматы (город)
region-shymkent = Шымкент
region-abai = Область Абай
region-akmola = Акмолинская область
region-aktobe = Актюбинская область
region-almaty-region = Алматинская область
region-atyrau = Атырауская область
region-east-kazakhstan = Восточно-Казахстанская область
region-jambyl = Жамбылская область
region-jetisu = Область Жетісу
region-karaganda = Карагандинская область
region-kostanay = Костанайская область
region-kyzylorda = Кызылординская область
region-mangystau = Мангистауская область
region-north-kazakhstan = Северо-Казахстанская область
region-pavlodar = Павлодарская область
region-turkistan = Туркестанская область
region-ulytau = Область Ұлытау
region-west-kazakhstan = Западно-Казахстанская область
