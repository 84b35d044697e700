"""German cues."""

from __future__ import annotations

from sellerdesk.messaging.intent_cues.base import (
    CANCEL,
    CHANGE,
    DAMAGED,
    INVOICE,
    LOOSE,
    OTHER,
    PRODUCT,
    REFUND,
    RETURN,
    THANKS,
    WHERE,
    WRONG,
    table,
    words,
)

STOPWORDS = words(
    "ich und der die das nicht ist mit bitte ein eine einen mein meine meinen noch sie "
    "wir es danke hallo auf für fur fuer zu den dem bei wurde habe hat kann können konnen "
    "koennen aber auch schon wie wann wo was ihr ihnen mir mich sehr vielen dank gruß "
    "gruss grüße gruesse guten tag mfg leider immer bis heute paket bestellung ware "
    "artikel nach von vom war sind wäre hätte gerne möchte mochte moechte würde kein "
    "keine nichts nix doch mal bzw uns unser unsere woche tage monat produkt karton jetzt "
    "gut so in"
)

_NEG = r"(?:nicht|nichts|nie|noch nicht|keine?n?|nix)"
_GOODS = r"(?:paket|bestellung|sendung|lieferung|ware|artikel|päckchen|packchen|zeug)"

CUES = table(
    {
        WHERE: [
            (3, rf"wo (?:bleibt|ist|sind) (?:mein|meine|die|das|der|meinen) (?:\w+ )?{_GOODS}"),
            (2.5, r"wo bleibt|wo ist (?:es|sie|das)\b"),
            (
                3,
                rf"{_NEG}\W+(?:\w+\W+){{0,4}}?(?:angekommen|eingetroffen|erhalten|bekommen|"
                r"geliefert|zugestellt|da|gekommen|versendet|verschickt|versandt|raus|"
                r"rausgegangen|unterwegs|bewegt|aktualisiert|zu sehen)\b",
            ),
            (3, r"(?:warte|warten) (?:\w+ ){0,3}?(?:noch|immer noch|seit)"),
            (
                2,
                r"sendungsverfolgung|sendungsnummer|trackingnummer|tracking\w*|paketnummer|"
                r"verfolgungsnummer|sendungsstatus|paketverfolgung",
            ),
            (
                3,
                r"wann (?:\w+ ){0,4}?(?:versendet|verschickt|versandt|geliefert|ankommen|kommt|"
                r"kommen|zugestellt|rausgehen|raus|da|eintreffen|rechnen|erwarten)\b",
            ),
            (3, r"(?:schon|bereits) (?:\w+ )?(?:versendet|verschickt|versandt|unterwegs|raus)"),
            (1.5, r"versandbestätigung|liefertermin|lieferdatum|zustelldatum|voraussichtlich"),
            (
                2.5,
                r"verloren|verschollen|zoll\b|verteilzentrum|hängt (?:\w+ )?(?:fest|seit)|"
                r"feststeck\w*|keine bewegung",
            ),
            (
                2,
                r"express\w*|schneller\w* (?:versand|versenden|liefern|verschicken|geliefert)|"
                r"bis (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|morgen|"
                r"weihnachten)|vor weihnachten|rechtzeitig|unbedingt bis",
            ),
            (1, r"lieferung|paket\w*|zusteller|dhl|hermes|dpd|gls|ups\b|verspät\w*|verzöger\w*"),
            (2.5, r"zugestellt\W+(?:\w+\W+){0,6}?(?:aber|jedoch)"),
            (
                3,
                r"(?:sendungsnummer|trackingnummer|tracking\w*|paketnummer|sendungsverfolgung|"
                r"link)\W+(?:\w+\W+){0,3}?funktioniert\w* nicht",
            ),
        ],
        RETURN: [
            (
                3,
                r"zurück(?:schicken|senden|geben|zugeben|zuschicken|zusenden)|"
                r"rücksendeetikett|retourenlabel|retourenschein|rücksendeschein|retournier\w*|"
                r"umtauschen|umzutauschen|widerruf\w*|rückgaberecht",
            ),
            (2, r"rücksend\w*|rückgabe\w*|retoure\w*|umtausch\w*|rücksendekosten"),
            (
                1,
                r"originalverpackung|ungeöffnet|unbenutzt|gefällt (?:mir )?(?:leider )?nicht|"
                r"passt (?:mir |leider |nicht )+|zu (?:klein|groß|gross|eng|weit|kurz|lang)\b",
            ),
            (
                1.5,
                r"zurückgeschickt|zurückgesendet|zurückgesandt|zurückgegeben|retourniert",
            ),
        ],
        REFUND: [
            (
                3,
                r"erstatt\w*|rückerstatt\w*|rückzahlung|gutschrift|geld zurück|mein geld|"
                r"das geld|betrag zurück|zurücküberweis\w*|teilerstattung",
            ),
            (3.5, r"wo bleibt (?:mein|das|die) (?:geld|erstattung|rückerstattung|gutschrift)"),
            (
                3,
                r"(?:doppelt|zweimal|2x|2 mal) (?:\w+ )?(?:abgebucht|belastet|berechnet|bezahlt|"
                r"abgezogen)|abgebucht|belastet|differenz",
            ),
            (3, r"(?:nicht|noch nicht)\W+(?:\w+\W+){0,2}?auf (?:meinem|dem) konto"),
            (2, r"in rechnung gestellt|gutschein\w*|berechnet"),
            (
                4,
                r"(?:erstattung|rückerstattung|gutschrift|geld)\W+(?:\w+\W+){0,3}?"
                r"(?:nicht|noch nicht|nie) (?:\w+ )?(?:erhalten|bekommen|angekommen|eingegangen|"
                r"da)|"
                r"(?:keine|nicht die) (?:erstattung|rückerstattung|gutschrift)",
            ),
            (4, r"storniert\W+(?:\w+\W+){0,6}?(?:belastet|abgebucht)"),
        ],
        DAMAGED: [
            (
                3,
                r"kaputt\w*|defekt\w*|beschädigt\w*|zerbroch\w*|gebroch\w*|gesprungen|gerissen|"
                r"riss\b|risse\b|sprung\b|verbogen|undicht|ausgelaufen|tropft|zersplittert|"
                r"scherben|mangelhaft|fehlerhaft|schaden|durchnässt|nass\b|schimmel\w*|"
                r"abgebrochen|blättert|abgeblättert|löst sich|verbrannt|qualmt|raucht|"
                r"unbrauchbar|zerstört|eingedrückt|zerdrückt|stinkt",
            ),
            (2, r"kratzer\w*|zerkratzt|delle\w*|fleck\w*"),
            (3, r"\w+(?:schaden|bruch)\b|schlechtem zustand|abgelaufen|verschmutzt"),
            (
                3,
                r"funktioniert\w* (?:\w+ ){0,2}?nicht|geht (?:\w+ ){0,2}?nicht (?:an|mehr)|"
                r"lässt sich (?:\w+ ){0,2}?nicht|nicht (?:mehr )?(?:funktionier\w*|einschalten|"
                r"anschalten|laden|aufladen)\b|geht nicht|kein(?:en)? ton|lädt nicht|"
                r"startet nicht|hält nur|geht (?:nach \w+ \w+ )?aus|ausgefallen|"
                r"geist aufgegeben|läuft (?:\w+ )?(?:wasser )?(?:raus|aus)",
            ),
            (1, r"qualität|schlecht\w*|ersatz\w*|austausch\w*"),
        ],
        WRONG: [
            (
                3,
                r"falsch\w* (?:artikel|produkt|modell|farbe|größe|grösse|ware|teil|paket|sache|"
                r"ding|variante|sorte|menge)|falsch\w* (?:\w+ )?geliefert|stimmt nicht",
            ),
            (3, r"nicht (?:das|die|der|den) (?:was|bestellte|richtige)|nicht was ich"),
            (3, r"fehl(?:t|en|te|ten|end\w*)\b"),
            (3, r"verwechs\w*|vertauscht|unvollständig"),
            (
                3,
                r"nur (?:\w+ )?(?:\d+|ein|eine|einen|zwei|drei|vier|fünf) (?:\w+ )?(?:statt|von|"
                r"anstatt|anstelle|im paket|im karton|drin|enthalten|geliefert|dabei)|"
                r"(?:paket|karton) (?:\w+ )?(?:war|waren) nur|(?:war|waren) nur",
            ),
            (
                3,
                r"(?:statt|anstatt|anstelle) (?:\w+ ){0,3}?(?:war|waren|kam|kamen|ist|lag|"
                r"geliefert|bekommen|erhalten|geschickt|gesendet|verschickt)\b",
            ),
            (
                3,
                r"bestellt\w*\b(?:(?!nicht|nie|noch)[^.!?\n]){0,40}\b(?:geliefert|bekommen|"
                r"erhalten|gekommen|drin|kam|geschickt)\b",
                LOOSE,
            ),
            (3, r"(?:paket|karton|packung) (?:war|ist|kam) leer|leere[sr]? (?:paket|karton)"),
            (3, r"(?:sind|ist|waren|war) (?:aber |leider )?nur \d+"),
            (2.5, r"(?:war|waren) (?:kein|keine|keinen) \w+ (?:dabei|drin|im|in)"),
            (2, r"sollte\w* \d+ \w+ (?:enthalten|haben|sein)|wie bestellt"),
            (4, r"(?:rechnung|quittung) fehlt|fehlt (?:noch )?(?:die )?rechnung"),
        ],
        CANCEL: [
            (3, r"storn\w*|abbestell\w*"),
            (0, r"(?:sie haben|wurde|haben) (?:\w+ ){0,3}?storniert"),
            (3, r"brechen sie (?:\w+ ){0,3}?ab\b|abbrechen"),
            (
                3,
                r"nicht (?:mehr )?(?:versenden|verschicken|schicken|liefern|rausschicken)|"
                r"bestellung (?:zurückziehen|abbrechen|widerrufen)|vom kauf zurück\w*|"
                r"kauf (?:\w+ )?(?:abbrechen|rückgängig)",
            ),
            (
                1.5,
                r"versehentlich bestellt|aus versehen bestellt|verklickt|zweimal bestellt|"
                r"doppelt bestellt|nie bestellt|nicht bestellt",
            ),
        ],
        CHANGE: [
            (
                3,
                r"(?:adresse|anschrift|lieferadresse|hausnummer|plz|postleitzahl|größe|grösse|"
                r"farbe|menge|anzahl|variante|name\w*)\W+(?:\w+\W+){0,4}?(?:ändern|änderung|"
                r"korrigieren|anpassen|tauschen|austauschen|umstellen|aktualisieren|"
                r"hinzufügen|ergänzen)",
            ),
            (
                3,
                r"(?:ändern|korrigieren|anpassen)\W+(?:\w+\W+){0,3}?(?:adresse|anschrift|größe|"
                r"farbe|menge|bestellung)",
            ),
            (2.5, r"vertan|verschrieben|falsche (?:adresse|hausnummer|plz|postleitzahl)"),
            (
                2.5,
                r"packstation|an (?:meine|die|meinen) (?:\w+ )?(?:adresse|arbeit|büro|mutter|"
                r"eltern|nachbarn)|lieferadresse|umgezogen|neue adresse",
            ),
            (2.5, r"(?:\d+|ein|zwei|drei) (?:stück )?statt (?:\d+|ein|eins|einem|zwei|drei)\b"),
            (
                2,
                r"(?:statt|anstatt) (?:\w+ ){0,4}?(?:schicken|senden|liefern|haben|nehmen|"
                r"bekommen)|"
                r"hätte gerne \d+|hätte (?:lieber|gerne)",
            ),
            (1.5, r"menge\w*|anzahl|reduzieren|erhöhen|hinzufügen|ergänzen|geht das noch"),
            (
                3,
                r"(?:die|den|das) falsche \w+ (?:gewählt|ausgewählt|angeklickt|erwischt)|"
                r"kann ich (?:\w+ ){0,4}?statt",
            ),
            (2, r"aufpreis|differenz (?:zahle|bezahle|übernehme)"),
            (2, r"\w+änderung\b"),
        ],
        PRODUCT: [
            (3, r"kompatib\w*|passt (?:das|der|die|es|dieser|diese|dieses)\b|geeignet"),
            (
                2.5,
                r"maße|abmessung\w*|wie (?:groß|gross|lang|breit|hoch|schwer|tief|viel)|"
                r"spülmaschinen\w*|wasserdicht|aus welchem|gibt es (?:das|den|die|es|diese\w*) "
                r"(?:auch )?|gibts|gibt'?s|auch in (?:weiß|weiss|schwarz|blau|rot|grün|grau)|"
                r"wieder (?:verfügbar|lieferbar|auf lager)|unterschied",
            ),
            (
                1.5,
                r"material|garantie|gewährleistung|stecker|adapter|volt|watt|batterie\w*|akku\w*",
            ),
            (
                3,
                r"wie (?:verbinde|koppel\w*|stelle|benutze|funktioniert|richte|bediene|"
                r"installiere|montiere|reinige|lade|nutze|kann man|schließe)",
            ),
            (1.5, r"anleitung|bedienungsanleitung|einrichtung|einrichten|draußen|regen\b"),
            (2, r"original|fälschung|nachgemacht|nickel\w*|allergi\w*"),
            (1, r"frage"),
            (2.5, r"kann man (?:das|es|den|die|damit|ihn|sie)\b"),
        ],
        INVOICE: [
            (4, r"rechnung\w*|\w+rechnung\w*"),
            (3, r"mwst|mehrwertsteuer|ust\W?id\w*|umsatzsteuer\w*|steuernummer|quittung|beleg\b"),
        ],
        THANKS: [
            (1.5, r"danke\w*|vielen dank|herzlichen dank|besten dank|bedanke"),
            (
                2,
                r"alles (?:bestens|gut|ok|okay|super|prima|klar|erledigt|in ordnung)|"
                r"hat sich erledigt|erledigt|(?:heil|gut|heute|doch noch|pünktlich|schnell) "
                r"(?:\w+ )?(?:angekommen|gekommen|eingetroffen|da)|gefunden|gerne wieder",
            ),
            (1.5, r"angekommen|super\b|perfekt|toll\w*|prima"),
            (
                3.5,
                r"(?:erstattung|rückerstattung|gutschrift|geld) (?:\w+ )?(?:ist|sind|wurde)? ?"
                r"(?:angekommen|erhalten|eingegangen|da)\b|danke für die (?:\w+ )?"
                r"(?:erstattung|rückerstattung|gutschrift)",
            ),
        ],
        OTHER: [
            (
                3,
                r"mengenrabatt|großhandel|grosshandel|wiederverkäufer|händler\w*|firmenkunde\w*|"
                r"geschäftskunde\w*|geschäftskonto|business|gewerb\w*|b2b|\d{2,} stück",
            ),
            (
                3,
                r"zusammenarbeit\w*|zusammenarbeiten|kooperation|influencer\w*|blogger\w*|"
                r"follower",
            ),
            (3, r"falsche?r? (?:verkäufer|händler|empfänger|shop)|ignorieren"),
            (3, r"onlineshop|eigene\w* (?:shop|laden|webseite|website)|ladengeschäft|filiale"),
            (2.5, r"bewertung\w*|rezension\w*"),
            (3, r"verteiler|newsletter|abmelden|keine (?:e-?mails|nachrichten) mehr"),
            (
                2.5,
                r"preis\w*\W+(?:\w+\W+){0,4}?(?:gestiegen|erhöht|teurer|zu hoch)|frechheit|"
                r"wucher|abzocke|teuer|günstiger|billiger|hälfte",
            ),
            (3.5, r"warum (?:bekomme|erhalte) ich|nicht kontaktiert"),
        ],
    }
)
