"""Dutch sentences for invented help requests, notes and stories (demo content, not UI text).

All of it is generic on purpose: no real cases, addresses, numbers or agencies' details.
"""

from __future__ import annotations

# fmt: off
HELP_REQUESTS: dict[str, tuple[str, ...]] = {
    "loneliness": (
        "Voelt zich sinds de verhuizing alleen en zoekt contact met buurtgenoten.",
        "Mist aanspraak na het overlijden van de partner.",
        "Komt weinig buiten de deur; de kinderen wonen ver weg.",
        "Wil graag nieuwe mensen leren kennen in de wijk.",
    ),
    "money_worries": (
        "Komt eind van de maand niet rond en vraagt naar voedselhulp.",
        "Weet niet op welke toeslagen er recht is.",
        "Inkomen is gedaald na baanverlies; zorgen over de vaste lasten.",
    ),
    "debts": (
        "Achterstand bij de energieleverancier; weet niet waar te beginnen.",
        "Veel ongeopende post en aanmaningen; wil overzicht krijgen.",
        "Betalingsregeling loopt vast; vraagt om hulp bij het contact met schuldeisers.",
    ),
    "young_carers": (
        "Zorgt na school voor een zieke ouder en heeft weinig tijd voor huiswerk.",
        "Helpt thuis veel met broertjes en zusjes; voelt zich moe en overbelast.",
        "Zoekt contact met andere jongeren die thuis zorgen.",
    ),
    "parenting": (
        "Zorgen over een zoon van veertien die veel op straat is.",
        "Ruzie thuis over schermgebruik; zoekt tips en steun.",
        "Alleenstaande ouder, wil sparren over opvoeden en grenzen stellen.",
    ),
    "work_education": (
        "Zoekt werk en wil hulp bij cv en sollicitatiebrief.",
        "Wil een opleiding oppakken maar weet niet hoe de aanmelding werkt.",
        "Heeft een stageplek nodig voor school.",
    ),
    "housing": (
        "Schimmel in de woning; de verhuurder reageert niet op meldingen.",
        "Woont tijdelijk bij familie en zoekt woonruimte.",
        "Vragen over de huurverhoging en het huurcontract.",
    ),
    "health": (
        "Slaapt slecht door zorgen; twijfelt of de huisarts kan helpen.",
        "Lang ziek geweest en wil weer meedoen in de buurt.",
        "Vragen over medicijnen en zorgkosten.",
    ),
    "safety": (
        "Voelt zich 's avonds onveilig in de portiek.",
        "Last van overlast in de buurt; weet niet waar te melden.",
        "Zorgen over de veiligheid van de kinderen op weg naar school.",
    ),
    "language": (
        "Wil beter Nederlands leren om brieven te begrijpen.",
        "Hulp nodig bij het lezen van een brief van de gemeente.",
        "Zoekt een taalmaatje om te oefenen.",
    ),
    "meaning": (
        "Zoekt zingeving na het pensioen en wil iets betekenen voor de buurt.",
        "Voelt onrust en zoekt houvast; wil praten met anderen.",
        "Wil graag vrijwilligerswerk doen.",
    ),
    "other": (
        "Vraag over formulieren van de gemeente.",
        "Wil informatie over de activiteiten van Mi na Mi.",
        "Hulp bij het maken van een afspraak via internet.",
    ),
}

THEME_ORGANISATIONS: dict[str, tuple[str, ...]] = {
    "loneliness": ("Buurtteam Amsterdam Zuidoost",),
    "money_worries": ("Voedselbank Amsterdam", "Buurtteam Amsterdam Zuidoost"),
    "debts": ("Schuldhulpverlening Amsterdam", "Buurtteam Amsterdam Zuidoost"),
    "young_carers": ("Steunpunt jonge mantelzorgers",),
    "parenting": ("Ouder- en Kindteam",),
    "work_education": ("Jongerenwerk Zuidoost", "Buurtteam Amsterdam Zuidoost"),
    "housing": ("Het Juridisch Loket", "Buurtteam Amsterdam Zuidoost"),
    "health": ("Huisarts", "GGD Amsterdam"),
    "safety": ("Buurtteam Amsterdam Zuidoost",),
    "language": ("Taalcursus/Taalhuis",),
    "meaning": ("Buurtteam Amsterdam Zuidoost",),
    "other": ("Buurtteam Amsterdam Zuidoost",),
}

REFERRAL_REASONS: dict[str, str] = {
    "Buurtteam Amsterdam Zuidoost": "Ondersteuning bij meerdere vragen tegelijk.",
    "Ouder- en Kindteam": "Steun bij opvoedvragen.",
    "Steunpunt jonge mantelzorgers": "Ontlasting en contact met andere jonge mantelzorgers.",
    "Schuldhulpverlening Amsterdam": "Hulp bij het overzicht van schulden.",
    "Voedselbank Amsterdam": "Tijdelijke voedselhulp.",
    "Het Juridisch Loket": "Advies over huur en contract.",
    "GGD Amsterdam": "Vragen over gezondheid en leefstijl.",
    "Huisarts": "Klachten bespreken met de huisarts.",
    "Jongerenwerk Zuidoost": "Begeleiding naar school, stage of werk.",
    "Taalcursus/Taalhuis": "Nederlands leren in een groep.",
}

