from django import template

from dateline.subscriptions.push import keys

register = template.Library()


@register.simple_tag
def vapid_public_key() -> str:
    """The site's applicationServerKey: the same on every reader's page."""
    return keys.public_key()
