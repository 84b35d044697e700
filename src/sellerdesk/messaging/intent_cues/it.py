"""Italian cues."""

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
    "il lo la che e non è un una mio mia miei per ma grazie ciao buongiorno sono ho del "
    "della con di ancora anche questo questa avete potete salve buonasera cordiali saluti "
    "gli le si mi ci vi pacco ordine perché perche come quando dove già gia stato stata "
    "nel nella alla al dal dalla sul mai niente nulla vorrei posso ha hanno hai abbiamo "
    "vostro vostri vostra nostro ad altri altro da dei delle degli quanti quanto quale "
    "quello molto tutto oggi ieri sotto però cosa fare solo volte giorni settimana mese "
    "prodotto articolo scatola in avere essere doveva ce"
)

_NEG = r"(?:non|mai|ancora non|niente|nulla)"
_GOODS = r"(?:pacco|ordine|spedizione|prodotto|articolo|acquisto|roba)"

CUES = table(
    {
        WHERE: [
            (3, rf"dov'?e (?:il |la |i |le )?(?:mio |mia |miei )?(?:\w+ )?{_GOODS}"),
            (
                3,
                rf"{_NEG}\W+(?:\w+\W+){{0,3}}?(?:arrivat\w*|ricevut\w*|consegnat\w*|spedit\w*|"
                r"arriva|partit\w*|mosso)\b",
            ),
            (2.5, r"ancora (?:non|niente|nulla)|mai arrivat\w*"),
            (2, r"tracciamento|tracking|numero di spedizione|corriere|brt|bartolini|sda\b"),
            (
                3,
                r"quando\W+(?:\w+\W+){0,4}?(?:spedit\w*|arriv\w*|consegn\w*|ricever\w*|parte|"
                r"partira)",
            ),
            (2.5, r"(?:risulta|dice|segna) consegnato|consegnato ma"),
            (2.5, r"perso\b|smarrit\w*|dogana|fermo\b|bloccat\w*"),
            (2.5, r"gia (?:stato )?spedit\w*|e stato spedit\w*"),
            (3, r"e (?:gia )?partit[oa]|stato (?:del|dell'?) ?ordine|non arriva"),
            (2, r"in ritardo|ritard\w*|tempi di consegna|data di consegna|data prevista"),
            (
                2,
                r"prima di (?:sabato|domenica|lunedi|martedi|mercoledi|giovedi|venerdi|natale)|"
                r"urgente|express|espress\w*|piu (?:veloce|rapid\w*)|conferma di spedizione",
            ),
            (1, r"consegna\b|spedizione\b|poste\b"),
            (3, r"(?:tracciamento|tracking|numero|link|codice)\W+(?:\w+\W+){0,3}?non funziona"),
        ],
        RETURN: [
            (
                3,
                r"restitui\w*|restitu\w*|rendere|render(?:lo|la|li|le)|etichetta di reso|"
                r"spese di (?:restituzione|reso)|politica di reso|cambio taglia|recesso|"
                r"rispedir\w*|mandare indietro|rimandare|fare (?:il )?reso",
            ),
            (2, r"reso\b|resi\b"),
            (1, r"sigillat\w*|non (?:mi )?(?:piace|convince|va bene|sta bene)|mai usat\w*"),
            (1.5, r"ho (?:gia )?(?:restituito|rispedito|reso)|(?:ricevuto|avete) (?:il )?reso"),
        ],
        REFUND: [
            (3, r"rimbors\w*|soldi|denaro"),
            (4, r"rimborso parziale"),
            (3, r"addebit\w*|doppio addebito|due volte l'importo|la differenza|coupon"),
            (4, r"annull\w*\W+(?:\w+\W+){0,6}?addebit\w*"),
            (3.5, r"mancano \d+(?:[.,]\d+)? ?(?:€|eur\w*)|mi venga restituit\w*"),
            (4, rf"{_NEG}\W+(?:\w+\W+){{0,3}}?ricevut\w* (?:\w+ )?rimborso"),
            (2.5, r"fatto pagare|pagato (?:\w+ )?(?:spedizione|due volte)"),
            (2.5, r"(?:spedizione|spese di spedizione)\W+(?:\w+\W+){0,4}?(?:gratuit\w*|gratis)"),
        ],
        DAMAGED: [
            (
                3,
                r"rott[oaie]\b|rompe\w*|ruppe|crepat\w*|incrinat\w*|scheggiat\w*|danneggiat\w*|"
                r"difettos\w*|difetto|guast\w*|schiacciat\w*|ammaccat\w*|perde (?:acqua|liquido)|"
                r"perdita|gocciola|scucit\w*|strappat\w*|bagnat\w*|rovinat\w*|in pezzi|"
                r"sfarfall\w*|bruciat\w*|pessima qualita",
            ),
            (2, r"graffi\w*|macchiat\w*"),
            (3, r"cattivo stato|cattive condizioni|scadut\w*"),
            (
                3,
                r"non (?:\w+ )?(?:funziona|si accende|carica|parte|suona)|smesso di funzionare|"
                r"nessun suono|si spegne|si disconnette|disconnett\w*",
            ),
            (1, r"qualita|sostituzione|sostituire"),
        ],
        WRONG: [
            (
                3,
                r"sbagliat\w*|errat\w*|non e (?:il|la|quello|quella|cio) (?:che )?(?:ho )?"
                r"(?:ordinat\w*|comprat\w*)|non corrisponde",
            ),
            (3, r"mancan\w*|manca\b|c'era solo|ce ne sono (?:solo )?\d+"),
            (3, r"non c'era (?:il|la|lo|l'|i|le|nessun\w*)|non c'erano"),
            (1.5, r"invece (?:di|del|della|dello|che)|al posto (?:di|del|della)"),
            (
                3,
                r"(?:arrivat\w*|ricevut\w*|mandat\w*)\W+(?:\w+\W+){0,4}?(?:invece|al posto)",
                LOOSE,
            ),
            (
                3,
                r"ho ordinato\b(?:(?!non\b|mai\b|ancora\b)[^.!?\n]){0,40}\b(?:mi e arrivat\w*|"
                r"arrivat\w*|ricevut\w*)",
                LOOSE,
            ),
            (
                3,
                r"solo (?:un|una|uno|\d+|due) (?:\w+ )?invece|pacco vuoto|scatola vuota|vuot[oa]\b",
            ),
        ],
        CANCEL: [
            (3, r"annull\w*|cancell\w*|disdir\w*|disdett\w*"),
            (0, r"(?:avete|ha|e stato|hanno) (?:annullat|cancellat)\w*"),
            (3, r"non (?:lo |la )?(?:spedite|inviate|mandate)"),
            (1.5, r"per errore|per sbaglio|due volte"),
        ],
        CHANGE: [
            (
                3,
                r"(?:modific|cambi|corregg|aggiorn)\w*\W+(?:\w+\W+){0,2}?(?:indirizzo|taglia|"
                r"colore|quantita|modello|cap)\b",
            ),
            (
                3,
                r"(?:indirizzo|taglia|colore|quantita|cap)\W+(?:\w+\W+){0,3}?"
                r"(?:modific|cambi|corregg)\w*",
            ),
            (
                3,
                r"(?:ho )?sbagliato (?:l'|il |la |a )?(?:indirizzo|taglia|colore|cap|"
                r"selezionare|scegliere|scrivere)",
            ),
            (3, r"(?:indirizzo|cap|civico|numero civico) sbagliat\w*"),
            (3, r"ho sbagliato (?:la |il |l')?(?:quantita|modello|misura|versione)"),
            (3, r"ricever\w* (?:\w+ ){0,4}?(?:invece|al posto)"),
            (2.5, r"pago la differenza"),
            (
                2.5,
                r"indirizzo (?:giusto|corretto|nuovo)|nuovo indirizzo|quello giusto|"
                r"spedir(?:lo|la|e) (?:al|a|presso)|spedite a|al mio ufficio|a casa di|"
                r"invece che a casa|aggiunger\w*|interno\b|scala\b|\d+ invece di \d+|"
                r"ridurre|aumentare|cambiare il \d+",
            ),
        ],
        PRODUCT: [
            (3, r"compatib\w*"),
            (
                2.5,
                r"dimensioni|misure|quanto (?:e|pesa|misura|dura)|lavastoviglie|microonde|"
                r"impermeabile|di che materiale|differenza tra|si puo (?:usare|lavare|mettere)|"
                r"avete (?:questo|questa|il|la|anche)|disponibile in|c'e (?:anche )?in",
            ),
            (1.5, r"materiale|garanzia|batteri\w*|pile\b|autonomia|watt|volt|presa\b|adattatore"),
            (2.5, r"come (?:posso|faccio a|lo|la) \w+"),
            (1.5, r"come si \w+|istruzioni|manuale|allergi\w*|nichel|all'aperto|pioggia|inclus\w*"),
            (2, r"originale|imitazione|falso"),
            (2.5, r"adatt[oaie]\b|va bene per|funziona con|che taglia|quale taglia"),
        ],
        INVOICE: [
            (4, r"fattur\w*"),
            (3, r"partita iva|p\.? ?iva|iva\b|codice fiscale|ricevuta|scontrino|intestat\w*"),
        ],
        THANKS: [
            (1.5, r"grazie\w*|ringrazi\w*"),
            (
                2,
                r"tutto (?:ok|perfetto|bene|a posto|risolto)|arrivato (?:oggi|bene|in perfette "
                r"condizioni)|alla fine e arrivato|in perfette condizioni|lasciate perdere|"
                r"l'ho trovato",
            ),
            (1.5, r"ricevuto|perfett\w*|risolto"),
            (
                3.5,
                r"rimborso (?:ricevuto|arrivato|effettuato)|(?:ricevuto|arrivato) (?:il )?"
                r"rimborso|grazie per il rimborso",
            ),
        ],
        OTHER: [
            (
                3,
                r"ingrosso|rivendit\w*|negozio|sconti? per aziende|per aziende|"
                r"\d{2,} (?:pezzi|unita)",
            ),
            (3.5, r"amazon business|account (?:business|aziendale)"),
            (3, r"negozio fisico|vostro sito|esagerat\w*"),
            (3, r"collabor\w*|blogger|influencer|sponsor\w*"),
            (3, r"ho sbagliato venditore|venditore sbagliato|ignorate"),
            (3, r"mailing list|newsletter|toglietemi|cancellatemi"),
            (2.5, r"recension\w*|feedback"),
            (
                2.5,
                r"prezzo\W+(?:\w+\W+){0,4}?(?:aumentat\w*|alto|raddoppiat\w*|caro)|"
                r"costa (?:cosi tanto|troppo)|troppo caro|vergogna|truffa|la meta",
            ),
            (3.5, r"non so perche|non vi ho contattat\w*|perche (?:\w+ )?ricevo"),
            (1.5, r"aziend\w*"),
        ],
    }
)
