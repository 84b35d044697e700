"""English cues."""

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
    "the and is it my to you i not have has for this of please was thanks thank hi hello "
    "can could would with but what when where how does did do are be an me your just "
    "still yet any its it's i'm i've dont don't didn't isn't wasn't haven't hasn't order "
    "package item received arrived pls thx got like want need from there they will which "
    "that we our us if so as at on in by about after before today week days"
)

NEGATION = Negation(
    negators=words(
        "not no never nothing none nor neither without don't dont doesn't doesnt didn't didnt "
        "isn't isnt wasn't wasnt aren't arent weren't werent won't wont wouldn't wouldnt "
        "haven't havent hasn't hasnt hadn't hadnt shouldn't can't cant cannot"
    ),
    avoid=words("avoid avoiding"),
    transparent=words(
        "i it its it's this that these those they them he she we you me is are was were be "
        "been being am do does did have has had having the a an any at all really even "
        "actually anything necessarily i'm i'd i've they're that's there"
    ),
    # "to": a negated infinitive ("so I don't have to return it", "told not to send it").
    wish=words(
        "want wanna wants wanted need needs needed like wish would rather prefer intend plan "
        "planning going gonna mean please hope to trying try looking asking"
    ),
    boundaries=words("but however although though instead just only"),
)

_GOODS = (
    r"(?:order|package|parcel|item|items|stuff|delivery|shipment|purchase|box|product|"
    r"goods|things?|lamp|book)"
)
_NEG = r"(?:not|never|no|hasn'?t|haven'?t|hadn'?t|didn'?t|doesn'?t|isn'?t|wasn'?t|won'?t|nothing)"

