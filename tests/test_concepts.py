"""Indicator concepts (patterns/indicators.yaml): one code per kind of target, so that the
same indicator lines up across plans whatever each plan's wording.

The indicators below are the ones vnplan extracts from the corpus and held-out plans
(quoted as extracted), with the concept a reader would file them under.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import vnplan
from vnplan import patterns
from vnplan.extract.targets import concept_of, concepts, label_of

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("indicator, unit, code", [
    # health insurance: the whole population vs a subgroup
    ("Tỷ lệ bao phủ BHYT toàn dân", "%", "health_insurance_coverage"),
    ("Tỷ lệ người dân có thẻ bảo hiểm y tế", "%", "health_insurance_coverage"),
    ("Tỷ lệ người dân tham gia bảo hiểm y tế", "%", "health_insurance_coverage"),
    ("học sinh tham gia BHYT", "%", "health_insurance_students"),
    ("NCT có thẻ bảo hiểm y tế", "%", None),
    ("trẻ em dưới 6 tuổi được cấp thẻ bảo hiểm y tế", "%", None),
    ("người thuộc hộ nghèo, hộ cận nghèo được cấp thẻ bảo hiểm y tế", "%", None),
    ("tỷ lệ người nhiễm HIV điều trị ARV có thẻ bảo hiểm y tế", "%", None),
    ("Tỷ lệ lao động từ 15 tuổi trở lên đang làm việc tham gia bảo hiểm thất nghiệp", "%",
     "unemployment_insurance_coverage"),
    ("Tỷ lệ lực lượng lao động trong độ tuổi tham gia bảo hiểm xã hội", "%", "social_insurance_coverage"),
    ("Tỷ lệ người đi mô tô, xe gắn máy, xe đạp điện đội mũ bảo hiểm", "%", None),
    # nutrition and child health, in each plan's words
    ("Tỷ lệ trẻ em dưới 5 tuổi SDD thể thấp còi", "%", "stunting_under5"),
    ("tỷ lệ suy dinh dưỡng thể thấp còi ở trẻ em dưới 5 tuổi", "%", "stunting_under5"),
    ("Tỷ lệ trẻ dưới 5 tuổi suy dinh dưỡng thể thấp còi", "%", "stunting_under5"),
    ("Tỷ lệ trẻ em dưới 5 tuổi SDD thể nhẹ cân", "%", "underweight_under5"),
    ("Tỷ lệ suy dinh dưỡng trẻ em < 5 tuổi theo cân nặng/tuổi", "%", "underweight_under5"),
    ("Tỷ lệ trẻ sơ sinh có cân nặng dưới 2.500 gram", "%", "low_birth_weight"),
    ("tỷ lệ thừa cân, béo phì ở trẻ em dưới 5 tuổi", "%", "overweight_obesity_children"),
    ("tỷ suất tử vong trẻ dưới 5 tuổi", "‰", "under5_mortality"),
    ("tỷ suất tử vong trẻ dưới 1 tuổi", "‰", "infant_mortality"),
    ("tỷ suất trẻ em bị tử vong do tai nạn, thương tích", "trẻ em/100.000 trẻ", None),
    ("Tỷ số tử vong mẹ", "/100.000 trẻ đẻ sống", "maternal_mortality"),
    ("Tỷ lệ trẻ < 01 tuổi được tiêm chủng đầy đủ", "%", "full_immunisation_under1"),
    ("Tỷ lệ trẻ <1 tuổi được tiêm chủng đầy đủ", "%", "full_immunisation_under1"),
    ("Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin", "%", "full_immunisation_under1"),
    ("Tỷ lệ trẻ 1 – 3 tuổi được tiêm chủng vắc xin Viêm não Nhật Bản", "%", None),
    ("tỷ lệ phụ nữ mang thai được sàng lọc trước sinh", "%", "prenatal_screening"),
    ("Tỷ lệ thai phụ được sàng lọc trước sinh", "%", "prenatal_screening"),
    ("tỷ lệ trẻ sơ sinh được sàng lọc", "%", "newborn_screening"),
    ("tỷ số giới tính khi sinh", "trẻ nam/100 trẻ nữ", "sex_ratio_at_birth"),
    ("Tỷ suất sinh thô", "‰", "crude_birth_rate"),
    ("tổng tỷ suất sinh", "con/phụ nữ", "total_fertility_rate"),
    ("Tỷ lệ sinh con thứ 3 trở lên", "%", "third_child_birth_rate"),
    ("Tỷ lệ cặp vợ chồng trong độ tuổi sinh đẻ sử dụng BPTT hiện đại", "%", "modern_contraception"),
    # workforce, facilities, population health
    ("bác sỹ/vạn dân", "bác sỹ/vạn dân", "doctors_per_10k"),
    ("dược sỹ đại học/vạn dân", "dược sỹ đại học/vạn dân", "pharmacists_per_10k"),
    ("giường bệnh/vạn dân", "giường bệnh/vạn dân", "hospital_beds_per_10k"),
    ("Số giường bệnh", "giường/vạn dân", "hospital_beds_per_10k"),
    ("cán bộ/vạn dân", "cán bộ/vạn dân", None),
    ("trạm y tế xã có bác sĩ làm việc", "%", "commune_health_stations_with_doctor"),
    ("phường đạt chuẩn Quốc gia về y tế xã theo hướng dẫn của Bộ Y tế", "phường", "commune_health_criteria"),
    ("Tuổi thọ trung bình", "tuổi", "life_expectancy"),
    ("số năm sống khỏe", "năm", "healthy_life_years"),
    ("Tỷ lệ dân số được quản lý bằng hồ sơ sức khỏe điện tử", "%", "population_health_records"),
    ("Tỷ lệ người tăng huyết áp được phát hiện", "%", "hypertension_management"),
    ("số người bị đái tháo đường được phát hiện, được quản lý, điều trị theo hướng dẫn chuyên môn", "%",
     "diabetes_management"),
    ("thuốc thiết yếu điều trị tăng huyết áp, đái tháo đường", "trạm y tế", None),
    ("tỷ lệ tử vong sớm do bệnh không lây nhiễm (từ 30 - 70 tuổi)", "%", "ncd_premature_mortality"),
    ("Tỷ lệ chất thải y tế được xử lý đạt chuẩn môi trường", "%", "medical_waste_treatment"),
    # poverty, labour, income
    ("Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều", "%", "poverty_rate"),
    ("Tỷ lệ hộ nghèo đa chiều", "%", "poverty_rate"),
    ("tỷ lệ hộ cận nghèo", "%", "near_poverty_rate"),
    ("sửa chữa nhà ở cho hộ nghèo, hộ cận nghèo", "nhà", None),
    ("Tỷ lệ lao động qua đào tạo", "%", "trained_labour_rate"),
    ("Thu nhập bình quân đầu người khu vực nông thôn", "triệu đồng/người/năm", "income_per_capita"),
    # water, environment, rural development, schools
    ("Tỷ lệ dân số nông thôn được sử dụng nước sạch đáp ứng quy chuẩn", "%", "clean_water_access"),
    ("Tỷ lệ hộ dân được cung cấp nước sạch", "%", "clean_water_access"),
    ("Tỷ lệ thất thoát nước sạch trên mạng lưới cấp nước", "%", None),
    ("Tỷ lệ hộ gia đình nông thôn có nhà tiêu hợp vệ sinh", "%", "hygienic_latrines"),
    ("trường học, trạm y tế xã có nước sạch và nhà tiêu hợp vệ sinh", "%", None),
    ("tỷ lệ che phủ rừng toàn tỉnh", "%", "forest_cover"),
    ("Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý", "%", "solid_waste_collection"),
    ("Tỷ lệ chất thải rắn sinh hoạt được xử lý bằng phương pháp chôn lấp trực tiếp", "%", None),
    ("Tỷ lệ chất thải rắn sinh hoạt được phân loại tại nguồn", "%", None),
    ("xã đạt chuẩn nông thôn mới", "xã", "new_rural_communes"),
    ("xã đạt chuẩn nông thôn mới nâng cao", "xã", "new_rural_communes_advanced"),
    ("xã đạt chuẩn nông thôn mới kiểu mẫu", "xã", "new_rural_communes_model"),
    ("xã đạt tiêu chí giao thông theo chuẩn xã nông thôn mới nâng cao", "xã", None),
    ("thôn bản đạt chuẩn khu dân cư nông thôn mới kiểu mẫu", "thôn", None),
    ("Tỷ lệ trường mầm non, phổ thông đạt chuẩn quốc gia", "%", "national_standard_schools"),
    # a change of a level is no level
    ("Tỷ lệ suy dinh dưỡng trẻ em < 5 tuổi — Tỷ lệ suy dinh dưỡng trẻ em thể nhẹ cân — Mức hạ tỷ lệ so với năm 2020",
     "%", None),
    ("tỷ lệ suy dinh dưỡng thể thấp còi", "%/năm", None),
    ("Tỷ lệ sinh con thứ 3 trở lên", "điểm phần trăm", None),
])
def test_concept_of(indicator, unit, code):
    assert concept_of(indicator, unit) == code


def test_tone_mark_placements_and_case_give_the_same_concept():
    assert concept_of("TỶ LỆ NGƯỜI DÂN THAM GIA BẢO HIỂM Y TẾ", "%") == "health_insurance_coverage"
    assert concept_of("số năm sống khoẻ", "năm") == concept_of("số năm sống khỏe", "năm") == "healthy_life_years"
    assert concept_of("Tỷ lệ dân số được quản lý bằng hồ sơ sức khoẻ điện tử", "%") == "population_health_records"
    assert concept_of("Tỉ lệ hộ nghèo đa chiều", "%") == "poverty_rate"


def test_the_vocabulary_is_well_formed():
    data = patterns.load("indicators")
    codes = [c["code"] for c in data["concepts"]]
    assert len(codes) == len(set(codes))
    for c in data["concepts"]:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", c["code"]), c["code"]
        assert c["label"] and c["all"] and all(isinstance(g, list) and g for g in c["all"]), c["code"]
        assert set(c) <= {"code", "label", "all", "none", "units", "no_subgroup"}, c["code"]
    assert label_of("stunting_under5") == "Tỷ lệ suy dinh dưỡng thể thấp còi ở trẻ em dưới 5 tuổi"
    assert len(concepts()) == len(codes)


def test_corpus_plan_targets_carry_their_concepts():
    plan = vnplan.parse(ROOT / "corpus" / "muong-khuong-2023-suc-khoe.txt")
    got = {t.concept: (t.value, t.unit) for t in plan.targets if t.concept}
    assert got["stunting_under5"] == (31.9, "%")
    assert got["underweight_under5"] == (16.9, "%")
    assert got["under5_mortality"] == (19.0, "‰")
    assert got["infant_mortality"] == (14.5, "‰")
    assert got["health_insurance_coverage"] == (98.0, "%")
    assert got["life_expectancy"] == (70.1, "tuổi")
    assert got["sex_ratio_at_birth"] == (117.0, "trẻ nam/100 trẻ nữ")
    assert plan.to_dict()["targets"][0]["concept"] in {None, *got}


def test_the_same_indicator_lines_up_across_plans():
    """Under-5 stunting in two plans of two provinces, written two ways."""
    a = vnplan.parse(ROOT / "corpus" / "muong-khuong-2023-suc-khoe.txt")
    b = vnplan.parse(ROOT / "tests" / "heldout" / "y_te_soc_trang.txt")
    rows = [(p.metadata.issuer, t.value) for p in (a, b) for t in p.targets if t.concept == "stunting_under5"]
    assert {issuer for issuer, _ in rows} == {a.metadata.issuer, b.metadata.issuer}
    assert (a.metadata.issuer, 31.9) in rows
