"""Creative units and their products: the units named in coverage of the event, and invented ones.

Real units carry only what the sources say about them (event facts, §3). Invented units are generated from
patterns with a fixed seed, and each says in both languages that it is fictional.
"""

import functools
import random
from collections import Counter
from dataclasses import dataclass, field

from core.text import slugify_vi
from exhibitors.models import PriceBand, UnitKind

from .names import CORES, FICTIONAL_UNIT_EN, FICTIONAL_UNIT_VI, UNIT_PEOPLE, WARDS
from .sectors import SECTORS

TOTAL_UNITS = 216

# Fair zones along Đinh Tiên Hoàng Street, north to south.
ZONES = {
    "A": (
        "Khu A – phố Đinh Tiên Hoàng, phía quảng trường Đông Kinh Nghĩa Thục",
        "Zone A – Đinh Tiên Hoàng Street, Đông Kinh Nghĩa Thục Square end",
    ),
    "B": (
        "Khu B – phố Đinh Tiên Hoàng, trước cổng đền Ngọc Sơn",
        "Zone B – Đinh Tiên Hoàng Street, by the Ngọc Sơn Temple gate",
    ),
    "C": (
        "Khu C – phố Đinh Tiên Hoàng, cạnh vườn hoa Lý Thái Tổ",
        "Zone C – Đinh Tiên Hoàng Street, beside Lý Thái Tổ Garden",
    ),
    "D": ("Khu D – phố Đinh Tiên Hoàng, đoạn Bưu điện Hà Nội", "Zone D – Đinh Tiên Hoàng Street, by Hanoi Post Office"),
    "E": ("Khu E – phố Đinh Tiên Hoàng, phía phố Tràng Tiền", "Zone E – Đinh Tiên Hoàng Street, Tràng Tiền end"),
}
SECTOR_ZONE = {
    "design": "A",
    "fashion": "A",
    "crafts": "B",
    "fine-arts": "C",
    "architecture": "C",
    "tourism": "D",
    "performing-arts": "D",
    "cuisine": "E",
}

LEAD_TIMES = (
    ("Có sẵn hàng", "In stock"),
    ("3–5 ngày làm việc", "3–5 working days"),
    ("1–2 tuần", "1–2 weeks"),
    ("2–3 tuần", "2–3 weeks"),
    ("4–6 tuần", "4–6 weeks"),
)


@dataclass
class ProductData:
    name_vi: str
    name_en: str
    description_vi: str
    description_en: str
    price_band: str
    retail: bool = True
    wholesale: bool = False
    export: bool = False
    order: int = 0


@dataclass
class UnitData:
    name_vi: str
    name_en: str
    kind: str
    sector: str
    short_vi: str
    short_en: str
    description_vi: str
    description_en: str
    initials: str
    other_sectors: tuple[str, ...] = ()
    booth: str = ""
    zone: str = ""
    address: str = ""
    district: str = ""
    website: str = ""
    public_email: str = ""
    contact_email: str = ""
    in_network: bool = False
    commerce_ready: bool = False
    wholesale: bool = False
    export: bool = False
    custom_orders: bool = False
    price_band: str = ""
    lead_time: tuple[str, str] = ("", "")
    products: list[ProductData] = field(default_factory=list)
    pattern: str = "real"

    @property
    def slug(self) -> str:
        return slugify_vi(self.name_vi)


# Real units -------------------------------------------------------------------------------------------------------

HANOI_COLLEGE_OF_ARTS = "truong-cao-dang-nghe-thuat-ha-noi"
UIFA = "dai-hoc-my-thuat-cong-nghiep-ha-noi"
SISA = "truong-khoa-hoc-lien-nganh-va-nghe-thuat-dhqg-ha-noi"
LEN_NGAN = "len-ngan"
TIREDCITY = "tiredcity"
CHILDRENS_PALACE = "cung-thieu-nhi-ha-noi"
COOL_VIETNAM = "doanh-nghiep-xa-hoi-cool-vietnam"
INNUX = "cong-ty-truyen-thong-innux"
LAKE_BOARD = "ban-quan-ly-ho-hoan-kiem-va-pho-co-ha-noi"

_COLLEGE_PRODUCTS = [
    ProductData(
        "Khăn lụa in hình phụ nữ mặc áo dài",
        "Silk scarf printed with women in áo dài",
        "Khăn lụa in hình phụ nữ Việt Nam mặc áo dài, đội khăn chầu áo ngự, do giảng viên và học sinh, sinh viên "
        "của trường làm.",
        "A silk scarf printed with Vietnamese women wearing áo dài and ceremonial headdresses, made by the "
        "college's teachers and students.",
        "",
        order=1,
    ),
    ProductData(
        "Thiệp Tết và bao lì xì",
        "Tết cards and lucky-money envelopes",
        "Thiệp chúc Tết và bao lì xì trang trí họa tiết Tết và mười hai con giáp.",
        "New Year cards and lucky-money envelopes decorated with Tết motifs and the twelve zodiac animals.",
        "",
        order=2,
    ),
    ProductData(
        "Túi vải, móc khóa và huy hiệu",
        "Tote bags, keyrings and badges",
        "Túi vải, móc khóa và huy hiệu với họa tiết Tết và mười hai con giáp.",
        "Tote bags, keyrings and badges with Tết and zodiac motifs.",
        "",
        order=3,
    ),
]


def _real_units() -> list[UnitData]:
    return [
        UnitData(
            "Trường Cao đẳng Nghệ thuật Hà Nội",
            "Hanoi College of Arts",
            UnitKind.TRAINING,
            "design",
            "Gian hàng của giảng viên và học sinh, sinh viên: khăn lụa, thiệp Tết, bao lì xì, túi vải, móc khóa.",
            "A stand by teachers and students: silk scarves, Tết cards, lucky-money envelopes, tote bags and keyrings.",
            "Trường tham gia Tụ hội sáng tạo với tư cách một trong hơn 200 đơn vị thuộc các lĩnh vực công nghiệp "
            "văn hóa. Gian hàng của trường bày những sản phẩm do giảng viên và học sinh, sinh viên tự làm: khăn lụa "
            "in hình phụ nữ Việt Nam mặc áo dài, đội khăn chầu áo ngự; thiệp chúc Tết và bao lì xì; túi vải, móc "
            "khóa, huy hiệu mang họa tiết Tết và mười hai con giáp. Hiệu trưởng nhà trường là TS Vũ Tiến Dũng. "
            "Trong số người trưng bày có cả một học viên 16 tuổi của lớp vẽ tranh 3D.",
            "The college took part in the Creative Gathering as one of more than 200 units from the cultural "
            "industries. Its stand showed work made by teachers and students: silk scarves printed with "
            "Vietnamese women in áo dài and ceremonial headdresses, New Year cards and lucky-money envelopes, and "
            "tote bags, keyrings and badges with Tết and zodiac motifs. The principal is Dr Vũ Tiến Dũng. Among "
            "the exhibitors was a 16-year-old student from the 3D painting class.",
            "CĐNT",
            other_sectors=("crafts", "fine-arts"),
            commerce_ready=True,
            products=_COLLEGE_PRODUCTS,
        ),
        UnitData(
            "Đại học Mỹ thuật Công nghiệp Hà Nội",
            "Hanoi University of Industrial Fine Arts",
            UnitKind.TRAINING,
            "design",
            "Sinh viên trưng bày và bán tác phẩm tại khu hội chợ bên hồ.",
            "Students showing and selling their work at the lakeside fair.",
            "Trong hai ngày Tụ hội sáng tạo, sinh viên của trường trưng bày và bán tác phẩm, sản phẩm của mình tại "
            "khu hội chợ bên hồ Hoàn Kiếm.",
            "During the two days of the Creative Gathering, the university's students showed and sold their work "
            "at the fair beside Hoàn Kiếm Lake.",
            "MTCN",
            other_sectors=("fine-arts",),
        ),
        UnitData(
            "Trường Khoa học liên ngành và Nghệ thuật (ĐHQG Hà Nội)",
            "School of Interdisciplinary Sciences and Arts, VNU Hanoi",
            UnitKind.TRAINING,
            "fine-arts",
            "Sinh viên trưng bày và bán tác phẩm tại khu hội chợ bên hồ.",
            "Students showing and selling their work at the lakeside fair.",
            "Trường thuộc Đại học Quốc gia Hà Nội. Trong hai ngày Tụ hội sáng tạo, sinh viên của trường trưng bày và "
            "bán tác phẩm của mình tại khu hội chợ bên hồ Hoàn Kiếm.",
            "The school is part of Vietnam National University, Hanoi. During the two days of the Creative "
            "Gathering, its students showed and sold their work at the fair beside Hoàn Kiếm Lake.",
            "KHLN",
            other_sectors=("design",),
        ),
        UnitData(
            "Lên Ngàn",
            "Lên Ngàn",
            UnitKind.COLLECTIVE,
            "performing-arts",
            "Nền tảng văn hóa – nghệ thuật, dàn dựng chương trình nghệ thuật của Lễ khai mạc.",
            "A culture and arts platform; it staged the art programme of the opening ceremony.",
            "Lên Ngàn là một nền tảng văn hóa – nghệ thuật. Tối 10/01/2026, tại quảng trường Đông Kinh Nghĩa Thục, "
            "Lên Ngàn mang đến chương trình nghệ thuật của Lễ khai mạc Tụ hội sáng tạo: tiếng đàn tranh, đàn bầu "
            "và phần dàn dựng đương đại bức tranh Đông Hồ “Vinh Quy Bái Tổ”.",
            "Lên Ngàn is a culture and arts platform. On the evening of 10 January 2026, in Đông Kinh Nghĩa Thục "
            "Square, it presented the art programme of the Creative Gathering's opening ceremony: đàn tranh zither "
            "and đàn bầu monochord music, and a contemporary staging of the Đông Hồ folk painting “Vinh Quy Bái "
            "Tổ”.",
            "LN",
        ),
        UnitData(
            "TiredCity",
            "TiredCity",
            UnitKind.ENTERPRISE,
            "fine-arts",
            "Doanh nghiệp văn hóa – sáng tạo, đồng tổ chức triển lãm “Chất Địa Phương”.",
            "A cultural and creative enterprise; co-organiser of the “Local Essence” exhibition.",
            "TiredCity là doanh nghiệp văn hóa – sáng tạo do Nguyễn Việt Nam sáng lập, đưa tác phẩm của họa sĩ, "
            "có cấp phép bản quyền, lên những sản phẩm dùng hằng ngày. TiredCity là một trong các đơn vị tổ chức "
            "triển lãm minh họa “Chất Địa Phương” tại Trung tâm Thông tin Văn hóa Hồ Gươm.",
            "TiredCity is a cultural and creative enterprise founded by Nguyễn Việt Nam that puts licensed "
            "artworks on everyday products. It is one of the organisers of the “Local Essence” illustration "
            "exhibition at the Hồ Gươm Cultural Information Centre.",
            "TC",
            other_sectors=("design",),
            website="https://tiredcity.com/",
        ),
        UnitData(
            "Cung Thiếu nhi Hà Nội",
            "Hanoi Children's Palace",
            UnitKind.INSTITUTION,
            "performing-arts",
            "Sân khấu âm nhạc thiếu nhi ở Công viên Thống Nhất, với nhạc cụ dân tộc và ca khúc mùa xuân.",
            "The children's music stage at Thống Nhất Park, with traditional instruments and spring songs.",
            "Cung Thiếu nhi Hà Nội phụ trách sân khấu âm nhạc thiếu nhi trong chương trình vệ tinh tại Công viên "
            "Thống Nhất, với các tiết mục nhạc cụ dân tộc và những ca khúc về mùa xuân, về Tết. Hội trường của Cung "
            "là nơi công bố khung hoạt động của Lễ hội Thiết kế Sáng tạo Hà Nội 2026 và ra mắt Mạng lưới Không gian "
            "sáng tạo Hà Nội chiều 10/12/2025.",
            "The Hanoi Children's Palace ran the children's music stage of the satellite programme at Thống Nhất "
            "Park, with traditional instruments and songs about spring and Tết. Its auditorium hosted the "
            "announcement of the Hanoi Creative Design Festival 2026 framework and the launch of the Hanoi Creative "
            "Spaces Network on the afternoon of 10 December 2025.",
            "CTN",
            address="Số 5 Trần Nguyên Hãn, phường Hoàn Kiếm, Hà Nội",
            district="Hoàn Kiếm",
        ),
        UnitData(
            "Doanh nghiệp xã hội Cool Vietnam",
            "Cool Vietnam",
            UnitKind.ENTERPRISE,
            "tourism",
            "Doanh nghiệp xã hội, đối tác của chương trình tại Công viên Thống Nhất.",
            "A social enterprise; partner of the programme at Thống Nhất Park.",
            "Cool Vietnam là doanh nghiệp xã hội, một trong các đối tác của chuỗi hoạt động Tụ hội sáng tạo tại "
            "Công viên Thống Nhất do UBND phường Hai Bà Trưng chủ trì cùng Sở Văn hóa và Thể thao Hà Nội.",
            "Cool Vietnam is a social enterprise and one of the partners of the Creative Gathering activities at "
            "Thống Nhất Park, led by the Hai Bà Trưng Ward People's Committee with the Hanoi Department of "
            "Culture and Sports.",
            "CV",
        ),
        UnitData(
            "Công ty Truyền thông Innux",
            "Innux",
            UnitKind.ENTERPRISE,
            "design",
            "Công ty truyền thông, đối tác của chương trình tại Công viên Thống Nhất.",
            "A media company; partner of the programme at Thống Nhất Park.",
            "Innux là công ty truyền thông, một trong các đối tác của chuỗi hoạt động Tụ hội sáng tạo tại Công viên "
            "Thống Nhất.",
            "Innux is a media company and one of the partners of the Creative Gathering activities at Thống Nhất Park.",
            "IN",
        ),
        UnitData(
            "Ban Quản lý hồ Hoàn Kiếm và phố cổ Hà Nội",
            "Hoàn Kiếm Lake and Hanoi Old Quarter Management Board",
            UnitKind.INSTITUTION,
            "tourism",
            "Quản lý Trung tâm Thông tin Văn hóa Hồ Gươm; đồng tổ chức triển lãm “Chất Địa Phương”.",
            "Runs the Hồ Gươm Cultural Information Centre; co-organiser of the “Local Essence” exhibition.",
            "Ban Quản lý hồ Hoàn Kiếm và phố cổ Hà Nội quản lý Trung tâm Thông tin Văn hóa Hồ Gươm ở số 2 Lê Thái "
            "Tổ và là một trong các đơn vị tổ chức triển lãm “Chất Địa Phương” khai mạc ngày 10/01/2026.",
            "The Hoàn Kiếm Lake and Hanoi Old Quarter Management Board runs the Hồ Gươm Cultural Information Centre "
            "at 2 Lê Thái Tổ Street and is one of the organisers of the “Local Essence” exhibition, which opened "
            "on 10 January 2026.",
            "HK",
            other_sectors=("fine-arts",),
        ),
    ]


