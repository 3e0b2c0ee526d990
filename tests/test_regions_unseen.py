"""Regions on kinds of text the seeds do not show: national round-ups that
name places with province shorthand, autonomous units written short, and
short names that are ordinary words. Texts are written for these tests in
the style of each kind."""
from __future__ import annotations

import pytest

from archive.extract import extract
from archive.ingest import RawDocument


def keys(text: str) -> set[str]:
    document = extract(RawDocument(id="t", text=text, origin="test"))
    return {r.key for r in document.regions + document.mentioned_regions}


@pytest.mark.parametrize("text, county", [
    ("在河南平舆县，新建的物流园区正在加紧装车。", "411723"),      # 南平 must not glue 平舆县 away
    ("在云南施甸，新党员面向党旗宣誓。", "530521"),
    ("辽宁绥中的海边，渔民正在修补渔网。", "211421"),
    ("在宁夏盐池，滩羊养殖户迎来好收成。", "640323"),              # 盐池 is also a word (salt pond)
    ("广西北流的早稻插秧已经完成七成。", "450981"),
    ("在陕西省安康市县河镇，干部群众开展应急演练。", "610902120"),  # 市县 is a word, 安康市 is not glued
])
def test_county_named_right_after_its_province_is_the_place(text, county):
    found = keys(text)
    assert county in found and county[:2] in found


def test_short_province_qualifies_a_short_city_even_before_a_stop_character():
    # 湖 usually ends a short name's reading (西湖, 太湖); 湖州 under 浙江 does not.
    assert {"33", "3305", "330503107"} <= keys("在浙江湖州千金镇，万亩水稻进入收割期。")


def test_short_county_name_settled_by_its_province_elsewhere_in_the_text():
    text = "今年，辽宁力保粮食播种面积稳定。在彰武，麦豆两茬轮作的头茬小麦已经出苗。"
    assert "210922" in keys(text)


def test_short_county_name_without_its_province_stays_unresolved():
    assert "210922" not in keys("在彰武，麦豆两茬轮作的头茬小麦已经出苗。")


@pytest.mark.parametrize("text, key", [
    ("在靖州县的高标准农田里，插秧机来回忙碌。", "431229"),
    ("四川阿坝州的古村落迎来大批游客。", "5132"),
    ("湘西州各县市开展春耕备耕。", "4331"),
])
def test_autonomous_units_written_short(text, key):
    assert key in keys(text)


def test_autonomous_alias_never_takes_another_places_name():
    # 河南县 is Qinghai's 河南蒙古族自治县 only when written in full.
    assert "632324" not in keys("河南县域经济持续发展，各县城建设加快。")


@pytest.mark.parametrize("text, seat_city", [
    ("今年主场活动设在江西南昌，现场展示防灾知识。", "3601"),
    ("屏東縣政府與屏東漁會合作推廣漁產。", "TW16"),
])
def test_short_name_shared_with_its_own_seat_is_the_larger_place(text, seat_city):
    found = keys(text)
    assert seat_city in found
    assert not any(key != seat_city and key.startswith(seat_city) for key in found)


@pytest.mark.parametrize("text, not_key", [
    ("臺南市府將以區段徵收方式開發為新社區，提供市民居住。", "TW0426"),
    ("臺南市長表示，政府實施擴大內需方案，地方建設將加速。", "TW0532"),
    ("各族群众共同维护社会稳定和长治久安。", "1404"),
    ("园区占地四平方公里，已入驻企业三十家。", "2203"),
    ("身障班成果義賣，有吐司、甜甜圈、三明治等點心。", "3504"),
])
def test_short_names_that_read_as_ordinary_words_are_not_places(text, not_key):
    assert not_key not in keys(text)


def test_district_names_that_are_also_nouns_count_in_their_citys_releases():
    # 盐水 (brine) and 将军 (general) are Tainan districts; its releases name them bare.
    found = keys("臺南市政府今年在鹽水、將軍、七股增設疫苗接種站，盼市民踴躍接種。")
    assert {"TW0520", "TW0529", "TW0524"} <= found


