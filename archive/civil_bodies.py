"""Bodies whose heads hold no public office: parties, clubs, the press,
colleges and private hospitals.

The labels' convention (bench/labels/README.md): an official holds a public
post; heads of associations, companies, schools and parties do not. These
are the classes the officials finder met on unseen Taiwan releases:

- A party's own posts (国民党主席, 民进党市党部主委, 执政党主席): a party is
  no government. Its council caucus is (党团书记长, 党团总召: the council's
  organs), and so are the mainland's Party committees (党委, 党组, 党工委),
  which never take 党部 or a party's name before a chair.
- Service clubs (扶轮社, 狮子会, 青商会, 同济会), supporters' associations
  (警察之友会, 义警之友会: "friends of" a service) and youth corps
  (救国团, whose county branches are its 团务指导委员会) are private; so is the press (新闻社, 杂志社, 出版社, 周刊):
  their 社长, 会长 and 主委 hold no public post.
- Colleges (神学院院长, 国防医学院院长: heads of schools, like university
  presidents), but not academies of sciences (中国科学院, 社会科学院) or the
  state's administration college (行政学院), which are government.
- Hospitals whose name shows no public owner (奇美医院, 郭综合医院,
  新楼医院): Taiwan's large hospitals are mostly private. A public one says
  so in its name: 市立, 国立, 部立, 署立, 国军, 三军, 荣民, 卫生福利部, 总医院; the
  mainland's 人民医院 and 中医院 are public, as is a place's own hospital
  (县医院, 台南医院), and a clinic (卫生所, 卫生院) is never a 医院. A
  university's hospital (台大医院, 成大医学院附设医院) is left alone: national
  ones are public and the name does not say which.
"""
from __future__ import annotations

import re

from .common_words import word_tags

# Joined to the officials finder's own list of civil bodies: a club's or
# publisher's name anywhere before the post makes it private.
CLUBS_PRESS_COLLEGES = r"扶轮|狮子会|青商会|同济会|之友会|救国团|团务指导委员会|新闻社|杂志社|出版社|周刊|月刊|(?<!科)(?<!行政)学院(?!附设)"

# A party, written as its name, then a post of the party itself (not of its
# council caucus, 党团): 国民党主席, 民进党中常委, 劳动党主席; or a party
# branch (党部) with any post. 共产党 is left out: the mainland's Party posts
# are public offices, and they are written with 党委, 党组, 中央 (中共中央总书记);
# so are the mainland's other parties' (农工党中央主席), whose chairs sit in the
# people's congress and conference.
_PARTY_POST = re.compile(r"党部|(?<!共产)党(?:荣誉|代理)?(?:副?主席|副?主委|副?秘书长|中常委|中执委|发言人)$")

_HOSPITAL = re.compile(r"([\u4e00-\u9fff]{0,12}?)医院(?:院长|副院长)$")
# 总医院 (general hospital) names the armed forces' and veterans' hospitals
# (三军总医院, 荣民总医院, 国军高雄总医院), whose 国军 a title may lose.
# A university's hospital (台大医院, 成大医院, 医学院附设医院) is left as it
# was: national ones are public, and the name does not say which. 巿 is a
# frequent misprint of 市 (台南巿立医院).
_PUBLIC_HOSPITAL = re.compile(r"[市巿]立|县立|省立|国立|部立|署立|公立|军|荣民|荣总|卫生福利部|卫福部|人民|中医|妇幼|大学|"
                              r"大医院|附设|总医院")


def holds_no_public_office(title: str, is_place=None) -> bool:
    """The title is a party's post or a private hospital's head."""
    # Only a title that is the party post alone: 全国人大常委会副委员长、农工党
    # 中央主席 holds a public post beside it.
    if "党" in title and _PARTY_POST.search(title) and "、" not in title:
        return True
    if "医院" in title:
        hospital = _HOSPITAL.search(title)
        if hospital:
            name = hospital.group(1)
            # 台南奇美|医院: the place before the hospital's own name says
            # nothing of its owner; 台南|医院 is the place's own.
            for k in range(len(name), 1, -1):
                if is_place and is_place(name[:k]):
                    name = name[k:]
                    break
            return bool(name) and not _PUBLIC_HOSPITAL.search(title)
    return False


# A service club's district is written with its number (狮子会300-e1区, 扶轮
# 3470地区), and its committees and officers follow (…区灾难援助委员会主席,
# …地区某某主委). The number breaks the words the office is read from, so
# the club falls outside the few characters before the post that are
# searched for a civil body; the district's number marks them all as the
# club's, up to the end of the clause.
_CLUB_NAMED = re.compile(r"(?:扶轮社?|狮子会|青商会|同济会)[0-9a-z\-]{2,10}地?区")
# Once the text has named the club's district, its number alone names it
# again (…总监某某及300-e1区灾难援助委员会某某主席). A list word ends the
# club's part of the clause (…副总监某某以及|台南市议员).
_CLUB_DISTRICT = re.compile(r"(?:(?:扶轮社?|狮子会|青商会|同济会)[0-9a-z\-]{2,10}|\d{3,4}[0-9a-z\-]{0,6})地?区"
                            r"([^，,。、；;：:！!？?\n及和与]*)$")
# After the club's last organ word (区, 委员会, 委员), a verb starts a clause
# of its own whose post is no club's (…委员响应|市长黄某某).
_LAST_ORGAN_WORD = re.compile(r"[区会员]")


def names_club_district(folded: str) -> bool:
    """The text names a service club's numbered district at all (one test per text)."""
    return ("狮子会" in folded or "扶轮" in folded or "青商会" in folded or "同济会" in folded) \
        and _CLUB_NAMED.search(folded) is not None


def in_club_district(clause: str) -> bool:
    """The clause before a post runs from a club's numbered district, and no
    verb after the club's last organ word opens a clause of its own."""
    district = _CLUB_DISTRICT.search(clause)
    if not district:
        return False
    rest = district.group(1)
    organ_ends = [m.end() for m in _LAST_ORGAN_WORD.finditer(rest)]
    tail = rest[organ_ends[-1]:] if organ_ends else rest
    tags = word_tags()
    return not any(tags.get(tail[k:k + 2], "").startswith("v") for k in range(len(tail) - 1))