# Invented units ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    key: str
    kind: str
    name_vi: str
    name_en: str
    shorts: tuple[tuple[str, str], tuple[str, str]]
    about: tuple[str, str]

    @property
    def personal(self) -> bool:
        return "{p}" in self.name_vi


K = UnitKind
# fmt: off
PATTERNS: dict[str, tuple[Pattern, ...]] = {
    "design": (
        Pattern("studio", K.DESIGN_BRAND, "Studio thiết kế {c}", "{c} Design Studio",
                (("Studio thiết kế đồ họa và bao bì lấy cảm hứng từ phố phường Hà Nội.",
                  "A graphic and packaging design studio inspired by the streets of Hanoi."),
                 ("Thiết kế nhận diện và ấn phẩm cho thương hiệu nhỏ và sự kiện văn hóa.",
                  "Identity and print design for small brands and cultural events.")),
                ("{name} là một studio nhỏ làm thiết kế đồ họa và bao bì, thường mượn chất liệu từ biển hiệu cũ, "
                 "gạch hoa và mái ngói Hà Nội.",
                 "{name} is a small graphic and packaging design studio that often borrows from Hanoi's old shop "
                 "signs, patterned floor tiles and tiled roofs.")),
        Pattern("gifts", K.DESIGN_BRAND, "Quà tặng thiết kế {c}", "{c} Design Gifts",
                (("Sổ tay, bưu thiếp, lịch và quà tặng mang họa tiết Hà Nội.",
                  "Notebooks, postcards, calendars and gifts with Hanoi motifs."),
                 ("Quà tặng doanh nghiệp và quà Tết thiết kế riêng, sản xuất số lượng nhỏ.",
                  "Corporate and Tết gifts designed to order and made in small runs.")),
                ("{name} làm quà tặng thiết kế với số lượng nhỏ, từ văn phòng phẩm đến hộp quà Tết, in tại các xưởng "
                 "quen ở Hà Nội.",
                 "{name} makes design gifts in small runs, from stationery to Tết gift boxes, printed at trusted "
                 "workshops in Hanoi.")),
        Pattern("agency", K.ENTERPRISE, "Công ty Thiết kế {c}", "{c} Design Company",
                (("Thiết kế thương hiệu, trưng bày và biển hiệu cho cửa hàng, quán cà phê và sự kiện.",
                  "Branding, display and signage design for shops, cafés and events."),
                 ("Tư vấn và thiết kế bao bì cho sản phẩm thủ công muốn lên kệ hiện đại.",
                  "Packaging advice and design for craft products heading for modern shelves.")),
                ("{name} là công ty thiết kế chuyên về thương hiệu và bao bì, làm việc nhiều với các cơ sở thủ công "
                 "và nông sản muốn tìm khách hàng mới.",
                 "{name} is a design company specialising in branding and packaging, often working with craft and "
                 "farm producers looking for new customers.")),
        Pattern("designer", K.CREATOR, "Nhà thiết kế {p}", "Designer {p}",
                (("Nhà thiết kế độc lập làm đồ chơi và vật phẩm sưu tầm lấy cảm hứng từ truyện dân gian.",
                  "An independent designer of toys and collectibles inspired by folk tales."),
                 ("Đồ gia dụng nhỏ từ gỗ và tre, thiết kế và làm thủ công.",
                  "Small household objects in wood and bamboo, designed and made by hand.")),
                ("{name} là nhà thiết kế độc lập, tự phát triển sản phẩm từ bản vẽ đến mẫu thử và làm việc với các "
                 "xưởng nhỏ quanh Hà Nội.",
                 "{name} is an independent designer who takes each product from sketch to prototype and works with "
                 "small workshops around Hanoi.")),
        Pattern("young", K.COLLECTIVE, "Nhóm thiết kế trẻ {c}", "{c} Young Designers",
                (("Sinh viên và nhà thiết kế trẻ cùng làm dự án cho cộng đồng.",
                  "Students and young designers working together on community projects."),
                 ("Cộng đồng nhà thiết kế trẻ tổ chức buổi chia sẻ và chợ phiên thiết kế hằng tháng.",
                  "A community of young designers running monthly talks and design markets.")),
                ("{name} tập hợp sinh viên và nhà thiết kế mới ra trường, cùng thực hiện những dự án nhỏ cho khu "
                 "phố, trường học và không gian công cộng.",
                 "{name} brings together students and recent graduates to run small projects for neighbourhoods, "
                 "schools and public spaces.")),
        Pattern("design-school", K.TRAINING, "Trung tâm Đào tạo Thiết kế {c}", "{c} Design Training Centre",
                (("Khóa học ngắn hạn về thiết kế đồ họa và minh họa cho người mới bắt đầu.",
                  "Short graphic design and illustration courses for beginners."),
                 ("Lớp học buổi tối về thiết kế sản phẩm và bao bì.",
                  "Evening classes in product and packaging design.")),
                ("{name} mở các khóa ngắn hạn về thiết kế đồ họa, minh họa và bao bì, học theo những đề bài thật do "
                 "doanh nghiệp nhỏ đặt hàng.",
                 "{name} runs short courses in graphic design, illustration and packaging, built around real briefs "
                 "from small businesses.")),
    ),
    "crafts": (
        Pattern("pottery", K.CRAFT_VILLAGE, "Tổ hợp tác gốm {c}", "{c} Pottery Cooperative",
                (("Gốm men lam và men rạn làm thủ công, từ bát đĩa đến bình hoa.",
                  "Handmade blue-glazed and crackle-glazed ceramics, from tableware to vases."),
                 ("Những người thợ gốm chung một lò nung, nhận làm đơn hàng nhỏ theo mẫu.",
                  "Potters sharing a kiln and taking small orders to design.")),
                ("{name} là nhóm thợ gốm dùng chung xưởng và lò nung, giữ kỹ thuật vuốt tay truyền thống nhưng thử "
                 "nghiệm dáng và men mới.",
                 "{name} is a group of potters sharing a workshop and kiln, keeping traditional hand-throwing while "
                 "trying new shapes and glazes.")),
        Pattern("rattan", K.CRAFT_VILLAGE, "Hợp tác xã mây tre đan {c}", "{c} Rattan and Bamboo Cooperative",
                (("Giỏ, khay và đèn đan tay từ mây, tre và cói.",
                  "Hand-woven baskets, trays and lamps in rattan, bamboo and sedge."),
                 ("Đồ đan thủ công cho nhà ở, khách sạn và cửa hàng.",
                  "Handmade woven goods for homes, hotels and shops.")),
                ("{name} tập hợp các hộ thợ đan ở ngoại thành, làm đồ mây tre theo mẫu truyền thống và theo thiết "
                 "kế của khách hàng.",
                 "{name} brings together weaving households on the edge of the city, making rattan and bamboo goods "
                 "to traditional patterns and to clients' designs.")),
        Pattern("lacquer", K.CREATOR, "Nghệ nhân sơn mài {p}", "Lacquer artisan {p}",
                (("Tranh và đồ dùng sơn mài vẽ tay, dát vàng bạc và khảm vỏ trứng.",
                  "Hand-painted lacquer pictures and objects with gold and silver leaf and eggshell inlay."),
                 ("Sơn mài truyền thống trên gỗ, từ hộp nhỏ đến tranh bình phong.",
                  "Traditional lacquer on wood, from small boxes to folding screens.")),
                ("{name} theo nghề sơn mài hơn hai mươi năm, vẫn dùng sơn ta và tự làm mọi công đoạn từ bó hom đến "
                 "mài vóc.",
                 "{name} has worked in lacquer for more than twenty years, still using natural lacquer and "
                 "carrying out every stage from priming to the final polish.")),
        Pattern("silk", K.DESIGN_BRAND, "Lụa {c}", "{c} Silk",
                (("Khăn và phụ kiện lụa tơ tằm nhuộm màu tự nhiên.",
                  "Mulberry silk scarves and accessories in natural dyes."),
                 ("Lụa dệt thủ công với họa tiết vẽ tay lấy từ kiến trúc Hà Nội.",
                  "Hand-woven silk with hand-drawn patterns taken from Hanoi architecture.")),
                ("{name} làm việc trực tiếp với thợ dệt, đưa lụa tơ tằm vào khăn, túi và đồ trang trí, nhuộm màu từ "
                 "lá, vỏ cây và củ nâu.",
                 "{name} works directly with weavers, turning mulberry silk into scarves, bags and home textiles "
                 "dyed with leaves, bark and dye yam.")),
        Pattern("paper", K.ENTERPRISE, "Xưởng giấy dó {c}", "{c} Dó Paper Workshop",
                (("Giấy dó làm tay cho họa sĩ, nhà in và người yêu sổ tay.",
                  "Handmade dó paper for artists, printers and lovers of notebooks."),
                 ("Giấy dó, sổ tay và thiệp từ vỏ cây dó, không dùng hóa chất tẩy.",
                  "Dó paper, notebooks and cards made from dó bark without bleach.")),
                ("{name} làm giấy dó theo cách xeo tay truyền thống rồi dùng chính loại giấy ấy làm sổ tay, thiệp và "
                 "chao đèn.",
                 "{name} makes dó paper by traditional hand-forming and turns it into notebooks, cards and "
                 "lampshades.")),
        Pattern("embroidery", K.CREATOR, "Xưởng thêu tay {c}", "{c} Hand Embroidery",
                (("Tranh thêu và phụ kiện thêu tay theo lối truyền thống.",
                  "Embroidered pictures and accessories in the traditional manner."),
                 ("Thêu tay theo đơn đặt hàng: chân dung, phong cảnh, hoa văn.",
                  "Hand embroidery to order: portraits, landscapes and patterns.")),
                ("{name} là xưởng thêu nhỏ do vài thợ thêu lành nghề lập ra, nhận thêu tranh và trang trí trang phục "
                 "theo yêu cầu.",
                 "{name} is a small embroidery workshop set up by a few skilled embroiderers, who make pictures and "
                 "decorate clothes to order.")),
    ),
    "fine-arts": (
        Pattern("gallery", K.CREATIVE_SPACE, "Phòng tranh {c}", "{c} Gallery",
                (("Phòng tranh nhỏ giới thiệu họa sĩ trẻ với giá vừa phải.",
                  "A small gallery showing young painters at modest prices."),
                 ("Không gian trưng bày tranh, tranh in và ảnh của nghệ sĩ Hà Nội.",
                  "A space for paintings, prints and photographs by Hanoi artists.")),
                ("{name} là phòng tranh nhỏ trong một ngôi nhà cũ, mỗi năm tổ chức vài triển lãm cá nhân cho nghệ sĩ "
                 "trẻ.",
                 "{name} is a small gallery in an old house that holds a few solo shows a year for young artists.")),
        Pattern("painter", K.CREATOR, "Họa sĩ {p}", "Painter {p}",
                (("Họa sĩ vẽ phố phường và con người Hà Nội bằng sơn dầu và màu nước.",
                  "A painter of Hanoi's streets and people in oil and watercolour."),
                 ("Họa sĩ trẻ làm tranh khổ lớn về đời sống đô thị.",
                  "A young painter making large works about city life.")),
                ("{name} vẽ chủ yếu ngoài trời, ghi lại những góc phố, hàng quán và gương mặt quen trong khu phố.",
                 "{name} paints mostly outdoors, recording street corners, shops and familiar faces in the "
                 "neighbourhood.")),
        Pattern("photographer", K.CREATOR, "Nhiếp ảnh gia {p}", "Photographer {p}",
                (("Ảnh tư liệu về làng nghề và đời sống phố cổ.",
                  "Documentary photographs of craft villages and Old Quarter life."),
                 ("Ảnh kiến trúc và chân dung, in khổ lớn.",
                  "Architecture and portrait photography, printed in large format.")),
                ("{name} theo đuổi nhiếp ảnh tư liệu, nhiều năm chụp những nghề thủ công và những người thợ cuối "
                 "cùng của chúng.",
                 "{name} is a documentary photographer who has spent years recording crafts and some of their last "
                 "practitioners.")),
        Pattern("illustration", K.COLLECTIVE, "Nhóm minh họa {c}", "{c} Illustration Collective",
                (("Nhóm họa sĩ minh họa trẻ làm sách tranh và tranh in.",
                  "Young illustrators making picture books and prints."),
                 ("Cộng đồng minh họa tổ chức buổi vẽ chung và triển lãm nhỏ.",
                  "An illustration community running drawing sessions and small shows.")),
                ("{name} là nhóm họa sĩ minh họa cùng nhau vẽ, tự xuất bản sách tranh và tổ chức những buổi ký họa "
                 "phố.",
                 "{name} is a collective of illustrators who draw together, self-publish picture books and organise "
                 "street-sketching sessions.")),
        Pattern("art-space", K.CREATIVE_SPACE, "Không gian nghệ thuật {c}", "{c} Art Space",
                (("Không gian nghệ thuật đương đại với xưởng vẽ, phòng trưng bày và thư viện nhỏ.",
                  "A contemporary art space with studios, a gallery and a small library."),
                 ("Nơi gặp gỡ của nghệ sĩ trẻ: triển lãm, trò chuyện, chiếu phim.",
                  "A meeting place for young artists: exhibitions, talks and screenings.")),
                ("{name} có xưởng làm việc cho nghệ sĩ, một phòng trưng bày và lịch sinh hoạt hằng tuần mở cửa tự do.",
                 "{name} has studios for artists, a gallery and a weekly programme that is free to attend.")),
        Pattern("print", K.ENTERPRISE, "Xưởng in tranh {c}", "{c} Print Studio",
                (("In lụa, in khắc gỗ và in giclée cho nghệ sĩ.",
                  "Screen printing, woodcut and giclée printing for artists."),
                 ("In tranh số lượng giới hạn, có chữ ký và đánh số.",
                  "Limited-edition prints, signed and numbered.")),
                ("{name} in tranh cho họa sĩ bằng nhiều kỹ thuật, từ khắc gỗ in tay đến in giclée trên giấy mỹ "
                 "thuật.",
                 "{name} prints for artists in several techniques, from hand-pulled woodcuts to giclée on fine-art "
                 "paper.")),
    ),
    "performing-arts": (
        Pattern("ensemble", K.COLLECTIVE, "Nhóm nhạc dân tộc {c}", "{c} Traditional Music Ensemble",
                (("Nhóm hòa tấu đàn tranh, đàn bầu, sáo trúc và trống.",
                  "An ensemble of đàn tranh, đàn bầu, bamboo flute and drums."),
                 ("Biểu diễn và phối mới những làn điệu dân ca Bắc Bộ.",
                  "Performing and rearranging northern folk songs.")),
                ("{name} là nhóm nhạc công trẻ chơi nhạc cụ dân tộc, vừa giữ những bài bản cổ vừa phối lại dân ca cho "
                 "khán giả hôm nay.",
                 "{name} is a group of young musicians on traditional instruments who keep old pieces alive and "
                 "rearrange folk songs for today's audiences.")),
        Pattern("dance", K.COLLECTIVE, "Nhóm múa đương đại {c}", "{c} Contemporary Dance",
                (("Nhóm múa đương đại biểu diễn ở không gian công cộng.",
                  "A contemporary dance group performing in public spaces."),
                 ("Những tác phẩm múa ngắn lấy cảm hứng từ cử chỉ đời thường.",
                  "Short dance pieces drawn from everyday gestures.")),
                ("{name} dàn dựng những tác phẩm múa ngắn cho vỉa hè, công viên và sân đình, để người đi đường bắt "
                 "gặp múa ở nơi không ngờ.",
                 "{name} creates short dance pieces for pavements, parks and temple courtyards, so that passers-by "
                 "come across dance where they least expect it.")),
        Pattern("theatre", K.INSTITUTION, "Sân khấu nhỏ {c}", "{c} Studio Theatre",
                (("Sân khấu nhỏ cho kịch thể nghiệm và đọc kịch.",
                  "A small stage for experimental theatre and play readings."),
                 ("Nhà hát thể nghiệm với khoảng tám mươi chỗ ngồi.",
                  "An experimental theatre seating about eighty.")),
                ("{name} là sân khấu nhỏ chuyên kịch thể nghiệm, mỗi mùa mở cửa cho các nhóm trẻ đến tập và diễn.",
                 "{name} is a small stage for experimental theatre that opens its doors to young companies to "
                 "rehearse and perform each season.")),
        Pattern("music-school", K.TRAINING, "Lớp nhạc cụ dân tộc {c}", "{c} Traditional Instrument School",
                (("Lớp đàn tranh, đàn bầu và sáo trúc cho trẻ em và người lớn.",
                  "Đàn tranh, đàn bầu and bamboo flute lessons for children and adults."),
                 ("Dạy nhạc cụ dân tộc theo nhóm nhỏ, có buổi học thử.",
                  "Traditional instruments taught in small groups, with trial lessons.")),
                ("{name} dạy nhạc cụ dân tộc theo nhóm nhỏ; mỗi học kỳ kết thúc bằng một buổi hòa nhạc cho gia đình "
                 "học viên.",
                 "{name} teaches traditional instruments in small groups; each term ends with a concert for the "
                 "students' families.")),
        Pattern("puppeteer", K.CREATOR, "Nghệ sĩ múa rối {p}", "Puppeteer {p}",
                (("Nghệ sĩ làm và diễn rối que, rối tay cho thiếu nhi.",
                  "A puppeteer who makes and performs rod and hand puppets for children."),
                 ("Biểu diễn rối và dạy làm rối từ vật liệu tái chế.",
                  "Puppet shows and puppet-making workshops with recycled materials.")),
                ("{name} tự làm con rối và dựng những tích trò ngắn từ truyện cổ tích, thường diễn ở trường học và "
                 "thư viện.",
                 "{name} makes puppets and stages short shows from fairy tales, often performing in schools and "
                 "libraries.")),
        Pattern("stage", K.CREATIVE_SPACE, "Sân khấu cộng đồng {c}", "{c} Community Stage",
                (("Sân khấu ngoài trời mở cho nghệ sĩ đường phố và nhóm nghiệp dư.",
                  "An open-air stage for street artists and amateur groups."),
                 ("Không gian biểu diễn cộng đồng với lịch diễn cuối tuần.",
                  "A community performance space with weekend shows.")),
                ("{name} là không gian biểu diễn cộng đồng, cuối tuần nào cũng có tiết mục của các nhóm nghiệp dư và "
                 "nghệ sĩ đường phố.",
                 "{name} is a community performance space with shows by amateur groups and street artists every "
                 "weekend.")),
    ),
    "architecture": (
        Pattern("office", K.ENTERPRISE, "Văn phòng Kiến trúc {c}", "{c} Architects",
                (("Văn phòng kiến trúc chuyên cải tạo nhà phố và nhà cũ.",
                  "An architecture practice specialising in renovating tube houses and old buildings."),
                 ("Thiết kế nhà ở nhỏ, quán cà phê và không gian văn hóa.",
                  "Design of small homes, cafés and cultural spaces.")),
                ("{name} là văn phòng kiến trúc nhỏ, chủ yếu cải tạo nhà ống và nhà cũ sao cho thoáng, sáng mà vẫn "
                 "giữ được dấu vết thời gian.",
                 "{name} is a small architecture practice that mostly renovates tube houses and older buildings, "
                 "letting in light and air while keeping the marks of time.")),
        Pattern("urban", K.COLLECTIVE, "Nhóm Nghiên cứu Đô thị {c}", "{c} Urban Research Group",
                (("Khảo sát, lập bản đồ và kể chuyện về không gian công cộng.",
                  "Surveys, maps and stories about public space."),
                 ("Nghiên cứu độc lập về nhà tập thể, chợ và vỉa hè Hà Nội.",
                  "Independent research on Hanoi's apartment blocks, markets and pavements.")),
                ("{name} là nhóm nghiên cứu độc lập gồm kiến trúc sư, nhà xã hội học và họa sĩ, cùng khảo sát và lập "
                 "bản đồ những không gian chung của thành phố.",
                 "{name} is an independent research group of architects, sociologists and artists who survey and "
                 "map the city's shared spaces.")),
        Pattern("architect", K.CREATOR, "Kiến trúc sư {p}", "Architect {p}",
                (("Kiến trúc sư độc lập thiết kế nhà ở bằng vật liệu địa phương.",
                  "An independent architect designing homes with local materials."),
                 ("Ký họa kiến trúc và thiết kế cải tạo công trình nhỏ.",
                  "Architectural sketching and small renovation projects.")),
                ("{name} là kiến trúc sư độc lập, ưa dùng lại gạch, ngói và gỗ cũ, thường ký họa công trình trước "
                 "khi bắt tay cải tạo.",
                 "{name} is an independent architect with a taste for reused brick, tile and timber, who sketches "
                 "each old building before renovating it.")),
        Pattern("lab", K.TRAINING, "Xưởng Thực hành Kiến trúc {c}", "{c} Architecture Lab",
                (("Xưởng thực hành cho sinh viên kiến trúc: dựng mô hình, khảo sát thực địa.",
                  "A hands-on lab for architecture students: model-making and fieldwork."),
                 ("Khóa học ngắn về ký họa kiến trúc và dựng mô hình.",
                  "Short courses in architectural sketching and model-making.")),
                ("{name} tổ chức khóa học ngắn và trại sáng tác cho sinh viên kiến trúc, học qua khảo sát thực địa "
                 "và dựng mô hình.",
                 "{name} runs short courses and design camps for architecture students, who learn through fieldwork "
                 "and model-making.")),
        Pattern("models", K.ENTERPRISE, "Xưởng Mô hình {c}", "{c} Model Workshop",
                (("Mô hình kiến trúc bằng gỗ, giấy và in 3D.",
                  "Architectural models in wood, card and 3D print."),
                 ("Mô hình công trình và sa bàn cho triển lãm.",
                  "Building and site models for exhibitions.")),
                ("{name} làm mô hình kiến trúc và sa bàn cho văn phòng thiết kế, bảo tàng và triển lãm, kết hợp cắt "
                 "laser với hoàn thiện thủ công.",
                 "{name} makes architectural and site models for design offices, museums and exhibitions, combining "
                 "laser cutting with hand finishing.")),
        Pattern("heritage", K.CREATIVE_SPACE, "Nhà Di sản {c}", "{c} Heritage House",
                (("Ngôi nhà cũ trở thành nơi trưng bày và trò chuyện về kiến trúc.",
                  "An old house turned into a place to show and talk about architecture."),
                 ("Không gian trưng bày về nhà phố và đời sống trong phố cổ.",
                  "A space about shophouses and life in the Old Quarter.")),
                ("{name} là ngôi nhà cũ được cải tạo nhẹ nhàng để đón công chúng, có phòng trưng bày nhỏ về kiến "
                 "trúc nhà phố.",
                 "{name} is an old house, gently renovated and opened to the public, with a small display about "
                 "shophouse architecture.")),
    ),
    "fashion": (
        Pattern("label", K.DESIGN_BRAND, "Thời trang {c}", "{c} Fashion",
                (("Trang phục may từ linen, lụa và thổ cẩm, dáng hiện đại.",
                  "Modern clothes in linen, silk and brocade."),
                 ("Thương hiệu thời trang nhỏ, may số lượng ít theo mùa.",
                  "A small label making short seasonal runs.")),
                ("{name} là thương hiệu thời trang nhỏ, mỗi mùa ra một bộ sưu tập ngắn may từ vải tự nhiên với hoa "
                 "văn truyền thống được vẽ lại.",
                 "{name} is a small label that releases a short collection each season in natural fabrics, with "
                 "traditional patterns redrawn.")),
        Pattern("ao-dai", K.DESIGN_BRAND, "Áo dài {c}", "{c} Áo Dài",
                (("Áo dài may đo và áo dài cách tân.",
                  "Made-to-measure and modern áo dài."),
                 ("Áo dài lụa vẽ tay cho ngày lễ và dịp Tết.",
                  "Hand-painted silk áo dài for festivals and Tết.")),
                ("{name} may đo áo dài truyền thống và cách tân, nhiều mẫu có họa tiết vẽ tay lấy từ tranh dân gian.",
                 "{name} makes traditional and modern áo dài to measure, many with hand-painted motifs taken from "
                 "folk paintings.")),
        Pattern("fashion-designer", K.CREATOR, "Nhà thiết kế thời trang {p}", "Fashion designer {p}",
                (("Nhà thiết kế trẻ làm trang phục từ vải tái chế.",
                  "A young designer making clothes from recycled fabric."),
                 ("Thiết kế trang phục biểu diễn và trang phục sự kiện.",
                  "Stage and event costumes.")),
                ("{name} là nhà thiết kế trẻ, làm trang phục từ vải thừa của các xưởng may và nhận thiết kế trang "
                 "phục cho sân khấu.",
                 "{name} is a young designer who makes clothes from garment factories' offcuts and designs stage "
                 "costumes.")),
        Pattern("tailor", K.ENTERPRISE, "Xưởng may đo {c}", "{c} Tailoring",
                (("Xưởng may đo vest, sơ mi và áo dài.",
                  "Tailoring for suits, shirts and áo dài."),
                 ("May số lượng nhỏ cho thương hiệu và đồng phục.",
                  "Small-batch production for labels and uniforms.")),
                ("{name} là xưởng may đo lâu năm, vừa nhận khách lẻ vừa may số lượng nhỏ cho các thương hiệu trẻ.",
                 "{name} is a long-established tailoring workshop serving individual clients and making small "
                 "batches for young labels.")),
        Pattern("jewellery", K.DESIGN_BRAND, "Trang sức {c}", "{c} Jewellery",
                (("Trang sức bạc làm tay với hoa văn cổ.",
                  "Handmade silver jewellery with old decorative motifs."),
                 ("Bông tai, vòng và nhẫn từ bạc, đồng và gốm.",
                  "Earrings, bangles and rings in silver, brass and ceramic.")),
                ("{name} làm trang sức thủ công từ bạc và đồng, họa tiết lấy từ hoa văn trống đồng, gốm cổ và cửa "
                 "gỗ chạm.",
                 "{name} makes handmade jewellery in silver and brass, with motifs taken from bronze drums, old "
                 "ceramics and carved doors.")),
        Pattern("fashion-school", K.TRAINING, "Lớp học Thời trang {c}", "{c} Fashion School",
                (("Khóa học cắt may và thiết kế thời trang cơ bản.",
                  "Basic dressmaking and fashion design courses."),
                 ("Lớp học thiết kế thời trang bền vững.",
                  "Classes in sustainable fashion design.")),
                ("{name} mở lớp cắt may và thiết kế thời trang cơ bản, chú trọng tái sử dụng vải và may đồ bền.",
                 "{name} teaches basic dressmaking and fashion design, with an emphasis on reusing fabric and making "
                 "clothes that last.")),
    ),
    "tourism": (
        Pattern("tours", K.ENTERPRISE, "Lữ hành Văn hóa {c}", "{c} Cultural Tours",
                (("Tour đi bộ phố cổ và tour làng nghề theo nhóm nhỏ.",
                  "Small-group Old Quarter walks and craft village tours."),
                 ("Hành trình văn hóa với hướng dẫn viên nói tiếng Việt và tiếng Anh.",
                  "Cultural journeys with Vietnamese- and English-speaking guides.")),
                ("{name} tổ chức tour nhóm nhỏ qua phố cổ, làng nghề và di tích, dành thời gian cho khách gặp gỡ "
                 "người làm nghề.",
                 "{name} runs small-group tours of the Old Quarter, craft villages and heritage sites, with time to "
                 "meet the makers.")),
        Pattern("guides", K.COLLECTIVE, "Nhóm Hướng dẫn viên Tình nguyện {c}", "{c} Volunteer Guides",
                (("Sinh viên tình nguyện dẫn khách tham quan Hà Nội miễn phí.",
                  "Student volunteers who show visitors around Hanoi free of charge."),
                 ("Tình nguyện viên giới thiệu lịch sử khu phố bằng tiếng Anh.",
                  "Volunteers introducing neighbourhood history in English.")),
                ("{name} là nhóm sinh viên tình nguyện dẫn du khách đi bộ quanh phố cổ, vừa luyện ngoại ngữ vừa kể "
                 "chuyện về Hà Nội.",
                 "{name} is a group of student volunteers who lead walks around the Old Quarter, practising "
                 "languages while telling stories about Hanoi.")),
        Pattern("guesthouse", K.ENTERPRISE, "Nhà lưu trú {c}", "{c} Guesthouse",
                (("Nhà lưu trú nhỏ trong ngôi nhà cũ, có buổi học nấu ăn và làm đồ thủ công.",
                  "A small guesthouse in an old house, with cooking and craft sessions."),
                 ("Chỗ nghỉ gia đình kết hợp trải nghiệm văn hóa.",
                  "Family-run lodging with cultural activities.")),
                ("{name} là nhà lưu trú gia đình, nơi khách có thể học nấu món Hà Nội và làm đồ thủ công cùng chủ "
                 "nhà.",
                 "{name} is a family-run guesthouse where guests can learn to cook Hanoi dishes and make crafts with "
                 "their hosts.")),
        Pattern("display", K.INSTITUTION, "Nhà Trưng bày {c}", "{c} Display House",
                (("Nhà trưng bày nhỏ về nghề và đời sống phố cũ.",
                  "A small display house about old trades and street life."),
                 ("Hiện vật, ảnh và câu chuyện về những phố nghề Hà Nội.",
                  "Objects, photographs and stories from Hanoi's craft streets.")),
                ("{name} trưng bày hiện vật, ảnh cũ và lời kể của cư dân về những phố nghề, mở cửa miễn phí vào cuối "
                 "tuần.",
                 "{name} shows objects, old photographs and residents' accounts of the craft streets, with free "
                 "entry at weekends.")),
        Pattern("mapping", K.COLLECTIVE, "Dự án Bản đồ {c}", "{c} Map Project",
                (("Bản đồ minh họa và lộ trình khám phá các khu phố.",
                  "Illustrated maps and walking routes through the neighbourhoods."),
                 ("Dự án cộng đồng lập bản đồ hàng quán và di sản nhỏ.",
                  "A community project mapping shops and small heritage.")),
                ("{name} là dự án cộng đồng vẽ bản đồ minh họa về hàng quán, nghề và di sản nhỏ của từng khu phố, "
                 "phát miễn phí cho du khách.",
                 "{name} is a community project that draws illustrated maps of each neighbourhood's shops, trades "
                 "and small heritage, handed out free to visitors.")),
        Pattern("culture-space", K.CREATIVE_SPACE, "Không gian Văn hóa {c}", "{c} Cultural Space",
                (("Không gian văn hóa với lớp học, triển lãm và buổi nói chuyện.",
                  "A cultural space with classes, exhibitions and talks."),
                 ("Nơi giới thiệu văn hóa Hà Nội cho du khách và người trẻ.",
                  "A place introducing Hanoi culture to visitors and young people.")),
                ("{name} tổ chức lớp học thủ công, triển lãm nhỏ và buổi nói chuyện về văn hóa Hà Nội cho du khách "
                 "và người trẻ.",
                 "{name} hosts craft classes, small exhibitions and talks on Hanoi culture for visitors and young "
                 "people.")),
    ),
    "cuisine": (
        Pattern("tea", K.ENTERPRISE, "Trà quán {c}", "{c} Tea House",
                (("Trà ướp hoa và trà shan tuyết, pha theo lối truyền thống.",
                  "Flower-scented teas and shan tuyết tea, brewed the traditional way."),
                 ("Quán trà nhỏ có lớp học pha trà cuối tuần.",
                  "A small tea house with weekend tea-brewing classes.")),
                ("{name} là quán trà nhỏ, tự ướp trà với hoa sen, hoa nhài và hoa bưởi theo mùa, có lớp pha trà vào "
                 "cuối tuần.",
                 "{name} is a small tea house that scents its own tea with lotus, jasmine and pomelo blossom in "
                 "season, and runs tea-brewing classes at weekends.")),
        Pattern("cakes", K.DESIGN_BRAND, "Bánh truyền thống {c}", "{c} Traditional Cakes",
                (("Bánh cốm, bánh phu thê và bánh Tết làm thủ công.",
                  "Handmade green rice cakes, phu thê cakes and Tết cakes."),
                 ("Bánh truyền thống Hà Nội đóng hộp quà.",
                  "Traditional Hanoi cakes in gift boxes.")),
                ("{name} làm bánh truyền thống Hà Nội theo công thức gia đình, đóng trong hộp quà có bao bì thiết kế "
                 "mới.",
                 "{name} makes traditional Hanoi cakes from family recipes and packs them in newly designed gift "
                 "boxes.")),
        Pattern("chef", K.CREATOR, "Đầu bếp {p}", "Chef {p}",
                (("Đầu bếp tìm hiểu và nấu lại các món Hà Nội xưa.",
                  "A chef researching and cooking old Hanoi dishes."),
                 ("Bữa ăn theo mùa và lớp nấu ăn cho nhóm nhỏ.",
                  "Seasonal dinners and cooking classes for small groups.")),
                ("{name} tìm lại những món Hà Nội ít gặp qua sách cũ và lời kể của các cụ, rồi nấu chúng trong những "
                 "bữa ăn theo mùa.",
                 "{name} rediscovers rarely cooked Hanoi dishes through old books and elders' memories, and serves "
                 "them at seasonal dinners.")),
        Pattern("coffee", K.ENTERPRISE, "Cà phê {c}", "{c} Coffee",
                (("Cà phê rang mộc từ các nông trại nhỏ ở Tây Nguyên.",
                  "Plainly roasted coffee from small Central Highlands farms."),
                 ("Quán cà phê kiêm xưởng rang, có buổi thử nếm.",
                  "A café and roastery with tasting sessions.")),
                ("{name} vừa là quán cà phê vừa là xưởng rang, mua hạt trực tiếp từ các hộ trồng cà phê ở Tây "
                 "Nguyên.",
                 "{name} is both a café and a roastery, buying beans directly from coffee-growing families in the "
                 "Central Highlands.")),
        Pattern("cooking", K.TRAINING, "Lớp học Nấu ăn {c}", "{c} Cooking School",
                (("Lớp nấu món Hà Nội cho du khách và người mới học.",
                  "Hanoi cooking classes for visitors and beginners."),
                 ("Nửa ngày đi chợ và nấu ăn cùng đầu bếp.",
                  "A half-day market visit and cooking session with a chef.")),
                ("{name} dạy nấu món Hà Nội trong nửa ngày, bắt đầu bằng một vòng đi chợ chọn nguyên liệu.",
                 "{name} teaches Hanoi cooking in half-day classes that begin with a trip to the market to choose "
                 "ingredients.")),
        Pattern("com", K.CRAFT_VILLAGE, "Tổ hợp tác cốm {c}", "{c} Green Rice Cooperative",
                (("Cốm làm thủ công theo mùa lúa non.",
                  "Green rice flakes made by hand in the young-rice season."),
                 ("Các hộ làm cốm cùng giữ cách làm truyền thống.",
                  "Households making green rice flakes the traditional way.")),
                ("{name} tập hợp các hộ làm cốm, giữ cách rang, giã thủ công và đưa cốm vào những sản phẩm mới như "
                 "bánh và kem.",
                 "{name} brings together households that make green rice flakes, keeping the hand-roasting and "
                 "pounding and using the flakes in new products such as cakes and ice cream.")),
    ),
}

