"""Fictional people and places for invented demo content, generated from fixed seeds.

People's names are combinations of common Vietnamese family, middle and given names; any likeness to a real
person is a coincidence, and every record built from them says that it is fictional.
"""

import random

FICTIONAL_UNIT_VI = "Đơn vị hư cấu, chỉ dùng cho nội dung minh họa."
FICTIONAL_UNIT_EN = "A fictional unit, for demonstration only."

_FAMILY = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Vũ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Ngô",
    "Dương",
    "Lý",
    "Đinh",
    "Mai",
    "Phan",
    "Trịnh",
    "Lương",
    "Tạ",
    "Hà",
    "Kiều",
)
# Middle and given names that go together (a "Văn" with a man's name, a "Thị" with a woman's).
_WOMEN = (
    ("Thị", "Thu", "Ngọc", "Phương", "Hồng", "Khánh", "Bảo", "Gia", "Thanh", "Minh"),
    (
        "Châu",
        "Giang",
        "Hạnh",
        "Lan",
        "Linh",
        "Mai",
        "Oanh",
        "Quyên",
        "Trang",
        "Vy",
        "Yến",
        "Nhung",
        "Thảo",
        "Hoa",
        "Ngân",
        "Uyên",
        "Loan",
        "Diệp",
        "Nhi",
        "An",
        "Tâm",
    ),
)
_MEN = (
    ("Văn", "Đức", "Quang", "Tuấn", "Hải", "Minh", "Bảo", "Gia", "Thanh", "Khánh"),
    (
        "Bình",
        "Dũng",
        "Khôi",
        "Nam",
        "Phúc",
        "Sơn",
        "Hiếu",
        "Long",
        "Vinh",
        "Đạt",
        "Quân",
        "Kiên",
        "Hưng",
        "Toàn",
        "An",
        "Tâm",
        "Tú",
        "Giang",
    ),
)


def _people() -> tuple[str, ...]:
    rng = random.Random(2026)
    names = sorted(
        {f"{f} {m} {g}" for f in _FAMILY for middles, givens in (_WOMEN, _MEN) for m in middles for g in givens}
    )
    rng.shuffle(names)
    return tuple(names)


PEOPLE = _people()

# Slices of PEOPLE, so that no invented person appears in two roles.
UNIT_PEOPLE = PEOPLE[0:120]
ARTIST_PEOPLE = PEOPLE[200:300]
SPEAKER_PEOPLE = PEOPLE[400:410]
PRESS_PEOPLE = PEOPLE[420:425]

# Hanoi-flavoured words used as names of invented units and product collections.
CORES = (
    "Hoa Sữa",
    "Lá Bàng",
    "Mái Ngói",
    "Ngõ Nhỏ",
    "Gác Xép",
    "Sấu Non",
    "Heo May",
    "Rêu Phong",
    "Tường Vàng",
    "Cửa Ô",
    "Gạch Nung",
    "Sen Hồ",
    "Mưa Phùn",
    "Nắng Sớm",
    "Phố Gió",
    "Đèn Lồng",
    "Chuông Gió",
    "Ô Cửa",
    "Trăng Non",
    "Mùa Cốm",
    "Sáo Diều",
    "Giếng Làng",
    "Mái Hiên",
    "Rạ Vàng",
    "Khói Lam",
    "Gánh Hàng",
    "Hoa Gạo",
    "Cây Đề",
    "Bến Sông",
    "Thềm Nhà",
    "Lộc Vừng",
    "Hoa Ban",
    "Mộc Miên",
    "Sương Sớm",
    "Tơ Vàng",
    "Đất Nung",
    "Ánh Trăng",
    "Chợ Quê",
    "Mây Trắng",
    "Nón Lá",
    "Cối Xay",
    "Hiên Nắng",
    "Gió Mùa",
    "Bàng Lăng",
    "Tò Vò",
    "Cửa Gỗ",
    "Bàn Xoay",
    "Vườn Ổi",
    "Sân Đình",
    "Lá Dong",
)

# Real wards of Hanoi (after the 2025 reorganisation) with a street in each, for invented addresses.
WARDS = (
    ("Hoàn Kiếm", ("phố Hàng Bạc", "phố Hàng Gai", "phố Mã Mây", "phố Hàng Bè")),
    ("Cửa Nam", ("phố Quán Sứ", "phố Thợ Nhuộm")),
    ("Ba Đình", ("phố Quán Thánh", "phố Hàng Bún")),
    ("Văn Miếu – Quốc Tử Giám", ("phố Quốc Tử Giám", "phố Văn Miếu")),
    ("Hai Bà Trưng", ("phố Lò Đúc",)),
    ("Giảng Võ", ("phố Giảng Võ",)),
    ("Ngọc Hà", ("phố Ngọc Hà",)),
    ("Láng", ("đường Láng",)),
    ("Bạch Mai", ("phố Bạch Mai",)),
    ("Tây Hồ", ("đường Xuân Diệu", "phố Quảng An")),
    ("Yên Hòa", ("phố Yên Hòa",)),
    ("Nghĩa Đô", ("phố Nghĩa Đô",)),
    ("Bồ Đề", ("phố Bồ Đề",)),
    ("Hồng Hà", ("phố Hồng Hà",)),
)
