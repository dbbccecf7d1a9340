"""Compiled regexes, grouped by chrome family. No logic lives here.

Conventions: ``*_LINE`` patterns are used with ``fullmatch`` on a whole block;
inline patterns are searched inside a block. Quantifiers are bounded so that no
pattern backtracks without limit on hostile input.

Audited for hostile input (``tests/test_patterns.py`` keeps it so): every pattern, used the
way its rule uses it, runs in linear time on long runs of hostile text. Several
``*_LINE`` patterns start with an unbounded run (``[-–—(\\s]*``, ``\\p{Lu}[\\p{L}.]*``)
and would be quadratic if *searched* on a long line: keep them anchored
(``fullmatch``/``match``) and behind the rule's word limit.

``*_WORDS`` are prefilters (see ``registry.py``): lower-case ASCII words of which
every text a pattern matches names at least one, as a whole word. The engine
skips a rule on blocks that name none of them. When a pattern gains an
alternative, its word set must gain a word of it.
"""

from __future__ import annotations

import re

import regex

from .phrases import RELATED_HEADINGS_CJK, RELATED_HEADINGS_OTHER, RELATED_HEADINGS_OTHER_WORDS

_F = regex.IGNORECASE


def _words(spaced: bytes) -> frozenset[bytes]:
    return frozenset(spaced.split())

# trailing decoration a label may carry: "Comments:", "Share »", "Tags (3)"
_TAIL = r"\s*(?:[:»›>|\-–—…]+|\.{3})?\s*(?:\(\d{1,6}\)|\d{1,6})?\s*"
_Q = "[\"'\u2018\u2019\u201c\u201d]"  # any quote
_CLOSE = "[\"'\u2019\u201d)\\]]"  # closing quotes or brackets
_APOS = "['\u2019]"

# --- dates and ages -------------------------------------------------------------------------

#: English month names (as wire datelines print them: "WASHINGTON, July 3 —")
MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
         r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
# and German, French, Spanish, Portuguese and Italian ones, for dates
_MONTH_OTHER = (r"januar|jänner|februar|märz|mai|juni|juli|oktober|dezember|okt|dez"
                r"|janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre|décembre"
                r"|decembre|janv|févr|fevr|avr|juil|déc"
                r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre"
                r"|diciembre|ene|abr|ago|dic"
                r"|janeiro|fevereiro|março|marco|maio|junho|julho|setembro|outubro|dezembro"
                r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre")
_MONTH_ANY = rf"(?:{MONTH}|(?:{_MONTH_OTHER})\.?)"
_WEEKDAY = (r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\.?"
            r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
            r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
            r"|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo"
            r"|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira"
            r"|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica),?\s+")
#: DATE without its optional weekday and article ("7 July 2025" of "Monday, le 7 July 2025"): a
#: text holds a DATE exactly where it holds one of these, which is cheaper to search for
DATE_CORE = (rf"(?:\d{{1,2}}(?:st|nd|rd|th|er|º|\.)?\s+(?:de\s+)?{_MONTH_ANY}(?:\s+de)?,?\s+\d{{4}}"
             rf"|{_MONTH_ANY}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
             r"|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
             r"|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}년\s*\d{1,2}월\s*\d{1,2}일)")
#: a date in English, German, French, Spanish, Portuguese or Italian: "7 July 2025", "Dec 16, 2025",
#: "12. November 2025", "le 1er mars 2025", "3 de marzo de 2025", "2025-07-07", "07/07/2025"; and
#: as Chinese, Japanese and Korean write it: "2025年4月2日", "2025년 4월 2일"
DATE = rf"(?:{_WEEKDAY})?(?:(?:le|el|il)\s+)?" + DATE_CORE
#: what every DATE holds, a year of four digits or two numbers joined by "/" or ".": a cheap
#: search before DATE's, whose leading alternatives cost about 20 us a line even where nothing
#: matches. A new DATE alternative must hold one of these too (tests/test_patterns.py).
DATE_HINT = regex.compile(r"\d{4}|\d[/.]\d")
#: a time: "21:04", "9:05 pm", "10:30 GMT", "14:32 Uhr", "09h15"
TIME = (r"\d{1,2}(?:[:.]\d{2}(?::\d{2})?|h\d{2})(?:\s*[ap]\.?m\.?|\s*uhr)?"
        r"(?:\s+(?:GMT|UTC|BST|CET|CEST|MEZ|MESZ|EST|EDT|PST|PDT|IST|JST|KST)(?:[+-]\d{1,2})?)?")
_AT = r"(?:at|um|à|a\s+las|às|as|alle|ore|-|–|·|\|)"

_COUNT = r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few|few|several)"
_UNIT = (r"(?:s|secs?|seconds?|m|mins?|minutes?|h|hr|hrs|hours?|d|days?|w|wks?|weeks?|mo|mos|months?"
         r"|y|yr|yrs|years?)")
# "vor 3 Stunden", "il y a 2 heures", "hace 3 horas", "há 2 dias", "3 ore fa"
_AGO_OTHER = (r"vor\s+\d{1,3}\s*(?:sek(?:unden?)?|min(?:uten?)?|std|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)"
              r"|il\s+y\s+a\s+\d{1,3}\s*(?:s|sec(?:ondes?)?|min(?:utes?)?|h|heures?|j|jours?|semaines?|mois|ans?)"
              r"|hace\s+\d{1,3}\s*(?:s|seg(?:undos?)?|min(?:utos?)?|h|horas?|d|días?|dias?|semanas?|mes(?:es)?|años?)"
              r"|há\s+\d{1,3}\s*(?:s|seg(?:undos?)?|min(?:utos?)?|h|horas?|d|dias?|semanas?|mês|meses|anos?)"
              r"|\d{1,3}\s*(?:secondi|minuti?|ore|ora|giorni|giorno|settimane?|mesi|mese|anni|anno)\s+fa")
_DATE_LABEL_UPDATED = (r"updated|last\s+updated|aktualisiert|zuletzt\s+aktualisiert|mis\s+à\s+jour|modifié|actualizado"
                       r"|atualizado|aggiornato")
#: "10 hours ago", "a day ago", "3h ago", "Yesterday", "Updated: 7 July 2025 21:04", and the same in
#: German, French, Spanish, Portuguese and Italian ("Aktualisiert am 12. November 2025, 14:32 Uhr",
#: "Publié le 3 mars 2025 à 09h15", "hace 3 horas")
AGE_LINE = regex.compile(
    rf"(?:(?P<label>{_DATE_LABEL_UPDATED}|published|posted|first\s+published|veröffentlicht|erstellt|stand"
    rf"|publié|publicado|pubblicato)(?:\s+(?:on|am|le|el|em|il))?\s*:?\s*)?"
    rf"(?P<v>(?:(?:about|around|over|almost|nearly|just|less\s+than|more\s+than)\s+)?"
    rf"(?:{_COUNT}\s*{_UNIT}\.?\s+ago|{_AGO_OTHER}|just\s+now|moments?\s+ago|yesterday|today|last\s+(?:week|month|year|night)"
    rf"|{DATE}(?:,?\s+(?:{_AT}\s+)?{TIME})?|{TIME}))",
    _F,
)
#: the label of an "Updated: ..." line (``AGE_LINE``'s ``label``)
UPDATED_LABEL = regex.compile(_DATE_LABEL_UPDATED, _F)
MONTH_WORDS = _words(b"jan january feb february mar march apr april may jun june jul july aug august"
                     b" sep sept september oct october nov november dec december")
AGE_WORDS = MONTH_WORDS | _words(b"ago now yesterday today last")  # or a digit: DIGIT
DIGIT = re.compile(r"\d")

# --- news agencies --------------------------------------------------------------------------

AGENCY = (r"(?:the\s+)?associated\s+press|ap|afp|agence\s+france[\s-]presse|reuters|agencies|news\s+agencies"
          r"|wire\s+services|bloomberg(?:\s+news)?|dpa|pa(?:\s+media)?|press\s+association|upi|xinhua|ani|pti|ians"
          r"|kyodo(?:\s+news)?|yonhap|efe|ansa|tass|ria\s+novosti|anadolu(?:\s+agency)?|wam|spa|kuna|qna|bernama|aap|cna"
          r"|irna|sana|interfax|kcna|sputnik|antara|ukrinform|newswires?"
          r"|staff\s+and\s+agencies|agencies\s+and\s+staff|guardian\s+staff\s+and\s+agencies")
AGENCY_WORDS = _words(b"associated ap afp agence reuters agencies wire bloomberg dpa pa press upi xinhua ani pti"
                      b" ians kyodo yonhap efe ansa tass ria anadolu wam spa kuna qna bernama aap cna irna sana"
                      b" interfax kcna sputnik antara ukrinform newswire newswires")