DETAILS: dict[str, tuple[tuple[str, str], ...]] = {
    "design": (
        ("Mỗi năm, đơn vị ra một dòng sản phẩm mới lấy chủ đề từ một khu phố.",
         "Each year it releases a new range themed on one neighbourhood."),
        ("Đơn vị ưu tiên giấy tái chế và mực in gốc nước.", "It favours recycled paper and water-based inks."),
        ("Đơn vị thường hợp tác với thợ thủ công để làm mẫu thử.",
         "It often works with craftspeople to make prototypes."),
        ("Sản phẩm của đơn vị có mặt ở một số hiệu sách và cửa hàng quà tặng trong phố cổ.",
         "Its products are sold in some bookshops and gift shops in the Old Quarter."),
    ),
    "crafts": (
        ("Khách có thể hẹn trước để đến xưởng xem quy trình làm nghề.",
         "Visitors can book ahead to watch the making process at the workshop."),
        ("Đơn vị đang thử nghiệm những mẫu mới dành cho khách sạn và nhà hàng.",
         "It is trying out new designs for hotels and restaurants."),
        ("Nguyên liệu được mua từ những hộ sản xuất quen nhiều năm.",
         "Materials come from producers it has worked with for years."),
        ("Đơn vị dạy nghề cho thanh niên địa phương vào mùa nông nhàn.",
         "It teaches the craft to local young people in the farming off-season."),
    ),
    "fine-arts": (
        ("Đơn vị thường xuyên tổ chức buổi trò chuyện với nghệ sĩ.", "It regularly holds talks with artists."),
        ("Tác phẩm được giới thiệu kèm giấy chứng nhận và thông tin về tác giả.",
         "Works come with a certificate and information about the artist."),
        ("Đơn vị quan tâm đến nghệ thuật cho thiếu nhi và có lớp vẽ cuối tuần.",
         "It cares about art for children and runs weekend drawing classes."),
        ("Đơn vị đang xây dựng một kho lưu trữ ảnh về Hà Nội.", "It is building an archive of photographs of Hanoi."),
    ),
    "performing-arts": (
        ("Đơn vị nhận biểu diễn cho sự kiện, trường học và lễ hội.",
         "It performs at events, schools and festivals."),
        ("Buổi tập cuối mỗi tháng mở cửa cho khán giả.", "The last rehearsal of each month is open to the public."),
        ("Đơn vị học lại những bài bản cổ cùng các nghệ nhân lớn tuổi.",
         "It relearns traditional repertoire with older masters."),
        ("Đơn vị thường biểu diễn miễn phí ở phố đi bộ vào cuối tuần.",
         "It often gives free performances in the pedestrian zone at weekends."),
    ),
    "architecture": (
        ("Đơn vị tổ chức những buổi đi bộ tìm hiểu kiến trúc mở cho công chúng.",
         "It organises architecture walks open to the public."),
        ("Đơn vị đã thực hiện nhiều dự án cải tạo nhỏ trong phố cổ.",
         "It has carried out many small renovations in the Old Quarter."),
        ("Đơn vị quan tâm đến vật liệu địa phương và tiết kiệm năng lượng.",
         "It is interested in local materials and saving energy."),
        ("Đơn vị chia sẻ bản vẽ khảo sát để cộng đồng cùng sử dụng.",
         "It shares its survey drawings for the community to use."),
    ),
    "fashion": (
        ("Mỗi mẫu chỉ may số lượng nhỏ để tránh tồn kho.",
         "Each design is made in small numbers to avoid unsold stock."),
        ("Đơn vị dùng vải của các làng dệt quanh Hà Nội.", "It uses fabric from weaving villages around Hanoi."),
        ("Đơn vị nhận sửa và may lại quần áo cũ.", "It also repairs and remakes old clothes."),
        ("Đơn vị hợp tác với họa sĩ để in họa tiết giới hạn.", "It works with artists on limited-edition prints."),
    ),
    "tourism": (
        ("Hướng dẫn viên của đơn vị đều là người sống lâu năm ở Hà Nội.",
         "Its guides have all lived in Hanoi for many years."),
        ("Đơn vị dành một phần doanh thu để hỗ trợ các nghệ nhân.",
         "It sets aside part of its income to support artisans."),
        ("Các lộ trình được thiết kế để đi bộ hoặc đạp xe.", "Routes are designed for walking or cycling."),
        ("Đơn vị có chương trình riêng cho học sinh và gia đình.",
         "It has special programmes for schools and families."),
    ),
    "cuisine": (
        ("Nguyên liệu được chọn theo mùa, mua từ chợ và nông trại quen.",
         "Ingredients are seasonal, bought from markets and farms it knows."),
        ("Đơn vị nhận làm quà Tết cho doanh nghiệp.", "It makes Tết gifts for companies."),
        ("Đơn vị chia sẻ công thức và câu chuyện món ăn trong các buổi trò chuyện.",
         "It shares recipes and the stories behind dishes in talks."),
        ("Bao bì của đơn vị dùng giấy và lá tự nhiên.", "Its packaging uses paper and natural leaves."),
    ),
}