CUES = table(
    {
        WHERE: [
            (3, rf"where(?:'s| is| are|s)? (?:my|the|our) (?:\w+ )?{_GOODS}"),
            (2, r"where(?:'s| is|s) (?:it|this|that)\b"),
            (
                3,
                rf"{_NEG}\W+(?:\w+\W+){{0,3}}?(?:arrive|arrived|come|came|here|delivered|"
                r"been delivered|shown up|showed up|turned up|shipped|been shipped|"
                r"dispatched|been dispatched|moved|updated|received (?:it|the|my|any|anything)|"
                r"received\b|receive (?:it|the|my)|gotten (?:it|the|my|any))",
            ),
            (3, r"still (?:waiting|no sign|not|hasn'?t|haven'?t|nothing)"),
            (
                2.5,
                r"\beta\b|when (?:can|should|do) i expect|on (?:its|the) way|no updates?|"
                r"delivery exception|lost in the (?:post|mail)",
            ),
            (
                3,
                r"status of (?:my|the) (?:order|package|parcel|shipment|delivery)|order status|"
                r"(?:showing|still|shows) pending",
            ),
            (2, r"track\w*"),
            (2.5, r"(?:tracking|track) (?:number|info|code|link|id)"),
            (
                3,
                r"(?:when|how long)\b(?:\W+\w+){0,5}?\W+(?:arrive|ship|shipped|be shipped|"
                r"be delivered|deliver|get here|dispatch|dispatched|be here|be sent|sent out|"
                r"go out|receive it|expect)",
            ),
            (
                3,
                r"(?:has|was|is|have) (?:it|this|my order|the order|my package|the package|"
                r"the item|my item|my parcel|it already|this already)(?: already)? "
                r"(?:been )?(?:shipped|sent|dispatched|posted|on (?:its|the) way)",
            ),
            (1.5, r"(?:shipping|shipment|dispatch) (?:confirmation|notice|notification|email)"),
            (
                3,
                r"(?:says|shows|showed|marked|marked as|states|listed as|status) "
                r"(?:it was |it'?s |as )?delivered\b",
            ),
            (2, r"lost\b"),
            (2.5, r"stuck (?:in|at)|customs|returned to sender|return to sender"),
            (1.5, r"(?:any|an|for an) update\b"),
            (
                2,
                r"label created|in transit|out for delivery|estimated (?:delivery|arrival)|"
                r"delivery (?:date|estimate)|expected delivery|supposed to (?:arrive|be|come)|"
                r"should have (?:arrived|been delivered|come)|due to arrive",
            ),
            (
                2.5,
                r"(?:ship|send|deliver)\w* (?:it |this |them )?(?:faster|quicker|sooner|express|"
                r"expedited|overnight|next day)|expedite\w*|express (?:shipping|delivery)|"
                r"faster (?:shipping|delivery)|(?:arrive|get here|be here|deliver\w*) "
                r"(?:by|before|in time)|in time for|need (?:it|this|them) (?:by|before)",
            ),
            (1, r"(?:carrier|courier|usps|fedex|dhl|royal mail|hermes|evri|dpd|gls|ups)\b"),
            (1, r"delay\w*|late\b|weeks? ago|days? ago"),
            (2, r"nothing (?:at|in|has arrived|came|arrived)"),
            (1, r"mailroom|front desk|neighbou?rs?\b|porch|mailbox|letterbox|doorstep"),
            (
                3,
                r"(?:tracking|track)(?: number| link| code| id| info)?\W+(?:\w+\W+){0,3}?"
                r"(?:doesn'?t|does not|isn'?t|is not|won'?t|not)\W+"
                r"(?:work\w*|valid|found|updat\w*)",
            ),
        ],
        RETURN: [
            (
                3,
                r"return label|return(?:s)? (?:policy|window|shipping|address|process|period|"
                r"instructions)|prepaid (?:return )?label|shipping label",
            ),
            (
                3,
                r"(?:want|like|wish|need|going|plan|trying|how)(?: \w+)?\W+(?:to )?"
                r"(?:return|send (?:it|this|them|the \w+|one|1) back|exchange)",
            ),
            (
                3,
                r"(?:can|could|may|do|should) (?:i|we|he|she|you) (?:\w+ )?(?:return|"
                r"send (?:it|this|them|the \w+) back|exchange)",
            ),
            (2.5, r"return (?:it|this|them|the|my|one|1|both)\b|returnable"),
            (
                2.5,
                r"send (?:it|this|them|the \w+|one|1) back|start(?:ing)? a return|return request",
            ),
            (2.5, r"exchange (?:it|them|this|for)"),
            (1.5, r"return\w*"),
            (2, r"drop(?:ped)? (?:off )?(?:the |my )?return|return (?:is )?(?:dropped|shipped)"),
            (
                1,
                r"unopened|unused|sealed|original (?:box|packaging|package|condition)|"
                r"changed my mind|doesn'?t fit|does not fit|too (?:small|big|large|tight|short|"
                r"long|wide)|not for me|don'?t like|didn'?t like",
            ),
            (1, r"for a (?:full )?refund"),
        ],
        REFUND: [
            (3, r"refund\w*|reimburs\w*"),
            (3.5, r"where(?:'s| is|s) (?:my|the) (?:refund|money)|partial refund"),
            (3, r"money back|my money|get (?:my|the) money"),
            (
                3,
                r"charged (?:me )?(?:twice|double|two times|again|full price|anyway|still|for)|"
                r"(?:double|duplicate) (?:charge|payment)|still (?:been |got )?charged|"
                r"overcharg\w*|"
                r"was charged|been charged|got charged",
            ),
            (
                1.5,
                r"(?:have |already |i )?(?:returned|sent back|shipped back|mailed back) "
                r"(?:it|the|them|this|my)\b|(?:sent|shipped|mailed) (?:it|the item|them|this) back",
            ),
            (
                2,
                r"coupon|promo code|discount (?:was )?not applied|"
                r"price (?:drop|dropped|adjustment)",
            ),
            (4, r"cancell?ed\b[^.!?\n]{0,40}charged"),
            (4, rf"{_NEG}\W+(?:\w+\W+){{0,3}}?(?:received|got|seen|gotten) (?:\w+ )?refund"),
            (2, r"shipping (?:was |fee )?charged|charged (?:for |me )?shipping|free shipping"),
            (1.5, r"(?:returned|sent back|send back) (?:the |a )?wrong (?:item|one|product|thing)"),
        ],
        DAMAGED: [
            (
                3,
                r"broke\w*|shatter\w*|crack\w*|smash\w*|dented|bent\b|torn\b|ripped|snapped|"
                r"leak\w*|damag\w*|defect\w*|faulty|malfunction\w*|dead on arrival|doa\b|"
                r"in pieces|crushed|squashed|ruined|soaking|soaked|mou?ldy?\b|peel\w*|"
                r"came apart|fell apart|falling apart|coming apart|frayed|fraying|rust\w*|"
                r"stained|chipped",
            ),
            (2, r"scratch\w*|scuff\w*|dent\b|chip\b|wet\b|dirty"),
            (
                3,
                r"(?:does|did|is|was|do|are|will|would|wo)(?:n'?t| not)\W+(?:\w+\W+){0,2}?"
                r"(?:work|working|turn on|switch on|power on|charge|charging|hold (?:a )?charge|"
                r"connect|heat|heat up|cool|spin|function|start|open|close|lock|stay on|light up)",
            ),
            (3, r"not (?:working|work|functioning|charging|turning on)\b|won'?t \w+ on"),
            (
                3.5,
                r"(?:stopped|stops|quit|ceased) (?:working|charging|functioning|pairing|connecting|"
                r"responding|heating|cooling|spinning|turning on)|no longer works|"
                r"(?:won'?t|doesn'?t|does not|will not) pair",
            ),
            (3, r"no (?:sound|power|picture|signal|display|audio)\b|died|dead\b"),
            (
                3,
                r"keeps? (?:disconnecting|turning off|shutting|restarting|crashing|beeping|"
                r"dropping)",
            ),
            (2, r"(?:shuts|turns|switches) (?:itself )?(?:off|down)|flicker\w*|glitch\w*"),
            (1.5, r"noise|grinding|burn\w*|smell\w*|overheat\w*|smoke|sparks?\b"),
            (2, r"(?:poor|bad|terrible|cheap|low) quality"),
            (3, r"(?:bad|poor|terrible|awful) (?:condition|shape)|melted|expired|out of date"),
            (1, r"replacement|replace (?:it|this|them)|replace\b"),
        ],
        WRONG: [
            (
                3,
                r"wrong (?:item|product|model|colou?r|size|one|thing|version|book|part|style|"
                r"pattern|order|package|parcel|variant|shoe|flavou?r|type|edition)",
            ),
            (
                3,
                r"not what i (?:ordered|paid for|bought|purchased)|not the (?:one|item|product|"
                r"model|size|colou?r) i ordered|different (?:item|product|model|colou?r|size)",
            ),
            (3, r"(?:sent|shipped|gave|delivered) (?:me |us )?(?:the |a |an )?(?:wrong|incorrect)"),
            (3, r"incorrect (?:item|size|colou?r|product|model)|someone else'?s (?:order|package)"),
            (
                3,
                r"(?:received|got|sent|came|arrived|delivered|was in|were in)\b[^.!?\n]{0,40}"
                r"\binstead of\b",
                LOOSE,
            ),
            (
                3,
                r"instead of\b[^.!?\n]{0,30}\b(?:i ordered|ordered|i paid for|as (?:pictured|"
                r"ordered|advertised|shown))",
                LOOSE,
            ),
            (
                2.5,
                r"(?:i )?ordered\b(?:(?!n'?t\b|not\b|never\b|still\b)[^.!?\n]){0,40}\b"
                r"(?:received|got|tag says|label says|came in|arrived in|sent me)\b",
                LOOSE,
            ),
            (3, r"missing|is missing|are missing"),
            (
                3,
                r"(?:only|just) (?:one|two|three|four|five|\d+|half)\b[^.!?\n]{0,30}\b(?:of|"
                r"out of|instead|in the (?:box|package|parcel)|inside|were in|was in|came|"
                r"arrived|included)",
                LOOSE,
            ),
            (2, r"\d+ (?:of|out of) (?:the )?\d+\b|should (?:have|contain|include) \d+"),
            (2.5, r"(?:contained|included|had) only|only (?:contained|included|had)"),
            (3, r"(?:box|package|parcel) (?:was|is|came|arrived) empty|empty (?:box|package)"),
            (
                2.5,
                r"(?:doesn'?t|does not|didn'?t|did not) (?:come|arrive) with|came without|"
                r"no (?:screws|instructions|manual|cable|charger|case|remote|lid|parts|"
                r"allen key|bolts)\b",
            ),
            (1.5, r"i counted|there (?:are|were|was) only"),
            (
                2.5,
                r"(?:got|received|sent me|came)\b[^.!?\n]{1,40}(?:[,;-]|but) (?:but )?i (?:had )?"
                r"(?:ordered|paid for)\b",
                LOOSE,
            ),
            (2, r"not the (?:right|correct) (?:one|item|product|model|colou?r|size|version)"),
            (2.5, r"there (?:was|were) no \w+ (?:in|inside)|(?:didn'?t|did not) include"),
            (1.5, r"(?:ordered|bought|purchased) (?:the |a )?wrong \w+"),
            (
                3,
                r"not as (?:described|pictured|advertised|shown)|"
                r"not \w+ (?:as|like) (?:pictured|ordered|shown)",
            ),
        ],
        CANCEL: [
            (3, r"cancel\w*"),
            (0, r"(?:you|seller|amazon|they|it was|was|been) (?:have |has )?cancell?ed"),
            # "the cancelled order": a refund is asked for, not a cancellation.
            (0, r"cancell?ed (?:order|item|purchase|one)"),
            (
                2.5,
                r"don'?t (?:ship|send)|do not (?:ship|send)|stop (?:the )?(?:order|shipment)|"
                r"don'?t want (?:it|this|the order) (?:any ?more)",
            ),
            (
                1.5,
                r"ordered (?:it |this |them )?(?:by mistake|by accident|accidentally|twice)|"
                r"accidentally (?:ordered|bought|purchased|placed)|placed (?:it|the order|this) "
                r"twice|(?:did not|didn'?t|never) (?:order|authori[sz]e|place)",
            ),
            (1, r"refuse (?:the )?(?:delivery|package)"),
        ],
        CHANGE: [
            (
                3,
                r"(?:change|update|correct|fix|modify|amend|edit|switch|swap)\w* (?:the |my |our |"
                r"this )?(?:shipping |delivery )?(?:address|zip|postcode|postal code|size|"
                r"colou?r|quantity|qty|variant|model|delivery date|engraving|text|name|"
                r"apartment|apt|house number|order)",
            ),
            (2.5, r"(?:change|switch|swap)\w* (?:it|that|this|them) (?:to|for)\b|swap\w*"),
            (
                3,
                r"wrong (?:address|zip|zip code|postcode|postal code|house number|street|"
                r"apartment|apt)",
            ),
            (
                2.5,
                r"(?:ship|send|deliver)\w* (?:it |this |them |the (?:order|package|parcel) )?to "
                r"(?:my |a |another |the |our )?(?:\w+(?:'s)? )?(?:address|office|work|mom|"
                r"mother|home|parents|neighbou?r|locker|pickup|dad|father)",
            ),
            (1, r"instead\b|rather than"),
            (
                2,
                r"(?:new|correct|right) address|address (?:is|should be)|i moved|moved house|"
                r"forgot (?:to (?:add|put|include|update)|the apartment|my apartment)",
            ),
            (2, r"add (?:one|another|a|an|\d+|more|it|this|that|the)\b"),
            (2.5, r"(?:\d+|one|two|three|four|five) instead of (?:\d+|one|two|three|four|five)\b"),
            (
                2.5,
                r"hold (?:the |my )?(?:package|parcel|order|delivery|shipment)|deliver (?:it )?on "
                r"\w+day|deliver (?:it )?(?:on (?:a )?)?(?:saturday|sunday|weekend)",
            ),
            (
                1,
                r"before (?:it |the order |my order |you )?(?:ships|shipping|sending|send|"
                r"dispatch|goes out|is sent|it'?s sent|shipped)",
            ),
            (2, r"gift (?:note|message|wrap\w*)"),
            (3, r"(?:selected|picked|chose|choose|clicked) (?:the |a )?wrong \w+"),
            (3, r"typo|misspel\w*|spelled (?:it )?wrong"),
            (2, r"(?:correct|fix|update|amend) (?:it|this|that|the label)\b"),
            (2.5, r"(?:get|receive|have) (?:the |a )?\w+ (?:one |version |colou?r )?instead"),
            (1.5, r"pay the difference"),
        ],
        PRODUCT: [
            (3, r"compatib\w*"),
            (
                3,
                r"(?:does|will|would|can|do) (?:it|this|they|these|the \w+) (?:\w+ )?(?:fit|"
                r"work with|work on|work in|come with|come in|have|include|support|hold|be used|"
                r"run|"
                r"charge)",
            ),
            (1.5, r"fits? (?:a|an|my|on|in|into|under)\b"),
            (
                2.5,
                r"dimension\w*|measurements?\b|how (?:big|tall|wide|long|heavy|deep|large|many|"
                r"much (?:does|do|is))|weigh\w*|size chart|what size",
            ),
            (
                2.5,
                r"(?:is|are) (?:it|this|they|these|the \w+) (?:\w+ )?(?:safe|free|proof|waterproof|"
                r"washable|compatible|original|genuine|real|authentic|available|suitable|"
                r"included|adjustable|rechargeable|dishwasher)",
            ),
            (2, r"dishwasher|microwave|oven safe|machine wash\w*|waterproof|bpa\b|vegan|gluten"),
            (1.5, r"material|made (?:of|from|in)\b|fabric\b|cotton|leather|nickel|allerg\w*"),
            (2, r"warrant\w*|guarantee"),
            (
                1.5,
                r"batter(?:y|ies)|watts?\b|wattage|volts?\b|voltage|\d+ ?v\b|plug\b|adapter|"
                r"outdoors?",
            ),
            (
                2.5,
                r"restock\w*|back in stock|in stock|available in|come in (?:other|different|\w+) "
                r"(?:colou?rs?|sizes?)|(?:do|will) you (?:have|sell|make|carry) (?:this|it|these|"
                r"them|one|a)|other colou?rs",
            ),
            (2.5, r"difference between|what(?:'s| is) the difference"),
            (
                3,
                r"how (?:do|can|should|would) (?:i|you|we|one) (?:\w+ )?(?:pair|set|setup|adjust|"
                r"use|connect|install|assemble|clean|charge|reset|turn on|turn off|program|"
                r"sync|mount|attach|wash|fold|operate|configure|register)",
            ),
            (1.5, r"manual|instructions|user guide|how it works|how does it work|explain"),
            (2, r"how (?:do|can|should) (?:i|you|we) \w+", LOOSE),
            (2, r"how long does it (?:keep|stay|last)"),
            (2, r"can i (?:put|use|wash|take|fill|leave|store|microwave|freeze)\b"),
            (2.5, r"can (?:i|you|one) use (?:it|this|them|these)\b"),
            (2, r"genuine|authentic|counterfeit|fake|copy\b|knock ?off"),
            (1.5, r"original\b"),
            (
                2,
                r"what (?:size|colou?r|material|type|kind|voltage)\b|(?:is|are) there (?:a|an|any)",
            ),
            (1, r"question about|quick question|i have a question|recommend"),
        ],
        INVOICE: [
            (4, r"invoice\w*"),
            (3.5, r"receipt\b|vat\b|tax invoice|pro ?forma"),
            (2, r"po number|purchase order|billing address|company name|tax id|(?:a|the) bill\b"),
            (4, r"invoice (?:is )?missing|missing (?:the )?invoice"),
        ],
        THANKS: [
            (1.5, r"thank\w*|thanks|thx|ty\b|cheers|appreciate\w*|grateful|👍|🙏"),
            (
                2,
                r"got it\b|arrived (?:today|safely|safe|this morning|yesterday|on time|early|fine|"
                r"in (?:perfect|good|great|excellent) (?:condition|shape))|came today|"
                r"it came\b|safe and sound|all good|all sorted|sorted now|all set|"
                r"works (?:perfectly|great|fine) now|problem solved|resolved|never ?mind|"
                r"found it|no worries|great service|love it|loves it",
            ),
            (1.5, r"perfect\w*|excellent|awesome|great\b|received\b|amazing"),
            (
                3.5,
                r"refund (?:has )?(?:been )?(?:received|came through|arrived|showed up|went "
                r"through|is in)|received (?:the |my )?refund|refund received|thanks? (?:you )?"
                r"for the (?:quick |fast )?refund",
            ),
        ],
        OTHER: [
            (
                3,
                r"wholesale|bulk\b|business (?:pricing|price|discount|rates?|customer)|"
                r"volume (?:discount|pricing)|\d{2,} (?:units|pieces|pcs)|resell\w*|"
                r"distribut\w*|stock your|retailer|my (?:small )?(?:shop|store|boutique)",
            ),
            (
                3.5,
                r"amazon business|business account|prime (?:membership|account|subscription)|"
                r"amazon (?:account|customer service|support)|gift card",
            ),
            (
                3,
                r"collaborat\w*|partnership|partner with|influencer|blogger|sponsor\w*|"
                r"marketing agency|increase your (?:\w+ )?sales|book a call",
            ),
            (3, r"wrong seller|wrong person|wrong place|ignore (?:this|my)|disregard"),
            (
                3,
                r"cancell?ed (?:my |the )?(?:prime |amazon )?(?:membership|subscription)|"
                r"membership|physical (?:store|shop)|brick and mortar|(?:are you|we are) hiring|"
                r"job\b|your (?:own )?(?:website|online (?:shop|store)|webshop)",
            ),
            (
                3,
                r"unsubscribe|mailing list|remove me|"
                r"stop (?:sending|emailing|messaging|contacting)",
            ),
            (2.5, r"review\w*|feedback|rating\b"),
            (
                2.5,
                r"pric\w*\b[^.!?\n]{0,30}\b(?:went up|increased|higher|ridiculous|too high|"
                r"doubled|jumped|outrageous)|overpriced|rip ?off|(?:too|so) expensive|"
                r"expensive|cheaper (?:on|at|elsewhere|in)|half the price|price gouging",
            ),
            (
                3.5,
                r"why (?:am i|did i|do i) (?:getting|get|receive|receiving)|didn'?t contact you|"
                r"not sure why|who is this|who are you",
            ),
        ],
    }
)


