"""German, French, Spanish and Italian versions of the most used reply templates.

Same slugs and merge fields as the English set in ``defaults``; buyers are
addressed formally (Sie, vous, usted, Lei), as shops on those marketplaces do.
"""

# French and Italian elide with the typographic apostrophe (U+2019), as their shops write it.
# ruff: noqa: RUF001

from __future__ import annotations

_GREETING = {
    "de": "Guten Tag {{ buyer_name }},",
    "fr": "Bonjour {{ buyer_name }},",
    "es": "Hola, {{ buyer_name }}:",
    "it": "Gentile {{ buyer_name }},",
}
_SIGN_OFF = {
    "de": "Mit freundlichen Grüßen\n{{ seller_name }}",
    "fr": "Cordialement,\n{{ seller_name }}",
    "es": "Un saludo,\n{{ seller_name }}",
    "it": "Cordiali saluti,\n{{ seller_name }}",
}


def _tr(slug: str, language: str, name: str, intent: str, *paragraphs: str) -> dict[str, str]:
    body = "\n\n".join([_GREETING[language], *paragraphs, _SIGN_OFF[language]])
    return {"slug": slug, "language": language, "name": name, "intent": intent, "body": body}


_GERMAN = [
    _tr(
        "where-is-my-order",
        "de",
        "Sendungsstatus",
        "where_is_my_order",
        "vielen Dank für Ihre Nachricht zur Bestellung {{ order_id }} ({{ product }}). Ihr "
        "Paket wurde mit {{ carrier }} verschickt, die Sendungsnummer lautet "
        "{{ tracking_number }}. Die Zustellung ist bis {{ delivery_date }} vorgesehen. Den "
        "aktuellen Stand sehen Sie jederzeit bei Amazon unter „Meine Bestellungen“.",
        "Sollte das Paket bis dahin nicht angekommen sein, antworten Sie bitte einfach auf "
        "diese Nachricht. Wir klären das dann umgehend mit dem Versanddienstleister.",
    ),
    _tr(
        "delivery-delay",
        "de",
        "Lieferverzögerung",
        "where_is_my_order",
        "es tut uns leid, dass Ihre Bestellung {{ order_id }} länger unterwegs ist als "
        "geplant. Laut Sendungsverfolgung ({{ carrier }}, {{ tracking_number }}) hat sich das "
        "Paket beim Versanddienstleister verzögert; die Zustellung wird jetzt bis "
        "{{ delivery_date }} erwartet.",
        "Wir behalten die Sendung im Blick. Falls sie bis {{ delivery_date }} nicht bei Ihnen "
        "ist, geben Sie uns bitte Bescheid: Wir schicken Ihnen dann gern Ersatz oder "
        "erstatten Ihnen den Kaufpreis, ganz wie Sie möchten.",
    ),
    _tr(
        "return-instructions",
        "de",
        "Rücksendung: so geht’s",
        "return_request",
        "danke, dass Sie uns Bescheid geben. Sie können den Artikel {{ product }} aus der "
        "Bestellung {{ order_id }} bis zum {{ return_window_end }} zurücksenden. Wählen Sie "
        "dazu bei Amazon unter „Meine Bestellungen“ diese Bestellung aus und starten Sie die "
        "Rücksendung. Amazon stellt Ihnen anschließend das Rücksendeetikett und die "
        "Abgabemöglichkeiten bereit.",
        "Bitte verpacken Sie den Artikel sicher, am besten in der Originalverpackung. Sobald "
        "er bei uns eingetroffen ist, erstatten wir Ihnen den Betrag innerhalb von zwei "
        "Werktagen.",
    ),
    _tr(
        "refund-issued",
        "de",
        "Erstattung veranlasst",
        "refund_request",
        "wir haben Ihnen den Betrag für die Bestellung {{ order_id }} ({{ product }}) "
        "erstattet. Amazon schickt Ihnen dazu eine Bestätigung. In der Regel ist das Geld je "
        "nach Bank innerhalb von drei bis fünf Werktagen wieder auf Ihrem ursprünglichen "
        "Zahlungsmittel.",
        "Es tut uns leid, dass diese Bestellung nicht wie erhofft geklappt hat. Falls bei der "
        "Erstattung etwas nicht stimmt, antworten Sie bitte einfach auf diese Nachricht.",
    ),
    _tr(
        "damaged-or-defective",
        "de",
        "Beschädigt oder defekt",
        "damaged_or_defective",
        "es tut uns sehr leid, dass der Artikel {{ product }} aus Ihrer Bestellung "
        "{{ order_id }} beschädigt angekommen ist bzw. nicht richtig funktioniert. Damit wir "
        "das schnell klären können: Könnten Sie Ihrer Antwort ein oder zwei Fotos des Artikels "
        "beifügen (und des Kartons, falls auch dieser beschädigt war) und kurz beschreiben, "
        "was genau passiert?",
        "Sobald uns die Fotos vorliegen, schicken wir Ihnen Ersatz oder erstatten Ihnen den "
        "vollen Kaufpreis, ganz wie Sie möchten. Für eine eventuelle Rücksendung entstehen "
        "Ihnen keine Kosten.",
    ),
    _tr(
        "wrong-item",
        "de",
        "Falscher Artikel geliefert",
        "wrong_item",
        "es tut uns leid, dass Sie mit der Bestellung {{ order_id }} einen falschen Artikel "
        "erhalten haben. Bestellt hatten Sie {{ product }} (ASIN {{ asin }}). Wir schicken "
        "Ihnen den richtigen Artikel noch heute und melden uns mit der Sendungsnummer, sobald "
        "er unterwegs ist.",
        "Für den falsch gelieferten Artikel beantragen Sie bitte unter „Meine Bestellungen“ "
        "eine Rücksendung und geben als Grund an, dass ein falscher Artikel geliefert wurde. "
        "Die Kosten für das Rücksendeetikett übernehmen dann wir.",
    ),
    _tr(
        "cancellation-confirmed",
        "de",
        "Stornierung bestätigt",
        "cancel_order",
        "wie gewünscht haben wir Ihre Bestellung {{ order_id }} storniert. Ihnen wurde dafür "
        "nichts berechnet; sollte auf Ihrem Konto noch eine vorgemerkte Zahlung zu sehen "
        "sein, gibt Ihre Bank sie in den nächsten Werktagen wieder frei.",
        "Falls Sie wegen einer Frage zu {{ product }} storniert haben, antworten Sie gern auf "
        "diese Nachricht. Wir helfen Ihnen weiter.",
    ),
]