#: a line that is only a wire credit: "Associated Press", "Agencies", "— Reuters", "(With AFP)"
WIRE_CREDIT_LINE = regex.compile(
    rf"[-–—(\s]*(?:with\s+(?:inputs?\s+from\s+)?|additional\s+reporting\s+by\s+|source\s*:\s*)?"
    rf"(?P<v>(?:{AGENCY})(?:\s*(?:,|/|&|and)\s*(?:{AGENCY})){{0,3}})\s*\)?\s*\.?",
    _F,
)
#: a credit trailing the last sentence of a block: "... she said. Agencies". Searched backwards
#: ((?r)): it ends the block, and a forward search tried every position of a 10,000-character block
TRAILING_CREDIT = regex.compile(
    rf"(?r)(?<=[.!?…]{_CLOSE}{{0,3}})\s+[-–—(]?\s*(?P<v>(?:with\s+)?(?:{AGENCY})(?:\s*(?:,|/|and)\s*(?:{AGENCY})){{0,2}})\)?\s*\Z",
    _F,
)
# agencies as printed in datelines and photo credits (case matters here: "AP", not "ap")
_AGENCY_CAPS = (r"AFP|AP|Reuters|UPI|dpa|DPA|Xinhua|ANI|PTI|IANS|Kyodo|Yonhap|EFE|ANSA|TASS|AA|WAM|SPA|KUNA|QNA"
                r"|Bernama|AAP|PA|Bloomberg|CNN|AP Photo|Associated Press|The Associated Press|Agencies")
_AGENCY_CAPS_WORDS = _words(b"afp ap reuters upi dpa xinhua ani pti ians kyodo yonhap efe ansa tass aa wam"
                            b" spa kuna qna bernama aap pa bloomberg cnn associated agencies")

#: "7 July 2025 21:04 Washington (AFP)", "LONDON, July 7 (Reuters) -", "WASHINGTON (AP) —",
#: "BERLIN, July 7 —": an agency, or a place in capitals with a date. A word in capitals before a
#: dash alone is not enough: on the WCXB dev pages it was always a term or a subheading opening a
#: paragraph ("KNIME — short for the Konstanz Information Miner — is ...", "LIGHTEN YOUR LOAD –
#: Start by weeding out ..."), never a place
DATELINE = regex.compile(
    rf"(?P<v>(?:(?i:{DATE})(?:,?\s+(?i:{TIME}))?\s+)?"
    rf"(?:\p{{Lu}}[\p{{L}}.'’-]*(?:[ ,]+\p{{Lu}}[\p{{L}}.'’-]*){{0,3}}(?:,\s+(?i:{MONTH})\s+\d{{1,2}})?\s*)?"
    rf"\((?:{_AGENCY_CAPS})\))\s*(?:(?:--|[-–—:])\s*)?"
    rf"|(?P<v>\p{{Lu}}{{2,}}(?:[ ,]+\p{{Lu}}{{2,}}){{0,2}},\s+(?i:{MONTH})\s+\d{{1,2}})\s+(?:--|[-–—])\s+"
)  # "--": the dash of ASCII wire copy, "WASHINGTON (AP) -- The Senate ..."
DATELINE_WORDS = _AGENCY_CAPS_WORDS | MONTH_WORDS  # one of them is in every dateline
#: and one of these: the "(" of "(AFP)", or the dash after "BERLIN, July 7"
DATELINE_NEEDS = ("(", "-", "\u2013", "\u2014")

#: "Source: commonspace.eu with TASS, RIA Novosti and agencies"
SOURCE_LINE = regex.compile(r"(?:sources?|via|source\s+link|courtesy)\s*[:：]\s*(?P<v>\S.{0,200})", _F)
SOURCE_WORDS = _words(b"source sources via courtesy")
BYLINE_WORDS = _words(b"by von par por di")
_NAME = r"\p{Lu}[\p{L}.'’-]*"
_NAME_PARTICLE = r"(?:de|van|von|der|den|da|di|del|della|dos|das|do|al|bin|el|la|le|du)"
_MORE_NAMES = (rf"(?:\s*(?:,|and|&|und|et|y|e)\s*(?!(?i:{AGENCY})\b){_NAME}(?:\s+{_NAME}){{0,3}}){{0,3}}")
#: "By Jane Smith", "By Jane Smith and Ali Khan, Reuters"; in German, French, Spanish, Portuguese
#: and Italian a name of two words at least ("Von Anna Berger", "Par Julien Moreau", "Por María
#: López y Juan Pérez", "di Marco Rossi"): "Par Matière" is a shop's filter, "Von Berlin" a headline
BYLINE = regex.compile(
    rf"(?:(?i:by)\s+(?P<v>{_NAME}(?:\s+(?:{_NAME}|{_NAME_PARTICLE})){{0,4}}{_MORE_NAMES})"
    rf"|(?i:von|par|por|di)\s+(?P<v>{_NAME}(?:\s+{_NAME_PARTICLE}){{0,2}}\s+{_NAME}"
    rf"(?:\s+(?:{_NAME}|{_NAME_PARTICLE})){{0,3}}{_MORE_NAMES}))"
    r"(?:\s*[,|·•–—-]\s*\S.{0,60})?",
)
#: a byline with its label or its date: "Written by Jane Smith", "Posted by Ali Khan on March 3, 2025"
LABELLED_BYLINE = regex.compile(
    rf"(?:(?i:written|posted)\s+)?(?:{BYLINE.pattern})(?:\s+(?i:on)\s+(?=[^\d\n]{{0,24}}\d)\S.{{0,40}})?"
)
BYLINE_LABEL_WORDS = _words(b"written posted")

# --- promos ---------------------------------------------------------------------------------

_W = r"[\w'’.&+-]+"
#: "Try Our AI Features", "Explore what Daily8 AI can do for you:", "Ask Copilot AI anything"
AI_PROMO_LINE = regex.compile(
    rf"(?:try|use|meet|discover)\s+(?:our|the)\s+(?:new\s+)?(?:{_W}\s+){{0,3}}?(?:ai|gpt|chatbot|copilot|assistant)(?:\s+{_W}){{0,3}}[.!:]?"
    rf"|explore\s+what\s+(?:{_W}\s+){{1,5}}can\s+do(?:\s+for\s+you)?\s*[:.!…]*"
    rf"|(?:see|discover|find\s+out)\s+what\s+(?:{_W}\s+){{0,4}}ai\s+can\s+do(?:\s+for\s+you)?\s*[:.!…]*"
    rf"|(?:ask|chat\s+with)\s+(?:our\s+)?(?:{_W}\s+){{0,2}}ai(?:\s+(?:assistant|anything|a\s+question))?\s*[:.!?]?"
    rf"|(?:summari[sz]e|summary)(?:\s+this\s+(?:article|story|page))?\s+(?:with|by|using)\s+(?:{_W}\s+){{0,2}}ai"
    rf"|(?:ai[- ](?:generated\s+)?summary|key\s+points\s+by\s+ai|powered\s+by\s+(?:{_W}\s+){{0,2}}ai)\s*[:.]?"
    rf"|(?:new\s*:?\s*)?ai[- ]powered\s+(?:features?|tools?|summar(?:y|ies)|search|insights)\s*[:.!]?",
    _F,
)
AI_PROMO_WORDS = _words(b"ai gpt chatbot copilot assistant explore newai")
#: "Download our app", "Get the app", "Download the free BBC News app now"
APP_PROMO_LINE = regex.compile(
    rf"(?:download|get|install|open|try)\s+(?:our|the|the\s+free|our\s+free|the\s+new)\s+(?:{_W}\s+){{0,3}}?apps?"
    rf"(?:\s+(?:now|today|for\s+free|here|on\s+(?:{_W}\s*){{1,4}}))?\s*[.!:]?"
    rf"|(?:available|download(?:\s+it)?|get\s+it)\s+on\s+(?:the\s+)?(?:app\s+store|google\s+play)(?:\s+(?:and|&)\s+(?:the\s+)?(?:app\s+store|google\s+play))?\s*[.!]?"
    rf"|read\s+(?:it\s+|more\s+)?(?:in|on)\s+(?:our|the)\s+app\s*[.!]?",
    _F,
)
APP_PROMO_WORDS = _words(b"app apps google")
#: whole lines: "Subscribe to our newsletter", "Sign up for the Morning Briefing newsletter"
NEWSLETTER_LINE = regex.compile(
    rf"(?:subscribe|sign\s+up|register)\s+(?:now\s+)?(?:to|for)\s+(?:our|the|my)\s+(?:free\s+)?(?:{_W}\s+){{0,4}}?newsletters?\b.{{0,160}}"
    rf"|(?:get|receive)\s+(?:our|the)\s+(?:free\s+)?(?:{_W}\s+){{0,4}}?newsletters?\b.{{0,160}}"
    rf"|newsletter\s+sign[- ]?up|subscribe(?:\s+(?:now|today|here))?\s*[.!]?"
    # "Get the latest recipes delivered to your inbox.", "Get all latest content delivered straight to your inbox."
    rf"|(?:get|receive)\s+(?:all\s+)?(?:the\s+|our\s+)?(?:very\s+)?(?:latest|best|top|new|newest)\b(?:\s+{_W}){{0,5}}?"
    rf"\s+delivered\s+(?:straight\s+|directly\s+|right\s+)?to\s+your\s+inbox\b.{{0,120}}"
    # a line that opens with the call: "Join our newsletter for the week's best projects", "Sign up to
    # our weekly round-up, sent straight to your inbox!", "Join our email list for weekly tips!"
    rf"|\W{{0,3}}(?:sign(?:\s|-)?up|subscribe|join|register)\b.{{0,100}}?\b(?:newsletters?|inbox|mailing\s+list"
    rf"|e-?mail\s+list)\b.{{0,160}}"
    # the inbox anywhere: "Planting tips, delivered to your inbox", "Get our latest recipes in your inbox."
    rf"|.{{0,120}}?\b(?:delivered|sent)\s+(?:\w+\s+){{0,2}}(?:to|in)\s+your\s+(?:e-?mail\s+)?inbox\b.{{0,120}}"
    rf"|\W{{0,3}}(?:get|receive)\s+(?:our|the)\b.{{0,60}}?\b(?:to|in)\s+your\s+(?:e-?mail\s+)?inbox\b.{{0,120}}"
    # the form's answer: "Thanks for subscribing!", "Thank you for signing up."
    rf"|\W{{0,3}}thank(?:s|\s+you)\s+for\s+(?:subscribing|signing\s+up)\b.{{0,160}}"
    # the call in German, French, Spanish, Portuguese and Italian, opening the line or after a
    # lead-in and a colon: "Jetzt zum Newsletter anmelden", "Nichts mehr verpassen: Abonnieren Sie
    # kostenlos unseren Newsletter ...", "Abonnez-vous à notre newsletter", "Suscríbete a nuestro
    # boletín", "Assine a nossa newsletter", "Iscriviti alla nostra newsletter"
    rf"|\W{{0,3}}(?:[^\n:.!?]{{1,80}}:\s*)?(?:abonnieren\s+sie|abonniere|bestellen\s+sie|melden\s+sie\s+sich"
    rf"|abonnez-vous|inscrivez-vous|suscr[ií]b(?:ete|ase)|inscr[ií]b(?:ete|ase)|assine|inscreva-se|cadastre-se"
    rf"|iscriviti|abbonati)\b.{{0,60}}?\b(?:newsletters?|bolet[ií]n|lettre\s+d['’]information)\b.{{0,160}}"
    rf"|\W{{0,3}}(?:jetzt\s+)?(?:(?:zum|unseren|den)\s+)?newsletter\s+(?:abonnieren|bestellen|anmelden)\b.{{0,160}}"
    rf"|\W{{0,3}}(?:s['’]abonner|s['’]inscrire|inscription)\s+[àa]\s+(?:la\s+|notre\s+)?newsletter\b.{{0,160}}",
    _F | regex.DOTALL,
)
# every NEWSLETTER_LINE match names one of these ("email list": "email"; "e-mail list": "mail";
# "boletín": "bolet"; "lettre d'information": "lettre")
NEWSLETTER_LINE_WORDS = _words(b"newsletter newsletters subscribe subscribing signing inbox mailing email mail"
                               b" bolet boletin lettre")
