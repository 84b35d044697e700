"""Buyers, addresses and the identifiers Amazon and the carriers hand out."""

from __future__ import annotations

import random
from dataclasses import dataclass


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST_NAMES = _words(
    "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara "
    "Richard Susan Joseph Jessica Thomas Sarah Chris Karen Daniel Lisa Matthew Nancy Anthony "
    "Betty Mark Sandra Josh Ashley Steven Kimberly Andrew Emily Kevin Donna Brian Michelle "
    "George Carol Tim Amanda Jason Melissa Ryan Deborah Jacob Stephanie Gary Rebecca Nick "
    "Laura Eric Sharon Jonathan Cynthia Justin Kathleen Scott Amy Brandon Angela Ben Shirley "
    "Samuel Anna Gregory Brenda Alex Pamela Frank Emma Patrick Nicole Jack Helen Dennis Sam "
    "Tyler Katherine Aaron Christine Jose Debra Adam Rachel Nathan Carolyn Henry Janet Zach "
    "Maria Carlos Sofia Luis Camila Diego Lucia Miguel Valentina Alisa Priya Wei Mei Hiro "
    "Yuki Omar Layla Ahmed Fatima Noah Olivia Liam Ava Ethan Mia Lucas Chloe Mason Zoe"
)
LAST_NAMES = _words(
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez "
    "Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson "
    "White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott "
    "Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter "
    "Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart "
    "Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed "
    "Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray "
    "Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez "
    "O'Brien Kowalski Schmidt Nakamura Chen Singh Okafor Larsen Novak Rossi Dubois"
)
# Buyers who write in Spanish on amazon.com: names that fit.
SPANISH_FIRST_NAMES = _words("Carlos Sofia Luis Camila Diego Lucia Miguel Valentina Jose Maria")

# (city, state, ZIP prefix): ZIPs get three random digits.
CITIES = (
    ("Seattle", "WA", "981"), ("Portland", "OR", "972"), ("San Jose", "CA", "951"),
    ("Los Angeles", "CA", "900"), ("San Diego", "CA", "921"), ("Sacramento", "CA", "958"),
    ("Phoenix", "AZ", "850"), ("Denver", "CO", "802"), ("Salt Lake City", "UT", "841"),
    ("Austin", "TX", "787"), ("Houston", "TX", "770"), ("Dallas", "TX", "752"),
    ("San Antonio", "TX", "782"), ("Chicago", "IL", "606"), ("Minneapolis", "MN", "554"),
    ("Milwaukee", "WI", "532"), ("Detroit", "MI", "482"), ("Columbus", "OH", "432"),
    ("Cleveland", "OH", "441"), ("Indianapolis", "IN", "462"), ("Nashville", "TN", "372"),
    ("Atlanta", "GA", "303"), ("Charlotte", "NC", "282"), ("Raleigh", "NC", "276"),
    ("Miami", "FL", "331"), ("Orlando", "FL", "328"), ("Tampa", "FL", "336"),
    ("Richmond", "VA", "232"), ("Baltimore", "MD", "212"), ("Philadelphia", "PA", "191"),
    ("Pittsburgh", "PA", "152"), ("Newark", "NJ", "071"), ("Brooklyn", "NY", "112"),
    ("Buffalo", "NY", "142"), ("Boston", "MA", "021"), ("Providence", "RI", "029"),
    ("Hartford", "CT", "061"), ("Kansas City", "MO", "641"), ("St. Louis", "MO", "631"),
    ("New Orleans", "LA", "701"), ("Albuquerque", "NM", "871"), ("Boise", "ID", "837"),
    ("Anchorage", "AK", "995"), ("Honolulu", "HI", "968"), ("Omaha", "NE", "681"),
)  # fmt: skip

_LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
_UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
_HEX = "0123456789abcdef"


@dataclass(frozen=True, slots=True)
class Buyer:
    first: str
    last: str
    alias: str  # relay alias, the stable buyer key
    city: str
    state: str
    postal_code: str
    spanish: bool = False

    @property
    def full_name(self) -> str:
        return f"{self.first} {self.last}"


def code(rng: random.Random, length: int, alphabet: str = _UPPER_ALNUM) -> str:
    return "".join(rng.choice(alphabet) for _ in range(length))


def relay_alias(rng: random.Random) -> str:
    """``<15 lowercase letters/digits>@marketplace.amazon.com``, as Amazon's relay uses."""
    return f"{code(rng, 15, _LOWER_ALNUM)}@marketplace.amazon.com"


def new_buyer(rng: random.Random, *, spanish_share: float = 0.04) -> Buyer:
    spanish = rng.random() < spanish_share
    first = rng.choice(SPANISH_FIRST_NAMES if spanish else FIRST_NAMES)
    city, state, prefix = rng.choice(CITIES)
    return Buyer(
        first=first,
        last=rng.choice(LAST_NAMES),
        alias=relay_alias(rng),
        city=city,
        state=state,
        postal_code=f"{prefix}{rng.randrange(100):02d}",
        spanish=spanish,
    )


def order_id(rng: random.Random) -> str:
    """``\\d{3}-\\d{7}-\\d{7}``, with the 111-114 prefixes amazon.com uses."""
    prefix = rng.choice(("111", "112", "113", "114"))
    return f"{prefix}-{rng.randrange(10**7):07d}-{rng.randrange(10**7):07d}"


def tracking_number(rng: random.Random, carrier: str) -> str:
    if carrier == "USPS":  # 22 digits starting 9400 1
        return "94001" + "".join(rng.choice("0123456789") for _ in range(17))
    if carrier == "UPS":  # 1Z + shipper (6) + service (2) + package (8)
        return "1Z" + code(rng, 6) + "03" + "".join(rng.choice("0123456789") for _ in range(8))
    return "".join(rng.choice("0123456789") for _ in range(12))  # FedEx


def ses_message_id(rng: random.Random) -> str:
    """A Message-ID in the shape Amazon's relay (Amazon SES) gives its mail."""
    parts = (code(rng, 16, _HEX), code(rng, 8, _HEX), code(rng, 4, _HEX), code(rng, 4, _HEX))
    tail = code(rng, 12, _HEX)
    return f"<0100{parts[0]}-{parts[1]}-{parts[2]}-{parts[3]}-{tail}-000000@email.amazonses.com>"


def short_name(first: str, last: str) -> str:
    """How reviews sign: "Jennifer K."."""
    return f"{first} {last[0]}."
