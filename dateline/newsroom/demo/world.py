"""The demo edition's fixed cast: places, names, sections, tags, agencies and proper nouns."""

from __future__ import annotations

from dataclasses import dataclass

# key|name in English|Russian: nominative|genitive|"in ..."|name culture|currency
_COUNTRIES = """
russia|Russia|Россия|России|в России|ru|rub
germany|Germany|Германия|Германии|в Германии|eu|eur
france|France|Франция|Франции|во Франции|eu|eur
austria|Austria|Австрия|Австрии|в Австрии|eu|eur
italy|Italy|Италия|Италии|в Италии|eu|eur
spain|Spain|Испания|Испании|в Испании|la|eur
portugal|Portugal|Португалия|Португалии|в Португалии|la|eur
poland|Poland|Польша|Польши|в Польше|eu|usd
czechia|the Czech Republic|Чехия|Чехии|в Чехии|eu|usd
hungary|Hungary|Венгрия|Венгрии|в Венгрии|eu|usd
finland|Finland|Финляндия|Финляндии|в Финляндии|no|eur
norway|Norway|Норвегия|Норвегии|в Норвегии|no|usd
sweden|Sweden|Швеция|Швеции|в Швеции|no|usd
denmark|Denmark|Дания|Дании|в Дании|no|usd
iceland|Iceland|Исландия|Исландии|в Исландии|no|usd
netherlands|the Netherlands|Нидерланды|Нидерландов|в Нидерландах|eu|eur
switzerland|Switzerland|Швейцария|Швейцарии|в Швейцарии|eu|usd
greece|Greece|Греция|Греции|в Греции|eu|eur
serbia|Serbia|Сербия|Сербии|в Сербии|eu|usd
china|China|Китай|Китая|в Китае|cn|usd
japan|Japan|Япония|Японии|в Японии|jp|usd
korea|South Korea|Южная Корея|Южной Кореи|в Южной Корее|kr|usd
india|India|Индия|Индии|в Индии|in|usd
singapore|Singapore|Сингапур|Сингапура|в Сингапуре|cn|usd
vietnam|Vietnam|Вьетнам|Вьетнама|во Вьетнаме|vn|usd
kazakhstan|Kazakhstan|Казахстан|Казахстана|в Казахстане|ca|usd
uzbekistan|Uzbekistan|Узбекистан|Узбекистана|в Узбекистане|ca|usd
azerbaijan|Azerbaijan|Азербайджан|Азербайджана|в Азербайджане|ca|usd
armenia|Armenia|Армения|Армении|в Армении|ca|usd
turkey|Turkey|Турция|Турции|в Турции|tr|usd
uae|the United Arab Emirates|ОАЭ|ОАЭ|в ОАЭ|ar|usd
qatar|Qatar|Катар|Катара|в Катаре|ar|usd
egypt|Egypt|Египет|Египта|в Египте|ar|usd
morocco|Morocco|Марокко|Марокко|в Марокко|ar|usd
usa|the United States|США|США|в США|en|usd
canada|Canada|Канада|Канады|в Канаде|en|usd
mexico|Mexico|Мексика|Мексики|в Мексике|la|usd
brazil|Brazil|Бразилия|Бразилии|в Бразилии|la|usd
argentina|Argentina|Аргентина|Аргентины|в Аргентине|la|usd
chile|Chile|Чили|Чили|в Чили|la|usd
colombia|Colombia|Колумбия|Колумбии|в Колумбии|la|usd
kenya|Kenya|Кения|Кении|в Кении|af|usd
nigeria|Nigeria|Нигерия|Нигерии|в Нигерии|af|usd
ethiopia|Ethiopia|Эфиопия|Эфиопии|в Эфиопии|af|usd
senegal|Senegal|Сенегал|Сенегала|в Сенегале|af|usd
southafrica|South Africa|ЮАР|ЮАР|в ЮАР|af|usd
"""

