"""Word lists for the removal check: profanity (five languages) and people's names.

Profanity is matched on the folded comment (lower case, no accents). ``OBFUSCABLE``
words are also found written around a filter — ``f***``, ``f*ck``, ``sh!t``, ``$hit``,
``f.u.c.k``, ``f u c k`` — and, where ``True``, with any ending (``fucking``,
``shitty``). ``PATTERNS`` are plain regular expressions for the rest. Mild words
("crap", "damn", "hell", "Mist", "nul") are not listed: Amazon removes obscene and
profane feedback, not rude feedback.
"""

from __future__ import annotations

from sellerdesk.feedback.removal_cues import words

# word -> whether any ending may follow (fuck -> fucking, fucked, fucker)
OBFUSCABLE: dict[str, bool] = {
    "fuck": True,
    "motherfuck": True,
    "shit": True,
    "bullshit": True,
    "bitch": True,
    "asshole": True,
    "arsehole": True,
    "cunt": True,
    "bastard": True,
    "wanker": True,
    "twat": True,
    "dickhead": True,
    "scheisse": False,
    "merde": True,
    "putain": True,
    "connard": True,
    "salope": True,
    "mierda": True,
    "joder": False,
    "cazzo": False,
    "stronzo": False,
    "vaffanculo": False,
}

PATTERNS: list[str] = [
    # English
    r"fck\w*|fuk\w*|fukc\w*|fvck\w*|phuck\w*|fecking|feck",
    r"shite|shitt?y|sh1t\w*|bullsh\w+",
    r"ass(?:es)?|dick|dicks|piss(?:ed|ing|es)?|pissed off|jackass|dumbass|slut\w*|whore\w*|"
    r"bollocks|douchebag\w*|arse",
    # German
    r"schei(?:ß|ss|s)\w*|arsch\w*|wichser\w*|wixer|hurensohn\w*|fotze\w*|kacke|"
    r"fick(?:en|t|e|er|dich|scheiß)?|verfickt\w*|verdammte scheiße",
    # French
    r"merd(?:e|es|ique|iques|eux|euse)|putain\w*|connard\w*|connasse\w*|conne|salaud\w*|"
    r"salope\w*|encul\w*|niqu(?:e|er|ez|ent|é)\w*|chier|chiant\w*|emmerd\w*|pute|putes|"
    r"ta gueule|foutage de gueule|se fout\w*|bordel de merde|couilles?",
    # Spanish
    r"mierd\w*|joder|jodid[oa]s?|jodan|puta|putas|puto|putos|cabr[oó]n\w*|cono|"
    r"gilipollas|hostias?|pendej\w*|chingad\w*|chingar|carajo|cojones|capullo\w*|culo",
    # Italian
    r"cazz\w*|incazz\w*|merda|merdos\w*|vaffanculo|fanculo|stronz\w*|coglion\w*|minchia\w*|"
    r"puttan\w*|troia|cagata|porca (?:puttana|troia|madonna)",
]

# Letters people put in place of others to get past a filter.
LEET: dict[str, str] = {
    "a": "@4",
    "e": "3",
    "i": "!1|",
    "o": "0",
    "s": "$5",
    "t": "7+",
    "u": "v",
    "c": "(k",
    "k": "c",
}

