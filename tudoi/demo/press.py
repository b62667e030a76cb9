"""Press contacts, releases and media-kit assets.

The contacts are fictional (no press contact was found in the sources), and so are their phone numbers (zeros in
the middle: no such line exists); the releases restate facts from the event facts file in our own words. One
release is embargoed until 12 January 2026 and one is a draft.

The coverage links are real articles named in the event facts file; their headlines are read from the articles'
addresses and their dates from the facts file (or from the date in the address).
"""

import functools
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from core.models import Status
from press.models import AssetKind, Licence

from .names import PRESS_PEOPLE
from .programme import HANOI

Text = tuple[str, str]

PHOTO_CREDIT = "Ảnh: BTC / Photo: organisers"


@dataclass(frozen=True)
class ContactData:
    name: str
    role: Text
    organisation: Text
    email: str
    phone: str
    order: int


CONTACTS = (
    ContactData(
        PRESS_PEOPLE[0],
        ("Phụ trách truyền thông (nhân vật hư cấu)", "Communications lead (fictional person)"),
        ("Ban Tổ chức Tụ hội sáng tạo", "Creative Gathering organising team"),
        "baochi@tuhoisangtao.example.com",
        "+84 24 0000 0101",
        1,
    ),
    ContactData(
        PRESS_PEOPLE[1],
        ("Quan hệ báo chí quốc tế (nhân vật hư cấu)", "International press relations (fictional person)"),
        ("Ban Tổ chức Tụ hội sáng tạo", "Creative Gathering organising team"),
        "press@tuhoisangtao.example.com",
        "+84 912 000 102",
        2,
    ),
)


@dataclass(frozen=True)
class ReleaseData:
    slug: str
    title: Text
    summary: Text
    body: Text
    publish_at: datetime
    status: str = Status.PUBLISHED
    image: str = ""
    contact: int = 0


def _at(year: int, month: int, day: int, hour: int = 9) -> datetime:
    return datetime(year, month, day, hour, 0, tzinfo=HANOI)


