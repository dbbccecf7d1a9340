import pytest

from cleanpage.pipeline import decide


def test_drop_ai_feature_promo():
    assert decide("promo.ai_features", "Explore what Daily8 AI can do for you:").action == "drop"
    assert decide("promo.ai_features", "The bank will explore what AI can do for its customers next year.") is None


@pytest.mark.parametrize("line", [
    "Try Our AI Features",
    "Try our new AI assistant",
    "Explore what Gulf News AI can do for you:",
    "Explore what NewsBot can do for you",
    "See what AI can do for you",
    "Ask Copilot AI anything",
    "Summarize this article with AI",
    "AI-generated summary",
])
def test_ai_promo_family(line):
    assert decide("promo.ai_features", line).action == "drop"


def test_drop_app_promo():
    assert decide("promo.app_download", "Download our app").action == "drop"
    assert decide("promo.app_download", "Millions rushed to download the app after the launch.") is None


@pytest.mark.parametrize("line", ["Get the app", "Download the free BBC News app now", "Available on the App Store",
                                  "Install our app today!"])
def test_app_promo_family(line):
    assert decide("promo.app_download", line).action == "drop"


def test_drop_newsletter_line():
    assert decide("promo.newsletter_line", "Subscribe to our newsletter").action == "drop"
    assert decide("promo.newsletter_line",
                  "More than 2,000 readers subscribe to the newsletter, the editor said.") is None


@pytest.mark.parametrize("line", ["Get all latest content delivered straight to your inbox.",
                                  "Get the latest recipes delivered to your inbox.",
                                  "Get the best of The Green Fork delivered to your inbox weekly",
                                  "Get the latest in garden news delivered to your inbox!",
                                  "Join our newsletter for the week's best garden projects.",
                                  "\U0001F680 Sign up for The Potting Bench newsletter",
                                  "Sign up to our weekly round-up, sent straight to your inbox!",
                                  "Join our email list for weekly garden tips!",
                                  "Planting tips, delivered to your inbox",
                                  "Get our newest recipes in your inbox every Friday.",
                                  "Thanks for subscribing! Check your inbox to confirm.",
                                  "Thank you for signing up, see you on Friday!"])
def test_newsletter_line_family(line):
    assert decide("promo.newsletter_line", line).action == "drop"


@pytest.mark.parametrize("line", [
    "Nichts mehr verpassen: Abonnieren Sie kostenlos den Garten-Newsletter und bleiben Sie auf dem Laufenden.",
    "Jetzt zum Newsletter anmelden",
    "Melden Sie sich für unseren wöchentlichen Newsletter an!",
    "Abonnez-vous à notre newsletter pour recevoir nos recettes.",
    "Inscription à la newsletter",
    "Suscríbete a nuestro boletín y recibe las novedades cada semana.",
    "Assine a nossa newsletter",
    "Iscriviti alla nostra newsletter settimanale",
])
def test_newsletter_line_family_in_other_languages(line):
    assert decide("promo.newsletter_line", line).action == "drop"


@pytest.mark.parametrize("line", [
    "Mehr als 2.000 Leser abonnieren den Newsletter, sagte die Redakteurin.",
    "Jetzt gibt es einen neuen Newsletter der Stadtverwaltung, sagte der Bürgermeister.",
    "Les abonnés à la newsletter ont doublé en un an.",
    "El boletín oficial publicó ayer la nueva ley.",
])
def test_newsletter_line_keeps_reports_in_other_languages(line):
    assert decide("promo.newsletter_line", line) is None


def test_newsletter_line_keeps_a_report_of_one():
    assert decide("promo.newsletter_line",
                  "Readers get the latest figures delivered to their inbox each Monday, the editor said.") is None


@pytest.mark.parametrize("line", [
    "Gardeners who subscribe to seed-company newsletters hear about new varieties first.",
    "The newsletters I subscribe to arrive on Sunday mornings.",
    "Once your list is set up, you can add a signup form to your site.",
    "Thanks to the new mailing list, the club doubled its members.",
])
def test_newsletter_line_keeps_advice_and_reports(line):
    assert decide("promo.newsletter_line", line) is None


def test_cut_newsletter_pitch():
    text = ('"This has put it at odds with the approach of most UNSC member states, which oppose such attacks '
            'outright." New MEE newsletter: Jerusalem Dispatch Sign up to get the latest insights and analysis on '
            'Israel-Palestine, alongside Turkey Unpacked and other MEE newsletters Another diplomat said so.')
    d = decide("promo.newsletter_pitch", text)
    assert d.action == "cut"
    assert text[d.start:d.end] == ("New MEE newsletter: Jerusalem Dispatch Sign up to get the latest insights and "
                                   "analysis on Israel-Palestine, alongside Turkey Unpacked and other MEE newsletters")
    assert decide("promo.newsletter_pitch",
                  "The paper's newsletter: a success, the editor said. Sign-ups doubled.") is None


def test_newsletter_pitch_other_brand():
    text = ("Prices rose 3.5% in May. New FT newsletter: Trade Secrets Sign up to get the inside story of trade "
            "and other FT newsletters Exports fell too.")
    d = decide("promo.newsletter_pitch", text)
    assert text[d.start:d.end].startswith("New FT newsletter") and text[d.end:].strip() == "Exports fell too."
