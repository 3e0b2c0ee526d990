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
