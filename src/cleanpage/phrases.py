"""Chrome phrase families as data, in English, German, French, Spanish, Portuguese and Italian.

A family is the kind of chrome a phrase belongs to (cookie notices, log-in UI, skip
links, ...), not one site's sentence. Each family has

- ``lines``: regexes that must match a whole short line (a menu item, a button, a
  heading), optionally followed by a count or an arrow;
- ``contains``: regexes that may match anywhere in a line of at most
  ``max_words`` words (a cookie notice sentence, a copyright line).

Patterns are case-insensitive. Users extend or replace the families by building a
``PhraseMatcher`` from their own tuple (``DEFAULT_FAMILIES + (PhraseFamily(...),)``);
``Config(chrome_phrases=...)`` passes such families to the ``chrome.*`` rules.

Each family's false positives were measured on clean text (WCXB main content) with
``python training/text/phrase_fp.py`` before it was kept; see that script.

A pattern a user supplies may backtrack catastrophically (``(?:\w|\w\w)+;`` tries every
way to split a long word before it fails). A matcher holding one compiles its patterns
with the ``regex`` module and runs each on a line with a timeout (``USER_PATTERN_TIMEOUT_S``);
when one runs over, the page is matched by the shipped patterns alone and the caller is
told (a ``pattern_timeout`` warning on the page). The shipped patterns run with ``re``,
and ``tests/lines/test_phrases.py`` times them on long hostile lines.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import regex

try:  # Python 3.11+
    from re import _constants as _K
    from re import _parser as _sre
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _K  # type: ignore[no-redef]
    import sre_parse as _sre  # type: ignore[no-redef]

# a trailing count, arrow or ellipsis that menus and buttons add: "Comments (3)", "More »"
_TAIL = r"[\s:：.!?»›>→…*|()\[\]\d+-]*"  # "：": the full-width colon of Chinese and Japanese


@dataclass(frozen=True)
class PhraseFamily:
    """One kind of chrome, as whole-line and in-line regexes (see the module docstring).

    ``keywords``: lower-case words (or "©"), one of which every ``contains`` match
    holds; lines without any are not searched (searching every line was 20 ms a page).
    The scorer finds them with its hashed tokens, so each keyword is one ``\\w+`` word
    or a symbol.
    """

    name: str
    lines: tuple[str, ...] = ()
    contains: tuple[str, ...] = ()
    max_words: int = 40
    keywords: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name in ("lines", "contains", "keywords"):  # lists become tuples: a family is hashable
            value = getattr(self, name)
            if isinstance(value, str):
                value = (value,)
            object.__setattr__(self, name, tuple(value))
        problem = self.problem()
        if problem:
            raise ValueError(f"phrase family {self.name!r}: {problem}")

    def problem(self) -> str | None:
        """What is wrong with this family, or None."""
        if not isinstance(self.name, str) or not self.name.isidentifier():
            return "the name must be an identifier"
        if self.contains and not self.keywords:
            return "'contains' patterns need 'keywords'"
        if not isinstance(self.max_words, int) or self.max_words < 1:
            return "max_words must be a positive integer"
        for pattern in self.lines + self.contains:
            if not isinstance(pattern, str):
                return f"patterns are strings, got {pattern!r}"
            try:
                re.compile(pattern)
            except re.error as exc:
                return f"bad pattern {pattern!r}: {exc}"
        for k in self.keywords:
            if not isinstance(k, str) or not k or k != k.lower():
                return f"keywords are lower-case words, got {k!r}"
        return None


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
    keywords=("cookie", "cookies", "continuing", "clicking", "using"),
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
           r"successivo|precedente)",
           # Chinese (simplified and traditional), Japanese, Korean
           r"(?:登录|登錄|登入|注册|註冊|免费注册|退出|登出|注销|我的账户|我的帳戶|个人中心|会员中心|购物车|購物車|搜索|搜尋|"
           r"站内搜索|全站搜索|首页|首頁|菜单|選單|关闭|關閉|返回顶部|回到顶部|回到頂部|加载更多|查看更多|上一页|下一页|"
           r"上一頁|下一頁|上一篇|下一篇)",
           r"(?:ログイン|ログアウト|新規登録|会員登録|無料会員登録|マイページ|カート|買い物かご|検索|メニュー|閉じる|"
           r"ページ(?:の)?トップへ(?:戻る)?|トップへ戻る|もっと見る|次へ|前へ|次のページ|前のページ)",
           r"(?:로그인|로그아웃|회원가입|마이페이지|장바구니|검색|메뉴|닫기|맨 ?위로|더 ?보기|이전|다음)"),
    contains=(r"\byou must be logged in\b", r"\b(?:log|sign) in to (?:reply|comment|post|continue)",
              r"\bdon'?t have an account\b", r"\balready have an account\b"),
    max_words=12,
    keywords=("logged", "log", "sign", "account"),
)
SKIP_LINKS = PhraseFamily(
    "skip_links",
    lines=(r"(?:skip|jump) to (?:the )?(?:main )?(?:content|navigation|menu|search|footer|article)",
           r"(?:zum )?(?:hauptinhalt|inhalt) springen|direkt zum (?:inhalt|hauptinhalt)",
           r"(?:aller|passer) (?:au|directement au) contenu(?: principal)?",
           r"(?:saltar|ir) al contenido(?: principal)?", r"(?:pular|ir) para o conte[uú]do(?: principal)?",
           r"(?:vai|passa|salta) al contenuto(?: principale)?",
           r"(?:跳到主要内容|跳至主要内容|跳转到主要内容|跳到內容|本文へ(?:移動|スキップ)|メインコンテンツへ(?:移動|スキップ)|본문 ?바로가기)"),
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
    keywords=("browser", "javascript", "navegador", "navigateur"),
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
           r"(?:note legali|informativa (?:sulla )?privacy|termini e condizioni|contatti|chi siamo)",
           r"(?:隐私政策|隱私政策|隐私权政策|隐私保护|用户协议|使用条款|服务条款|免责声明|法律声明|版权声明|网站地图|網站地圖|"
           r"联系我们|聯絡我們|聯繫我們|关于我们|關於我們)",
           r"(?:プライバシーポリシー|個人情報保護方針|個人情報の取り扱い|利用規約|免責事項|サイトマップ|お問い合わせ|会社概要|"
           r"運営会社)",
           r"(?:개인정보 ?처리방침|개인정보취급방침|이용약관|사이트맵|고객센터|회사소개|제휴문의)"),
    contains=(r"©", r"\(c\) ?(?:19|20)\d\d", r"^copyright\b", r"\bcopyright (?:\(c\)|(?:19|20)\d\d)", r"\ball rights reserved\b",
              r"\balle rechte vorbehalten\b", r"\btous droits r[ée]serv[ée]s\b",
              r"\btodos los derechos reservados\b", r"\btodos os direitos reservados\b",
              r"\btutti i diritti riservati\b"),
    max_words=30,
    keywords=("©", "c", "copyright", "reserved", "vorbehalten", "droits", "derechos", "direitos", "diritti"),
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
           r"(?:condividi|seguici|iscriviti|stampa|copia link)",
           r"(?:分享|分享到|分享到微信|分享到微博|转发|轉發|微信|微博|打印|打印本页|关注我们|關注我們)",
           r"(?:シェア|シェアする|ツイート|印刷|フォローする)", r"(?:공유|공유하기|인쇄|구독|구독하기)"),
    contains=(r"\bfollow us on\b", r"\bsign up for (?:our|the) newsletter\b", r"\bsubscribe to (?:our|the) newsletter\b",
              r"\bshare (?:this|on) (?:facebook|twitter|linkedin|whatsapp)\b", r"\bfolgen sie uns auf\b",
              r"\bsuivez-nous sur\b", r"\bs[ií]guenos en\b", r"\bsiga-nos no\b", r"\bseguici su\b"),
    max_words=14,
    keywords=("follow", "newsletter", "share", "subscribe", "folgen", "suivez", "síguenos", "siguenos", "siga",
              "seguici"),
)
BREADCRUMB = PhraseFamily(
    "breadcrumb",
    lines=(r"(?:home|startseite|accueil|inicio|in[ií]cio|pagina iniziale)\s*(?:[>»›/|→]\s*[^>»›/|→]{1,60}){1,6}",),
    max_words=25,
)
#: headings of related-article lists in German, French, Spanish, Portuguese and Italian (lower case);
#: ``patterns.LINK_HEADING_LINE`` reads them too
RELATED_HEADINGS_OTHER = (
    r"(?:verwandte (?:artikel|themen)|[aä]hnliche (?:artikel|themen)|mehr zum thema|meistgelesen|das k[oö]nnte "
    r"(?:sie|dich|ihnen|dir) (?:auch )?(?:interessieren|gefallen)|weitere artikel|auch interessant|"
    r"empfohlene artikel|neueste artikel|(?:weitere|mehr) rezepte|(?:neues )?aus (?:dem|unserem) blog)",
    r"(?:[aà] lire aussi|lire aussi|articles? (?:similaires|li[ée]s|recommand[ée]s)|les plus lus|"
    r"vous aimerez (?:peut-[eê]tre )?aussi|vous pourriez (?:aussi|[ée]galement) aimer|sujets (?:li[ée]s|similaires)|"
    r"sur le m[eê]me sujet|derniers articles|voir aussi|(?:plus de|d'autres) recettes|(?:sur le|du) blog)",
    r"(?:te (?:puede|podr[ií]a) interesar|quiz[aá]s? te interese|noticias relacionadas|"
    r"(?:art[ií]culos|temas|preguntas|p[aá]ginas|gu[ií]as) relacionad[oa]s|lo m[aá]s le[ií]do|"
    r"tambi[eé]n te (?:puede|podr[ií]a) gustar|lee tambi[eé]n|m[aá]s noticias|[uú]ltimas noticias|m[aá]s recetas|"
    r"(?:del|de nuestro) blog)",
    r"(?:leia tamb[eé]m|not[ií]cias relacionadas|(?:artigos|temas|t[oó]picos|perguntas|p[aá]ginas) relacionad[oa]s|"
    r"mais lidas|voc[eê] (?:tamb[eé]m )?pode (?:gostar|se interessar)|veja tamb[eé]m|[uú]ltimas not[ií]cias|"
    r"mais receitas|do (?:nosso )?blog)",
    r"(?:potrebbe interessarti|ti potrebbero interessare|potrebbe piacerti(?: anche)?|"
    r"(?:articoli|argomenti) correlati|(?:pagine|domande) correlate|i pi[uù] letti|leggi anche|ti potrebbe piacere|"
    r"ultime notizie|vedi anche|altre ricette|dal (?:nostro )?blog)",
)
#: the same in Chinese (simplified and traditional), Japanese and Korean; ``patterns.CJK_LINK_HEADING_LINE``
#: reads them too (they have no ASCII keyword to find them by)
RELATED_HEADINGS_CJK = (
    r"(?:相关新闻|相關新聞|相关文章|相關文章|相关阅读|相關閱讀|相关内容|热门文章|热门新闻|最热新闻|推荐阅读|猜你喜欢|"
    r"延伸阅读|延伸閱讀|更多新闻|热点新闻|编辑推荐|精彩推荐|最新文章|最新新闻)",
    r"(?:関連記事|関連ニュース|おすすめ記事|人気記事|あわせて読みたい|こちらもおすすめ|アクセスランキング|最新記事)",
    r"(?:관련 ?기사|많이 본 뉴스|인기 ?기사|추천 ?기사|최신 ?기사)",
)
#: a keyword of each heading in ``RELATED_HEADINGS_OTHER`` (lower-case ASCII letter runs)
RELATED_HEADINGS_OTHER_WORDS = frozenset(
    b"verwandte artikel themen thema meistgelesen interessieren gefallen interessant rezepte blog lire articles"
    b" article lus aimerez aimer sujets sujet voir recettes interesar interese noticias relacionados relacionadas"
    b" lo gustar lee recetas leia lidas gostar interessar veja cias ultimas ltimas receitas potrebbe potrebbero"
    b" piacerti correlati correlate letti leggi piacere notizie vedi ricette".split())

RELATED = PhraseFamily(
    "related",
    lines=(r"(?:related|similar|recommended|suggested|popular|trending|latest|recent|more|top|featured|editor'?s) "
           r"(?:articles?|posts?|stories|news|content|reads?|videos?|products?|items?|topics?|picks?)",
           r"(?:more (?:from|on|in|like this|stories|news)|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|"
           r"read (?:next|also)|also read|most (?:read|popular|viewed|shared)|trending(?: now)?|"
           r"what to read next|recommended for you|related|popular|latest news|editor'?s (?:choice|picks))",
           *RELATED_HEADINGS_OTHER, *RELATED_HEADINGS_CJK),
    max_words=10,
)

COMMENTS = PhraseFamily(
    "comments",
    lines=(r"(?:reply|replies|report|quote|permalink|flag|like|dislike|upvote|downvote|leave a (?:reply|comment)|"
           r"post a comment|add a comment|write a comment|comments?|(?:load|show|view) (?:more )?(?:comments|replies)|"
           r"view \d+ (?:more )?replies|sort by|newest|oldest|top comments|cancel reply|\d+ (?:comments?|replies|responses))",
           r"(?:antworten|kommentar(?:e)?|kommentieren|melden|zitieren|(?:\d+ )?kommentare)",
           r"(?:r[ée]pondre|commentaires?|signaler|citer|laisser un commentaire|(?:\d+ )?commentaires)",
           r"(?:responder|comentarios?|comentar|denunciar|citar|deja un comentario|(?:\d+ )?comentarios)",
           r"(?:responder|coment[aá]rios?|comentar|denunciar|citar|deixe um coment[aá]rio|(?:\d+ )?coment[aá]rios)",
           r"(?:rispondi|commenti|commento|segnala|cita|lascia un commento|(?:\d+ )?commenti)"),
    # "<name> says:" heads a blog comment; "said:"/"wrote:" head forum posts, which are content
    contains=(r"\b(?:says|sagt|dit|dice|diz)\s*:\s*\Z",),
    max_words=10,
    keywords=("says", "sagt", "dit", "dice", "diz"),
)

DEFAULT_FAMILIES: tuple[PhraseFamily, ...] = (COOKIES, ACCOUNT, SKIP_LINKS, BROWSER, LEGAL, SOCIAL, BREADCRUMB,
                                              RELATED)
# measured (training/text/phrase_fp.py: precision 0.991 on renderings, 42 clean-text lines) but not in
# the defaults: the shipped line model was trained without it; add it when the model is next rebuilt
EXTRA_FAMILIES: tuple[PhraseFamily, ...] = (COMMENTS,)
_SHIPPED = frozenset(p for f in DEFAULT_FAMILIES + EXTRA_FAMILIES for p in f.lines + f.contains)

#: how long one user-supplied pattern may run on one line, in seconds (``regex``'s timeout): a
#: phrase pattern takes microseconds on a line of a few dozen words
USER_PATTERN_TIMEOUT_S = 0.1


class PatternTimeout(Exception):
    """A user-supplied phrase pattern ran over ``USER_PATTERN_TIMEOUT_S`` on one line."""


class _Timed:
    """A pattern compiled with ``regex``, whose ``match`` and ``search`` stop after
    ``USER_PATTERN_TIMEOUT_S`` with ``PatternTimeout``: how a user's patterns run."""

    __slots__ = ("_rx", "pattern")

    def __init__(self, pattern: str, flags: int) -> None:
        self._rx = regex.compile(pattern, flags)
        self.pattern = pattern

    def match(self, text: str) -> Any:
        try:
            return self._rx.match(text, timeout=USER_PATTERN_TIMEOUT_S)
        except TimeoutError:
            raise PatternTimeout(text) from None

    def search(self, text: str) -> Any:
        try:
            return self._rx.search(text, timeout=USER_PATTERN_TIMEOUT_S)
        except TimeoutError:
            raise PatternTimeout(text) from None


