"""The reader's side: subscribing, confirming, the preference centre, leaving."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from dateline import clients
from dateline.subscriptions import actions, tokens
from dateline.subscriptions.forms import PreferencesForm, SubscribeForm
from dateline.subscriptions.models import Subscriber


def _refused(request: HttpRequest, error: tokens.Invalid) -> HttpResponse:
    return render(request, "subscriptions/invalid.html", {"expired": error.expired},
                  status=410 if error.expired else 400)


# The form sits on pages cached whole for every reader, so it carries no CSRF token. That is
# safe here: a post, whoever makes it, can only have a confirmation link mailed to an address
# (rate-limited per address and per client); nothing is subscribed until the link is followed.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return render(request, "subscriptions/subscribe.html",
                      {"form": SubscribeForm(initial={"digest": True, "breaking": True})})
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return render(request, "subscriptions/subscribe.html", {"form": form}, status=400)
    data = form.cleaned_data
    try:
        actions.subscribe(data["email"], language=get_language(),
                          section_ids=[data["section"]] if data["section"] else [],
                          breaking=data["breaking"], digest=data["digest"],
                          client=clients.of_request(request))
    except actions.TooMany:
        return render(request, "subscriptions/subscribe.html",
                      {"form": form, "too_many": True}, status=429)
    # the same answer whatever the address's state: nothing here tells who subscribes
    return render(request, "subscriptions/check_inbox.html", {"email": data["email"]})


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    # a click confirms, not the GET: mail scanners follow links without a reader
    try:
        subscriber = tokens.confirming(token)
    except tokens.Invalid as error:
        return _refused(request, error)
    if subscriber.status == Subscriber.Status.SUPPRESSED:
        return render(request, "subscriptions/invalid.html", {"suppressed": True}, status=409)
    if request.method == "POST":
        actions.confirm_subscription(subscriber)
        messages.success(request, _("Your subscription is confirmed."))
        return redirect("subscriptions:manage", tokens.manage_token(subscriber))
    return render(request, "subscriptions/confirm.html", {"subscriber": subscriber})


@never_cache
@require_http_methods(["GET", "POST"])
def manage(request: HttpRequest, token: str) -> HttpResponse:
    """The preference centre, reached from any mail by its signed link."""
    try:
        subscriber, _issue = tokens.managing(token)
    except tokens.Invalid as error:
        return _refused(request, error)
    form = PreferencesForm(request.POST or None, initial=PreferencesForm.initial_of(subscriber))
    if request.method == "POST" and form.is_valid():
        actions.save_preferences(subscriber, **form.values())
        messages.success(request, _("Your choices are saved."))
        return redirect(request.path)
    return render(request, "subscriptions/manage.html",
                  {"form": form, "subscriber": subscriber, "token": token},
                  status=400 if form.errors else 200)


@never_cache
@require_POST
def erase(request: HttpRequest, token: str) -> HttpResponse:
    try:
        subscriber, _issue = tokens.managing(token)
    except tokens.Invalid as error:
        return _refused(request, error)
    actions.erase_subscriber(subscriber)
    return render(request, "subscriptions/erased.html")


# RFC 8058: a mail client posts "List-Unsubscribe=One-Click" here with no cookie and no
# token of ours but the signed address; the link itself is the authority.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        subscriber, issue_id = tokens.managing(token)
    except tokens.Invalid as error:
        return _refused(request, error)
    if request.method == "GET":  # a link scanner's GET must not unsubscribe anyone
        return render(request, "subscriptions/unsubscribe.html", {"subscriber": subscriber})
    actions.unsubscribe(subscriber, issue_id=issue_id)
    if request.POST.get("List-Unsubscribe") == "One-Click":
        return HttpResponse(_("Unsubscribed."), content_type="text/plain; charset=utf-8")
    return render(request, "subscriptions/unsubscribed.html", {"token": token})


@login_required
@require_http_methods(["GET", "POST"])
def account(request: HttpRequest) -> HttpResponse:
    """Subscribing from the account: the account's address, its choices."""
    subscriber = Subscriber.objects.filter(user=request.user).first()
    initial = PreferencesForm.initial_of(subscriber) if subscriber else {
        "language": get_language(), "digest": True, "breaking": True, "digest_hour": 7,
        "time_zone": actions.default_zone(get_language())}
    form = PreferencesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if not request.user.email:
            messages.error(request, _("Your account has no email address."))
            return redirect("subscriptions:account")
        actions.subscribe_account(request.user, verified=_verified(request.user),
                                  **form.values())
        messages.success(request, _("Your choices are saved."))
        return redirect("subscriptions:account")
    return render(request, "subscriptions/account.html",
                  {"form": form, "subscriber": subscriber}, status=400 if form.errors else 200)


def _verified(user) -> bool:
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(user=user, email__iexact=user.email,
                                       verified=True).exists()
