"""Italian cues."""

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
    "il lo la che e non è un una mio mia miei per ma grazie ciao buongiorno sono ho del "
    "della con di ancora anche questo questa avete potete salve buonasera cordiali saluti "
    "gli le si mi ci vi pacco ordine perché perche come quando dove già gia stato stata "
    "nel nella alla al dal dalla sul mai niente nulla vorrei posso ha hanno hai abbiamo "
    "vostro vostri vostra nostro ad altri altro da dei delle degli quanti quanto quale "
    "quello molto tutto oggi ieri sotto però cosa fare solo volte giorni settimana mese "
    "prodotto articolo scatola in avere essere doveva ce due tre volta posto altra nuovo "
    "nuova"
)

NEGATION = Negation(
    negators=words("non senza mai niente nulla nessun nessuna nessuno"),
    avoid=words("evitare"),
    transparent=words(
        "e era sono stato stata stati essere ho ha hanno abbiamo di da il lo la l gli le i "
        "un una uno mi ci si ti affatto per proprio"
    ),
    wish=words(
        "voglio vorrei volevo vogliamo devo dover dovere doverlo doverla doverli doverle "
        "dovrei debba bisogno serve "
        "preferisco preferirei"
    ),
    boundaries=words("ma pero invece tuttavia solo solamente semplicemente"),
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
            (
                3,
                r"(?:tracciamento|tracking|numero di (?:tracciamento|spedizione)|(?:link|codice) "
                r"di tracciamento)\W+(?:\w+\W+){0,3}?non funziona",
            ),
        ],
        RETURN: [
            (
                3,
                r"restitui\w*|restitu\w*|rendere|render(?:lo|la|li|le)|etichetta di reso|"
                r"spese di (?:restituzione|reso)|politica di reso|cambio taglia|recesso|"
                r"rispedir\w*|(?:ri)?mandar\w* indietro|rimandar\w*|fare (?:il )?reso|"
                r"etichetta (?:per il|del|di) reso",
            ),
            (2, r"reso\b|resi\b"),
            (1, r"sigillat\w*|non (?:mi )?(?:piace|convince|va bene|sta bene)|mai usat\w*"),
            (
                1.5,
                r"ho (?:gia )?(?:restituito|rispedito|reso)|(?:ricevuto|"
                r"avete) (?:il )?(?:mio )?reso",
            ),
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
                r"rott[oaie]\b|rompe\w*|ruppe|crepat\w*|crepa\b|crepe\b|incrinat\w*|incrinatur\w*|"
                r"scheggiat\w*|danneggiat\w*|"
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
            (
                3,
                r"mancan\w*|manca\b|c'era solo|ce ne sono (?:solo )?\d+|ce n'erano solo|"
                r"ce n'era solo|n'erano solo",
            ),
            (3, r"non c'era (?:il|la|lo|l'|i|le|nessun\w*)|non c'erano"),
            (1.5, r"invece (?:di|del|della|dello|dei|degli|delle|che)|al posto (?:di|del|della)"),
            (
                3,
                r"(?:arrivat\w*|ricevut\w*|mandat\w*)\W+(?:\w+\W+){0,4}?(?:invece|al posto)",
                LOOSE,
            ),
            (
                3,
                r"(?:ho|avevo) ordinato\b(?:(?!non\b|mai\b|ancora\b)[^.!?\n]){0,40}\b"
                r"(?:mi e arrivat\w*|mi hanno (?:mandato|spedito|inviato)|"
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
            (0, r"(?:ordine|articolo|acquisto) (?:annullat|cancellat)[oaie]"),
            (3, r"non (?:lo |la )?(?:spedite|inviate|mandate)\b"),
            (1.5, r"per errore|per sbaglio|due volte"),
        ],
        CHANGE: [
            (
                3,
                r"(?:modific|cambi|corregg|"
                r"aggiorn)\w*(?<!lo)(?<!la)\W+(?:\w+\W+){0,2}?(?:indirizzo|taglia|"
                r"colore|quantita|modello|cap)\b",
            ),
            (
                3,
                r"(?:indirizzo|taglia|colore|quantita|cap)\W+(?:\w+\W+){0,3}?"
                r"(?:modific|cambi|corregg)\w*",
            ),
            (
                3,
                r"(?:ho )?sbagliato (?:l'|il |la |a )?(?:indirizzo|cap|scrivere)",
            ),
            (3, r"(?:indirizzo|cap|civico|numero civico) sbagliat\w*"),
            # The buyer's own wrong choice: the verb (annullare, rendere) decides.
            (
                1.5,
                r"ho sbagliato (?:la |il |l')?(?:quantita|modello|misura|versione|articolo|"
                r"prodotto|colore|taglia)|ho sbagliato (?:a|nel|ad) (?:selezionar\w*|"
                r"sceglier\w*|ordinar\w*|cliccar\w*|comprar\w*)|ho sbagliato\b",
            ),
            (3, r"ricever\w* (?:\w+ ){0,4}?(?:invece|al posto)"),
            (2.5, r"pago la differenza"),
            (
                2.5,
                r"indirizzo (?:giusto|corretto|nuovo)|nuovo indirizzo|quello giusto|"
                r"spedir(?:lo|la|e) (?:al|a|presso)|spedite a\b|al mio ufficio|a casa di|"
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
            (
                1.5,
                r"materiale|garanzia|batteri\w*|pile\b|autonomia|watt\b|volt\b|presa\b|spina\b|"
                r"adattatore",
            ),
            (2.5, r"come (?:posso|faccio a|lo|la) \w+", LOOSE),
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
                r"tutto (?:ok|perfetto|bene|a posto|risolto|arrivato)|servizio (?:top|ottimo|"
                r"eccellente|"
                r"impeccabile)|arrivato tutto|arrivato (?:oggi|bene|in perfette "
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
                r"ingrosso|rivendit\w*|(?:il mio|nostro|mio|un|vostro) negozio|avete (?:un|dei) "
                r"negoz\w*|sconti? per aziende|per aziende|"
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
                r"costa (?:cosi tanto|troppo|di piu)|(?:troppo|piu) caro|vergogna|truffa|la meta",
            ),
            (3.5, r"non so perche|non vi ho contattat\w*|perche (?:\w+ )?ricevo"),
            (1.5, r"aziend\w*"),
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
                r"novita|(?:ci sono |avete |qualche )?(?:notizie|aggiornamenti)|"
                r"(?:ancora )?nessuna (?:risposta|notizia)|non (?:ho )?(?:ricevuto|avuto) "
                r"(?:nessuna |alcuna )?risposta|sollecito|vi (?:ho )?(?:gia )?scritto|"
                # (not "in attesa di una vostra risposta", a closing)
                r"(?:vedi|vedete) (?:il )?(?:messaggio )?sotto|ancora in attesa di (?:una |"
                r"vostra )?risposta|aspetto ancora (?:una |vostra )?risposta",
            ),
        ],
        NEUTRAL: [
            # "ho annullato prima della spedizione": told, not asked.
            (0, r"(?:ho|avevo) (?:gia )?(?:annullat|cancellat)\w*"),
            # "potete rispedirlo": the seller sending again, not a return.
            (0, r"(?:potete|potreste|per favore) (?:me |ce )?(?:rispedir|reinviar|rimandar)\w*"),
            # Something the buyer has: "la fattura mi è arrivata via mail".
            (
                0,
                r"(?:la |una )?(?:fattura|ricevuta) (?:mi )?(?:e |e gia )?(?:arrivat\w*|"
                r"ricevut\w*)(?: (?:via|per) (?:e-?mail|mail|posta))?|"
                r"(?:ho )?(?:gia )?ricevuto (?:la|una) (?:fattura|ricevuta)",
            ),
            # A website or link that fails is not a defective product.
            (
                0,
                r"(?:sito|pagina|app|applicazione|portale|link|codice qr)\W+(?:\w+\W+){0,5}?"
                r"non (?:si apre|"
                r"funziona|carica|si carica|va)\b",
            ),
        ],
        WHERE: [
            (2.5, r"(?:annunciat[oa]|previst[oa]|promess[oa]) (?:per|il|entro)\b"),
            (3, r"(?:e )?tornat[oa] (?:indietro|al mittente)|(?:reso|rispedito) al mittente"),
            # "… ma il pacco no": the thing that did not come.
            (3, rf"ma (?:il|la|i|le|mio|mia) (?:\w+ )?{_GOODS} no\b"),
            (2.5, r"dov'e\b(?! possibile| scritto)|dove (?:e|sono) finit\w*"),
            (
                3,
                r"uscit[oa] (?:\w+ )?(?:dal|dalla) (?:\w+ )?magazzino|"
                r"partit[oa] dal (?:\w+ )?magazzino",
            ),
            (
                3,
                r"indirizzo (?:non trovato|inesistente)|non (?:e stato possibile|hanno potuto|ha "
                r"potuto) consegnar\w*|tentativo di consegna|destinatario (?:assente|sconosciuto)",
            ),
            (2, r"(?:il mio )?indirizzo e (?:giusto|corretto)"),
            (
                2.5,
                r"arriv\w* in tempo|in tempo per|(?:mi serve|serve) entro (?:lunedi|martedi|"
                r"mercoledi|giovedi|venerdi|sabato|domenica|il \d+|natale)",
            ),
            (2.5, r"dove (?:sta|stanno|si trova|si trovano) (?:il|la|i|le) (?:mio |mia |miei )?"),
        ],
        RETURN: [
            (
                3,
                r"cambiare (?:il|la|lo|l'|i|le) ?\w+ con (?:un'|una |un |uno )?(?:altr[oa] )?"
                r"(?:taglia|misura|colore|modello|numero)",
            ),
            (1, r"mi sta (?:troppo |molto )?(?:strett|larg|grand|piccol|cort|lung)\w*"),
            (
                3,
                r"cambiar(?:lo|la|li|le) con (?:una|un|uno|l'|la|il|altra|altro) ?(?:\w+ )?"
                r"(?:taglia|misura|colore|modello|numero)\w*",
            ),
        ],
        REFUND: [
            # Money that has not come back, or only part of it.
            (
                3,
                r"(?:sul|nel) (?:mio )?(?:conto|carta)\W+(?:\w+\W+){0,4}?(?:niente|nulla|non)|"
                r"(?:niente|nulla) (?:\w+ ){0,3}?sul (?:mio )?(?:conto|carta)|"
                r"non (?:mi )?(?:e stato|sono stati|hanno) (?:ancora )?accreditat\w*",
            ),
            (
                3.5,
                r"(?:solo|soltanto) \d+(?:[.,]\d+)? ?(?:€|euro)|il resto (?:dei soldi|"
                r"dell'importo|del rimborso)?|la parte (?:restante|mancante)|"
                r"restituit\w* solo",
            ),
            # "mi restituite i soldi" is the money, not the item.
            (
                3.5,
                r"restitu\w* (?:\w+ ){0,2}?(?:l')?(?:soldi|denaro|importo|i miei soldi)|"
                r"(?:mi avete|avete) fatturato|fatturato due volte",
            ),
        ],
        DAMAGED: [
            # Parts that do not go together.
            (
                2.5,
                r"(?:viti|fori|pezzi) (?:\w+ )?non (?:entrano|combaciano|corrispondono|"
                r"si avvitano)|piegat[oaie]\b",
            ),
            (3, r"gracchi\w*|fruscia\w*|ronza\w*|crepit\w*|distors\w*"),
            (
                3,
                r"si (?:sta |stanno )?(?:gia )?disfacendo|si disfa|si scuce|si sfilaccia\w*",
            ),
            (3, r"(?:fa )?saltare (?:la corrente|il salvavita|il contatore)|salta il salvavita"),
            # Fine at first, then not: a defect that came with use.
            (2, r"all'inizio (?:tutto )?(?:andava|funzionava)"),
            # How a product fails in use: si incastra, perde potenza, si scalda, puzza.
            (
                3,
                r"si incastra|incastrat[oa]|(?:perde|ha perso) (?:\w+ )?(?:potenza|aspirazione|"
                r"pressione|forza)|si scalda (?:tantissimo|molto|troppo)|surriscald\w*|"
                r"(?:cattivo|strano|brutto) odore|puzza|si e separat[oa]|rancid[oa]|"
                r"si (?:impalla|blocca) (?:sempre|spesso|di continuo)|si riavvia|messaggio di "
                r"errore|codice (?:di )?errore|lampeggia|vibra (?:molto|tanto)|cigola|"
                r"(?:si apre|si chiude|funziona|carica|gira|aspira) (?:a fatica|a malapena)",
            ),
            (
                3,
                r"(?:righe|linee|strisce|bande) (?:\w+ )?(?:sullo|nello|sul) (?:schermo|display)|"
                r"(?:schermo|display)\W+(?:\w+\W+){0,3}?(?:righe|linee|strisce)|fradici\w*|"
                r"inzuppat\w*|zupp[oa]\b",
            ),
            (3, r"si (?:ferma|spegne|blocca) da sol[oa]|si (?:ferma|spegne) dopo"),
            # A defect told by its symptom.
            (
                3,
                r"pixel mort\w*|nessuna? (?:luce|reazione|immagine|rumore|suono|segnale|spia)\b|"
                r"non e normale|non (?:scalda|riscalda|aspira|gira|si accende|raffredda|"
                r"risponde)|fa (?:un )?(?:rumore|suono) (?:strano|forte)|"
                r"(?:attacco|collego|accendo|attaccata|collegata)\w* e (?:niente|nulla)",
            ),
            # Vague: also said of a product used the wrong way.
            (1.5, r"non (?:succede|fa) (?:niente|nulla)"),
            (1.5, r"(?:mandarmi|inviarmi|spedirmi) (?:un|una|uno) (?:nuov[oa]|altr[oa])\b"),
            # A part that came off or split.
            (
                3,
                r"si e (?:staccat\w*|scucit\w*|apert[oa]|rott[oa]|sfilacciat\w*|strappat\w*)|"
                r"staccat\w*|(?:cucitura|cerniera|zip|manico|suola|cinghia)\W+(?:\w+\W+){0,2}?"
                r"(?:si e \w+|ha ceduto|e partita)",
            ),
            (
                3,
                r"(?:schermo|display|monitor)\W+(?:\w+\W+){0,2}?(?:resta|rimane|e) "
                r"(?:completamente |tutto )?(?:nero|spento|bianco)|schermo nero",
            ),
            (
                3,
                r"scolorit\w*|stint\w*|sbiadit\w*|ristrett\w*|dura (?:solo|soltanto) \d+|"
                r"si scarica (?:subito|in fretta|velocemente)",
            ),
            (3, r"spezzat\w*|si e spezzat\w*"),
            (
                3,
                r"gonfi[oa]\b|gonfiat\w*|balla\b|traballa\w*|piu cort[oa] (?:delle|degli|di)|"
                r"non si chiude|storto|storta",
            ),
        ],
        WRONG: [
            (3, r"(?:io )?ne (?:avevo|ho) ordinat[oaie]\b(?! \d+ (?:giorni|settimane))"),
            (3, r"due (?:\w+ )?(?:sinistr|destr)[ie]\b"),
            # "Ordered: size 40. Received: size 44."
            (
                3,
                r"(?:ordinato|ordinata|ordine) ?:[^\n]{1,40}?[.;,\n] *(?:ricevuto|ricevuta|"
                r"arrivato|arrivata|consegnato) ?:",
                LOOSE,
            ),
            # A count that came against a count that was sold.
            (
                3,
                r"(?:ricevut[oiae]|arrivat[oiae]|consegnat[oiae]) (?:solo |soltanto )?\d+ (?:pezzi|"
                r"unita|articoli|bottiglie|paia|rotoli)",
            ),
            (2, r"(?:inserzione|descrizione|scheda)\W+(?:\w+\W+){0,2}?(?:confezione|pacco) da \d+"),
            (
                3,
                r"(?:anche se|mentre|pur avendo|nonostante) (?:io )?(?:ho |avevo |abbia )?"
                r"(?:ordinato|pagato)\b|(?:io )?l'(?:avevo|ho) ordinat[oa] in (?:inglese|italiano|"
                r"tedesco|francese|spagnolo|nero|bianco|rosso|blu|verde|grigio|rosa|taglia)\b",
            ),
            (
                3,
                r"(?:ordine|pacco) di (?:un'|una )?altra persona|non e il mio ordine",
            ),
            # A different thing than the one ordered or shown.
            (
                3,
                r"(?:modello|prodotto|articolo|taglia|colore|marca|versione) (?:\w+ )?divers[oaie]|"
                r"(?:un|un'|una) ?altr[oa] (?:modello|prodotto|articolo|marca|versione) rispetto",
            ),
            # "X invece di Y", "non era nella scatola", "ma io ho ordinato".
            (
                3,
                r"invece (?:di|del|della|dello|dei|delle)\b[^.!?\n]{0,40}?\b(?:mi e arrivat\w*|"
                r"ho ricevut\w*|mi avete (?:mandat|spedit|inviat)\w*|e arrivat\w*|ricevut\w*)",
                LOOSE,
            ),
            (
                3,
                r"non (?:c'era|c'erano|era|erano) (?:\w+ )?(?:nella|nel|dentro la|dentro il) "
                r"(?:scatola|pacco|confezione|imballo)|non (?:era|e) inclus\w*",
            ),
            (
                2.5,
                r"ma (?:io )?(?:ho|avevo) ordinato\b(?! \d| (?:il|la) \d| da )|"
                r"non e (?:il|la|lo) (?:\w+ )?giust[oa]",
            ),
            (1.5, r"(?:secondo|come da) (?:la )?descrizione|nella descrizione"),
            (
                3,
                r"c'era (?:solo )?(?:un|una|uno) sol[oa]|(?:un|una|uno) sol[oa] "
                r"(?:pezzo|unita|pacco)|solo (?:un|una|uno) (?:pezzo|unita)",
            ),
            (
                2.5,
                r"(?:l')?etichetta (?:dice|indica|riporta|c'e scritto|"
                r"e scritto) (?:taglia )?(?:xxs|xs|s|m|l|xl|xxl|"
                r"xxxl|\d+\w{0,2})\b|ma io ho ordinato\b",
            ),
            # What came, then what was ordered: "Nel pacco c'era un mouse. Avevo ordinato
            # una tastiera.", "Ordinato il rosso, arrivato il blu."
            (
                3,
                r"(?:ricevut\w*|arrivat\w*|mandat\w*|spedit\w*|c'era|c'erano|conteneva)\b"
                r"(?:(?!non\b|mai\b)[^\n]){1,60}?\b(?:(?:io )?(?:ho|avevo) (?:ordinato|pagato|"
                r"comprato|acquistato))\b(?! \d| (?:il|la) \d| da \d)",
                LOOSE,
            ),
            (
                3,
                r"ordinat[oaie]\b(?:(?!non\b|mai\b|ancora\b)[^.!?\n]){0,40}\b(?:arrivat\w*|"
                r"ricevut\w*)",
                LOOSE,
            ),
            # "È la versione con spina europea, io avevo ordinato quella UK."
            (
                3,
                r"e (?:la|il|lo|un|una|l')\b[^.!?\n]{1,50}?[,;-] ?(?:ma )?(?:io )?(?:avevo|ho) "
                r"(?:ordinato|pagato)\b",
                LOOSE,
            ),
            (
                3,
                r"(?:articolo|prodotto) usato|gia usat[oa]|(?:e stato|era) usat[oa]|"
                r"di seconda mano|"
                r"(?:sigillo|confezione|imballo) (?:era |e )?(?:rotto|aperto|aperta|manomess\w*)",
            ),
        ],
        CANCEL: [
            (3, r"ritir(?:are|ate) (?:il mio|l'|il) ?ordine"),
            (1, r"(?:ho )?cambiato idea"),
            (
                3.5,
                r"reced\w*\b[^.!?\n]{0,60}\bprima (?:che (?:venga|sia) spedit\w*|della spedizione|"
                r"che parta)",
                LOOSE,
            ),
            (2.5, r"recedere dall'ordine"),
            # No longer wanted: a cancellation only with nothing stronger.
            (1, r"non (?:lo |la )?voglio piu|non mi serve piu"),
            (3, r"non (?:speditel\w*|inviatel\w*|mandatel\w*|spedite(?:mel\w*)?|procedete)\b"),
            (3, r"(?:bloccate|bloccare|fermate|fermare) (?:l'|il |il mio |mio )?ordine"),
        ],
        CHANGE: [
            # The carrier chosen for an order not yet shipped.
            (
                3,
                r"(?:spedir|spedit|inviar|mandar)\w* (?:con|tramite|via) (?:brt|bartolini|sda|"
                r"poste|gls|dhl|ups|tnt)",
            ),
            # A typo in the address, and the right value.
            (
                3,
                r"errore (?:di battitura )?(?:nel|nell'|nella|sul) ?(?:cap|indirizzo|civico|nome|"
                r"via)|errore di battitura",
            ),
            (2, r"\d+\w*,? (?:e )?non (?:il )?\d+\w*"),
            # Parts of an address that are missing or to be added: not a missing item.
            (
                3,
                r"manca\w* (?:\w+[ ']){0,3}?(?:interno|civico|scala|indirizzo|piano|cap|citofono|"
                r"numero)|(?:indirizzo|etichetta)\W+(?:\w+\W+){0,3}?(?:manca|incomplet\w*)",
            ),
            (
                3,
                r"cambiar\w* (?:\w+ ){0,3}?prima (?:di spedir\w*|della spedizione|che parta|"
                r"di inviar\w*)",
            ),
            (1.5, r"prima (?:di spedir\w*|della spedizione|che (?:parta|venga spedit\w*))"),
            (2, r"ma mi serve (?:la|il|una|un)\b|ma ho bisogno (?:della|del|di)"),
            (3, r"(?:avere|prendere|ricevere) (?:\w+ ){0,4}?(?:invece|al posto)"),
            (1.5, r"colpa mia|errore mio|ho ordinato (?:il|la|l') ?(?:\w+ )?sbagliat\w*"),
            (
                2.5,
                r"(?:preferire\w* (?:la|il|lo|l'|una|un)\b|(?:alla fine )?preferisco "
                r"(?:la|il|lo)\b)(?! ?(?:\w+ )?(?:rimborso|soldi|reso|cambio))",
            ),
            (1.5, r"si puo ancora|e ancora possibile|ancora in tempo"),
            (
                3,
                r"(?:posticipare|rimandare|spostare|ritardare|posticipate|spostate) (?:la |il )?"
                r"(?:data di )?(?:consegna|spedizione)",
            ),
            (2.5, r"confezione regalo|pacchetto regalo|incart\w* (?:da|come|per) regalo"),
            (
                2.5,
                r"citofono|campanello|(?:nome|c/o) sulla (?:cassetta|buca) (?:della posta|delle "
                r"lettere)",
            ),
        ],
        PRODUCT: [
            (2.5, r"(?:vanno|va) bene (?:anche )?(?:per|con|su)\b|(?:sono|e) compatibil\w*"),
            (2, r"(?:di )?che colore|quale colore|che (?:taglia|misura|materiale)"),
            (
                2.5,
                r"prima di (?:ordinare|comprare|acquistare|ordinarl\w*|comprarl\w*)|"
                r"(?:regge|sopporta|supporta|tiene|porta)\w* (?:\w+ )?\d+|lavabile|"
                r"si (?:puo|possono) lavare|in lavatrice|a che temperatura|adatt[oaie] "
                r"(?:a|per|ai)\b|per (?:un |una )?bambin\w*|pezzi piccoli",
            ),
            # A question about the product itself: "Il frullatore ha la funzione pulse?"
            (
                1.5,
                r"(?:il|la|lo|l'|questo|questa|questi|queste|i|le) ?\w+ (?:e|ha|hanno|si puo|"
                r"funziona|include|regge|va|entra|sta|resiste|contiene)\b[^.!?\n]{0,60}\?|"
                r"(?:ha|hanno|c'e) (?:il|la|lo|l'|un|una|uno|anche|gia)\b[^.!?\n]{0,60}\?",
                LOOSE,
            ),
            (3, r"(?:posso|si puo|si possono) (?:usar|utilizzar|lavar)\w*"),
            (
                2.5,
                r"torner\w* disponibile|torna disponibile|di nuovo disponibile|quando (?:lo |la )?"
                r"(?:avrete|riavrete)",
            ),
        ],
        INVOICE: [
            (2, r"nota (?:spese|delle spese)|rimborso spese aziendal\w*|dichiarazione dei redditi"),
        ],
        OTHER: [
            (3, r"blog\w*|giornalist\w*|la stampa|intervista\w*|sondaggio|questionario"),
            (
                3,
                r"(?:ordinare|comprare) (?:\w+ )?direttamente da voi|senza passare (?:da|per) "
                r"amazon|fuori da amazon",
            ),
            (
                3.5,
                r"estensione (?:di|della) garanzia|garanzia (?:estesa|aggiuntiva)|"
                r"registr\w* (?:\w+[ ']){0,4}?(?:prodotto|garanzia)",
            ),
            (
                3.5,
                r"altro venditore|concorrent\w*|vend\w* (?:\w+ ){0,3}?(?:falsi|imitazioni|"
                r"contraffa\w*|copie)|vostro marchio|(?:su|in) (?:questa|vostra) (?:scheda|"
                r"inserzione)",
            ),
            (
                3.5,
                r"smett\w* di (?:mandar|inviar|scriver)\w*|non (?:mi )?(?:mandate|inviate|"
                r"scrivete)\w* piu|(?:email|mail|messaggi) (?:per chiedere|che chiedono)",
            ),
            (
                3,
                r"(?:siete|sei|e) (?:voi )?(?:il|un|una) (?:\w+ )?(?:produttore|rivenditore|"
                r"distributore)",
            ),
        ],
    }
)