RELEASES = (
    ReleaseData(
        "ha-noi-cong-bo-chuong-trinh-tu-hoi-sang-tao",
        (
            "Hà Nội công bố chương trình “Tụ hội sáng tạo”, mở đầu hành trình đến Lễ hội Thiết kế Sáng tạo 2026",
            "Hanoi announces the “Creative Gathering”, the first step towards the Creative Design Festival 2026",
        ),
        (
            "Ngày 10 và 11/01/2026, khu vực phố đi bộ hồ Hoàn Kiếm sẽ đón hơn 200 đơn vị sáng tạo trong hai ngày "
            "hội mở màn cho một năm hoạt động sáng tạo của Thủ đô.",
            "On 10 and 11 January 2026, the Hoàn Kiếm Lake pedestrian zone will welcome more than 200 creative "
            "units for two days that open a year of creative activity in the capital.",
        ),
        (
            "“Tụ hội sáng tạo” là chặng khởi đầu của hành trình đến Lễ hội Thiết kế Sáng tạo Hà Nội 2026, dự kiến diễn "
            "ra vào tháng 11/2026 với chủ đề “Kinh tế sáng tạo”. Chương trình do UBND Thành phố Hà Nội và Hội Kiến "
            "trúc sư Việt Nam chỉ đạo, Sở Văn hóa và Thể thao Hà Nội và Tạp chí Kiến trúc tổ chức.\n\n"
            "Trong hai ngày cuối tuần, các đơn vị thuộc nhiều lĩnh vực công nghiệp văn hóa sẽ có mặt quanh hồ Hoàn "
            "Kiếm: hội chợ sáng tạo dọc phố Đinh Tiên Hoàng, các diễn đàn tại Nhà Bát Giác, Pavilion Kiến trúc và "
            "triển "
            "lãm “Chất Địa Phương” tại Trung tâm Thông tin Văn hóa Hồ Gươm.\n\n"
            "Chương trình thuộc Kế hoạch 333 của UBND Thành phố, với các nội dung truyền thông, kết nối cộng đồng sáng "
            "tạo, khảo sát không gian tiềm năng và thí điểm các Trung tâm Công nghiệp văn hóa.",
            "The “Creative Gathering” is the first stage of the journey to the Hanoi Creative Design Festival 2026, "
            "planned for November 2026 under the theme “Creative Economy”. It is directed by the Hanoi People's "
            "Committee and the Vietnam Association of Architects, and organised by the Hanoi Department of Culture and "
            "Sports and Architecture Magazine.\n\n"
            "Over the weekend, units from many cultural industries will gather around Hoàn Kiếm Lake: a creative fair "
            "along Đinh Tiên Hoàng Street, forums at the Octagonal House, the Architecture Pavilion and the “Local "
            "Essence” exhibition at the Hồ Gươm Cultural Information Centre.\n\n"
            "The programme is part of the city's Plan 333, which covers communications, connecting the creative "
            "community, surveying potential spaces and piloting Cultural Industry Centres.",
        ),
        _at(2025, 12, 15),
        image="fair",
    ),
    ReleaseData(
        "mo-dang-ky-workshop-va-ket-noi-giao-thuong",
        (
            "Mở đăng ký workshop và các buổi kết nối giao thương",
            "Registration opens for workshops and business meetings",
        ),
        (
            "Các workshop thủ công, hoạt động cho thiếu nhi và buổi kết nối giao thương có số chỗ giới hạn; khách tham "
            "dự đăng ký trên trang chương trình.",
            "Craft workshops, children's activities and business meetings have limited places; visitors register on "
            "the programme pages.",
        ),
        (
            "Từ ngày 26/12/2025, khách tham dự có thể đăng ký trước các hoạt động có số chỗ giới hạn của Tụ hội sáng "
            "tạo: workshop “Vành Khăn Nếp Tóc”, nặn tò he, tranh ghép mosaic, tranh gạo, tô tượng và vẽ tranh cho "
            "thiếu "
            "nhi, cùng các buổi kết nối giao thương dành cho người mua.\n\n"
            "Đăng ký đóng một giờ trước giờ bắt đầu của mỗi hoạt động. Khi hết chỗ, người đăng ký được đưa vào danh "
            "sách chờ.\n\n"
            "Các hoạt động còn lại, gồm hội chợ, triển lãm và biểu diễn, mở cửa tự do.",
            "From 26 December 2025 visitors can book the Creative Gathering's activities with limited places: the "
            "“Vành Khăn Nếp Tóc” head-wrap workshop, tò he figurines, mosaic and rice pictures, statue painting and "
            "drawing for children, and the business meetings for buyers.\n\n"
            "Registration closes one hour before each activity starts. When a session is full, new registrations go "
            "on a waiting list.\n\n"
            "Everything else, including the fair, the exhibitions and the performances, is open to all without "
            "booking.",
        ),
        _at(2025, 12, 26),
        contact=1,
    ),
    ReleaseData(
        "trien-lam-chat-dia-phuong-89-tac-pham-minh-hoa",
        (
            "Triển lãm “Chất Địa Phương”: 89 tác phẩm minh họa về bản sắc ba miền",
            "“Local Essence”: 89 illustrations of local identity across three regions",
        ),
        (
            "Từ 10 đến 18/01/2026, Trung tâm Thông tin Văn hóa Hồ Gươm giới thiệu những tác phẩm xuất sắc nhất của "
            "cuộc thi minh họa “Chất Địa Phương”.",
            "From 10 to 18 January 2026, the Hồ Gươm Cultural Information Centre shows the best entries to the “Local "
            "Essence” illustration contest.",
        ),
        (
            "Triển lãm “Chất Địa Phương” khai mạc ngày 10/01/2026 trong khuôn khổ Tụ hội sáng tạo, giới thiệu 89 tác "
            "phẩm của 98 tác giả được chọn từ cuộc thi minh họa cùng tên phát động từ tháng 5/2025.\n\n"
            "Các tác phẩm đi qua bản sắc địa phương của cả ba miền: chất liệu đời thường, trang phục truyền thống, "
            "phong "
            "tục, màu sắc lễ hội, nếp nhà làng quê và diện mạo đô thị hôm nay. Một số tác phẩm cho phép người xem "
            "tương "
            "tác.\n\n"
            "Triển lãm do UNESCO, Sở Văn hóa và Thể thao Hà Nội, Ban Quản lý hồ Hoàn Kiếm và phố cổ Hà Nội và "
            "TiredCity "
            "tổ chức, với sự hỗ trợ của Tập đoàn SOVICO. Địa điểm: số 2 Lê Thái Tổ. Vào cửa miễn phí.",
            "The “Local Essence” exhibition opens on 10 January 2026 as part of the Creative Gathering, showing 89 "
            "works by 98 artists selected from the illustration contest of the same name, launched in May 2025.\n\n"
            "The works travel through the local identity of all three regions: everyday materials, traditional dress, "
            "customs, the colours of festivals, village houses and the look of today's cities. Some of the works are "
            "interactive.\n\n"
            "The exhibition is organised by UNESCO, the Hanoi Department of Culture and Sports, the Hoàn Kiếm Lake and "
            "Hanoi Old Quarter Management Board and TiredCity, with support from SOVICO Group. Venue: 2 Lê Thái Tổ "
            "Street. Free entry.",
        ),
        _at(2026, 1, 5),
        image="gallery",
    ),
    ReleaseData(
        "bon-dien-dan-sang-tao-tai-nha-bat-giac",
        ("Bốn Diễn đàn Sáng tạo tại Nhà Bát Giác", "Four Creative Forums at the Octagonal House"),
        (
            "Từ khảo sát không gian tiềm năng đến Trung tâm Công nghiệp văn hóa: bốn cuộc đối thoại mở về văn hóa đô "
            "thị và cộng đồng.",
            "From surveying potential spaces to Cultural Industry Centres: four open conversations on urban culture "
            "and community.",
        ),
        (
            "Trong hai ngày 10 và 11/01/2026, Nhà Bát Giác trong vườn hoa Lý Thái Tổ là nơi diễn ra bốn Diễn đàn Sáng "
            "tạo, mở cho mọi người quan tâm.\n\n"
            "Các chủ đề gồm: giới thiệu Đề án Khảo sát các không gian tiềm năng; ra mắt cuốn sách “Creating Change – "
            "The "
            "Journey of Building Livable Communities in Southeast Asia”; tọa đàm “Từ lễ hội thường niên đến hệ sinh "
            "thái "
            "sáng tạo đô thị”; và giới thiệu các Trung tâm Công nghiệp văn hóa cùng những không gian sáng tạo tiềm "
            "năng.\n\n"
            "Bên cạnh Nhà Bát Giác, Pavilion Kiến trúc và triển lãm Dự án Sáng tạo Chợ Đồng Xuân mở cửa suốt hai ngày.",
            "On 10 and 11 January 2026, the Octagonal House in Lý Thái Tổ Garden hosts four Creative Forums, open to "
            "everyone.\n\n"
            "The topics are: an introduction to the Potential Spaces Survey Project; the launch of the book “Creating "
            "Change – The Journey of Building Livable Communities in Southeast Asia”; the talk “From an annual "
            "festival "
            "to an urban creative ecosystem”; and an introduction to the Cultural Industry Centres and potential "
            "creative spaces.\n\n"
            "Next to the Octagonal House, the Architecture Pavilion and the Đồng Xuân Market Creative Project "
            "exhibition are open throughout both days.",
        ),
        _at(2026, 1, 8),
        image="pavilion",
    ),
    ReleaseData(
        "hoi-cho-sang-tao-tren-pho-dinh-tien-hoang",
        (
            "Hội chợ Sáng tạo trên phố Đinh Tiên Hoàng: nơi người sáng tạo gặp người mua",
            "The Creative Fair on Đinh Tiên Hoàng Street: where creators meet buyers",
        ),
        (
            "Sản phẩm sẵn sàng thương mại của trường học, doanh nghiệp và nghệ sĩ trẻ, cùng các buổi kết nối giao "
            "thương có hẹn trước.",
            "Market-ready products from schools, businesses and young artists, with pre-arranged business meetings.",
        ),
        (
            "Không gian Đổi mới Sáng tạo Công nghiệp Văn hóa Hà Nội trải dọc phố Đinh Tiên Hoàng trong hai ngày cuối "
            "tuần, với tác phẩm của nghệ sĩ trẻ, mô hình hội chợ nghệ thuật thử nghiệm, đồ thủ công và quà tặng thiết "
            "kế.\n\n"
            "Trọng tâm của hội chợ là những sản phẩm sẵn sàng thương mại. Nhà bán lẻ, nhà phân phối và doanh nghiệp "
            "quà tặng có thể gửi yêu cầu gặp từ trang của từng đơn vị, hoặc đăng ký các buổi kết nối giao thương tại "
            "Trung tâm Thông tin Văn hóa Hồ Gươm.\n\n"
            "Sân khấu cộng đồng trên phố có tiết mục từ sáng đến chiều tối.",
            "The Hanoi Cultural Industry Innovation Area runs along Đinh Tiên Hoàng Street over the weekend, with work "
            "by young artists, pilot art-fair formats, handicrafts and design gifts.\n\n"
            "The fair focuses on products that are ready for market. Retailers, distributors and corporate gift buyers "
            "can request a meeting from each unit's page, or book the business meetings at the Hồ Gươm Cultural "
            "Information Centre.\n\n"
            "The community stage on the street has performances from morning to early evening.",
        ),
        _at(2026, 1, 9),
        contact=1,
    ),
    ReleaseData(
        "khai-mac-tu-hoi-sang-tao-toi-10-01",
        (
            "Khai mạc Tụ hội sáng tạo tối 10/01 tại quảng trường Đông Kinh Nghĩa Thục",
            "The Creative Gathering opens on the evening of 10 January in Đông Kinh Nghĩa Thục Square",
        ),
        (
            "Lễ khai mạc chính thức khởi động Lễ hội Thiết kế Sáng tạo Hà Nội 2026, với chương trình nghệ thuật của "
            "Lên Ngàn.",
            "The opening ceremony officially launches the Hanoi Creative Design Festival 2026, with an art programme "
            "by Lên Ngàn.",
        ),
        (
            "Tối Thứ Bảy 10/01/2026, quảng trường Đông Kinh Nghĩa Thục là nơi diễn ra Lễ khai mạc Tụ hội sáng tạo. "
            "Nền tảng văn hóa – nghệ thuật Lên Ngàn mang đến tiếng đàn tranh, đàn bầu và phần dàn dựng đương đại bức "
            "tranh Đông Hồ “Vinh Quy Bái Tổ”.\n\n"
            "Phó Chủ tịch UBND Thành phố Hà Nội Vũ Thu Hà và Trưởng đại diện UNESCO tại Việt Nam Jonathan Wallace "
            "Baker "
            "phát biểu tại buổi lễ.\n\n"
            "Lễ khai mạc mở cửa tự do cho công chúng.",
            "On the evening of Saturday 10 January 2026, Đông Kinh Nghĩa Thục Square hosts the opening ceremony of "
            "the Creative Gathering. The culture and arts platform Lên Ngàn presents đàn tranh and đàn bầu music and a "
            "contemporary staging of the Đông Hồ folk painting “Vinh Quy Bái Tổ”.\n\n"
            "Vũ Thu Hà, Vice Chair of the Hanoi People's Committee, and Jonathan Wallace Baker, Head of the UNESCO "
            "Office in Viet Nam, speak at the ceremony.\n\n"
            "The ceremony is open to the public.",
        ),
        _at(2026, 1, 10, 8),
        image="square",
    ),
    ReleaseData(
        "nhin-lai-hai-ngay-tu-hoi-sang-tao",
        ("Nhìn lại hai ngày Tụ hội sáng tạo", "Looking back on the two days of the Creative Gathering"),
        (
            "Hai ngày cuối tuần quanh hồ Hoàn Kiếm đã mở đầu một năm sáng tạo của Hà Nội.",
            "A weekend around Hoàn Kiếm Lake opened Hanoi's year of creativity.",
        ),
        (
            "Tụ hội sáng tạo đã khép lại sau hai ngày 10 và 11/01/2026, mở đầu chuỗi hoạt động quanh năm hướng tới "
            "Lễ hội Thiết kế Sáng tạo Hà Nội 2026.\n\n"
            "Triển lãm “Chất Địa Phương” tiếp tục mở cửa tại Trung tâm Thông tin Văn hóa Hồ Gươm đến hết ngày "
            "18/01/2026.\n\n"
            "Thông cáo này được giữ kín đến 09:00 ngày 12/01/2026.",
            "The Creative Gathering closed after 10 and 11 January 2026, opening a year-long series of activities "
            "leading to the Hanoi Creative Design Festival 2026.\n\n"
            "The “Local Essence” exhibition remains open at the Hồ Gươm Cultural Information Centre until 18 January "
            "2026.\n\n"
            "This release is embargoed until 09:00 on 12 January 2026.",
        ),
        _at(2026, 1, 12),
    ),
    ReleaseData(
        "ban-nhap-trung-tam-cong-nghiep-van-hoa-dong-xuan-bac-qua",
        (
            "Bản nháp: Trung tâm Công nghiệp văn hóa Đồng Xuân – Bắc Qua",
            "Draft: the Đồng Xuân – Bắc Qua Cultural Industry Centre",
        ),
        ("Bản nháp, chưa duyệt.", "Draft, not approved."),
        (
            "Nội dung đang chờ xác nhận về thời gian mở cửa của trung tâm (dự kiến tháng 3/2026).",
            "Waiting for confirmation of the centre's opening date (expected March 2026).",
        ),
        _at(2026, 2, 20),
        status=Status.DRAFT,
    ),
)