B = PriceBand
# (name vi, name en, price band, description vi, description en, a service rather than goods)
PRODUCT_TYPES: dict[str, tuple[tuple[str, str, str, str, str, bool], ...]] = {
    "design": (
        ("Bộ bưu thiếp", "Postcard set", B.BUDGET,
         "Mười tấm bưu thiếp in offset trên giấy mỹ thuật, vẽ những góc phố Hà Nội.",
         "Ten offset-printed postcards on fine paper, showing corners of Hanoi.", False),
        ("Sổ tay bìa vải", "Cloth-bound notebook", B.BUDGET,
         "Sổ tay khâu gáy, bìa vải in lụa, 160 trang không kẻ dòng.",
         "A sewn-spine notebook with a screen-printed cloth cover and 160 blank pages.", False),
        ("Lịch để bàn 2026", "2026 desk calendar", B.BUDGET,
         "Lịch để bàn mười hai tờ, mỗi tháng một bức minh họa về Hà Nội.",
         "A twelve-page desk calendar with one Hanoi illustration for each month.", False),
        ("Bộ hộp quà Tết", "Tết gift box set", B.MID,
         "Hộp quà gấp bằng bìa tái chế, dùng lại được làm hộp đựng đồ.",
         "Folding gift boxes in recycled board that can be reused for storage.", False),
        ("Đèn ngủ gỗ", "Wooden bedside lamp", B.UPPER,
         "Đèn gỗ tần bì với chao giấy dó, lấy dáng mái nhà phố cổ.",
         "An ash-wood lamp with a dó paper shade shaped like an Old Quarter roof.", False),
        ("Bộ khối gỗ nhà ống", "Tube-house wooden blocks", B.MID,
         "Bộ khối gỗ lắp thành những ngôi nhà ống, sơn nước an toàn cho trẻ em.",
         "Wooden blocks that build into tube houses, finished in child-safe water-based paint.", False),
    ),
    "crafts": (
        ("Bình gốm men lam", "Blue-glazed vase", B.MID,
         "Bình vuốt tay, vẽ lam bằng bút lông, cao khoảng 25 cm.",
         "A hand-thrown vase painted in blue with a brush, about 25 cm tall.", False),
        ("Bộ ấm chén gốm", "Ceramic tea set", B.UPPER,
         "Một ấm và sáu chén men rạn, nung ở nhiệt độ cao.",
         "A teapot and six cups in crackle glaze, fired at high temperature.", False),
        ("Hộp sơn mài", "Lacquer box", B.UPPER,
         "Hộp gỗ phủ sơn ta, khảm vỏ trứng và dát bạc.",
         "A wooden box in natural lacquer with eggshell inlay and silver leaf.", False),
        ("Giỏ mây đan tay", "Hand-woven rattan basket", B.MID,
         "Giỏ mây có quai, đan tay, dùng đi chợ hoặc đựng đồ.",
         "A hand-woven rattan basket with handles, for shopping or storage.", False),
        ("Khăn lụa tơ tằm", "Mulberry silk scarf", B.UPPER,
         "Khăn lụa dệt tay, nhuộm màu từ lá và vỏ cây.",
         "A hand-woven silk scarf dyed with leaves and bark.", False),
        ("Tranh thêu tay", "Hand-embroidered picture", B.PREMIUM,
         "Tranh thêu chỉ tơ trên nền lụa, đóng khung gỗ.",
         "A picture embroidered in silk thread on silk, in a wooden frame.", False),
        ("Bộ giấy viết thư dó", "Dó paper writing set", B.BUDGET,
         "Hai mươi tờ giấy dó và mười phong bì làm tay.",
         "Twenty sheets of dó paper and ten handmade envelopes.", False),
        ("Sổ tay giấy dó", "Dó paper notebook", B.BUDGET,
         "Sổ tay đóng chỉ, ruột giấy dó làm tay.", "A thread-bound notebook of handmade dó paper.", False),
        ("Chao đèn giấy dó", "Dó paper lampshade", B.MID,
         "Chao đèn treo bằng giấy dó căng trên khung tre.", "A hanging lampshade of dó paper on a bamboo frame.",
         False),
        ("Khay mây", "Rattan tray", B.MID,
         "Khay mây đan dày, có tay cầm, dùng bày đồ ăn hoặc đồ trang trí.",
         "A tightly woven rattan tray with handles, for serving or display.", False),
        ("Đèn mây tre", "Bamboo and rattan lamp", B.UPPER,
         "Chụp đèn đan từ nan tre và mây, ánh sáng tỏa thành hoa văn.",
         "A lamp woven from bamboo strips and rattan that casts patterned light.", False),
        ("Tranh sơn mài", "Lacquer painting", B.PREMIUM,
         "Tranh sơn mài trên vóc gỗ, dát vàng, khổ 40 × 60 cm.",
         "A lacquer painting on a wooden panel with gold leaf, 40 × 60 cm.", False),
        ("Túi lụa", "Silk pouch", B.MID,
         "Túi nhỏ bằng lụa tơ tằm, lót vải bông.", "A small mulberry silk pouch lined with cotton.", False),
        ("Khăn tay thêu", "Embroidered handkerchief", B.BUDGET,
         "Khăn tay vải bông thêu hoa sen ở góc.", "A cotton handkerchief with a lotus embroidered in one corner.",
         False),
    ),
    "fine-arts": (
        ("Tranh in giclée khổ A3", "A3 giclée print", B.MID,
         "Bản in giclée trên giấy mỹ thuật, có chữ ký của tác giả.",
         "A giclée print on fine-art paper, signed by the artist.", False),
        ("Tranh khắc gỗ in tay", "Hand-pulled woodcut", B.UPPER,
         "Tranh khắc gỗ in tay trên giấy dó, số lượng giới hạn.",
         "A hand-pulled woodcut on dó paper in a limited edition.", False),
        ("Tranh sơn dầu nguyên bản", "Original oil painting", B.PREMIUM,
         "Tranh sơn dầu trên toan, khổ 60 × 80 cm.", "An oil painting on canvas, 60 × 80 cm.", False),
        ("Sách ảnh", "Photobook", B.MID,
         "Sách ảnh 120 trang in offset, bìa cứng.", "A 120-page offset-printed hardback photobook.", False),
        ("Bộ tranh minh họa mini", "Set of mini prints", B.BUDGET,
         "Năm bản in minh họa khổ nhỏ trong bao giấy kraft.", "Five small illustration prints in a kraft sleeve.",
         False),
        ("Ảnh in khổ lớn", "Large-format photographic print", B.UPPER,
         "Ảnh in trên giấy lưu trữ, khổ 50 × 70 cm.", "A print on archival paper, 50 × 70 cm.", False),
    ),
    "performing-arts": (
        ("Album nhạc dân tộc", "Traditional music album", B.BUDGET,
         "Album mười bài phối mới từ dân ca, có bản tải về.",
         "An album of ten rearranged folk songs, with a download code.", False),
        ("Gói biểu diễn sự kiện", "Event performance package", B.PREMIUM,
         "Một tiết mục biểu diễn 30 phút cho sự kiện doanh nghiệp hoặc lễ hội.",
         "A 30-minute performance for a company event or festival.", True),
        ("Khóa học đàn tranh 8 buổi", "Eight-lesson đàn tranh course", B.UPPER,
         "Tám buổi học đàn tranh cơ bản theo nhóm nhỏ.",
         "Eight beginners' đàn tranh lessons in a small group.", True),
        ("Con rối que thủ công", "Handmade rod puppet", B.MID,
         "Con rối que bằng gỗ và vải, sơn tay.", "A rod puppet in wood and cloth, hand-painted.", False),
        ("Vé xem biểu diễn", "Performance ticket", B.BUDGET,
         "Vé vào cửa một buổi diễn tại sân khấu của đơn vị.", "Admission to one show at the unit's stage.", True),
    ),
    "architecture": (
        ("Mô hình nhà phố tỉ lệ 1:100", "1:100 tube-house model", B.UPPER,
         "Mô hình gỗ và bìa của một ngôi nhà ống phố cổ.", "A wood and card model of an Old Quarter tube house.",
         False),
        ("Bản đồ minh họa phố cổ", "Illustrated Old Quarter map", B.BUDGET,
         "Bản đồ gấp khổ A2, vẽ tay các phố nghề.", "A folded A2 map with the craft streets drawn by hand.", False),
        ("Gói tư vấn cải tạo nhà cũ", "Old-house renovation consultation", B.PREMIUM,
         "Khảo sát hiện trạng và đề xuất phương án cải tạo sơ bộ.",
         "A survey of the building and an outline renovation proposal.", True),
        ("Sách ảnh kiến trúc Hà Nội", "Hanoi architecture photobook", B.MID,
         "Sách ảnh về nhà phố, biệt thự cũ và nhà tập thể.",
         "A photobook of shophouses, old villas and apartment blocks.", False),
        ("Gạch hoa xi măng thủ công", "Handmade cement tiles", B.MID,
         "Gạch hoa 20 × 20 cm đổ khuôn thủ công, bán theo mét vuông.",
         "Hand-cast 20 × 20 cm patterned tiles, sold by the square metre.", False),
        ("Sa bàn khu phố", "Neighbourhood site model", B.PREMIUM,
         "Sa bàn một khu phố theo tỉ lệ 1:500, làm theo đơn đặt hàng.",
         "A 1:500 model of a neighbourhood, made to order.", True),
    ),
    "fashion": (
        ("Áo dài may đo", "Made-to-measure áo dài", B.UPPER,
         "Áo dài lụa may đo, hai lần thử.", "A silk áo dài made to measure, with two fittings.", False),
        ("Khăn quàng thổ cẩm", "Brocade scarf", B.MID,
         "Khăn dệt thổ cẩm khổ dài, tua tết tay.", "A long brocade scarf with hand-knotted fringes.", False),
        ("Túi xách vải", "Fabric handbag", B.MID,
         "Túi xách vải bố phối da thuộc thực vật.", "A canvas handbag trimmed with vegetable-tanned leather.", False),
        ("Áo sơ mi linen", "Linen shirt", B.MID,
         "Áo sơ mi linen nhuộm chàm, dáng rộng.", "A loose-fitting linen shirt dyed with indigo.", False),
        ("Bông tai bạc", "Silver earrings", B.MID,
         "Bông tai bạc chạm tay họa tiết mây.", "Silver earrings hand-chased with a cloud motif.", False),
        ("Váy lụa", "Silk dress", B.UPPER,
         "Váy lụa tơ tằm vẽ tay, may số lượng giới hạn.", "A hand-painted mulberry silk dress in a limited run.",
         False),
        ("Vòng tay đồng", "Brass bangle", B.BUDGET,
         "Vòng tay đồng thau gò tay, khắc hoa văn sóng nước.", "A hand-beaten brass bangle engraved with waves.",
         False),
        ("Nhẫn bạc", "Silver ring", B.MID,
         "Nhẫn bạc đúc, mặt nhẫn hình mái ngói.", "A cast silver ring with a roof-tile face.", False),
        ("Khóa học cắt may 10 buổi", "Ten-lesson dressmaking course", B.UPPER,
         "Mười buổi học cắt may cơ bản, tự may một chiếc áo.",
         "Ten basic dressmaking lessons in which you make a shirt of your own.", True),
    ),
    "tourism": (
        ("Tour đi bộ phố cổ 3 giờ", "Three-hour Old Quarter walk", B.MID,
         "Đi bộ qua các phố nghề, ghé một xưởng thủ công và một quán trà.",
         "A walk through the craft streets with stops at a workshop and a tea house.", True),
        ("Tour làng nghề một ngày", "Craft villages day trip", B.UPPER,
         "Một ngày thăm hai làng nghề ven Hà Nội, có bữa trưa.",
         "A day visiting two craft villages near Hanoi, lunch included.", True),
        ("Sổ tay du lịch Hà Nội", "Hanoi travel notebook", B.BUDGET,
         "Sổ tay có bản đồ minh họa và gợi ý lộ trình.", "A notebook with illustrated maps and suggested routes.",
         False),
        ("Tour ẩm thực buổi tối", "Evening food walk", B.MID,
         "Ba giờ thưởng thức món ăn đường phố cùng hướng dẫn viên.",
         "Three hours of street food with a guide.", True),
        ("Gói trải nghiệm cho đoàn", "Group experience package", B.PREMIUM,
         "Chương trình riêng cho đoàn từ mười khách, gồm tham quan và lớp học thủ công.",
         "A private programme for groups of ten or more, with visits and a craft class.", True),
        ("Bản đồ ăn uống phố cổ", "Old Quarter food map", B.BUDGET,
         "Bản đồ gấp vẽ tay ba mươi hàng quán lâu năm.", "A folded, hand-drawn map of thirty long-standing eateries.",
         False),
    ),
    "cuisine": (
        ("Trà ướp sen", "Lotus-scented tea", B.UPPER,
         "Trà ướp hoa sen theo cách truyền thống, hộp 100 g.",
         "Tea scented with lotus flowers the traditional way, 100 g box.", False),
        ("Hộp bánh cốm", "Box of green rice cakes", B.BUDGET,
         "Hộp mười chiếc bánh cốm nhân đậu xanh.", "A box of ten green rice cakes filled with mung bean.", False),
        ("Cà phê rang xay", "Ground coffee", B.BUDGET,
         "Cà phê Robusta rang mộc, gói 250 g.", "Plainly roasted Robusta coffee, 250 g pack.", False),
        ("Hộp quà ô mai", "Ô mai gift box", B.MID,
         "Ô mai mơ, mận và sấu trong hộp quà giấy.", "Apricot, plum and dracontomelon ô mai in a paper gift box.",
         False),
        ("Bộ ấm chén pha trà", "Tea brewing set", B.MID,
         "Ấm đất nung và bốn chén nhỏ, kèm hướng dẫn pha trà.",
         "A clay teapot and four small cups, with brewing notes.", False),
        ("Lớp học nấu phở", "Phở cooking class", B.MID,
         "Buổi học ba giờ, tự nấu và thưởng thức một bát phở.", "A three-hour class to cook and eat your own phở.",
         True),
        ("Bữa tối theo mùa", "Seasonal dinner", B.UPPER,
         "Bữa tối năm món nấu từ nguyên liệu theo mùa, cho nhóm tối đa mười khách.",
         "A five-course dinner of seasonal ingredients for up to ten guests.", True),
        ("Bộ phin cà phê", "Phin coffee set", B.MID,
         "Phin nhôm, cốc sứ và một gói cà phê rang 250 g.",
         "An aluminium phin filter, a porcelain cup and a 250 g bag of roasted coffee.", False),
        ("Cốm tươi gói lá sen", "Fresh green rice flakes in lotus leaf", B.BUDGET,
         "Cốm mới giã, gói lá sen, dùng trong ngày.", "Freshly pounded green rice flakes wrapped in lotus leaf, "
         "best eaten the same day.", False),
    ),
}

