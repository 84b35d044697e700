"""Spanish cues."""

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
    "el la los las y que no es un una mi mis por para pero gracias hola lo me se del con "
    "esta está muy pedido todavia todavía aun aún ya he ha han hace favor buenos buenas "
    "dias días tardes saludos usted ustedes su sus nada cuando cuándo donde dónde como "
    "cómo porque tengo estoy quiero puedo pueden podrian podrían le les al fue sin "
    "también desde hasta hay tiene tienen están semana mes producto caja qué cuánto "
    "solo dos tres vez lugar otro otra nuevo nueva en este ese esa eso todo toda de"
)

NEGATION = Negation(
    negators=words("no ni nunca nada sin ningun ninguna ninguno tampoco jamas"),
    avoid=words("evitar"),
    transparent=words(
        "esta estan es son era estaba ha han he hemos sido estado lo la los las le les el "
        "un una me se te nos que muy para hacer"
    ),
    wish=words(
        "quiero queria quisiera queremos necesito necesitamos tengo tener tenga deba deber "
        "debo gustaria prefiero"
    ),
    boundaries=words("pero sino aunque solo simplemente"),
)

_NEG = r"(?:no|aun no|todavia no|sigue sin|sin|nunca)"
_GOODS = r"(?:pedido|paquete|envio|producto|articulo|compra|orden)"

