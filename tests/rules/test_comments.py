import pytest

import cleanpage

from cleanpage.pipeline import decide


def test_drop_comments_label():
    assert decide("comments.label", "Comments").action == "drop"
    assert decide("comments.label", "Comments from the minister angered the opposition.") is None


@pytest.mark.parametrize("line", ["0 Comments", "Comments (12)", "View comments", "3 comments", "1 Like", "7 Likes",
                                  "1.2K likes", "3 Gefällt mir", "5 J'aime", "2 Me gusta", "4 curtidas", "6 Mi piace",
                                  "14 Comentarios", "Comentarios (4)", "3 Kommentare", "12 commentaires", "5 comentários",
                                  "7 commenti", "Ver los comentarios", "Voir les 12 commentaires", "Alle Kommentare anzeigen",
                                  "Comentar", "Kommentieren", "Commenter"])
def test_comments_label_family(line):
    assert decide("comments.label", line).action == "drop"


@pytest.mark.parametrize("line", ["12 likes and 3 shares in an hour, the agency said.", "Likes", "I like it",
                                  "Comentarios del ministro enfadaron a la oposición.", "Kommentare sind willkommen, sagte er."])
def test_comments_label_keeps_lines_that_only_mention_likes(line):
    assert decide("comments.label", line) is None


def test_drop_empty_comment_notice():
    assert decide("comments.empty_notice", "No comments yet...").action == "drop"
    assert decide("comments.empty_notice", "He declined to comment on the plan.") is None


@pytest.mark.parametrize("line", ["Be the first to comment", "There are no comments yet.", "No comments",
                                  "Be the first to comment on this article!", "Comments are closed.",
                                  "No comments yet. Be the first to comment!"])
def test_empty_notice_family(line):
    assert decide("comments.empty_notice", line).action == "drop"


@pytest.mark.parametrize("line", ["Noch keine Kommentare", "Kommentare sind geschlossen.",
                                  "Die Kommentarfunktion ist deaktiviert.", "Sei der Erste, der kommentiert!",
                                  "Pas encore de commentaire", "Les commentaires sont fermés.",
                                  "Aún no hay comentarios. Sé el primero en comentar", "Seja o primeiro a comentar!",
                                  "Os comentários estão fechados.", "I commenti sono chiusi."])
def test_empty_notice_family_in_other_languages(line):
    assert decide("comments.empty_notice", line).action == "drop"


# "no comment" as a source's answer, quoted in an article, in French, Spanish, Italian and German
@pytest.mark.parametrize("line", ["Aucun commentaire.", "Sin comentarios.", "Nessun commento.", "Kein Kommentar.",
                                  "Die Kommentare der Leser sind geschlossen positiv ausgefallen."])
def test_empty_notice_keeps_a_quoted_no_comment(line):
    assert decide("comments.empty_notice", line) is None


def test_drop_comment_form():
    assert decide("comments.form",
                  "Your email address will not be published. Required fields are marked *").action == "drop"
    assert decide("comments.form", "Leave a comment in the guest book, the sign at the door says.") is None
    assert decide("comments.form", "Deja una respuesta a la pregunta del profesor antes de irte a casa.") is None


@pytest.mark.parametrize("line", ["Leave a Comment", "Leave a Reply", "Post a comment", "Cancel reply",
                                  "Leave a Reply Cancel reply",
                                  "Save my name, email, and website in this browser for the next time I comment.",
                                  # the same form in Spanish, French, German, Portuguese and Italian
                                  "Deja una respuesta Cancelar la respuesta",
                                  "Tu dirección de correo electrónico no será publicada. Los campos obligatorios"
                                  " están marcados con *",
                                  "Laisser un commentaire Annuler la réponse",
                                  "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *",
                                  "Schreibe einen Kommentar Antworten abbrechen",
                                  "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert",
                                  "Meinen Namen, meine E-Mail-Adresse und meine Website in diesem Browser für die"
                                  " nächste Kommentierung speichern.",
                                  "Deixe um comentário", "O seu endereço de email não será publicado. Campos"
                                  " obrigatórios são marcados com *",
                                  "Lascia un commento", "Il tuo indirizzo email non sarà pubblicato. I campi"
                                  " obbligatori sono contrassegnati *"])
def test_comment_form_family(line):
    assert decide("comments.form", line).action == "drop"


ARTICLE = ["How to build a cornhole board",
           "Cut the plywood to two feet by four feet, then mark the hole six inches from the top edge.",
           "Sand every edge before you paint, or the bags will snag on the corners."]
THREAD = ["3 Comments",
          "Maria says", "March 3, 2021 at 9:15 am", "Lovely project, I made one for my sister.", "Reply",
          "Tom K. says:", "March 5, 2021 at 6:40 pm", "What paint did you use on the top?",
          "Mine peeled after one summer outside.", "Reply",
          "Marie dit :", "7 mars 2021 à 10 h 02", "Merci pour le tuto !", "Répondre",
          "Leave a Reply"]


