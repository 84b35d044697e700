"""Amazon marketplaces: the per-marketplace defaults the desk starts from.

Each value is only a default: a store may change its time zone and every policy
setting it carries. Marketplace ids are Amazon's public ones.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Marketplace:
    code: str
    name: str
    marketplace_id: str
    domain: str  # amazon.<tld>
    timezone: str
    currency: str
    language: str
    region: str  # SP-API region: na, eu, fe
    holiday_country: str  # ISO code for the `holidays` package
    day_first: bool  # how dates are written in its reports


MARKETPLACES: dict[str, Marketplace] = {
    m.code: m
    for m in [
        Marketplace(
            "US",
            "United States",
            "ATVPDKIKX0DER",
            "amazon.com",
            "America/Los_Angeles",
            "USD",
            "en",
            "na",
            "US",
            False,
        ),
        Marketplace(
            "CA",
            "Canada",
            "A2EUQ1WTGCTBG2",
            "amazon.ca",
            "America/Toronto",
            "CAD",
            "en",
            "na",
            "CA",
            False,
        ),
        Marketplace(
            "MX",
            "Mexico",
            "A1AM78C64UM0Y8",
            "amazon.com.mx",
            "America/Mexico_City",
            "MXN",
            "es",
            "na",
            "MX",
            True,
        ),
        Marketplace(
            "BR",
            "Brazil",
            "A2Q3Y263D00KWC",
            "amazon.com.br",
            "America/Sao_Paulo",
            "BRL",
            "pt",
            "na",
            "BR",
            True,
        ),
        Marketplace(
            "UK",
            "United Kingdom",
            "A1F83G8C2ARO7P",
            "amazon.co.uk",
            "Europe/London",
            "GBP",
            "en",
            "eu",
            "GB",
            True,
        ),
        Marketplace(
            "IE",
            "Ireland",
            "A28R8C7NBKEWEA",
            "amazon.ie",
            "Europe/Dublin",
            "EUR",
            "en",
            "eu",
            "IE",
            True,
        ),
        Marketplace(
            "DE",
            "Germany",
            "A1PA6795UKMFR9",
            "amazon.de",
            "Europe/Berlin",
            "EUR",
            "de",
            "eu",
            "DE",
            True,
        ),
        Marketplace(
            "FR",
            "France",
            "A13V1IB3VIYZZH",
            "amazon.fr",
            "Europe/Paris",
            "EUR",
            "fr",
            "eu",
            "FR",
            True,
        ),
        Marketplace(
            "IT",
            "Italy",
            "APJ6JRA9NG5V4",
            "amazon.it",
            "Europe/Rome",
            "EUR",
            "it",
            "eu",
            "IT",
            True,
        ),
        Marketplace(
            "ES",
            "Spain",
            "A1RKKUPIHCS9HS",
            "amazon.es",
            "Europe/Madrid",
            "EUR",
            "es",
            "eu",
            "ES",
            True,
        ),
        Marketplace(
            "NL",
            "Netherlands",
            "A1805IZSGTT6HS",
            "amazon.nl",
            "Europe/Amsterdam",
            "EUR",
            "nl",
            "eu",
            "NL",
            True,
        ),
        Marketplace(
            "BE",
            "Belgium",
            "AMEN7PMS3EDWL",
            "amazon.com.be",
            "Europe/Brussels",
            "EUR",
            "fr",
            "eu",
            "BE",
            True,
        ),
        Marketplace(
            "SE",
            "Sweden",
            "A2NODRKZP88ZB9",
            "amazon.se",
            "Europe/Stockholm",
            "SEK",
            "sv",
            "eu",
            "SE",
            True,
        ),
        Marketplace(
            "PL",
            "Poland",
            "A1C3SOZRARQ6R3",
            "amazon.pl",
            "Europe/Warsaw",
            "PLN",
            "pl",
            "eu",
            "PL",
            True,
        ),
        Marketplace(
            "TR",
            "Turkey",
            "A33AVAJ2PDY3EV",
            "amazon.com.tr",
            "Europe/Istanbul",
            "TRY",
            "tr",
            "eu",
            "TR",
            True,
        ),
        Marketplace(
            "AE",
            "United Arab Emirates",
            "A2VIGQ35RCS4UG",
            "amazon.ae",
            "Asia/Dubai",
            "AED",
            "en",
            "eu",
            "AE",
            True,
        ),
        Marketplace(
            "SA",
            "Saudi Arabia",
            "A17E79C6D8DWNP",
            "amazon.sa",
            "Asia/Riyadh",
            "SAR",
            "ar",
            "eu",
            "SA",
            True,
        ),
        Marketplace(
            "EG",
            "Egypt",
            "ARBP9OOSHTCHU",
            "amazon.eg",
            "Africa/Cairo",
            "EGP",
            "ar",
            "eu",
            "EG",
            True,
        ),
        Marketplace(
            "IN",
            "India",
            "A21TJRUUN4KGV",
            "amazon.in",
            "Asia/Kolkata",
            "INR",
            "en",
            "eu",
            "IN",
            True,
        ),
        Marketplace(
            "SG",
            "Singapore",
            "A19VAU5U5O7RUS",
            "amazon.sg",
            "Asia/Singapore",
            "SGD",
            "en",
            "fe",
            "SG",
            True,
        ),
        Marketplace(
            "AU",
            "Australia",
            "A39IBJ37TRP1C6",
            "amazon.com.au",
            "Australia/Sydney",
            "AUD",
            "en",
            "fe",
            "AU",
            True,
        ),
        Marketplace(
            "JP",
            "Japan",
            "A1VC38T7YXB528",
            "amazon.co.jp",
            "Asia/Tokyo",
            "JPY",
            "ja",
            "fe",
            "JP",
            False,
        ),
    ]
}

MARKETPLACE_CHOICES = [(code, f"{m.name} ({m.domain})") for code, m in MARKETPLACES.items()]


def get_marketplace(code: str) -> Marketplace:
    """The marketplace for ``code`` (case-insensitive; GB is accepted for UK)."""
    key = code.strip().upper()
    if key == "GB":
        key = "UK"
    try:
        return MARKETPLACES[key]
    except KeyError:
        known = ", ".join(MARKETPLACES)
        raise ValueError(f"unknown marketplace {code!r} (known: {known})") from None