# Cues of context: what a word means depends on the words around it. Each row is a kind
# of message, not a message, and the same kinds are in every language.
CUES += table(
    {
        FOLLOWUP: [
            # A bare chase. Above a quoted history the history decides; else where-is-it.
            (
                1.5,
                r"any (?:news|updates?|word|progress)\b|following up|follow(?:ing)?[- ]up on|"
                r"(?:just )?checking in|chasing (?:this|my|up)|still waiting (?:for|on) "
                r"(?:a|an|your) (?:reply|response|answer)|"
                r"(?:haven'?t|have not|didn'?t|did not) (?:heard|had|got|gotten|received) "
                r"(?:back|anything|any (?:reply|response|answer)|a (?:reply|response))|"
                r"no (?:reply|response|answer)(?: yet)?\b|see (?:my )?(?:message|email) below|"
                r"(?:as per|regarding|re) my (?:previous|last|earlier) (?:message|email)",
            ),
        ],
        NEUTRAL: [
            # Spare parts and refills are not a replacement for a defect.
            (0, r"replacement (?:cartridges?|filters?|parts?|heads?|blades?|bags?|pads?|bulbs?)"),
            # "I cancelled before it shipped": told, not asked.
            (0, r"i (?:already |had )?cancell?ed\b"),
            # Something the buyer has: "I got the invoice by email but not the parcel".
            (
                0,
                r"(?:got|received|have|already have|downloaded) (?:the |your |an |my )?"
                r"(?:invoice|receipt)(?: (?:by|via|per) (?:e-?mail|mail))?",
            ),
            # A website or page that fails is not a defective product.
            (
                0,
                r"(?:website|web ?site|web ?page|site|page|portal|app)\W+(?:\w+\W+){0,5}?"
                r"(?:doesn'?t|does not|won'?t|will not|isn'?t|is not|not)\W+"
                r"(?:load|work|open)\w*",
            ),
        ],
        WHERE: [
            (2.5, r"(?:was|were) (?:announced|promised|scheduled|expected|due) (?:for|on|by)\b"),
            # "… but not the parcel": the thing that did not come.
            (3, rf"but not (?:the|my) (?:\w+ )?{_GOODS}"),
            (
                3,
                r"(?:left|leave|leaving|out of|shipped from) (?:the |your )?(?:warehouse|facility|"
                r"depot)",
            ),
            (
                3,
                r"address not found|(?:couldn'?t|could not|unable to) (?:find (?:my|the) address|"
                r"deliver)|(?:failed|attempted) delivery|delivery (?:attempt|failed)",
            ),
            (2, r"(?:my )?address is (?:correct|right|fine|ok)"),
        ],
        RETURN: [
            # A fit problem, not a shipping mistake: "just the wrong size for my kid".
            (
                2,
                r"(?:the )?wrong (?:size|one|colou?r|model|fit) for (?:me|my|him|her|us|them)\b|"
                r"not (?:the )?right (?:size|one|fit) for (?:me|my|him|her|us)\b",
            ),
        ],
        REFUND: [
            (
                3,
                r"(?:money|payment|amount) (?:was |has been |got )?(?:taken|debited|deducted|"
                r"withdrawn)|(?:taken|debited|deducted) from my (?:account|card)",
            ),
            # Money that has not come back, or only part of it.
            (
                3,
                r"nothing (?:\w+ ){0,2}?(?:on|in|to) my (?:account|card|bank|statement)|"
                r"(?:account|card|bank|statement)\W+(?:\w+\W+){0,3}?(?:nothing|no refund|no money)|"
                r"(?:not|never) (?:been )?credited|(?:haven'?t|have not) seen (?:the|any|my) money",
            ),
            (
                3.5,
                r"only (?:got|received|been refunded|refunded) (?:back )?[$£€]?\d+|"
                r"the rest of (?:my|the) (?:money|refund|payment)|remaining (?:amount|balance)",
            ),
            (
                3,
                r"(?:returns?|package|parcel|item)\W+(?:\w+\W+){0,4}?(?:received|delivered) "
                r"(?:\w+\W+){0,4}?(?:when|still)\b",
            ),
            (
                4,
                r"refund\w* (?:\w+ )?(?:is |was )?missing|missing from (?:my|the) refund|"
                r"[$£€]?\d+(?:[.,]\d+)? (?:is |are )?(?:still )?missing from (?:my|the) refund",
            ),
        ],
        DAMAGED: [
            # Parts that do not go together.
            (
                2.5,
                r"(?:screws|bolts|holes|parts|pieces) (?:\w+ )?(?:don'?t|do not|won'?t) (?:fit|"
                r"line up|match|go in)",
            ),
            (3, r"hiss\w*|crackl\w*|static (?:noise|sound)|buzz(?:es|ing)\b|distort\w*"),
            (3, r"(?:coming|came|come) (?:undone|loose|unstitched)|unravel\w*|fraying"),
            (3, r"trips (?:the )?(?:fuse|breaker|circuit|electrics)|blows (?:the |a )?fuse"),
            # Fine at first, then not: a defect that came with use.
            (2, r"(?:at first|initially) (?:it )?(?:was|worked) (?:fine|ok|okay|great|well)"),
            # How a product fails in use: sticks, loses power, overheats, smells, freezes.
            (
                3,
                r"jam(?:s|med|ming)?\b|(?:gets|got|keeps getting) stuck|sticks\b|sticking\b|"
                r"(?:loses|losing|lost) (?:\w+ )?(?:power|suction|pressure|air|heat)|"
                r"(?:gets|getting|runs|running|becomes) (?:very |really |extremely |super )?hot|"
                r"(?:smells|smell|stinks) (?:bad|off|funny|strange|weird|awful|rotten|of burning|"
                r"like burning|of plastic|burnt)|(?:has )?separated|curdled|(?:went|gone) off|"
                r"(?:freezes|froze|crashes|crashed|reboots|restarts) (?:all the time|constantly|"
                r"randomly|every)|error (?:code|message)|vibrates (?:a lot|badly|violently)|"
                r"rattl\w*|squeak\w*|dripping|(?:opens|closes|works|turns|moves|charges) "
                r"(?:only )?(?:barely|with difficulty)",
            ),
            (
                3,
                r"(?:lines|stripes|bands) (?:\w+ )?(?:on|across) the (?:screen|display)|"
                r"(?:screen|display) (?:has|shows) (?:\w+ )?(?:lines|stripes)",
            ),
            (3, r"stops? (?:by itself|on its own|randomly|after (?:a few|\w+) (?:minutes|hours))"),
            # A defect told by its symptom.
            (
                3,
                r"dead pixels?|stuck pixels?|no (?:light|lights|noise|heat|response|suction|"
                r"airflow|air)\b|(?:won'?t|doesn'?t|does not) (?:power up|boot)|"
                r"not normal for a (?:new|brand new)|"
                r"(?:makes?|making) (?:a |an )?(?:loud|strange|weird|grinding|clicking|"
                r"rattling|buzzing) (?:noise|sound)|barely (?:works|working)|"
                r"hardly (?:works|working)|flicker\w*",
            ),
            # Vague: also said of a product used the wrong way ("how do I pair it? holding
            # the button does nothing").
            (1.5, r"nothing happens|does nothing|(?:won'?t|doesn'?t|does not) do anything"),
            (1, r"send (?:me )?(?:a |an )?new (?:one|\w+)\b"),
            # A part that came off or split.
            (
                3,
                r"(?:came|fell|broke|snapped) off|came loose|"
                r"(?:seam|stitching|strap|handle|sole|zipper|zip|buckle|hinge|"
                r"leg)s?\W+(?:\w+\W+){0,2}?"
                r"(?:split|tore|ripped|broke|came off|came loose|gave way|fell off|detached)",
            ),
            (
                3,
                r"(?:screen|display|monitor)\W+(?:\w+\W+){0,2}?(?:stays|remains|is|goes|went|"
                r"stay|remain) (?:completely )?(?:black|blank|dark)|black screen|blank screen",
            ),
            (
                3,
                r"(?:colou?r|dye|print)\W+(?:\w+\W+){0,2}?(?:faded|ran|bled|washed out|came off)|"
                r"shrank|shrunk|(?:only|barely) lasts? (?:\d+|a few|ten|five)|drains? (?:very )?"
                r"(?:fast|quickly)",
            ),
            (
                3,
                r"swollen|bulging|wobbl\w*|uneven|crooked|(?:one|a) leg is (?:shorter|longer)|"
                r"(?:won'?t|doesn'?t|does not) (?:close|shut) (?:anymore|properly)",
            ),
        ],
        WRONG: [
            (
                3,
                r"two (?:left|right)(?: \w+)?\b|(?:both|two) (?:for the )?(?:left|right) (?:foot|"
                r"side)",
            ),
            # "Ordered: size 40. Received: size 44."
            (
                3,
                r"(?:ordered|order) ?:[^\n]{1,40}?[.;,\n] *(?:received|got|delivered|arrived|"
                r"sent) ?:",
                LOOSE,
            ),
            # A count that came against a count that was sold.
            (
                3,
                r"(?:received|got|only got|came with|contained) (?:only )?\d+ (?:pieces|pcs|units|"
                r"items|of them|bottles|pairs|rolls|packs)\b",
            ),
            (2, r"(?:listing|description|page) (?:says|said|shows) (?:a )?(?:pack|set) of \d+"),
            (
                3,
                r"(?:even though|although|though|whereas) i (?:had )?(?:ordered|paid for|"
                r"bought)\b|i (?:had )?ordered (?:it|them|one) in (?:english|german|french|spanish|"
                r"italian|black|white|red|blue|green|grey|gray|pink|size|a size|\w+ size)",
            ),
            # "got X but I ordered Y", "X instead of Y", "not in the box".
            (
                3,
                r"(?:contained|contains|there (?:was|were)|inside (?:was|were)|found|had)\b"
                r"[^.!?\n]{1,50}\bbut i (?:had )?(?:ordered|paid for|bought)\b",
                LOOSE,
            ),
            (
                2.5,
                r"but i (?:had )?(?:ordered|paid for|bought) (?:a|an|the|size|\d+|two|three|"
                r"one|both)\b(?! \w+ (?:ago|weeks|days))",
            ),
            (
                3,
                r"instead of\b[^.!?\n]{0,40}\b(?:i (?:got|received)|you sent|they sent|"
                r"(?:came|arrived)\b|was (?:delivered|sent|in the)|were (?:delivered|sent))",
                LOOSE,
            ),
            (
                3,
                r"(?:wasn'?t|was not|isn'?t|is not|weren'?t|were not|not) (?:in|inside) "
                r"(?:the )?(?:box|package|parcel|packaging)|not included\b|"
                r"(?:missing|not there) from (?:the )?(?:box|package|parcel)",
            ),
            (
                1.5,
                r"(?:according to|per|in) the (?:description|listing)|should (?:have )?(?:been|"
                r"come) "
                r"(?:included|with it)",
            ),
            (3, r"(?:only|just) (?:a single|one single|one) (?:piece|unit|item)\b"),
            (
                2.5,
                # (a size on the label: not "the tracking label says delivered")
                r"(?:label|tag|sticker) (?:says|said|shows|reads) (?:size )?(?:xxs|xs|s|m|l|xl|"
                r"xxl|xxxl|\d+\w{0,2})\b|"
                r"but i (?:had )?ordered (?!it\b|them\b|this\b|that\b|on\b|in\b|from\b|last\b|"
                r"yesterday|a while|\d+ (?:days|weeks))\w+",
            ),
            # What came, then what was ordered, maybe in the next sentence: "The box had a
            # mouse in it. I ordered a keyboard." (not "… I ordered it two weeks ago").
            (
                3,
                r"(?:received|got|sent|came|arrived|delivered|contained|had|there was|found|"
                r"shipped)\b(?:(?!n'?t\b|not\b|never\b|no\b)[^\n]){1,60}?\bi (?:had )?"
                r"(?:ordered|paid for|bought|purchased)\b(?! it\b| them\b| this\b| that\b| on\b|"
                r" in\b| from\b| last\b| yesterday| over\b| more\b| (?:a|one|two|three|\d+) "
                r"(?:week|month|day)| \w+ (?:ago|weeks|days))",
                LOOSE,
            ),
            # "This is the EU plug version, I ordered the UK one."
            (
                3,
                r"(?:this|it|that)(?: is|'s) (?:the|a|"
                r"an)\b[^.!?\n]{1,50}?[,;-] ?(?:but )?i (?:had )?"
                r"(?:ordered|paid for|bought)\b",
                LOOSE,
            ),
            (
                3,
                r"(?:clearly|obviously|already|has been|had been) used\b|(?:a |an )?used (?:item|"
                r"one|"
                r"product)|second[- ]hand|(?:seal|packaging) (?:was|had been) (?:already )?"
                r"(?:broken|opened|open)",
            ),
        ],
        CHANGE: [
            # The carrier chosen for an order not yet shipped.
            (
                3,
                r"(?:ship|send|deliver)\w* (?:it |them )?(?:with|via|using|by) (?:ups|fedex|dhl|"
                r"usps|royal mail|dpd|evri|hermes|gls)\b",
            ),
            (2, r"\d+\w*,? (?:not|instead of) \d+\w*"),
            # Parts of an address that are missing or to be added: not a missing item.
            (
                3,
                r"(?:missing|forgot|left out|add\w*)\W+(?:\w+\W+){0,2}?(?:unit|apartment|apt|"
                r"flat|suite|floor|door|buzzer|gate|house|street|building) ?(?:number|no|code|#)?|"
                r"(?:address|label)\W+(?:\w+\W+){0,2}?(?:is )?missing (?:the |my )?\w+",
            ),
            # The buyer's own wrong choice: it is the verb (cancel, return, change) that
            # decides, so this is weak.
            (
                1.5,
                r"(?:i )?(?:ordered|bought|purchased|picked|chose|selected|clicked) (?:the |a |"
                r"an )?"
                r"wrong \w+",
            ),
            (
                3,
                r"(?:change|switch|swap|update)\w* (?:it|that|this|them|the order|my order) "
                r"before (?:it |you )?(?:ships?|shipping|send|sending|dispatch)",
            ),
            (
                3,
                r"(?:can|could|may) (?:i|we) (?:get|have|switch to|change to) (?:the |a )?\w+ "
                r"(?:\w+ )?instead of",
            ),
            (
                2.5,
                r"(?:i'?d|i would) (?:rather|prefer) (?:have |get )?(?:the|a)\b(?! (?:full )?"
                r"(?:refund|replacement|return|credit|voucher|new one))",
            ),
            (1.5, r"is it (?:still|too late to) (?:possible|change)"),
            (
                3,
                r"(?:postpone|reschedule|delay|push back) (?:the |my )?(?:delivery|shipment|"
                r"shipping|order|dispatch)|deliver (?:it )?(?:later|next week|after the)",
            ),
            (2.5, r"gift[- ]wrap\w*|wrap (?:it|them) as a gift"),
            (
                2.5,
                r"(?:name on|add\w* (?:\w+ )?to) the (?:buzzer|doorbell|mailbox|letterbox)|c/o\b",
            ),
        ],
        PRODUCT: [
            (2.5, r"\bfit (?:this|it|these|my|the|on|in|with)\b[^.!?\n]{0,40}\?", LOOSE),
            # Questions about a product before or without an order.
            (
                2.5,
                r"before (?:i |we )?(?:order|buy|purchase|ordering|buying|purchasing)\b|"
                r"washable|machine[- ]washable|(?:hold|support|carry|take) (?:up to )?\d+ ?"
                r"(?:kg|kilos?|lbs?|pounds)|weight (?:limit|capacity)|max(?:imum)? (?:weight|load)|"
                r"suitable for|safe for (?:kids|children|babies|toddlers|a \d+)|small parts|"
                r"(?:\d+|one|two|three|four|five)[- ]years?[- ]old",
            ),
        ],
        INVOICE: [
            (2, r"(?:for )?(?:my |the )?expenses\b|expense (?:report|claim)|for (?:my )?taxes"),
        ],
        OTHER: [
            (
                3,
                r"blog\w*|journalist\w*|(?:the|for a|from the) press\b|press (?:release|inquiry|"
                r"enquiry)|interview\w*|survey|questionnaire",
            ),
            (
                3,
                r"(?:order|buy|purchase) (?:\w+ )?directly (?:from|with) you|"
                r"outside (?:of )?amazon|"
                r"without (?:going through )?amazon",
            ),
            # Warranty registration, other sellers, marketing mail: not about an order.
            (
                3.5,
                r"(?:register|registration|registering)\b[^.!?\n]{0,40}\bwarrant\w*|"
                r"extended warrant\w*|warranty (?:registration|extension)|register (?:the|my) "
                r"(?:product|item|device)",
            ),
            (
                3.5,
                r"(?:another|other|a different|a third[- ]party) seller|competitors?\b|"
                r"selling (?:\w+ )?(?:fakes|counterfeits?|knock ?offs|copies|fake \w+)|"
                r"(?:your|the) brand name|hijack\w*",
            ),
            (
                3.5,
                r"(?:review|feedback|rating) (?:requests?|emails?|reminders?|messages?)|"
                r"(?:emails?|messages?) (?:asking|begging) (?:me )?(?:for|to)",
            ),
            (
                3,
                r"are you (?:the|a|an) (?:\w+ )?(?:manufacturer|reseller|retailer|distributor|"
                r"official|brand owner)|who (?:makes|manufactures) (?:this|it|these|them)",
            ),
            (
                3,
                r"(?:do|does) you (?:\w+ )?(?:have|own|run) (?:a|an|any) (?:physical |retail )?"
                r"(?:shop|store|showroom|outlet)",
            ),
        ],
        CANCEL: [
            (3, r"delete (?:my|the|this) order"),
            # No longer wanted: a cancellation only with nothing stronger.
            (1, r"(?:don'?t|do not) (?:want|need) (?:it|this|them) any ?more"),
        ],
    }
)
