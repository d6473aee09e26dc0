"""Invented names drawn from the communities of Amsterdam Zuidoost, with their diacritics.

Every combination is made up at random; any likeness to a real person is chance. Each origin
lists female and male first names and surnames; Dutch surnames carry their tussenvoegsel, and
Polish surnames their feminine form.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Origin:
    code: str
    weight: int
    female: tuple[str, ...]
    male: tuple[str, ...]
    # (infix, surname) or (infix, masculine surname, feminine surname)
    surnames: tuple[tuple[str, ...], ...]
    languages: tuple[str, ...]


def _plain(*names: str) -> tuple[tuple[str, ...], ...]:
    return tuple(("", name) for name in names)


# fmt: off
ORIGINS: tuple[Origin, ...] = (
    Origin(
        "surinamese_creole",
        16,
        ("Gerda", "Wendy", "Sharon", "Ludmila", "Clarisse", "Shanice", "Ashanti", "Romy",
         "Ingrid", "Marlène", "Esmeralda", "Naomi", "Jennifer", "Priscilla", "Gloria"),
        ("Ruben", "Marcel", "Kenneth", "Rinaldo", "Romeo", "Quincy", "Jermaine", "Dylano",
         "Errol", "Humphrey", "Clyde", "Gerrit", "Ricardo", "Stanley", "Winston"),
        _plain("Pinas", "Doelwijt", "Sabajo", "Zeefuik", "Menig", "Wijngaarde", "Renfrum",
               "Zunder", "Hoever", "Vriesde", "Tjon A Fong", "Lie A Kwie", "Chin A Foeng",
               "Wong Loi Sing", "Linger", "Eersel", "Amafo", "Kasanpawiro"),
        ("Nederlands", "Sranantongo"),
    ),
    Origin(
        "surinamese_hindustani",
        10,
        ("Anjali", "Sunita", "Priya", "Shanti", "Reshma", "Kavita", "Sarita", "Nisha",
         "Radhika", "Soeshila", "Anita", "Indra"),
        ("Radjesh", "Ravi", "Dewanand", "Sanjay", "Rakesh", "Anand", "Vikash", "Soeresh",
         "Mahendra", "Kiran", "Nitin", "Girish"),
        _plain("Ramdin", "Jagesar", "Mahabier", "Ramlal", "Sewnath", "Kalloe", "Bhagwandin",
               "Koendjbiharie", "Ramsaran", "Baldewsingh", "Jhinkoe", "Doerga", "Soekhoe"),
        ("Nederlands", "Sarnami"),
    ),
    Origin(
        "surinamese_javanese",
        5,
        ("Sutini", "Sri", "Wati", "Suminah", "Ngatini", "Rukmini", "Tuginem", "Sumiati"),
        ("Ngatimin", "Soekarmin", "Wagiman", "Djoko", "Sarmo", "Paidi", "Slamet", "Karto"),
        _plain("Kromoredjo", "Sastroredjo", "Wongsodikromo", "Soemodihardjo", "Karijopawiro",
               "Pawirodikromo", "Amatmoekrim", "Sarmo", "Kartosen"),
        ("Nederlands", "Javaans"),
    ),
    Origin(
        "antillean",
        9,
        ("Rozaida", "Eugenia", "Migdalia", "Shurenska", "Jurisca", "Gisèlle", "Mireille",
         "Shaira", "Zuleika", "Yolanda"),
        ("Shurandy", "Jurensley", "Giovanni", "Shaquille", "Ergilio", "Rignaldo", "Jurgen",
         "Edsel", "Rudsel", "Curtley"),
        _plain("Martina", "Rosaria", "Isenia", "Coffie", "Cijntje", "Janga", "Statia",
               "Girigorie", "Sling", "Wawoe", "Doran", "Pietersz", "Bernadina", "Leito",
               "Maduro", "Francisca"),
        ("Papiaments", "Nederlands"),
    ),
    Origin(
        "ghanaian",
        11,
        ("Akosua", "Ama", "Abena", "Afua", "Adwoa", "Efua", "Akua", "Yaa", "Grace",
         "Comfort", "Gifty", "Ɛsi", "Adjoa", "Mavis"),
        ("Kwabena", "Kwame", "Kofi", "Kwaku", "Yaw", "Kwasi", "Kojo", "Emmanuel",
         "Kwadwo", "Samuel", "Ebenezer", "Nana"),
        _plain("Ɔwusu", "Owusu", "Mensah", "Boateng", "Asante", "Ɔfori", "Agyeman",
               "Appiah", "Darko", "Ɔpoku", "Afrifa", "Asamoah", "Nkansah", "Ampɔnsah",
               "Adjei", "Gyamfi", "Frimpɔng", "Osei", "Amankwah"),
        ("Twi", "Engels"),
    ),
    Origin(
        "nigerian",
        5,
        ("Ngozi", "Adaeze", "Chidinma", "Olúwaseun", "Fọláṣadé", "Oluwatoyin", "Blessing",
         "Chioma", "Ifeoma", "Adébímpé"),
        ("Chukwuemeka", "Adébáyọ̀", "Olúwadámilọ́lá", "Tunde", "Obinna", "Ikechukwu",
         "Babatúndé", "Emeka", "Segun", "Chinedu"),
        _plain("Okonkwo", "Adeyemi", "Ọlátúnjí", "Eze", "Nwosu", "Òyèláràn", "Øyelaran",
               "Adébáyọ̀", "Okafor", "Balógun", "Nwachukwu", "Ogunlẹ́yẹ"),
        ("Engels", "Yoruba"),
    ),
    Origin(
        "dutch",
        18,
        ("Anna", "Maria", "Sanne", "Femke", "Ingrid", "Els", "Joke", "Lotte", "Noor",
         "Marieke", "Wilma", "Ria", "Annelies", "Eva", "Fenna", "Sophie", "Hanneke"),
        ("Jan", "Pieter", "Daan", "Willem", "Henk", "Kees", "Bram", "Joost", "Sander",
         "Gerard", "Teun", "Ruud", "Bas", "Thijs", "Wouter", "Koen"),
        (("", "Jansen"), ("de", "Vries"), ("van den", "Berg"), ("van", "Dijk"),
         ("", "Bakker"), ("", "Visser"), ("", "Smit"), ("de", "Boer"), ("van der", "Meer"),
         ("de", "Jong"), ("van", "Leeuwen"), ("", "Mulder"), ("de", "Graaf"),
         ("van der", "Linden"), ("", "Hendriks"), ("van 't", "Hof"), ("van den", "Heuvel"),
         ("van der", "Wal"), ("ter", "Horst"), ("", "Koster"), ("van", "Beek"),
         ("de", "Wit"), ("van der", "Veen"), ("", "Brouwer")),
        ("Nederlands",),
    ),
    Origin(
        "turkish",
        7,
        ("Ayşe", "Fatma", "Emine", "Zeynep", "Elif", "Gül", "Çiğdem", "Hülya", "Büşra",
         "Meryem", "Özlem", "Sevgi"),
        ("Mehmet", "Mustafa", "Hüseyin", "Oğuz", "Şükrü", "İbrahim", "Ahmet", "Emre",
         "Murat", "Gökhan", "Yusuf", "Kadir"),
        _plain("Şahin", "Öztürk", "Çelik", "Yılmaz", "Kaya", "Demir", "Aydın", "Doğan",
               "Arslan", "Güneş", "Koç", "Yıldız", "Özdemir", "Kılıç"),
        ("Turks", "Nederlands"),
    ),
    Origin(
        "moroccan",
        7,
        ("Fatima", "Khadija", "Nadia", "Imane", "Salma", "Ilham", "Samira", "Naïma",
         "Houda", "Loubna", "Zineb"),
        ("Mohamed", "Youssef", "Said", "Hamza", "Soufiane", "Rachid", "Ayoub", "Karim",
         "Mounir", "Bilal", "Abdelkader"),
        _plain("El Amrani", "Bouzid", "Benali", "El Idrissi", "Aït Taleb", "Boukhari",
               "Chaouch", "El Khattabi", "Azzouzi", "Ouali", "Lahlou", "Aït Ouaarab"),
        ("Arabisch", "Tamazight", "Nederlands"),
    ),
    Origin(
        "cape_verdean",
        4,
        ("Maria", "Antónia", "Dulce", "Cátia", "Célia", "Fátima", "Inês", "Lúcia"),
        ("João", "José", "Nélson", "Fábio", "Zé", "António", "Hélder", "Sérgio"),
        _plain("Lopes", "Tavares", "Gonçalves", "Monteiro", "Fortes", "Semedo", "Évora",
               "Rodrigues", "Brito", "Andrade"),
        ("Kaapverdisch Creools", "Portugees"),
    ),
    Origin(
        "eritrean",
        4,
        ("Senait", "Helen", "Semhar", "Luwam", "Abrehet", "Selam", "Rahwa", "Saba"),
        ("Yonas", "Tesfay", "Mehari", "Filmon", "Dawit", "Yohannes", "Robel", "Biniam"),
        _plain("Tesfamariam", "Habte", "Gebremedhin", "Weldemichael", "Berhane", "Tekle",
               "Kidane", "Ghebreab"),
        ("Tigrinya", "Engels"),
    ),
    Origin(
        "vietnamese",
        2,
        ("Thị Mai", "Thị Hương", "Ngọc Lan", "Thu Trang", "Thị Hằng", "Bích Ngọc"),
        ("Văn Minh", "Quốc Anh", "Đức", "Thanh Tùng", "Văn Hải", "Minh Quân"),
        _plain("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng"),
        ("Vietnamees", "Nederlands"),
    ),
    Origin(
        "polish",
        3,
        ("Agnieszka", "Małgorzata", "Katarzyna", "Zofia", "Joanna", "Ewa", "Magdalena"),
        ("Łukasz", "Paweł", "Krzysztof", "Michał", "Wojciech", "Tomasz", "Piotr"),
        (("", "Kowalski", "Kowalska"), ("", "Wiśniewski", "Wiśniewska"), ("", "Nowak"),
         ("", "Wójcik"), ("", "Kamiński", "Kamińska"), ("", "Lewandowski", "Lewandowska"),
         ("", "Zieliński", "Zielińska"), ("", "Dąbrowski", "Dąbrowska"), ("", "Woźniak"),
         ("", "Szymański", "Szymańska")),
        ("Pools", "Engels"),
    ),
    Origin(
        "somali",
        2,
        ("Hodan", "Faadumo", "Sahra", "Ayaan", "Hibaaq", "Ifrah"),
        ("Abdi", "Cabdullahi", "Mahad", "Liban", "Abdirahman", "Ilyaas"),
        _plain("Warsame", "Farah", "Jama", "Hirsi", "Cali", "Yuusuf"),
        ("Somalisch", "Nederlands"),
    ),
)
# fmt: on

# Young people in Zuidoost often carry these names, whatever their parents' origin.
YOUNG_FEMALE = ("Shanaya", "Jaylinn", "Amira", "Naïla", "Zoë", "Chayenne", "Liyah", "Noëlla")
YOUNG_MALE = ("Jayden", "Dylan", "Quinten", "Jaïr", "Noah", "Rayan", "Kyrie", "Mohammed")

_WEIGHTS = [origin.weight for origin in ORIGINS]


@dataclass(frozen=True)
class PersonName:
    first_name: str
    infix: str
    last_name: str
    origin: Origin

    @property
    def full(self) -> str:
        return " ".join(part for part in (self.first_name, self.infix, self.last_name) if part)


def pick_origin(rng: random.Random) -> Origin:
    return rng.choices(ORIGINS, weights=_WEIGHTS)[0]


def surname(rng: random.Random, origin: Origin, female: bool) -> tuple[str, str]:
    entry = rng.choice(origin.surnames)
    if len(entry) == 3 and female:
        return entry[0], entry[2]
    return entry[0], entry[1]


def first_name(rng: random.Random, origin: Origin, female: bool, young: bool) -> str:
    if young and rng.random() < 0.25:
        return rng.choice(YOUNG_FEMALE if female else YOUNG_MALE)
    return rng.choice(origin.female if female else origin.male)


def person_name(rng: random.Random, female: bool, young: bool) -> PersonName:
    """A name; now and then a double surname, as many women in the Netherlands use."""
    origin = pick_origin(rng)
    infix, last = surname(rng, origin, female)
    if female and not young and not infix and rng.random() < 0.04:
        _other_infix, other = surname(rng, pick_origin(rng), female)
        last = f"{last}-{other}"
    return PersonName(first_name(rng, origin, female, young), infix, last, origin)


def relative_name(rng: random.Random, child: PersonName, female: bool) -> PersonName:
    """A parent or guardian: the child's origin and, usually, its surname."""
    infix, last = child.infix, child.last_name
    if rng.random() < 0.3:
        infix, last = surname(rng, child.origin, female)
    return PersonName(first_name(rng, child.origin, female, False), infix, last, child.origin)