_FRENCH = [
    _tr(
        "where-is-my-order",
        "fr",
        "Suivi de commande",
        "where_is_my_order",
        "Merci pour votre message concernant la commande {{ order_id }} ({{ product }}). "
        "Votre colis a été expédié avec {{ carrier }} sous le numéro de suivi "
        "{{ tracking_number }} et devrait vous être livré d’ici le {{ delivery_date }}. Vous "
        "pouvez suivre son acheminement à tout moment dans Vos commandes sur Amazon.",
        "S’il n’est pas arrivé à cette date, répondez simplement à ce message et nous ferons "
        "le point avec le transporteur sans attendre.",
    ),
    _tr(
        "delivery-delay",
        "fr",
        "Retard de livraison",
        "where_is_my_order",
        "Nous sommes désolés que la commande {{ order_id }} mette plus de temps que prévu à "
        "arriver. Le suivi de votre colis ({{ carrier }}, {{ tracking_number }}) indique un "
        "retard chez le transporteur ; la livraison est désormais prévue d’ici le "
        "{{ delivery_date }}.",
        "Nous suivons l’envoi de près. S’il ne vous est pas parvenu le {{ delivery_date }}, "
        "merci de nous le signaler : nous vous enverrons un article de remplacement ou vous "
        "rembourserons la commande, selon votre préférence.",
    ),
    _tr(
        "return-instructions",
        "fr",
        "Procédure de retour",
        "return_request",
        "Merci de nous avoir prévenus. Vous pouvez retourner l’article {{ product }} de la "
        "commande {{ order_id }} jusqu’au {{ return_window_end }}. Pour cela, rendez-vous dans "
        "Vos commandes sur Amazon, sélectionnez cette commande et lancez le retour. Amazon "
        "vous fournira ensuite l’étiquette de retour et les options de dépôt.",
        "Merci de bien protéger l’article, si possible dans son emballage d’origine. Dès sa "
        "réception, nous procéderons à votre remboursement sous deux jours ouvrés.",
    ),
    _tr(
        "refund-issued",
        "fr",
        "Remboursement effectué",
        "refund_request",
        "Nous avons procédé au remboursement de la commande {{ order_id }} ({{ product }}). "
        "Amazon vous enverra une confirmation, et le montant est généralement recrédité sur "
        "votre moyen de paiement d’origine sous trois à cinq jours ouvrés, selon votre banque.",
        "Nous regrettons que cette commande ne vous ait pas donné satisfaction. Si quelque "
        "chose vous semble incorrect dans ce remboursement, il vous suffit de répondre à ce "
        "message.",
    ),
    _tr(
        "damaged-or-defective",
        "fr",
        "Article endommagé ou défectueux",
        "damaged_or_defective",
        "Nous sommes vraiment désolés que l’article {{ product }} de votre commande "
        "{{ order_id }} soit arrivé endommagé ou ne fonctionne pas correctement. Pour que nous "
        "puissions régler cela rapidement, pourriez-vous joindre à votre réponse une ou deux "
        "photos de l’article (et du carton s’il a été abîmé) et nous décrire le problème ?",
        "Dès réception, nous vous enverrons un article de remplacement ou vous rembourserons "
        "intégralement, comme vous le préférez. Un éventuel retour ne vous coûtera rien.",
    ),
    _tr(
        "wrong-item",
        "fr",
        "Mauvais article reçu",
        "wrong_item",
        "Nous sommes désolés : vous avez reçu un mauvais article avec la commande "
        "{{ order_id }}. Vous auriez dû recevoir {{ product }} (ASIN {{ asin }}). Nous vous "
        "expédions le bon article dès aujourd’hui et vous communiquerons le numéro de suivi "
        "dès son départ.",
        "Pour nous renvoyer l’article reçu par erreur, demandez un retour dans Vos commandes "
        "en indiquant comme motif que l’article envoyé n’était pas le bon : l’étiquette de "
        "retour sera alors à notre charge.",
    ),
    _tr(
        "cancellation-confirmed",
        "fr",
        "Annulation confirmée",
        "cancel_order",
        "Comme vous nous l’avez demandé, nous avons annulé la commande {{ order_id }}. Aucun "
        "montant ne vous a été débité ; si une pré-autorisation apparaît sur votre compte, "
        "votre banque la libérera d’ici quelques jours ouvrés.",
        "Si vous avez annulé à cause d’une question sur {{ product }}, répondez à ce message : "
        "nous y répondrons volontiers.",
    ),
]