def _shipped_only(families: Iterable[PhraseFamily]) -> tuple[PhraseFamily, ...]:
    """``families`` with only the patterns cleanpage ships (a family left with none goes)."""
    out = []
    for f in families:
        lines = tuple(p for p in f.lines if p in _SHIPPED)
        contains = tuple(p for p in f.contains if p in _SHIPPED)
        if lines or contains:
            out.append(PhraseFamily(f.name, lines, contains, f.max_words, f.keywords))
    return tuple(out)


def merge_families(base: tuple[PhraseFamily, ...], extra: tuple[PhraseFamily, ...]) -> tuple[PhraseFamily, ...]:
    """``base`` with ``extra`` added: a family of a base name adds its patterns to that family."""
    if not extra:
        return base
    out = {f.name: f for f in base}
    for f in extra:
        old = out.get(f.name)
        if old is None:
            out[f.name] = f
        else:
            out[f.name] = PhraseFamily(f.name, old.lines + f.lines, old.contains + f.contains,
                                       max(old.max_words, f.max_words), old.keywords + f.keywords)
    return tuple(out.values())


def _syntax(pattern: str) -> Iterator[tuple[int, str, int]]:
    """``(index, character, group depth after it)`` for each character of ``pattern`` that is
    regex syntax: not escaped and not inside a character class."""
    depth, esc, in_class = 0, False, False
    for i, ch in enumerate(pattern):
        if esc:
            esc = False
        elif ch == "\\":
            esc = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        else:
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
            yield i, ch, depth


