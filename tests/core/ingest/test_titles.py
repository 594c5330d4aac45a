"""The title guessed from a file's first lines.

Broken, a user would see a page's web address on the tab instead of its headline, and
the headline, not recognised as the title, would be left out of the comparison.
"""

from pathlib import Path

import pytest

from corroborate.core.ingest.titles import guess_title_and_source
from corroborate.core.text.line_kinds import is_web_address

PAGE = Path("10ecbplus.txt")


@pytest.mark.parametrize(
    "line",
    [
        "http://www.nytimes.com/2007/04/10/us/10revenge.html?_r=0",
        "https://law.marquette.edu/national-sports-law-institute/volume-7-1",
        "www.bbc.co.uk/news/world-asia-12345",
        "news.bbc.co.uk/2/hi/middle_east/4475546.stm",
        "<http://pix11.com/2013/03/12/brooklyn-vigil/>",
    ],
)
def test_a_web_address_is_recognised(line):
    assert is_web_address(line)


@pytest.mark.parametrize(
    "line",
    [
        "Ten dead in southern Iran quake",
        "Visit www.example.com for more.",
        "TMZ. com reported the arrest on Tuesday.",
        "Lee met Xi in Beijing on Monday.",
    ],
)
def test_a_line_holding_more_than_an_address_is_not_one(line):
    assert not is_web_address(line)


def test_a_first_line_that_is_only_a_web_address_is_not_the_title():
    text = (
        "http://www.foxnews.com/story/2007/04/11/detroit-office-shooter-charged/\n\n"
        "Detroit Office Shooter Charged With Murder, Attempted Murder\n\n"
        "Published April 11, 2007\n\n"
        "A man fired four days earlier walked into his old office and opened fire."
    )
    title, _ = guess_title_and_source(text, PAGE)
    assert title == "Detroit Office Shooter Charged With Murder, Attempted Murder"


def test_dates_between_the_address_and_the_headline_are_skipped():
    text = (
        "http://news.bbc.co.uk/2/hi/middle_east/4475546.stm\n"
        "Last Updated: Monday, 28 November 2005, 02: 24 GMT\n"
        "Ten dead in southern Iran quake\n"
        "A powerful earthquake has hit southern Iran, killing at least 10 people."
    )
    assert guess_title_and_source(text, PAGE)[0] == "Ten dead in southern Iran quake"


def test_an_article_posted_line_is_a_date_not_a_headline():
    text = (
        "http://www.eastsideboxing.com/weblog/news.php?p=32688&more=1\n"
        "Article posted on 08. 07. 2012\n"
        "Wladimir Klitschko stops Tony Thompson in 6 with efficient execution\n"
        "Heavyweight champion Wladimir Klitschko once again displayed his dominance."
    )
    title, _ = guess_title_and_source(text, PAGE)
    assert title == "Wladimir Klitschko stops Tony Thompson in 6 with efficient execution"


def test_a_file_holding_only_addresses_is_titled_by_its_name():
    title, _ = guess_title_and_source("http://example.com/a\nhttp://example.com/b", PAGE)
    assert title == "10ecbplus"


def test_a_metadata_title_still_wins():
    text = "http://example.com/story\n\nBody text here."
    assert guess_title_and_source(text, PAGE, title="Given Title")[0] == "Given Title"
