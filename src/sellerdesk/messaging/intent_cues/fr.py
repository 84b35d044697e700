"""French cues."""

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
    "je et le les ne pas est un une mon ma mes vous pour merci bonjour que qui il elle au "
    "du des ce avec svp toujours mais sur dans votre vos nous j'ai c'est n'ai n'est ai "
    "suis ça ca cette commande colis bonsoir cordialement madame monsieur s'il plait rien "
    "encore été ete aussi très tres d'un d'une l'article qu'il puis pouvez sont aux ont "
    "ces leur avez êtes fait peut bien où jour jours semaine mois produit boîte plus "
    "moins depuis chez sans sous pouvez-vous la de se sur après déjà très quand comme"
)

NEGATION = Negation(
    negators=words("pas ne n jamais rien aucun aucune sans ni"),
    avoid=words("eviter evite"),
    transparent=words(
        "je j il elle on le la les l un une des de d du est suis sont etait ete etre a ai "
        "as avons me m te se s y en lui leur vraiment tout ca c ce cela faire fais"
    ),
    wish=words(
        "veux voulais voudrais voulons souhaite souhaitais souhaiterais dois devoir devrai "
        "faut faudrait besoin envie avoir aimerais prefere prefererais"
    ),
    boundaries=words("mais cependant sinon juste seulement simplement"),
)

_NEG = r"(?:pas|jamais|rien|toujours pas|toujours rien|pas encore)"
_GOODS = r"(?:colis|commande|paquet|livraison|article|produit|achat|envoi)"

