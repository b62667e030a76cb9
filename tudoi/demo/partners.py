"""Directing bodies, organisers, companions, sponsors and supporters named in the sources (event facts, §0 and §2),
plus two plainly fictional media partners. Logos are generated wordmarks, not the organisations' real logos.
"""

from dataclasses import dataclass

from exhibitors.models import PartnerRole
from tudoi.text import slugify_vi

Text = tuple[str, str]


@dataclass(frozen=True)
class PartnerData:
    name: Text
    role: str
    description: Text
    wordmark: str
    colour: str
    url: str = ""

    @property
    def slug(self) -> str:
        return slugify_vi(self.name[0])


R = PartnerRole
SPONSOR_TEXT = ("Nhà tài trợ của chương trình Tụ hội sáng tạo.", "A sponsor of the Creative Gathering.")
PARTNERS = (
    PartnerData(
        ("Ủy ban nhân dân Thành phố Hà Nội", "Hanoi People's Committee"),
        R.DIRECTING,
        (
            "Chỉ đạo chương trình Tụ hội sáng tạo và Lễ hội Thiết kế Sáng tạo Hà Nội 2026, theo Kế hoạch 333 của "
            "Thành phố.",
            "Directs the Creative Gathering and the Hanoi Creative Design Festival 2026 under the city's Plan 333.",
        ),
        "UBND TP Hà Nội",
        "#a1122f",
    ),
    PartnerData(
        ("Hội Kiến trúc sư Việt Nam", "Vietnam Association of Architects"),
        R.DIRECTING,
        (
            "Cùng chỉ đạo chương trình; Tạp chí Kiến trúc của Hội là một trong hai đơn vị tổ chức.",
            "Co-directs the programme; the Association's Architecture Magazine is one of the two organisers.",
        ),
        "Hội KTS Việt Nam",
        "#2f4a5e",
    ),
    PartnerData(
        ("Sở Văn hóa và Thể thao Hà Nội", "Hanoi Department of Culture and Sports"),
        R.ORGANISER,
        (
            "Đơn vị tổ chức Tụ hội sáng tạo; cũng là một trong các đơn vị tổ chức triển lãm “Chất Địa Phương”.",
            "Organiser of the Creative Gathering, and one of the organisers of the “Local Essence” exhibition.",
        ),
        "Sở VH&TT Hà Nội",
        "#8a3b12",
        "https://sovhtt.hanoi.gov.vn/",
    ),
    PartnerData(
        ("Tạp chí Kiến trúc", "Architecture Magazine"),
        R.ORGANISER,
        (
            "Tạp chí của Hội Kiến trúc sư Việt Nam, đồng tổ chức chương trình.",
            "The magazine of the Vietnam Association of Architects, co-organiser of the programme.",
        ),
        "Tạp chí Kiến trúc",
        "#0f5e6b",
        "https://www.tapchikientruc.com.vn/",
    ),
    PartnerData(
        ("UNESCO", "UNESCO"),
        R.COMPANION,
        (
            "Đồng hành cùng chương trình; đồng tổ chức triển lãm “Chất Địa Phương”.",
            "A companion of the programme and co-organiser of the “Local Essence” exhibition.",
        ),
        "UNESCO",
        "#1d4f91",
        "https://www.unesco.org/",
    ),
    PartnerData(
        ("Tập đoàn SOVICO", "SOVICO Group"),
        R.COMPANION,
        (
            "Đồng hành cùng chương trình và hỗ trợ triển lãm “Chất Địa Phương”.",
            "A companion of the programme and supporter of the “Local Essence” exhibition.",
        ),
        "SOVICO",
        "#8c1d5b",
    ),
    PartnerData(
        ("UN-Habitat", "UN-Habitat"),
        R.COMPANION,
        ("Đồng hành cùng chương trình.", "A companion of the programme."),
        "UN-Habitat",
        "#1f5f8b",
        "https://unhabitat.org/",
    ),
    PartnerData(("Honda", "Honda"), R.SPONSOR, SPONSOR_TEXT, "HONDA", "#a1122f"),
    PartnerData(("LOTTE Department Store", "LOTTE Department Store"), R.SPONSOR, SPONSOR_TEXT, "LOTTE", "#8a1538"),
    PartnerData(("LIXIL", "LIXIL"), R.SPONSOR, SPONSOR_TEXT, "LIXIL", "#2f4a5e"),
    PartnerData(("LG", "LG"), R.SPONSOR, SPONSOR_TEXT, "LG", "#8c1d5b"),
    PartnerData(("Minh Long", "Minh Long"), R.SPONSOR, SPONSOR_TEXT, "Minh Long", "#1d4f91"),
    PartnerData(
        ("Tạp chí Phố Sáng Tạo", "Creative Street Magazine"),
        R.MEDIA,
        (
            "Đối tác truyền thông hư cấu, chỉ dùng cho nội dung minh họa.",
            "A fictional media partner, for demonstration only.",
        ),
        "Phố Sáng Tạo",
        "#5b2a86",
    ),
    PartnerData(
        ("Podcast Gươm Xanh", "Gươm Xanh Podcast"),
        R.MEDIA,
        (
            "Đối tác truyền thông hư cấu, chỉ dùng cho nội dung minh họa.",
            "A fictional media partner, for demonstration only.",
        ),
        "Gươm Xanh",
        "#0f5e6b",
    ),
    PartnerData(
        ("Ủy ban nhân dân phường Hai Bà Trưng", "Hai Bà Trưng Ward People's Committee"),
        R.SUPPORTER,
        (
            "Chủ trì chuỗi hoạt động Tụ hội sáng tạo tại Công viên Thống Nhất cùng Sở Văn hóa và Thể thao Hà Nội.",
            "Led the Creative Gathering activities at Thống Nhất Park with the Hanoi Department of Culture and Sports.",
        ),
        "UBND P. Hai Bà Trưng",
        "#3d6b1f",
    ),
    PartnerData(
        ("Ban Quản lý công viên Thống Nhất", "Thống Nhất Park Management Board"),
        R.SUPPORTER,
        (
            "Đồng hành cùng chương trình vệ tinh tại Công viên Thống Nhất.",
            "A partner of the satellite programme at Thống Nhất Park.",
        ),
        "Công viên Thống Nhất",
        "#3d6b1f",
    ),
)