CUES = table(
    {
        WHERE: [
            (3, rf"donde (?:esta|estan|anda|queda) (?:mi|el|mis|la) (?:\w+ )?{_GOODS}"),
            (
                3,
                rf"{_NEG}\W+(?:\w+\W+){{0,3}}?(?:llegado|llega|llegar|llego|recibido|recibo|"
                r"entregado|enviado|enviar|enviarlo|aparece|mueve|movido)\b",
            ),
            (
                2,
                r"seguimiento|tracking|numero de envio|seur|mrw|nacex|transportista|"
                r"correos express|(?:por|con|de|en|a) correos\b",
            ),
            (1, r"agencia de transporte|mensajero|repartidor"),
            (
                3,
                r"cuando\W+(?:\w+\W+){0,4}?(?:llega\w*|envia\w*|envian|mandan|recibir\w*|"
                r"entrega\w*|sale)",
            ),
            (
                2.5,
                r"ya (?:\w+ )?(?:han )?(?:enviado|despachado|mandado)|lo han enviado|"
                r"ha sido enviado|ha salido|despach\w*",
            ),
            (3, r"ya (?:ha )?salio|estado (?:de|del) (?:mi )?pedido|que pasa con (?:mi|el) pedido"),
            (2.5, r"(?:dice|figura como|marcado como|aparece como) entregado|entregado pero"),
            (2.5, r"perdido|se ha perdido|aduana|atascado|parado|todavia nada|aun nada"),
            (2, r"fecha (?:estimada|de entrega|prevista)|plazo de entrega|retras\w*|tarda\w*"),
            (
                2,
                r"urgente|antes del? (?:viernes|sabado|lunes|martes|miercoles|jueves|domingo|"
                r"\d+)|mas rapido|express|confirmacion de envio",
            ),
            (1, r"entrega\b|envio\b"),
            (
                3,
                r"(?:seguimiento|numero de (?:seguimiento|envio)|(?:enlace|codigo) de seguimiento)"
                r"\W+(?:\w+\W+){0,3}?no funciona",
            ),
        ],
        RETURN: [
            (
                3,
                r"devolver\w*|devolucion\w*|etiqueta de devolucion|gastos de devolucion|"
                r"politica de devoluciones|cambiar(?:lo|la)? por (?:una|otra|uno|otro) "
                r"(?:talla|color|tamano)|cambio de talla|desistimiento",
            ),
            (2, r"devol\w*|devuelv\w*"),
            (1, r"sin abrir|sin usar|no me (?:gusta|convence|queda)|precintado"),
            (
                1.5,
                r"devolvi\b|he devuelto|ya (?:lo )?devolvi|(?:recibieron|recibido|tienen|llego) "
                r"(?:la|mi|el) (?:devolucion|paquete devuelto)",
            ),
        ],
        REFUND: [
            (3, r"reembols\w*|reintegr\w*|mi dinero|el dinero|dinero de vuelta"),
            (
                3.5,
                r"(?:devol|devuelv)\w*\W+(?:\w+\W+){0,3}?(?:dinero|importe|cargo|cobro|pago|"
                r"diferencia|"
                r"resto)|"
                r"(?:dinero|importe)\W+(?:\w+\W+){0,2}?devuel\w*",
            ),
            (4, r"reembolso parcial|me quedo (?:el|con el) producto"),
            (
                3,
                r"cobrado dos veces|cobraron dos veces|(?:cobro|cargo) duplicado|"
                r"doble (?:cobro|cargo)|me (?:han )?cobrado|me cobraron|cobraron|la diferencia|"
                r"cupon",
            ),
            (4, r"cancel\w*\W+(?:\w+\W+){0,5}?(?:cobrad\w*|cobraron|cobro|cargo)"),
            (3.5, r"faltan \d+(?:[.,]\d+)? ?(?:€|eur\w*)"),
            (4, rf"{_NEG}\W+(?:\w+\W+){{0,3}}?recibido (?:\w+ )?reembolso"),
            (2.5, r"(?:gastos de )?envio (?:\w+ ){0,2}?gratis"),
        ],
        DAMAGED: [
            (
                3,
                r"rot[oa]s?\b|rompi\w*|romp\w*|quebrad\w*|rajad\w*|agrietad\w*|grieta\w*|fisura\w*|"
                r"danad\w*|"
                r"defectuos\w*|defecto|averiad\w*|aplastad\w*|abollad\w*|desconch\w*|"
                r"pierde agua|gotea|fuga|descosid\w*|despegad\w*|en pedazos|hech[oa] pedazos|"
                r"mojad\w*|empapad\w*|estropead\w*|parpade\w*|quemad\w*|mala calidad",
            ),
            (2, r"rayad\w*|aranazo\w*|manchad\w*"),
            (3, r"mal estado|caducad\w*"),
            (
                3,
                r"no (?:\w+ )?(?:funciona|enciende|carga|arranca|suena|se oye)|"
                r"dejo de funcionar|ha dejado de funcionar|se apaga|se desconecta",
            ),
            (1, r"calidad|cambiarlo|sustitu\w*|uno nuevo|otro nuevo"),
        ],
        WRONG: [
            (
                3,
                r"equivocad\w*|erroneo|incorrect\w*|no es (?:lo|el|la) que (?:pedi|he pedido|"
                r"compre|encargue)|no corresponde",
            ),
            (3, r"falta\w*|faltan"),
            (1.5, r"en (?:vez|lugar) de"),
            (2, r"como (?:lo )?pedi\b|como (?:habia )?pedido"),
            (
                3,
                r"no (?:venia|venian|traia|incluia|incluye|trae|traen|vienen|viene) "
                r"(?:el|la|los|las)",
            ),
            (
                3,
                r"(?:llego|llegado|recibi|enviaron|mandaron)\W+(?:\w+\W+){0,4}?en (?:vez|lugar) de",
            ),
            (
                3,
                r"pedi\b(?:(?!no\b|nunca|todavia|aun)[^.!?\n]){0,40}\b(?:me (?:ha )?llega\w*|"
                r"recibi|llego|me enviaron|me mandaron)",
                LOOSE,
            ),
            (
                3,
                r"solo (?:venia|venian|habia|hay|traia|trae|llegaron|llego|vino|vinieron)|"
                r"caja vacia|paquete vacio|vacio",
            ),
        ],
        CANCEL: [
            (3, r"cancel\w*|anul\w*"),
            (0, r"(?:cancelaron|han cancelado|ha sido cancelado|fue cancelado)"),
            (0, r"(?:pedido|articulo|compra) cancelad[oa]s?"),
            (3, r"no (?:me )?(?:lo |la )?(?:envien|manden)"),
            (1.5, r"(?:lo )?pedi por error|por error|sin querer|dos veces"),
        ],
        CHANGE: [
            (
                3,
                r"(?:cambi|modific|correg|corrij|"
                r"actualiz)\w*(?<!lo)(?<!la)\W+(?:\w+\W+){0,2}?(?:direccion|"
                r"talla|color|cantidad|modelo|codigo postal|tamano)",
            ),
            (
                3,
                r"(?:direccion|talla|color|cantidad|codigo postal)\W+(?:\w+\W+){0,3}?"
                r"(?:cambi|modific|correg|corrij)\w*",
            ),
            (3, r"me equivoque (?:en|con|al)\b|me equivoque de (?:direccion|piso|numero|calle)"),
            # The buyer's own mistake: the verb (cancelar, devolver) decides.
            (1.5, r"me equivoque de\b|me he equivocado(?: de| al| con| en)?\b"),
            (3, r"recibir (?:\w+ ){0,4}?en (?:vez|lugar)"),
            (3, r"(?:direccion|codigo postal|cp|numero|piso)\W+(?:\w+\W+){0,2}?mal\b"),
            (2.5, r"pago la diferencia"),
            (1.5, r"correg\w*|corrij\w*"),
            (
                2.5,
                r"direccion (?:correcta|nueva|es\b)|nueva direccion|en lugar de a casa|"
                r"a mi (?:oficina|trabajo)|a casa de|envi\w*lo a|anad\w*|piso y (?:la )?puerta|"
                r"\d+ en (?:vez|lugar) de \d+|(?:cambiar|cambio) el de",
            ),
        ],
        PRODUCT: [
            (3, r"compatib\w*"),
            (
                2.5,
                r"medidas|dimensiones|cuanto (?:mide|pesa|dura|tarda en cargar)|lavavajillas|"
                r"microondas|impermeable|de que (?:material|esta hecho)|diferencia entre|"
                r"se puede (?:usar|lavar|meter|poner)|tienen (?:este|esta|el|la|otro|otra)|"
                r"lo tienen en|viene en|hay en",
            ),
            (1.5, r"material|garantia|pilas|bateria|autonomia|vatios|voltaje|enchufe|adaptador"),
            (
                3,
                r"como (?:se|lo|la|puedo|hago para) (?:configur|empare|conect|us|instal|"
                r"mont|ajust|limpi|carg|pon|program|enciend)\w*",
            ),
            (1.5, r"instrucciones|manual|alergi\w*|niquel|exterior|lluvia|incluye"),
            (2, r"original|imitacion|falso"),
            (2.5, r"sirve para|vale para|que talla|(?:es|son) (?:\w+ )?(?:apto|apta|aptos)"),
        ],
        INVOICE: [
            (4, r"factur\w*"),
            (3, r"iva\b|nif\b|cif\b|recibo|justificante|comprobante|datos fiscales"),
            (0, r"facturado dos veces"),
        ],
        THANKS: [
            (1.5, r"gracias|agradec\w*"),
            (
                2,
                r"todo (?:bien|perfecto|ok|correcto|solucionado|llego)|llego (?:hoy|bien|perfecto|"
                r"todo)|"
                r"servicio (?:de diez|excelente|genial|top|impecable)|"
                r"al final (?:llego|ha llegado)|en perfecto estado|olvidenlo|lo encontre|"
                r"ya (?:me )?(?:llego|ha llegado)",
            ),
            (1.5, r"recibido|perfecto|solucionado|genial"),
            (
                3.5,
                r"(?:llego|ha llegado|recibi|he recibido|recibido) (?:el )?reembolso|"
                r"reembolso recibido|gracias por el reembolso",
            ),
        ],
        OTHER: [
            (
                3,
                r"al por mayor|mayorista|por mayor|distribuid\w*|tienda pequena|mi tienda|"
                r"descuento para empresas|descuentos? por (?:volumen|cantidad)|"
                r"\d{2,} unidades|para empresas",
            ),
            (3.5, r"amazon business|cuenta (?:de )?empresa"),
            (3, r"tienda fisica|su (?:pagina )?web|abusiv\w*"),
            (3, r"colabor\w*|influencer|blogger|patrocin\w*"),
            (3, r"me equivoque de vendedor|vendedor equivocado|ignoren"),
            (3, r"lista de correo|darme de baja|no me escriban|saquenme"),
            (2.5, r"resena|opinion|valoracion"),
            (
                2.5,
                r"precio\W+(?:\w+\W+){0,4}?(?:subido|caro|alto|doble)|(?:muy|tan|demasiado|"
                r"mas) caro|"
                r"abuso|estafa|la mitad",
            ),
            (
                3.5,
                r"no se por que (?:\w+ ){0,2}?recib\w*(?: \w+)?|no se por que|no les he escrito|"
                r"por que (?:\w+ )?recibo",
            ),
            (1.5, r"empresa\w*"),
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
                r"(?:alguna|hay|tienen|alguna otra) (?:novedad|novedades|noticia|noticias)|"
                r"novedades|(?:sigo )?sin (?:respuesta|noticias)|no (?:he )?(?:recibido|tenido) "
                r"(?:ninguna )?respuesta|sigo esperando (?:una |su |vuestra )?respuesta|"
                r"(?:les|os) escribi|(?:ver|vean) (?:el )?(?:mensaje )?(?:de )?abajo|"
                r"en relacion (?:a|con) mi (?:anterior|ultimo) (?:mensaje|correo)",
            ),
        ],
        NEUTRAL: [
            # "cancelé antes del envío": told, not asked.
            (0, r"(?:ya )?cancele\b|(?:ya )?he cancelado"),
            # Something the buyer has: "ya me llegó la factura por email".
            (
                0,
                r"(?:ya )?(?:me )?(?:llego|ha llegado|recibi|he recibido|tengo) (?:la|una|su) "
                r"(?:factura|recibo)(?: por (?:e-?mail|correo|mail))?",
            ),
            # A website or link that fails is not a defective product.
            (
                0,
                r"(?:web|pagina|pagina web|sitio|aplicacion|app|portal|enlace|link|codigo qr)\W+"
                r"(?:\w+\W+){0,5}?"
                r"no (?:carga|funciona|abre|se abre|va)\b",
            ),
        ],
        WHERE: [
            (2.5, r"(?:anunciad[oa]|previst[oa]|prometid[oa]) (?:para|el)\b"),
            (
                3,
                r"(?:les )?(?:fue|ha sido) devuelto|devuelto al remitente|volver a enviar\w*|"
                r"reenviar\w*|lleg\w* (?:a tiempo|antes de)",
            ),
            # "… pero el paquete no": the thing that did not come.
            (3, rf"pero (?:el|la|mi|los|las|mis) (?:\w+ )?{_GOODS} no\b"),
            (2.5, r"donde (?:esta|estan|anda|se encuentra)\b"),
            (3, r"(?:salido|salio) (?:de|del) (?:\w+ )?almacen"),
            (
                3,
                r"direccion no encontrada|no (?:han podido|pudieron|pudo|ha podido) entregar\w*|"
                r"intento de entrega|destinatario (?:desconocido|ausente)",
            ),
            (2, r"(?:mi )?direccion (?:esta bien|es correcta)"),
            (
                2.5,
                r"lleg\w* a tiempo|(?:lo |la )?necesito para (?:el )?(?:viernes|lunes|martes|"
                r"miercoles|jueves|sabado|domingo|dia \d+|navidad)",
            ),
        ],
        RETURN: [
            # A return handed in: the refund is what is asked.
            (1.5, r"(?:entregue|deje|lleve|envie) (?:la |mi )?devolucion"),
            (
                3,
                r"cambiar (?:el|la|los|las) \w+ por (?:otra|otro|una|un) (?:\w+ )?(?:talla|color|"
                r"tamano|numero|modelo)",
            ),
            (
                1,
                r"me queda (?:demasiado |muy )?(?:ajustad|apretad|estrech|grande|pequen|larg|"
                r"cort)\w*",
            ),
            # A return that has arrived: the refund is what is asked.
            (
                1.5,
                r"(?:la |mi )?devolucion (?:\w+ ){0,3}?(?:se (?:les|le) entrego|fue entregada|ha "
                r"sido entregada|ha llegado|llego|recibida)",
            ),
            (
                3,
                r"cambiar(?:lo|la|los|las) por (?:una|otra|uno|otro|la|el) (?:\w+ )?(?:talla|"
                r"color|tamano|numero|modelo)\w*",
            ),
        ],
        REFUND: [
            (3.5, r"(?:he pagado|pague|me (?:han )?cobrado|cobraron) (?:\w+ )?dos veces"),
            (
                3,
                r"(?:no tengo|sin|no he recibido|no me ha llegado|no veo) (?:todavia |"
                r"aun )?(?:el |mi )?"
                r"dinero",
            ),
            (3.5, r"reembolso (?:\w+ )?(?:sigue|esta|continua) pendiente|pendiente de reembolso"),
            # Money that has not come back, or only part of it.
            (
                3,
                r"(?:nada|no veo nada|sin ver nada|no (?:me )?ha llegado nada) (?:\w+ ){0,3}?"
                r"(?:en|a) (?:mi|la) (?:cuenta|tarjeta)|(?:cuenta|tarjeta)\W+(?:\w+\W+){0,3}?"
                r"(?:nada|no (?:aparece|veo|hay))|no (?:me )?(?:han |ha )?(?:sido )?abonad\w*",
            ),
            (
                3.5,
                r"(?:solo|solamente) (?:me )?(?:han |ha )?(?:devuelto|reembolsado|abonado) "
                r"\d+|el resto (?:del (?:dinero|importe|pago))?|la parte que falta",
            ),
            # "me facturaron" (charged) is not an invoice request.
            (3, r"me (?:han |ha )?facturad\w*|me facturaron|facturad\w* de mas"),
        ],
        DAMAGED: [
            # Parts that do not go together.
            (
                2.5,
                r"(?:tornillos|agujeros|piezas) (?:\w+ )?no (?:encajan|entran|coinciden)|"
                r"doblad[oa]s?\b",
            ),
            (
                3,
                r"ruido de fondo|chisporrote\w*|zumbido|hacen? (?:mucho |un )?ruido|distorsion\w*",
            ),
            (3, r"(?:se (?:esta |estan )?)?deshaciendo|se deshace|se descose|se deshilacha\w*"),
            (3, r"salta (?:el |los )?(?:diferencial|automatico|fusible|plomos)"),
            # Fine at first, then not: a defect that came with use.
            (2, r"al principio (?:todo )?(?:iba|funcionaba|estaba)"),
            # How a product fails in use: se atasca, pierde potencia, se calienta, huele mal.
            (
                3,
                r"se (?:atasca|traba|engancha)|trabad[oa]|pierde (?:\w+ )?(?:potencia|succion|"
                r"presion|fuerza|aire)|se calienta (?:mucho|muchisimo|demasiado|un monton)|"
                r"sobrecalienta\w*|huele (?:\w+ )?(?:mal|raro|a quemado|a plastico|fatal)|apesta|"
                r"se ha separado|separad[oa]|rancio|se cuelga|se reinicia|mensaje de error|"
                r"codigo de error|parpadea|vibra (?:mucho|demasiado)|chirria|"
                r"casi no (?:se )?(?:abre|cierra|funciona|enciende|carga|gira|aspira)|"
                r"apenas (?:se )?(?:abre|cierra|funciona|enciende|carga|gira|aspira)",
            ),
            (
                3,
                r"(?:lineas|rayas|franjas) (?:\w+ )?en la pantalla|"
                r"pantalla\W+(?:\w+\W+){0,3}?(?:lineas|rayas|franjas)",
            ),
            (3, r"se (?:para|apaga|detiene) (?:sol[oa]|de repente|al rato|despues de)"),
            # A defect told by its symptom.
            (
                3,
                r"pixele?s? muertos?|(?:ni|sin|no (?:tiene|da|hace|sale)) (?:\w+ )?(?:luz|ruido|"
                r"sonido|imagen|senal|aire|corriente)\b|no es normal|"
                r"no (?:calienta|enfria|aspira|gira|se enciende|se calienta|responde)|"
                r"hace (?:un )?(?:ruido|sonido) (?:raro|extrano|fuerte)|"
                r"(?:enchufe|enchufo|conecte|encendi|encendio|puse)\w* y (?:nada|no)\b",
            ),
            # Vague: also said of a product used the wrong way.
            (1.5, r"no (?:hace|pasa) nada"),
            (1.5, r"(?:enviarme|mandarme|envien|manden) (?:un|una) (?:nuevo|nueva|otro|otra)\b"),
            # A part that came off or split.
            (
                3,
                r"se (?:ha )?(?:soltado|solto|despego|descosi\w*|desprendi\w*|salido|roto|"
                r"abierto la costura|abrio la costura)|(?:costura|cremallera|asa|suela|correa)"
                r"\W+(?:\w+\W+){0,2}?(?:se (?:ha )?(?:abierto|abrio|solto|soltado|rompio|roto))",
            ),
            (
                3,
                r"(?:pantalla|display|monitor)\W+(?:\w+\W+){0,2}?(?:se queda|queda|sigue|esta) "
                r"(?:en )?(?:negr[oa]|apagad[oa]|en blanco)|pantalla (?:negra|en negro)",
            ),
            (
                3,
                r"se (?:ha )?destin\w*|destenid\w*|decolor\w*|encogi\w*|(?:solo|apenas) dura \d+|"
                r"dura solo \d+|"
                r"se descarga (?:muy )?(?:rapido|enseguida)",
            ),
            (3, r"se (?:ha )?(?:partido|partio)|partid[oa] en (?:dos|pedazos)"),
            (
                3,
                r"hinchad\w*|cojea|(?:mas|muy) cort[oa] que|(?:ya )?no cierra\w*|torcid\w*",
            ),
        ],
        WRONG: [
            (3, r"dos (?:\w+ )?(?:izquierd|derech)[oa]s\b"),
            # "Ordered: size 40. Received: size 44."
            (
                3,
                r"(?:pedido|pedi|encargado) ?:[^\n]{1,40}?[.;,\n] *(?:recibido|recibi|llegado|"
                r"llego|enviado) ?:",
                LOOSE,
            ),
            # A count that came against a count that was sold.
            (
                3,
                r"(?:recibi|llegaron|me llegaron|vinieron|venian) (?:solo |solamente )?\d+ "
                r"(?:unidades|piezas|articulos|botellas|pares|rollos)",
            ),
            (2, r"(?:anuncio|descripcion|ficha)\W+(?:\w+\W+){0,2}?(?:pack|lote|paquete) de \d+"),
            (
                3,
                r"(?:aunque|mientras que) (?:yo )?(?:pedi|habia pedido|compre|encargue)\b|"
                r"(?:yo )?lo (?:pedi|habia pedido) en (?:ingles|espanol|castellano|aleman|frances|"
                r"italiano|negro|blanco|rojo|azul|verde|gris|rosa|talla)\b",
            ),
            (
                3,
                r"(?:pedido|paquete) de otra persona|no es mi pedido",
            ),
            # A different thing than the one ordered or shown.
            (
                3,
                r"(?:modelo|producto|articulo|talla|color|marca|version) (?:\w+ )?(?:distint[oa]|"
                r"diferente)\w*|(?:otro|otra) (?:modelo|producto|articulo|marca|version) "
                r"(?:distint[oa] )?(?:que|al|del)",
            ),
            # "X en vez de Y", "no venía en la caja", "pero yo pedí".
            (
                3,
                r"en (?:vez|lugar) (?:de|del)\b[^.!?\n]{0,40}?\b(?:me (?:han |ha )?"
                r"(?:llegado|enviado|mandado|llego)|recibi|llego|me enviaron|me mandaron)",
                LOOSE,
            ),
            (
                3,
                r"pedi\b(?:(?!no\b|nunca|todavia|aun)[^.!?\n]){0,40}\b(?:me (?:han|ha) "
                r"(?:mandado|enviado|llegado)|me vino|vino)\b",
                LOOSE,
            ),
            (
                3,
                r"no es (?:el|la|lo) (?:\w+ )?que (?:pedi|he pedido|compre|encargue)|"
                r"no (?:venia|venian|estaba|estaban|vino|vinieron|viene|vienen) (?:\w+ )?"
                r"(?:en|dentro de) (?:la caja|el paquete|el envio)|no (?:venia|viene) incluid\w*",
            ),
            (
                2.5,
                r"pero (?:yo )?(?:pedi|habia pedido|compre|encargue)\b(?! hace| el \d| hace)",
            ),
            (1.5, r"(?:segun|como (?:dice|indica)) (?:la descripcion|el anuncio)"),
            (3, r"(?:solo|solamente) (?:una|un|uno) (?:pieza|unidad)|una sola (?:pieza|unidad)"),
            (
                2.5,
                r"(?:la )?etiqueta (?:pone|dice|indica) (?:talla )?(?:xxs|xs|s|m|l|xl|xxl|xxxl|"
                r"\d+\w{0,2})\b|y yo (?:pedi|habia pedido)\b",
            ),
            # What came, then what was ordered: "En el paquete venía un ratón. Yo había
            # pedido un teclado."
            (
                3,
                r"(?:recibi|llego|enviaron|mandaron|venia|habia|vino|enviado|mandado|llegado)\b"
                r"(?:(?!no\b|nunca\b)[^\n]){1,60}?\b(?:(?:yo )?(?:habia|he) pedido|pedi|pague|"
                r"encargue)\b(?! hace| el \d)",
                LOOSE,
            ),
            # "Es la versión con enchufe europeo, yo pedí la de Reino Unido."
            (
                3,
                r"es (?:la|el|un|una)\b[^.!?\n]{1,50}?[,;-] ?(?:pero )?(?:yo )?(?:pedi|habia "
                r"pedido|he pedido)\b",
                LOOSE,
            ),
            (
                3,
                r"(?:articulo|producto) usado|(?:ya )?(?:ha sido |estaba )?usado\b|de segunda mano|"
                r"(?:precinto|sello|embalaje) (?:estaba |esta )?(?:roto|abierto|despegado)",
            ),
        ],
        CHANGE: [
            # The carrier chosen for an order not yet shipped.
            (
                3,
                r"(?:enviar|mandar|enviad|envien|manden)\w* (?:con|por|mediante) (?:mrw|seur|"
                r"correos|nacex|gls|dhl|ups|ctt)",
            ),
            (3, r"(?:pasar|cambiar|mover|trasladar) (?:la )?entrega (?:al|a|para)"),
            # A typo in the address, and the right value.
            (
                3,
                r"(?:error|errata|fallo) (?:\w+ )?en (?:mi |la |el )?(?:direccion|codigo postal|cp|"
                r"numero|nombre|calle)",
            ),
            (2, r"\d+\w*,? (?:y )?no (?:el )?\d+\w*"),
            # Parts of an address that are missing or to be added: not a missing item.
            (
                3,
                r"falta\w* (?:\w+ ){0,3}?(?:piso|puerta|numero|portal|escalera|bloque|"
                r"codigo postal|direccion|letra)\b|(?:direccion|etiqueta)\W+(?:\w+\W+){0,3}?"
                r"(?:falta|incomplet\w*)",
            ),
            (
                3,
                r"cambiar\w* (?:\w+ ){0,3}?antes de (?:enviar|enviarlo|enviarla|mandar|que "
                r"(?:lo |la )?(?:envien|salga))",
            ),
            (1.5, r"antes de (?:enviar|enviarlo|enviarla|mandarlo|mandarla|que salga)"),
            (2, r"pero necesito (?:la|el|una|un)\b"),
            (
                3,
                r"(?:tener|recibir|cambiarlo por|cambiarla por) (?:\w+ ){0,4}?en (?:vez|lugar)",
            ),
            # The buyer's own wrong choice: the verb (cancelar, devolver) decides.
            (
                1.5,
                r"(?:pedi|compre|elegi|seleccione) (?:el|la) (?:\w+ )?equivocad\w*|"
                r"culpa mia|error mio",
            ),
            (
                2.5,
                r"(?:(?:al final )?prefier\w* (?:la|el|los|las|una|un)\b|preferiria)(?! (?:\w+ )?"
                r"(?:reembolso|dinero|devolucion|cambio))",
            ),
            (1.5, r"todavia se puede|aun se puede|(?:es|sigue siendo) posible todavia"),
            (
                3,
                r"(?:retrasar|aplazar|posponer|cambiar|atrasar) (?:la )?(?:fecha de )?(?:entrega|"
                r"envio)",
            ),
            (2.5, r"papel de regalo|envolver\w* (?:para|como) regalo|envoltorio de regalo"),
            (2.5, r"portero automatico|telefonillo|timbre|(?:nombre|c/o) en el buzon"),
        ],
        PRODUCT: [
            (2.5, r"(?:valen|vale|sirven|sirve|encajan|encaja) (?:tambien )?(?:para|en|con)\b"),
            (
                2.5,
                r"antes de (?:comprar\w*|pedir\w*|hacer el pedido|encargar\w*)|"
                r"(?:aguanta|soporta|resiste)\w* (?:\w+ )?\d+|lavable|se puede lavar|"
                r"a que temperatura|(?:apto|apta|adecuad\w*) para|para (?:un |una )?"
                r"(?:nino|nina|bebe)\w*|piezas pequenas",
            ),
            (
                1.5,
                r"¿ ?(?:\w+ ){0,3}?(?:es|son|tiene|tienen|sirve|vale|lleva|trae|viene|incluye|"
                r"aguanta|soporta|se puede|funciona|cabe)\b[^.!?\n]{0,60}\?",
                LOOSE,
            ),
            (3, r"(?:puedo|podria) (?:usar|utilizar|lavar)\w*"),
            (
                2.5,
                r"vuelve a estar disponible|volvera a estar|(?:habra|tendran) (?:stock|"
                r"existencias)|"
                r"cuando (?:lo |la )?repon\w*",
            ),
        ],
        INVOICE: [
            (
                2,
                r"(?:mis )?gastos (?:de (?:empresa|trabajo|representacion))|nota de gastos|"
                r"declaracion de la renta",
            ),
        ],
        OTHER: [
            (3, r"blog\w*|periodista\w*|la prensa|entrevista\w*|encuesta|cuestionario"),
            (
                3,
                r"(?:comprar|pedir)(?:les)? directamente (?:a|con) ustedes|sin pasar por amazon|"
                r"fuera de amazon",
            ),
            (
                3.5,
                r"ampliar (?:la )?garantia|ampliacion de (?:la )?garantia|garantia (?:extendida|"
                r"ampliada)|registr\w* (?:\w+ ){0,4}?(?:producto|garantia)",
            ),
            (
                3.5,
                r"otro vendedor|competidor\w*|vend\w* (?:\w+ ){0,3}?(?:falsificaciones|"
                r"imitaciones|copias|falsos)|su marca|(?:en|de) (?:su|este) anuncio",
            ),
            (
                3.5,
                r"dejen de (?:mandar|enviar|escribir)\w*|no me (?:manden|envien|escriban) mas|"
                r"(?:correos|emails|mensajes) (?:pidiendo|pidiendome|para que)",
            ),
            (
                3,
                r"(?:son|es) (?:usted|ustedes) (?:el|la|un|una) (?:\w+ )?(?:fabricante|revendedor|"
                r"distribuidor)",
            ),
        ],
        CANCEL: [
            (3, r"retir(?:ar|en|ad) (?:mi|el) pedido"),
            (1, r"(?:he )?cambiado de (?:opinion|idea)|cambie de (?:opinion|idea)"),
            (3, r"(?:borr|elimin)(?:ar|en|ad) (?:el|mi|este) pedido"),
            (
                3.5,
                r"desist\w*\b[^.!?\n]{0,60}\bantes de (?:que (?:lo |la )?(?:envien|salga|manden)|"
                r"enviar|el envio)",
                LOOSE,
            ),
            (2.5, r"desistir del (?:pedido|compra)"),
            (3, r"(?:parar|detener|frenar) (?:mi |el )?pedido"),
            # No longer wanted: a cancellation only with nothing stronger.
            (1, r"ya no (?:lo |la )?(?:quiero|necesito)"),
        ],
    }
)