# key|region|flags|English|Russian: nom|gen|"in ..."|country
# flags: c capital, p port, n northern port, h host of talks, w warm (no snow),
# a arctic (no farming), d desert (no rivers to dam)
_CITIES = """
moscow|ru|c|Moscow|Москва|Москвы|в Москве|russia
spb|ru|pn|Saint Petersburg|Санкт-Петербург|Санкт-Петербурга|в Санкт-Петербурге|russia
kazan|ru||Kazan|Казань|Казани|в Казани|russia
novosibirsk|ru||Novosibirsk|Новосибирск|Новосибирска|в Новосибирске|russia
yekaterinburg|ru||Yekaterinburg|Екатеринбург|Екатеринбурга|в Екатеринбурге|russia
nnovgorod|ru||Nizhny Novgorod|Нижний Новгород|Нижнего Новгорода|в Нижнем Новгороде|russia
vladivostok|ru|pn|Vladivostok|Владивосток|Владивостока|во Владивостоке|russia
murmansk|ru|pna|Murmansk|Мурманск|Мурманска|в Мурманске|russia
arkhangelsk|ru|pna|Arkhangelsk|Архангельск|Архангельска|в Архангельске|russia
kaliningrad|ru|pn|Kaliningrad|Калининград|Калининграда|в Калининграде|russia
krasnoyarsk|ru||Krasnoyarsk|Красноярск|Красноярска|в Красноярске|russia
irkutsk|ru||Irkutsk|Иркутск|Иркутска|в Иркутске|russia
samara|ru||Samara|Самара|Самары|в Самаре|russia
tomsk|ru||Tomsk|Томск|Томска|в Томске|russia
perm|ru||Perm|Пермь|Перми|в Перми|russia
khabarovsk|ru||Khabarovsk|Хабаровск|Хабаровска|в Хабаровске|russia
yakutsk|ru|a|Yakutsk|Якутск|Якутска|в Якутске|russia
rostov|ru||Rostov-on-Don|Ростов-на-Дону|Ростова-на-Дону|в Ростове-на-Дону|russia
ufa|ru||Ufa|Уфа|Уфы|в Уфе|russia
omsk|ru||Omsk|Омск|Омска|в Омске|russia
sochi|ru|pw|Sochi|Сочи|Сочи|в Сочи|russia
berlin|eu|c|Berlin|Берлин|Берлина|в Берлине|germany
hamburg|eu|pn|Hamburg|Гамбург|Гамбурга|в Гамбурге|germany
paris|eu|c|Paris|Париж|Парижа|в Париже|france
lyon|eu||Lyon|Лион|Лиона|в Лионе|france
vienna|eu|ch|Vienna|Вена|Вены|в Вене|austria
rome|eu|cw|Rome|Рим|Рима|в Риме|italy
milan|eu|w|Milan|Милан|Милана|в Милане|italy
madrid|eu|cw|Madrid|Мадрид|Мадрида|в Мадриде|spain
lisbon|eu|cpw|Lisbon|Лиссабон|Лиссабона|в Лиссабоне|portugal
warsaw|eu|c|Warsaw|Варшава|Варшавы|в Варшаве|poland
prague|eu|c|Prague|Прага|Праги|в Праге|czechia
budapest|eu|c|Budapest|Будапешт|Будапешта|в Будапеште|hungary
helsinki|eu|cphn|Helsinki|Хельсинки|Хельсинки|в Хельсинки|finland
oslo|eu|cpn|Oslo|Осло|Осло|в Осло|norway
tromso|eu|pna|Tromsø|Тромсё|Тромсё|в Тромсё|norway
stockholm|eu|cpn|Stockholm|Стокгольм|Стокгольма|в Стокгольме|sweden
copenhagen|eu|cpn|Copenhagen|Копенгаген|Копенгагена|в Копенгагене|denmark
reykjavik|eu|cpna|Reykjavik|Рейкьявик|Рейкьявика|в Рейкьявике|iceland
amsterdam|eu|cpn|Amsterdam|Амстердам|Амстердама|в Амстердаме|netherlands
geneva|eu|h|Geneva|Женева|Женевы|в Женеве|switzerland
athens|eu|cpw|Athens|Афины|Афин|в Афинах|greece
belgrade|eu|ch|Belgrade|Белград|Белграда|в Белграде|serbia
beijing|as|c|Beijing|Пекин|Пекина|в Пекине|china
shanghai|as|pw|Shanghai|Шанхай|Шанхая|в Шанхае|china
chengdu|as||Chengdu|Чэнду|Чэнду|в Чэнду|china
tokyo|as|c|Tokyo|Токио|Токио|в Токио|japan
osaka|as|p|Osaka|Осака|Осаки|в Осаке|japan
sapporo|as||Sapporo|Саппоро|Саппоро|в Саппоро|japan
seoul|as|c|Seoul|Сеул|Сеула|в Сеуле|korea
busan|as|p|Busan|Пусан|Пусана|в Пусане|korea
delhi|as|cw|New Delhi|Нью-Дели|Нью-Дели|в Нью-Дели|india
mumbai|as|pw|Mumbai|Мумбаи|Мумбаи|в Мумбаи|india
bengaluru|as|w|Bengaluru|Бангалор|Бангалора|в Бангалоре|india
singapore|as|cphw|Singapore|Сингапур|Сингапура|в Сингапуре|singapore
hanoi|as|cw|Hanoi|Ханой|Ханоя|в Ханое|vietnam
astana|as|ch|Astana|Астана|Астаны|в Астане|kazakhstan
almaty|as||Almaty|Алматы|Алматы|в Алматы|kazakhstan
tashkent|as|c|Tashkent|Ташкент|Ташкента|в Ташкенте|uzbekistan
baku|me|cp|Baku|Баку|Баку|в Баку|azerbaijan
yerevan|me|c|Yerevan|Ереван|Еревана|в Ереване|armenia
istanbul|me|phw|Istanbul|Стамбул|Стамбула|в Стамбуле|turkey
ankara|me|c|Ankara|Анкара|Анкары|в Анкаре|turkey
dubai|me|pwd|Dubai|Дубай|Дубая|в Дубае|uae
abudhabi|me|cwd|Abu Dhabi|Абу-Даби|Абу-Даби|в Абу-Даби|uae
doha|me|cphwd|Doha|Доха|Дохи|в Дохе|qatar
cairo|me|cwd|Cairo|Каир|Каира|в Каире|egypt
casablanca|af|pw|Casablanca|Касабланка|Касабланки|в Касабланке|morocco
rabat|af|cw|Rabat|Рабат|Рабата|в Рабате|morocco
washington|am|c|Washington|Вашингтон|Вашингтона|в Вашингтоне|usa
newyork|am|ph|New York|Нью-Йорк|Нью-Йорка|в Нью-Йорке|usa
chicago|am||Chicago|Чикаго|Чикаго|в Чикаго|usa
ottawa|am|c|Ottawa|Оттава|Оттавы|в Оттаве|canada
vancouver|am|pn|Vancouver|Ванкувер|Ванкувера|в Ванкувере|canada
mexicocity|am|cw|Mexico City|Мехико|Мехико|в Мехико|mexico
saopaulo|am|w|São Paulo|Сан-Паулу|Сан-Паулу|в Сан-Паулу|brazil
brasilia|am|cw|Brasília|Бразилиа|Бразилиа|в Бразилиа|brazil
buenosaires|am|cpw|Buenos Aires|Буэнос-Айрес|Буэнос-Айреса|в Буэнос-Айресе|argentina
santiago|am|cw|Santiago|Сантьяго|Сантьяго|в Сантьяго|chile
bogota|am|cw|Bogotá|Богота|Боготы|в Боготе|colombia
nairobi|af|cw|Nairobi|Найроби|Найроби|в Найроби|kenya
mombasa|af|pw|Mombasa|Момбаса|Момбасы|в Момбасе|kenya
lagos|af|pw|Lagos|Лагос|Лагоса|в Лагосе|nigeria
addisababa|af|chw|Addis Ababa|Аддис-Абеба|Аддис-Абебы|в Аддис-Абебе|ethiopia
dakar|af|cpw|Dakar|Дакар|Дакара|в Дакаре|senegal
capetown|af|pw|Cape Town|Кейптаун|Кейптауна|в Кейптауне|southafrica
pretoria|af|cw|Pretoria|Претория|Претории|в Претории|southafrica
"""

