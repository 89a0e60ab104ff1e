## Regions and cities of republican significance

region-astana = Astana
region-almaty-city = Almaty (city)
region-shymkent = Shymkent
region-abai = Abai region
region-akmola = Akmola region
region-aktobe = Aktobe region
region-almaty-region = Almaty region
region-atyrau = Atyrau region
region-east-kazakhstan = East Kazakhstan region
region-jambyl = Jambyl region
region-jetisu = Jetisu region
region-karaganda = Karaganda region
region-kostanay = Kostanay region
region-kyzylorda = Kyzylorda region
region-mangystau = Mangystau region
region-north-kazakhstan = North Kazakhstan region
region-pavlodar = Pavlodar region
region-turkistan = Turkistan region
region-ulytau = Ulytau region
region-west-kazakhstan = West Kazakhstan region