def test_drop_comment_thread():
    dropped = {t: d.reason for t, d in decide("comments.thread", "\n".join(ARTICLE + THREAD))}
    assert set(dropped) == set(THREAD[1:-1])  # the label and the form are other rules'
    assert dropped["Maria says"] == "reader comment 1 of 3 (Maria): its header"
    assert dropped["Mine peeled after one summer outside."] == "reader comment 2 of 3 (Tom K.): its text"
    page = cleanpage.clean("\n".join(ARTICLE + THREAD))
    assert list(page.paragraphs) == ARTICLE[1:]


def test_comment_thread_keeps_forum_posts_and_lone_quotes():
    forum = ["Jeff said:", "March 3, 2024 at 10:15 am", "Has anyone tried the new firmware?",
             "Anna wrote:", "March 3, 2024 at 11:02 am", "Yes, it fixed the battery drain for me."]
    assert decide("comments.thread", "\n".join(ARTICLE + forum)) == []
    quotes = ["The minister says", "the vote is on Friday, and the bill will pass.",
              "Her deputy says", "2024 will be a hard year."]  # one header with a date under it is no thread
    assert decide("comments.thread", "\n".join(ARTICLE + quotes[:2] + ["Maria says", "March 3, 2021"])) == []
    assert decide("comments.thread", "\n".join(ARTICLE + quotes)) == []  # no date under either header


def test_comment_thread_last_comment_without_reply_link_keeps_its_text():
    lines = ARTICLE + ["Maria says", "March 3, 2021", "First!", "Tom K. says", "March 4, 2021", "Second."]
    dropped = [t for t, _ in decide("comments.thread", "\n".join(lines))]
    assert dropped == ["Maria says", "March 3, 2021", "First!", "Tom K. says", "March 4, 2021"]


STORY = ["Why we moved the garden to the north side",
         "For years the tomatoes sat in the sun all afternoon and split before they ripened, so last spring "
         "we moved every bed to the north side of the house, where the fence shades them after three.",
         "The move took four weekends. We lifted the raised beds whole, with a pallet jack borrowed from the "
         "hardware store, and set them on new gravel so that the water drains away from the foundation.",
         "The first summer was a surprise. The tomatoes ripened a week later than before, but none of them "
         "split, and the peppers, which had never done well for us, gave more than we could eat or give away.",
         "We kept a log of the soil temperature each morning and evening, and the shaded beds stayed about "
         "four degrees cooler through July, which is just what the seed packets had been telling us all along.",
         "Next year we will try squash along the fence, where the light is best in the morning hours."]
DATED = ["Maria Lopez", "March 3, 2021 at 9:15 am", "Lovely project, I made one for my sister.", "Reply",
         "Tom K", "March 5, 2021 at 6:40 pm", "What did you use for the gravel?", "Mine washed out.", "Reply",
         "gardengnome", "March 7, 2021 at 11:02 am", "We did the same and never looked back!", "Reply"]


def test_drop_dated_comment_thread_under_an_article():
    dropped = {t: d.reason for t, d in decide("comments.dated_thread", "\n".join(STORY + DATED))}
    assert set(dropped) == set(DATED)
    assert dropped["Maria Lopez"] == "reader comment 1 of 3 (Maria Lopez): its name"
    assert dropped["Mine washed out."] == "reader comment 2 of 3 (Tom K): its text"
    page = cleanpage.clean("\n".join(STORY + DATED))
    assert list(page.paragraphs) == STORY[1:]


def test_dated_comment_thread_keeps_forums_articles_and_other_dates():
    # a forum: the first post has a header of the same layout as the replies, no article above it
    forum = ["Best gravel for raised beds?"] + DATED[:4] + STORY[1:3] + DATED[4:]
    assert decide("comments.dated_thread", "\n".join(forum)) == []
    # too little prose above the first header to be an article
    assert decide("comments.dated_thread", "\n".join(STORY[:2] + DATED)) == []
    # dates without a clock time (a list of posts, a changelog) and two comments are no thread
    dates_only = [line.split(" at ")[0] for line in DATED]
    assert decide("comments.dated_thread", "\n".join(STORY + dates_only)) == []
    assert decide("comments.dated_thread", "\n".join(STORY + DATED[:9])) == []
    # post numbers are no names; the dates are three layouts, not one
    numbered = ["#1", "March 3, 2021 at 9:15 am", "First.", "#2", "March 5, 2021 at 6:40 pm", "Second.",
                "#3", "March 7, 2021 at 11:02 am", "Third."]
    assert decide("comments.dated_thread", "\n".join(STORY + numbered)) == []
    mixed = ["Ann", "March 3, 2021 at 9:15 am", "One.", "Bob", "2021-03-05 18:40", "Two.",
             "Cy", "5.3.2021, 18:40 Uhr", "Three."]
    assert decide("comments.dated_thread", "\n".join(STORY + mixed)) == []


