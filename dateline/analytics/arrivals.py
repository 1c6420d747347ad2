"""Where a read came from, said from the referrer's host and the landing address's utm
parameters alone; and which visitors are machines. Nothing of either is stored."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from dateline.analytics.models import Kind

# Crawlers, link previewers, monitors and headless tools that run a page's scripts. Names
# from the crawler lists search engines and social sites publish, kept in one place.
BOTS = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|scrape|fetch|preview|monitor|headless|lighthouse|"
    r"pagespeed|google-(inspectiontool|extended|read-aloud)|mediapartners|adsbot|"
    r"bingpreview|yandex(bot|images|metrika|accessibilitybot|mobilebot)|baiduspider|"
    r"duckduckbot|duckassist|applebot|petalbot|sogou|exabot|seznambot|ia_archiver|"
    r"facebookexternalhit|facebookcatalog|meta-externalagent|twitterbot|linkedinbot|"
    r"slackbot|telegrambot|whatsapp|discordbot|vkshare|skypeuripreview|embedly|"
    r"pinterest|redditbot|quora link preview|gptbot|chatgpt-user|oai-searchbot|ccbot|"
    r"claudebot|claude-web|anthropic-ai|perplexitybot|bytespider|amazonbot|"
    r"semrush|ahrefs|mj12bot|dotbot|uptimerobot|pingdom|statuscake|"
    r"python-requests|python-urllib|aiohttp|httpx|curl/|wget/|go-http-client|java/|"
    r"okhttp|libwww|phantomjs|puppeteer|playwright-bot|selenium",
    re.IGNORECASE,
)

SEARCH = ("google.", "bing.", "yandex.", "duckduckgo.", "baidu.", "ecosia.", "yahoo.")
# host names, matched whole or as a parent domain (m.facebook.com, l.instagram.com)
SOCIAL = ("facebook.com", "fb.com", "t.co", "twitter.com", "x.com", "vk.com", "vk.ru",
          "ok.ru", "t.me", "telegram.org", "telegram.me", "reddit.com", "linkedin.com",
          "lnkd.in", "instagram.com")


def is_bot(user_agent: str) -> bool:
    """Machines say so in their User-Agent; a request with none is taken for one."""
    return not user_agent.strip() or BOTS.search(user_agent) is not None


def _host(url: str) -> str:
    try:
        return (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""


def _under(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def classify(referrer: str, *, utm_source: str, utm_medium: str, own_hosts: set[str]) -> str:
    """The kind of arrival: newsletter, search, social, internal, direct or other."""
    if utm_medium.strip().lower() == "email" or utm_source.strip().lower() == "newsletter":
        return Kind.NEWSLETTER
    if not referrer.strip():
        return Kind.DIRECT
    host = _host(referrer)
    if not host:
        return Kind.OTHER
    if host in own_hosts:
        return Kind.INTERNAL
    labels = "." + host + "."
    if any("." + engine in labels for engine in SEARCH):
        return Kind.SEARCH
    if any(_under(host, domain) for domain in SOCIAL):
        return Kind.SOCIAL
    return Kind.OTHER
