"""Tests for the visits extractor: one table per form, with negative cases."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import regex

import newsmodel
from newsmodel.extract import visits

SEED = Path(__file__).resolve().parents[1] / "seeds" / "putin-kyrgyzstan-2024-06-25.txt"
PUBLISHED = dt.date(2023, 5, 7)  # a Sunday


def _visits(text: str, published: dt.date | None = PUBLISHED) -> list[tuple[str, str, str]]:
    """Parse *text* and return (visitor surname, country, status) per visit."""
    article = newsmodel.parse(text, published=published)
    return [((v.visitor or "").split()[-1], v.country or "", v.status) for v in article.visits]


# Each text opens with a headline line, as news copy does; the facts are in the body.
POSITIVE = [
    pytest.param(
        "FISHERIES TALKS\n    OSLO, May 7 - Norwegian Foreign Minister Anna Lindqvist will"
        " visit Japan next week for talks on fisheries.\n",
        [("Lindqvist", "JP", "planned")],
        id="will-visit",
    ),
    pytest.param(
        "Andes summit\n\nChilean President Tomas Ferreira is due to travel to Argentina"
        " next month to attend a summit on water.\n",
        [("Ferreira", "AR", "planned")],
        id="is-due-to-travel",
    ),
    pytest.param(
        "Trade row\n\nSwedish Prime Minister Erik Holm visited Poland last year and"
        " signed a pact on energy.\n",
        [("Holm", "PL", "completed")],
        id="visited",
    ),
    pytest.param(
        "Home again\n\nMexican Foreign Minister Laura Ortiz returned from Canada last week"
        " after talks on trade.\n",
        [("Ortiz", "CA", "completed")],
        id="returned-from",
    ),
    pytest.param(
        "Ties deepen\n\nItalian President Marco Conti is on a three-day visit to Egypt,"
        " his office said.\n",
        [("Conti", "EG", "ongoing")],
        id="on-a-visit-to",
    ),
    pytest.param(
        "TRADE DELEGATION TO VISIT U.S.\n    HANOI, May 7 - A Vietnamese trade delegation"
        " departs for Washington tomorrow for talks on textile quotas.\n",
        [("delegation", "US", "planned")],
        id="delegation-leaves-for",
    ),
    pytest.param(
        "CHIP TALKS\n    TOKYO, May 7 - U.S. Trade Representative John Miller, in Japan for"
        " talks on chips, said the row could be settled.\n",
        [("Miller", "JP", "ongoing")],
        id="appositive-in-country",
    ),
    pytest.param(
        "Arms row\n\nCanadian Defence Minister Claire Dubois is meeting British officials"
        " this week about buying frigates.\n",
        [("Dubois", "GB", "ongoing")],
        id="meeting-foreign-officials",
    ),
    pytest.param(
        'TRADE WARNING\n    WASHINGTON, May 7 - "We will act," President Jack Reed was quoted'
        " as telling Prime Minister Pierre Martin after the visiting French official raised"
        " the matter.\n",
        [("Martin", "US", "ongoing")],
        id="the-visiting-official",
    ),
    pytest.param(
        "Envoys meet\n\nChinese Foreign Minister Li Wei met visiting Russian Foreign Minister"
        " Ivan Petrov in Beijing last week.\n",
        [("Petrov", "CN", "completed")],
        id="guest-received-at-home",
    ),
    pytest.param(
        "Invite\n\nKenyan President Samuel Otieno accepted an invitation to visit India"
        " later this year.\n",
        [("Otieno", "IN", "planned")],
        id="accepted-an-invitation",
    ),
    pytest.param(
        "Ties\n\nFinnish President Aino Virtanen is likely to visit Estonia next month.\n",
        [("Virtanen", "EE", "planned")],
        id="is-likely-to-visit",
    ),
    pytest.param(
        "Ties\n\nDutch Prime Minister Pieter de Vries wrapped up a visit to Indonesia on"
        " Saturday.\n",
        [("Vries", "ID", "completed")],
        id="wrapped-up-a-visit",
    ),
    pytest.param(
        "TALKS\n    SEOUL, May 7 - Brazilian Trade Minister Paulo Mendes arrived in Seoul on"
        " Saturday for three days of talks.\n",
        [("Mendes", "KR", "ongoing")],
        id="arrived-in",
    ),
    pytest.param(
        "Ties\n\nThe visit by German Chancellor Max Bauer to Brazil ended on Friday.\n",
        [("Bauer", "BR", "completed")],
        id="visit-by-to",
    ),
    pytest.param(
        "TRADE\n    BEIJING, May 7 - A state newspaper released the demands to mark"
        " the visit of U.S. Commerce Secretary Ann Lee.\n",
        [("Lee", "CN", "ongoing")],
        id="the-visit-of-here",
    ),
    pytest.param(
        "RICE\n    TOKYO, May 7 - Visiting U.S. Agriculture Secretary Ann Lee told reporters"
        " Japan must open its rice market.\n",
        [("Lee", "JP", "ongoing")],
        id="visiting-title-name",
    ),
    pytest.param(
        "CURRENCY\n    NEW YORK, May 7 - Bundesbank President Hans Keller warned against a"
        " weaker dollar. In a speech to bankers here, Keller said rates would stay.\n",
        [("Keller", "US", "ongoing")],
        id="speech-here",
    ),
    pytest.param(
        "ASYLUM\n    LONDON, May 7 - Home Secretary Tom Reid met his EU colleagues in"
        " Luxembourg on Monday.\n",
        [("Reid", "LU", "completed")],
        id="met-counterparts-abroad",
    ),
    pytest.param(
        "SUMMIT\n    WASHINGTON, May 7 - The summit meeting in Ottawa between President Jack"
        " Reed and Canadian Prime Minister Anne Roy is set for June.\n",
        [("Reed", "CA", "planned")],
        id="meeting-between-guest-and-host",
    ),
    pytest.param(
        "SUMMIT\n    WASHINGTON, May 7 - The summit meeting in Ottawa between Canadian Prime"
        " Minister Anne Roy and President Jack Reed is set for June.\n",
        [("Reed", "CA", "planned")],
        id="meeting-between-host-and-guest",
    ),
    pytest.param(
        "ROYAL VISITS\n    LONDON, May 7 - There were two state tours of Britain by Gulf"
        " rulers before. King Omar visited in 1985 and King Hassan in 1990.\n",
        [("Omar", "GB", "completed"), ("Hassan", "GB", "completed")],
        id="visited-here-and-gapped",
    ),
    pytest.param(
        "ROYAL VISIT\n    LONDON, May 7 - King Omar of Jordan starts a three-day state visit"
        " on Tuesday.\n",
        [("Omar", "GB", "planned")],
        id="begins-state-visit-here",
    ),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_visit_forms(text: str, expected: list[tuple[str, str, str]]) -> None:
    """Each way news copy tells a trip yields the visitor, host country and status."""
    assert _visits(text) == expected


NEGATIVE = [
    pytest.param(
        "Regions\n\nRussian President Ivan Orlov visited Novosibirsk on Monday to open a bridge.\n",
        id="domestic-trip-stated-nationality",
    ),
    pytest.param(
        "FLOODS\n    LONDON, May 7 - Prime Minister John Smith visited Glasgow on Friday"
        " to see the flood damage.\n",
        id="domestic-trip-dateline-country",
    ),
    pytest.param(
        "Museums\n\nVisitors to the museum in Paris rose 10 percent last year, director"
        " Claire Lambert said.\n",
        id="visitors-to-the-museum",
    ),
    pytest.param(
        "Ties\n\nSeveral trips to Peru by Dutch officials took place last year,"
        " Foreign Secretary Tom Hale said.\n",
        id="unnamed-visitors",
    ),
    pytest.param(
        "Campaign\n\nSenator Bob Jones said he would be impartial when it comes to Israel.\n",
        id="when-it-comes-to",
    ),
    pytest.param(
        'Campaign\n\n"I need to go to Israel soon," Senator Bob Jones said on Monday.\n',
        id="inside-quoted-speech",
    ),
    pytest.param(
        "Economy\n\nGerman Finance Minister Karl Weber said on Monday that exports to"
        " meet U.S. demand would rise.\n",
        id="meet-demand-is-no-meeting",
    ),
    pytest.param(
        "Ties\n\nJapanese Prime Minister Ken Ito plans to visit Osaka next week.\n",
        id="domestic-city-planned",
    ),
    pytest.param(
        "Talks\n\nChinese Foreign Ministry spokesman Li Wei said the talks in Washington"
        " were constructive.\n",
        id="speaker-reporting-talks-abroad",
    ),
    pytest.param(
        "Aid\n\nGuyanese Finance Minister Carl Reid said an IMF team would visit"
        " Brazil this week.\n",
        id="speaker-is-not-the-traveller",
    ),
    pytest.param(
        "Sport\n\nThe French team arrived in Tokyo for the World Cup.\n",
        id="unnamed-team",
    ),
    pytest.param(
        "PRESIDENT TO VISIT CHINA\n    PARIS, May 7 - French exports rose 3 pct in April.\n",
        id="headline-only",
    ),
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_a_visit(text: str) -> None:
    """Domestic trips, unnamed or quoted travellers and idioms are not visits."""
    assert _visits(text) == []


def test_host_receiving_guest_is_not_a_visitor() -> None:
    """A minister meeting a guest at home is the host: only the guest travels."""
    text = (
        "Envoys meet\n\nChinese Foreign Minister Li Wei met visiting Russian Foreign Minister"
        " Ivan Petrov in Beijing last week.\n"
    )
    assert [name for name, _, _ in _visits(text)] == ["Petrov"]


def test_one_visit_per_trip_with_mentions() -> None:
    """Statements of one trip merge: the clearest is the span, the others are mentions."""
    text = (
        "Visit\n\nSpanish Prime Minister Luis Navarro will visit Morocco on Friday.\n\n"
        "Navarro's two-day trip to Morocco will focus on migration and fishing rights.\n"
    )
    article = newsmodel.parse(text, published=PUBLISHED)
    assert len(article.visits) == 1
    visit = article.visits[0]
    assert (visit.visitor, visit.country, visit.duration_days) == ("Luis Navarro", "MA", 2)
    assert len(visit.mentions) == 1
    assert article.surface(visit.span).startswith("Navarro's two-day trip")


@pytest.fixture(scope="module")
def seed() -> newsmodel.Article:
    """The seed article, parsed once."""
    return newsmodel.parse(SEED.read_text("utf-8"))


def test_seed_has_two_trips(seed: newsmodel.Article) -> None:
    """The seed tells two trips of Vladimir Putin: Kyrgyzstan now, China next week."""
    assert [(v.visitor, v.country, v.status) for v in seed.visits] == [
        ("Vladimir Putin", "CN", "planned"),
        ("Vladimir Putin", "KG", "ongoing"),
    ]


def test_seed_kyrgyzstan_details(seed: newsmodel.Article) -> None:
    """The Kyrgyzstan trip is two days in Bishkek, ending with the summit on Friday."""
    trip = next(v for v in seed.visits if v.country == "KG")
    assert (trip.place, trip.duration_days, trip.end) == ("Bishkek", 2, dt.date(2024, 6, 28))
    assert trip.destination == "Kyrgyzstan"
    assert len(trip.mentions) >= 2


def test_seed_china_details(seed: newsmodel.Article) -> None:
    """The China trip resolves "The Russian leader" and keeps its purpose as written."""
    trip = next(v for v in seed.visits if v.country == "CN")
    assert trip.place == "Beijing"
    assert trip.purpose == "for the third Belt and Road Forum"
    assert trip.visitor_span is not None
    assert seed.surface(trip.visitor_span) == "The Russian leader"


# -- the named patterns -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        (visits.TRAVEL_WORD, "will visit Tokyo", "visit"),
        (visits.TRAVEL_WORD, "arrived in\n    Beijing", "arrived in\n    Beijing"[:10]),
        (visits.TRAVEL_WORD, "leaves for Washington", "leaves for"),
        (visits.TRAVEL_WORD, "returned from Moscow", "returned from"),
        (visits.TRAVEL_WORD, "visitors to the museum", None),
        (visits.TRAVEL_WORD, "a revisit of the plan", None),
        (visits.DURATION, "a four-day state visit", "four-day"),
        (visits.DURATION, "a 10-day tour", "10-day"),
        (visits.DURATION, "a day trip", None),
        (visits.DELEGATION, "a US trade delegation arrived", "US trade delegation"),
        (visits.DELEGATION, "the delegation arrived", None),
        (visits.VISITING, "the visiting French official", "the visiting French official"),
        (visits.VISITING, "visiting hours", None),
        (visits.EVENT_HERE, "told a news conference here", "told a news conference here"),
        (visits.EVENT_HERE, "officials here said", None),
        (visits.PURPOSE, "for the third Forum in Beijing", "for the third Forum"),
    ],
)
def test_patterns(pattern: regex.Pattern[str], text: str, found: str | None) -> None:
    """Each named pattern matches its form and leaves look-alikes alone."""
    match = pattern.search(text)
    assert (match.group() if match else None) == found


def test_lexicon_loads_national_bodies() -> None:
    """A national body gives its officials a nationality; a world body gives none."""
    bodies = visits.lexicon().national_bodies
    assert bodies["bundesbank"] == "DE"
    assert all(key == key.casefold() for key in bodies)


def test_hostile_input_is_fast() -> None:
    """Long runs of capitals and travel words do not make the extractor slow."""
    text = "Headline\n\n" + ("Visit Visit visited to in Paris, " * 400) + "."
    article = newsmodel.parse(text)
    assert isinstance(article.visits, tuple)


# -- issue 5 checklist and generalisation articles -------------------------------------------


def _details(text: str, published: dt.date) -> list[tuple[object, ...]]:
    """Parse *text*: (surname, country, status, start, end, days, purpose) per visit."""
    article = newsmodel.parse(text, published=published)
    return [
        (
            (v.visitor or "").split()[-1],
            v.country,
            v.status,
            v.start.isoformat() if v.start else None,
            v.end.isoformat() if v.end else None,
            v.duration_days,
            v.purpose,
        )
        for v in article.visits
    ]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        pytest.param(
            "XI TO TOUR EUROPE\n    BEIJING, April 29 (Xinhua) -- Chinese President Xi Jinping"
            " will pay state visits to France, Serbia and Hungary from May 5 to 10, a"
            " spokesperson said Monday.\n    Xi inspected a high-tech zone in Chongqing last"
            " week.\n",
            dt.date(2024, 4, 29),
            [
                ("Jinping", "FR", "planned", "2024-05-05", "2024-05-10", None, None),
                ("Jinping", "RS", "planned", "2024-05-05", "2024-05-10", None, None),
                ("Jinping", "HU", "planned", "2024-05-05", "2024-05-10", None, None),
            ],
            id="xinhua-listed-destinations-and-domestic-inspection",
        ),
        pytest.param(
            "Macron in Kenya\n\nFrench President Emmanuel Macron has arrived in Nairobi for a"
            " two-day summit on climate finance.\n\nIt is his first trip to Kenya since 2017."
            "\n\nMr Macron travelled to Marseille on Monday to open a port terminal.\n\nHe is"
            " due to fly on to Ethiopia on Friday.\n",
            dt.date(2024, 6, 4),
            [
                (
                    "Macron",
                    "KE",
                    "ongoing",
                    None,
                    None,
                    2,
                    "for a two-day summit on climate finance",
                ),
                ("Macron", "ET", "planned", None, None, None, None),
            ],
            id="bbc-arrived-fly-on-to-domestic-trip",
        ),
        pytest.param(
            "SHULTZ TRIP\n    WASHINGTON, Feb 12 - Secretary of State George Shultz will visit"
            " Peking from March 1 to 4 for talks with Chinese leaders, officials said.\n"
            "    Treasury Secretary James Baker will travel to Texas on Friday.\n REUTER\n",
            dt.date(1987, 2, 12),
            [("Shultz", "CN", "planned", "1987-03-01", "1987-03-04", None, None)],
            id="reuters-1987-planned-and-domestic",
        ),
        pytest.param(
            "Erdogan in Iraq\nANKARA, April 22 (Reuters) - Turkish President Tayyip Erdogan is on"
            " a two-day visit to Iraq, his first since 2012.\n",
            dt.date(2024, 4, 22),
            [("Erdogan", "IQ", "ongoing", None, None, 2, None)],
            id="wire-ongoing-since-is-no-trip-time",
        ),
        pytest.param(
            "Visit\n\nGerman Chancellor Olaf Scholz wrapped up a visit to Brazil on Monday.\n",
            dt.date(2024, 6, 25),
            [("Scholz", "BR", "completed", None, "2024-06-24", None, None)],
            id="wrapped-up",
        ),
        pytest.param(
            "Visit\n\nU.S. Secretary of State Antony Blinken is likely to visit Saudi Arabia"
            " later this month to discuss a ceasefire.\n",
            dt.date(2024, 6, 3),
            [("Blinken", "SA", "planned", None, None, None, "to discuss a ceasefire")],
            id="is-likely-to-visit-with-purpose",
        ),
    ],
)
def test_generalisation_articles(
    text: str, published: dt.date, expected: list[tuple[object, ...]]
) -> None:
    """Self-made articles in four house styles give each trip with status, dates and purpose."""
    assert _details(text, published) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Ohio\n\nU.S. President Joe Biden visited Ohio on Tuesday.\n", id="us-state"),
        pytest.param(
            "Forum\n\nChinese Premier Li Qiang flew to Shanghai to attend a forum.\n",
            id="domestic-flight",
        ),
        pytest.param(
            "Floods\n\nAustralian Prime Minister Anthony Albanese toured flood-hit towns in"
            " Queensland on Monday.\n",
            id="domestic-tour",
        ),
        pytest.param(
            "Career\n\nFormer minister Ana Ruiz went on to say that the plan had failed.\n",
            id="went-on-to-say",
        ),
        pytest.param(
            "Cars\n\nGerman carmaker chief Hans Vogel said in March that sales would rise.\n",
            id="said-in-march-is-no-town",
        ),
    ],
)
def test_domestic_trips_are_no_visits(text: str) -> None:
    """Trips inside one's own country and idioms of going are not visits."""
    assert _visits(text, dt.date(2024, 6, 25)) == []