# where an inline pitch may start: at the block start or after a sentence/teaser end
_BOUNDARY = rf"(?<=\A|[.!?…»]{_CLOSE}{{0,3}}\s+)"
#: inline: "New MEE newsletter: Jerusalem Dispatch Sign up to get the latest insights ... other MEE newsletters"
NEWSLETTER_PITCH = regex.compile(
    rf"{_BOUNDARY}(?:(?:new|free|our|the)\s+)?(?:{_W}\s+){{0,3}}?newsletters?\s*:\s*(?:\S+\s+){{1,8}}?"
    rf"sign\s+up\b[^.!?]{{0,300}}?(?:\bnewsletters?\b|\binbox\b|[.!?])"
    # the tail ends at a sentence end or between words, never inside a word: a bounded run
    # that stopped mid-word cut "0000" out of a word (found by benchmarks/fuzz.py)
    rf"|{_BOUNDARY}(?:sign\s+up|subscribe)\s+(?:now\s+)?(?:to|for)\s+(?:our|the)\s+(?:free\s+)?(?:{_W}\s+){{0,4}}?newsletters?\b"
    rf"(?:[^.!?]{{0,200}}(?:[.!?]|(?!\w)))?",
    _F,
)
NEWSLETTER_WORDS = _words(b"newsletter newsletters")

# --- widgets: share, tags, comments -------------------------------------------------------------

_SOCIAL = (r"facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|email|e-mail|mail|print|sms|messenger"
           r"|copy\s+link|copy\s+url|flipboard|tumblr|bluesky|threads|mastodon|instagram|youtube|tiktok")
#: "Share", "Share this article", "Share on Facebook", "Facebook Twitter WhatsApp Email"
SHARE_LINE = regex.compile(
    rf"(?:share|share\s+(?:this|the)\s+(?:article|story|post|page|video)|share\s+(?:on|via|to)\s+(?:{_SOCIAL})"
    rf"|tweet|pin(?:\s+it)?|print(?:\s+this\s+(?:article|page))?|copy\s+link|link\s+copied|save(?:\s+(?:article|for\s+later))?|bookmark"
    rf"|follow(?:\s+us)?(?:\s+on\s+(?:{_SOCIAL}|google\s+news))?|share\s+(?:this\s+)?(?:article|story)\s+on"
    rf"|(?:{_SOCIAL})(?:[\s,|·•/]+(?:{_SOCIAL})){{0,9}}){_TAIL}",
    _F,
)
SHARE_WORDS = _words(b"share tweet pin print copy link save bookmark follow facebook twitter x linkedin whatsapp"
                     b" telegram reddit pinterest email mail sms messenger flipboard tumblr bluesky threads"
                     b" mastodon instagram youtube tiktok")
# a link's screen-reader hint, printed by scrapers as text: "(opens in a new tab)", "External link",
# "(link takes you to an external page)", in the six languages of the phrase families
_LINK_HINT = (
    r"(?:(?:this\s+)?(?:link\s+)?(?:opens|open|will\s+open)\s+(?:in\s+)?(?:a\s+)?new\s+(?:browser\s+)?(?:tab|window)"
    r"|link\s+is\s+external|external\s+link|link\s+takes\s+you\s+to\s+an\s+external\s+(?:page|site|website)"
    r"|(?:[öo]ffnet\s+(?:sich\s+)?)?in\s+(?:einem\s+neuen|neuem|neuen)\s+(?:fenster|tab)(?:\s+ge[öo]ffnet)?|externer\s+link"
    r"|(?:s'|s’)?ouvre\s+dans\s+une?\s+nouv(?:el|elle)\s+(?:onglet|fen[êe]tre)|lien\s+externe"
    r"|(?:se\s+)?abre\s+en\s+(?:una\s+)?nueva\s+(?:ventana|pesta[ñn]a)|enlace\s+externo"
    r"|abre\s+(?:em\s+)?(?:uma\s+)?nova\s+(?:janela|aba|guia)|link\s+externo"
    r"|(?:si\s+)?apre\s+in\s+(?:una\s+)?nuova\s+(?:finestra|scheda)|link\s+esterno)"
)
#: "(opens in a new tab)", "Opens in new window.", "External Link": the hint alone on a line
LINK_HINT_LINE = regex.compile(rf"\(?\s*{_LINK_HINT}\s*\.?\s*\)?\.?", _F)
#: "(Opens in new window)" anywhere in a line
LINK_HINT_PAREN = regex.compile(rf"\(\s*{_LINK_HINT}\s*\.?\s*\)", _F)
#: "Opens in a new tab" ending a link's text: "Instagram Opens in a new tab" (after a space, not
#: a run of spaces searched from each of its characters)
LINK_HINT_END = regex.compile(rf"(?<=\s){_LINK_HINT}\s*\.?\Z", _F)
# every hint names one of these (keywords are the ASCII letter runs of a word: "fenêtre" is "fen", "tre")
LINK_HINT_WORDS = _words(b"tab window external externer externe externo esterno fenster onglet fen fenetre ventana"
                         b" pesta pestana janela aba guia finestra scheda")
#: a table of contents' heading: "Table of Contents", "Contents [hide]", "Jump to:", "Inhaltsverzeichnis",
#: "Sommaire", "Índice", "Sumário", "Indice"
TOC_HEADING_LINE = regex.compile(
    r"(?:table\s+of\s+contents?|contents|jump\s+to(?:\s+section)?|inhaltsverzeichnis|inhalt|sommaire"
    r"|table\s+des\s+mati[eè]res|[íi]ndice|tabla\s+de\s+contenidos?|contenidos?|sum[aá]rio|conte[uú]do|sommario|contenuti)"
    r"\s*:?\s*(?:\[?\s*(?:hide|show|toggle|ocultar|masquer|verbergen|nascondi)\s*\]?)?",
    _F,
)
# every heading names one of these (the ASCII letter runs of its words: "Índice" is "ndice"). Words as
# common as "page" or "article" would have the rule read nearly every page: "On this page" is left out
TOC_HEADING_WORDS = _words(b"contents table jump inhaltsverzeichnis inhalt sommaire mati ndice indice tabla contenidos"
                           b" contenido sum sumario conte conteudo sommario contenuti")
