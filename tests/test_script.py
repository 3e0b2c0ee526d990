from hypothesis import given, settings
from hypothesis import strategies as st

from archive.script import detect_script, fold, to_traditional

from .conftest import seed_path


def test_fold_maps_traditional_to_simplified_and_keeps_length():
    text = "區長楊國昕主持會議，嶽池縣委書記鄭鵬程"
    folded = fold(text)
    assert folded == "区长杨国昕主持会议,岳池县委书记郑鹏程"  # full-width comma folds too
    assert len(folded) == len(text)


def test_fold_treats_tai_variants_and_full_width_as_one():
    assert fold("臺南") == fold("台南") == "台南"
    assert fold("ＰＶＡ項目") == "pva项目"


def test_fold_keeps_length_on_every_seed():
    for prefix in ("000", "001", "002", "003", "004"):
        text = seed_path(prefix).read_text(encoding="utf-8")
        assert len(fold(text)) == len(text)


def test_detect_script_on_seeds():
    expected = {"000": "simplified", "001": "traditional", "002": "simplified",
                "003": "traditional", "004": "traditional"}
    for prefix, script in expected.items():
        assert detect_script(seed_path(prefix).read_text(encoding="utf-8")) == script


def test_detect_script_mixed():
    simplified = "新桥镇传达学习区工作动员部署会议精神，会议由镇党委书记主持。"
    assert detect_script(simplified + to_traditional(simplified)) == "mixed"


def _script_by_loop(text: str) -> str:
    """detect_script as it was first written, one character at a time."""
    from archive.script import to_simplified

    simplified, traditional = to_simplified(text), to_traditional(text)
    trad = simp = 0
    for orig, s, t in zip(text, simplified, traditional):
        if orig != s:
            trad += 1
        elif orig != t:
            simp += 1
    if trad + simp == 0:
        return "simplified"
    share = trad / (trad + simp)
    return "traditional" if share >= 0.8 else "simplified" if share <= 0.2 else "mixed"


MIXED = st.text(alphabet=st.sampled_from(list("区區长長杨楊国國主持会會议議台臺南a ，。里裏后後发發干乾")),
                max_size=300)


@settings(max_examples=200, deadline=None)
@given(MIXED)
def test_detect_script_counts_as_the_character_loop_did(text):
    # Short and long texts (long ones' conversions are remembered) of both
    # scripts, mixed in any proportion.
    assert detect_script(text) == _script_by_loop(text)
    assert detect_script(text * 3) == _script_by_loop(text * 3)
    assert len(fold(text * 3)) == len(text * 3)


def test_detect_script_counts_as_the_character_loop_did_on_seeds():
    for prefix in ("000", "001", "002", "003", "004"):
        text = seed_path(prefix).read_text(encoding="utf-8")
        assert detect_script(text) == _script_by_loop(text)


def _fold_by_table(text: str) -> str:
    """fold as it was first written: t2s, then every character through its tables."""
    from archive.script import to_simplified

    extra = str.maketrans({"衞": "卫", "衛": "卫", "寳": "宝", "甯": "宁"})
    table = {c: chr(c - 0xFEE0).lower() for c in range(0xFF01, 0xFF5F)}
    table.update({c: chr(c).lower() for c in range(0x41, 0x5B)})
    table[0x3000] = " "
    return to_simplified(text).translate(extra).translate(table)


# Few or many distinct characters to map (folding replaces a few one by one
# and translates many), traditional ones, and characters folding leaves alone.
FOLDABLE = st.text(alphabet=st.sampled_from(list("衞衛寳甯\u3000ＡＺａｚ０９！～ＰＶabcAZMQ區長臺南里裏，。 \n")
                                            + [chr(c) for c in range(0xFF01, 0xFF5F, 7)]),
                   max_size=250)


@settings(max_examples=200, deadline=None)
@given(FOLDABLE)
def test_fold_maps_as_its_tables_do(text):
    # Short texts (remembered) and long ones (folded each time).
    assert fold(text) == _fold_by_table(text)
    assert fold(text * 4) == _fold_by_table(text * 4)


def test_fold_maps_as_its_tables_do_on_seeds():
    for prefix in ("000", "001", "002", "003", "004"):
        text = seed_path(prefix).read_text(encoding="utf-8")
        assert fold(text) == _fold_by_table(text)


# Every kind of character the tables touch or pass through: upper and full-width
# Latin, the ideographic space, the extra variants, either script, astral CJK and emoji.
EVERY_KIND = st.text(alphabet=st.sampled_from(list("AZaz09 \u3000ＡＺａｚ０９，！～衞衛寳甯区區臺乾干\n")
                                           + ["𠀀", "😀", "\u00e9", "\uff5f", "\uff00"]),
                   max_size=200)


@settings(max_examples=150, deadline=None)
@given(EVERY_KIND)
def test_fold_maps_each_character_as_the_translate_tables_did(text):
    # Below and above the length where fold maps an array instead of translating.
    for sample in (text[:20], text, text * 4):
        assert fold(sample) == _fold_by_table(sample)


def test_fold_maps_as_the_translate_tables_did_on_seeds():
    for prefix in ("000", "001", "002", "003", "004"):
        text = seed_path(prefix).read_text(encoding="utf-8")
        assert fold(text) == _fold_by_table(text)
