"""Directing bodies, organisers, companions, sponsors and partners named in the sources (event facts, §0 and §2), each
with its own website where one is known. Logos are generated wordmarks, not the organisations' real logos.
"""

from dataclasses import dataclass

from core.text import slugify_vi
from exhibitors.models import PartnerRole

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


def sponsor(what_vi: str, what_en: str) -> Text:
    """A sponsor's line: what the company is, and its role (the announcement names sponsors, not what each gave)."""
    return (
        f"Nhà tài trợ của Tụ hội sáng tạo: {what_vi}.",
        f"A sponsor of Creative Gathering: {what_en}.",
    )


# Demo partners of earlier versions, removed by `load_demo` from databases that still hold them: two invented media
# partners, which read as real organisations next to real ones.
RETIRED = ("tap-chi-pho-sang-tao", "podcast-guom-xanh")

PARTNERS = (
    PartnerData(
        ("Ủy ban nhân dân Thành phố Hà Nội", "Hanoi People's Committee"),
        R.DIRECTING,
        (
            "Chỉ đạo chương trình Tụ hội sáng tạo và Lễ hội Thiết kế Sáng tạo Hà Nội 2026, theo Kế hoạch 333 của "
            "Thành phố.",
            "Directs the Creative Gathering and the Hanoi Creative Design Festival 2026 under the city's Plan 333.",
        ),
        "Hà Nội",
        "#a1122f",
        "https://hanoi.gov.vn/",
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
        "https://kienviet.net/",  # "Trang điện tử Kienviet.net của Hội" in the Association's own notices
    ),
    PartnerData(
        ("Sở Văn hóa và Thể thao Hà Nội", "Hanoi Department of Culture and Sports"),
        R.ORGANISER,
        (
            "Đơn vị tổ chức Tụ hội sáng tạo; cũng là một trong các đơn vị tổ chức triển lãm “Chất Địa Phương”.",
            "Organiser of the Creative Gathering, and one of the organisers of the “Local Essence” exhibition.",
        ),
        "Văn hóa & Thể thao Hà Nội",
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
        "https://sovico.com.vn/",
    ),
    PartnerData(
        ("UN-Habitat", "UN-Habitat"),
        R.COMPANION,
        ("Đồng hành cùng chương trình.", "A companion of the programme."),
        "UN-Habitat",
        "#1f5f8b",
        "https://unhabitat.org/",
    ),
    PartnerData(
        ("Honda", "Honda"),
        R.SPONSOR,
        sponsor("hãng xe máy và ô tô", "the motorcycle and car maker"),
        "HONDA",
        "#a1122f",
        "https://www.honda.com.vn/",
    ),
    PartnerData(
        ("LOTTE Department Store", "LOTTE Department Store"),
        R.SPONSOR,
        sponsor("chuỗi trung tâm thương mại", "the department store chain"),
        "LOTTE",
        "#8a1538",
        "https://lottedepartmentstore.com.vn/",
    ),
    PartnerData(
        ("LIXIL", "LIXIL"),
        R.SPONSOR,
        sponsor("hãng thiết bị nhà tắm và vật liệu xây dựng", "the maker of bathroom fittings and building materials"),
        "LIXIL",
        "#2f4a5e",
        "https://www.lixil.com/",
    ),
    PartnerData(
        ("LG", "LG"),
        R.SPONSOR,
        sponsor("tập đoàn điện tử", "the electronics group"),
        "LG",
        "#8c1d5b",
        "https://www.lg.com/vn/",
    ),
    PartnerData(
        ("Minh Long", "Minh Long"),
        R.SPONSOR,
        sponsor("thương hiệu gốm sứ Bình Dương", "the Bình Dương porcelain maker"),
        "Minh Long",
        "#1d4f91",
        "https://minhlong.com/",
    ),
    PartnerData(
        ("Công ty Truyền thông Innux", "Innux"),
        R.MEDIA,
        (
            "Công ty truyền thông, đối tác của chuỗi hoạt động Tụ hội sáng tạo tại Công viên Thống Nhất.",
            "A media company, partner of the Creative Gathering activities at Thống Nhất Park.",
        ),
        "Innux",
        "#5b2a86",
    ),
    PartnerData(
        ("Ủy ban nhân dân phường Hai Bà Trưng", "Hai Bà Trưng Ward People's Committee"),
        R.SUPPORTER,
        (
            "Chủ trì chuỗi hoạt động Tụ hội sáng tạo tại Công viên Thống Nhất cùng Sở Văn hóa và Thể thao Hà Nội.",
            "Led the Creative Gathering activities at Thống Nhất Park with the Hanoi Department of Culture and Sports.",
        ),
        "Phường Hai Bà Trưng",
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