# Given names (male, female) and surnames: "English=Русский", "_" stands for a space.
# Slavic surnames take their feminine form (-a / -ая) for women.
_NAMES = {
    "ru": ("Alexei=Алексей Dmitry=Дмитрий Igor=Игорь Pavel=Павел Sergei=Сергей Andrei=Андрей "
           "Mikhail=Михаил Nikolai=Николай Kirill=Кирилл Oleg=Олег Yuri=Юрий Vadim=Вадим "
           "Roman=Роман Artyom=Артём Gleb=Глеб Stanislav=Станислав",
           "Anna=Анна Elena=Елена Maria=Мария Olga=Ольга Natalia=Наталья Irina=Ирина "
           "Tatiana=Татьяна Svetlana=Светлана Yulia=Юлия Ksenia=Ксения Vera=Вера Daria=Дарья "
           "Polina=Полина Marina=Марина Alina=Алина Yekaterina=Екатерина",
           "Sokolov=Соколов Belov=Белов Orlov=Орлов Zimin=Зимин Gromov=Громов Lapin=Лапин "
           "Tikhonov=Тихонов Mironov=Миронов Zaitsev=Зайцев Voronin=Воронин Shubin=Шубин "
           "Rudnev=Руднев Lebedev=Лебедев Yershov=Ершов Polyakov=Поляков Dorofeev=Дорофеев "
           "Streltsov=Стрельцов Ostrovsky=Островский Zhuravsky=Журавский Gordeev=Гордеев "
           "Sedov=Седов Kholodov=Холодов Ryabinin=Рябинин Vetrov=Ветров Lavrentyev=Лаврентьев"),
    "ca": ("Aidos=Айдос Timur=Тимур Rustam=Рустам Arman=Арман Bakhtiyar=Бахтияр Farid=Фарид "
           "Aram=Арам Davit=Давит",
           "Aigerim=Айгерим Dilnoza=Дилноза Madina=Мадина Leyla=Лейла Anahit=Анаит "
           "Saule=Сауле Nigora=Нигора Gulnara=Гульнара",
           "Nurlanov=Нурланов Iskakov=Искаков Tursunov=Турсунов Rakhimov=Рахимов "
           "Ismayilov=Исмаилов Zhaksybekov=Жаксыбеков Hakobyan=Акопян Grigoryan=Григорян "
           "Usmanov=Усманов Seitkali=Сейткали"),
    "eu": ("Lukas=Лукас Matteo=Маттео Pierre=Пьер Tomas=Томас Marek=Марек Stefan=Штефан "
           "Nikos=Никос Julien=Жюльен Andrzej=Анджей Jan=Ян Filip=Филип Marco=Марко Henri=Анри",
           "Clara=Клара Sofia=София Marta=Марта Lucia=Лючия Anouk=Анук Katarzyna=Катажина "
           "Giulia=Джулия Eva=Ева Elise=Элиза Petra=Петра Zuzana=Зузана Agnes=Агнес",
           "Moreau=Моро Brenner=Бреннер Novak=Новак Dupont=Дюпон Keller=Келлер "
           "Kowalczyk=Ковальчик Papadakis=Пападакис Horvath=Хорват Berger=Бергер "
           "Marchetti=Маркетти Lambert=Ламбер Vogel=Фогель Janssen=Янссен Hartmann=Хартман "
           "Varga=Варга Colombo=Коломбо"),
    "no": ("Henrik=Хенрик Jonas=Йонас Erik=Эрик Mikael=Микаэль Lars=Ларс Jussi=Юсси "
           "Olav=Улав Gunnar=Гуннар",
           "Ingrid=Ингрид Freya=Фрейя Astrid=Астрид Sanna=Санна Liv=Лив Maja=Майя "
           "Helga=Хельга Aino=Айно",
           "Lindqvist=Линдквист Halvorsen=Халворсен Jensen=Йенсен Aalto=Аалто Nyberg=Нюберг "
           "Sandvik=Сандвик Holm=Хольм Virtanen=Виртанен Dahl=Даль Eriksen=Эриксен"),
    "en": ("James=Джеймс Daniel=Дэниел Michael=Майкл Ethan=Итан Robert=Роберт Samuel=Сэмюэл "
           "Thomas=Томас Nathan=Натан",
           "Emily=Эмили Sarah=Сара Rachel=Рейчел Laura=Лора Megan=Меган Hannah=Ханна "
           "Claire=Клэр Olivia=Оливия",
           "Whitfield=Уитфилд Harper=Харпер Caldwell=Колдуэлл Brennan=Бреннан Hollis=Холлис "
           "Marsh=Марш Prescott=Прескотт Donovan=Донован Kessler=Кесслер Thornton=Торнтон "
           "Ellison=Эллисон Reyes=Рейес"),
    "la": ("Diego=Диего Mateo=Матео Rafael=Рафаэль João=Жуан Carlos=Карлос Andrés=Андрес "
           "Felipe=Фелипе Tiago=Тиагу",
           "Camila=Камила Valentina=Валентина Lucía=Лусия Beatriz=Беатрис Mariana=Мариана "
           "Isabel=Исабель Gabriela=Габриэла Paula=Паула",
           "Ortega=Ортега Salazar=Салазар Mendes=Мендес Figueroa=Фигероа Navarro=Наварро "
           "Cardoso=Кардозу Almeida=Алмейда Quiroga=Кирога Bustos=Бустос Pereira=Перейра "
           "Villalobos=Вильялобос Acosta=Акоста"),
    "cn": ("Wei=Вэй Jun=Цзюнь Hao=Хао Ming=Мин Tao=Тао Lei=Лэй Bo=Бо Peng=Пэн",
           "Fang=Фан Xiaoyu=Сяоюй Mei=Мэй Jing=Цзин Yan=Янь Ying=Ин Lan=Лань Hui=Хуэй",
           "Zhang=Чжан Liu=Лю Chen=Чэнь Wang=Ван Zhao=Чжао Huang=Хуан Zhou=Чжоу Lin=Линь "
           "Xu=Сюй Sun=Сунь"),
    "jp": ("Kenji=Кэндзи Hiroshi=Хироси Takumi=Такуми Daisuke=Дайсукэ Haruto=Харуто Shota=Сёта",
           "Yuki=Юки Aiko=Айко Haruka=Харука Emi=Эми Nanami=Нанами Sakura=Сакура",
           "Watanabe=Ватанабэ Kobayashi=Кобаяси Nakamura=Накамура Ishikawa=Исикава "
           "Fujita=Фудзита Matsuda=Мацуда Okada=Окада Hayashi=Хаяси"),
    "kr": ("Ji-hoon=Чжи_Хун Min-jun=Мин_Джун Dong-hyun=Дон_Хён Sung-min=Сон_Мин",
           "Seo-yeon=Со_Ён Ji-woo=Чжи_У Ha-eun=Ха_Ын Soo-jin=Су_Джин",
           "Park=Пак Kim=Ким Lee=Ли Choi=Чхве Jung=Чон Kang=Кан Yoon=Юн Han=Хан"),
    "in": ("Arjun=Арджун Rohan=Рохан Vikram=Викрам Anil=Анил Sanjay=Санджай Rahul=Рахул",
           "Priya=Прия Ananya=Ананья Kavita=Кавита Meera=Мира Deepa=Дипа Nisha=Ниша",
           "Sharma=Шарма Iyer=Айер Mehta=Мехта Rao=Рао Banerjee=Банерджи Kulkarni=Кулкарни "
           "Nair=Наир Desai=Десаи"),
    "vn": ("Van_Minh=Ван_Минь Duc_Anh=Дык_Ань Quang_Huy=Куанг_Хюи Thanh_Tung=Тхань_Тунг",
           "Thi_Lan=Тхи_Лан Thu_Ha=Тху_Ха Ngoc_Anh=Нгок_Ань Minh_Chau=Минь_Тяу",
           "Nguyen=Нгуен Tran=Чан Le=Ле Pham=Фам Hoang=Хоанг Vu=Ву"),
    "ar": ("Omar=Омар Karim=Карим Youssef=Юсеф Tarek=Тарек Hassan=Хасан Khalid=Халид "
           "Samir=Самир Nabil=Набиль",
           "Layla=Лейла Nadia=Надия Rania=Рания Salma=Сальма Huda=Худа Yasmin=Ясмин",
           "Haddad=Хаддад Mansour=Мансур Nasser=Насер Khoury=Хури El-Sayed=Эль-Сайед "
           "Farouk=Фарук Qasim=Касим Saleh=Салех"),
    "tr": ("Emre=Эмре Burak=Бурак Mehmet=Мехмет Kerem=Керем Murat=Мурат",
           "Elif=Элиф Zeynep=Зейнеп Ayşe=Айше Defne=Дефне Selin=Селин",
           "Yılmaz=Йылмаз Demir=Демир Aydın=Айдын Kaya=Кая Öztürk=Озтюрк Çelik=Челик "
           "Arslan=Арслан"),
    "af": ("Kwame=Кваме Tunde=Тунде Tesfaye=Тесфайе Sipho=Сипхо Mamadou=Мамаду "
           "Joseph=Джозеф Abebe=Абебе",
           "Amina=Амина Wanjiru=Ванджиру Ngozi=Нгози Thandiwe=Тандиве Aminata=Амината "
           "Grace=Грейс",
           "Okafor=Окафор Mwangi=Мванги Diallo=Диалло Ndlovu=Ндлову Bekele=Бекеле "
           "Adeyemi=Адейеми Otieno=Отиено Mensah=Менса"),
}
FAMILY_FIRST = {"cn", "kr", "vn"}

