"""Which addresses we accept: well-formed, and not from a throwaway-mail service."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

# Services that hand out addresses for minutes: a subscription there reaches nobody.
DISPOSABLE = frozenset({
    "10minutemail.com", "20minutemail.com", "33mail.com", "dispostable.com",
    "emailondeck.com", "fakeinbox.com", "getairmail.com", "getnada.com", "guerrillamail.com",
    "guerrillamail.net", "guerrillamailblock.com", "harakirimail.com", "maildrop.cc",
    "mailinator.com", "mailnesia.com", "mintemail.com", "mohmal.com", "mytemp.email",
    "sharklasers.com", "spamgourmet.com", "temp-mail.org", "tempmail.com", "tempmailo.com",
    "tempr.email", "throwawaymail.com", "trashmail.com", "trashmail.de", "yopmail.com",
    "yopmail.fr", "discard.email", "moakt.com", "tmpmail.org", "burnermail.io",
})


def clean_address(raw: str) -> str:
    """The address as we store it (trimmed, lower-cased), or ValidationError."""
    address = (raw or "").strip()
    if not address:
        raise ValidationError(_("Enter your email address."), code="required")
    if len(address) > 254:
        raise ValidationError(_("That email address is too long."), code="long")
    try:
        validate_email(address)
    except ValidationError:
        raise ValidationError(_("“%(address)s” is not an email address we can write to."),
                              code="invalid", params={"address": address[:80]}) from None
    local, _at, domain = address.rpartition("@")
    domain = domain.lower().rstrip(".")
    if any(domain == d or domain.endswith("." + d) for d in DISPOSABLE):
        raise ValidationError(_("Please use a lasting address: mail from a throwaway "
                                "address service would not reach you."), code="disposable")
    # lower-cased whole: one reader typing Ann@ and ann@ must not get every mail twice
    return f"{local}@{domain}".lower()