_SPANISH = [
    _tr(
        "where-is-my-order",
        "es",
        "Estado del envío",
        "where_is_my_order",
        "Gracias por su mensaje sobre el pedido {{ order_id }} ({{ product }}). Su paquete se "
        "ha enviado con {{ carrier }} con el número de seguimiento {{ tracking_number }} y "
        "debería llegar, como muy tarde, el {{ delivery_date }}. Puede consultar su estado en "
        "cualquier momento en Mis pedidos, en Amazon.",
        "Si para entonces no lo ha recibido, responda a este mensaje y lo revisaremos de "
        "inmediato con la empresa de transporte.",
    ),
    _tr(
        "delivery-delay",
        "es",
        "Retraso en la entrega",
        "where_is_my_order",
        "Sentimos que el pedido {{ order_id }} esté tardando más de lo previsto. Según el "
        "seguimiento del paquete ({{ carrier }}, {{ tracking_number }}), se ha producido un "
        "retraso en la empresa de transporte y ahora la entrega está prevista, como muy "
        "tarde, para el {{ delivery_date }}.",
        "Seguimos el envío de cerca. Si el {{ delivery_date }} aún no lo ha recibido, avísenos "
        "y le enviaremos un artículo de sustitución o le reembolsaremos el pedido, como "
        "prefiera.",
    ),
    _tr(
        "return-instructions",
        "es",
        "Instrucciones de devolución",
        "return_request",
        "Gracias por avisarnos. Puede devolver el artículo {{ product }} del pedido "
        "{{ order_id }} hasta el {{ return_window_end }}. Para ello, vaya a Mis pedidos en "
        "Amazon, seleccione este pedido e inicie la devolución. Amazon le facilitará la "
        "etiqueta de devolución y los puntos de entrega disponibles.",
        "Le rogamos que embale bien el artículo, a ser posible en su embalaje original. En "
        "cuanto lo recibamos, tramitaremos el reembolso en un plazo de dos días hábiles.",
    ),
    _tr(
        "refund-issued",
        "es",
        "Reembolso realizado",
        "refund_request",
        "Hemos tramitado el reembolso del pedido {{ order_id }} ({{ product }}). Amazon le "
        "enviará una confirmación y, normalmente, el importe vuelve a su método de pago "
        "original en un plazo de tres a cinco días hábiles, según su banco.",
        "Lamentamos que este pedido no haya salido como esperaba. Si ve algo incorrecto en el "
        "reembolso, responda a este mensaje.",
    ),
    _tr(
        "damaged-or-defective",
        "es",
        "Artículo dañado o defectuoso",
        "damaged_or_defective",
        "Lamentamos mucho que el artículo {{ product }} de su pedido {{ order_id }} haya "
        "llegado dañado o no funcione correctamente. Para poder solucionarlo cuanto antes, "
        "¿podría adjuntar a su respuesta una o dos fotos del artículo (y de la caja, si también "
        "llegó dañada) y contarnos qué ocurre?",
        "En cuanto las recibamos, le enviaremos un artículo de sustitución o le "
        "reembolsaremos el importe completo, como prefiera. La devolución, si hace falta, no "
        "le costará nada.",
    ),
    _tr(
        "wrong-item",
        "es",
        "Artículo equivocado",
        "wrong_item",
        "Sentimos que haya recibido un artículo equivocado en el pedido {{ order_id }}. "
        "Debería haber recibido {{ product }} (ASIN {{ asin }}). Hoy mismo le enviamos el "
        "artículo correcto y le escribiremos con el número de seguimiento en cuanto salga.",
        "Para devolvernos el artículo que recibió por error, solicite una devolución en Mis "
        "pedidos e indique como motivo que se envió un artículo equivocado; así la etiqueta "
        "de devolución correrá de nuestra cuenta.",
    ),
    _tr(
        "cancellation-confirmed",
        "es",
        "Cancelación confirmada",
        "cancel_order",
        "Tal como nos pidió, hemos cancelado el pedido {{ order_id }}. No se le ha cobrado "
        "nada; si en su cuenta aparece un cargo pendiente, su banco lo liberará en unos días "
        "hábiles.",
        "Si canceló por alguna duda sobre {{ product }}, responda a este mensaje y se la "
        "resolveremos con mucho gusto.",
    ),
]