def _alternatives(pattern: str) -> list[str]:
    """``pattern`` split at its top-level ``|``s (outside groups and character classes)."""
    cuts = [i for i, ch, depth in _syntax(pattern) if ch == "|" and depth == 0]
    out = [pattern[a + 1:b] for a, b in zip([-1, *cuts], [*cuts, len(pattern)])]
    # "(?:a|b|c)" as a whole is three alternatives, filed under their own first characters
    flat = []
    for alt in out:
        inner = _unwrap(alt)
        flat.extend(_alternatives(inner) if inner is not None else [alt])
    return flat


def _unwrap(alt: str) -> str | None:
    """The inside of ``alt`` if ``alt`` is one non-capturing group, else None."""
    if not alt.startswith("(?:"):
        return None
    for i, ch, depth in _syntax(alt):
        if ch == ")" and depth == 0:
            return alt[3:i] if i == len(alt) - 1 else None
    return None


def _first_chars(pattern: str) -> set[str] | None:
    """The lower-case characters a match of ``pattern`` can start with; None when it could be any."""
    try:
        items = list(_sre.parse(pattern, re.I))
    except re.error:
        return None
    chars, _nullable = _first(items)
    return None if chars is None else {c.lower() for c in chars} | {c.upper().lower() for c in chars}


