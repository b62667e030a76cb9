"""The eight sectors of the demo.

The sources repeat "8 cultural-industry sectors" without naming them; this set is our illustrative pick from the
national and Hanoi lists (see the event facts, §1). Colours are dark enough for white text (WCAG AA, ≥ 4.5:1).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class SectorData:
    key: str
    name_vi: str
    name_en: str
    description_vi: str
    description_en: str
    colour: str


SECTORS = (
    SectorData(
        "design",
        "Thiết kế",
        "Design",
        "Thiết kế đồ họa, bao bì, sản phẩm và quà tặng: những ý tưởng đưa hình ảnh Hà Nội vào đồ dùng hằng ngày.",
        "Graphic, packaging and product design, and design gifts: ideas that carry images of Hanoi into everyday "
        "objects.",
        "#8a3b12",
    ),
    SectorData(
        "crafts",
        "Thủ công mỹ nghệ",
        "Handicrafts",
        "Gốm, sơn mài, mây tre đan, lụa, giấy dó và thêu tay: nghề của các làng nghề và của những người thợ trẻ "
        "đang làm mới chúng.",
        "Ceramics, lacquer, rattan and bamboo, silk, dó paper and hand embroidery: the trades of craft villages "
        "and of the young makers renewing them.",
        "#6b4f10",
    ),
    SectorData(
        "fine-arts",
        "Mỹ thuật, nhiếp ảnh và triển lãm",
        "Fine arts, photography and exhibitions",
        "Hội họa, minh họa, tranh in, nhiếp ảnh và những không gian trưng bày đưa nghệ thuật đến gần công chúng.",
        "Painting, illustration, printmaking, photography and the spaces that bring art closer to the public.",
        "#5b2a86",
    ),
    SectorData(
        "performing-arts",
        "Nghệ thuật biểu diễn",
        "Performing arts",
        "Âm nhạc truyền thống và đương đại, múa, sân khấu và múa rối, từ sân khấu chính đến những tiết mục "
        "đường phố quanh hồ.",
        "Traditional and contemporary music, dance, theatre and puppetry, from the main stage to street "
        "performances around the lake.",
        "#a1122f",
    ),
    SectorData(
        "architecture",
        "Kiến trúc",
        "Architecture",
        "Kiến trúc, quy hoạch và nghiên cứu đô thị: những cách nhìn mới về di sản, không gian công cộng và một "
        "Hà Nội đáng sống hơn.",
        "Architecture, planning and urban research: fresh ways of looking at heritage, public space and a more "
        "livable Hanoi.",
        "#2f4a5e",
    ),
    SectorData(
        "fashion",
        "Thời trang",
        "Fashion",
        "Nhà thiết kế, thương hiệu và xưởng may đưa chất liệu, hoa văn truyền thống vào trang phục và phụ kiện "
        "hôm nay.",
        "Designers, labels and tailors bringing traditional materials and patterns into today's clothes and "
        "accessories.",
        "#8c1d5b",
    ),
    SectorData(
        "tourism",
        "Du lịch văn hóa",
        "Cultural tourism",
        "Những hành trình qua phố cổ, di tích, làng nghề và đời sống địa phương, do người am hiểu Hà Nội dẫn dắt.",
        "Journeys through the Old Quarter, heritage sites, craft villages and local life, led by people who "
        "know Hanoi well.",
        "#0f5e6b",
    ),
    SectorData(
        "cuisine",
        "Ẩm thực",
        "Cuisine",
        "Trà, cà phê, bánh trái và món ăn Hà Nội, cùng những người giữ gìn và làm mới hương vị truyền thống.",
        "Tea, coffee, cakes and Hanoi dishes, and the people who keep traditional flavours alive and reinvent them.",
        "#3d6b1f",
    ),
)
