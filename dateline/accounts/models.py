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


class UsernameKey(models.Model):
    """What a username looks like (accounts/names.py), to refuse names that look alike."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, models.CASCADE, primary_key=True,
                                related_name="+")
    key = models.CharField(max_length=150, db_index=True)

    def __str__(self) -> str:
        return self.key