@dataclass(frozen=True)
class AssetData:
    slug: str
    title: Text
    kind: str
    caption: Text
    scene: str
    licence: str
    order: int
    status: str = Status.PUBLISHED


_GENERATED_VI = "Hình minh họa tạo tự động cho bản demo, không phải ảnh chụp thật."
_GENERATED_EN = "An illustration generated for the demo, not a real photograph."

ASSETS = (
    AssetData(
        "logo-tu-hoi-sang-tao",
        ("Logo Tụ hội sáng tạo (bản thay thế)", "Creative Gathering logo (placeholder)"),
        AssetKind.LOGO,
        (
            "Logo chữ dùng tạm trong bản demo: biểu tượng và tên “Tụ hội sáng tạo” trên một dòng, PNG nền trắng.",
            "A placeholder wordmark for the demo: the mark and the name “Tụ hội sáng tạo” on one line, PNG on white.",
        ),
        "logo",
        Licence.PRESS,
        1,
    ),
    AssetData(
        "hoi-cho-sang-tao-tren-pho-dinh-tien-hoang",
        ("Hội chợ Sáng tạo trên phố Đinh Tiên Hoàng", "The Creative Fair on Đinh Tiên Hoàng Street"),
        AssetKind.PHOTO,
        (f"Các gian hàng dọc bờ hồ Hoàn Kiếm. {_GENERATED_VI}", f"Stands along Hoàn Kiếm Lake. {_GENERATED_EN}"),
        "fair",
        Licence.PRESS,
        2,
    ),
    AssetData(
        "quang-truong-dong-kinh-nghia-thuc-dem-khai-mac",
        ("Quảng trường Đông Kinh Nghĩa Thục đêm khai mạc", "Đông Kinh Nghĩa Thục Square on opening night"),
        AssetKind.PHOTO,
        (f"Sân khấu chính của Lễ khai mạc. {_GENERATED_VI}", f"The opening ceremony's main stage. {_GENERATED_EN}"),
        "square",
        Licence.CC_BY,
        3,
    ),
    AssetData(
        "nha-bat-giac-trong-vuon-hoa-ly-thai-to",
        ("Nhà Bát Giác trong vườn hoa Lý Thái Tổ", "The Octagonal House in Lý Thái Tổ Garden"),
        AssetKind.PHOTO,
        (f"Nơi diễn ra các Diễn đàn Sáng tạo. {_GENERATED_VI}", f"Home of the Creative Forums. {_GENERATED_EN}"),
        "pavilion",
        Licence.PRESS,
        4,
    ),
    AssetData(
        "trien-lam-chat-dia-phuong",
        ("Triển lãm “Chất Địa Phương”", "The “Local Essence” exhibition"),
        AssetKind.PHOTO,
        (
            f"Phòng trưng bày tại Trung tâm Thông tin Văn hóa Hồ Gươm. {_GENERATED_VI}",
            f"A gallery at the Hồ Gươm Cultural Information Centre. {_GENERATED_EN}",
        ),
        "gallery",
        Licence.RESERVED,
        5,
    ),
    AssetData(
        "anh-chua-duyet",
        ("Ảnh chưa duyệt", "Photo awaiting approval"),
        AssetKind.PHOTO,
        ("Bản nháp.", "Draft."),
        "fair",
        Licence.PRESS,
        6,
        status=Status.DRAFT,
    ),
)