CUES = table(
    {
        WHERE: [
            (3, rf"ou (?:est|en est|se trouve|sont) (?:mon|ma|la|le|mes|l') ?(?:\w+ )?{_GOODS}"),
            (
                3,
                rf"{_NEG}\W+(?:\w+\W+){{0,2}}?(?:recu|arrive\w*|livre\w*|parvenu\w*|expedie\w*|"
                r"envoye\w*|eu\b|bouge\w*)",
            ),
            (3, r"ne m'est (?:toujours )?pas (?:encore )?parvenu\w*|rien recu"),
            (2, r"toujours (?:pas|rien)\b"),
            (2, r"suivi|tracking|colissimo|chronopost|mondial relay|transporteur|livreur"),
            (
                3,
                r"quand\W+(?:\w+\W+){0,5}?(?:expedie\w*|envoye\w*|livre\w*|arriv\w*|recevoir|"
                r"recevrai|parvien\w*)",
            ),
            (2.5, r"(?:indique|marque|note|affiche) (?:comme |en )?livre|livre mais"),
            (2.5, r"(?:bien |deja |a-t-elle |a t elle )(?:\w+ )?(?:ete )?expedie\w*"),
            (
                3,
                r"(?:est|soit) (?:bien |deja )?partie?\b|est-elle partie|"
                r"statut de (?:ma|la) commande",
            ),
            (2.5, r"perdu|bloque\w*|douane|ne bouge (?:plus|pas)|n'avance (?:plus|pas)"),
            (
                2,
                r"devait (?:arriver|etre livre\w*)|date de livraison|livraison prevue|retard\w*|"
                r"des nouvelles|confirmation d'expedition|avis de passage",
            ),
            (
                2,
                r"plus rapide\w*|express|urgent\w*|avant (?:le \d+|lundi|mardi|mercredi|jeudi|"
                r"vendredi|samedi|dimanche|noel)",
            ),
            (1, r"delai\w*|la poste|livraison"),
            (
                3,
                r"(?:suivi|numero de (?:suivi|colis)|(?:lien|code) de suivi)\W+(?:\w+\W+){0,3}?"
                r"(?:ne )?(?:fonctionne|marche) pas",
            ),
        ],
        RETURN: [
            (
                3,
                r"retourner|renvoyer|retournez|renvoie\w*|faire (?:un |le )?retour|etiquette|"
                r"frais de retour|politique de retour|retractation|me retracte|echanger|"
                r"echange\b|droit de retour",
            ),
            (2, r"retour\w*|renvoi\w*"),
            (
                1,
                r"emballage d'origine|jamais utilise\w*|ne (?:me )?convient pas|ne (?:me )?plait "
                r"pas|trop (?:petit|grand|large|serre|court|long)",
            ),
            (1.5, r"(?:j'ai|avons|ai) (?:deja )?(?:renvoye|retourne)"),
        ],
        REFUND: [
            (3, r"rembours\w*|(?:mon|ton|son|notre|votre|l'|d'|de l') ?argent\b"),
            (4, r"rembours\w* partiel\w*"),
            (
                3,
                r"debite\w* deux fois|deux fois|double (?:paiement|prelevement|debit)|"
                r"preleve\w*|debite\w*|la difference|code promo",
            ),
            (4, r"annul\w*\W+(?:\w+\W+){0,6}?(?:debite\w*|preleve\w*|facture\w*)"),
            (3.5, r"il manque \d+(?:[.,]\d+)? ?(?:€|eur\w*)"),
            (4, r"factur\w* (?:deux fois|2 fois|en double)"),
            (4, rf"{_NEG}\W+(?:\w+\W+){{0,2}}?recu (?:\w+ )?rembours\w*"),
            # "facturé" (charged) folds to "facture" (invoice): the verb form decides.
            (
                3,
                r"(?:ete|ont ete|m'a ete|avez|m'avez|a ete|m'a|m'ont|on m'a) (?:\w+ )?factur\w*|"
                r"factur\w* (?:\w+ )?\d+(?:[.,]\d+)? ?(?:€|eur\w*)",
            ),
            (
                2.5,
                r"frais de port\W+(?:\w+\W+){0,5}?(?:factur|debit|preleve|paye)\w*|"
                r"(?:livraison|port) (?:\w+ ){0,2}?(?:gratuit\w*|offert\w*)",
            ),
        ],
        DAMAGED: [
            (
                3,
                r"cass\w*|brise\w*|fissur\w*|fele\w*|fendu\w*|ebrech\w*|abim\w*|endommag\w*|"
                r"defectueu\w*|defaut|en panne|hs\b|hors service|fuit|fuite|tordu\w*|"
                r"dechir\w*|troue\w*|en morceaux|trempe\w*|mouille\w*|moisi\w*|lache\b|"
                r"decousu\w*|ecaill\w*|brule\w*|foutu\w*|inutilisable|ecrase\w*",
            ),
            (2, r"raye\w*|rayure\w*|tache\w*"),
            (3, r"(?:en )?mauvais etat|perime\w*"),
            (
                3,
                r"(?:ne|n')\W*(?:\w+\W+){0,2}?(?:fonctionne|marche|s'allume|allume|charge|"
                r"demarre)\w* (?:plus|pas)|aucun son|pas de son|s'eteint|clignot\w*|"
                r"se deconnecte|deconnect\w*|ne tient pas la charge",
            ),
            (1, r"qualite|remplacement|remplacer|echange standard"),
        ],
        WRONG: [
            (
                3,
                r"(?:mauvais|mauvaise)\W+(?:\w+\W+)?(?:article|produit|modele|taille|couleur|"
                r"colis|reference|commande|version|piece)|pas le bon|pas la bonne|"
                r"ne correspond pas|erreur de (?:taille|couleur|modele|produit|article)",
            ),
            (3, r"il manque|manqu\w*|incomplet\w*"),
            (
                3,
                r"(?:recu|contenait|contient|avait|y avait)\W+(?:\w+\W+){0,2}?qu'?(?:un|une|\d+|"
                r"deux|trois)\b|qu'un seul|qu'une seule",
            ),
            (3, r"(?:recu|livre|envoye)\W+(?:\w+\W+){0,4}?au lieu", LOOSE),
            (
                3,
                r"command\w*\b(?:(?!pas|jamais|toujours)[^.!?\n]){0,40}\b(?:recu|livre)\b",
                LOOSE,
            ),
            (1.5, r"au lieu (?:de|du|d')"),
            (3, r"colis vide|boite vide|carton vide|(?:colis|boite|carton) (?:etait )?vide"),
            (2.5, r"devai\w* contenir|j'en ai compte|comme commande"),
            (3, r"n'y avait (?:pas|ni) (?:le|la|les|de|d'|l')"),
        ],
        CANCEL: [
            (3, r"annul\w*"),
            (0, r"(?:vous avez|a ete|avez|ont) annule\w*"),
            (0, r"(?:commande|article|achat) annulee?s?"),
            (
                3,
                r"ne pas (?:l'|les |le |la )?(?:expedier|envoyer|livrer)|"
                r"n'(?:expediez|envoyez) pas|ne (?:l'|les |le |la )?(?:expediez|envoyez|"
                r"livrez) pas",
            ),
            (1.5, r"commande\w* (?:par erreur|deux fois)|passee par erreur|jamais commande"),
        ],
        CHANGE: [
            (
                3,
                r"(?:modifi|chang|corrig)\w*\W+(?:\w+\W+){0,3}?(?:adresse|taille|couleur|"
                r"quantite|modele|code postal)",
            ),
            (
                3,
                r"(?:adresse|taille|couleur|quantite|code postal)\W+(?:\w+\W+){0,3}?"
                r"(?:modifi|chang|corrig)\w*",
            ),
            (
                2.5,
                r"trompe\w* d'adresse|mauvaise adresse|mauvais code postal|erreur d'adresse|"
                r"nouvelle adresse|demenage\w*|point relais|plutot qu|chez (?:ma|mon|mes)\b|"
                r"a mon (?:bureau|travail)|code de la porte|digicode|etage",
            ),
            (2.5, r"\d+ au lieu de \d+|passer la quantite"),
            (3, r"recevoir (?:\w+ ){0,4}?au lieu"),
            (2, r"changer (?:le|la) \w+ (?:contre|pour)"),
            (1.5, r"ajouter|avant (?:l'envoi|l'expedition|expedition|qu'il (?:ne )?parte)"),
            (2.5, r"(?:je )?paie\w* la difference|payer la difference"),
        ],
        PRODUCT: [
            (3, r"compatib\w*"),
            (
                2.5,
                r"dimension\w*|mesure\w*|poids|lave-vaisselle|lave vaisselle|micro-ondes|"
                r"etanche|en quelle matiere|existe-t-il|existe t il|existe en|disponible en|"
                r"difference entre|est-ce qu'on peut|peut-on|on peut l'utiliser",
            ),
            (
                1.5,
                r"matiere|materiau|garantie|piles?\b|batterie|autonomie|puissance|watts?\b|"
                r"volts?\b",
            ),
            (
                3,
                r"comment (?:on |je |faire |utiliser |regler |installer |monter |brancher |"
                r"connecter |appairer |l'|le |la |ca )",
            ),
            (1.5, r"notice|mode d'emploi|allergi\w*|nickel|dehors|pluie|adaptateur|prise\b"),
            (2, r"original|contrefacon|copie\b|est-ce que (?:ce|ca|il|elle)|en stock"),
            (2, r"combien (?:de|d'|mesure|pese|dure)|quelle (?:est|taille|couleur|matiere)"),
        ],
        INVOICE: [
            (4, r"factur\w*"),
            (3, r"tva\b|numero de tva|recu fiscal|justificatif|siret"),
        ],
        THANKS: [
            (1.5, r"merci\w*|remerci\w*"),
            (
                2,
                r"bien (?:recu|arrive\w*|parvenu\w*)|arrive\w* en (?:bon|parfait) etat|"
                r"tout est (?:ok|bon|parfait|regle|en ordre)|finalement arrive\w*|"
                r"laissez tomber|c'est regle|retrouve\w*|au top|impeccable",
            ),
            (1.5, r"parfait\w*|super\b|nickel\b|bonne journee"),
            (
                3.5,
                r"rembours\w* (?:bien )?(?:recu|effectue|arrive)|(?:recu|bien recu) (?:le |mon )?"
                r"rembours\w*|merci pour le rembours\w*",
            ),
        ],
        OTHER: [
            (
                3,
                r"professionnel\w*|tarifs? (?:pro|de gros)|en gros|grossiste|revendeur|"
                r"(?:ma|notre) boutique|(?:mon|notre) magasin|remise (?:quantite|volume)|"
                r"\d{2,} (?:unites|pieces)|(?:avez-vous|vous avez) (?:une|un|des) (?:boutique|"
                r"magasin)\w*|(?:une|votre) boutique (?:a|en|physique)|(?:un|votre) magasin "
                r"(?:a|en|physique)",
            ),
            (3.5, r"amazon business|compte (?:pro|professionnel|business)"),
            (3, r"boutique physique|magasin physique|votre site"),
            (3, r"partenariat|collabor\w*|blogueu\w*|influenceu\w*|sponsor\w*"),
            (3, r"trompe\w* de vendeur|mauvais vendeur|ignorez|ignorer ce message"),
            (3, r"liste de diffusion|desabonn\w*|desinscri\w*|ne plus recevoir|retirer de"),
            (2.5, r"avis\b|commentaire|evaluation"),
            (
                2.5,
                r"prix\W+(?:\w+\W+){0,4}?(?:augment\w*|double|eleve)|(?:trop|si|plus) cher|"
                r"scandal\w*|arnaque|moitie prix",
            ),
            (3.5, r"pourquoi (?:je )?(?:\w+ )?re[cç]oi\w*|pas contacte\w*"),
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
                r"des nouvelles|du nouveau|(?:toujours )?pas de (?:reponse|retour de votre part|"
                r"nouvelles)|(?:toujours )?aucune (?:reponse|nouvelle)|je (?:vous )?relance|"
                r"relance|je reviens vers vous|suite a mon (?:precedent |dernier )?(?:message|"
                r"mail)|"
                # (not "j'attends votre réponse", a closing)
                r"(?:voir )?(?:mon message )?ci-dessous|j'attends toujours (?:votre|une) "
                r"reponse",
            ),
        ],
        NEUTRAL: [
            # "j'ai annulé avant l'expédition": told, not asked.
            (0, r"j'(?:ai|avais) (?:deja )?annule\w*"),
            # "pouvez-vous le renvoyer": the seller sending again, not a return.
            (
                0,
                r"(?:pouvez-vous|pourriez-vous|merci de|pouvez vous) (?:me |nous )?(?:le |la |"
                r"les )?"
                r"(?:renvoyer|reexpedier)",
            ),
            # "votre retour" is also a reply: "Dans l'attente de votre retour".
            (
                0,
                r"(?:attente de|merci (?:par avance )?(?:de|pour)|remerciant (?:par avance )?"
                r"(?:de|pour)) (?:votre|vos) (?:\w+ )?retours?|votre retour rapide|"
                r"(?:un )?retour de votre part",
            ),
            # Something the buyer has: "j'ai bien reçu la facture par mail".
            (
                0,
                r"(?:bien |deja )?recu (?:la|votre|ma|une) (?:facture|recu)(?: par (?:e-?mail|mail|"
                r"courriel))?|(?:la )?facture (?:m'est |est )?(?:bien |deja )?arrivee",
            ),
            # A website or link that fails is not a defective product.
            (
                0,
                r"(?:site|site web|site internet|page|application|appli|portail|lien|qr code)\W+"
                r"(?:\w+\W+){0,5}?(?:ne |n')?(?:fonctionne|marche|charge|s'ouvre|s'affiche)\w* "
                r"(?:pas|plus)",
            ),
        ],
        WHERE: [
            (2.5, r"(?:annoncee?|prevue?|promise?) (?:pour|le|au plus tard)\b"),
            (
                3,
                r"(?:vous )?a ete retourne\w*|retourne\w* a l'(?:expediteur|envoyeur)|"
                r"revenu\w* chez vous",
            ),
            # "… mais toujours pas le colis": the thing that did not come.
            (
                3,
                rf"mais (?:toujours |encore )?pas (?:le|la|mon|ma|les|mes) (?:\w+ )?{_GOODS}",
            ),
            (3, r"(?:il|elle) est ou\b|(?:il|elle) est passee? ou|ou est-(?:il|elle)\b"),
            (1.5, r"depuis (?:une|deux|trois|\d+) (?:semaines?|jours)"),
            (
                3,
                r"quitt\w* (?:\w+ )?(?:votre |l'|l' |vos )?entrepot|parti\w* de (?:l'|"
                r"votre )?entrepot",
            ),
            (
                3,
                r"adresse introuvable|n'(?:a|ont) pas pu (?:etre )?livr\w*|tentative de livraison|"
                r"destinataire (?:absent|inconnu)",
            ),
            (2, r"(?:mon )?adresse est (?:correcte|bonne|juste)"),
            (
                2.5,
                r"arriv\w* a temps|a temps pour|(?:besoin|en ai besoin) pour (?:vendredi|lundi|"
                r"mardi|mercredi|jeudi|samedi|dimanche|le \d+|noel)",
            ),
        ],
        REFUND: [
            # Money that has not come back, or only part of it.
            (
                3,
                r"(?:rien|toujours rien|pas) (?:\w+ ){0,3}?sur (?:mon|le|ma) (?:compte|carte|"
                r"releve)|"
                r"(?:compte|carte|releve)\W+(?:\w+\W+){0,3}?(?:rien|pas credite)|"
                r"(?:pas|jamais) (?:ete )?(?:credite|recredite)\w*",
            ),
            (
                3.5,
                r"(?:seulement|que|qu') ?\d+(?:[.,]\d+)? ?(?:€|eur\w*) (?:\w+ ){0,3}?"
                r"(?:rembours\w*|au lieu)|le reste (?:du|de (?:la|mon))? ?(?:montant|"
                r"remboursement|somme)?|reliquat",
            ),
        ],
        DAMAGED: [
            # Parts that do not go together.
            (
                2.5,
                r"(?:vis|trous|pieces) (?:\w+ )?ne (?:rentrent|correspondent|s'emboitent|vont) pas",
            ),
            (3, r"crepit\w*|gresillement\w*|souffle (?:beaucoup|fort)|son (?:\w+ )?distordu"),
            (3, r"se (?:defait|decoud|decousent|defont)|s'effiloche\w*|s'est defait\w*"),
            (3, r"(?:fait )?sauter (?:le |les )?(?:disjoncteur|plombs|fusibles?)"),
            # Fine at first, then not: a defect that came with use.
            (2, r"au debut (?:tout |ca |il |elle )?(?:allait|marchait|fonctionnait)"),
            # How a product fails in use: coince, perd de la puissance, chauffe, sent mauvais.
            (
                3,
                r"(?:se )?coince|(?:perd|perdu) (?:\w+ )?(?:de la |de l')?(?:puissance|aspiration|"
                r"pression|force)|chauffe (?:enormement|beaucoup|trop|fort)|surchauffe\w*|"
                r"sent (?:\w+ )?(?:mauvais|le brule|bizarre|le plastique|le moisi)|pue\b|"
                r"(?:s'est|est) separee?|rance\b|plante (?:tout le temps|sans arret|souvent)|"
                r"redemarre (?:tout le temps|sans arret|tout seul)|message d'erreur|code (?:d')?"
                r"erreur|clignote|vibre (?:beaucoup|fort|enormement)|grince|"
                r"(?:s'ouvre|s'ouvrent|fonctionne|marche|chauffe|tourne|aspire|charge|"
                r"tient) a peine",
            ),
            (
                3,
                r"(?:lignes|bandes|rayures) (?:\w+ ){0,3}?(?:sur l'|a l')ecran|"
                r"ecran\W+(?:\w+\W+){0,3}?(?:lignes|bandes)",
            ),
            (
                3,
                r"s'arrete (?:tout seul|toute seule|de lui-meme|d'elle-meme|au bout|apres|sans "
                r"raison)",
            ),
            # A defect told by its symptom.
            (
                3,
                r"pixels? morts?|(?:pas|plus) de (?:lumiere|bruit|son|courant|chauffe|image|"
                r"reaction|voyant|aspiration)|aucune? (?:lumiere|reaction|image|voyant|bruit|"
                r"son)\b|"
                r"ne (?:chauffe|s'allume|aspire|tourne|refroidit|reagit|s'eteint) (?:plus|pas)|"
                r"(?:c'est |ce n'est )?pas normal|fait un (?:drole de |gros |bruit )?"
                r"(?:bruit|grincement|claquement)|gresill\w*",
            ),
            # Vague: also said of a product used the wrong way.
            (1.5, r"rien ne se passe|il ne se passe rien|rien du tout"),
            (1.5, r"(?:envoyer|renvoyer|m'envoyer) (?:un|une) (?:nouveau|nouvelle|autre)\b"),
            # A part that came off or split.
            (
                3,
                r"s'est (?:detache\w*|decousu\w*|ouvert\w*|cass\w*|dechire\w*|arrache\w*)|"
                r"(?:couture|fermeture eclair|fermeture|poignee|anse|semelle|sangle)\W+"
                r"(?:\w+\W+){0,2}?(?:a lache|lache|s'est \w+|a cede|cede)",
            ),
            (
                3,
                r"(?:ecran|affichage|moniteur)\W+(?:\w+\W+){0,2}?(?:reste|est|demeure) "
                r"(?:tout |completement )?(?:noir|eteint|vide)|ecran noir",
            ),
            (
                3,
                r"(?:couleur|teinture|impression)\W+(?:\w+\W+){0,2}?(?:est partie|a deteint|"
                r"s'en va|part)|deteint\w*|decolore\w*|a retreci|retreci\w*|ne tient (?:que|plus "
                r"que) \d+|tient seulement \d+|se decharge (?:tres )?(?:vite|rapidement)",
            ),
            (
                3,
                r"plus rien ne (?:marche|marchait|fonctionne|fonctionnait)|gonfle\w*|bancal\w*|"
                r"plus court que|(?:ne )?ferme (?:plus|pas)\b|"
                r"tordu\w*",
            ),
        ],
        WRONG: [
            (
                3,
                r"(?:mais |alors que )?j'en (?:avais|ai) commande\b(?! il y a| le \d| depuis)|"
                r"ne (?:fait|mesure) qu'(?:\d|un|une)",
            ),
            (3, r"deux (?:\w+ )?(?:gauches?|droites?)\b"),
            # "Ordered: size 40. Received: size 44."
            (
                3,
                r"(?:commande|commandee) ?:[^\n]{1,40}?[.;,\n] *(?:recu|recue|livre|livree|"
                r"arrive) ?:",
                LOOSE,
            ),
            # A count that came against a count that was sold.
            (
                3,
                r"(?:recu|livre\w*|arrive\w*) (?:que |seulement )?\d+ (?:pieces|unites|articles|"
                r"bouteilles|paires|rouleaux)",
            ),
            (2, r"(?:annonce|description|fiche)\W+(?:\w+\W+){0,2}?(?:lot|pack) de \d+"),
            (
                3,
                r"(?:bien que|pourtant|or|tandis que) (?:j'aie|j'avais|j'ai) (?:commande|paye)|"
                r"(?:je l'avais|je l'ai) commande\w* en (?:anglais|francais|allemand|espagnol|"
                r"italien|noir|blanc|rouge|bleu|vert|gris|rose|taille)\b",
            ),
            (
                3,
                r"(?:commande|colis) de quelqu'un d'autre|ce n'est pas ma commande|"
                r"(?:il )?n'y (?:avait|a) qu(?:e |')",
            ),
            # A different thing than the one ordered or shown.
            (
                3,
                r"(?:modele|produit|article|taille|couleur|marque|version) (?:\w+ )?different\w*|"
                r"(?:un|une) autre (?:modele|produit|article|marque|version) que",
            ),
            # "X au lieu de Y", "pas dans la boîte", "mais j'avais commandé".
            (
                3,
                r"au lieu (?:de|du|des|d')\b[^.!?\n]{0,40}?\b(?:j'ai recu|vous m'avez envoye|"
                r"on m'a envoye|est arrivee?|a ete livree?|recu|livree?)\b",
                LOOSE,
            ),
            (
                3,
                r"(?:n'etait|n'est|n'etaient|ne sont|ne figurait|ne figure) (?:pas|plus) "
                r"(?:dans|avec) (?:la|le|l') ?(?:boite|colis|carton|paquet|emballage|envoi)|"
                r"pas (?:dans|avec) (?:la boite|le colis|le carton|le paquet)|pas inclu\w*|"
                r"(?:etait|est|sont|etaient) absente?s? (?:du|de la|de l'|dans)",
            ),
            (
                2.5,
                r"(?:mais|alors que|or) (?:j'avais|j'ai|nous avions) commande\b(?! il y a| le \d| "
                r"depuis| hier| avant)",
            ),
            (
                1.5,
                r"(?:indique|indiquee|mentionne|mentionnee|precise) dans (?:la description|"
                r"l'annonce|la fiche)|selon (?:la description|l'annonce)",
            ),
            (3, r"(?:qu'une|qu'un|une seule|un seul) (?:seule )?(?:piece|unite|exemplaire)\b"),
            (
                2.5,
                r"(?:l')?etiquette (?:indique|dit|affiche|porte) (?:taille )?(?:xxs|xs|s|m|l|xl|"
                r"xxl|xxxl|\d+\w{0,2})\b",
            ),
            # What came, then what was ordered: "Le colis contenait une souris. J'avais
            # commandé un clavier."
            (
                3,
                r"(?:recu|livre|envoye|contenait|y avait|arrive)\b(?:(?!pas\b|jamais\b)[^\n])"
                r"{1,60}?\b(?:j'avais|j'ai|nous avions) (?:commande|paye|achete)\b(?! il y a| le "
                r"\d| depuis| hier| avant)",
                LOOSE,
            ),
            (2.5, r"alors que j'(?:ai|avais) (?:paye|achete)\b"),
            # "C'est la version prise européenne, j'avais commandé la version UK."
            (
                3,
                r"c'est (?:la|le|un|une|l')\b[^.!?\n]{1,50}?[,;-] ?(?:mais |alors que )?"
                r"(?:j'avais|j'ai|nous avions) (?:commande|paye)\b",
                LOOSE,
            ),
            (
                3,
                r"d'occasion|deja utilise\w*|(?:a|avait) (?:deja )?ete utilise\w*|(?:scelle|"
                r"emballage|opercule) (?:etait |est )?(?:ouvert|casse|brise|decolle)",
            ),
        ],
        CANCEL: [
            (3, r"retir(?:er|ez) (?:ma|la) commande"),
            (1, r"(?:j'ai )?change d'avis"),
            (3, r"supprimer (?:la|ma|cette) commande"),
            (1.5, r"(?:j'ai )?clique (?:trop vite|par erreur|sans faire expres)"),
            (
                3.5,
                r"(?:me )?retract\w*\b[^.!?\n]{0,60}\bavant (?:qu'(?:elle|il) (?:ne )?soit "
                r"(?:expedie|envoye)|l'expedition|l'envoi|d'etre)",
                LOOSE,
            ),
            (2.5, r"me retracter de (?:ma|la) commande"),
            (3, r"(?:bloquer|stopper|arreter) (?:ma|la) commande"),
            # No longer wanted: a cancellation only with nothing stronger.
            (1, r"(?:je )?n'en (?:veux|ai) plus(?: besoin)?"),
            (3, r"arret\w* (?:la|ma) commande"),
        ],
        CHANGE: [
            # The carrier chosen for an order not yet shipped.
            (
                3,
                r"(?:expedier|envoyer|livrer|expediez|envoyez)\w* (?:le |la |les )?(?:avec|par|"
                r"via) (?:colissimo|chronopost|mondial relay|ups|dhl|dpd|gls|la poste)",
            ),
            # A typo in the address, and the right value.
            (
                3,
                r"faute de frappe|erreur (?:de frappe )?dans (?:mon |l'|le |la )?(?:adresse|code "
                r"postal|numero|nom)",
            ),
            (2, r"\d+\w*,? (?:et )?(?:non|pas) \d+\w*"),
            (2, r"(?:je )?pa(?:ie|ierai|yerai) le supplement|payer le supplement"),
            # Parts of an address that are missing or to be added: not a missing item.
            (
                3,
                r"(?:il )?manque (?:\w+[ ']){0,3}?(?:numero d'appartement|numero|appartement|"
                r"batiment|etage|digicode|code (?:de la porte|d'acces)|adresse|nom sur la "
                r"boite|complement)\w*|(?:adresse|etiquette)\W+(?:\w+\W+){0,3}?"
                r"(?:manque|incomplete)",
            ),
            (
                3,
                r"(?:chang|modifi|echang)\w*(?! d'avis)(?: [\w'-]+){0,3}? avant (?:d'expedier|"
                r"de l'expedier|"
                r"l'envoi|l'expedition|d'envoyer|de l'envoyer|qu'(?:il|elle) (?:ne )?parte)",
            ),
            (1.5, r"avant (?:d'expedier|de l'expedier|d'envoyer|de l'envoyer)"),
            (2, r"mais il me faut|mais j'ai besoin (?:du|de la|d'un|d'une)"),
            (
                3,
                r"(?:avoir|prendre|recevoir) (?:\w+ ){0,4}?(?:au lieu|a la place)",
            ),
            # The buyer's own wrong choice: the verb (annuler, retourner) decides.
            (
                1.5,
                r"(?:je me suis|me suis) trompee? de (?:taille|modele|couleur|produit|article|"
                r"reference|quantite)|(?:j'ai )?commande (?:le|la) mauvaise? \w+|"
                r"erreur de ma part|ma faute",
            ),
            (
                2.5,
                r"(?:je )?prefer\w* (?:finalement |plutot )?(?:la|le|les|une|un)\b(?! (?:\w+ )?"
                r"(?:rembours\w*|echange|avoir|retour|remplacement))",
            ),
            (1.5, r"(?:c'est|est-ce) encore possible|toujours possible"),
            (
                3,
                r"(?:reporter|decaler|retarder|repousser) (?:la |l'|ma )?(?:livraison|expedition|"
                r"envoi|date de livraison)",
            ),
            (2.5, r"emballage cadeau|papier cadeau|paquet cadeau"),
            (
                2.5,
                r"interphone|sonnette|(?:nom|c/o) sur (?:la |l')?(?:boite aux lettres|interphone)",
            ),
        ],
        PRODUCT: [
            (
                2.5,
                r"(?:vont|va)-(?:t-)?(?:ils|elles|il|elle) (?:sur|avec|dans)|(?:compatible|"
                r"adapte)s? "
                r"avec",
            ),
            (
                2.5,
                r"avant (?:de (?:commander|l'acheter|acheter|passer commande)|l'achat|ma commande)|"
                r"lavable|passe(?:-t-(?:il|elle))? (?:en|a la|au) (?:machine|lave-linge)|"
                r"(?:a|quelle) (?:quelle )?temperature|convient(?:-(?:il|elle))? (?:a|aux|pour)|"
                r"adapte\w* (?:a|aux|pour)|supporte\w* (?:\w+ )?\d+|"
                r"petites pieces|enfants? de (?:\d+|un|deux|trois|quatre|cinq) ans?\b|"
                r"(?:a partir|des) (?:de )?\d+ ans",
            ),
            (
                2,
                r"\w+-t-(?:il|elle|on)\b|(?:est|sont|peut|peuvent|passe|va|tient|convient|"
                r"contient|existe|fonctionne|marche|supporte|resiste)-(?:il|elle|ils|elles|on)\b",
            ),
            (
                3,
                r"(?:puis-je|peut-on|je peux|on peut) (?:l'|les |le |la )?(?:utiliser|laver|"
                r"employer)\b",
            ),
        ],
        INVOICE: [
            (
                3,
                r"(?:un|le|mon|votre) recu (?:de paiement|d'achat|pour)|un recu\b(?! de|$)|"
                r"note de frais",
            ),
        ],
        OTHER: [
            (3, r"blog\w*|journaliste\w*|la presse|interview\w*|enquete|questionnaire|sondage"),
            (
                3,
                r"(?:commander|acheter) (?:\w+ )?directement (?:chez|aupres de) vous|"
                r"sans passer par amazon|en dehors d'amazon",
            ),
            (
                3.5,
                r"extension (?:de|de la) garantie|garantie (?:etendue|prolongee)|"
                r"enregistrer (?:\w+ ){0,4}?(?:produit|garantie|appareil)",
            ),
            (
                3.5,
                r"(?:un |l')?autre vendeur|concurren\w*|vend\w* (?:\w+ ){0,3}?(?:contrefacons|"
                r"copies|faux)|votre marque|sur (?:votre|cette) (?:fiche|annonce)",
            ),
            (
                3.5,
                r"(?:arret\w*|cessez) de (?:m'envoyer|m'ecrire|me (?:relancer|solliciter|"
                r"demander))|(?:mails?|messages?|e-mails?) (?:pour|me demandant) (?:\w+ )?"
                r"(?:avis|evaluation)",
            ),
            (3, r"etes-vous (?:le|un|une) (?:\w+ )?(?:fabricant|revendeur|distributeur)"),
        ],
    }
)