#: an entry's numbering: "1.", "2.3", "IV.", "-", "•"
TOC_NUMBERING = regex.compile(r"(?:\d+(?:\.\d+)*\.?|[ivx]+\.|[-•·–—*])\s*", _F)
#: "Hashtags", "Tags", "Topics:" as bare labels
TAGS_LABEL_LINE = regex.compile(rf"(?:(?:hash)?tags?|tagged(?:\s+(?:with|in))?|topics?|keywords?|filed\s+under){_TAIL}", _F)
TAGS_WORDS = _words(b"tag tags hashtag hashtags tagged topic topics keyword keywords filed")
#: "Tags: Russia, North Korea", "#Russia #NorthKorea"
TAGS_LIST_LINE = regex.compile(
    r"(?:(?:hash)?tags?|tagged(?:\s+(?:with|in))?|topics?|keywords?|filed\s+under)\s*[:：]\s*(?P<v>\S.{0,300})"
    r"|(?P<v>#[\w-]{0,59}\p{L}[\w-]{0,59}(?:[\s,]+#[\w-]{0,59}\p{L}[\w-]{0,59}){1,30})",
    _F,
)
HASHTAG = "#"  # a hashtag list names no tags word
#: "Comments", "0 Comments", "Comments (12)", "View comments"; a post's like counter: "7 Likes", "1.2K likes",
#: "3 Gefällt mir", "5 J'aime", "2 Me gusta", "4 curtidas", "6 Mi piace"
COMMENTS_LABEL_LINE = regex.compile(
    rf"(?:(?:\d{{1,6}}\s+)?comments?|\d{{1,6}}\s+(?:responses?|replies)"
    rf"|(?:view|show|read|see|load|hide|join\s+the)\s+(?:all\s+)?(?:\d{{1,6}}\s+)?(?:comments?|discussion|conversation)"
    # Spanish, German, French, Portuguese, Italian: "14 Comentarios", "3 Kommentare", "Voir les commentaires",
    # and the button that opens the form ("Comentar", "Kommentieren", "Commenter", "Comente", "Commenta")
    rf"|(?:\d{{1,6}}\s+)?(?:comentarios?|kommentare?|commentaires?|coment[aá]rios?|commenti|commento)"
    rf"|(?:ver|mostrar|leer|ler|voir|afficher|lire|vedi|mostra|leggi|alle)\s+(?:(?:los|las|os|les|i|tutti\s+i)\s+)?"
    rf"(?:\d{{1,6}}\s+)?(?:comentarios|commentaires|coment[aá]rios|commenti|kommentare)(?:\s+(?:anzeigen|lesen))?"
    rf"|comentar|kommentieren|commenter|comente|commenta){_TAIL}"
    rf"|\d{{1,3}}(?:[,.]\d{{1,3}})*\s*[km]?\s+(?:likes?|gefällt\s+mir|j['’]aime|me\s+gusta|curtidas?|mi\s+piace)",
    _F,
)
COMMENTS_LABEL_WORDS = _words(b"comment comments response responses replies discussion conversation"
                              b" like likes mir aime gusta curtida curtidas piace comentario comentarios kommentar"
                              b" kommentare commentaire commentaires coment commenti commento comentar kommentieren"
                              b" commenter comente commenta")
#: a forum's control under a collapsed quote: "Click to expand...", "Zum Erweitern anklicken...",
#: "Cliquez pour agrandir...", "Haz clic para expandir...", "Clique para expandir...", "Clicca per espandere..."
QUOTE_EXPANDER_LINE = regex.compile(
    r"(?:click\s+to\s+(?:expand|shrink)|zum\s+(?:erweitern|verkleinern)\s+anklicken|cliquez\s+pour\s+(?:agrandir|r[ée]duire)"
    r"|(?:haz|haga)\s+clic\s+para\s+(?:expandir|ampliar|contraer)|clique\s+para\s+(?:expandir|ampliar|reduzir)"
    r"|clicca\s+per\s+(?:espandere|ridurre))\s*(?:\.{3}|…)?",
    _F,
)
QUOTE_EXPANDER_WORDS = _words(b"click expand shrink erweitern verkleinern anklicken cliquez agrandir clic expandir"
                              b" ampliar contraer clique reduzir clicca espandere ridurre")
#: "No comments yet...", "Be the first to comment", "There are no comments yet."
COMMENTS_EMPTY_LINE = regex.compile(
    r"(?:(?:(?:there\s+are\s+)?no\s+(?:comments|responses|replies)(?:\s+(?:yet|so\s+far|to\s+show))?\s*[.!…]*"
    r"|be\s+the\s+first\s+to\s+(?:comment|reply|respond|leave\s+a\s+comment|share\s+your\s+thoughts)(?:\s+on\s+.{1,80}?)?\s*[.!…]*"
    r"|comments\s+are\s+(?:closed|disabled)(?:\s+for\s+this\s+(?:article|story|post))?\s*[.!]*"
    r"|start\s+the\s+conversation\s*[.!]*"
    # German, French, Spanish, Portuguese, Italian: "Noch keine Kommentare", "Kommentare sind
    # geschlossen", "Soyez le premier à commenter", "Los comentarios están cerrados", "Seja o primeiro
    # a comentar", "I commenti sono chiusi". A bare "Aucun commentaire" / "Sin comentarios" / "Nessun
    # commento" is also a quoted "no comment", so those need their "yet" ("pour le moment", "aún")
    r"|(?:noch\s+keine\s+kommentare(?:\s+vorhanden)?|keine\s+kommentare\s+vorhanden"
    r"|(?:die\s+)?kommentare\s+(?:sind\s+)?(?:geschlossen|deaktiviert)|(?:die\s+)?kommentarfunktion\s+(?:ist\s+)?(?:geschlossen|deaktiviert)"
    r"|sei\s+(?:der|die)\s+erste,?\s+(?:der|die)\s+(?:kommentiert|einen\s+kommentar\s+schreibt)"
    r"|(?:aucun\s+commentaire|pas\s+(?:encore\s+)?de\s+commentaires?)\s+pour\s+(?:le\s+moment|l['’]instant)"
    r"|pas\s+encore\s+de\s+commentaires?|soyez\s+le\s+premier\s+[àa]\s+(?:commenter|r[ée]agir)"
    r"|(?:les\s+)?commentaires\s+(?:sont\s+)?(?:ferm[ée]s|d[ée]sactiv[ée]s)"
    r"|(?:a[úu]n|todav[íi]a)\s+no\s+hay\s+comentarios|s[ée]\s+el\s+primero\s+en\s+comentar"
    r"|(?:los\s+)?comentarios\s+(?:est[áa]n\s+)?(?:cerrados|desactivados)"
    r"|ainda\s+n[ãa]o\s+h[áa]\s+coment[áa]rios|seja\s+o\s+primeiro\s+a\s+comentar"
    r"|(?:os\s+)?coment[áa]rios\s+(?:est[ãa]o\s+)?(?:encerrados|fechados|desativados)"
    r"|(?:ancora\s+nessun\s+commento|nessun\s+commento\s+ancora)|sii\s+il\s+primo\s+a\s+commentare"
    r"|(?:i\s+)?commenti\s+(?:sono\s+)?(?:chiusi|disattivati))\s*[.!…]*)\s*){1,4}",
    _F,
)
COMMENTS_EMPTY_WORDS = _words(b"comments responses replies first conversation kommentare kommentarfunktion erste"
                              b" commentaire commentaires premier comentarios primero primeiro coment commenti commento primo")
