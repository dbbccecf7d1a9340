"""Chrome phrase families as data, in English, German, French, Spanish, Portuguese and Italian.

A family is the kind of chrome a phrase belongs to (cookie notices, log-in UI, skip
links, ...), not one site's sentence. Each family has

- ``lines``: regexes that must match a whole short line (a menu item, a button, a
  heading), optionally followed by a count or an arrow;
- ``contains``: regexes that may match anywhere in a line of at most
  ``max_words`` words (a cookie notice sentence, a copyright line).

Patterns are case-insensitive. Users extend or replace the families by building a
``PhraseMatcher`` from their own tuple (``DEFAULT_FAMILIES + (PhraseFamily(...),)``);
phase 2 passes that tuple through ``Config``.

Each family's false positives were measured on clean text (WCXB main content) with
``python training/text/phrase_fp.py`` before it was kept; see that script.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# a trailing count, arrow or ellipsis that menus and buttons add: "Comments (3)", "More »"
_TAIL = r"[\s:.!?»›>→…*|()\[\]\d+-]*"


@dataclass(frozen=True)
class PhraseFamily:
    """One kind of chrome, as whole-line and in-line regexes (see the module docstring)."""

    name: str
    lines: tuple[str, ...] = ()
    contains: tuple[str, ...] = ()
    max_words: int = 40


COOKIES = PhraseFamily(
    "cookies",
    lines=(r"(?:accept|allow|reject|decline|refuse|deny)(?: all| all cookies| cookies)?", r"cookie (?:settings|preferences|policy|notice|consent)",
           r"manage (?:cookies|preferences|consent|options)", r"(?:customi[sz]e|necessary|essential) cookies",
           r"(?:alle )?(?:akzeptieren|ablehnen|zustimmen)", r"cookie-einstellungen",
           r"(?:tout )?(?:accepter|refuser)(?: tout| les cookies)?", r"param[eè]tres des cookies",
           r"(?:aceptar|rechazar)(?: todas?| cookies)?", r"configuraci[oó]n de cookies",
           r"(?:aceitar|rejeitar|recusar)(?: todos| cookies)?", r"(?:accetta|accetto|rifiuta)(?: tutti| i cookie)?",
           r"got it", r"ok,? (?:got it|i agree|understood)", r"i (?:accept|agree)"),
    contains=(r"\b(?:we|this (?:site|website)) uses? cookies", r"\bcookies? (?:to|help|enable|are used)",
              r"\buse of cookies", r"\bby (?:continuing|clicking|using)\b.{0,60}\b(?:agree|accept|consent)",
              r"\bwir (?:verwenden|nutzen) cookies", r"\bdiese (?:website|seite) (?:verwendet|nutzt) cookies",
              r"\bnous utilisons des cookies", r"\bce site utilise des cookies",
              r"\b(?:utilizamos|usamos) (?:las )?cookies", r"\beste (?:sitio|site) (?:web )?(?:utiliza|usa) cookies",
              r"\butilizziamo (?:i )?cookie", r"\bquesto sito (?:web )?utilizza (?:i )?cookie",
              r"\bconsent to (?:the use of )?cookies", r"\bcookie policy\b"),
    max_words=80,
)
ACCOUNT = PhraseFamily(
    "account",
    lines=(r"(?:log ?in|log ?out|sign ?in|sign ?out|sign ?up|register|join(?: now| free)?|create (?:an |your )?account|"
           r"my account|account|forgot(?: your)? password\??|reset password|(?:view )?(?:cart|basket|bag|wishlist)|"
           r"checkout|search(?: for)?|search this (?:site|website)|subscribe now|log ?in ?/ ?register|"
           r"sign in ?/ ?(?:register|join)|my orders|your account|menu|close|close menu|open menu|toggle navigation|"
           r"main menu|navigation|back to top|go to top|scroll to top|load more|show more|see more|view all|"
           r"see all|previous|next|older posts|newer posts)",
           r"(?:anmelden|abmelden|einloggen|registrieren|mein konto|konto|warenkorb|suche|suchen|men[uü]|"
           r"schlie(?:ß|ss)en|nach oben|mehr laden|alle anzeigen|weiter|zur[uü]ck)",
           r"(?:connexion|se connecter|d[ée]connexion|s'inscrire|inscription|mon compte|panier|rechercher|recherche|"
           r"fermer|retour en haut|voir plus|voir tout|suivant|pr[ée]c[ée]dent)",
           r"(?:iniciar sesi[oó]n|cerrar sesi[oó]n|registrarse|reg[ií]strate|mi cuenta|carrito|buscar|b[uú]squeda|"
           r"men[uú]|cerrar|volver arriba|ver m[aá]s|ver todo|siguiente|anterior)",
           r"(?:entrar|sair|cadastre-se|cadastrar|minha conta|carrinho|pesquisar|buscar|fechar|voltar ao topo|"
           r"ver mais|ver tudo|pr[oó]ximo|anterior)",
           r"(?:accedi|esci|registrati|il mio account|carrello|cerca|chiudi|torna su|mostra altro|vedi tutti|"
           r"successivo|precedente)"),
    contains=(r"\byou must be logged in\b", r"\b(?:log|sign) in to (?:reply|comment|post|continue)",
              r"\bdon'?t have an account\b", r"\balready have an account\b"),
    max_words=12,
)
SKIP_LINKS = PhraseFamily(
    "skip_links",
    lines=(r"(?:skip|jump) to (?:the )?(?:main )?(?:content|navigation|menu|search|footer|article)",
           r"(?:zum )?(?:hauptinhalt|inhalt) springen|direkt zum (?:inhalt|hauptinhalt)",
           r"(?:aller|passer) (?:au|directement au) contenu(?: principal)?",
           r"(?:saltar|ir) al contenido(?: principal)?", r"(?:pular|ir) para o conte[uú]do(?: principal)?",
           r"(?:vai|passa|salta) al contenuto(?: principale)?"),
    max_words=8,
)
BROWSER = PhraseFamily(
    "browser",
    contains=(r"\byou are using an? (?:out[ -]of[ -]date|outdated|unsupported|old) browser",
              r"\byour browser (?:is (?:out of date|outdated|not supported)|does not support)",
              r"\b(?:please )?enable javascript\b", r"\bjavascript (?:is )?(?:disabled|required|must be enabled)",
              r"\bupgrade your browser\b",
              r"\bihr browser (?:ist veraltet|wird nicht unterst)", r"\bjavascript aktivieren\b",
              r"\bvotre navigateur (?:n'est pas|est obsol)", r"\bactivez javascript\b",
              r"\btu navegador (?:no es compatible|est[aá] desactualizado)", r"\bhabilita javascript\b",
              r"\bseu navegador (?:est[aá] desatualizado|n[aã]o [eé] suportado)", r"\bative o javascript\b",
              r"\bil tuo browser (?:non [eè] aggiornato|non [eè] supportato)", r"\battiva javascript\b"),
    max_words=60,
)
LEGAL = PhraseFamily(
    "legal",
    lines=(r"(?:privacy(?: policy| notice| statement)?|terms(?: of (?:use|service))?|terms (?:and|&) conditions|"
           r"legal(?: notice)?|disclaimer|accessibility(?: statement)?|sitemap|site map|cookies|imprint|"
           r"do not sell(?: or share)? my personal information|your privacy choices|contact(?: us)?|about(?: us)?)",
           r"(?:impressum|datenschutz(?:erkl[aä]rung)?|agb|nutzungsbedingungen|barrierefreiheit|kontakt)",
           r"(?:mentions l[ée]gales|politique de confidentialit[ée]|conditions g[ée]n[ée]rales(?: d'utilisation)?|"
           r"cgu|cgv|plan du site|nous contacter|contact)",
           r"(?:aviso legal|pol[ií]tica de (?:privacidad|cookies)|t[ée]rminos y condiciones|mapa del sitio|contacto|"
           r"cont[aá]ctanos)",
           r"(?:pol[ií]tica de privacidade|termos de uso|termos e condi[cç][oõ]es|fale conosco|contato|contacto)",
           r"(?:note legali|informativa (?:sulla )?privacy|termini e condizioni|contatti|chi siamo)"),
    contains=(r"©", r"\(c\) ?(?:19|20)\d\d", r"^copyright\b", r"\bcopyright (?:\(c\)|(?:19|20)\d\d)", r"\ball rights reserved\b",
              r"\balle rechte vorbehalten\b", r"\btous droits r[ée]serv[ée]s\b",
              r"\btodos los derechos reservados\b", r"\btodos os direitos reservados\b",
              r"\btutti i diritti riservati\b"),
    max_words=30,
)
SOCIAL = PhraseFamily(
    "social",
    lines=(r"(?:share|share (?:this|on|via)(?: \w+)?|tweet|pin it|email|print|follow(?: us)?(?: on \w+)?|"
           r"subscribe(?: to (?:our|the) newsletter)?|newsletter|sign up for (?:our|the) newsletter|rss(?: feed)?|"
           r"facebook|twitter|instagram|linkedin|youtube|tiktok|pinterest|whatsapp|reddit|telegram|threads|"
           r"bluesky|mastodon|copy link)",
           r"(?:teilen|folgen sie uns|folge uns|abonnieren|newsletter abonnieren|drucken|link kopieren)",
           r"(?:partager|suivez-nous|s'abonner|abonnez-vous|imprimer|copier le lien)",
           r"(?:compartir|s[ií]guenos|suscr[ií]bete|suscribirse|imprimir|copiar enlace)",
           r"(?:compartilhar|partilhar|siga-nos|inscreva-se|assine|imprimir|copiar link)",
           r"(?:condividi|seguici|iscriviti|stampa|copia link)"),
    contains=(r"\bfollow us on\b", r"\bsign up for (?:our|the) newsletter\b", r"\bsubscribe to (?:our|the) newsletter\b",
              r"\bshare (?:this|on) (?:facebook|twitter|linkedin|whatsapp)\b", r"\bfolgen sie uns auf\b",
              r"\bsuivez-nous sur\b", r"\bs[ií]guenos en\b", r"\bsiga-nos no\b", r"\bseguici su\b"),
    max_words=14,
)
BREADCRUMB = PhraseFamily(
    "breadcrumb",
    lines=(r"(?:home|startseite|accueil|inicio|in[ií]cio|pagina iniziale)\s*(?:[>»›/|→]\s*[^>»›/|→]{1,60}){1,6}",),
    max_words=25,
)
RELATED = PhraseFamily(
    "related",
    lines=(r"(?:related|similar|recommended|suggested|popular|trending|latest|recent|more|top|featured|editor'?s) "
           r"(?:articles?|posts?|stories|news|content|reads?|videos?|products?|items?|topics?|picks?)",
           r"(?:more (?:from|on|in|like this|stories|news)|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|"
           r"read (?:next|also)|also read|most (?:read|popular|viewed|shared)|trending(?: now)?|"
           r"what to read next|recommended for you|related|popular|latest news|editor'?s (?:choice|picks))",
           r"(?:verwandte artikel|[aä]hnliche artikel|mehr zum thema|meistgelesen|das k[oö]nnte sie (?:auch )?"
           r"interessieren|weitere artikel|auch interessant|empfohlene artikel|neueste artikel)",
           r"(?:[aà] lire aussi|lire aussi|articles? (?:similaires|li[ée]s|recommand[ée]s)|les plus lus|"
           r"vous aimerez aussi|sur le m[eê]me sujet|derniers articles|voir aussi)",
           r"(?:te puede interesar|noticias relacionadas|art[ií]culos relacionados|lo m[aá]s le[ií]do|"
           r"tambi[eé]n te puede gustar|lee tambi[eé]n|m[aá]s noticias|[uú]ltimas noticias)",
           r"(?:leia tamb[eé]m|not[ií]cias relacionadas|artigos relacionados|mais lidas|voc[eê] tamb[eé]m pode gostar|"
           r"veja tamb[eé]m|[uú]ltimas not[ií]cias)",
           r"(?:potrebbe interessarti|articoli correlati|i pi[uù] letti|leggi anche|ti potrebbe piacere|"
           r"ultime notizie|vedi anche)"),
    max_words=10,
)

DEFAULT_FAMILIES: tuple[PhraseFamily, ...] = (COOKIES, ACCOUNT, SKIP_LINKS, BROWSER, LEGAL, SOCIAL, BREADCRUMB,
                                              RELATED)


class PhraseMatcher:
    """Matches lines against phrase families; built once, reused for every page."""

    def __init__(self, families: Iterable[PhraseFamily] = DEFAULT_FAMILIES) -> None:
        self.families = tuple(families)
        self._line: list[tuple[str, re.Pattern[str], int]] = []
        self._contains: list[tuple[str, re.Pattern[str], int]] = []
        for fam in self.families:
            if fam.lines:
                self._line.append((fam.name, re.compile(r"(?:%s)%s\Z" % ("|".join(fam.lines), _TAIL), re.I),
                                   fam.max_words))
            if fam.contains:
                self._contains.append((fam.name, re.compile("|".join(fam.contains), re.I), fam.max_words))
        self.max_words = max((f.max_words for f in self.families), default=0)

    def match(self, line: str, n_words: int | None = None) -> str | None:
        """The name of the first family that matches ``line`` (stripped), or None."""
        if n_words is None:
            n_words = len(line.split())
        if n_words > self.max_words:
            return None
        for name, rx, limit in self._line:
            if n_words <= limit and rx.match(line):
                return name
        for name, rx, limit in self._contains:
            if n_words <= limit and rx.search(line):
                return name
        return None

    def match_lines(self, lines: list[str], n_words: list[int] | None = None) -> list[str | None]:
        """``match`` for each line."""
        if n_words is None:
            return [self.match(line) for line in lines]
        return [self.match(line, n) for line, n in zip(lines, n_words)]
