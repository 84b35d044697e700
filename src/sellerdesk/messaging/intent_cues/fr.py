"""French cues."""

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
    "je et le les ne pas est un une mon ma mes vous pour merci bonjour que qui il elle au "
    "du des ce avec svp toujours mais sur dans votre vos nous j'ai c'est n'ai n'est ai "
    "suis ça ca cette commande colis bonsoir cordialement madame monsieur s'il plait rien "
    "encore été ete aussi très tres d'un d'une l'article qu'il puis pouvez sont aux ont "
    "ces leur avez êtes fait peut bien où jour jours semaine mois produit boîte plus "
    "moins depuis chez sans sous pouvez-vous"
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
                r"(?:suivi|numero|lien|code)\W+(?:\w+\W+){0,3}?(?:ne )?(?:fonctionne|marche) pas",
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
            (3, r"rembours\w*|argent"),
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
            (3, r"(?:ete|ont ete|m'a ete|avez|m'avez|a ete) factur\w*"),
            (
                2.5,
                r"frais de port\W+(?:\w+\W+){0,5}?(?:factur|debit|preleve|paye)\w*|"
                r"(?:livraison|port) (?:\w+ ){0,2}?(?:gratuit\w*|offert\w*)",
            ),
        ],
        DAMAGED: [
            (
                3,
                r"cass\w*|brise\w*|fissur\w*|fele\w*|ebrech\w*|abim\w*|endommag\w*|"
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
            (3, r"ne pas (?:expedier|envoyer|livrer)|n'(?:expediez|envoyez) pas"),
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
            (2, r"(?:echanger|changer) (?:le|la) \w+ (?:contre|pour)"),
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
                r"matiere|materiau|garantie|piles?\b|batterie|autonomie|puissance|watt\w*|volt\w*",
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
                r"boutique|magasin|remise (?:quantite|volume)|\d{2,} (?:unites|pieces)",
            ),
            (3.5, r"amazon business|compte (?:pro|professionnel|business)"),
            (3, r"boutique physique|magasin physique|votre site"),
            (3, r"partenariat|collabor\w*|blogueu\w*|influenceu\w*|sponsor\w*"),
            (3, r"trompe\w* de vendeur|mauvais vendeur|ignorez|ignorer ce message"),
            (3, r"liste de diffusion|desabonn\w*|desinscri\w*|ne plus recevoir|retirer de"),
            (2.5, r"avis\b|commentaire|evaluation"),
            (
                2.5,
                r"prix\W+(?:\w+\W+){0,4}?(?:augment\w*|double|eleve)|trop cher|si cher|"
                r"scandal\w*|arnaque|moitie prix",
            ),
            (3.5, r"pourquoi (?:je )?(?:\w+ )?re[cç]oi\w*|pas contacte\w*"),
        ],
    }
)