#: a comment section's house rules, opening a line: "All comments are moderated before they appear.",
#: "ultimahora.es se reserva el derecho de eliminar cualquier comentario inapropiado."; in English,
#: Spanish, French, German, Portuguese and Italian. ``_SITE``: a site or publisher's name of 1 to 4 tokens
_SITE = r"[\w.\-]++(?:\s+[\w.\-]++){0,3}"  # possessive: a long run of word characters is read once
COMMENT_POLICY_START = regex.compile(
    r"(?:(?:please\s+)?(?:note|remember)\s*[:,]?\s*(?:that\s+)?)?(?:"
    r"(?:all\s+)?(?:comments?|replies)\s+(?:are|will\s+be|may\s+be|is)\s+(?:moderated|reviewed|held\s+for\s+moderation"
    r"|subject\s+to\s+(?:moderation|approval|review))"
    rf"|(?:we|{_SITE})\s+reserves?\s+the\s+right\s+to\s+(?:remove|delete|edit|moderate|refuse|reject)\b[^.]{{0,60}}\bcomments?"
    r"|(?:the\s+)?(?:opinions?|views?|content)\s+expressed\s+(?:in|by)\s+(?:the\s+|these\s+)?(?:comments?|commenters"
    r"|readers|users)\b"
    r"|(?:the\s+)?comments?\s+(?:do\s+not|don't|does\s+not)\s+(?:necessarily\s+)?(?:reflect|represent)"
    r"|(?:please\s+)?(?:read|see|review|follow)\s+(?:our|the)\s+comment(?:ing)?\s+(?:policy|guidelines|rules)"
    r"|(?:el\s+contenido\s+de\s+)?los\s+comentarios\s+(?:es|son|reflejan|representan)\s+(?:la\s+)?opini[óo]n\s+de"
    r"|(?:los\s+)?comentarios\s+(?:est[áa]n|son|ser[áa]n)\s+(?:moderados|sujetos\s+a\s+moderaci[óo]n|revisados)"
    rf"|{_SITE}\s+se\s+reserva\s+el\s+derecho\s+(?:de|a)\s+(?:eliminar|borrar|retirar|moderar|editar)\b[^.]{{0,60}}"
    r"\bcomentarios?"
    r"|no\s+est[áa]\s+permitido\s+(?:verter|publicar|escribir)\s+comentarios"
    r"|recuerde\s+que\s+usted\s+es\s+responsable\s+de\s+(?:todo\s+)?lo\s+que\s+escribe"
    r"|les\s+commentaires\s+(?:sont|seront)\s+(?:mod[ée]r[ée]s|soumis\s+[àa]\s+(?:mod[ée]ration|validation))"
    rf"|{_SITE}\s+se\s+r[ée]serve\s+le\s+droit\s+de\s+(?:supprimer|retirer|mod[ée]rer|refuser)\b[^.]{{0,60}}"
    r"\bcommentaires?"
    r"|les\s+(?:propos|opinions?|avis)\s+(?:tenus|exprim[ée]e?s)\s+dans\s+les\s+commentaires"
    r"|(?:die\s+)?kommentare\s+werden\s+(?:moderiert|(?:vor\s+der\s+ver[öo]ffentlichung\s+)?gepr[üu]ft|freigeschaltet)"
    r"|wir\s+behalten\s+uns\s+(?:das\s+recht\s+)?vor,?\s+kommentare"
    r"|(?:die\s+)?kommentare\s+(?:geben|spiegeln)\s+nicht\s+(?:unbedingt\s+)?die\s+meinung"
    r"|(?:os\s+)?coment[áa]rios\s+(?:s[ãa]o|ser[ãa]o)\s+(?:moderados|de\s+(?:inteira\s+)?responsabilidade)"
    r"|(?:os\s+)?coment[áa]rios\s+n[ãa]o\s+(?:representam|refletem)\s+(?:necessariamente\s+)?a\s+opini[ãa]o"
    rf"|{_SITE}\s+(?:se\s+)?reserva(?:-se)?\s+o\s+direito\s+de\s+(?:remover|excluir|apagar|moderar)\b[^.]{{0,60}}"
    r"\bcoment[áa]rios?"
    r"|i\s+commenti\s+(?:sono|vengono|saranno)\s+(?:moderati|soggetti\s+a\s+moderazione|approvati)"
    rf"|{_SITE}\s+si\s+riserva\s+(?:il\s+diritto\s+)?di\s+(?:cancellare|rimuovere|eliminare|moderare)\b[^.]{{0,60}}"
    r"\bcommenti?"
    r"|le\s+opinioni\s+espresse\s+nei\s+commenti)",
    _F,
)
#: one of these is in every line COMMENT_POLICY_START opens ("comentários" gives "coment")
COMMENT_POLICY_WORDS = _words(b"comment comments replies comentarios comentario commentaires commentaire kommentare"
                              b" coment commenti commento recuerde")
#: "Leave a Comment", "Leave a Reply", "Your email address will not be published. Required fields are marked *"
_COMMENT_FORM_OTHER = (
    # leave a comment / a reply
    r"(?:deja|escribe)\s+(?:un|una|tu)\s+(?:comentario|respuesta)|laisser\s+(?:un|une|votre)\s+(?:commentaire|r[ée]ponse)"
    r"|(?:schreibe|hinterlasse|hinterlassen\s+sie)\s+(?:einen|eine|deinen|ihren)\s+(?:kommentar|antwort)"
    r"|deixe\s+(?:um|uma|o\s+seu|seu)\s+(?:coment[áa]rio|resposta)|lascia\s+(?:un|una|il\s+tuo)\s+(?:commento|risposta)"
    # cancel the reply, post the comment
    r"|cancelar\s+(?:la\s+)?respuesta|annuler\s+la\s+r[ée]ponse|antworten\s+abbrechen|cancelar\s+resposta"
    r"|annulla\s+(?:la\s+)?risposta|publicar\s+(?:el\s+)?comentario|publier\s+(?:le\s+)?commentaire"
    r"|kommentar\s+(?:abschicken|absenden)|publicar\s+coment[áa]rio|invia\s+(?:il\s+)?commento"
    # the address will not be published
    r"|(?:tu|su)\s+direcci[óo]n\s+de\s+correo(?:\s+electr[óo]nico)?\s+no\s+(?:ser[áa]|se)\s+publicad[ao]\.?"
    r"|votre\s+adresse\s+(?:e-?mail|de\s+messagerie|courriel)\s+ne\s+sera\s+pas\s+publi[ée]e\.?"
    r"|(?:deine|ihre)\s+e-?mail-?adresse\s+wird\s+nicht\s+ver[öo]ffentlicht\.?"
    r"|(?:o\s+)?(?:seu|teu)\s+endere[çc]o\s+de\s+e-?mail\s+n[ãa]o\s+ser[áa]\s+publicado\.?"
    r"|il\s+tuo\s+indirizzo\s+e-?mail\s+non\s+sar[àa]\s+pubblicato\.?"
    # required fields are marked *
    r"|(?:los\s+)?campos\s+obligatorios\s+est[áa]n\s+marcados(?:\s+con)?\s*\*?"
    r"|les\s+champs\s+obligatoires\s+sont\s+indiqu[ée]s(?:\s+avec)?\s*\*?"
    r"|erforderliche\s+felder\s+sind\s+mit\s*\*?\s*markiert\.?"
    r"|(?:os\s+)?campos\s+obrigat[óo]rios\s+s[ãa]o\s+marcados(?:\s+com)?\s*\*?"
    r"|i\s+campi\s+obbligatori\s+sono\s+(?:contrassegnati|marcati)(?:\s+con)?\s*\*?"
    # save my name, e-mail and website in this browser for the next time I comment
    r"|guarda\s+mi\s+nombre,?[^.]{0,100}comente\.?|enregistrer\s+mon\s+nom,?[^.]{0,100}commentaire\.?"
    r"|meinen\s+namen,?[^.]{0,120}speichern\.?|salvar\s+meus\s+dados[^.]{0,100}comentar\.?"
    r"|salva\s+il\s+mio\s+nome,?[^.]{0,100}commento\.?"
)
COMMENT_FORM_LINE = regex.compile(
    r"(?:(?:(?:leave|post|add|write|submit)\s+(?:a|your)\s+(?:comment|reply|response)(?:\s+(?:here|below))?\s*[:.!]?"
    r"|(?:cancel|post)\s+reply|post\s+comment|submit\s+comment"
    r"|your\s+email\s+(?:address\s+)?will\s+not\s+be\s+published\.?(?:\s*required\s+fields\s+are\s+marked\s*\*?)?"
    r"|required\s+fields\s+are\s+marked\s*\*?"
    r"|(?:name|email|e-mail|website|comment)\s*\*"
    r"|save\s+my\s+name,?\s+email,?\s+and\s+website\s+in\s+this\s+browser\s+for\s+the\s+next\s+time\s+i\s+comment\.?"
    r"|you\s+must\s+be\s+(?:logged|signed)\s+in\s+to\s+post\s+a\s+comment\.?"
    r"|(?:log|sign)\s+in\s+to\s+(?:comment|reply|join\s+the\s+(?:conversation|discussion))\.?"
    # the same prompts as a comment form prints them in Spanish, French, German, Portuguese and Italian
    rf"|{_COMMENT_FORM_OTHER})\s*){{1,4}}",
    _F,
)
COMMENT_FORM_WORDS = _words(b"comment reply response email mail required name website save conversation"
                            b" discussion comentario respuesta commentaire kommentar antwort antworten coment"
                            b" resposta commento risposta correo adresse endere indirizzo campos champs felder"
                            b" campi guarda enregistrer meinen salvar salva")