# Which product types (by English name) each pattern of unit offers.
PATTERN_GOODS: dict[str, tuple[str, ...]] = {
    "studio": ("Postcard set", "Cloth-bound notebook", "2026 desk calendar", "Tết gift box set"),
    "gifts": ("Postcard set", "Cloth-bound notebook", "2026 desk calendar", "Tết gift box set"),
    "agency": ("Tết gift box set", "2026 desk calendar", "Postcard set"),
    "designer": ("Wooden bedside lamp", "Tube-house wooden blocks", "Cloth-bound notebook"),
    "young": ("Postcard set", "Cloth-bound notebook", "2026 desk calendar"),
    "design-school": ("Postcard set", "2026 desk calendar"),
    "pottery": ("Blue-glazed vase", "Ceramic tea set"),
    "rattan": ("Hand-woven rattan basket", "Rattan tray", "Bamboo and rattan lamp"),
    "lacquer": ("Lacquer box", "Lacquer painting"),
    "silk": ("Mulberry silk scarf", "Silk pouch"),
    "paper": ("Dó paper writing set", "Dó paper notebook", "Dó paper lampshade"),
    "embroidery": ("Hand-embroidered picture", "Embroidered handkerchief"),
    "gallery": ("A3 giclée print", "Hand-pulled woodcut", "Original oil painting"),
    "painter": ("Original oil painting", "A3 giclée print", "Set of mini prints"),
    "photographer": ("Photobook", "Large-format photographic print"),
    "illustration": ("Set of mini prints", "A3 giclée print"),
    "art-space": ("Set of mini prints", "A3 giclée print", "Photobook"),
    "print": ("A3 giclée print", "Hand-pulled woodcut", "Set of mini prints"),
    "ensemble": ("Traditional music album", "Event performance package"),
    "dance": ("Event performance package", "Performance ticket"),
    "theatre": ("Performance ticket", "Event performance package"),
    "music-school": ("Eight-lesson đàn tranh course", "Traditional music album"),
    "puppeteer": ("Handmade rod puppet", "Event performance package", "Performance ticket"),
    "stage": ("Performance ticket", "Event performance package"),
    "office": ("Old-house renovation consultation", "Hanoi architecture photobook"),
    "urban": ("Illustrated Old Quarter map", "Hanoi architecture photobook"),
    "architect": ("Old-house renovation consultation", "1:100 tube-house model", "Illustrated Old Quarter map"),
    "lab": ("1:100 tube-house model", "Illustrated Old Quarter map"),
    "models": ("1:100 tube-house model", "Neighbourhood site model"),
    "heritage": ("Illustrated Old Quarter map", "Hanoi architecture photobook", "Handmade cement tiles"),
    "label": ("Linen shirt", "Silk dress", "Fabric handbag", "Brocade scarf"),
    "ao-dai": ("Made-to-measure áo dài", "Silk dress"),
    "fashion-designer": ("Silk dress", "Fabric handbag", "Linen shirt"),
    "tailor": ("Made-to-measure áo dài", "Linen shirt"),
    "jewellery": ("Silver earrings", "Brass bangle", "Silver ring"),
    "fashion-school": ("Ten-lesson dressmaking course", "Fabric handbag"),
    "tours": ("Three-hour Old Quarter walk", "Craft villages day trip", "Evening food walk",
              "Group experience package"),
    "guides": ("Three-hour Old Quarter walk", "Hanoi travel notebook"),
    "guesthouse": ("Group experience package", "Evening food walk"),
    "display": ("Hanoi travel notebook", "Three-hour Old Quarter walk"),
    "mapping": ("Hanoi travel notebook", "Old Quarter food map"),
    "culture-space": ("Group experience package", "Hanoi travel notebook"),
    "tea": ("Lotus-scented tea", "Tea brewing set"),
    "cakes": ("Box of green rice cakes", "Ô mai gift box"),
    "chef": ("Seasonal dinner", "Phở cooking class"),
    "coffee": ("Ground coffee", "Phin coffee set"),
    "cooking": ("Phở cooking class", "Seasonal dinner"),
    "com": ("Fresh green rice flakes in lotus leaf", "Box of green rice cakes"),
}
# fmt: on