# slug|English name|tagline|Russian name|tagline
SECTIONS = [
    ("world", "World", "Dispatches from every continent",
     "Мир", "Репортажи со всех континентов"),
    ("russia", "Russia", "Regions, cities and people across eleven time zones",
     "Россия", "Регионы, города и люди в одиннадцати часовых поясах"),
    ("europe", "Europe", "From the Atlantic to the Urals",
     "Европа", "От Атлантики до Урала"),
    ("asia", "Asia", "The continent where most of the world lives",
     "Азия", "Континент, где живет большая часть человечества"),
    ("economy", "Economy", "Markets, money and the real economy",
     "Экономика", "Рынки, деньги и реальный сектор"),
    ("technology", "Technology", "Machines, networks and the people who build them",
     "Технологии", "Машины, сети и люди, которые их создают"),
    ("science", "Science", "Discoveries in the field, at sea and in the lab",
     "Наука", "Открытия в экспедициях, в море и в лабораториях"),
    ("defense", "Defense", "Armed forces, security and arms control",
     "Оборона", "Армия, безопасность и контроль над вооружениями"),
    ("sport", "Sport", "Results, records and the stories behind them",
     "Спорт", "Результаты, рекорды и истории за ними"),
    ("culture", "Culture", "Screens, stages, books and museums",
     "Культура", "Кино, сцена, книги и музеи"),
]
REGION_SECTION = {"ru": "russia", "eu": "europe", "as": "asia"}  # the rest go to "world"