#: the header of a blog comment, as WordPress and most blog engines print it: "Maria says",
#: "Tom K. says:", "Anna sagt:", "Marie dit :"; forum posts ("said:", "wrote:") are content
COMMENT_HEADER = regex.compile(r"(?P<name>\S.{0,150}?)\s+(?:says|sagt|dit|dice|diz|disse|zegt)(?:[ \u00a0]?:)?")
#: a header's last keyword (``text.keywords``) is one of these: a quick test before the pattern
COMMENT_HEADER_WORDS = _words(b"says sagt dit dice diz disse zegt")
#: a comment's own date line in any language: a short line with a year or a clock time
YEAR = r"\b(?:19|20)\d{2}\b"
CLOCK = r"\b\d{1,2}[:.]\d{2}\b"
COMMENT_DATE = regex.compile(f"{YEAR}|{CLOCK}")  # searched for
#: the reply link under each comment
COMMENT_REPLY_LINE = regex.compile(
    r"(?:reply(?:\s+to\s+(?:this\s+)?comment)?|antworten|r[ée]pondre|responder|rispondi|beantwoorden)\s*[↓↩»]?",
    _F,
)

# --- forms ------------------------------------------------------------------------------------

#: a web form's required-field label, its asterisk the evidence: "First Name *", "Phone Number*",
#: "E-Mail-Adresse *", "Prénom *", "Teléfono *"; a line of content rarely ends in a lone "*"
_FIELD = (r"(?:(?:first|last|full|given|family|company|business|user)\s*name|name|username|e-?mail(?:\s+address)?"
          r"|(?:phone|telephone|mobile|cell)(?:\s+(?:number|no\.?))?|company|organi[sz]ation|(?:confirm\s+)?password"
          r"|message|website|subject|(?:street\s+)?address|city|state|zip(?:\s+code)?|post(?:al)?\s*code|country"
          r"|job\s+title"
          r"|vorname|nachname|e-mail-adresse|telefon(?:nummer)?|firma|unternehmen|nachricht|betreff|passwort"
          r"|pr[ée]nom|nom|t[ée]l[ée]phone|soci[ée]t[ée]|entreprise|sujet|objet|mot\s+de\s+passe|ville|pays"
          r"|nombre|apellidos?|correo(?:\s+electr[oó]nico)?|tel[eé]fono|empresa|mensaje|asunto|contrase[ñn]a|ciudad"
          r"|nome|sobrenome|telefone|mensagem|assunto|senha|cidade|cognome|telefono|azienda|messaggio|oggetto)")
FORM_FIELD_LINE = regex.compile(  # the mark may be in brackets: "Nombre (*):"
    rf"(?:your\s+|votre\s+|ihre?\s+|tu\s+|seu\s+|sua\s+|il\s+tuo\s+)?{_FIELD}\s*:?\s*(?:\*|\(\*\))\s*:?", _F)

# --- ads and trailers ------------------------------------------------------------------------

#: whole lines: "Advertisement", "ADVERTISEMENT", "Story continues below advertisement"
AD_LINE = regex.compile(
    r"[-–—•·|*\s\[(]*(?:advertisement|advertising|advert|ads?|sponsored(?:\s+content)?|paid\s+(?:content|post)|promoted)"
    r"(?:\s*[-–—:·•|]\s*(?:scroll|continue)\s+(?:down\s+)?(?:to\s+)?(?:continue|reading|with\s+content)?(?:\s+(?:reading|with\s+content))?)?"
    r"[-–—•·|*\s\])]*[.:]?"
    r"|(?:story|article|content)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?(?:advertisement|ad|the\s+ad))?\s*\.?"
    r"|scroll\s+(?:down\s+)?to\s+continue(?:\s+(?:reading|with\s+content))?\s*\.?"
    r"|continue\s+reading\s+(?:below|the\s+main\s+story)\s*\.?",
    _F,
)
AD_LINE_WORDS = _words(b"advertisement advertising advert ads ad sponsored paid promoted continues scroll continue")
#: inline, case-sensitive: "... within 50 days. Advertisement Speaking alongside ..."
AD_INLINE = regex.compile(
    rf"(?<=\A|[.!?…]{_CLOSE}{{0,3}}\s+)(?:ADVERTISEMENT|Advertisement|(?:Story|Article)\s+continues\s+below\s+(?:this\s+)?advertisement)"
    rf"(?:\s*[-–—:]\s*(?:Scroll|SCROLL|Continue|CONTINUE)\s+[\w ]{{0,30}}?(?:content|CONTENT|reading|READING))?"
    rf"(?=\s+{_Q}?\p{{Lu}}|\s*\Z)"
)
AD_INLINE_WORDS = _words(b"advertisement")
#: at the end of a block: "More to follow …", "This is a developing story."
TRAILER = regex.compile(
    rf"(?<=\A|[.!?…]{_CLOSE}{{0,3}}\s+|\s)(?:more\s+to\s+follow|more\s+follows|\(?more\s+to\s+come\)?|updates?\s+to\s+follow"
    r"|this\s+(?:is\s+a\s+)?(?:developing|breaking)\s+(?:news\s+)?story(?:[^.!?]{0,100})?"
    r"|this\s+(?:story|article)\s+(?:is\s+developing|(?:has\s+been|was|will\s+be)\s+updated)(?:[^.!?]{0,100})?"
    r"|(?:developing|breaking)\s+story|story\s+developing)\s*(?:\.{3}|…|[.!])?\s*\Z",
    _F,
)
TRAILER_WORDS = _words(b"more update updates developing breaking updated")
#: every note ``TRAILER`` matches holds one of these: a quick test of an ASCII text, lower-cased
TRAILER_NEEDS = ("follow", "come", "story", "article")

# --- reading time ---------------------------------------------------------------------------

_READ_COUNT = r"(?:\d{1,3}(?:\s*[-–]\s*\d{1,3})?|an?|one|two|three|four|five|six|seven|eight|nine|ten)"
_READ_MINUTES = r"(?:min(?:ute)?s?|minuten|minutos|minuti)\.?"
_READ_LABEL = (r"(?:estimated\s+)?(?:reading\s+time|read\s+time|time\s+to\s+read)|lesezeit|lesedauer"
               r"|(?:temps\s+de\s+)?lecture|(?:tiempo\s+de\s+)?lectura|(?:tempo\s+de\s+)?leitura|(?:tempo\s+di\s+)?lettura")
_READ_AFTER = r"(?:read(?:ing)?(?:\s+time)?|to\s+read|lesezeit|(?:de\s+)?(?:lecture|lectura|leitura)|di\s+lettura)"
#: a line that only says how long the article takes to read: "5 min read", "Reading time: 8 minutes",
#: "3 Min. Lesezeit", "Lecture : 4 min", "5 min de lectura", "Tempo di lettura: 6 minuti"
READING_TIME_LINE = regex.compile(
    rf"[\W_]{{0,3}}(?:(?:{_READ_LABEL})\s*:?\s*(?:about\s+|ca\.\s*|environ\s+|aprox\.\s*)?{_READ_COUNT}\s*{_READ_MINUTES}"
    rf"(?:\s+{_READ_AFTER})?|{_READ_COUNT}\s*{_READ_MINUTES}\s*{_READ_AFTER})[\W_]{{0,3}}",
    _F,
)
READING_TIME_WORDS = _words(b"read reading lesezeit lesedauer lecture lectura leitura lettura")

# --- teasers -------------------------------------------------------------------------------

#: the marker ending a teaser link: "Read More »", "Continue reading →", "READ MORE >>"
READ_MORE_MARKER = regex.compile(
    r"(?:read|see|view)\s+(?:the\s+)?(?:full\s+)?(?:more|story|article)\s*(?:»|›|>>|→|\.\.\.|…)"
    r"|continue\s+reading\s*(?:»|›|>>|→|\.\.\.|…)"
    r"|\[\s*read\s+more\s*\]",
    _F,
)
READ_MORE_MARKER_WORDS = _words(b"more story article reading")
#: a whole line that only points elsewhere: "Read more: Trump says ...", "ALSO READ | ..."
READ_MORE_LINE = regex.compile(
    r"(?:read\s+(?:more|next|also)|also\s+read|see\s+also|related|recommended|watch|listen|more|click\s+here)"
    r"(?:\s*(?::|\||»|›|>>|→)|\s+[-–—])\s*\S.{0,300}"
    r"|(?:read|see)\s+more\s+(?:here|on\s+this|about\s+this)\s*[.…]*"
    r"|continue\s+reading\s*[.…]*|click\s+here\s+to\s+read\s+more\s*[.…]*",
    _F,
)
READ_MORE_LINE_WORDS = _words(b"read also see related recommended watch listen more click continue")
# the sentence boundary a teaser headline starts after
TEASER_START = regex.compile(rf"(?:[.!?…]{_CLOSE}{{0,3}}|»|›|>>|→)\s+")

# --- feedback widgets --------------------------------------------------------------------------