@dataclass(frozen=True)
class CoverageData:
    outlet: str
    headline: str
    url: str
    published_on: date
    language: str


COVERAGE = (
    CoverageData(
        "Việt Nam News",
        "Creative Meetup programme to take place in Hà Nội",
        "https://vietnamnews.vn/life-style/1763475/creative-meetup-programme-to-take-place-in-ha-noi.html",
        date(2026, 1, 9),
        "en",
    ),
    CoverageData(
        "Afamily",
        "Hơn 200 đơn vị sáng tạo tham gia Tụ hội sáng tạo – Hành trình đến Lễ hội Thiết kế Sáng tạo 2026",
        "https://afamily.vn/hon-200-don-vi-sang-tao-tham-gia-tu-hoi-sang-tao-hanh-trinh-den-le-hoi-thiet-ke-sang-tao-2026-236260109115905705.chn",
        date(2026, 1, 9),
        "vi",
    ),
    CoverageData(
        "Hanoi Times",
        "Creative Design Festival 2026 opens with focus on creative economy",
        "https://hanoitimes.vn/creative-design-festival-2026-opens-with-focus-on-creative-economy.957786.html",
        date(2026, 1, 11),
        "en",
    ),
)


# The programme's wordmark for the media kit -----------------------------------------------------------------------

