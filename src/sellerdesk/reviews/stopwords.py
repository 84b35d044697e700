"""Stop words for the complaint phrases, in the desk's five languages.

Written in plain spelling; ``reviews.complaints`` folds them the same way it folds the
text (lower case, no accents), and uses the union of all five lists for every
document, so no language has to be detected first.

Deliberately **not** stop words: negations and "too" (``not``, ``no``, ``never``,
``nicht``, ``kein``, ``pas``, ``non``, ``too``, ``trop``, ``troppo``, ``demasiado``):
"not working" and "too small" are what buyers complain about.
"""

from __future__ import annotations

EN = """
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each even few for
from further get got had has have having he her here hers herself him himself his how i if
in into is it its itself just me more most much my myself now of off on once one only or
other our ours ourselves out over own quite really same she should so some still such than
that the their theirs them themselves then there these they this those through to under
until up very was we were what when where which while who whom why will with would you your
yours yourself yourselves s t d ll m re ve im ive got
"""

DE = """
aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes
auch auf aus bei bereits bin bis bist da damit dann das dass dein deine dem den der des dessen
dich die dies diese diesem diesen dieser dieses dir doch dort du durch ein eine einem einen
einer eines er es etwas euch euer für habe haben hab hat hatte hatten hier hin ich ihm ihn
ihnen ihr ihre im in ins ist ja jede jetzt kann können man mein meine meinem meinen meiner
mich mir mit muss nach noch nun nur ob oder ohne schon sehr sein seine sich sie sind so soll
über um und uns unser unter vom von vor war waren was weil wenn werden wie wieder will wir
wird wo wurde wurden zu zum zur zwar wollte
"""

FR = """
a ai au aux avec avez avoir avons c ca cela ce ces cet cette comme d dans de deja des du elle
elles en encore est es et etaient etait ete etre eux il ils j je l la le les leur leurs lui m
ma mais me meme mes moi mon n ne nos notre nous on ont ou par plus pour qu que quand qui s sa
se ses si son sont sur t ta te tes toi ton tous tout toute tres tu un une vos votre vous y
apres avant alors donc aussi
"""

ES = """
a al algo algunos ante antes como con contra cual cuando de del desde donde durante e el ella
ellas ellos en entre era eres es esa esas ese eso esos esta estaba estado estan estar este
esto estos fue fueron ha habia han hasta hay he la las le les lo los me mi mis mucho muy nos
nosotros o otra otro para pero poco por porque que quien se sea ser si sido sin sobre son su
sus tambien te tengo tiene tu tus un una uno unos y ya yo
"""

IT = """
a ad agli ai al alla alle allo anche ancora avere aveva c che chi ci come con contro cosi cui
da dai dal dalla dalle degli dei del della delle dello di dopo e ed era essere gia gli ha
hanno ho i il in io l la le lei li lo loro lui ma me mi mia mio molto ne nei nel nella nelle
nello noi o per perche piu po poi quale quando quella quello questa questo se sei si sia solo
sono stata stato su sua sul sulla suo tra tu tutti tutto un una uno vi voi
"""

# Words of the channel rather than of the complaint: greetings, thanks, "product", "order".
DESK = """
amazon hello hi hey dear thanks thank please regards hallo danke bitte gruss grusse bonjour
merci cordialement hola gracias saludos ciao grazie saluti buongiorno product products item
items produkt artikel produit article producto articulo prodotto articolo order ordered
bestellung bestellt commande commandé pedido ordine star stars
"""

STOP_WORD_LISTS: dict[str, str] = {"en": EN, "de": DE, "fr": FR, "es": ES, "it": IT, "desk": DESK}