def test_date_shape_is_the_layout_of_a_date_line():
    from cleanpage.rules.comments import date_shape

    assert date_shape("December 18, 2025, 9:46 pm") == date_shape("March 3, 2021, 10:02 am") == "a 0, 0, 0:0 a"
    assert date_shape("March 3, 2021 at 9:15 am") != date_shape("March 3, 2021, 9:15 am")


def test_dated_comment_thread_is_read_in_text_only():
    html = "<html><body><article>" + "".join(f"<p>{line}</p>" for line in STORY + DATED) + "</article></body></html>"
    page = cleanpage.clean(html)
    assert not any(r.rule == "comments.dated_thread" for r in page.removed)


def test_drop_quote_expander():
    for line in ("Click to expand...", "Click to shrink...", "Zum Erweitern anklicken...", "Cliquez pour agrandir...",
                 "Haz clic para expandir...", "Clique para expandir...", "Clicca per espandere..."):
        assert decide("comments.quote_expander", line).action == "drop", line
    assert decide("comments.quote_expander", "Click to expand the menu, then choose Settings.") is None


@pytest.mark.parametrize("line", [
    "All comments are moderated before they appear.",
    "We reserve the right to remove any comment that is abusive or off-topic.",
    "The views expressed in the comments are those of the readers and not of this site.",
    "Please read our comment policy before posting.",
    "El contenido de los comentarios es la opinión de los usuarios o internautas no de ultimahora.es.",
    "ultimahora.es se reserva el derecho de eliminar cualquier comentario inapropiado.",
    "No está permitido verter comentarios contrarios a las leyes, injuriantes, ilícitos o lesivos a terceros.",
    "Les commentaires sont modérés avant publication.",
    "Kommentare werden vor der Veröffentlichung geprüft.",
    "Os comentários não representam a opinião do site.",
    "I commenti sono moderati.",
])
def test_comment_policy_family(line):
    assert decide("comments.policy", line).action == "drop"


@pytest.mark.parametrize("line", [
    "The forum said all comments are moderated before they appear.",
    "Comments are moderated by volunteers. They removed 40,000 posts last year. The company hired ten more.",
    "We reserve the right to be wrong.",
    "Comments",
])
def test_comment_policy_keeps(line):
    assert decide("comments.policy", line) is None


QUESTION = ["How do I keep basil from bolting on a sunny windowsill?",
            "Mine flowers within three weeks of planting, however often I water it and turn the pot.",
            "asked Jun 2, 2021 at 8:10"]
SIGNED = ["Pinch the tops off every week, and it will branch instead of flowering.", "Ana Ruiz", "\u2013 Ana Ruiz",
          "2021-06-02 09:41:17 +00:00", "Commented Jun 2, 2021 at 9:41",
          "A south window may simply be too hot in summer.", "\u2013 tomk", "2021-06-03 18:05:02 +00:00",
          "Commented Jun 3, 2021 at 18:05"]


def test_drop_signed_comments():
    dropped = {t: d.reason for t, d in decide("comments.signed", "\n".join(QUESTION + SIGNED))}
    assert set(dropped) == set(SIGNED)
    assert dropped["Ana Ruiz"] == "reader comment 1 of 2 (signed Ana Ruiz): its name"
    assert dropped["A south window may simply be too hot in summer."] == "reader comment 2 of 2 (signed tomk): its text"
    page = cleanpage.clean("\n".join(QUESTION + SIGNED + ["Add a comment"]))
    assert QUESTION[1] in page.paragraphs and not any(line in page.body for line in SIGNED)


def test_signed_comments_keep_quotations_testimonials_and_a_single_note():
    # a quotation's attribution has no timestamp under it
    quotes = ["Tell me, what is it you plan to do with your one wild and precious life?", "\u2014 Mary Oliver",
              "Not all those who wander are lost.", "\u2014 J. R. R. Tolkien"]
    assert decide("comments.signed", "\n".join(QUESTION + quotes)) == []
    # a testimonial signed with a date but no clock time
    reviews = ["The alerts came fast and the support team was kind.", "\u2013 Linda", "Trustpilot, 2.23.2025",
               "I switched from two other services and do not miss them.", "\u2013 Isaac", "Trustpilot, 2.18.2025"]
    assert decide("comments.signed", "\n".join(QUESTION + reviews)) == []
    # one signed comment is no thread; a list item opens with a hyphen, not a dash
    assert decide("comments.signed", "\n".join(QUESTION + SIGNED[:5])) == []
    hyphens = [line.replace("\u2013", "-") for line in SIGNED]
    assert decide("comments.signed", "\n".join(QUESTION + hyphens)) == []


def test_signed_comments_are_read_in_text_only():
    html = "<html><body><article>" + "".join(f"<p>{line}</p>" for line in QUESTION + SIGNED) + "</article></body></html>"
    page = cleanpage.clean(html)
    assert not any(r.rule == "comments.signed" for r in page.removed)
