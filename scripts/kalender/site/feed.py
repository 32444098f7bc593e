"""The calendar feed: ``kalender.ics``, one event per post, with UIDs that stay stable
across builds so calendar apps update events instead of duplicating them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..core.calendar_data import CalendarData
from ..core.i18n import t
from ..core.model import Post

if TYPE_CHECKING:  # icalendar is imported when a feed is written, not by every build
    from icalendar import Event

EVENT_MINUTES = 30


def post_uid(post: Post, calendar: CalendarData) -> str:
    """A post's UID: its id (the file name), which does not change between builds."""
    return f"{post.id}@{calendar.satker.slug}.kalender-jdih"


def post_url(post: Post, calendar: CalendarData) -> str:
    base = calendar.satker.base_url.rstrip("/")
    return f"{base}/pos/{post.id}/" if base else f"pos/{post.id}/"


def post_event(post: Post, calendar: CalendarData, stamp: dt.datetime) -> Event:
    """The VEVENT of one post: its time (or its day, when the time is not fixed yet)."""
    from icalendar import Event

    event = Event()
    event.add("uid", post_uid(post, calendar))
    event.add("dtstamp", stamp)
    if post.time_fixed:
        event.add("dtstart", post.when)
        event.add("dtend", post.when + dt.timedelta(minutes=EVENT_MINUTES))
    else:
        event.add("dtstart", post.date)
        event.add("dtend", post.date + dt.timedelta(days=1))
    status = t(f"status.{post.status.value}")
    event.add("summary", t("feed.summary", title=post.title, status=status))
    platforms = ", ".join(
        f"{calendar.platforms[x.platform].name} ({x.format})" for x in post.targets
    )
    event.add("description", t("feed.description", status=status, type=post.type,
                               platforms=platforms or "-", url=post_url(post, calendar)))
    event.add("url", post_url(post, calendar))
    event.add("categories", [post.category, post.type])
    return event


def feed(posts: Iterable[Post], calendar: CalendarData, stamp: dt.datetime) -> bytes:
    """The whole ICS file for ``posts``; ``stamp`` (UTC) is written as every DTSTAMP.

    The bytes icalendar writes for a calendar holding every event, with the VTIMEZONEs the
    events need first; written one event at a time, so that ten thousand posts do not
    stand as ten thousand icalendar objects at once (that took 160 MB)."""
    from icalendar import Calendar, Event

    posts = list(posts)
    ical = Calendar()
    ical.add("prodid", "-//Kalender Konten JDIH//kalender-jdih//ID")
    ical.add("version", "2.0")
    ical.add("calscale", "GREGORIAN")
    ical.add("x-wr-calname", t("feed.name", office=calendar.satker.short_name))
    ical.add("x-wr-timezone", calendar.satker.tz_name)
    zones = Calendar()  # one event per time zone used: which VTIMEZONEs are needed
    for when in {post.when.tzinfo: post.when for post in posts if post.time_fixed}.values():
        probe = Event()
        probe.add("dtstart", when)
        zones.add_component(probe)
    zones.add_missing_timezones()
    end = b"END:VCALENDAR\r\n"
    head = bytes(ical.to_ical())
    parts = [head[:-len(end)], *(bytes(zone.to_ical()) for zone in zones.timezones)]
    parts.extend(bytes(post_event(post, calendar, stamp).to_ical()) for post in posts)
    parts.append(end)
    return b"".join(parts)


def feed_stamp(today: dt.date | None) -> dt.datetime:
    """DTSTAMP: midnight UTC of a fixed "today" (stable archives), else now."""
    if today is not None:
        return dt.datetime.combine(today, dt.time(0, 0), dt.UTC)
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


