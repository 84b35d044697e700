"""Spanish cues."""

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
    "el la los las y que no es un una mi mis por para pero gracias hola lo me se del con "
    "esta está muy pedido todavia todavía aun aún ya he ha han hace favor buenos buenas "
    "dias días tardes saludos usted ustedes su sus nada cuando cuándo donde dónde como "
    "cómo porque tengo estoy quiero puedo pueden podrian podrían le les al fue sin "
    "también desde hasta hay tiene tienen están semana mes producto caja qué cuánto"
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
            (2, r"seguimiento|tracking|numero de envio|correos|seur|mrw|nacex|transportista"),
            (1, r"agencia de transporte|mensajero|repartidor"),
            (
                3,
                r"cuando\W+(?:\w+\W+){0,4}?(?:llega\w*|envia\w*|envian|mandan|recibir\w*|"
                r"entrega\w*|sale)",
            ),
            (2.5, r"ya (?:\w+ )?(?:han )?enviado|lo han enviado|ha sido enviado|ha salido"),
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
            (3, r"(?:seguimiento|numero|enlace|codigo)\W+(?:\w+\W+){0,3}?no funciona"),
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
                r"devolvi\b|he devuelto|ya (?:lo )?devolvi|(?:recibieron|recibido|tienen) "
                r"la devolucion",
            ),
        ],
        REFUND: [
            (3, r"reembols\w*|reintegr\w*|mi dinero|el dinero|dinero de vuelta"),
            (
                3.5,
                r"(?:devol|devuelv)\w*\W+(?:\w+\W+){0,2}?(?:dinero|importe|cargo|cobro|pago)|"
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
                r"rot[oa]s?\b|rompi\w*|romp\w*|quebrad\w*|rajad\w*|agrietad\w*|danad\w*|"
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
            (3, r"no (?:me )?(?:lo |la )?(?:envien|manden)"),
            (1.5, r"(?:lo )?pedi por error|por error|sin querer|dos veces"),
        ],
        CHANGE: [
            (
                3,
                r"(?:cambi|modific|correg|corrij|actualiz)\w*\W+(?:\w+\W+){0,2}?(?:direccion|"
                r"talla|color|cantidad|modelo|codigo postal|tamano)",
            ),
            (
                3,
                r"(?:direccion|talla|color|cantidad|codigo postal)\W+(?:\w+\W+){0,3}?"
                r"(?:cambi|modific|correg|corrij)\w*",
            ),
            (3, r"me equivoque (?:en|con|de|al)\b"),
            (3, r"recibir (?:\w+ ){0,4}?en (?:vez|lugar)"),
            (3, r"(?:direccion|codigo postal|cp|numero|piso)\W+(?:\w+\W+){0,2}?mal\b"),
            (2.5, r"pago la diferencia"),
            (1.5, r"correg\w*|corrij\w*"),
            (
                2.5,
                r"direccion (?:correcta|nueva|es)|nueva direccion|en lugar de a casa|"
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
                r"todo (?:bien|perfecto|ok|correcto|solucionado)|llego (?:hoy|bien|perfecto)|"
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
                r"precio\W+(?:\w+\W+){0,4}?(?:subido|caro|alto|doble)|(?:muy|tan|demasiado) caro|"
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