LOGO_NAME = "Tụ hội sáng tạo"
# Be Vietnam Pro Bold with every Vietnamese letter in one file (the press fact sheet's font).
LOGO_FONT = Path(__file__).resolve().parents[2] / "press" / "fonts" / "BeVietnamPro_700Bold.ttf"
LACQUER = (155, 28, 28)  # the site's accent and favicon colours
GOLD = (242, 193, 78)
INK = (28, 27, 26)


@functools.lru_cache(maxsize=4)
def logo_font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(LOGO_FONT), size)


def logo_layout(height: int = 640) -> dict:
    """Where the wordmark's parts go on a canvas `height` pixels high: the mark (the favicon's gold ring on a
    lacquer square) and the name on one line, measured from the letters' own ink (diacritics above and below
    included), so that the canvas is as wide as the whole name plus a margin on every side."""
    mark = round(height * 0.42)
    font = logo_font(round(mark * 0.8))
    left, top, right, bottom = font.getbbox(LOGO_NAME, anchor="ls")  # ink box around the baseline origin
    margin = round(height * 0.29)
    gap = round(mark * 0.38)
    width = margin + mark + gap + (right - left) + margin
    centre = height / 2
    baseline = round(centre - (top + bottom) / 2)  # the ink box centred on the mark's centre
    return {
        "size": (width, height),
        "mark": (margin, round(centre - mark / 2), margin + mark, round(centre + mark / 2)),
        "text_origin": (margin + mark + gap - left, baseline),
        "text_box": (margin + mark + gap, baseline + top, margin + mark + gap + (right - left), baseline + bottom),
        "font": font,
    }


def logo_png(height: int = 640) -> bytes:
    """The wordmark "Tụ hội sáng tạo" as a PNG on white, drawn at twice the size and reduced (smooth edges)."""
    scale = 2
    layout = logo_layout(height * scale)
    image = Image.new("RGB", layout["size"], (255, 255, 255))
    draw = ImageDraw.Draw(image)
    x0, y0, x1, y1 = layout["mark"]
    side = x1 - x0
    draw.rounded_rectangle(layout["mark"], radius=round(side * 7 / 32), fill=LACQUER)
    ring = side * 8 / 32
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    draw.ellipse((cx - ring, cy - ring, cx + ring, cy + ring), outline=GOLD, width=round(side * 3 / 32))
    draw.text(layout["text_origin"], LOGO_NAME, font=layout["font"], fill=INK, anchor="ls")
    width, full_height = layout["size"]
    image = image.resize((width // scale, full_height // scale), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()
