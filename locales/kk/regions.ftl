## Облыстар және республикалық маңызы бар қалалар

region-astana = Астана
region-almaty-city = Алматы (қала)
region-shymkent = Шымкент
region-abai = Абай облысы
region-akmola = Ақмола облысы
region-aktobe = Ақтөбе облысы
region-almaty-region = Алматы облысы
region-atyrau = Атырау облысы
region-east-kazakhstan = Шығыс Қазақстан облысы
region-jambyl = Жамбыл облысы
region-jetisu = Жетісу облысы
region-karaganda = Қарағанды облысы
region-kostanay = Қостанай облысы
region-kyzylorda = Қызылорда облысы
region-mangystau = Маңғыстау облысы
region-north-kazakhstan = Солтүстік Қазақстан облысы
region-pavlodar = Павлодар облысы
region-turkistan = Түркістан облысы
region-ulytau = Ұлытау облысы
region-west-kazakhstan = Батыс Қазақстан облысы