# Common first names (Amazon's marketplaces in these languages). A full name is one of
# these followed by a capitalised word that is not a common word.
FIRST_NAMES = words(
    """
    james john robert michael william david richard joseph thomas charles christopher daniel
    matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
    ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
    scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
    tyler aaron jose adam nathan henry douglas zachary peter kyle noah ethan jeremy walter
    christian keith roger terry austin sean gerald carl harold dylan arthur lawrence jordan
    jesse bryan billy bruce gabriel joe logan alan juan albert willie elijah wayne randy
    vincent mason roy ralph bobby russell bradley philip eugene liam oliver harry charlie
    callum connor jamie lewis luke owen rhys alfie archie oscar leo theo freddie tom tim mike
    steve dave chris matt nick rob ben sam dan andy tony ian neil gavin craig stuart graham
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty
    margaret sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah
    stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma
    nicole helen samantha katherine christine debra rachel carolyn janet catherine maria
    heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan
    evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara
    madison frances kathryn janice jean abigail alice judy sophia denise marilyn
    danielle beverly isabella theresa diana natalie brittany charlotte marie kayla alexis
    lori sophie chloe jessica lucy ellie mia amelia poppy jade zoe kate claire fiona gemma
    louise jane sue jenny tina lynn
    hans klaus jürgen wolfgang dieter uwe michael andreas stefan thomas frank jörg bernd
    markus sven torsten matthias florian tobias sebastian lukas jonas felix maximilian max
    moritz niklas paul leon finn ben elias lars jan heinz horst günter gerhard helmut karl
    manfred rainer ralf holger dirk kai timo dennis marcel patrick christian daniel
    ursula monika petra sabine renate karin birgit andrea claudia susanne stefanie nicole
    julia katharina sandra anja heike martina gabriele ingrid helga brigitte lena leonie
    hannah mia lea laura sarah anna lisa johanna jana nina svenja franziska kerstin silke
    jean pierre michel philippe alain nicolas christophe patrick françois laurent
    stéphane sébastien julien frédéric olivier david éric thierry pascal jacques bernard
    daniel vincent guillaume antoine maxime thomas alexandre hugo lucas louis gabriel arthur
    théo raphaël mathieu benoît yves gérard rené marcel didier
    marie nathalie isabelle sylvie catherine françoise martine christine valérie sandrine
    sophie céline stéphanie véronique nicole chantal sarah julie aurélie camille manon léa
    chloé emma inès jade louise alice juliette élodie émilie caroline hélène anne monique
    josé antonio manuel francisco juan david javier jesús daniel carlos miguel alejandro
    rafael pedro pablo ángel sergio fernando jorge luis alberto álvaro adrián diego raúl
    enrique ramón vicente iván andrés joaquín santiago víctor óscar rubén ignacio mario
    maría carmen ana isabel dolores pilar teresa rosa cristina josefa lucía marta laura
    elena antonia francisca mercedes paula raquel sara beatriz silvia patricia rocío
    alba claudia irene andrea nuria montserrat julia
    giuseppe giovanni antonio mario luigi francesco angelo vincenzo pietro salvatore carlo
    franco domenico bruno paolo michele giorgio aldo sergio luciano marco andrea stefano
    roberto alessandro luca matteo lorenzo davide simone riccardo federico gabriele
    emanuele fabio massimo maurizio claudio enrico alberto daniele
    giulia francesca chiara sara martina giorgia valentina alessia elisa federica silvia
    paola laura anna maria rosa angela giovanna teresa lucia carmela caterina elena
    alessandra roberta monica cristina barbara simona daniela stefania
    """
)

# Honorifics before a surname. The short ones must be written with a capital.
# (``M.`` needs its dot: "size M Great" is no Monsieur.)
TITLES_CAPITAL = (
    r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Hr|Fr|Mme|Mlle|Sr|Sra|Srta|Sig\.ra|Sig|Dott|Dssa|Don|Doña)\.?|M\."
)
TITLES_ANY_CASE = (
    r"herr|herrn|frau|monsieur|madame|mademoiselle|señor|señora|señorita|signor|signora|"
    r"signorina|dottor|dottore|dottoressa|mister|missus"
)

# Capitalised words that follow a first name or a title without being a surname.
NOT_SURNAMES = words(
    """
    amazon prime service customer seller support team store shop company delivery shipping
    the and but or not never very will was is are be been have has had this that these those
    it its my your our their his her we they you he she i me us them a an of to in on at for
    with by from as so too also just only still again then than when what which who why how
    great good bad poor nice fine ok okay terrible awful excellent perfect best worst love
    buy bought order ordered item product thanks thank please do does did don't didn't
    doesn't won't can't couldn't would should could must may might arrived came sent
    monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december christmas easter black cyber day
    week month year uk usa us eu de fr es it ups dhl dpd hermes evri fedex usps royal mail
    post office kindle echo alexa fire apple samsung sony iphone ipad android google
    martens oetker scholl pepper
    der die das und ist nicht sehr war hat kein keine leider paket lieferung verkäufer
    kundenservice artikel ware qualität ich wir sie es ein eine mit von vom zum zur im am
    le la les et est pas très mais avec pour vendeur colis livraison produit service client
    el los las y es no muy pero con para vendedor paquete entrega producto servicio cliente
    il lo gli e non molto ma con per venditore pacco consegna prodotto servizio cliente
    """
)