REFERRAL_OUTCOMES: dict[str, tuple[str, ...]] = {
    "referred": ("", "Nog geen reactie; volgende week nabellen."),
    "contact_made": ("Eerste afspraak staat gepland.", "Intakegesprek gehad."),
    "helped": ("Wordt geholpen; bewoner is tevreden.", "Probleem opgelost.",
               "Loopt nu vast traject bij de instantie."),
    "not_helped": ("Valt buiten de doelgroep van de instantie.", "Wachtlijst te lang; "
                   "samen naar een alternatief gekeken."),
    "unknown": ("Bewoner niet meer bereikt.", ""),
}

PROGRESS_NOTES = (
    "Goed gesprek over de doelen; wil meer buurtgenoten leren kennen.",
    "Komt trouw naar de praatsessie en neemt vaker het woord.",
    "Heeft zelf contact gelegd met een instantie.",
    "Moeilijke week; de afspraak is verzet.",
    "Zelfvertrouwen groeit zichtbaar.",
    "Samen een overzicht van de post gemaakt.",
    "Helpt nu zelf een nieuwe deelnemer op weg.",
    "Rustiger dan bij de start; slaapt beter.",
    "Doel bijgesteld: eerst de dagstructuur.",
    "Heeft zich aangemeld voor de buurtmaaltijd als vrijwilliger.",
)

OWN_GOALS = (
    "Zelf boodschappen doen en de weg vinden in het Nederlands",
    "Een vaste dagstructuur opbouwen",
    "Weer durven solliciteren",
    "Mijn administratie op orde krijgen",
    "Vaker buiten komen en bewegen",
    "Een opleiding kiezen",
)

STOP_NOTES: dict[str, tuple[str, ...]] = {
    "moved": ("Verhuisd naar een andere stad.", "Verhuisd buiten Zuidoost."),
    "no_contact": ("Na drie pogingen geen contact meer.",),
    "referred": ("Doorverwezen naar passende hulp; traject gestopt.",),
    "own_choice": ("Wil zich eerst op werk richten.", "Heeft nu geen ruimte voor het traject."),
    "other": ("Gezondheidsredenen.", "Familieomstandigheden."),
}

CANCEL_REASONS = (
    "Begeleider ziek",
    "Zaal niet beschikbaar",
    "Te weinig aanmeldingen",
    "Storing in het gebouw",
)
STORM_REASON = "Code oranje: storm"

MILESTONE_NOTES = ("", "", "", "Samen besproken.", "Later dan gepland door ziekte.")

FOUND_VIA = (
    "", "", "Via een buurvrouw", "Flyer in de brievenbus", "Via de huisarts",
    "Via het Buurtteam", "Via school", "Instagram", "Via de kerk", "Via de moskee",
    "Kwam langs lopen", "Via familie", "Via de bibliotheek",
)

RESIDENT_NOTES = (
    "", "", "", "", "", "Komt graag op dinsdag.", "Liever bellen dan appen.",
    "Neemt soms een buurvrouw mee.", "Slechthorend; rustig praten.",
)

STORY_TITLES = (
    "Van thuiszitten naar buurtmaaltijd",
    "Weer grip op de post",
    "Een nieuwe vriendin in de praatsessie",
    "Eindelijk durven solliciteren",
    "Sterker na een moeilijk jaar",
    "Zelf een praatgroep opgezet",
    "De weg gevonden naar hulp",
    "Rust in mijn hoofd",
)

STORY_TEXTS = (
    "{name} kwam voor het eerst binnen omdat de dagen lang en stil waren. In de praatsessie "
    "vond {name} herkenning en nieuwe contacten. Nu kookt {name} elke maand mee bij de "
    "buurtmaaltijd.",
    "Stapels ongeopende post gaven {name} veel onrust. Met hulp van de coach en een "
    "doorverwijzing kwam er overzicht. {name}: \"Ik slaap weer.\"",
    "{name} twijfelde lang of het traject iets zou opleveren. Na zes maanden staat er een "
    "sterker zelfbeeld en een plan voor een opleiding.",
    "Samen met andere deelnemers heeft {name} een wandelgroep opgezet die elke week door "
    "het park loopt. Zo helpen ze elkaar om in beweging te blijven.",
    "{name} leerde in de groep de weg naar instanties kennen en helpt nu buren met "
    "dezelfde vragen.",
)

PSEUDONYMS = (
    "Mevrouw A.", "Meneer K.", "Een moeder uit Holendrecht", "Een jongere uit Gein",
    "Een bewoner van Bijlmer-Oost", "Mevrouw S.", "Meneer D.",
)

# fmt: on