def _first(items: list) -> tuple[set[str] | None, bool]:  # noqa: ANN401 - sre parse items
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _first_op(op, av)
        if chars is None:
            return None, False
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _first_op(op: object, av: object) -> tuple[set[str] | None, bool]:  # noqa: C901 - one case per opcode
    if op is _K.LITERAL:
        return {chr(av)}, False  # type: ignore[arg-type]
    if op is _K.IN:
        chars: set[str] = set()
        for o, a in av:  # type: ignore[attr-defined]
            if o is _K.LITERAL:
                chars.add(chr(a))
            elif o is _K.RANGE and a[1] - a[0] < 512:
                chars |= {chr(c) for c in range(a[0], a[1] + 1)}
            else:
                return None, False
        return chars, False
    if op is _K.SUBPATTERN:
        return _first(list(av[-1]))  # type: ignore[index]
    if op is _K.BRANCH:
        out: set[str] = set()
        nullable = False
        for branch in av[1]:  # type: ignore[index]
            chars_b, n = _first(list(branch))
            if chars_b is None:
                return None, False
            out |= chars_b
            nullable |= n
        return out, nullable
    if op in (_K.MAX_REPEAT, _K.MIN_REPEAT):
        lo, _hi, sub = av  # type: ignore[misc]
        chars_r, n = _first(list(sub))
        return chars_r, (n or lo == 0)
    if op is _K.AT:
        return set(), True
    return None, False