def test_a_short_name_before_a_word_of_its_own_is_still_a_place():
    # 盐水|分区 reads as well as 盐|水分; only a split that leaves no word
    # behind (三明|治等) says the name is not a place.
    assert "TW0520" in keys("臺南市水利局將新營分區及鹽水分區的排水工程併案辦理。")


def test_a_city_name_in_an_old_capitals_name_is_not_a_company():
    assert "4101" in keys("河南永城遗址、郑州商都遗址入选十大考古新发现。")


@pytest.mark.parametrize("text, not_key", [
    ("北京时间今天凌晨，运载火箭在酒泉卫星发射中心点火升空。", "11"),
    ("臺南市政府表示，連線將於台北時間今晚8時開始。", "TW01"),
    ("臺南市長表示，今年在台灣燈會的加持下，觀光人次創新高。", "TW"),
    ("臺南市勞工局徵才活動，參加廠商有香港商世界健身等8家。", "HK"),
])
def test_place_opening_a_time_zone_event_or_company_name_is_not_a_region(text, not_key):
    assert not_key not in keys(text)


def test_the_place_itself_still_counts_beside_such_a_name():
    assert "11" in keys("北京时间上午十点，北京市召开新闻发布会。")
    assert "TW05" in keys("臺南商圈今年人潮回流，臺南市長表示肯定。")  # 商圈 is the city's own


def test_places_named_with_their_province_are_what_a_round_up_is_about():
    text = ("各地抢抓农时推进春耕。在云南施甸，新型农机开进田间；辽宁绥中的大棚蔬菜陆续上市；"
            "河南平舆县的物流园区正在加紧装车。农业农村部表示，全国春播进度快于去年。")
    document = extract(RawDocument(id="t", text=text, origin="test"))
    about = {r.key for r in document.regions}
    assert {"530521", "211421", "411723"} <= about


def test_a_city_and_district_in_an_address_do_not_make_the_story_about_them():
    text = ("臺南市政府衛生局提醒民眾接種疫苗，本市各區衛生所均提供服務，臺南市衛生局表示歡迎洽詢。\n"
            "洽詢地址：708臺南市安平區永華路二段6號")
    document = extract(RawDocument(id="t", text=text, origin="test"))
    assert "TW0510" not in {r.key for r in document.regions}
    assert "TW0510" in {r.key for r in document.mentioned_regions}


@pytest.mark.parametrize("text, want, not_want", [
    # 长安 would end 议长 and swallow the start of 安南區.
    ("郭信良議長安南區安中路民宅火災現場關心傷者，臺南市消防局全力搶救。", "TW0502", "TW0505"),
    # 台南|区: one character more proves nothing; 台南 it stays.
    ("將閩南語認證列入台南區免試入學超額比序，臺南市議員表示肯定。", "TW05", "TW0505"),
])
def test_a_full_name_starting_inside_a_short_one_wins(text, want, not_want):
    found = keys(text)
    assert want in found and not_want not in found


@pytest.mark.parametrize("text, not_key", [
    ("臺南市歸仁區六甲里的學員展出油畫作品。", "TW0525"),                  # 里 is a village
    ("来自上海交通大学海洋学院的博士后参加了北冰洋科考。", "31"),
    ("习近平总书记来到哈尔滨工程大学考察。", "2301"),
    ("在北大荒军川农场，四万多亩大豆用上了专属营养餐。", "230421502"),
    ("莲花社区的志愿者开展义诊活动。", "340177402"),
])
def test_names_that_are_part_of_something_else_are_not_regions(text, not_key):
    assert not_key not in keys(text)


def test_a_universitys_own_city_still_counts_when_named_for_itself():
    assert "31" in keys("上海市教委表示，上海交通大学等高校将扩大招生。")


def test_a_short_name_closing_a_list_of_places_is_a_place():
    # 大 usually ends a short name's reading (四川大学); after 白河、東山、 it does not.
    text = "臺南市議員指出，白河、東山、後壁大面積農地淹水，請市府儘速改善排水。"
    assert {"TW0518", "TW0528", "TW0523"} <= keys(text)