_ITALIAN = [
    _tr(
        "where-is-my-order",
        "it",
        "Stato della spedizione",
        "where_is_my_order",
        "grazie per il Suo messaggio sull’ordine {{ order_id }} ({{ product }}). Il pacco è "
        "stato spedito con {{ carrier }} con il numero di tracciamento {{ tracking_number }} e "
        "dovrebbe esserLe consegnato entro il {{ delivery_date }}. Può seguire la spedizione "
        "in qualsiasi momento da I miei ordini su Amazon.",
        "Se entro quella data non fosse ancora arrivato, risponda pure a questo messaggio: "
        "verificheremo subito con il corriere.",
    ),
    _tr(
        "delivery-delay",
        "it",
        "Ritardo nella consegna",
        "where_is_my_order",
        "ci dispiace che l’ordine {{ order_id }} stia impiegando più tempo del previsto. Il "
        "tracciamento del pacco ({{ carrier }}, {{ tracking_number }}) indica un ritardo da "
        "parte del corriere; la consegna è ora prevista entro il {{ delivery_date }}.",
        "Stiamo seguendo la spedizione da vicino. Se entro il {{ delivery_date }} non l’avesse "
        "ancora ricevuta, ce lo faccia sapere: Le invieremo un articolo sostitutivo oppure Le "
        "rimborseremo l’ordine, come preferisce.",
    ),
    _tr(
        "return-instructions",
        "it",
        "Istruzioni per il reso",
        "return_request",
        "grazie per avercelo segnalato. Può restituire l’articolo {{ product }} dell’ordine "
        "{{ order_id }} fino al {{ return_window_end }}. Per farlo, vada su I miei ordini su "
        "Amazon, selezioni questo ordine e avvii il reso. Amazon Le fornirà l’etichetta di "
        "reso e le opzioni di consegna del pacco.",
        "La preghiamo di imballare bene l’articolo, possibilmente nella confezione originale. "
        "Appena lo avremo ricevuto, effettueremo il rimborso entro due giorni lavorativi.",
    ),
    _tr(
        "refund-issued",
        "it",
        "Rimborso effettuato",
        "refund_request",
        "abbiamo effettuato il rimborso per l’ordine {{ order_id }} ({{ product }}). Amazon Le "
        "invierà una conferma e di solito l’importo torna sul metodo di pagamento originale "
        "entro tre-cinque giorni lavorativi, a seconda della banca.",
        "Ci dispiace che questo ordine non sia andato come sperava. Se qualcosa nel rimborso "
        "non Le sembra corretto, risponda pure a questo messaggio.",
    ),
    _tr(
        "damaged-or-defective",
        "it",
        "Articolo danneggiato o difettoso",
        "damaged_or_defective",
        "siamo davvero spiacenti che l’articolo {{ product }} del Suo ordine {{ order_id }} sia "
        "arrivato danneggiato o non funzioni correttamente. Per risolvere rapidamente, "
        "potrebbe allegare alla Sua risposta una o due foto dell’articolo (e della scatola, se "
        "anche questa era danneggiata) e descriverci il problema?",
        "Appena le avremo ricevute, Le invieremo un articolo sostitutivo oppure Le "
        "rimborseremo l’intero importo, come preferisce. L’eventuale reso non Le costerà "
        "nulla.",
    ),
    _tr(
        "wrong-item",
        "it",
        "Articolo sbagliato",
        "wrong_item",
        "ci dispiace che con l’ordine {{ order_id }} abbia ricevuto un articolo sbagliato. "
        "Avrebbe dovuto ricevere {{ product }} (ASIN {{ asin }}). Le spediamo l’articolo "
        "corretto oggi stesso e Le scriveremo con il numero di tracciamento non appena partirà.",
        "Per restituirci l’articolo ricevuto per errore, richieda un reso da I miei ordini "
        "indicando come motivo che è stato spedito un articolo sbagliato: in questo modo "
        "l’etichetta di reso sarà a nostro carico.",
    ),
    _tr(
        "cancellation-confirmed",
        "it",
        "Annullamento confermato",
        "cancel_order",
        "come da Sua richiesta, abbiamo annullato l’ordine {{ order_id }}. Non Le è stato "
        "addebitato nulla; se sul Suo conto compare un importo in sospeso, la banca lo "
        "sbloccherà entro pochi giorni lavorativi.",
        "Se ha annullato per un dubbio su {{ product }}, risponda pure a questo messaggio: "
        "saremo lieti di aiutarLa.",
    ),
]

TRANSLATED_TEMPLATES: list[dict[str, str]] = _GERMAN + _FRENCH + _SPANISH + _ITALIAN