class PhraseMatcher:
    """Matches lines against phrase families; built once, reused for every page.

    Whole-line patterns are dispatched on a line's first character: each family's
    alternatives are filed under the characters they can start with, so a line is
    tried against a few alternatives, not hundreds. In-line patterns are searched
    only in lines that hold one of their family's keywords.

    With a pattern cleanpage does not ship, every pattern runs with a timeout (see the
    module docstring); ``timed`` says so, and ``fallback`` is the matcher of the shipped
    patterns alone that takes over when one runs over.
    """

    def __init__(self, families: Iterable[PhraseFamily] = DEFAULT_FAMILIES) -> None:
        self.families = tuple(families)
        names = [f.name for f in self.families]
        if len(set(names)) != len(names) or not all(n.isidentifier() for n in names):
            raise ValueError(f"family names must be distinct identifiers: {names}")
        self.timed = any(p not in _SHIPPED for f in self.families for p in f.lines + f.contains)
        self.fallback = PhraseMatcher(_shipped_only(self.families)) if self.timed else None
        compile_: Callable[[str, int], Any] = _Timed if self.timed else re.compile
        self._limit = {f.name: f.max_words for f in self.families}
        by_char: dict[str, dict[str, list[str]]] = {}
        anywhere: dict[str, list[str]] = {}
        for f in self.families:
            for pat in f.lines:
                for alt in _alternatives(pat):
                    first = _first_chars(alt)
                    if first is None:
                        anywhere.setdefault(f.name, []).append(alt)
                    else:
                        for c in first:
                            by_char.setdefault(c, {}).setdefault(f.name, []).append(alt)
        order = {n: i for i, n in enumerate(names)}

        def build(groups: dict[str, list[str]]) -> re.Pattern[str] | None:
            merged = {n: groups.get(n, []) + anywhere.get(n, []) for n in names}
            parts = [f"(?P<{n}>{'|'.join(alts)})" for n, alts in sorted(merged.items(), key=lambda kv: order[kv[0]])
                     if alts]
            return compile_(r"(?:%s)%s\Z" % ("|".join(parts), _TAIL), re.I) if parts else None

        self._line_by_char = {c: build(g) for c, g in by_char.items()}
        self._line_other = build({})
        self._contains = {f.name: (compile_("|".join(f.contains), re.I), tuple(k.lower() for k in f.keywords))
                          for f in self.families if f.contains}
        self.max_words = max((f.max_words for f in self.families), default=0)
        self._line_max = max((f.max_words for f in self.families if f.lines), default=0)

    def match(self, line: str, n_words: int | None = None) -> str | None:
        """The name of the first family that matches ``line`` (stripped), or None. When a
        user-supplied pattern runs over its time on the line, the shipped patterns' answer."""
        try:
            return self._match(line, n_words)
        except PatternTimeout:  # raised only by a timed matcher, which has a fallback
            return self.fallback.match(line, n_words)  # type: ignore[union-attr]

    def _match(self, line: str, n_words: int | None = None) -> str | None:
        if not line:
            return None
        if n_words is None:
            n_words = len(line.split())
        if n_words > self.max_words:
            return None
        rx = self._line_by_char.get(line[0].lower(), self._line_other)
        if rx is not None:
            m = rx.match(line)
            if m is not None and n_words <= self._limit[m.lastgroup]:  # type: ignore[index]
                return m.lastgroup
            if m is not None:  # over that family's word limit: try the later families alone
                for name, limit in self._limit.items():
                    if (n_words <= limit and name != m.lastgroup and rx.match(line)
                            and _only(rx, line, name, self.timed)):
                        return name
        return self._match_contains(line, n_words)

    def keyword_words(self) -> dict[str, tuple[str, ...]]:
        """Family name -> the keywords that gate its in-line patterns."""
        return {name: keys for name, (_rx, keys) in self._contains.items()}

    def match_lines(self, lines: list[str], n_words: list[int] | None = None,
                    candidates: dict[str, list[int]] | None = None,
                    timed_out: list[str] | None = None) -> list[str | None]:
        """``match`` for each line of a page, with the keyword search done once for the whole page.

        ``candidates``: family -> the lines that hold one of its keywords, when the
        caller has found them (the scorer does, from its hashed tokens). When a
        user-supplied pattern runs over its time on a line, the whole page is matched by
        the shipped patterns alone (``fallback``), and ``timed_out`` gets a line saying so.
        """
        try:
            return self._match_lines(lines, n_words, candidates)
        except PatternTimeout as exc:  # raised only by a timed matcher, which has a fallback
            if timed_out is not None:
                line = str(exc)
                timed_out.append(f"pattern_timeout: a chrome phrase pattern of Config.chrome_phrases ran over "
                                 f"{USER_PATTERN_TIMEOUT_S:g} s on a line of {len(line):,} characters "
                                 f"({line[:40]!r}...); the page was matched by the shipped phrase patterns alone")
            return self.fallback.match_lines(lines, n_words, candidates)  # type: ignore[union-attr]

    def _match_lines(self, lines: list[str], n_words: list[int] | None,
                     candidates: dict[str, list[int]] | None) -> list[str | None]:
        if n_words is None:
            n_words = [len(line.split()) for line in lines]
        out: list[str | None] = [None] * len(lines)
        line_limit = self._line_max
        by_char, other = self._line_by_char, self._line_other
        for i, (line, n) in enumerate(zip(lines, n_words)):
            if n <= line_limit and line:
                rx = by_char.get(line[0].lower(), other)
                if rx is not None:
                    m = rx.match(line)
                    if m is not None and n <= self._limit[m.lastgroup]:  # type: ignore[index]
                        out[i] = m.lastgroup
                    elif m is not None:
                        out[i] = self._match(line, n)
        if not self._contains:
            return out
        if candidates is not None:
            for name, (crx, _keys) in self._contains.items():
                limit = self._limit[name]
                for i in candidates.get(name, ()):
                    if out[i] is None and n_words[i] <= limit and crx.search(lines[i]):
                        out[i] = name
            return out
        joined = "\n".join(lines)
        low = joined.lower()
        if len(low) != len(joined):  # a few characters lower-case to two: search line by line
            return [o if o is not None else self._match_contains(line, n) for o, line, n in zip(out, lines, n_words)]
        starts = [0]
        for line in lines[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        for name, (crx, keys) in self._contains.items():
            limit = self._limit[name]
            cand: set[int] = set()
            for k in keys:
                if len(k) == 1 and k.isalnum():
                    continue  # "c" of "(c) 2024": found by the © and copyright keywords' lines, or not at all
                j = low.find(k)
                while j >= 0:
                    cand.add(bisect_right(starts, j) - 1)
                    j = low.find(k, j + 1)
            for i in sorted(cand):
                if out[i] is None and n_words[i] <= limit and crx.search(lines[i]):
                    out[i] = name
        return out

    def _match_contains(self, line: str, n_words: int) -> str | None:
        low = line.lower()
        for name, (crx, keys) in self._contains.items():
            if n_words <= self._limit[name] and any(k in low for k in keys) and crx.search(line):
                return name
        return None


def _only(rx: Any, line: str, name: str, timed: bool = False) -> bool:
    """Whether family ``name``'s group of ``rx`` alone matches ``line`` (with ``timed``, under
    the user patterns' timeout)."""
    pat = rx.pattern
    i = pat.find(f"(?P<{name}>")
    if i < 0:
        return False
    depth, j = 0, i
    while j < len(pat):
        if pat[j] == "\\":
            j += 2
            continue
        if pat[j] == "(":
            depth += 1
        elif pat[j] == ")":
            depth -= 1
            if depth == 0:
                break
        j += 1
    sub = r"(?:%s)%s\Z" % (pat[i + len(name) + 5: j], _TAIL)
    return (_Timed(sub, re.I) if timed else re.compile(sub, re.I)).match(line) is not None


# Words of calls to action and site furniture. A headline list ends where they start
# ("Subscribe to our newsletters", "Sign in to your account", "Privacy Policy"): used to
# close a sidebar section, never to remove text by themselves.
FURNITURE_WORDS = re.compile(
    r"\b(?:subscribe[ds]?|subscription|newsletters?|sign(?:ed)? ?(?:in|up)|log ?(?:in|out)|login|register|"
    r"privacy|terms|cookies?|contact|account|"
    r"abonnieren|anmelden|registrieren|datenschutz|kontakt|konto|impressum|"
    r"abonner|abonnez|connexion|confidentialit[ée]|compte|mentions l[ée]gales|"
    r"suscr[ií]b[ea]te|suscribirse|iniciar sesi[oó]n|privacidad|contacto|cuenta|aviso legal|"
    r"inscreva-se|assine|entrar|privacidade|contato|conta|"
    r"iscriviti|accedi|contatti|privacy|note legali)\b",
    re.I,
)
FURNITURE_MAX_WORDS = 10
#: a keyword (``text.keywords``: the ASCII letter runs of a word, "suscríbete" is "suscr", "bete") of
#: every ``FURNITURE_WORDS`` match: a line naming none of them is not searched
FURNITURE_KEYWORDS = frozenset(
    b"subscribe subscribed subscribes subscription newsletter newsletters sign signed signin signup signedin signedup"
    b" log login logout register privacy terms cookie cookies contact account abonnieren anmelden registrieren"
    b" datenschutz kontakt konto impressum abonner abonnez connexion confidentialit confidentialite compte mentions"
    b" suscr suscribete suscribate suscribirse iniciar privacidad contacto cuenta aviso inscreva assine entrar"
    b" privacidade contato conta iscriviti accedi contatti note".split())


def is_furniture_row(text: str) -> bool:
    """A row of site links: two furniture words or more, such as a footer prints ("About Us |
    Privacy Policy | Cookie Settings", "Newsletter Press Room Contact Us Terms of Use")."""
    first = FURNITURE_WORDS.search(text)
    if first is None:
        return False
    word = first.group().lower()
    return any(m.group().lower() != word for m in FURNITURE_WORDS.finditer(text, first.end()))


def is_furniture(text: str, words: int) -> bool:
    """A short line of site furniture or a call to action ("Privacy Policy", "Sign in",
    "Datenschutz"): it ends a list of headlines. "signed in Abu Dhabi" in a card's summary
    is too long a line to count."""
    return words <= FURNITURE_MAX_WORDS and FURNITURE_WORDS.search(text) is not None