@pytest.mark.parametrize("text, key", [
    ("本工程採用白河水庫清淤之土方回填，臺南市水利局表示可節省經費。", "TW0518"),   # not 白|河水库
    ("臺南市在東山、鹽水、永康、安平等16區增設快篩站。", "TW0510"),                # 安平|等, in a list
    ("臺南市將改善將軍、北門、七股及學甲等沿海地區排水。", "TW0519"),              # 學甲|等, after 及
])
def test_a_known_place_gives_way_only_to_a_common_word(text, key):
    assert key in keys(text)


def test_a_name_listed_among_provinces_is_the_province():
    # 吉林 is a province and its city; beside 辽宁 and 黑龙江 it is the province.
    assert "22" in keys("预计今天夜间，辽宁、吉林、黑龙江等地有中到大雨。")
    # A weak reading gets no help from a list: school names beside each other
    # in a Taiwan release are not mainland counties.
    found = keys("市議員今天邀請東區後甲國中及東光、博愛、崇明等國小師生參訪議會。")
    assert not {"130923", "410822"} & found


def test_a_short_name_right_after_its_parent_stands_before_an_ordinary_word():
    # 招远大户: 大 would end 招远 as the start of a longer word (招远大学), but
    # right after 山东烟台 it is the city.
    assert {"37", "3706", "370685"} <= keys("丰收节活动在山东烟台招远大户村举行，农民晒出好收成。")
    # ... but a river, road or canal named after the place stays that thing.
    assert "430681" not in keys("在湖南岳阳汨罗江沿线，龙舟队齐聚江上。")
    assert "140829" not in keys("山西运城的果农忙着剪枝。西部陆海新通道骨干工程平陆运河加快施工。")


def test_a_province_before_a_county_it_overlaps_is_still_the_province():
    # 山西吉县 reads as 山 + 西吉县 (Ningxia) too; the county under 山西 wins.
    found = keys("在山西吉县的施工现场，工人们正抢抓春季施工黄金期。")
    assert {"14", "141028"} <= found and "640422" not in found


def test_a_part_of_a_region_names_the_region():
    assert "33" in keys("强降雨将集中在浙江中东部，当地已启动防汛应急响应。")


@pytest.mark.parametrize("text, not_keys", [
    ("暴雨导致城区多处积水，当地启动应急响应。", {"140302", "140502", "441502", "231084001"}),
    ("矿区复垦工作持续推进，昔日矸石山变成了绿地。", {"140303"}),
    ("在细毛羊之乡，种羊场应用了智能管理系统。", {"654025400", "640522400"}),
    ("林票由市林业局制发给村委会，村民可以抵押贷款。", {"230321400"}),
])
def test_a_division_named_like_an_everyday_word_needs_its_parent(text, not_keys):
    # 城区 'urban area', 矿区 'mining area', a state farm, a forestry bureau:
    # each is also a township- or county-level unit somewhere.
    assert not not_keys & keys(text)


def test_such_a_division_still_counts_beside_its_parent():
    assert "140303" in keys("山西阳泉市矿区开展采煤沉陷区治理，群众搬进新居。")


def test_a_town_written_as_its_old_town_after_its_county_is_the_town():
    # 七宝镇 as the 七宝古镇 its visitors know, after its city.
    assert "310112102" in keys("在上海七宝古镇，汤圆和桂花糕引人驻足。")
    assert "321282105" in keys("在江苏靖江季市古镇，人们逛古镇、看演出。")
    # With nothing to place it, a 古镇 alone is not guessed.
    assert "310112102" not in keys("七宝古镇的糕点很受欢迎。")


def test_a_mountain_named_after_a_place_is_not_the_place():
    found = keys("在陕西延安，游客们参观宝塔山、革命纪念馆。")
    assert "610602" not in found and "6106" in found
    # ... but a county's hills are the county's.
    assert "330329" in keys("浙江泰顺山区的茶农忙着采摘春茶。")


@pytest.mark.parametrize("text, province", [
    ("眼下秋播进展顺利。河南小麦已播超3成，达2700多万亩。", "41"),
    ("江西中稻播栽已超四成，农机手抢抓晴好天气作业。", "36"),
    ("山东小麦已收5600多万亩，进度超九成。", "37"),
    ("四川大凉山腹地的村寨里，彝族群众欢度火把节。", "51"),
])
def test_a_province_before_a_word_opening_with_big_middle_small(text, province):
    # 大/中/小 after a city's or county's short name make a longer name
    # (平安大街, 中山小区); after a province's they start the next word.
    assert province in keys(text)