_YES_NO = r"(?:yes|no|ja|nein|oui|non|s[ií]|sim|n[aã]o|sì)"
#: "Was this page helpful?", "Did you find this guide useful?", "War dieser Artikel hilfreich?", "Cet article
#: vous a-t-il été utile ?", "¿Te resultó útil este artículo?", "Este artigo foi útil?", "Questa pagina
#: ti è stata utile?"; with the widget's buttons on the same line ("... helpful? Yes No")
FEEDBACK_QUESTION_LINE = regex.compile(
    r"\W{0,3}(?:"
    r"(?:was|is)\s+this\s+(?:(?:page|article|post|answer|information|content|guide|tip|review|section|topic"
    r"|documentation|doc|video|summary|feature|reply|response)\s+)?(?:helpful|useful)(?:\s+to\s+you)?"
    r"|did\s+you\s+find\s+(?:this|it)(?:\s+[\w-]+){0,3}?\s+(?:helpful|useful)"
    r"|how\s+(?:helpful|useful)\s+(?:was|is)\s+this(?:\s+(?:page|article|post|answer|information|guide))?"
    r"|(?:war|ist)\s+(?:dieser|diese|dieses|das|dies)(?:\s+\w+)?\s+hilfreich"
    r"|hat\s+(?:ihnen|dir)\s+(?:dieser|diese|dieses|das)(?:\s+\w+)?\s+geholfen"
    r"|(?:cet|cette|ce)(?:\s+\w+)?\s+(?:vous\s+|t['’])?a-t-(?:il|elle)\s+été\s+utile"
    r"|avez-vous\s+trouvé\s+(?:cet|cette|ce)(?:\s+\w+)?\s+utile"
    r"|¿?\s*(?:te|le)\s+(?:ha\s+)?(?:resultado|resultó|parece|pareció|fue|sido)\s+útil(?:\s+(?:este|esta)\s+\w+)?"
    r"|¿?\s*(?:fue|es|ha\s+sido)\s+útil\s+(?:este|esta)\s+\w+"
    r"|(?:este|esta|isso|isto)(?:\s+\w+)?\s+foi\s+útil"
    r"|(?:questo|questa)(?:\s+\w+)?\s+(?:(?:ti|le|vi)\s+)?è\s+stat[oa]\s+utile"
    rf")\s*[?？]?(?:\s*{_YES_NO}\b[\s/|,.!]*){{0,2}}(?:\s*edit\s+this\s+page)?\s*",
    _F,
)
#: one of these is in every line FEEDBACK_QUESTION_LINE matches
FEEDBACK_WORDS = _words(b"helpful useful hilfreich geholfen utile til")
#: what such a widget prints under its question: its buttons ("Yes No", "Yes, it is useful"), a star
#: rating's prompts and counts, and its thanks
FEEDBACK_ANSWER_LINE = regex.compile(
    rf"(?:{_YES_NO}\b[\s/|,.!]*){{1,2}}"
    r"|(?:yes,\s+it\s+(?:is|was)|no,\s+it\s+(?:is|was)\s+not)\s+(?:useful|helpful)"
    r"|[\s👍👎]+"
    r"|click\s+on\s+a\s+star\s+to\s+rate\s+it!?|submit\s+rating"
    r"|average\s+rating\s+[\d.]+\s*/\s*[\d.]+\.?\s*(?:vote\s+count\s*:\s*[\d,.]+\.?)?"
    r"|no\s+votes\s+so\s+far!?\s*(?:be\s+the\s+first\s+to\s+rate\s+this\s+\w+\.?)?"
    r"|we\s+are\s+sorry\s+that\s+this\s+\w+\s+was\s+not\s+(?:useful|helpful)(?:\s+for\s+you)?!?"
    r"|let\s+us\s+improve\s+this\s+\w+!?|tell\s+us\s+how\s+we\s+can\s+improve\s+this\s+\w+\??"
    r"|thank(?:s|\s+you)\s+for\s+(?:your\s+)?(?:feedback|rating|vote)\s*[.!]?(?:\s+you\s+selected\s+.{1,60})?"
    r"|your\s+feedback\s+is\s+important\s+to\s+us\s*[.!]?",
    _F,
)

# --- Q&A threads ----------------------------------------------------------------------------

_QA_AGE = (rf"(?:{MONTH}\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}})(?:,?\s+at\s+\d{{1,2}}:\d{{2}})?"
           r"|(?:\d{1,3}|an?)\s+(?:years?|months?|weeks?|days?|hours?|mins?|minutes?|seconds?)(?:,\s+\d{1,3}\s+\w+)?\s+ago"
           r"|today|yesterday")
#: the furniture a Q&A site prints around a question and its answers: "Asked 3 years, 2 months ago",
#: "answered Feb 12, 2011 at 1:01", "Viewed 4k times", "Sorted by: Reset to default",
#: "2,232 1 1 gold badge 20 20 silver badges 19 19 bronze badges", "Add a comment |", "Improve this answer"
QA_META_LINE = regex.compile(
    rf"(?:asked|answered|edited|modified|active|commented|viewed)\s+(?:{_QA_AGE})"
    r"|viewed\s+[\d.,]+\s*k?\s+times?"
    r"|sorted\s+by\s*:.{0,120}|highest\s+score\s+\(default\).{0,120}"
    r"|(?:[\d.,]+\s*k?\s+)?(?:(?:\d+\s+){1,2}(?:gold|silver|bronze)\s+badges?\s*){1,3}"
    r"|\|?\s*(?:add\s+a\s+comment\s*\||show\s+\d{1,4}\s+more\s+comments?)"
    r"|(?:share\s+)?improve\s+this\s+(?:question|answer)(?:\s+follow)?",
    _F,
)
#: one of these is in every line QA_META_LINE matches
QA_META_WORDS = _words(b"asked answered edited modified active commented viewed answer sorted highest"
                       b" badge badges comment comments improve")

# --- photo credits --------------------------------------------------------------------------

_PHOTO_CREDIT = (r"AP(?:\s+Photo(?:/[\p{Lu}][\p{L}.'-]*(?:\s+[\p{Lu}][\p{L}.'-]*){0,3})?)?|AFP(?:\s+via\s+Getty\s+Images)?"
                 r"|Reuters(?:/[\p{Lu}][\p{L}.'-]*(?:\s+[\p{Lu}][\p{L}.'-]*){0,3})?|EPA(?:-EFE)?|Getty\s+Images|Shutterstock"
                 r"|Xinhua|Bloomberg|AAP\s+Image|PA\s+(?:Media|Wire)|Anadolu(?:\s+Agency)?|File\s+photo"
                 r"|\(\s*(?i:photo|image|picture|file\s+photo)s?(?:\s+credit)?\s*:\s*[^()]{1,60}\)"
                 r"|(?i:photo|image)s?\s*:\s*(?:AP|AFP|Reuters|EPA|Getty\s+Images|Xinhua|Bloomberg|Shutterstock)")
#: "Medical workers help a woman ... early on Monday. AP Ukraine has launched ..."
PHOTO_CAPTION = regex.compile(
    rf"(?<=\A|[.!?…]{_CLOSE}{{0,3}}\s+)(?P<caption>\p{{Lu}}[^.!?\"“”]{{8,400}}?[.!?])\s+(?P<credit>{_PHOTO_CREDIT})"
    # more text must follow: "... said. Reuters" at the end of a block is a wire credit (meta.trailing_credit)
    rf"(?=\s+(?!Television|TV|News|Breakingviews|Graphics|Institute|Poll|Tax|Wire|Images|Photo)[\"“]?\p{{Lu}})"
)
PHOTO_CAPTION_WORDS = _words(b"ap afp reuters epa getty shutterstock xinhua bloomberg aap pa anadolu file photo"
                             b" photos image images picture pictures")
#: whole lines: "Photo: Getty Images", "Image credit: Reuters", "(AP Photo/Evan Vucci)"
PHOTO_CREDIT_LINE = regex.compile(
    r"\(?\s*(?i:(?:photo|image|picture|photograph|illustration)s?(?:\s+credits?)?|credits?)\s*[:：]\s*"
    r"\p{Lu}[\p{L}.'’&-]*(?:[\s/,]+(?:via\s+|for\s+|and\s+)?\p{Lu}[\p{L}.'’&-]*){0,7}\s*\)?"
    # "Photo credit: Screenshot from the company's website": after a two-word label, any short credit
    r"|(?i:(?:photo|image|picture)s?\s+credits?)\s*[:：]\s*[^.!?\s][^.!?]{0,80}"
    r"|\(?AP\s+Photo(?:/[^)]{1,60})?\)?|\(?(?:\S.{0,60}?\s*(?:/|via)\s*)?Getty\s+Images(?:\s+[^)]{1,30})?\)?"
    r"|\(?(?:Shutterstock(?:\.com)?|EPA(?:-EFE)?/[^)]{1,60}|Reuters/\p{Lu}\p{Ll}[^)]{1,60})\)?"
)
PHOTO_CREDIT_WORDS = _words(b"photo photos image images picture pictures photograph photographs illustration"
                            b" illustrations credit credits ap images shutterstock epa reuters")