# code|English name|Russian name|home region (None: everywhere)
AGENCIES = [
    ("MRD", "Meridian Wire", "Меридиан", None),
    ("PNA", "Polaris News Agency", "Полярис", "eu"),
    ("EBP", "Eastbridge Press", "Истбридж Пресс", "as"),
    ("STG", "Severny Telegraph", "Северный телеграф", "ru"),
]

# key: English name, Russian name (slugs: the key for English, transliterated for Russian)
TAGS = {
    "transport": ("Transport", "Транспорт"), "railways": ("Railways", "Железные дороги"),
    "infrastructure": ("Infrastructure", "Инфраструктура"), "cities": ("Cities", "Города"),
    "weather": ("Weather", "Погода"), "climate": ("Climate", "Климат"),
    "diplomacy": ("Diplomacy", "Дипломатия"), "trade": ("Trade", "Торговля"),
    "elections": ("Elections", "Выборы"), "central-banks": ("Central banks", "Центробанки"),
    "inflation": ("Inflation", "Инфляция"), "markets": ("Markets", "Рынки"),
    "companies": ("Companies", "Компании"), "energy": ("Energy", "Энергетика"),
    "industry": ("Industry", "Промышленность"), "jobs": ("Jobs", "Рынок труда"),
    "agriculture": ("Agriculture", "Сельское хозяйство"), "arctic": ("Arctic", "Арктика"),
    "oceans": ("Oceans", "Мировой океан"), "space": ("Space", "Космос"),
    "archaeology": ("Archaeology", "Археология"), "health": ("Health", "Здравоохранение"),
    "research": ("Research", "Исследования"), "ai": ("Artificial intelligence", "ИИ"),
    "startups": ("Startups", "Стартапы"), "cybersecurity": ("Cybersecurity", "Кибербезопасность"),
    "robotics": ("Robotics", "Робототехника"), "navy": ("Navy", "ВМФ"),
    "exercises": ("Military exercises", "Учения"),
    "arms-control": ("Arms control", "Контроль над вооружениями"),
    "shipbuilding": ("Shipbuilding", "Судостроение"), "football": ("Football", "Футбол"),
    "hockey": ("Ice hockey", "Хоккей"), "running": ("Running", "Бег"),
    "chess": ("Chess", "Шахматы"), "athletics": ("Athletics", "Легкая атлетика"),
    "tennis": ("Tennis", "Теннис"), "cinema": ("Cinema", "Кино"), "theatre": ("Theatre", "Театр"),
    "music": ("Music", "Музыка"), "museums": ("Museums", "Музеи"), "art": ("Art", "Искусство"),
    "heritage": ("Heritage", "Наследие"), "festivals": ("Festivals", "Фестивали"),
    "tourism": ("Tourism", "Туризм"), "education": ("Education", "Образование"),
    "environment": ("Environment", "Экология"),
}

