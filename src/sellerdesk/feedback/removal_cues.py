"""What a feedback comment is about: cue patterns in English, German, French, Spanish, Italian.

Patterns are matched against the *folded* comment (lower case, accents removed, ``ß``
kept): write them without accents; ``ä``/``ö``/``ü``/``ß`` may be written and also match
``ae``/``oe``/``ue``/``ss``. Each pattern is wrapped in word boundaries, so a stem needs
its own ``\\w*``. In each list, put the longer phrases first: where two cues overlap, the
longer one decides ("arrived broken" is a delivery problem, "broken" alone a product one).

Topics:

- ``product``: the item itself (quality, size, colour, material, broke, stopped working…).
- ``late``: a late or undelivered package.
- ``handling``: what happened on the way (damaged in transit, packaging, left outside).
- ``delivery``: delivery mentioned without a complaint of its own ("fast shipping").
- ``damage``: a damaged state ("broken", "kaputt", "cassé"): the product's own, unless the
  comment also tells of handling in transit ("box crushed… glass broken"), then handling.
- ``seller``: the seller's service (replies, refunds, returns, wrong or used item,
  "not as described", cancellations, rudeness).

``*_weak`` topics ("item", "package", "seller") count only in a clause with no other cue:
"the item arrived late" is about delivery, "useless item" about the product.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PRODUCT = "product"
LATE = "late"
HANDLING = "handling"
DELIVERY = "delivery"
SELLER = "seller"
DAMAGE = "damage"
PRODUCT_WEAK = "product_weak"
DELIVERY_WEAK = "delivery_weak"
SELLER_WEAK = "seller_weak"

WEAK = {PRODUCT_WEAK: PRODUCT, DELIVERY_WEAK: DELIVERY, SELLER_WEAK: SELLER}
# The topic a tie between two cues of the same length goes to: the earlier one.
PRIORITY = (
    HANDLING,
    LATE,
    SELLER,
    PRODUCT,
    DAMAGE,
    DELIVERY,
    SELLER_WEAK,
    PRODUCT_WEAK,
    DELIVERY_WEAK,
)

_ARRIVED_EN = (
    r"(?:arr?ived|arr?ives|came|comes|delivered|rec(?:ie|ei)ved(?: it)?|showed up|turned up|"
    r"got (?:it|here))"
)
_WRECKED_EN = (
    r"(?:damaged|broken|smashed|crushed|dented|cracked|shattered|squashed|opened|open|wet|"
    r"soaked|in pieces|leaking|destroyed|torn|ripped|scratched|bent)"
)
_PACK_EN = r"(?:box|boxes|package|parcel|packaging|packet|envelope|carton|outer box)"

EN: dict[str, list[str]] = {
    HANDLING: [
        rf"{_ARRIVED_EN}\s+(?:\w+\s+){{0,3}}?{_WRECKED_EN}",
        rf"{_WRECKED_EN} (?:on arrival|in (?:transit|shipping|the post|the mail|delivery)|"
        r"during (?:shipping|delivery|transit)|when (?:it )?(?:arrived|delivered|received))",
        rf"{_PACK_EN}\s+(?:\w+\s+){{0,3}}?(?:damaged|crushed|dented|ripped|torn|opened|open|wet|"
        r"soaked|destroyed|smashed|squashed|broken|battered|falling apart|empty)",
        rf"(?:crushed|damaged|dented|ripped|torn|opened|wet|battered|destroyed|empty) {_PACK_EN}",
        r"(?:poor(?:ly)?|bad(?:ly)?|terrible|terribly|inadequate(?:ly)?|no|insufficient|flimsy|"
        r"cheap|careless(?:ly)?) (?:packag\w*|packing|packed|wrapped|wrapping|protection)",
        r"(?:missing|empty) (?:from|in) (?:the )?(?:box|package|parcel)",
        r"threw (?:it|the \w+|my \w+)|thrown (?:in|into|over|on|at|onto)\w*",
        r"left (?:it |the (?:package|parcel|box) |my (?:package|parcel) )?(?:outside|on the "
        r"(?:doorstep|porch|step|street|floor|ground|pavement)|in the rain|at the (?:door|gate)|"
        r"unattended|with (?:a |my )?neighbou?r)",
        r"(?:wrong|another|different) (?:address|house|door|flat|apartment)",
        r"(?:driver|courier|postman|postie|delivery (?:guy|man|person|driver|people))\s+"
        r"(?:\w+\s+){0,2}?(?:rude|aggressive|unfriendly|impolite|careless|lazy|abusive)",
        r"delivered to (?:the )?(?:wrong|another|a neighbou?r|my neighbou?r|someone else)\w*",
        r"damag\w*",
        r"packag(?:ing|ed)",
        r"(?:letter ?box|mail ?box|post ?box)|folded (?:in half|up)|stuffed|squashed|crushed",
        r"(?:parcel|package|box|it|courier|driver|they) (?:was |were |got |just )?left "
        r"(?:it |the \w+ )?(?:in|on|at|outside|by|behind|next to|with)\b",
    ],
    LATE: [
        r"(?:never|not|hasn't|has not|haven't|have not|didn't|did not|still not|still hasn't|"
        r"still haven't|yet to|wasn't|was not|never been|hadn't|had not|nothing)\s+"
        r"(?:yet\s+|been\s+)?"
        r"(?:arr?ived|arr?ive|rec(?:ie|ei)ved?|delivered|come|came|turned up|shown up|showed up|"
        r"reached|got (?:it|the \w+|my \w+|anything))",
        r"not (?:yet )?(?:here|delivered|received|arrived)(?: yet)?",
        r"lost (?:in (?:the )?(?:post|mail|transit)|by (?:the )?(?:courier|carrier|post))",
        r"(?:package|parcel|order|item|shipment) (?:was |got |has been )?lost",
        r"lost (?:it|them|my (?:order|package|parcel|item|delivery)|the (?:package|parcel|order|"
        r"item))",
        r"(?:kept|keeps) (?:getting |being )?(?:pushed back|postponed|delayed|changing|moving)|"
        r"pushed back|postponed|rescheduled",
        r"still (?:waiting|not here|nothing|no sign)",
        r"no sign of (?:it|the \w+|my \w+)",
        r"where is my (?:order|package|parcel|item|delivery)|where's my \w+",
        r"took (?:\w+\s+){0,2}?(?:days?|weeks?|months?|forever|ages|so long|too long|a long time)",
        r"still (?:don't|do not|haven't|have not|hasn't|has not|didn't|did not|dont|havent) "
        r"(?:have|got|get|received|receive|seen)(?: (?:my|the|it|them|any|an?)\b)?",
        r"(?:it's|it has|its) been (?:over |more than |nearly |almost )?(?:\d+|a|one|two|three|"
        r"four|five|six) (?:days?|weeks?|months?)",
        r"(?:weeks?|days?|months?|ages|forever) (?:late|to (?:arrive|come|ship|deliver|get here|be "
        r"delivered|be shipped|dispatch))",
        r"slow(?:est|er)? (?:deliver\w*|ship\w*|post(?:age)?|dispatch\w*|courier|arrival)",
        r"slow to (?:arrive|ship|deliver|dispatch|come|be delivered|be shipped)",
        r"(?:deliver\w*|ship\w*|post(?:age)?|dispatch\w*)\s+(?:\w+\s+){0,3}?slow\w*",
        r"(?:after|past|beyond|missed|later than|well after)\s+(?:the\s+)?(?:estimated|expected|"
        r"promised|guaranteed|latest|delivery|quoted)\s+(?:\w+\s+)?(?:date|time|window)",
        r"(?:estimated|expected|promised|guaranteed) (?:delivery )?(?:date|time|window)",
        r"(?:tracking|it|website)\s+(?:\w+\s+){0,3}?(?:says|said|shows|showed|marked|claims|claimed)"
        r"\s+(?:it\s+(?:was\s+)?|as\s+)?delivered",
        r"tracking (?:hasn't|has not|never|didn't|did not|not|doesn't) (?:\w+ )?updat\w*",
        r"no tracking updates?",
        r"(?:went|gone|has gone|had gone) missing",
        r"(?:was|were) (?:told|promised|supposed|meant|due|expected|quoted) "
        r"(?:it would |it'd |to )?(?:arrive|be delivered|come|be here|get here)",
        r"should have (?:arrived|been delivered|come)|supposed to (?:arrive|be delivered|come)",
        r"out for delivery (?:for|since) (?:\w+\s+)?(?:days?|weeks?|ages)",
        r"stuck (?:in transit|at (?:the )?(?:depot|warehouse|hub|customs|sorting \w+)|in customs)",
        r"(?:shipped|dispatched|sent) (?:out )?late",
        r"too late|late|delay(?:ed|s)?|overdue",
    ],
    DELIVERY: [
        rf"{_ARRIVED_EN}\s+(?:\w+\s+)?(?:on time|early|quickly|fast|promptly|next day|in time|"
        r"the next day|sooner|as expected|as promised|very quickly|super fast|in good condition)",
        r"(?:fast|quick|prompt|speedy|rapid|super ?fast|next[- ]day|same[- ]day|free) "
        r"(?:delivery|shipping|dispatch|postage)",
        r"deliver(?:y|ies|ed)|shipping|shipped|shipment|dispatch\w*|postage|postal|in the post|"
        r"by post|royal mail|usps|fedex|dhl|hermes|evri|dpd|yodel|parcelforce|amazon logistics|"
        r"tracking(?: number| info\w*)?|courier\w*|carrier|driver|postman|postie|mailman|"
        r"delivery (?:guy|man|person|driver)|in transit",
    ],
    SELLER: [
        r"(?:avoid|don't buy from|do not buy from|never buy from|won't buy from|wouldn't buy from|"
        r"stay away from|never again from|never use)\s+(?:this|these|that)\s+(?:seller|vendor|"
        r"company|shop|store|people|supplier)",
        r"customer (?:service|support|care|services)|after[- ]sales|help ?desk",
        r"(?:their|the|your|seller'?s|tech|technical) support|support (?:team|staff|agents?|"
        r"department|desk|service)",
        r"(?:sent|received|got|delivered|shipped|gave)\s+(?:me\s+)?(?:the\s+|a\s+|an\s+)?wrong",
        r"wrong (?:item|product|colou?r|size|model|order|one|thing|version|part|book|article|"
        r"style|quantity|items|products|type|brand|parcel|package)",
        r"not what i (?:ordered|paid for|bought)",
        r"(?:not|isn't|wasn't|nothing|isnt|wasnt) (?:as|like)(?: the| in the| its| it was)? "
        r"(?:described|advertised|pictured|shown|listed|picture|photo|image|description|listing)",
        r"(?:different|differs|differed) (?:\w+ )?(?:from|to|than) (?:the |what was |what is |"
        r"the one )?(?:picture|photo|image|description|listing|advertised|shown|pictured|"
        r"described|ordered|listed)",
        r"than (?:the one )?(?:pictured|shown|advertised|described|listed)",
        r"misleading|misdescribed|false advertising|description|listing",
        r"fake|counterfeit|knock[- ]?off|not (?:genuine|original|authentic)|replica|imitation",
        r"(?:clearly|obviously|definitely|already|previously|was|were|is|arrived|came|sent|"
        r"received|been) used\b(?!\s+(?:it|them|this|that|for|to|once|twice|a|the|my|in|on|only|"
        r"up|with|by|daily|every|as|about|\d)\b)",
        r"used (?:item|product|one|condition|goods)|second[- ]hand|pre[- ]?owned|refurbished|"
        r"(?:already|previously) (?:opened|worn|been opened)|not (?:brand )?new|someone else'?s",
        r"missing (?:parts?|pieces?|screws?|accessor\w*|items?|components?|bits)|incomplete|"
        r"(?:parts?|pieces?|screws?) (?:were |are |was |is )?missing|missing",
        r"expired|out of date|best before|use by date",
        r"chas(?:e|ed|ing) (?:\w+\s+){0,2}?(?:order|seller|them|refund|up)",
        r"only (?:got|received|sent|came with|had) (?:\d+|one|half|part)\b",
        r"(?:no|never|didn't|did not|doesn't|does not|won't|will not|haven't|hasn't|not|slow to|"
        r"failed to|refused to|refuses to|refuse to|unable to)\s+(?:\w+\s+){0,2}?(?:respon\w*|"
        r"repl\w*|answer\w*|contact\w*|get back|reply)",
        r"respon(?:se|ses|d|ded|ds|sive|siveness)|repl(?:y|ied|ies)|answer(?:ed|s)?|contact(?:ed)?|"
        r"communicat\w*|messages?|emails?|e-mails?|ignor\w*",
        r"refund\w*|money back|reimburs\w*|my money|send (?:it )?back|sent (?:it )?back|"
        r"return(?:s|ed|ing)?|exchange\w*|replacement\w*|replaced",
        r"cancel(?:led|ed|lation|ling|s)?|(?:over|double|twice)[- ]?charg\w*|charged me (?:twice|"
        r"double|more|again|extra|for)|charged (?:twice|double|extra|again)|billed|invoice\w*",
        r"rude\w*|unhelpful|unprofessional|impolite|arrogant|scam\w*|rip[- ]?off|"
        r"ripped (?:me )?off|fraud\w*|stole|thie(?:f|ves)|dishonest|liars?|lied|lying|warranty|"
        r"guarantee",
    ],
    PRODUCT: [
        r"(?:stopp?ed|stops|quit|quits|ceased|not|never|barely|doesn't|does not|didn't|did not|"
        r"won't|will not|isn't|wasn't|no longer|hardly|dont|doesnt|didnt) (?:\w+ )?"
        r"work(?:s|ed|ing)?",
        r"work(?:s|ed|ing)? (?:great|well|fine|perfectly|ok|okay|as expected|intermittently|"
        r"sometimes|badly|poorly)",
        r"(?:doesn't|does not|won't|will not|didn't|did not|not) (?:hold|turn|switch|power|"
        r"charge|connect|pair|fit|close|open|stay|stick|last|seal|heat|cool|cut|clean)\w*",
        r"(?:easy|hard|difficult|awkward|impossible|simple|fiddly|tricky) to (?:use|clean|open|"
        r"close|assemble|fit|install|read|set up|attach|put on|remove|adjust|wear)",
        r"too (?:small|big|large|tight|loose|short|long|narrow|wide|thin|thick|heavy|light|bright|"
        r"dark|loud|quiet|soft|hard|stiff|weak|flimsy|slippery|hot|cold|sharp|blunt)",
        r"(?:small|big|larg|tight|loos|short|long|narrow|wid|thin|thick|heavi|light|dimm|bright)"
        r"(?:er)? than (?:i |we )?(?:expected|advertised|described|it looks|shown|pictured|normal)",
        r"runs? (?:small|large|big|true|narrow|wide|short|long)",
        r"waste of money|not worth (?:the money|it|the price)|(?:cheap|poorly|badly|well) made",
        r"dead on arrival|doa",
        r"(?:falls?|fell|falling|came|comes|coming) (?:apart|off|undone|loose|out)",
        r"(?:cuts?|cutting) out|(?:keeps?|kept) (?:disconnecting|turning off|falling|dropping|"
        r"breaking|cutting|switching|slipping)",
        r"qualit(?:y|ies)|construction|craftsmanship|workmanship|durab\w*|sturdy|flimsy|fragile|"
        r"wobbl\w*|unstable|stable|solid",
        r"siz(?:e|es|ed|ing)|fit(?:s|ted|ting)?|tight|loose|tiny|huge|smaller|bigger",
        r"colou?r(?:s|ed|ing)?|shade|fad(?:e|ed|es|ing)|discolou?r\w*",
        r"material\w*|fabric|plastic|metal|leather|cotton|wooden|rubber|stitch\w*|seams?|"
        r"zip(?:per)?s?|threads?|pill(?:ed|ing|s)|bobbl\w*|shr(?:ink|unk|ank|inks)",
        r"broke|breaks|breaking|snapp(?:ed|s)|cracks|cracking|tore|peel\w*|rust\w*|"
        r"mou?ld(?:y|ed)?|scratch(?:es|y)?",
        r"defect\w*|faulty|malfunction\w*|dead|died|dies|glitch\w*|buggy",
        r"batter(?:y|ies)|charg(?:e|er|ers|ing)|power (?:button|supply|cord)",
        r"instructions?|manual|assembl\w*|set ?up|install\w*",
        r"smell\w*|stinks?|stank|odou?r\w*|fumes|tast(?:e|es|ed|eless|y)|flavou?r\w*",
        r"comfortable|uncomfortable|comfy|itch\w*|blisters?|hurts?|painful|stiff|"
        r"noisy|noise|loud|static|buzz\w*|leak\w*|drips?|overheat\w*|gets (?:very )?hot",
        r"screen|display|buttons?|lid|handle|strap|sole|cable|cord|plug|lens|blades?|wheels?|"
        r"screws?|holes?|bulb|dim|dimmer|brightness|bluetooth|wifi|app|connect\w*|signal|sound|"
        r"volume|bass|speakers?|mic(?:rophone)?|earbuds?|headphones?|fan|motor|pump|filter|"
        r"nozzle|coating|stone|clasp|buckle|hinge|magnet|suction|glue|paint|print|pattern",
        r"design\w*|looks|ugly|pretty|cute|powerful|underpowered|suction|performance",
        r"(?:in)?accura\w*|readings?|measure\w*|calibrat\w*|way off|waterproof|"
        r"water (?:gets|got|comes|came|leaks|leaked) in",
        r"rash\w*|skin|allerg\w*|irritat\w*|headaches?|burn(?:s|t|ed|ing)?\b",
    ],
    DAMAGE: [
        r"broken|cracked|crack|shattered|smashed|dented|bent|torn|ripped|scratched|chipped|"
        r"in pieces"
    ],
    PRODUCT_WEAK: [
        r"useless|junk|rubbish|garbage|trash|crap|cheap|"
        r"product|item|thing|unit|device|gadget|article",
    ],
    DELIVERY_WEAK: [r"package|parcel|box|packet|envelope|arrived|arrival"],
    SELLER_WEAK: [r"seller|vendor|merchant|shop|store|company|supplier|service"],
}

DE: dict[str, list[str]] = {
    HANDLING: [
        r"(?:kaputt|defekt|zerbrochen|zerdrückt|eingedrückt|nass|offen|geöffnet|zerstört|"
        r"beschädigt|zerkratzt)\s+(?:an(?:gekommen|kam)|geliefert|zugestellt|erhalten|bekommen)",
        r"(?:kam|kommt|ist|war)\s+(?:\w+\s+){0,2}?(?:kaputt|defekt|zerbrochen|beschädigt|nass|"
        r"zerdrückt|geöffnet|offen|zerstört)\s+an",
        r"(?:karton|paket|verpackung|umverpackung|päckchen|schachtel|sendung)\s+(?:\w+\s+){0,3}?"
        r"(?:beschädigt|kaputt|zerdrückt|eingedrückt|aufgerissen|nass|offen|geöffnet|zerstört|"
        r"zerrissen|leer)",
        r"(?:schlecht|mangelhaft|unzureichend|lieblos|kaum|nicht|miserabel)\s+(?:\w+\s+)?verpackt",
        r"vor (?:die|der) (?:tür|haustür|garage|wohnungstür)|(?:beim|zum|bei einem|bei meinem) "
        r"nachbarn|falsche\w* (?:adresse|haus|anschrift|hausnummer)",
        r"geworfen|im regen|in den regen|einfach abgestellt",
        r"briefkasten|gequetscht|zerquetscht|gestopft|geknickt|gefaltet",
        r"(?:bote|boten|zusteller|fahrer|paketbote|kurier|dhl-?mann|postbote)\w*\s+(?:\w+\s+){0,2}?"
        r"(?:unfreundlich|frech|unverschämt|aggressiv|respektlos)\w*",
        r"beschädig\w*|transportschaden\w*|transportschäden|verpackung\w*",
    ],
    LATE: [
        r"(?:nie|nicht|noch nicht|immer noch nicht|bis heute nicht|niemals|noch immer nicht|"
        r"leider nicht|gar nicht|nichts)\s+(?:\w+\s+)?(?:angekommen|ankam|erhalten|bekommen|"
        r"geliefert|zugestellt|eingetroffen|gekommen|da)",
        r"kam (?:\w+\s+)?(?:nie|nicht|niemals) an",
        r"(?:viel |sehr |extrem |etwas |deutlich )?zu spät|verspät\w*|verzöger\w*|spät (?:an|"
        r"geliefert|zugestellt|gekommen|verschickt|versendet|versandt)",
        r"(?:lange|ewig|wochen?|tage?|monate?)\s+(?:gedauert|gewartet|unterwegs|warten|dauern)",
        r"(?:hat|dauerte|dauert)\s+(?:\w+\s+){0,2}?(?:ewig|lange|wochen?|tage?|monate?)",
        r"warte\w*\s+(?:immer\s+|seit\s+\w+\s+\w+\s+)?noch(?:\s+auf\s+(?:die|das|den|meine\w*)\s+"
        r"(?:lieferung|paket|bestellung|sendung|ware))?",
        r"(?:liefer|versand)\w*\s+(?:\w+\s+){0,2}?(?:langsam|lange|ewig)\w*|langsam\w* (?:liefer|"
        r"versand)\w*",
        r"verloren(?: gegangen)?|verschollen",
        r"lieferzeit\w*|lieferdauer|versanddauer|liefertermin\w*|lieferdatum",
        r"erst (?:nach|am|in) (?:\w+ )?(?:tagen|wochen|monaten|tag|woche)",
        r"sollte (?:\w+\s+){0,3}?(?:ankommen|da sein|geliefert werden|kommen)",
    ],
    DELIVERY: [
        r"(?:schnell|pünktlich|rechtzeitig|zügig|fix|prompt)\w*\s+(?:an(?:gekommen)?|da|geliefert|"
        r"geschickt|versandt|versendet|zugestellt|verschickt)",
        r"(?:kam|ist|war)\s+(?:\w+\s+)?(?:schnell|pünktlich|rechtzeitig|zügig)(?: an| da)?",
        r"liefer\w*|geliefert|versand\w*|versendet|verschickt|zustell\w*|zugestellt|sendung\w*|"
        r"dhl|hermes|dpd|ups|gls|deutsche post|paketdienst\w*|paketbote\w*|bote|boten|"
        r"zusteller\w*|kurier\w*|fahrer\w*|tracking|sendungsverfolgung",
    ],
    SELLER: [
        r"kundenservice|kundendienst|kundensupport|support|service-?team",
        r"falsche\w* (?:artikel|produkt|farbe|größe|ware|modell|teil|sache|lieferung)",
        r"(?:nicht|keineswegs|gar nicht) wie (?:beschrieben|abgebildet|angegeben|angeboten|auf "
        r"dem (?:bild|foto))",
        r"anders als (?:auf dem (?:bild|foto)|beschrieben|abgebildet|angegeben|bestellt|"
        r"dargestellt)",
        r"(?:artikel)?beschreibung|(?:nicht|falsch) (?:beschrieben|abgebildet)|entspricht nicht",
        r"fälschung|gefälscht|fake|nicht original|plagiat|nachgemacht",
        r"gebraucht\w*|nicht neu|(?:bereits|schon) (?:benutzt|geöffnet|getragen|ausgepackt)|"
        r"(?:war|wurde|offensichtlich|eindeutig) (?:\w+\s+)?benutzt",
        r"(?:es )?fehl(?:en|t|ten|te)\b|unvollständig",
        r"nur (?:einen|eine|ein|\d+|die hälfte) (?:von|statt|der|artikel|teil)\w*",
        r"abgelaufen|mindesthaltbarkeit\w*|mhd",
        r"(?:antwort\w*|reagiert\w*|meldet sich|melden sich|rückmeldung|erreichbar|unerreichbar|"
        r"kontakt\w*|nachricht\w*|e-?mails?|anfrage\w*)",
        r"erstattung|rückerstattung|geld (?:zurück|nicht zurück|erstattet)|erstattet|"
        r"rücksendung\w*|retoure\w*|zurückgeschickt|zurückgesendet|zurückgeben|umtausch\w*|"
        r"ersatz\w*|reklamation\w*",
        r"storniert|stornierung|storno|abgebucht|doppelt (?:berechnet|abgebucht)|rechnung",
        r"unfreundlich\w*|frech|unverschämt\w*|betrug|betrüger\w*|abzocke\w*|unseriös\w*|"
        r"garantie",
    ],
    PRODUCT: [
        r"(?:lässt sich|geht|ließ sich) (?:\w+\s+)?(?:nicht|kaum|schwer) (?:mehr )?(?:\w+\s+)?"
        r"(?:ein|aus|an|ab|auf|zu)?(?:schalten|laden|öffnen|schließen|bedienen|montieren|"
        r"einstellen|verbinden|koppeln|waschen|reinigen)",
        r"(?:ein|aus)schalt\w*|schaltet (?:sich )?(?:\w+\s+)?(?:nicht|ab|aus)",
        r"(?:funktioniert|geht|läuft|lädt|hält|passt|schließt|klebt|hält)\s+(?:\w+\s+){0,3}?"
        r"(?:nicht|nicht mehr|kaum|schlecht|gut|super|einwandfrei)",
        r"(?:kaputt|defekt) gegangen|ging (?:\w+\s+)?kaputt|nach (?:\w+\s+){1,3}kaputt",
        r"(?:viel |etwas |zu |sehr )?(?:zu )?(?:klein|groß|eng|weit|kurz|lang|dünn|dick|schwer|"
        r"leicht|laut|leise|hell|dunkel|weich|hart|schwach)(?:er)? (?:als erwartet|als "
        r"beschrieben|aus)",
        r"(?:sehr|zu|extrem|ziemlich|recht|total|echt|unglaublich) laut",
        r"qualität\w*|verarbeitung\w*|material\w*|stoff\w*|kunststoff|plastik|metall|leder|"
        r"baumwolle|naht|nähte|reißverschluss\w*|sohle\w*",
        r"größe\w*|passform|passt|fällt (?:\w+\s+)?(?:klein|groß|aus)|zu (?:klein|groß|eng|weit|"
        r"kurz|lang)|eng|klein\w*",
        r"farbe\w*|verblasst|verfärbt|ausgebleicht",
        r"eingelaufen|läuft ein|verzogen|ausgeleiert|verfilzt|fusselt|knötchen|(?:nach dem|beim) "
        r"waschen|wäsche",
        r"defekt\w*|abgebrochen|gerissen|rostet|rost|schimmel\w*|"
        r"löst sich|blättert|streifen|kratzer\w*",
        r"akku\w*|batterie\w*|lädt|ladekabel|ladegerät|aufladen",
        r"(?:bedienungs)?anleitung\w*|montage|aufbau",
        r"riecht|geruch|stinkt|gestank|schmeckt|geschmack",
        r"billig\w*|instabil|wackel\w*|stabil|robust|bequem|unbequem|kratzig|scheuert|"
        r"lautstärke|lärm|geräusch\w*|undicht|leckt|tropft|heiß|überhitzt",
        r"display|bildschirm|knopf|knöpfe|taste\w*|deckel|griff|kabel|stecker|schrauben?|app|"
        r"bluetooth|verbindung|klang|licht|lampe|motor|beine|lüfter",
        r"schrott|taugt nichts|mist|müll|design|optik|muster",
        r"\w*leistung|schwach\w*|ungenau\w*|messwert\w*|wasserdicht",
        r"quietsch\w*|knarr\w*|knarz\w*|polster\w*|(?:zu|sehr) (?:hart|weich)",
    ],
    DAMAGE: [
        r"(?:ist|war) (?:\w+\s+){0,3}?kaputt|kaputt\w*|zerbrochen|gebrochen|zerkratzt|verbogen|"
        r"gesprungen|zersplittert"
    ],
    PRODUCT_WEAK: [r"produkt\w*|artikel|gerät\w*|ware|teil|ding|sache"],
    DELIVERY_WEAK: [r"paket\w*|päckchen|karton|angekommen|ankam"],
    SELLER_WEAK: [r"verkäufer\w*|händler\w*|shop|firma|anbieter\w*|service"],
}

_ARRIVED_FR = r"(?:arrive|livre|recu|parvenu)e?s?"
_WRECKED_FR = (
    r"(?:casse|abime|endommage|ecrase|ouvert|mouille|detruit|en morceaux|dechire|defonce|"
    r"cabosse|enfonce)e?s?"
)

FR: dict[str, list[str]] = {
    HANDLING: [
        rf"{_ARRIVED_FR}\s+(?:\w+\s+){{0,2}}?{_WRECKED_FR}",
        rf"(?:carton|colis|emballage|boite|paquet|enveloppe)\s+(?:\w+\s+){{0,3}}?{_WRECKED_FR}",
        r"mal (?:emballe|protege|conditionne)e?s?",
        r"devant (?:la|ma) porte|(?:chez|au|a) (?:un |le |mon |une |ma )?voisin\w*|"
        r"mauvaise adresse|jete\w*|lance\w* par-dessus|sous la pluie",
        r"livreur\w*\s+(?:\w+\s+){0,2}?(?:impoli|desagreable|agressif|irrespectueux|mal poli|"
        r"grossier)\w*",
        r"abim\w*|endommag\w*|emballage\w*",
        r"boite aux lettres|plie\w*|ecrase\w*|froisse\w*",
    ],
    LATE: [
        r"(?:jamais|pas|toujours pas|toujours rien|rien|pas encore|toujours pas ete|jamais ete)\s+"
        r"(?:\w+\s+)?(?:recu|arrive|livre|parvenu)e?s?",
        r"n'(?:est|a) (?:jamais|toujours pas|pas|pas encore|toujours) (?:ete )?(?:arrive|livre|"
        r"recu)e?s?",
        r"(?:semaines?|jours|mois) (?:de retard|pour (?:recevoir|arriver|etre livre))",
        r"(?:tres |trop |bien trop )?(?:long|longue|lent|lente) (?:a|pour) (?:arriver|recevoir|"
        r"livrer|etre livre)",
        r"livraison (?:\w+\s+)?(?:lente|longue|tardive|interminable)",
        r"date (?:de livraison )?(?:prevue|estimee|annoncee|garantie) (?:\w+\s+)?depassee",
        r"attend\w* toujours|toujours en attente|en attente de (?:mon|ma|la|le) (?:colis|commande|"
        r"livraison)",
        r"retard\w*|delai\w*|perdu\w*|egare\w*",
        r"(?:livraison|arrivee|livre|recu|commande)e?s? (?:\w+ )?(?:prevue?s?|annoncee?s?|"
        r"estimee?s?|promise?s?) (?:le|pour|en|dans|avant)",
        r"devai(?:t|ent) (?:\w+\s+)?(?:arriver|etre livre|etre la)",
    ],
    DELIVERY: [
        r"(?:arrive|livre|recu|expedie)e?s?\s+(?:\w+\s+)?(?:a temps|rapidement|vite|en avance|"
        r"dans les delais|a l'heure|en bon etat)",
        r"(?:livraison|expedition|envoi) (?:\w+\s+)?(?:rapide|soignee|impeccable|ok|parfaite)",
        r"livre(?:e|es|s)? (?:avec|en|a|le|la|au|rapidement|vite|dans|sans|chez|tard|hier)",
        r"livraison|livreur\w*|livrer|expedi\w*|envoi|envoye\w*|transporteur|la poste|colissimo|"
        r"chronopost|mondial relay|dpd|ups|dhl|gls|suivi",
    ],
    SELLER: [
        r"service (?:client|apres-vente|apres vente)|sav",
        r"mauvais(?:e)? (?:article|produit|taille|couleur|modele|commande|reference|objet)",
        r"pas (?:le bon|la bonne|ce que j'ai commande)|(?:non|pas) conforme\w*|"
        r"ne correspond\w* pas|pas comme (?:sur|dans|decrit|indique|annonce|presente)",
        r"different\w* de (?:la |l'|ce qui )?(?:photo|image|description|annonce|commande|"
        r"presente|annonce)",
        r"description|annonce|photo (?:trompeuse|mensongere)|publicite mensongere",
        r"contrefa\w*|faux|fausse|copie|pas (?:d')?origin\w*",
        r"d'occasion|deja (?:utilise|ouvert|porte|servi|deballe)e?s?|pas neuf|n'est pas neuf|"
        r"reconditionn\w*",
        r"il manque|manqu(?:ait|ent|ant|ante|antes|ants)|pieces? manquantes?|incomplet\w*",
        r"qu'une? seule?|(?:un|une|\d+) (?:\w+ )?sur (?:deux|trois|quatre|\d+)",
        r"perime\w*|date de peremption",
        r"(?:ne |n')?repond\w*|reponse\w*|injoignable|aucun (?:contact|retour|suivi|message|"
        r"nouvelle)|contact\w*|message\w*|mails?|e-mails?|courriels?",
        r"rembours\w*|retour\w*|renvoy\w*|echange\w*|remplacement",
        r"annul\w*|factur\w*|debit\w*|preleve\w*",
        r"arnaque\w*|escroc\w*|voleur\w*|malhonnete|impoli\w*|desagreable|irrespectueux|"
        r"mal poli|garantie",
    ],
    PRODUCT: [
        r"(?:ne |n')(?:\w+\s+){0,2}?(?:fonctionne|marche|s'allume|charge|tient|ferme|colle|"
        r"chauffe|va)\w*\s+(?:pas|plus|jamais|rien)",
        r"(?:a |avoir )?cesse de (?:fonctionner|marcher)|fonctionne mal|marche mal|en panne|"
        r"hors service|fonctionne\w*|marche\b",
        r"trop (?:petit|grand|large|serre|court|long|etroit|juste|lourd|leger|fin|epais|fragile|"
        r"dur|mou|faible|bruyant)\w*",
        r"(?:plus )?(?:petit|grand|large|serre)e?s? que",
        r"qualite\w*|mal (?:fait|finie?|fini|cousu)|finition\w*|fabrication",
        r"taill(?:e|es|ent)|serre\w*|ne (?:me )?va pas|va mal",
        r"couleur\w*|teinte|delav\w*|decolor\w*|terne",
        r"tissu|matiere|plastique|metal|cuir|coton|bois|caoutchouc|couture\w*|"
        r"fermeture(?: eclair)?|zip",
        r"(?:s'est |se )cass\w*|cass(?:er|ait|ent|ure)|dechir\w*|decoll\w*|rouill\w*|moisi\w*|"
        r"s'abime",
        r"defectu\w*|batterie|chargeur|autonomie|piles?|puissan\w*|aspiration",
        r"retreci\w*|lavage|bouloch\w*|feutr\w*|deform\w*|detendu\w*",
        r"notice|mode d'emploi|instructions?|montage|monter",
        r"odeur\w*|sent (?:mauvais|fort|le)|pue|puant|gout|saveur",
        r"fragile|solide|robuste|costaud|lourd\w*|confortable|inconfortable|gratte|irrite|"
        r"frott\w*|bruit\w*|bruyant\w*|gresill\w*|fuit|fuite\w*|surchauffe|chauffe",
        r"ecran|bouton\w*|couvercle|poignee|sangle|semelle|cable|prise|lames?|roues?|vis|"
        r"ampoule|lumiere|eclairage|bluetooth|wifi|appli\w*|connexion|le son|du son|volume|"
        r"haut-parleur|ecouteur\w*|moteur",
        r"design|joli\w*|moche|style|motif",
        r"nul|nulle|camelote|pacotille|bas de gamme|cheap|bon marche|ne vaut pas|argent jete|"
        r"inutile",
    ],
    DAMAGE: [r"casse(?:e|es|s)?|fissure\w*|raye(?:e|es|s)?|tordu\w*|brise\w*|en morceaux"],
    PRODUCT_WEAK: [r"produit|article|objet|appareil|truc"],
    DELIVERY_WEAK: [r"colis|paquet|carton"],
    SELLER_WEAK: [r"vendeur\w*|marchand|boutique|magasin|societe|entreprise|service"],
}

_ARRIVED_ES = r"(?:llego|llegaron|llegado|vino|vinieron|recibi\w*|entregad[oa]s?)"
_WRECKED_ES = (
    r"(?:rot|danad|abiert|aplastad|mojad|destrozad|golpead|abollad|rajad)[oa]s?|en pedazos"
)

ES: dict[str, list[str]] = {
    HANDLING: [
        rf"{_ARRIVED_ES}\s+(?:\w+\s+){{0,2}}?(?:{_WRECKED_ES})",
        rf"(?:caja|paquete|embalaje|envoltorio|sobre)\s+(?:\w+\s+){{0,3}}?(?:{_WRECKED_ES})",
        r"mal (?:embalad|empaquetad|protegid)\w*",
        r"en la puerta|(?:al|con el|a un|a mi|con mi) vecin\w*|direccion (?:equivocada|incorrecta)|"
        r"tirad[oa]",
        r"(?:repartidor|mensajero|transportista)\w*\s+(?:\w+\s+){0,2}?(?:maleducad|grosero|borde|"
        r"agresiv|antipatic)\w*",
        r"danad\w*|embalaje\w*|empaquetado",
        r"buzon|doblad\w*|aplastad\w*",
    ],
    LATE: [
        r"(?:nunca|no|todavia no|aun no|sigue sin|sigo sin|jamas)\s+(?:me\s+|lo\s+|la\s+)?"
        r"(?:ha\s+|han\s+|he\s+|hemos\s+)?(?:llegado|llego|llegaron|recibido|recibi|entregado|"
        r"entregaron|aparecido|recibirlo|llegar)",
        r"(?:sin|nunca)\s+(?:recibir|llegar)|sigo esperando|seguimos esperando",
        r"(?:semanas|dias|meses) (?:de retraso|en llegar|para llegar|esperando)",
        r"tard(?:o|aron|a|an|ado)\s+(?:\w+\s+){0,2}?(?:semanas|dias|meses|mucho|demasiado|"
        r"una eternidad|en llegar)",
        r"(?:entrega|envio|reparto) (?:\w+\s+)?(?:lent[oa]|tardi[oa]|retrasad[oa])",
        r"fecha (?:de entrega|prevista|estimada)",
        r"(?:debia|tenia que|iba a|deberia haber) (?:\w+\s+)?(?:llegar|llegado|ser entregado)",
        r"mas tarde de lo (?:previsto|esperado|indicado|prometido)",
        r"retras\w*|tarde|perdid[oa]|extraviad\w*|(?:se )?perdi(?:o|eron)",
    ],
    DELIVERY: [
        rf"{_ARRIVED_ES}\s+(?:\w+\s+)?(?:rapido|a tiempo|pronto|antes|en perfecto estado|bien)",
        r"(?:envio|entrega) (?:\w+\s+)?(?:rapid[oa]|puntual|perfect[oa])",
        r"envio\w*|enviad[oa]s?|entrega\w*|reparto|repartidor\w*|mensajer\w*|transportista|"
        r"correos|seur|mrw|nacex|gls|dhl|ups|seguimiento",
    ],
    SELLER: [
        r"atencion al cliente|servicio (?:de atencion |tecnico |post ?venta |postventa )?"
        r"al cliente|"
        r"servicio postventa|posventa",
        r"(?:articulo|producto|talla|color|modelo|pedido|pieza)\s+(?:\w+\s+)?equivocad\w*|"
        r"equivocad\w*",
        r"(?:no|nada)\s+(?:\w+\s+)?(?:es )?como (?:en la (?:foto|imagen|descripcion)|se describe|"
        r"describe|anuncian|indica|aparece)",
        r"no corresponde\w*|no coincide\w*|(?:diferente|distint[oa]) (?:a|de|al) (?:la |lo |el )?"
        r"(?:foto|imagen|descripcion|anunciado|pedido)",
        r"descripcion|anuncio",
        r"falso|falsificad\w*|imitacion|copia|no (?:es )?original",
        r"(?:producto|articulo|esta|estaba|era|viene|vino|llego|parece)\s+(?:\w+\s+)?usad[oa]|"
        r"segunda mano|no (?:es |era )?nuevo|ya (?:abierto|utilizado|usado)|reacondicionad\w*",
        r"falta(?:n|ba|ban)?\s+(?:piezas|tornillos|accesorios|partes|el|la|los|las|un|una)|"
        r"incomplet\w*",
        r"caducad\w*",
        r"solo (?:me )?(?:llego|llegaron|recibi|vino|venia|trajo) (?:uno|una|\d+|la mitad)",
        r"(?:no )?(?:responde\w*|contesta\w*|respuesta\w*|respondio|contesto|respondieron)|"
        r"contact\w*|mensaje\w*|correos? electronicos?|emails?",
        r"reembols\w*|devoluci\w*|devolver|devuelt\w*|cambio|sustituci\w*|reemplaz\w*",
        r"cancelad[oa]s?|cancelaci\w*|cancelar\w*|cobrad\w*|cobro\w*|factura\w*",
        r"estafa\w*|timo|ladron\w*|maleducad\w*|grosero\w*|garantia",
    ],
    PRODUCT: [
        r"(?:no|ya no|nunca)\s+(?:\w+\s+)?(?:funciona|enciende|carga|sirve|cierra|pega|calienta|"
        r"queda|ajusta|entra|cabe)\w*",
        r"dejo de funcionar|deja de funcionar|funciona mal|funciona\w*|defectuos\w*|averiad\w*|"
        r"estropead\w*",
        r"(?:muy |demasiado )(?:pequen|grande|ajustad|estrech|holgad|cort|larg|fin|grues|pesad|"
        r"liger|fragil|debil|dur|blando)\w*",
        r"queda\w* (?:pequen|grande|mal|bien|justo|corto|largo)\w*|aprieta\w*",
        r"calidad|mal hecho|acabado\w*|fabricacion",
        r"talla\w*|tamano|pequen[oa]s?|grande",
        r"color\w*|tono|desten\w*",
        r"tela|material\w*|plastico|metal|cuero|algodon|madera|goma|costura\w*|cremallera",
        r"se rompi\w*|se rompe|rompi\w*|se ha roto|rasg\w*|despeg\w*|"
        r"descos\w*|oxid\w*|moho",
        r"bateria|cargador|autonomia|pilas?|potente|potencia|succion|cojea\w*|astill\w*",
        r"instrucciones|manual|montaje|montar",
        r"huele|olor\w*|apesta|sabor|sabe (?:a|mal)",
        r"fragil|endeble|resistente|solid[oa]|barat[oa]s?|comod[oa]|incomod[oa]|pica|roza\w*|"
        r"ruido\w*|pierde (?:agua|aire|liquido)|gotea|se calienta|calienta\w*",
        r"pantalla|boton\w*|tapa|asa|correa|suela|cable|enchufe|cuchilla\w*|rueda\w*|"
        r"tornillo\w*|agujero\w*|bombilla|luz|bluetooth|wifi|aplicacion|app|conexion|sonido|"
        r"volumen|altavoz|auricular\w*|motor",
        r"diseno|bonit[oa]s?|fe[oa]s?|estilo|estampado",
        r"no vale (?:la pena|para nada|lo que cuesta)|dinero tirado|inutil|basura|porqueria|"
        r"chapuza",
    ],
    DAMAGE: [r"rot[oa]s?|agrietad[oa]s?|rajad[oa]s?|rayad[oa]s?|abollad[oa]s?|en pedazos"],
    PRODUCT_WEAK: [r"producto|articulo|cosa|aparato"],
    DELIVERY_WEAK: [r"paquete|caja|llego|llegado"],
    SELLER_WEAK: [r"vendedor\w*|tienda|empresa|proveedor|servicio"],
}

_ARRIVED_IT = r"(?:arrivat|consegnat|ricevut|giunt)[oaie]"
_WRECKED_IT = (
    r"(?:rott|distrutt|apert|ammaccat|bagnat|schiacciat|danneggiat|rovinat|sfondat)[oaie]"
    r"|a pezzi"
)

IT: dict[str, list[str]] = {
    HANDLING: [
        rf"{_ARRIVED_IT}\s+(?:\w+\s+){{0,2}}?(?:{_WRECKED_IT})",
        rf"(?:pacco|scatola|imballo|imballaggio|confezione|busta)\s+(?:\w+\s+){{0,3}}?"
        rf"(?:{_WRECKED_IT})",
        r"mal (?:imballat|confezionat|protett)\w*",
        r"(?:lasciat|abbandonat)\w* (?:\w+\s+){0,3}?(?:fuori|davanti|sul|sulla|in strada|sotto la "
        r"pioggia)|"
        r"(?:dal|al|a un|dalla) vicin\w*|indirizzo sbagliato|lanciat\w*",
        r"corrier\w*\s+(?:\w+\s+){0,2}?(?:maleducat|scortes|sgarbat|aggressiv|villan)\w*",
        r"danneggiat\w*|imball\w*",
        r"cassetta (?:della posta|postale|delle lettere)|piegat\w*|schiacciat\w*",
    ],
    LATE: [
        r"(?:mai|non|ancora non|non ancora)\s+(?:\w+\s+){0,3}?(?:arrivat|ricevut|consegnat|"
        r"pervenut)\w*",
        r"sto ancora aspettando|ancora in attesa|in attesa (?:del|della|dell') ?(?:pacco|"
        r"consegna|spedizione|ordine|merce)",
        r"(?:consegna|spedizione|corriere)\s+(?:\w+\s+)?(?:lent\w*|tardiv\w*|in ritardo)",
        r"tempi (?:di consegna )?(?:lunghi|lunghissimi|biblici)",
        r"(?:settimane|giorni|mesi) (?:di ritardo|per arrivare|per la consegna)",
        r"ci (?:ha|hanno) messo (?:\w+\s+)?(?:settimane|giorni|mesi|tanto|troppo)",
        r"data (?:di consegna|prevista|stimata)",
        r"(?:doveva|sarebbe dovuto|dovevano|avrebbe dovuto) (?:\w+\s+)?"
        r"(?:arrivare|essere consegnat\w*)",
        r"(?:arrivat|consegnat)[oa] (?:solo )?dopo (?:\w+\s+)?(?:giorni|settimane|mesi)",
        r"ritard\w*|smarrit\w*|pers[oa]",
    ],
    DELIVERY: [
        rf"{_ARRIVED_IT}\s+(?:\w+\s+)?(?:in tempo|puntual\w*|subito|presto|veloc\w*|"
        r"in anticipo|rapid\w*|in perfette condizioni|integr\w*)",
        r"(?:spedizione|consegna) (?:\w+\s+)?(?:veloc\w*|rapid\w*|puntual\w*|perfett\w*)",
        r"consegn\w*|spedizion\w*|spedit\w*|corrier\w*|poste|brt|bartolini|sda|gls|dhl|ups|"
        r"tracking|tracciamento",
    ],
    SELLER: [
        r"assistenza(?: clienti)?|servizio clienti|customer care|post vendita",
        r"(?:articolo|prodotto|taglia|colore|modello|ordine|pezzo)\s+(?:\w+\s+)?sbagliat\w*|"
        r"sbagliat\w*",
        r"(?:non|per nulla) conforme|non corrisponde\w*|"
        r"divers[oaie] (?:dalla|dalle|da quello|da quella|da come|dall'|rispetto alla) ?(?:foto|"
        r"immagin\w*|descrizion\w*|ordinato|descritto|mostrat\w*)",
        r"descrizion\w*|inserzione|annuncio",
        r"falso|contraffatt\w*|imitazione|non originale",
        r"(?:prodotto|articolo|era|e|sembra|arrivato)\s+(?:\w+\s+)?usat[oa]|usat[oa] e |"
        r"gia (?:usat|apert|utilizzat)\w*|non (?:e |era )?nuov[oa]|second[ao] mano|"
        r"ricondizionat\w*",
        r"manca\w*|mancant\w*|incomplet\w*|scadut\w*",
        r"(?:solo|soltanto) (?:uno|una|\d+) (?:su|di|invece)",
        r"(?:non )?rispond\w*|rispost\w*|contatt\w*|messagg\w*|e-?mail|irraggiungibile",
        r"rimbors\w*|reso|resi|restitu\w*|sostituzion\w*|cambio",
        r"annullat\w*|annull\w*|addebit\w*",
        r"truffa\w*|truffator\w*|ladr\w*|maleducat\w*|scortes\w*|garanzia",
    ],
    PRODUCT: [
        r"(?:si e |e )?spent[oa]|si spegne\w*|(?:ri)?accend\w*|si riaccende",
        r"(?:non|non piu|mai)\s+(?:\w+\s+)?(?:funziona|accende|carica|va|parte|chiude|tiene|"
        r"scalda|entra)\w*",
        r"smesso di funzionare|funziona male|funzion\w*|difettos\w*|guast\w*|malfunzion\w*",
        r"(?:troppo|molto) (?:piccol|grand|strett|larg|cort|lung|sottil|spess|pesant|legger|"
        r"fragil|debol|dur|morbid)\w*",
        r"veste (?:piccolo|grande|bene|male|stretto|largo)|stringe\w*|calza",
        r"qualita|fatto male|rifinitur\w*",
        r"tagli[ae]|misur[ae]|piccol[oaie]|grand[ei]",
        r"color[ei]|tinta|sbiadit\w*|scolorit\w*|stinge",
        r"tessuto|material\w*|plastica|metallo|pelle|cotone|legno|gomma|cucitur\w*|cerniera|zip",
        r"(?:si e |e )rott[oaie]|si rompe\w*|rompe\w*|strappat\w*|scollat\w*|si stacca\w*|"
        r"scucit\w*|si scuce|lavaggi[oi]?|stropicci\w*|si sfilacci\w*|"
        r"arrugginit\w*|muffa",
        r"batteri\w*|carica|caricabatterie|caricatore|autonomia|pile|potent\w*|potenza|"
        r"fa fatica|aspira\w*|traball\w*|schienale",
        r"istruzion\w*|manuale|montaggio|montare",
        r"puzza\w*|odore|sa di|sapore|gusto",
        r"fragile|robust\w*|solid\w*|economic\w*|scadente\w*|comod\w*|scomod\w*|pizzica|gratta|"
        r"rumor\w*|perde (?:acqua|aria|liquido)|gocciola|si scalda|scalda\w*|sottile|legger\w*|"
        r"pesant\w*",
        r"schermo|display|pulsant\w*|tast[oi]|tappo|coperchio|manico|cinturino|suola|cavo|spina|"
        r"lam[ae]|ruot[ae]|vit[ie]|lampadina|luce|bluetooth|wifi|app|connession\w*|suono|audio|"
        r"volume|altoparlant\w*|auricolar\w*|motore",
        r"design|bell[oa]|brutt[oa]|stile|fantasia",
        r"soldi buttati|non vale|inutile|spazzatura|schifezza|ciofeca",
    ],
    DAMAGE: [r"rott[oaie]|crepat[oaie]|graffiat[oaie]|ammaccat[oaie]|a pezzi"],
    PRODUCT_WEAK: [r"prodotto|articolo|oggetto|apparecchio"],
    DELIVERY_WEAK: [r"pacco|pacchetto|scatola|arrivat[oa]"],
    SELLER_WEAK: [r"venditor\w*|negozio|azienda|fornitore|servizio"],
}

CUES: dict[str, dict[str, list[str]]] = {"en": EN, "de": DE, "fr": FR, "es": ES, "it": IT}
LANGUAGES = tuple(CUES)

# Where a clause ends: sentence punctuation, and a conjunction that starts a new statement.
CLAUSE_BREAKS = (
    r"[.!?;:\n]+(?!\d)|,|\s[-\u2013\u2014]\s|\(|\)"
    r"|\b(?:but|however|although|though|whereas|except|yet"
    r"|aber|jedoch|doch|sondern|allerdings|trotzdem|obwohl"
    r"|mais|cependant|pourtant|par contre|sauf que|alors que|en revanche"
    r"|pero|aunque|sin embargo|mientras|salvo que"
    r"|ma|pero|tuttavia|anche se|mentre|invece|peccato)\b"
    r"|\b(?:and|und|et|y|e)\s+(?=(?:the|it|its|it's|they|i|my|he|she|we|this|that|there|seller"
    r"|der|die|das|es|ich|er|sie|mein\w*|der|dann"
    r"|le|la|les|il|elle|je|j'|mon|ma|mes|on|c'est"
    r"|el|los|las|me|mi|no|lo"
    r"|il|lo|gli|non|mi|l')\b)"
)

# Stop words a language gives itself away by (a word of several languages votes for each
# with a share); the comment's language picks the cue tables to use.
STOPWORDS: dict[str, frozenset[str]] = {
    "en": words(
        """the and is was it not to of my for but with this after very on at have has had
        be been are they it's don't didn't doesn't never would will from that what all so too
        again item seller arrived"""
    ),
    "de": words(
        """der die das und ist nicht ein eine einen nach mit war sehr zu ich es auf den dem hat
        habe wurde kam aber auch noch nie kein keine leider schon für von vom wie man sich bei
        bis"""
    ),
    "fr": words(
        """le la les et est pas un une de du au aux des mais avec je ne n'est j'ai ce cette il
        elle pour sur jamais qui trop rien plus toujours deja ete en"""
    ),
    "es": words(
        """el la los las y es no un una de del muy pero con por que se lo me mi su al ha ya
        todavia nunca llego en esta esto para sin hay como mas"""
    ),
    "it": words(
        """il lo la gli le e non un una di del della molto ma con per che si mi ha ho sono mai
        ancora dopo troppo anche piu questo questa al alla dal dalla nel nella"""
    ),
}