# How likely each kind of unit is to have products ready for buyers.
_COMMERCE = {
    K.DESIGN_BRAND: 0.95,
    K.ENTERPRISE: 0.85,
    K.CRAFT_VILLAGE: 0.95,
    K.CREATOR: 0.75,
    K.CREATIVE_SPACE: 0.3,
    K.COLLECTIVE: 0.25,
    K.TRAINING: 0.15,
    K.INSTITUTION: 0.1,
}


def _initials(words: str) -> str:
    return "".join(w[0] for w in words.split()[:3]).upper()


def _trade_sentence(unit: UnitData) -> tuple[str, str]:
    if unit.commerce_ready:
        vi = "Đơn vị " + ("bán lẻ và bán sỉ" if unit.wholesale else "bán lẻ")
        en = "It sells " + ("retail and wholesale" if unit.wholesale else "retail")
        if unit.export:
            vi += ", xuất khẩu"
            en += ", exports"
        if unit.custom_orders:
            vi += " và nhận đặt hàng theo yêu cầu"
            en += " and takes custom orders"
        return vi + ".", en + "."
    if unit.custom_orders:
        return "Đơn vị nhận đặt hàng theo yêu cầu.", "It takes custom orders."
    return "", ""


def _products(rng: random.Random, unit: UnitData, used_cores: set[str]) -> list[ProductData]:
    by_name = {t[1]: t for t in PRODUCT_TYPES[unit.sector]}
    goods = [by_name[name] for name in PATTERN_GOODS[unit.pattern]]
    types = rng.sample(goods, rng.randint(2, min(4, len(goods))))
    products = []
    for order, (name_vi, name_en, band, desc_vi, desc_en, service) in enumerate(types, start=1):
        collection = rng.choice([c for c in CORES if c not in used_cores])
        products.append(
            ProductData(
                f"{name_vi} “{collection}”",
                f"{name_en} “{collection}”",
                f"{desc_vi} Thuộc bộ sưu tập “{collection}” của {unit.name_vi}. "
                "Sản phẩm hư cấu, chỉ dùng cho nội dung minh họa.",
                f"{desc_en} Part of the “{collection}” range by {unit.name_en}. "
                "A fictional product, for demonstration only.",
                band,
                retail=True,
                wholesale=unit.wholesale and not service,
                export=unit.export and not service and rng.random() < 0.8,
                order=order,
            )
        )
    return products


