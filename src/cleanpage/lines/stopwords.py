"""Function words of six languages: running text is dense with them, menus and labels are not.

Short hand-made lists of the most frequent articles, pronouns, prepositions,
conjunctions and auxiliaries. Words that are also common menu items ("home",
"about", "contact") are left out on purpose.
"""

from __future__ import annotations

STOP_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the a an and or but of to in on at by for with from as is are was were be been being has have had do does "
        "did not no it its this that these those which who whom whose what when where why how he she they we you i "
        "his her their our your my him them us me than then there here so if because while would could should will "
        "can may might must also into over after before about between through during such only very".split()
    ),
    "de": frozenset(
        "der die das den dem des ein eine einer eines einem einen und oder aber nicht kein keine ist sind war waren "
        "wird werden wurde wurden hat haben hatte sein seine ihr ihre es er sie wir ich du man mit von zu zum zur "
        "im in auf an bei für aus nach über unter vor durch auch noch nur schon wenn dass als wie was wer wo sich "
        "diese dieser dieses kann können muss sehr mehr".split()
    ),
    "fr": frozenset(
        "le la les un une des du de et ou mais ne pas plus est sont était étaient être a ont avait avoir il elle ils "
        "elles nous vous je tu on ce cette ces son sa ses leur leurs qui que quoi dont où dans sur avec pour par au "
        "aux en comme si aussi très tout tous toutes se sans entre après avant depuis lui y".split()
    ),
    "es": frozenset(
        "el la los las un una unos unas y o pero no es son era eran ser fue fueron ha han había haber de del al en "
        "con por para sin sobre entre desde hasta que quien cual cuando donde como más muy también ya se su sus le "
        "les lo este esta estos estas ese esa eso yo tú él ella nosotros ellos ellas nos me te".split()
    ),
    "pt": frozenset(
        "o a os as um uma uns umas e ou mas não é são era eram ser foi foram tem têm tinha ter de do da dos das no "
        "na nos nas em com por para sem sobre entre desde até que quem qual quando onde como mais muito também já "
        "se seu sua seus suas lhe ele ela eles elas nós eu você isso este esta esse essa ao aos pelo pela".split()
    ),
    "it": frozenset(
        "il lo la i gli le un uno una e o ma non è sono era erano essere fu ha hanno aveva avere di del della dei "
        "degli delle da dal dalla in nel nella con per su sul sulla tra fra che chi cui quando dove come più molto "
        "anche già se suo sua suoi sue gli ne questo questa quello quella io tu lui lei noi voi loro al alla".split()
    ),
}


def all_stop_words() -> frozenset[str]:
    """The union of every language's list."""
    out: set[str] = set()
    for words in STOP_WORDS.values():
        out |= words
    return frozenset(out)