_CREDITED = r"\p{Lu}[\p{L}\d.'’&-]*(?:[\s/,]+(?:via\s+|for\s+|and\s+|&\s+)?\p{Lu}[\p{L}\d.'’&-]*){0,5}"
#: a caption line ending in its credit: "Firefighters try to stop a blaze ... on Sunday. (Photo: Reuters)",
#: or, after the caption's last sentence, "... on Sunday. Credit: Jane Doe" ("Photo:", "Image credit:")
CAPTION_LINE = regex.compile(
    r"\S.{0,400}?\s*\(\s*(?i:(?:photo|image|picture|photograph|file\s+photo)s?(?:\s+credit)?|credit)\s*[:：]?\s*[^()]{1,80}\)\s*"
    rf"|\S.{{0,400}}?[.!?…][\"”’)]?\s+(?i:(?:(?:photo|image|picture)s?\s+)?credits?|photo(?:graph)?s?|images?|pictures?)"
    rf"\s*[:：]\s*{_CREDITED}\s*"
)
# "(Photographer: ...)" matches CAPTION_LINE too, so its prefilter is a pattern, not whole words
# (a literal "(" first: the scan of a 20 MB line for it is fast)
CAPTION_OPEN = re.compile(r"\(\s*(?:photo|image|picture|file|credit)", re.IGNORECASE)
#: and the whole words of its unbracketed credit ("... on Sunday. Credit: Jane Doe")
CAPTION_CREDIT_WORDS = _words(b"credit credits photo photos photograph photographs image images picture pictures")

# --- sidebar sections and cards ------------------------------------------------------------------

_EDITOR = rf"editor{_APOS}?s?{_APOS}?\s+(?:choice|picks?)"
# what a related list holds: "Related questions", "Related Studies & Reports", "Related News & Resources".
# Not "Related products" or "Related searches", which product and listing pages print as their content,
# nor "Related Resources" alone, which guides print over their own reading lists (WCXB, 2 sites)
_RELATED_NOUN = (r"(?:articles?|stories|story|posts?|news|content|coverage|reading|links|videos?|items|reads"
                 r"|pages|questions|topics|guides|reports|studies|insights|offerings)")
# "You may like to read", "Other posts you'll love", "Services you might like", "You'll also love"
_YOU_MAY_LIKE = (rf"(?:(?:other\s+|more\s+)?(?:posts|articles|stories|reads|recipes|guides|services|videos)\s+)?"
                 rf"you(?:\s+(?:may|might|will|could)|{_APOS}ll)\s+(?:also\s+)?(?:like|love|enjoy|be\s+interested\s+in)"
                 r"(?:\s+(?:to\s+)?read(?:ing)?)?")
#: headings that only ever introduce links elsewhere: "Related Articles", "Most read", "You may also like";
#: "Mehr zum Thema", "À lire aussi", "Noticias relacionadas", "Leia também", "Leggi anche"
LINK_HEADING_LINE = regex.compile(
    rf"(?:related(?:\s+{_RELATED_NOUN}(?:\s+(?:&|and)\s+(?:{_RELATED_NOUN}|resources))?)?"
    rf"|(?:read\s+)?more\s+from\s+\S.{{0,60}}|more\s+(?:on|in|about|by)\s+\S.{{0,60}}"
    rf"|(?:read\s+)?more\s+(?:related\s+)?(?:stories|news|articles|posts|headlines|recipes|guides|reads)"
    rf"|more\s+(?:to\s+read|like\s+this|for\s+you)"
    rf"|{_YOU_MAY_LIKE}|(?:(?:the\s+)?latest\s+|more\s+)?from\s+(?:our|the)\s+blog"
    rf"|most\s+(?:read|viewed|shared|commented|emailed|watched|popular)(?:\s+(?:articles|stories|news|today|this\s+week))?"
    rf"|{_EDITOR}|recommended\s+(?:for\s+you|stories|articles|reading|reads|videos|posts|news)"
    rf"|(?:read|watch|see)\s+(?:more|next|also)|also\s+(?:read|see|on\s+\S.{{0,40}})"
    rf"|see\s+also|don{_APOS}?t\s+miss|must\s+reads?|in\s+case\s+you\s+missed\s+it|icymi"
    rf"|(?:what\s+to\s+read|watch)\s+next|(?:around|from)\s+the\s+web"
    rf"|(?:sponsored|promoted|partner)\s+(?:stories|content|links|posts)"
    rf"|(?:other|similar)\s+(?:stories|articles|news|posts)|popular\s+(?:now|today|this\s+week|stories|articles|posts|news|reads|on\s+\S.{{0,40}})"
    rf"|trending\s+(?:now|stories|news|articles|today)|top\s+(?:stories|news|headlines|articles|reads)"
    rf"|(?:hot|trending)\s+(?:network\s+)?questions"  # a Q&A site's list of other threads
    rf"|latest\s+(?:news|stories|articles|posts|headlines|videos)|recent\s+(?:posts|articles|stories|news)"
    rf"|{'|'.join(RELATED_HEADINGS_OTHER)}){_TAIL}",
    _F,
)
#: "相关新闻", "関連記事", "관련 기사": a related-list heading in Chinese, Japanese or Korean, with a
#: trailing colon (full-width too) or count at most; found without keywords, on lines that are not ASCII
CJK_LINK_HEADING_LINE = regex.compile(rf"(?:{'|'.join(RELATED_HEADINGS_CJK)})\s*[:：]?\s*(?:\(\d{{1,4}}\))?")
LINK_HEADING_WORDS = _words(b"related more most editor editors recommended you read watch see also don dont must blog"
                            b" case icymi next web sponsored promoted partner other similar popular trending top"
                            b" latest recent hot") | RELATED_HEADINGS_OTHER_WORDS
#: headings that may also be an article's own subheading ("Popular", "Latest", "Recommended"):
#: they open a sidebar section only when cards follow
SECTION_HEADING_LINE = regex.compile(
    rf"(?:popular|trending|latest|featured|recommended|further\s+reading|up\s+next|top\s+picks"
    rf"|featured\s+(?:stories|articles|posts|news)|latest\s+updates){_TAIL}",
    _F,
)
SECTION_HEADING_WORDS = _words(b"popular trending latest featured recommended further up top")
#: per-card labels, which may also head a section: "Editor's choice", "Featured", "Sponsored"
CARD_LABEL_LINE = regex.compile(
    rf"(?:{_EDITOR}|featured|sponsored|promoted|exclusive|breaking(?:\s+news)?|live|trending|must\s+read"
    rf"|top\s+story|partner\s+content|advertorial|paid\s+(?:post|content)|premium|editor{_APOS}s\s+note|staff\s+pick)",
    _F,
)
CARD_LABEL_WORDS = _words(b"editor editors featured sponsored promoted exclusive breaking live trending must top"
                          b" partner advertorial paid premium staff")
#: "- Dubai Eye": a card's source repeated after its age
DASH_SOURCE_LINE = regex.compile(r"[-–—]\s*(?P<v>\S.{0,80})")

# --- fused paragraphs -----------------------------------------------------------------------

# abbreviations whose period does not end a sentence
_ABBREV = (r"(?<!\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|vs|etc|No|Gen|Sen|Rep|Gov|Lt|Col|Capt|Prof|Inc|Ltd|Co|Corp|Mt|Ft"
           r"|Ave|Dept|approx|est|fig|vol|pp|ed|e\.g|i\.e|al|Rev|Sgt|Cpl|Adm|Hon|Pres))")

#: a sentence end inside a block: "Oil fell 3.5% on Monday. Will it keep falling?" (not "Dr. Hassan").
#: The letter before the end is looked behind for, so the search stops only at a . ! or ?, not at
#: every lower-case letter to try the abbreviations there (a headline took 13 us, now under 1)
INNER_SENTENCE_END = regex.compile(rf"(?<=[\p{{Ll}}\d%]){_ABBREV}[.!?]{_CLOSE}*\s+{_Q}?\p{{Lu}}")

# the first word of a sentence, then a space: "Amid market", "We've had", "So, we"; not a name in
# code ("Popen(", "WaitGroup to") nor a word that ends the line
_WORD_THEN_SPACE = r"(?:['\u2019-]\p{L}+)*,?\s"

#: a sentence end glued to the next sentence: `Reciprocal."Trump`, `coming up."We`, `had.""Every`
FUSED_SENTENCE = regex.compile(
    rf"(?<=[\p{{Ll}}\d%)\]]){_ABBREV}"
    rf"[.!?]{{1,3}}(?:{_Q}{{1,3}}(?=(?:\p{{Lu}}\p{{Ll}}*|\p{{Lu}}+){_WORD_THEN_SPACE})"
    rf"|(?=\p{{Lu}}\p{{Ll}}+{_WORD_THEN_SPACE}))"
)
# the character after a sentence end is a quote, an upper-case ASCII letter or any non-ASCII one;
# three patterns that each start with a literal are scanned far faster than one that starts with [.!?]
_AFTER_END = "(?=[\"'\u2018\u2019\u201c\u201dA-Z\u0080-\U0010ffff])"
FUSED_SENTENCE_HINT = tuple(re.compile(re.escape(c) + _AFTER_END) for c in ".!?")