def test_big_middle_small_still_end_a_short_county_name():
    assert "440784" not in keys("鹤山大道两侧的绿化带已经完成改造。")


def test_a_university_after_a_province_is_no_mention_of_it():
    assert "51" not in keys("国家卫生健康委调派四川大学华西医院专家赶赴灾区。")


@pytest.mark.parametrize("text, wanted, unwanted", [
    # 吉林 is province and city; 扶余 lies in the province (under 松原), so
    # 吉林扶余 is the province, even where the city is written in full too.
    ("吉林扶余受损道路修复工作已经基本完工。吉林市还调派10个工作组支援。", {"22", "220781", "2202"}, set()),
    # 海南 is a province, a prefecture of 青海 and a district of 乌海: the
    # place written next settles which.
    ("海南三沙永兴岛的渔民将渔船装扮一新。", {"46", "4603"}, {"150303", "6325"}),
])
def test_a_namesake_is_the_one_that_holds_the_place_written_after_it(text, wanted, unwanted):
    found = keys(text)
    assert wanted <= found and not unwanted & found


def test_a_provinces_short_name_is_not_the_district_sharing_it():
    # Tianjin has a 河北区; 河北 alone, in a story that names Tianjin, is still Hebei.
    text = ("天津静海区组织力量加固堤防。今天，河北召开防汛救灾新闻发布会。"
            "此次洪涝灾害发生以来，河北先后出动抢险队伍95万人次。")
    found = keys(text)
    assert "13" in found and "120105" not in found
    # Written right after its own city, the district it is.
    assert "120105" in keys("在天津河北，社区志愿者走访独居老人。")


@pytest.mark.parametrize("text, unwanted", [
    ("春运期间，郑州东站智能闸机方便旅客错峰换乘。", "4101"),           # a station
    ("福厦高铁的福州南站建设现场，3000多名建设者正在施工。", "3501"),
    ("国家卫生健康委调派北京协和医院专家赶赴灾区。", "11"),             # a hospital as an actor
    ("国家电投宁夏铝电公司中卫新能源公司党委副书记接受审查调查。", "64"),  # a company
    ("国家电投宁夏铝电公司中卫新能源公司党委副书记接受审查调查。", "6405"),
    ("规划建设北京城市副中心与河北雄安新区，形成新的两翼。", "130632"),  # 雄安新区 holds no 安新县
])
def test_a_place_heading_a_stations_an_institutions_or_a_new_areas_name(text, unwanted):
    assert unwanted not in keys(text)


@pytest.mark.parametrize("text, wanted", [
    ("落户宁夏的公司今年新增200多家。", "64"),   # 的 ends the phrase: 宁夏 is the place
    ("在郑州，东站片区改造正在推进。", "4101"),
    ("河北雄安新区建设加快推进。", "13"),
])
def test_the_place_itself_is_still_read_beside_such_names(text, wanted):
    assert wanted in keys(text)


def regions_of(text: str, title: str | None = None) -> tuple[set[str], set[str]]:
    given = {"title": title} if title else {}
    document = extract(RawDocument(id="t", text=text, origin="test", given=given))
    return {r.key for r in document.regions}, {r.key for r in document.mentioned_regions}


def test_places_in_a_given_headline_the_body_does_not_repeat_belong_to_the_document():
    # A council's press notice: the headline says where, the body only when.
    about, mentioned = regions_of("時間： 01 月 26 日  星期一  下午1：30地點：市議會一樓小型簡報室",
                                  title="議員「2026臺南市北區年貨大街美食節」記者會")
    assert "TW0504" in about and "TW05" in about | mentioned


def test_a_headline_place_is_read_with_the_bodys_places():
    # 新化 alone is Tainan's district or Hunan's county; the body names Tainan's districts.
    about, mentioned = regions_of("善化區、安定區的農民今日參加採收活動，區長到場致意。",
                                  title="新化地瓜節熱鬧登場")
    found = about | mentioned
    assert "TW0514" in found and "431322" not in found


