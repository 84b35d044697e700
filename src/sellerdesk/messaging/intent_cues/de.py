"""German cues."""

from __future__ import annotations

from sellerdesk.messaging.intent_cues.base import (
    CANCEL,
    CHANGE,
    DAMAGED,
    FOLLOWUP,
    INVOICE,
    LOOSE,
    NEUTRAL,
    OTHER,
    PRODUCT,
    REFUND,
    RETURN,
    THANKS,
    WHERE,
    WRONG,
    Negation,
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
    "gut so in an im am zum zur beim alles aus nur"
)

NEGATION = Negation(
    negators=words(
        "nicht nichts kein keine keinen keinem keiner keines nie niemals ohne weder keineswegs"
    ),
    avoid=words("vermeiden vermeide ersparen erspare"),
    transparent=words(
        "ich es sie er wir man das der die den dem ein eine einen ist sind war waren wird "
        "sein mir mich ihn ihm uns zu mehr wieder gar uberhaupt ueberhaupt eigentlich auch "
        "etwas irgendwas so mal nochmal extra"
    ),
    wish=words(
        "will willst wollen wollte mochte mochten moechte moechten wurde wurden wuerde "
        "wuerden muss mussen muessen musste brauche brauchen bitte gerne lieber mag"
    ),
    boundaries=words("aber sondern jedoch nur einfach"),
    after=True,
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
                # (an answer or a refund that has not come is not the parcel)
                rf"{_NEG}\W+(?!(?:\w+\W+){{0,2}}?(?:antwort|rückmeldung|reaktion|erstattung|"
                r"rückerstattung|gutschrift|rückzahlung|geld|rechnung)\b)"
                r"(?:\w+\W+){0,4}?(?:angekommen|eingetroffen|erhalten|bekommen|"
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
                r"wann (?:\w+ ){0,4}?(?:versendet|verschickt|versandt|geliefert|ankommen|ankommt|"
                r"eintrifft|kommt|"
                r"kommen|zugestellt|rausgehen|raus|da|eintreffen|rechnen|erwarten)\b",
            ),
            (
                3,
                r"(?:schon|bereits) (?:\w+ )?(?:versendet|verschickt|versandt|unterwegs|raus|"
                r"abgeschickt|losgeschickt|rausgegangen|auf dem weg)",
            ),
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
                r"verfolgungslink)\W+(?:\w+\W+){0,3}?funktioniert\w* nicht",
            ),
        ],
        RETURN: [
            (
                3,
                r"zurück(?:schicken|senden|geben|zugeben|zuschicken|zusenden)|"
                r"rücksendeetikett|retourenlabel|retourenschein|rücksendeschein|retournier\w*|"
                r"umtauschen|umzutauschen|widerruf\w*|rückgaberecht",
            ),
            (2, r"rücksend\w*|rückgabe\w*|retoure\w*|umtausch\w*|rücksendekosten|rückversand\w*"),
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
        ],
        CANCEL: [
            (3, r"storn\w*|abbestell\w*"),
            (0, r"(?:sie haben|wurde|haben) (?:\w+ ){0,3}?storniert"),
            (0, r"stornierte[nrs]? (?:bestellung|auftrag|artikel|ware)"),
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
                r"farbe|menge|anzahl|variante|name\w*)\W+(?:\w+\W+){0,8}?(?:ändern|änderung|"
                r"korrigieren|anpassen|tauschen|austauschen|umstellen|aktualisieren|"
                r"hinzufügen|ergänzen)",
            ),
            (
                3,
                r"(?:ändern|korrigieren|anpassen)\W+(?:\w+\W+){0,3}?(?:adresse|anschrift|größe|"
                r"farbe|menge|bestellung)",
            ),
            (2.5, r"vertan|verschrieben|vertippt|falsche (?:adresse|hausnummer|plz|postleitzahl)"),
            (1.5, r"korrigieren|berichtigen"),
            (
                2.5,
                r"(?:an|in|zur|auf) (?:die |eine |meine )?packstation (?:\d+ )?(?:liefern|schicken|"
                r"senden|umleiten)|packstation \d+|"
                r"an (?:meine|die|meinen|mein|das|den|unser\w*) (?:\w+ )?(?:adresse|"
                r"arbeit|büro|mutter|"
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
                r"material|garantie|gewährleistung|stecker|adapter|volt\b|watt\b|batterie\w*|"
                r"akku\w*",
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
            (
                4.5,
                r"(?:rechnung|quittung|beleg) fehlt|fehlt (?:noch )?(?:die )?(?:rechnung|quittung)",
            ),
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
                r"wucher|abzocke|teuer|teurer|günstiger|billiger|hälfte",
            ),
            (3.5, r"warum (?:bekomme|erhalte) ich|nicht kontaktiert"),
        ],
    }
)


