"""Full-text search of the ledger: bigram tokens, the index kept by the services, scoped by agency.

Runs on SQLite (FTS5) here and on PostgreSQL (tsvector + GIN) in the PostgreSQL re-run.
"""

from __future__ import annotations

from django.db import connection
from django.test import Client
from django.urls import reverse

from gongkai.web.ledger import fulltext
from gongkai.web.ledger.selectors import LedgerSearch, search

from .factories import PASSWORD, TODAY, World, make_application


def _numbers(world: World, text: str, user: object = None) -> set[str]:
    found = search(user or world.clerk_a, LedgerSearch(text=text), today=TODAY)  # type: ignore[arg-type]
    return {a.number for a in found}


def test_field_tokens_are_bigrams_then_the_last_character() -> None:
    assert fulltext.field_tokens("征收补偿") == ["征收", "收补", "补偿", "偿"]
    assert fulltext.field_tokens("王，Ａ") == ["王a", "a"]  # full width folded, punctuation dropped
    assert fulltext.field_tokens(" 、") == []
    assert fulltext.query_phrases("土地 王") == [["土地"], ["王"]]


def test_two_character_query_finds_request_text_and_nothing_else(world: World) -> None:
    land = make_application(world.clerk_a, items=("城关镇集体土地征收补偿方案",))
    budget = make_application(world.clerk_a, items=("2023年部门预算",))
    assert _numbers(world, "土地") == {land.number}
    assert _numbers(world, "预算") == {budget.number}
    assert _numbers(world, "地征收补") == {land.number}  # any substring, across word boundaries
    assert _numbers(world, "补偿征收") == set()  # the same bigram set in another order is no match


def test_number_applicant_one_character_and_several_words(world: World) -> None:
    first = make_application(world.clerk_a, applicant_name="赵一鸣", items=("道路规划许可",))
    second = make_application(world.clerk_a, applicant_name="钱二", items=("道路拓宽工程",))
    assert _numbers(world, first.number) == {first.number}
    assert _numbers(world, first.number.split("-", 1)[1]) == {first.number}  # part of a number, without the code
    assert _numbers(world, "赵一") == {first.number}
    assert _numbers(world, "钱") == {second.number}  # one character: prefix of a token
    assert _numbers(world, "道路") == {first.number, second.number}
    assert _numbers(world, "道路 钱二") == {second.number}  # every word must match
    assert _numbers(world, "“道路，规划”") == {first.number}  # punctuation is ignored


def test_a_phrase_does_not_run_from_one_field_into_the_next(world: World) -> None:
    both = make_application(world.clerk_a, applicant_name="孙甲", items=("甲乙方案",))
    assert _numbers(world, "甲乙方") == {both.number}
    assert _numbers(world, "孙甲乙") == set()  # 孙甲 ends the name, 甲乙 starts the request


def test_applicants_are_found_only_inside_the_own_agency(world: World) -> None:
    other = make_application(world.clerk_b, applicant_name="李秘密", items=("乙县征收补偿",))
    assert _numbers(world, "李秘密") == set()
    assert _numbers(world, "征收", user=world.clerk_b) == {other.number}
    assert _numbers(world, "李秘密", user=world.supervisor_a) == set()
    client = Client()
    assert client.login(username="clerk-a", password=PASSWORD)
    page = client.get(reverse("application-list"), {"text": "李秘密"}).content.decode()
    assert other.number not in page and "共 0 件" in page


def test_the_list_view_searches_through_the_index(world: World) -> None:
    land = make_application(world.clerk_a, items=("集体土地征收",))
    make_application(world.clerk_a, items=("部门预算",))
    client = Client()
    assert client.login(username="clerk-a", password=PASSWORD)
    page = client.get(reverse("application-list"), {"text": "土地"}).content.decode()
    assert land.number in page and "共 1 件" in page


def test_rebuilding_the_index_gives_the_same_answers(world: World) -> None:
    land = make_application(world.clerk_a, items=("集体土地征收",))
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {fulltext.TABLE}")
    assert _numbers(world, "土地") == set()
    assert fulltext.index_applications() == 1
    assert _numbers(world, "土地") == {land.number}
    assert fulltext.index_applications([land.pk]) == 1  # rewriting an entry does not duplicate it
    assert _numbers(world, "土地") == {land.number}