def _invented_units(rng: random.Random, count: int) -> list[UnitData]:
    sector_keys = [s.key for s in SECTORS]
    per_sector = [
        count // len(sector_keys) + (1 if i < count % len(sector_keys) else 0) for i in range(len(sector_keys))
    ]
    people = iter(UNIT_PEOPLE)
    units = []
    for sector, n in zip(sector_keys, per_sector, strict=True):
        cores = list(CORES)
        rng.shuffle(cores)
        patterns = PATTERNS[sector]
        for i in range(n):
            pattern = patterns[i % len(patterns)]
            core = cores[i]
            person = next(people) if pattern.personal else ""
            name_vi = pattern.name_vi.format(c=core, p=person)
            name_en = pattern.name_en.format(c=core, p=person)
            short_vi, short_en = pattern.shorts[(i // len(patterns)) % 2]
            others = tuple(rng.sample([k for k in sector_keys if k != sector], rng.choice((0, 1, 1, 2))))
            ward, streets = rng.choice(WARDS)
            unit = UnitData(
                name_vi,
                name_en,
                pattern.kind,
                sector,
                short_vi,
                short_en,
                "",
                "",
                _initials(person.split(maxsplit=1)[1] if person else core),
                other_sectors=others,
                address=f"Số {rng.randint(2, 120)} {rng.choice(streets)}, phường {ward}, Hà Nội",
                district=ward,
                pattern=pattern.key,
            )
            label = unit.slug[:40].strip("-")
            unit.website = f"https://{label}.example.com/"
            unit.public_email = f"xinchao@{label}.example.com"
            unit.contact_email = f"hoptac@{label}.example.com"
            networked = pattern.kind in (K.CREATIVE_SPACE, K.COLLECTIVE, K.INSTITUTION)
            unit.in_network = rng.random() < (0.6 if networked else 0.12)
            unit.commerce_ready = rng.random() < _COMMERCE[pattern.kind]
            unit.custom_orders = pattern.kind in (K.DESIGN_BRAND, K.CREATOR, K.ENTERPRISE, K.CRAFT_VILLAGE) and (
                rng.random() < 0.55
            )
            if unit.commerce_ready:
                unit.wholesale = rng.random() < 0.45
                unit.export = rng.random() < 0.25
                unit.products = _products(rng, unit, {core})
                bands = Counter(p.price_band for p in unit.products)
                unit.price_band = bands.most_common(1)[0][0]
            if unit.commerce_ready or unit.custom_orders:
                slow = sector in ("crafts", "fashion", "architecture")
                unit.lead_time = LEAD_TIMES[rng.randint(2, 4) if slow else rng.randint(0, 2)]
            unit.booth = "" if pattern.kind == K.INSTITUTION or rng.random() < 0.06 else "pending"
            detail_vi, detail_en = rng.choice(DETAILS[sector])
            about_vi = pattern.about[0].format(name=name_vi)
            about_en = pattern.about[1].format(name=name_en)
            unit.description_vi = f"{about_vi} {detail_vi} Đơn vị đặt tại phường {ward}, Hà Nội."
            unit.description_en = f"{about_en} {detail_en} It is based in {ward} ward, Hanoi."
            units.append(unit)
    return units


def _assign_booths(units: list[UnitData]) -> None:
    counters: Counter[str] = Counter()
    for unit in units:
        if not unit.booth:
            continue
        letter = SECTOR_ZONE[unit.sector]
        counters[letter] += 1
        unit.booth = f"{letter}{counters[letter]:02d}"
        unit.zone = letter


def _finish_descriptions(unit: UnitData) -> None:
    parts_vi, parts_en = [unit.description_vi], [unit.description_en]
    trade_vi, trade_en = _trade_sentence(unit)
    if trade_vi:
        parts_vi.append(trade_vi)
        parts_en.append(trade_en)
    if unit.booth:
        parts_vi.append(f"Tại Tụ hội sáng tạo, mời bạn ghé gian {unit.booth} trên phố Đinh Tiên Hoàng.")
        parts_en.append(f"At the Creative Gathering, find it at booth {unit.booth} on Đinh Tiên Hoàng Street.")
    parts_vi.append(FICTIONAL_UNIT_VI)
    parts_en.append(FICTIONAL_UNIT_EN)
    unit.description_vi = " ".join(parts_vi)
    unit.description_en = " ".join(parts_en)


@functools.cache
def all_units() -> tuple[UnitData, ...]:
    """Every demo unit, real ones first; the same list on every call and every run."""
    real = _real_units()
    for unit in real:
        if unit.slug in (HANOI_COLLEGE_OF_ARTS, UIFA, SISA):
            unit.booth = "pending"
    rng = random.Random(2026)
    invented = _invented_units(rng, TOTAL_UNITS - len(real))
    units = real + invented
    _assign_booths(units)
    for unit in invented:
        _finish_descriptions(unit)
    slugs = Counter(u.slug for u in units)
    duplicates = [s for s, n in slugs.items() if n > 1]
    if duplicates:
        raise ValueError(f"Duplicate unit slugs in the demo data: {duplicates}")
    return tuple(units)


def find_unit(sector: str, pattern: str, nth: int = 0) -> UnitData:
    """The nth invented unit of a sector made from a pattern, for sessions that need a host."""
    matches = [u for u in all_units() if u.sector == sector and u.pattern == pattern]
    return matches[nth]
