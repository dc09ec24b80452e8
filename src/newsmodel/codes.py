"""ISO 3166-1 country and ISO 4217 currency codes, checked against pycountry.

pycountry carries the current ISO lists and the withdrawn country codes (``SU``,
``DD``, ``YU``, ``CS``) that wire copy from before 1992 needs. Withdrawn currency
codes that pycountry does not carry (``DEM``, ``FRF``, ``XEU`` ...) are listed here.
"""

from __future__ import annotations

from functools import cache

import pycountry

__all__ = ["is_country_code", "is_currency_code"]

#: ISO 4217 codes withdrawn when the euro or a successor currency replaced them.
WITHDRAWN_CURRENCIES = frozenset(
    {
        "ATS", "BEF", "CSK", "DDM", "DEM", "ESP", "FIM", "FRF", "GRD", "IEP",
        "ITL", "LUF", "NLG", "PTE", "SUR", "XEU", "YUD", "YUN", "ZRZ", "ECS",
        "BRC", "BRB", "ARA", "PEI", "MXP", "PLZ", "ROL", "TRL", "VEB", "SKK",
        "SIT", "CYP", "MTL", "EEK", "LVL", "LTL", "HRK", "ZWD", "GHC", "AFA",
    }
)  # fmt: skip


@cache
def _countries() -> frozenset[str]:
    codes = {c.alpha_2 for c in pycountry.countries}
    codes |= {c.alpha_2 for c in pycountry.historic_countries if hasattr(c, "alpha_2")}
    codes.add("XK")  # Kosovo: user-assigned, in common use
    return frozenset(codes)


@cache
def _currencies() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.currencies) | WITHDRAWN_CURRENCIES


def is_country_code(code: str) -> bool:
    """Return whether *code* is an ISO 3166-1 alpha-2 code, current or withdrawn."""
    return code in _countries()


def is_currency_code(code: str) -> bool:
    """Return whether *code* is an ISO 4217 alpha-3 code, current or withdrawn."""
    return code in _currencies()
