"""Words of the web around any paper page: menus, cookie banners, footers, share bars.

Every site's layout starts from these (:mod:`.layouts.peeref`, :mod:`.layouts.ouci`): a
chrome line is dropped silently, and a line made of menu words is a menu. Keys are folded
(:func:`paperparse.normalize.fold`). Where they came from: the navigation, cookie-banner
and footer texts of Peeref and similar aggregator sites, and the common controls of
web pages (share and export buttons, language switchers, list controls).
"""

from __future__ import annotations

from typing import Final

#: Whole lines that are page chrome (folded).
CHROME_LINES: Final[frozenset[str]] = frozenset(
    {
        "peeref",
        "home",
        "papers",
        "journals",
        "webinars",
        "hubs",
        "reviewers",
        "publish",
        "explore",
        "news",
        "blog",
        "pricing",
        "search",
        "menu",
        "log in",
        "login",
        "sign in",
        "sign up",
        "sign up free",
        "register",
        "skip to content",
        "skip to main content",
        "back to top",
        "about",
        "about us",
        "contact",
        "contact us",
        "help",
        "faq",
        "privacy",
        "privacy policy",
        "terms",
        "terms of use",
        "terms of service",
        "terms & conditions",
        "terms and conditions",
        "cookie policy",
        "cookie settings",
        "cookies settings",
        "manage cookies",
        "accept",
        "accept all",
        "accept all cookies",
        "accept cookies",
        "reject all",
        "decline",
        "got it",
        "ok",
        "share",
        "cite",
        "save",
        "follow",
        "download",
        "download pdf",
        "full text",
        "view full text",
        "add to library",
        "more",
        "show more",
        "show less",
        "show fewer",
        "show fewer authors",
        "show less authors",
        "load more",
        "see all",
        "view all",
        "all rights reserved",
        "english",
        "中文",
        "loading",
        "loading...",
        "loading\u2026",
        "please wait",
        "get started",
        "manage preferences",
        "cookie preferences",
        "twitter",
        "facebook",
        "linkedin",
        "weibo",
        "wechat",
        "reddit",
        "email",
        "print",
        "copy link",
        "open access",
        "export",
        "export ris",
        "export bibtex",
        "export citation",
        "download citation",
        "cite this",
        "cite this paper",
        "free access",
        "copy",
        "copy doi",
        "share this paper",
        "enable javascript",
        "please enable javascript",
        # A page's headings over its own parts, which name no paper.
        "overview",
        "details",
        "article information",
        "article info",
        "article details",
        "paper information",
        "paper details",
        "about this article",
        "about this paper",
        "bibliographic information",
        "article metrics",
        "metrics",
    }
)

#: Words that, alone or joined by ``|``, ``·`` or ``/``, make a navigation bar line.
NAV_WORDS: Final[frozenset[str]] = frozenset(
    line for line in CHROME_LINES if " " not in line
) | frozenset(
    # Label words that also name pages of a site: in a menu line they are links.
    {
        "services",
        "tools",
        "submit",
        "funding",
        "x",
    }
)

#: Lines starting with one of these (folded) are chrome: cookie banners, copyright.
CHROME_PREFIXES: Final[tuple[str, ...]] = (
    "©",
    "(c) ",
    "copyright ",
    "we use cookies",
    "this website uses cookies",
    "this site uses cookies",
    "by continuing to use",
    "by using this site",
    "please enable javascript",
    "enable javascript",
    "javascript is required",
    "you need to enable javascript",
    "this site requires javascript",
)

#: Buttons that stand next to a list of values (share and citation tools): an item
#: that is one of them is no value.
LIST_BUTTONS: Final[frozenset[str]] = frozenset(
    {"share", "cite", "export", "download", "print", "save"}
)

#: What a page counts about itself (``2,431 views · 17 downloads``): a line of such
#: counts is the page's statistics, never a value.
COUNT_WORDS: Final[frozenset[str]] = frozenset(
    {
        "view",
        "views",
        "download",
        "downloads",
        "read",
        "reads",
        "reader",
        "readers",
        "save",
        "saves",
        "bookmark",
        "bookmarks",
        "share",
        "shares",
        "like",
        "likes",
        "visit",
        "visits",
        "mention",
        "mentions",
    }
)