def test_a_headline_the_body_repeats_adds_nothing():
    text = "河南小麦已播超3成。\n在郑州，农机手抢抓晴好天气作业。"
    assert regions_of(text, title="河南小麦已播超3成") == regions_of(text)


def test_a_district_named_beside_its_sibling_is_of_their_city():
    # 南区 is a district of Tainan, Taichung and Hong Kong; beside 安平区 it is Tainan's.
    about, mentioned = regions_of("感謝企業捐贈南區以及安平區消防局、警察局近40份年菜。")
    assert "TW0505" in about | mentioned and not {"TW0408", "HK0104"} & (about | mentioned)


def test_a_district_named_alone_stays_unresolved():
    about, mentioned = regions_of("感謝企業捐贈南區消防局近40份年菜。")
    assert not {"TW0505", "TW0408", "HK0104"} & (about | mentioned)


def test_a_provinces_name_alone_is_the_province_not_its_namesake_city():
    # 吉林 names a province and its city; with nothing around it, the province,
    # and so 舒兰 after it is the province's county.
    found = keys("吉林水稻陆续开镰，今年全省水稻种植面积1200万亩。在舒兰，当地通过提早育苗收获提前。")
    assert {"22", "220283"} <= found and "2202" not in found
    # The city is written in full, and then it is the city.
    assert "2202" in keys("吉林市组织力量对受灾村屯进行全面防疫消杀。")


@pytest.mark.parametrize("text, district", [
    # 公所 is a Taiwan district's own office: one is enough to place 中西區,
    # which Hong Kong shares, with no 里長 or 區公所 said twice.
    ("中西區公所今(6)日辦理防汛演練，區長率同仁檢查抽水機。", "TW0506"),
    ("為推動長照服務，中西區公所與護理之家簽訂合作備忘錄。", "TW0506"),
])
def test_a_district_office_places_a_district_in_taiwan(text, district):
    assert district in keys(text)


def test_in_a_district_office_release_a_temple_or_road_is_no_mainland_place():
    # 山西宮 is a temple, 中山南路 a road: read as 山西省 and 中山市 only
    # while nothing said the text is Taiwan's.
    found = keys("關廟區公所今(3)日於山西宮前廣場辦理鳳梨季，並在中山南路實施交管。")
    assert not {"14", "4420"} & found
    assert "TW0516" in found   # 關廟區


# Written for this test in the style of Tainan city releases: Taiwan's
# places in full, and words that spell a mainland city's short name.
TAINAN_WORDS = ("臺南市政府教育局今日表示，安南區海東國小與東區中山國中獲獎，與會來賓並參觀"
                "中山路上的展場；臺南市位於嘉南平原，日照充足，學童並參觀德陽艦園區。")


def test_a_taiwan_release_spells_no_mainland_city_with_its_words():
    found = keys(TAINAN_WORDS)
    assert {"TW05", "TW0502", "TW0503"} <= found
    # 海东市, 中山市, 来宾市, 南平市, 日照市, 德阳市
    assert not found & {"6302", "4420", "4513", "3507", "3711", "5106"}, found


def test_a_taiwan_release_still_names_provinces_and_hong_kong_as_places():
    found = keys("臺南市農業局表示，安南區的文旦今年銷往香港、新加坡，並在北京、上海及四川舉辦展售會。")
    assert {"HK", "11", "31", "51", "TW0502"} <= found


def test_a_mainland_story_keeps_its_short_city_names():
    # No Taiwan unit written in full: 中山 and 日照 are the mainland's cities.
    assert {"4420", "3711"} <= keys("广东省中山市和山东省日照市今天启动防汛应急响应，中山、日照两地转移群众。")


def test_folks_and_local_lore_of_a_township_name_the_place_without_its_suffix():
    # 新營鄉親 are 新營's folks, 安平鄉土文化館 a museum of 安平: Tainan's
    # districts, not 宁夏 西吉县's 新营乡 or 辽宁's 安平乡.
    found = keys("臺南市議員表示，將為新營鄉親爭取停車場，並參觀安平鄉土文化館。")
    assert {"TW0507", "TW0510"} <= found and not found & {"640422200", "211005201"}
    assert "640422200" in keys("宁夏西吉县新营乡召开会议，部署春耕工作。")