# Proper-noun pools for the stories: "English=Русский"; Russian names of things are quoted.
POOLS = {
    "brand": "Vega=Вега Orion=Орион Lumen=Люмен Terra=Терра Polar=Полар Sigma=Сигма "
             "Kestrel=Кестрел Granit=Гранит Helix=Хеликс Tundra=Тундра Altair=Альтаир "
             "Borealis=Бореалис Stratus=Стратус Cobalt=Кобальт Ladoga=Ладога Sever=Север",
    "ship": "Akademik_Gromov=Академик_Громов Polar_Tern=Полярная_крачка "
            "Professor_Lapin=Профессор_Лапин Northern_Dawn=Северная_заря "
            "Akademik_Vetrov=Академик_Ветров Kittiwake=Моевка Aurora_Borealis=Полярное_сияние "
            "Kapitan_Sedov=Капитан_Седов",
    "warship": "Steadfast=Стойкий Vigilant=Бдительный Resolute=Решительный Tempest=Буря "
               "Guardian=Страж Horizon=Горизонт Pathfinder=Следопыт Sentinel=Часовой",
    "title": "The_Last_Ferry=Последний_паром Winter_Orchard=Зимний_сад "
             "The_Quiet_Harbour=Тихая_гавань Salt_and_Smoke=Соль_и_дым "
             "A_House_by_the_Line=Дом_у_железной_дороги The_Night_Shift=Ночная_смена "
             "Borrowed_Light=Чужой_свет The_River_Keeper=Смотритель_реки "
             "Ninety_Days_of_Snow=Девяносто_дней_снега The_Glass_Bridge=Стеклянный_мост "
             "Letters_to_the_North=Письма_на_север The_Cartographer=Картограф "
             "Second_Summer=Второе_лето The_Lighthouse_Year=Год_маяка",
    "opera": "Eugene_Onegin=Евгений_Онегин Carmen=Кармен La_Traviata=Травиата "
             "The_Magic_Flute=Волшебная_флейта The_Snow_Maiden=Снегурочка "
             "Boris_Godunov=Борис_Годунов Rigoletto=Риголетто Tosca=Тоска "
             "The_Queen_of_Spades=Пиковая_дама Don_Giovanni=Дон_Жуан",
    # research institutes by field: "English=Russian nominative/genitive"
    "inst_space": "Institute_of_Applied_Physics=Институт_прикладной_физики/"
                  "Института_прикладной_физики "
                  "Polytechnic_University=Политехнический_университет/"
                  "Политехнического_университета "
                  "Aerospace_University=Аэрокосмический_университет/Аэрокосмического_университета "
                  "State_Technical_University=Государственный_технический_университет/"
                  "Государственного_технического_университета",
    "inst_sea": "Institute_of_Oceanology=Институт_океанологии/Института_океанологии "
                "Institute_of_Polar_and_Marine_Research=Институт_полярных_и_морских_исследований/"
                "Института_полярных_и_морских_исследований "
                "Institute_of_Earth_Sciences=Институт_наук_о_Земле/Института_наук_о_Земле",
    "inst_dig": "Institute_of_Archaeology=Институт_археологии/Института_археологии "
                "Institute_of_History_and_Archaeology=Институт_истории_и_археологии/"
                "Института_истории_и_археологии "
                "Regional_Museum_of_History=Региональный_музей_истории/Регионального_музея_истории",
    "inst_eco": "Institute_of_Ecology=Институт_экологии/Института_экологии "
                "Institute_of_Geography=Институт_географии/Института_географии "
                "Institute_of_Earth_Sciences=Институт_наук_о_Земле/Института_наук_о_Земле "
                "Polytechnic_University=Политехнический_университет/Политехнического_университета",
    "bank": "Harbor_Capital=Харбор_Кэпитал Northgate_Securities=Нортгейт_Секьюритиз "
            "Ridgeline_Partners=Риджлайн_Партнерс Alderwood_Research=Олдервуд_Ресерч "
            "Stanton_Brooks=Стэнтон_Брукс",
    "club": "Meteor=Метеор Sokol=Сокол Mayak=Маяк Vympel=Вымпел Priboy=Прибой Kedr=Кедр "
            "Granit=Гранит Polyarnik=Полярник Almaz=Алмаз Vostok=Восток Titan=Титан "
            "Impuls=Импульс",
}


@dataclass(frozen=True)
class Country:
    key: str
    en: str
    ru: str
    ru_gen: str
    ru_in: str
    culture: str
    currency: str


@dataclass(frozen=True)
class City:
    key: str
    region: str
    flags: str
    en: str
    ru: str
    ru_gen: str
    ru_in: str
    country: Country


def _rows(text: str) -> list[list[str]]:
    return [line.split("|") for line in text.strip().splitlines()]


def pairs(text: str) -> list[tuple[str, str]]:
    """Parse "English=Русский" words, "_" standing for a space."""
    out = []
    for item in text.split():
        en, ru = item.replace("_", " ").split("=")
        out.append((en, ru))
    return out


COUNTRIES = {row[0]: Country(*row) for row in _rows(_COUNTRIES)}
CITIES = [City(*row[:7], COUNTRIES[row[7]]) for row in _rows(_CITIES)]
NAMES = {key: tuple(pairs(part) for part in parts) for key, parts in _NAMES.items()}
POOL = {key: pairs(text) for key, text in POOLS.items()}
