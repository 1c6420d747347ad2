"""What a reader chooses about their account."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReaderProfile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, models.CASCADE,
                                related_name="reader_profile")
    email_on_reply = models.BooleanField(_("email me when someone replies to my comment"),
                                         default=False)

    class Meta:
        verbose_name = _("reader profile")
        verbose_name_plural = _("reader profiles")

    def __str__(self) -> str:
        return str(self.user)