# Cues of context: what a word means depends on the words around it. Each row is a kind
# of message, not a message, and the same kinds are in every language.
CUES += table(
    {
        FOLLOWUP: [
            (
                2,
                r"gibt es (?:hierzu |dazu |schon |inzwischen |mittlerweile |etwas )*"
                r"(?:neues|neuigkeiten|news|eine antwort|ein update)|neuigkeiten|"
                r"(?:schon |noch )?etwas neues|(?:noch )?keine (?:antwort|rückmeldung|reaktion)|"
                r"warte (?:\w+ ){0,2}?auf (?:eine |ihre )?(?:antwort|rückmeldung)|"
                # (not "bitte um Rückmeldung", a closing)
                r"ich hatte (?:ihnen )?(?:bereits |schon )?geschrieben|siehe (?:meine "
                r"nachricht )?unten|erneute nachfrage|nachhaken|erinnerung",
            ),
        ],
        NEUTRAL: [
            # Spare parts and refills are not a replacement for a defect.
            (
                0,
                r"ersatz(?:patronen|teile?|filter|akkus?|batterien|beutel|bürsten|köpfe|messer|"
                r"pads?|lampen)",
            ),
            # "ich habe storniert": told, not asked.
            (0, r"(?:ich|wir) (?:habe|hatte|haben|hatten) (?:\w+ ){0,4}?storniert"),
            # Something the buyer has: "Die Rechnung habe ich schon per Mail bekommen".
            (
                0,
                r"(?:rechnung|quittung|beleg) (?:habe ich|hab ich|ist|kam) (?:schon |bereits |"
                r"auch )*(?:per (?:e-?mail|mail) |als pdf )?(?:bekommen|erhalten|da|angekommen)|"
                r"(?:bekommen|erhalten) (?:habe ich|hab ich) (?:schon |bereits )?(?:die|eine) "
                r"(?:rechnung|quittung)",
            ),
            # A website or link that fails is not a defective product.
            (
                0,
                r"(?:webseite|website|internetseite|seite|homepage|app|portal|link|qr-code)\W+"
                r"(?:\w+\W+){0,5}?"
                r"(?:funktioniert|lädt|öffnet|geht|lässt sich)\w* (?:\w+ ){0,2}?nicht",
            ),
            # "nicht das richtige für mich": it does not suit, nothing was mixed up.
            (0, r"nicht (?:das|die|der|den) richtige\w* (?:für mich|für uns)"),
        ],
        WHERE: [
            (
                3,
                r"(?:noch|immer noch|bisher|bis heute) (?:\w+ )?(?:kein|keine) (?:versand|"
                r"versandbestätigung|sendungsnummer|trackingnummer|tracking)",
            ),
            (
                2.5,
                r"(?:lieferung|zustellung|paket|sendung|bestellung)\W+(?:\w+\W+){0,4}?"
                r"(?:angekündigt|geplant|vorgesehen|avisiert)|(?:angekündigt|avisiert) (?:für|am)",
            ),
            (3, r"(?:in|an) (?:eine|die) packstation (?:\w+ )?zugestellt"),
            # "… aber das Paket selbst nicht": the thing that did not come.
            (
                3,
                rf"aber (?:das|die|den|meine?n?) (?:\w+ )?{_GOODS} (?:\w+ )?(?:noch )?nicht\b",
            ),
            (
                3,
                r"(?:sendungsnummer|trackingnummer|tracking\w*|paketnummer|sendungsverfolgung|"
                r"verfolgungslink)\W+(?:\w+\W+){0,3}?funktioniert\w* (?:\w+ ){0,2}?nicht",
            ),
            (3, r"lager (?:\w+ )?verlassen|(?:hat|ist) (?:\w+ ){0,3}?(?:das|ihr) lager"),
            (
                3,
                r"adresse nicht gefunden|nicht zustellbar|zustellversuch|(?:konnte|konnten) "
                r"(?:\w+ )?nicht (?:zugestellt|geliefert) werden|empfänger unbekannt",
            ),
            (2, r"(?:meine )?adresse (?:stimmt|ist (?:richtig|korrekt))"),
        ],
        RETURN: [
            # A return handed in: the refund is what is asked.
            (
                1.5,
                r"(?:rücksendung|retoure|paket) (?:\w+ ){0,4}?(?:abgegeben|aufgegeben|"
                r"zurückgeschickt)",
            ),
            (
                3,
                r"(?:rücksendeetikett|etikett|retourenschein|retourenlabel|"
                r"label)\W+(?:\w+\W+){0,3}?"
                r"(?:drucken|ausdrucken|druckbar|herunterladen)",
            ),
            (2, r"nicht das richtige für mich|nichts für mich|passt (?:mir )?nicht"),
            (
                3,
                r"(?:wie|was) (?:funktioniert|geht|läuft|mache ich)\w* (?:\w+ )?(?:die |der |das |"
                r"eine )?(?:rückgabe|rücksendung|retoure|umtausch|rückversand)\w*",
            ),
        ],
        REFUND: [
            (
                3.5,
                r"(?:bisher|noch|immer noch|bis heute) (?:\w+ )?(?:kein|keine) (?:geld|erstattung|"
                r"gutschrift|rückzahlung)",
            ),
            (
                3,
                r"auf (?:meinem|dem|mein|meine) (?:konto|karte|kreditkarte)\W+(?:\w+\W+){0,3}?"
                r"(?:nichts|nicht|kein\w*)|nichts (?:\w+ ){0,3}?auf (?:meinem|dem|mein) konto|"
                r"(?:noch )?nicht gutgeschrieben",
            ),
            (
                3.5,
                r"\d+(?:[.,]\d+)? ?(?:€|eur\w*) (?:statt|anstatt|von)\b|"
                r"(?:den )?rest(?:betrag)?\W+(?:\w+\W+){0,2}?(?:überweisen|erstatten|zahlen|"
                r"auszahlen|gutschreiben)|restbetrag|zurückbekommen|zurückerhalten|"
                r"zurücküberwiesen",
            ),
            (
                3.5,
                r"fehl\w* (?:noch )?\d+(?:[.,]\d+)? ?(?:€|eur\w*)|"
                r"(?:erstattung|gutschrift|rückzahlung)\W+(?:\w+\W+){0,3}?fehl\w*",
            ),
        ],
        DAMAGED: [
            # Parts that do not go together.
            (2.5, r"(?:schrauben|löcher|bohrungen|teile) (?:\w+ )?(?:passen|gehen) (?:\w+ )?nicht"),
            (
                3,
                r"rausch(?:t|en)\b|knister\w*|knackt|knacksen|brumm(?:t|en)\b|summ(?:t|en)\b|"
                r"verzerrt",
            ),
            (3, r"löst sich (?:\w+ ){0,3}?auf|aufgelöst|franst (?:\w+ )?aus|ausgefranst"),
            (
                3,
                r"sicherung (?:\w+ ){0,2}?(?:raus|fliegt|springt|löst)|fi-schalter|"
                r"(?:fliegt|springt) (?:\w+ ){0,3}?(?:die )?sicherung",
            ),
            # Fine at first, then not: a defect that came with use.
            (2, r"(?:anfangs|zuerst|am anfang) (?:lief|ging|funktionierte|war) (?:alles|es)"),
            # How a product fails in use: klemmt, verliert Saugkraft, wird heiß, riecht.
            (
                3,
                r"klemmt|klemmen|hakt|hängt sich (?:\w+ )?auf|verliert (?:\w+ ){0,2}?(?:an )?"
                r"(?:saugkraft|leistung|druck|luft|wasser|kraft)|wird (?:\w+ )?(?:sehr |extrem |"
                r"total |richtig )?heiß|überhitzt|riecht (?:\w+ )?(?:komisch|seltsam|schlecht|"
                r"verbrannt|nach plastik|unangenehm|muffig)|stinkt|hat sich (?:\w+ )?(?:getrennt|"
                r"abgesetzt)|ranzig|verdorben|friert (?:\w+ )?ein|stürzt (?:\w+ )?ab|"
                r"startet (?:\w+ )?(?:ständig |dauernd |immer wieder )?neu|fehlermeldung|"
                r"fehlercode|blinkt (?:\w+ )?(?:rot|ständig|dauernd)|vibriert (?:\w+ )?(?:stark|"
                r"extrem)|quietscht|knarzt|lässt sich (?:\w+ ){0,2}?kaum|kaum noch",
            ),
            (
                3,
                r"(?:streifen|linien) (?:\w+ )?(?:auf dem|im) (?:bildschirm|display)|"
                r"(?:bildschirm|display)\W+(?:\w+\W+){0,3}?(?:streifen|linien)",
            ),
            (
                3,
                r"bleibt (?:\w+ ){0,6}?stehen|(?:hört|geht) (?:\w+ ){0,4}?(?:von selbst|einfach) "
                r"(?:auf|aus)|stoppt (?:von selbst|einfach)",
            ),
            # A defect told by its symptom.
            (
                3,
                r"tote\w* pixel\w*|pixelfehler|flacker\w*|kein(?:e|en)? (?:licht|strom|bild|"
                r"luft|saugkraft|wärme|reaktion|mucks|signal)\b|"
                r"(?:saugt|heizt|kühlt|leuchtet|dreht sich|reagiert|zündet|pumpt|mahlt|spült|"
                r"wärmt|bläst|druckt|piept|vibriert|läuft|schaltet sich|schließt|hält) "
                r"(?:\w+ )?(?:überhaupt |gar |leider |einfach )?(?:nicht|kaum)\b|"
                r"(?:laute|lautes|komische|seltsame|merkwürdige)\w* (?:geräusch\w*|klacker\w*|"
                r"brumm\w*|rattern)|klacker\w*|rattert|kann doch nicht sein|nicht normal",
            ),
            # Vague: also said of a product used the wrong way.
            (1.5, r"(?:passiert|tut sich) (?:\w+ )?nichts"),
            (
                1.5,
                r"(?:ein|einen|eine) neue[snr]? \w+ (?:zu)?(?:schicken|senden)|"
                r"schicken sie mir (?:\w+ ){0,2}?(?:ein|einen|eine) neue",
            ),
            # A part that came off or split.
            (
                3,
                r"abgegangen|abgefallen|aufgerissen|aufgeplatzt|abgelöst|ausgerissen|"
                r"(?:naht|nähte|reißverschluss|griff|henkel|sohle|riemen|träger)\W+(?:\w+\W+){0,2}?"
                r"(?:ist |sind )?(?:auf|ab|kaputt|gerissen|gebrochen|los)\w*",
            ),
            (
                3,
                r"(?:display|bildschirm|monitor|anzeige)\W+(?:\w+\W+){0,2}?(?:bleibt|ist) "
                r"(?:komplett |ganz )?(?:schwarz|dunkel|leer)|schwarze[rsn]? bildschirm",
            ),
            (
                3,
                r"abgefärbt|ausgeblichen|verblasst|verfärbt|eingelaufen|(?:farbe|druck)\W+"
                r"(?:\w+\W+){0,3}?(?:gelöst|ab|raus|verblasst)\w*|hält (?:nur|gerade mal) "
                r"(?:noch )?\d+|entlädt sich",
            ),
            (
                3,
                r"(?:geht|ging|funktioniert\w*|tut|tat) (?:\w+ )?(?:gar |überhaupt )?nichts mehr|"
                r"aufgebläht|aufgequollen|wackel\w*|kürzer als|schief\b|"
                r"schließt (?:\w+ )?nicht mehr",
            ),
        ],
        WRONG: [
            (3, r"zwei (?:linke|rechte)\w*|beide (?:für )?(?:links|rechts)"),
            # "Ordered: size 40. Received: size 44."
            (
                3,
                r"(?:bestellt|bestellung) ?:[^\n]{1,40}?[.;,\n] *(?:geliefert|erhalten|bekommen|"
                r"gekommen|angekommen) ?:",
                LOOSE,
            ),
            # A count that came against a count that was sold.
            (
                3,
                r"\d+ (?:stück|teile|einheiten|flaschen|paar|rollen|"
                r"packungen) (?:\w+ )?(?:erhalten|"
                r"bekommen|geliefert|gekommen)|(?:erhalten|bekommen|geliefert)\W+(?:nur )?\d+ "
                r"(?:stück|teile|einheiten)",
            ),
            (2, r"(?:angebot|beschreibung|artikelseite)\W+(?:\w+\W+){0,2}?\d+er-?(?:pack|set)"),
            (
                3,
                r"(?:obwohl|dabei|wobei) (?:ich )?(?:\w+ ){0,4}?(?:bestellt|bezahlt) (?:habe|"
                r"hatte)",
            ),
            (
                3,
                r"(?:sendung|paket|bestellung|ware) (?:\w+ )?von jemand (?:anderem|anders)|"
                r"nicht meine bestellung|fremde (?:sendung|bestellung)",
            ),
            # A different thing than the one ordered or shown.
            (
                3,
                r"(?:ein |eine )?(?:ganz |völlig |komplett )?andere[snrm]? (?:\w+ )?(?:modell|"
                r"produkt|artikel|farbe|größe|teil|marke|version) als",
            ),
            # "statt Größe 42 wurde mir Größe 38 geliefert", "war nicht im Paket".
            (
                3,
                r"(?:statt|anstatt|anstelle)\b(?! ?\d+(?:[.,]\d+)? ?(?:€|eur|\$|£))"
                r"[^.!?\n]{0,50}?\b(?:geliefert|geschickt|gesendet|verschickt|gekommen|bekommen|"
                r"erhalten|kam|kamen|lag|lagen)\b",
                LOOSE,
            ),
            (
                3,
                r"(?:ist|war|waren|sind|lag|lagen) (?:\w+ )?nicht (?:im|in der|in dem|mit im|dabei)"
                r"(?: paket| karton| packung| lieferung| box| sendung)?|"
                r"nicht (?:mit )?(?:geliefert|enthalten|beigelegt|dabei)\b",
            ),
            (
                2.5,
                r"bestellt hatte ich|ich hatte (?:aber |eigentlich |"
                r"doch )?(?:[\w-]+ ){1,4}?bestellt|"
                r"obwohl ich (?:\w+ ){1,4}?bestellt",
            ),
            (
                1.5,
                r"laut (?:beschreibung|angebot|artikelbeschreibung)|"
                r"sollte (?:\w+ ){0,2}?dabei sein",
            ),
            (
                2.5,
                r"(?:auf dem |das )?(?:etikett|schild|label|aufdruck)\W+(?:\w+\W+){0,2}?"
                r"(?:steht|sagt|zeigt) (?:aber |jedoch |nur )?(?:größe )?(?:xxs|xs|s|m|l|xl|xxl|"
                r"xxxl|\d+\w{0,2})\b|"
                r"bestellt (?:habe|hatte) ich (?:aber |eigentlich )?(?:größe |die |den |das )?"
                r"(?:xxs|xs|s|m|l|xl|xxl|xxxl|\d+\w{0,2})\b(?! (?:wochen|tagen|monaten|uhr))",
            ),
            # What came, then what was ordered: "… die 64GB-Version geschickt, bezahlt habe
            # ich 128GB", "In der Packung war eine Maus. Ich hatte eine Tastatur bestellt."
            (
                3,
                r"(?:geschickt|geliefert|bekommen|erhalten|gekommen|kam|kamen|drin|enthielt|"
                r"lag|lagen)\b(?:(?!nicht|nie|kein)[^\n]){1,60}?\b(?:(?:bestellt|bezahlt) "
                r"(?:habe|hatte) ich|ich (?:habe|hatte) (?:aber |eigentlich |doch )?"
                r"(?:[\w-]+ ){1,4}?(?:bestellt|bezahlt))\b",
                LOOSE,
            ),
            # "Das ist die Version mit EU-Stecker, ich hatte die UK-Version bestellt."
            (
                3,
                r"(?:das|es|dies) ist (?:die|der|das|ein|eine)\b[^.!?\n]{1,50}?[,;-] ?(?:aber )?"
                r"(?:ich (?:hatte|habe) (?:aber |eigentlich |doch )?(?:[\w-]+ ){1,4}?(?:bestellt|"
                r"bezahlt)|bestellt (?:hatte|habe) ich)",
                LOOSE,
            ),
            (
                3,
                r"gebrauchte[nrsm]? (?:artikel|ware|gerät|produkt|zustand)|(?:ist|"
                r"war) (?:eindeutig |"
                r"offensichtlich |schon |bereits |klar )*gebraucht\b|(?:schon|bereits) benutzt|"
                r"benutzt\w* (?:artikel|ware|gerät)|(?:siegel|versiegelung|"
                r"verpackung) (?:war|ist) (?:schon |bereits )?(?:offen|geöffnet|aufgerissen)",
            ),
        ],
        CANCEL: [
            (3, r"(?:bestellung|auftrag) (?:\w+ )?löschen"),
            (
                3.5,
                r"widerruf\w*\b[^.!?\n]{0,60}\b(?:bevor|vor dem versand|noch nicht verschickt)",
                LOOSE,
            ),
            (3, r"(?:bestellung|paket|sendung) (?:\w+ )?(?:abfangen|stoppen|anhalten)"),
            # No longer wanted: a cancellation only with nothing stronger.
            (1, r"(?:möchte|will|brauche) (?:sie|es|ihn|das|die|den) nicht mehr"),
            (3, r"(?:bestellung|kauf|auftrag)\W+(?:\w+\W+){0,2}?rückgängig|rückgängig machen"),
            (1.5, r"umentschieden|anders überlegt|es mir anders überlegt"),
        ],
        CHANGE: [
            (3, r"von \w+ (?:auf|in|zu) \w+ (?:ändern|umstellen|wechseln|tauschen)"),
            # The carrier chosen for an order not yet shipped.
            (
                3,
                r"(?:mit|per|über) (?:dhl|hermes|dpd|gls|ups|der post|"
                r"post) (?:\w+ )?(?:verschicken|versenden|schicken|liefern|senden)|"
                r"statt (?:mit )?(?:dhl|hermes|dpd|gls|ups)",
            ),
            # A typo in the address, and the right value.
            (3, r"tippfehler|schreibfehler|zahlendreher|vertippt"),
            (2, r"\d+\w*,? (?:nicht|statt) \d+\w*"),
            # Parts of an address that are missing or to be added: not a missing item.
            (
                3,
                r"fehlt (?:\w+ ){0,3}?(?:hausnummer|adresse|anschrift|etage|stockwerk|"
                r"wohnungsnummer|türnummer|firmenname|postleitzahl|plz|straße)|"
                r"(?:adresse|anschrift|lieferadresse) (?:\w+ ){0,3}?fehlt",
            ),
            # A change asked for, not a wrong delivery: "Kann ich statt Grau Blau bekommen?"
            (
                3.5,
                r"(?:kann|könnte|darf|können|könnten) (?:ich|wir|sie|man) (?:\w+ ){0,4}?"
                r"(?:statt|anstatt|anstelle)\b[^.!?\n]{0,40}?\b(?:bekommen|haben|nehmen|"
                r"schicken|senden|liefern|bestellen)",
            ),
            (
                3,
                r"(?:ändern|abändern|umändern|tauschen|umstellen|anpassen)\W+(?:\w+\W+){0,3}?"
                r"(?:bevor|vor dem versand|solange)|noch (?:ab|um)?ändern",
            ),
            (2, r"brauche aber|bräuchte aber|brauche eigentlich|bräuchte eigentlich"),
            # The buyer's own wrong choice: the verb (stornieren, zurückschicken) decides.
            (
                1.5,
                r"falsche[snmr]? (?:\w+ )?(?:bestellt|gewählt|ausgewählt|angeklickt|erwischt)|"
                r"(?:die|den|das) falsche \w+ (?:gewählt|ausgewählt|angeklickt|erwischt)",
            ),
            (
                2.5,
                r"(?:hätte (?:\w+ )?(?:lieber|doch lieber|gerne doch)|doch lieber|stattdessen)"
                r"(?! (?:\w+ )?(?:mein geld|das geld|geld|eine erstattung|erstattung|ersatz))",
            ),
            (
                3,
                r"(?:lieferung|zustellung|versand|lieferdatum|liefertermin)\W+(?:\w+\W+){0,4}?"
                r"(?:verschieben|verlegen|legen|umlegen|zurückhalten)|später (?:liefern|zustellen|"
                r"versenden)",
            ),
            (2.5, r"(?:als )?geschenk (?:\w+ )?verpack\w*|geschenkverpackung"),
            (
                2.5,
                r"klingelschild|(?:name|c/o) (?:am|auf dem|an der) (?:klingel|briefkasten)|c/o\b",
            ),
        ],
        PRODUCT: [
            (
                2.5,
                r"pass(?:en|t) (?:\w+ ){0,6}?(?:auch )?(?:in|auf|an|zu|für) (?:\w+ )?(?:dies|das|"
                r"den|"
                r"die|meine?n?)\w*[^.!?\n]{0,30}\?",
                LOOSE,
            ),
            (
                2.5,
                r"(?:bevor|ehe) ich (?:\w+ )?(?:bestelle|kaufe)|vor (?:dem|meinem) kauf|"
                r"(?:maschinen)?waschbar|(?:bei )?wie ?viel grad|bis wie ?viel (?:kg|kilo|grad)|"
                r"spülmaschinenfest|belastbar|trägt (?:\w+ )?\d+|\d+ ?(?:kg|kilo)\w* "
                r"(?:aus|tragen|belasten)|für kinder|ab \d+ jahren|kleinteile",
            ),
            (
                1.5,
                r"(?:ist|sind|hat|haben|kann|passt|gibt|lässt|geht|hält|verträgt) (?:der|die|das|"
                r"es|sie|er|man|dieser|diese|dieses)\b[^.!?\n]{0,60}\?",
                LOOSE,
            ),
            (
                3,
                r"kann (?:ich|man) (?:das|es|den|die|ihn|sie|dieses|diesen|diese) (?:\w+ ){0,4}?"
                r"(?:benutzen|verwenden|nutzen|einsetzen|waschen)\b",
            ),
        ],
        INVOICE: [
            (2, r"spesenabrechnung|spesen|reisekosten\w*|steuererklärung|für die steuer"),
        ],
        OTHER: [
            (3, r"blog\w*|\w+blog\b|journalist\w*|presse\w*|interview\w*|umfrage|fragebogen"),
            (
                3,
                r"direkt (?:bei ihnen |über sie )?(?:bestellen|kaufen)|ohne amazon|"
                r"außerhalb von amazon",
            ),
            (
                3.5,
                r"garantieverlängerung|garantie\w* (?:\w+ ){0,3}?registrier\w*|"
                r"registrier\w* (?:\w+ ){0,5}?garantie\w*|produktregistrierung",
            ),
            (
                3.5,
                r"(?:ein |eine )?(?:andere[rn]?|fremde[rn]?) (?:händler|verkäufer|anbieter)|"
                r"konkurrent\w*|(?:verkauft|verkaufen) (?:\w+ ){0,3}?(?:fälschungen|plagiate|"
                r"kopien|fakes)|markenrecht\w*|ihre marke|ihrem (?:angebot|listing)",
            ),
            (
                3.5,
                r"(?:hören sie auf|hört auf|aufhören)\W+(?:\w+\W+){0,6}?(?:zu schicken|zu senden|"
                r"mails|nachrichten|e-mails)|(?:ständig|dauernd|immer wieder) (?:\w+ )?"
                r"(?:mails|e-mails|nachrichten) (?:wegen|zu|mit)",
            ),
            (3, r"sind sie (?:der|ein|eine) (?:\w+ )?(?:hersteller|händler|wiederverkäufer)"),
            (
                3,
                r"haben sie (?:\w+ )?(?:ein|einen|eine) (?:eigenes |eigenen )?(?:geschäft|laden|"
                r"ladenlokal|filiale|showroom)",
            ),
        ],
    }
)
