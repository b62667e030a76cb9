"""Venues, speakers and the two-day programme (10–11 January 2026).

What happened, where and with whom follows the event facts (§2, §7). The sources give no hours except "the
evening of 10 January" for the opening, so every time below is invented for the demo and is not official.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from core.text import slugify_vi
from events.models import DeliveryLanguage, SessionKind

from . import units as U
from .names import SPEAKER_PEOPLE

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
REGISTRATION_OPENS = datetime(2025, 12, 26, 9, 0, tzinfo=HANOI)

Text = tuple[str, str]


@dataclass(frozen=True)
class VenueData:
    slug: str
    name: Text
    address: Text
    latitude: Decimal
    longitude: Decimal
    description: Text
    hours: Text
    accessibility: Text
    order: int
    getting_there: Text = ("", "")
    nearby: Text = ("", "")  # toilets and food


_PEDESTRIAN_HOURS_VI = "Phố đi bộ quanh hồ Hoàn Kiếm hoạt động từ 19:00 Thứ Sáu đến 24:00 Chủ nhật hằng tuần."
_PEDESTRIAN_HOURS_EN = (
    "The pedestrian zone around Hoàn Kiếm Lake runs every week from 19:00 on Friday to 24:00 on Sunday."
)
# How to get there and what is nearby: general advice for the demo, not checked against the organisers' plans (the
# sources give no bus routes, parking points or toilets); no route number is stated as fact.
_BUS_VI = (
    "Xe buýt: các tuyến nội đô dừng ở rìa không gian đi bộ (phía các phố Đinh Tiên Hoàng, Tràng Tiền, Hàng Khay); "
    "tra tuyến và điểm dừng gần nhất trên ứng dụng bản đồ trước khi đi."
)
_BUS_EN = (
    "Bus: city buses stop at the edge of the pedestrian zone (towards Đinh Tiên Hoàng, Tràng Tiền and Hàng Khay "
    "streets); look up the nearest route and stop in a map app before you go."
)
_PARKING_VI = (
    "Gửi xe: ô tô và xe máy không vào được không gian đi bộ từ tối Thứ Sáu đến hết Chủ nhật; gửi xe ở các điểm trông "
    "giữ xe quanh khu vực rồi đi bộ vào. Taxi và xe công nghệ có thể trả khách ở rìa khu đi bộ."
)
_PARKING_EN = (
    "Parking: cars and motorbikes cannot enter the pedestrian zone from Friday evening to the end of Sunday; leave "
    "them at a parking point nearby and walk in. Taxis and ride-hailing cars can drop you at the edge of the zone."
)
_LAKE_NEARBY_VI = (
    "Nhà vệ sinh: hỏi tình nguyện viên ở điểm thông tin gần nhất về nhà vệ sinh công cộng quanh hồ.\nĂn uống: nhiều "
    "quán cà phê, kem và hàng ăn ở các phố cổ quanh hồ."
)
_LAKE_NEARBY_EN = (
    "Toilets: ask a volunteer at the nearest information point for the public toilets around the lake.\nFood: many "
    "cafés, ice-cream shops and eateries in the old streets around the lake."
)

DONG_KINH = "quang-truong-dong-kinh-nghia-thuc"
BAT_GIAC = "nha-bat-giac-vuon-hoa-ly-thai-to"
DINH_TIEN_HOANG = "pho-dinh-tien-hoang"
HO_GUOM_CENTRE = "trung-tam-thong-tin-van-hoa-ho-guom"
THONG_NHAT = "cong-vien-thong-nhat"

VENUES = (
    VenueData(
        DONG_KINH,
        ("Quảng trường Đông Kinh Nghĩa Thục", "Đông Kinh Nghĩa Thục Square"),
        (
            "Đầu phía bắc hồ Hoàn Kiếm, nơi giao nhau của các phố Lê Thái Tổ, Hàng Đào, Hàng Gai, Đinh Tiên Hoàng và "
            "Cầu Gỗ, phường Hoàn Kiếm, Hà Nội",
            "North end of Hoàn Kiếm Lake, where Lê Thái Tổ, Hàng Đào, Hàng Gai, Đinh Tiên Hoàng and Cầu Gỗ streets "
            "meet, Hoàn Kiếm ward, Hanoi",
        ),
        Decimal("21.032300"),
        Decimal("105.852300"),
        (
            "Quảng trường ở đầu phía bắc hồ Hoàn Kiếm, nằm trong không gian phố đi bộ cuối tuần. Tối Thứ Bảy 10/01, "
            "Lễ khai mạc chương trình “Tụ hội sáng tạo” diễn ra tại đây.",
            "The square at the northern end of Hoàn Kiếm Lake, part of the weekend pedestrian zone. The Creative "
            "Gathering's opening ceremony took place here on the evening of Saturday 10 January.",
        ),
        ("Quảng trường mở tự do. " + _PEDESTRIAN_HOURS_VI, "The square is always open. " + _PEDESTRIAN_HOURS_EN),
        (
            "Mặt bằng rộng, bằng phẳng, không có bậc. Buổi tối đông người: nên đến sớm nếu đi xe lăn hoặc đi cùng trẻ "
            "nhỏ. Xe máy gửi ở các điểm trông giữ quanh khu phố đi bộ.",
            "A wide, level space with no steps. Evenings are crowded: come early if you use a wheelchair or bring "
            "small children. Motorbikes can be left at the parking points around the pedestrian zone.",
        ),
        1,
        getting_there=(
            "Đi bộ: quảng trường ở ngay đầu phía bắc hồ, là cửa ngõ của không gian đi bộ từ phía phố cổ.\n"
            + _BUS_VI
            + "\n"
            + _PARKING_VI,
            "On foot: the square is right at the northern end of the lake, the gateway to the pedestrian zone from "
            "the Old Quarter.\n" + _BUS_EN + "\n" + _PARKING_EN,
        ),
        nearby=(
            _LAKE_NEARBY_VI + " Các phố Hàng Đào, Hàng Gai và Cầu Gỗ bắt đầu ngay từ quảng trường.",
            _LAKE_NEARBY_EN + " Hàng Đào, Hàng Gai and Cầu Gỗ streets start right at the square.",
        ),
    ),
    VenueData(
        BAT_GIAC,
        ("Nhà Bát Giác (vườn hoa Lý Thái Tổ)", "The Octagonal House (Lý Thái Tổ Garden)"),
        (
            "Vườn hoa Lý Thái Tổ, ven hồ Hoàn Kiếm, phường Hoàn Kiếm, Hà Nội",
            "Lý Thái Tổ Garden, by Hoàn Kiếm Lake, Hoàn Kiếm ward, Hanoi",
        ),
        Decimal("21.027600"),
        Decimal("105.854200"),
        (
            "Nhà Bát Giác trong vườn hoa Lý Thái Tổ là nơi diễn ra bốn Diễn đàn Sáng tạo và Pavilion Kiến trúc; "
            "triển lãm Dự án Sáng tạo Chợ Đồng Xuân được bày ngay bên cạnh.",
            "The Octagonal House in Lý Thái Tổ Garden hosts the four Creative Forums and the Architecture Pavilion; "
            "the Đồng Xuân Market Creative Project exhibition stands right beside it.",
        ),
        (
            "Mở cửa theo lịch chương trình trong hai ngày 10 và 11/01/2026. " + _PEDESTRIAN_HOURS_VI,
            "Open during the programme on 10 and 11 January 2026. " + _PEDESTRIAN_HOURS_EN,
        ),
        (
            "Lối đi trong vườn hoa bằng phẳng. Lối vào nhà có thể có bậc thềm: nếu cần hỗ trợ, hãy hỏi tình nguyện "
            "viên của chương trình. Chỗ ngồi tại diễn đàn có hạn.",
            "The garden paths are level. There may be steps at the entrance to the house: ask one of the "
            "programme's volunteers if you need help. Seating at the forums is limited.",
        ),
        2,
        getting_there=(
            "Đi bộ: từ quảng trường Đông Kinh Nghĩa Thục, đi về phía nam dọc bờ đông hồ (phố Đinh Tiên Hoàng) khoảng "
            "7–10 phút.\n" + _BUS_VI + "\n" + _PARKING_VI,
            "On foot: from Đông Kinh Nghĩa Thục Square, walk south along the east shore of the lake (Đinh Tiên Hoàng "
            "Street) for about 7–10 minutes.\n" + _BUS_EN + "\n" + _PARKING_EN,
        ),
        nearby=(_LAKE_NEARBY_VI, _LAKE_NEARBY_EN),
    ),
    VenueData(
        DINH_TIEN_HOANG,
        ("Phố Đinh Tiên Hoàng (Hội chợ Sáng tạo)", "Đinh Tiên Hoàng Street (Creative Fair)"),
        (
            "Phố Đinh Tiên Hoàng, bờ đông hồ Hoàn Kiếm, phường Hoàn Kiếm, Hà Nội",
            "Đinh Tiên Hoàng Street, east shore of Hoàn Kiếm Lake, Hoàn Kiếm ward, Hanoi",
        ),
        Decimal("21.029500"),
        Decimal("105.853900"),
        (
            "Dọc phố Đinh Tiên Hoàng là Không gian Đổi mới Sáng tạo Công nghiệp Văn hóa Hà Nội: hội chợ với gian hàng "
            "của trường học, doanh nghiệp và nghệ sĩ trẻ, các góc workshop và sân khấu cộng đồng.",
            "Along Đinh Tiên Hoàng Street runs the Hanoi Cultural Industry Innovation Area: a fair with stands by "
            "schools, businesses and young artists, workshop corners and a community stage.",
        ),
        (
            "Hội chợ mở cả ngày Thứ Bảy và Chủ nhật 10–11/01/2026. Sân khấu cộng đồng có tiết mục từ sáng đến chiều "
            "tối. " + _PEDESTRIAN_HOURS_VI,
            "The fair is open all day on Saturday and Sunday, 10–11 January 2026. The community stage has "
            "performances from morning to early evening. " + _PEDESTRIAN_HOURS_EN,
        ),
        (
            "Toàn tuyến là mặt phố bằng phẳng, không có bậc; lòng đường đóng cho xe cơ giới trong giờ phố đi bộ. Có "
            "ghế nghỉ dọc bờ hồ.",
            "The whole street is level with no steps, and closed to motor traffic while the pedestrian zone is "
            "open. There are benches along the lakeside.",
        ),
        3,
        getting_there=(
            "Đi bộ: hội chợ trải dọc bờ đông hồ; vào từ quảng trường Đông Kinh Nghĩa Thục ở đầu phía bắc hoặc từ phía "
            "phố Tràng Tiền, Hàng Khay ở đầu phía nam.\n" + _BUS_VI + "\n" + _PARKING_VI,
            "On foot: the fair runs along the east shore of the lake; walk in from Đông Kinh Nghĩa Thục Square at the "
            "northern end or from Tràng Tiền and Hàng Khay streets at the southern end.\n"
            + _BUS_EN
            + "\n"
            + _PARKING_EN,
        ),
        nearby=(_LAKE_NEARBY_VI, _LAKE_NEARBY_EN),
    ),
    VenueData(
        HO_GUOM_CENTRE,
        ("Trung tâm Thông tin Văn hóa Hồ Gươm", "Hồ Gươm Cultural Information Centre"),
        ("Số 2 phố Lê Thái Tổ, phường Hoàn Kiếm, Hà Nội", "2 Lê Thái Tổ Street, Hoàn Kiếm ward, Hanoi"),
        Decimal("21.030900"),
        Decimal("105.851200"),
        (
            "Trung tâm mở cửa từ năm 2015, có ba tầng và một tầng hầm; tầng 1 và tầng 2 dành cho triển lãm, tầng trên "
            "cùng có phòng họp. Nơi đây đón triển lãm tranh “Chất Địa Phương” từ 10 đến 18/01/2026.",
            "Opened in 2015, the centre has three floors and a basement; the first two floors hold exhibitions and "
            "the top floor has meeting rooms. It hosts the painting exhibition “Chất Địa Phương” (“Local Essence”) "
            "from 10 to 18 January 2026.",
        ),
        (
            "Triển lãm “Chất Địa Phương” (10–18/01/2026) mở theo giờ mở cửa của Trung tâm. Giờ cụ thể, kể cả buổi "
            "tối và cuối tuần, cần xác nhận lại với ban tổ chức trước khi đến.",
            "The “Chất Địa Phương” exhibition (10–18 January 2026) keeps the centre's opening hours. The exact hours, "
            "evenings and weekends included, are to be confirmed with the organisers before you go.",
        ),
        (
            "Triển lãm ở tầng 1 và tầng 2. Nếu cần hỗ trợ di chuyển giữa các tầng, xin hỏi nhân viên ở sảnh.",
            "The exhibition is on the first and second floors. If you need help getting between floors, please ask "
            "the staff in the lobby.",
        ),
        4,
        getting_there=(
            "Đi bộ: ở bờ tây hồ, phía bắc, trên phố Lê Thái Tổ; từ quảng trường Đông Kinh Nghĩa Thục đi bộ vài phút.\n"
            + _BUS_VI
            + "\n"
            + _PARKING_VI,
            "On foot: on the west shore of the lake, towards its northern end, on Lê Thái Tổ Street; a few minutes' "
            "walk from Đông Kinh Nghĩa Thục Square.\n" + _BUS_EN + "\n" + _PARKING_EN,
        ),
        nearby=(
            "Nhà vệ sinh: hỏi nhân viên ở sảnh.\nĂn uống: quán cà phê và hàng ăn ở các phố Lê Thái Tổ, Hàng Trống, Nhà "
            "Thờ gần đó.",
            "Toilets: ask the staff in the lobby.\nFood: cafés and eateries on Lê Thái Tổ, Hàng Trống and Nhà Thờ "
            "streets nearby.",
        ),
    ),
    VenueData(
        THONG_NHAT,
        ("Công viên Thống Nhất", "Thống Nhất Park"),
        ("Công viên Thống Nhất, phường Hai Bà Trưng, Hà Nội", "Thống Nhất Park, Hai Bà Trưng ward, Hanoi"),
        Decimal("21.014800"),
        Decimal("105.843900"),
        (
            "Chương trình vệ tinh của “Tụ hội sáng tạo” do UBND phường Hai Bà Trưng chủ trì cùng Sở Văn hóa và Thể "
            "thao Hà Nội, có sân khấu âm nhạc thiếu nhi của Cung Thiếu nhi Hà Nội.",
            "The Creative Gathering's satellite programme, led by the Hai Bà Trưng Ward People's Committee with the "
            "Hanoi Department of Culture and Sports, with a children's music stage by the Hanoi Children's Palace.",
        ),
        (
            "Hoạt động của chương trình diễn ra trong hai ngày 10 và 11/01/2026; giờ mở cửa công viên theo quy định "
            "của ban quản lý.",
            "Programme activities take place on 10 and 11 January 2026; the park keeps the opening hours set by its "
            "management board.",
        ),
        (
            "Lối đi chính trong công viên bằng phẳng. Khu sân khấu ngoài trời có chỗ đứng cho xe đẩy và xe lăn.",
            "The main paths in the park are level. The open-air stage area has room for pushchairs and wheelchairs.",
        ),
        5,
        getting_there=(
            "Công viên cách hồ Hoàn Kiếm khoảng 2 km về phía tây nam: khoảng 10 phút đi taxi hoặc xe công nghệ, hoặc "
            "đi xe buýt (tra tuyến trên ứng dụng bản đồ). Công viên có nhiều cổng, trong đó có cổng phía phố Trần Nhân "
            "Tông và phía đường Lê Duẩn. Xe máy và ô tô gửi ở các bãi giữ xe gần cổng.",
            "The park is about 2 km south-west of Hoàn Kiếm Lake: about 10 minutes by taxi or ride-hailing car, or "
            "by bus (look up the route in a map app). It has several gates, among them on Trần Nhân Tông Street and "
            "on Lê Duẩn Street. Motorbikes and cars can be left at the car parks near the gates.",
        ),
        nearby=(
            "Nhà vệ sinh: trong công viên (hỏi bảo vệ hoặc tình nguyện viên).\nĂn uống: quán ăn và cà phê trên các phố "
            "quanh công viên.",
            "Toilets: inside the park (ask a guard or a volunteer).\nFood: eateries and cafés in the streets around "
            "the park.",
        ),
    ),
)


@dataclass(frozen=True)
class SpeakerData:
    slug: str
    name: str
    role: Text
    organisation: Text
    bio: Text


VU_THU_HA = "vu-thu-ha"
JONATHAN_BAKER = "jonathan-wallace-baker"
BUI_THI_THU_THUY = "bui-thi-thu-thuy"

_FICTIONAL_PERSON_VI = "Nhân vật hư cấu, chỉ dùng cho nội dung minh họa."
_FICTIONAL_PERSON_EN = "A fictional person, for demonstration only."


def _fictional_speakers() -> list[SpeakerData]:
    roles = (
        (
            ("Nhà nghiên cứu đô thị", "Urban researcher"),
            ("Nhóm nghiên cứu độc lập", "Independent research group"),
            (
                "nghiên cứu về không gian công cộng và đời sống khu phố ở Hà Nội",
                "studies public space and neighbourhood life in Hanoi",
            ),
        ),
        (
            ("Chuyên gia phát triển thị trường", "Market development specialist"),
            ("Công ty tư vấn thương mại", "Trade consultancy"),
            (
                "giúp các cơ sở thủ công và thương hiệu thiết kế nhỏ tìm nhà phân phối",
                "helps craft workshops and small design brands find distributors",
            ),
        ),
        (
            ("Giám tuyển độc lập", "Independent curator"),
            ("Không gian nghệ thuật", "Art space"),
            ("tổ chức triển lãm minh họa và nghệ thuật cộng đồng", "organises illustration and community art shows"),
        ),
        (
            ("Nghệ nhân gốm", "Ceramic artist"),
            ("Xưởng gốm", "Pottery workshop"),
            ("làm gốm và dạy làm gốm cho người trẻ", "makes ceramics and teaches pottery to young people"),
        ),
    )
    speakers = []
    for name, (role, organisation, work) in zip(SPEAKER_PEOPLE, roles, strict=False):
        speakers.append(
            SpeakerData(
                slugify_vi(name),
                name,
                role,
                organisation,
                (f"{name} {work[0]}. {_FICTIONAL_PERSON_VI}", f"{name} {work[1]}. {_FICTIONAL_PERSON_EN}"),
            )
        )
    return speakers


SPEAKERS = (
    SpeakerData(
        VU_THU_HA,
        "Vũ Thu Hà",
        ("Phó Chủ tịch Ủy ban nhân dân Thành phố Hà Nội", "Vice Chair of the Hanoi People's Committee"),
        ("Ủy ban nhân dân Thành phố Hà Nội", "Hanoi People's Committee"),
        (
            "Tại Lễ khai mạc Tụ hội sáng tạo, bà Vũ Thu Hà công bố chủ đề “Kinh tế sáng tạo” của Lễ hội Thiết kế Sáng "
            "tạo Hà Nội 2026, với các hoạt động diễn ra quanh năm và sự tham gia của hơn 200 đơn vị.",
            "At the Creative Gathering's opening ceremony, Vũ Thu Hà announced “Creative Economy” as the theme of "
            "the Hanoi Creative Design Festival 2026, with activities throughout the year and more than 200 "
            "participating units.",
        ),
    ),
    SpeakerData(
        JONATHAN_BAKER,
        "Jonathan Wallace Baker",
        ("Trưởng đại diện UNESCO tại Việt Nam", "Head of the UNESCO Office in Viet Nam"),
        ("UNESCO", "UNESCO"),
        (
            "Phát biểu tại Lễ khai mạc, ông Jonathan Wallace Baker nhìn lại chặng đường từ năm 2021 và coi lễ hội là "
            "một nền tảng mở, một “phòng thí nghiệm” cho ý tưởng ở mọi giai đoạn.",
            "Speaking at the opening ceremony, Jonathan Wallace Baker looked back on the festival since 2021 and "
            "described it as an open platform, a “laboratory” for ideas at every stage.",
        ),
    ),
    SpeakerData(
        BUI_THI_THU_THUY,
        "Bùi Thị Thu Thủy",
        (
            "Phó Trưởng phòng Quản lý di sản, Sở Văn hóa và Thể thao Hà Nội",
            "Deputy Head of the Heritage Management Division, Hanoi Department of Culture and Sports",
        ),
        ("Sở Văn hóa và Thể thao Hà Nội", "Hanoi Department of Culture and Sports"),
        (
            "Tại tọa đàm “Từ lễ hội thường niên đến hệ sinh thái sáng tạo đô thị”, bà Bùi Thị Thu Thủy nhấn mạnh cộng "
            "đồng là điều kiện then chốt để hệ sinh thái sáng tạo phát triển bền vững.",
            "At the talk “From an annual festival to an urban creative ecosystem”, Bùi Thị Thu Thủy stressed that "
            "the community is the key condition for a lasting creative ecosystem.",
        ),
    ),
    *_fictional_speakers(),
)
FICTIONAL_SPEAKERS = [s.slug for s in SPEAKERS[3:]]


@dataclass
class SessionData:
    slug: str
    kind: str
    title: Text
    summary: Text
    description: Text
    day: int
    start: str
    end: str
    venue: str
    location: Text = ("", "")
    sectors: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()
    language: str = DeliveryLanguage.VI
    capacity: int | None = None
    highlight: bool = False
    draft: bool = False
    image: str = ""

    def _at(self, hhmm: str) -> datetime:
        hour, minute = (int(x) for x in hhmm.split(":"))
        return datetime(2026, 1, self.day, hour, minute, tzinfo=HANOI)

    @property
    def starts_at(self) -> datetime:
        return self._at(self.start)

    @property
    def ends_at(self) -> datetime:
        return self._at(self.end)

    @property
    def registration(self) -> tuple[datetime | None, datetime | None]:
        if self.capacity is None:
            return None, None
        return REGISTRATION_OPENS, self.starts_at - timedelta(hours=1)


DAY_VI = {10: "Thứ Bảy 10/01", 11: "Chủ nhật 11/01"}
DAY_EN = {10: "Saturday 10 January", 11: "Sunday 11 January"}


def _sessions() -> list[SessionData]:
    S, L = SessionKind, DeliveryLanguage
    ensemble = U.find_unit("performing-arts", "ensemble").slug
    dance = U.find_unit("performing-arts", "dance").slug
    guides = U.find_unit("tourism", "guides").slug
    print_studio = U.find_unit("fine-arts", "print").slug
    paper = U.find_unit("crafts", "paper").slug
    tea = U.find_unit("cuisine", "tea").slug
    puppeteer = U.find_unit("performing-arts", "puppeteer").slug
    researcher, trader, curator, potter = FICTIONAL_SPEAKERS[:4]
    fair_hosts = (U.HANOI_COLLEGE_OF_ARTS, U.UIFA, U.SISA)
    sessions: list[SessionData] = []

    for day in (10, 11):
        n = 1 if day == 10 else 2
        sessions += [
            SessionData(
                f"hoi-cho-sang-tao-ngay-{n}",
                S.FAIR,
                (f"Hội chợ Sáng tạo – ngày {n}", f"Creative Fair – day {n}"),
                (
                    "Gian hàng của trường học, doanh nghiệp và nghệ sĩ trẻ dọc phố Đinh Tiên Hoàng.",
                    "Stands by schools, businesses and young artists along Đinh Tiên Hoàng Street.",
                ),
                (
                    "Không gian Đổi mới Sáng tạo Công nghiệp Văn hóa Hà Nội trải dọc phố Đinh Tiên Hoàng với tác phẩm "
                    "của "
                    "nghệ sĩ trẻ, mô hình hội chợ nghệ thuật thử nghiệm, đồ thủ công và quà tặng thiết kế của trường "
                    "học "
                    "và doanh nghiệp. Trọng tâm là những sản phẩm sẵn sàng thương mại: đây là nơi người sáng tạo gặp "
                    "doanh nghiệp và nhà phân phối.\n\nVào cửa tự do, không cần đăng ký.",
                    "The Hanoi Cultural Industry Innovation Area runs along Đinh Tiên Hoàng Street with work by young "
                    "artists, pilot art-fair formats, and handicrafts and design gifts from schools and businesses. "
                    "The "
                    "focus is on products ready for market: this is where creators meet businesses and distributors."
                    "\n\nFree entry, no registration needed.",
                ),
                day,
                "09:00",
                "21:00",
                DINH_TIEN_HOANG,
                ("Khu A – E, phố Đinh Tiên Hoàng", "Zones A–E, Đinh Tiên Hoàng Street"),
                sectors=("design", "crafts", "fine-arts", "fashion", "cuisine"),
                hosts=fair_hosts,
                language=L.BOTH,
                highlight=day == 10,
                image="fair",
            ),
            SessionData(
                f"pavilion-kien-truc-ngay-{n}",
                S.EXHIBITION,
                (
                    f"Pavilion Kiến trúc “Từ sự kiện thường niên đến hệ sinh thái sáng tạo” – ngày {n}",
                    f"Architecture Pavilion “From Annual Event to Creative Ecosystem” – day {n}",
                ),
                (
                    "Nhìn lại chặng đường của Lễ hội Thiết kế Sáng tạo Hà Nội từ năm 2021 đến nay.",
                    "A look back at the Hanoi Creative Design Festival from 2021 to today.",
                ),
                (
                    "Pavilion Kiến trúc tại Nhà Bát Giác giới thiệu quá trình phát triển của lễ hội từ năm 2021, khi "
                    "còn mang tên Tuần lễ Khơi nguồn Sáng tạo, đến hành trình hướng tới mùa lễ hội tháng 11/2026. "
                    "Pavilion cũng là nơi trò chuyện về di sản và sáng tạo.",
                    "The Architecture Pavilion at the Octagonal House traces the festival from its beginnings in 2021 "
                    "as a creative week to the journey towards the November 2026 edition. It is also a place for "
                    "conversations about heritage and creativity.",
                ),
                day,
                "08:30",
                "21:00",
                BAT_GIAC,
                ("Nhà Bát Giác", "The Octagonal House"),
                sectors=("architecture",),
                language=L.BOTH,
            ),
            SessionData(
                f"trien-lam-du-an-sang-tao-cho-dong-xuan-ngay-{n}",
                S.EXHIBITION,
                (f"Triển lãm Dự án Sáng tạo Chợ Đồng Xuân – ngày {n}", f"Đồng Xuân Market Creative Project – day {n}"),
                (
                    "Mô hình chợ Đồng Xuân và những ý tưởng cho khu chợ biểu tượng của Hà Nội.",
                    "A model of Đồng Xuân Market and ideas for one of Hanoi's landmark markets.",
                ),
                (
                    "Triển lãm giới thiệu chợ Đồng Xuân như một biểu tượng của bản sắc thương mại và văn hóa Hà Nội, "
                    "với "
                    "mô hình khu chợ thu hút nhiều khách trẻ. Khu vực Đồng Xuân – Bắc Qua dự kiến có Trung tâm Công "
                    "nghiệp văn hóa từ tháng 3/2026.",
                    "The exhibition presents Đồng Xuân Market as a symbol of Hanoi's commercial and cultural identity, "
                    "with a model of the market that draws many young visitors. A Cultural Industry Centre is expected "
                    "in the Đồng Xuân – Bắc Qua area from March 2026.",
                ),
                day,
                "08:30",
                "21:00",
                BAT_GIAC,
                ("Vườn hoa Lý Thái Tổ, cạnh Nhà Bát Giác", "Lý Thái Tổ Garden, beside the Octagonal House"),
                sectors=("architecture", "tourism"),
            ),
            SessionData(
                f"san-khau-am-nhac-thieu-nhi-cong-vien-thong-nhat-ngay-{n}",
                S.FAMILY,
                (
                    f"Sân khấu âm nhạc thiếu nhi ở Công viên Thống Nhất – ngày {n}",
                    f"Children's music stage at Thống Nhất Park – day {n}",
                ),
                (
                    "Các em nhỏ của Cung Thiếu nhi Hà Nội biểu diễn nhạc cụ dân tộc và ca khúc mùa xuân.",
                    "Children from the Hanoi Children's Palace play traditional instruments and sing songs of spring.",
                ),
                (
                    "Trong chương trình vệ tinh tại Công viên Thống Nhất, Cung Thiếu nhi Hà Nội mang đến sân khấu âm "
                    "nhạc thiếu nhi với nhạc cụ dân tộc và những ca khúc về mùa xuân, về Tết. Chương trình do UBND "
                    "phường Hai Bà Trưng chủ trì cùng Sở Văn hóa và Thể thao Hà Nội, với sự đồng hành của Ban Quản lý "
                    "công viên Thống Nhất, Trung tâm Văn hóa – Thể thao phường, doanh nghiệp xã hội Cool Vietnam và "
                    "công ty truyền thông Innux.",
                    "In the satellite programme at Thống Nhất Park, the Hanoi Children's Palace presents a children's "
                    "music stage with traditional instruments and songs about spring and Tết. The programme is led by "
                    "the Hai Bà Trưng Ward People's Committee with the Hanoi Department of Culture and Sports, "
                    "together with the park's management board, the ward Culture and Sports Centre, the social "
                    "enterprise Cool Vietnam and the media company Innux.",
                ),
                day,
                "09:00",
                "11:00",
                THONG_NHAT,
                ("Sân khấu ngoài trời", "Open-air stage"),
                sectors=("performing-arts",),
                hosts=(U.CHILDRENS_PALACE, U.COOL_VIETNAM, U.INNUX),
                language=L.NONE,
                highlight=day == 11,
            ),
            SessionData(
                f"workshop-vanh-khan-nep-toc-ngay-{n}",
                S.WORKSHOP,
                (f"Workshop “Vành Khăn Nếp Tóc” – ngày {n}", f"“Vành Khăn Nếp Tóc” head-wrap workshop – day {n}"),
                (
                    "Học cách vấn khăn truyền thống và tìm hiểu câu chuyện sau mỗi kiểu khăn.",
                    "Learn to tie a traditional head wrap and hear the stories behind each style.",
                ),
                (
                    "Workshop thực hành dành cho khách trẻ: mỗi người được hướng dẫn vấn một kiểu khăn truyền thống, "
                    "nghe kể về nếp tóc, vành khăn của phụ nữ xưa và chụp ảnh lưu niệm.\n\nSố chỗ có hạn; vui lòng "
                    "đăng ký trước.",
                    "A hands-on workshop for young visitors: each person is shown how to tie a traditional head wrap, "
                    "hears about the hairstyles and head wraps of women in the past, and can take a souvenir photo."
                    "\n\nPlaces are limited; please register in advance.",
                ),
                day,
                "09:30" if day == 10 else "15:00",
                "11:00" if day == 10 else "16:30",
                DINH_TIEN_HOANG,
                ("Góc workshop, khu C", "Workshop corner, zone C"),
                sectors=("fashion", "crafts"),
                capacity=20,
            ),
            SessionData(
                f"nan-to-he-ngay-{n}",
                S.WORKSHOP,
                (f"Nặn tò he – ngày {n}", f"Tò he rice-dough figurines – day {n}"),
                (
                    "Nặn những con giống bằng bột gạo nhiều màu, một món đồ chơi dân gian.",
                    "Shape colourful rice-dough figures, a traditional folk toy.",
                ),
                (
                    "Người tham gia được hướng dẫn nhào bột, pha màu và nặn một con tò he mang về. Phù hợp với trẻ em "
                    "từ "
                    "6 tuổi đi cùng người lớn.\n\nSố chỗ có hạn; vui lòng đăng ký trước.",
                    "Participants learn to knead the dough, mix the colours and shape a tò he figure to take home. "
                    "Suitable for children aged 6 and over with an adult.\n\nPlaces are limited; please register in "
                    "advance.",
                ),
                day,
                "10:00" if day == 10 else "09:30",
                "11:30" if day == 10 else "11:00",
                DINH_TIEN_HOANG,
                ("Góc workshop, khu B", "Workshop corner, zone B"),
                sectors=("crafts",),
                capacity=24,
            ),
            SessionData(
                f"trinh-dien-cau-am-co-chieu-ngay-{n}",
                S.PERFORMANCE,
                (f"Trình diễn nghệ thuật “Cậu Ấm Cô Chiêu” – ngày {n}", f"“Cậu Ấm Cô Chiêu” performance – day {n}"),
                (
                    "Màn trình diễn trang phục và phong thái của “cậu ấm, cô chiêu” Hà Thành xưa.",
                    "A performance bringing back the dress and manners of old Hanoi's gilded youth.",
                ),
                (
                    "Trình diễn nghệ thuật bên bờ hồ, tái hiện hình ảnh “cậu ấm, cô chiêu” trong trang phục xưa. Khán "
                    "giả "
                    "có thể đứng xem và chụp ảnh cùng người biểu diễn sau tiết mục.",
                    "A lakeside art performance recreating the “cậu ấm, cô chiêu”, the well-to-do young men and women "
                    "of old Hanoi, in period dress. Watch standing and take photos with the performers afterwards.",
                ),
                day,
                "16:00",
                "16:45",
                DINH_TIEN_HOANG,
                ("Sân khấu cộng đồng, khu D", "Community stage, zone D"),
                sectors=("performing-arts", "fashion"),
                language=L.NONE,
            ),
            SessionData(
                f"to-tuong-cho-thieu-nhi-ngay-{n}",
                S.FAMILY,
                (f"Tô tượng cho thiếu nhi – ngày {n}", f"Statue painting for children – day {n}"),
                (
                    "Các em tự tô màu một bức tượng thạch cao nhỏ.",
                    "Children paint a small plaster figure of their own.",
                ),
                (
                    "Mỗi em nhận một tượng thạch cao, bảng màu và cọ để trang trí theo ý mình rồi mang về. Màu nước an "
                    "toàn cho trẻ em.\n\nSố chỗ có hạn; vui lòng đăng ký trước.",
                    "Each child gets a plaster figure, paints and brushes to decorate it and take home. The paints are "
                    "water-based and safe for children.\n\nPlaces are limited; please register in advance.",
                ),
                day,
                "14:00" if day == 10 else "09:00",
                "15:30" if day == 10 else "10:30",
                DINH_TIEN_HOANG,
                ("Góc thiếu nhi, khu E", "Children's corner, zone E"),
                sectors=("fine-arts",),
                capacity=30,
            ),
            SessionData(
                f"tranh-gao-ngay-{n}",
                S.WORKSHOP,
                (f"Làm tranh gạo – ngày {n}", f"Rice pictures – day {n}"),
                ("Ghép tranh từ những hạt gạo nhuộm màu.", "Make a picture from dyed grains of rice."),
                (
                    "Người tham gia vẽ phác một hình đơn giản rồi dán từng lớp gạo nhuộm màu để hoàn thành bức tranh "
                    "nhỏ "
                    "khổ 15 × 20 cm.\n\nSố chỗ có hạn; vui lòng đăng ký trước.",
                    "Participants sketch a simple shape and glue on layers of dyed rice to finish a small 15 × 20 cm "
                    "picture.\n\nPlaces are limited; please register in advance.",
                ),
                day,
                "15:30" if day == 10 else "14:00",
                "17:00" if day == 10 else "15:30",
                DINH_TIEN_HOANG,
                ("Góc workshop, khu B", "Workshop corner, zone B"),
                sectors=("crafts", "fine-arts"),
                capacity=18,
            ),
        ]

    sessions += [
        # Saturday 10 January
        SessionData(
            "dien-dan-sang-tao-de-an-khao-sat-cac-khong-gian-tiem-nang",
            S.FORUM,
            (
                "Diễn đàn Sáng tạo: Giới thiệu Đề án Khảo sát các không gian tiềm năng",
                "Creative Forum: introducing the Potential Spaces Survey Project",
            ),
            (
                "Thành phố sẽ khảo sát và lựa chọn những không gian có thể trở thành không gian sáng tạo như thế nào?",
                "How will the city survey and choose places that could become creative spaces?",
            ),
            (
                "Diễn đàn giới thiệu Đề án Khảo sát các không gian tiềm năng, một trong các nội dung của Kế hoạch 333 "
                "của UBND Thành phố Hà Nội. Từ tháng 7/2026, thành phố dự kiến công bố các không gian tiềm năng để "
                "phát "
                "triển thành không gian sáng tạo, khu công nghiệp văn hóa hoặc khu thương mại – văn hóa.\n\nDiễn đàn "
                "mở "
                "cho mọi người; chỗ ngồi có hạn.",
                "The forum introduces the Potential Spaces Survey Project, part of the Hanoi People's Committee's Plan "
                "333. From July 2026 the city expects to announce potential sites to be developed into creative "
                "spaces, cultural industry zones or commercial and cultural zones.\n\nThe forum is open to all; "
                "seating is limited.",
            ),
            10,
            "09:30",
            "11:00",
            BAT_GIAC,
            ("Nhà Bát Giác", "The Octagonal House"),
            sectors=("architecture", "tourism"),
            speakers=(researcher,),
        ),
        SessionData(
            "ra-mat-sach-creating-change",
            S.FORUM,
            (
                "Diễn đàn Sáng tạo: Ra mắt sách “Creating Change – The Journey of Building Livable Communities in "
                "Southeast Asia”",
                "Creative Forum: launch of “Creating Change – The Journey of Building Livable Communities in Southeast "
                "Asia”",
            ),
            (
                "Ra mắt cuốn sách về hành trình xây dựng những cộng đồng đáng sống ở Đông Nam Á.",
                "Launch of a book on building livable communities in Southeast Asia.",
            ),
            (
                "Buổi ra mắt sách “Creating Change – The Journey of Building Livable Communities in Southeast Asia” là "
                "dịp trò chuyện về văn hóa đô thị và vai trò của cộng đồng trong việc làm cho thành phố đáng sống hơn.",
                "The launch of “Creating Change – The Journey of Building Livable Communities in Southeast Asia” is a "
                "chance to talk about urban culture and the part communities play in making cities more livable.",
            ),
            10,
            "15:00",
            "16:30",
            BAT_GIAC,
            ("Nhà Bát Giác", "The Octagonal House"),
            sectors=("architecture",),
            language=L.BOTH,
        ),
        SessionData(
            "khai-mac-trien-lam-chat-dia-phuong",
            S.EXHIBITION,
            ("Khai mạc triển lãm “Chất Địa Phương”", "Opening of the “Local Essence” exhibition"),
            (
                "89 tác phẩm minh họa về bản sắc địa phương của ba miền, chọn từ cuộc thi cùng tên.",
                "89 illustrations of local identity across Vietnam's three regions, chosen from the contest of the "
                "same name.",
            ),
            (
                "Triển lãm giới thiệu 89 tác phẩm của 98 tác giả, là những bài dự thi xuất sắc nhất của cuộc thi minh "
                "họa “Chất Địa Phương” phát động từ tháng 5/2025. Đơn vị tổ chức: UNESCO, Sở Văn hóa và Thể thao Hà "
                "Nội, Ban Quản lý hồ Hoàn Kiếm và phố cổ Hà Nội, TiredCity; với sự hỗ trợ của Tập đoàn SOVICO. Triển "
                "lãm mở cửa miễn phí đến hết ngày 18/01/2026.",
                "The exhibition shows 89 works by 98 artists, the best entries to the “Local Essence” illustration "
                "contest launched in May 2025. Organised by UNESCO, the Hanoi Department of Culture and Sports, the "
                "Hoàn Kiếm Lake and Hanoi Old Quarter Management Board and TiredCity, with support from SOVICO Group. "
                "Free entry until 18 January 2026.",
            ),
            10,
            "09:00",
            "10:00",
            HO_GUOM_CENTRE,
            ("Tầng 1", "First floor"),
            sectors=("fine-arts",),
            hosts=(U.TIREDCITY, U.LAKE_BOARD),
            language=L.BOTH,
            highlight=True,
            image="gallery",
        ),
        SessionData(
            "le-khai-mac-tu-hoi-sang-tao",
            S.CEREMONY,
            ("Lễ khai mạc Tụ hội sáng tạo", "Creative Gathering opening ceremony"),
            (
                "Chính thức khởi động hành trình đến Lễ hội Thiết kế Sáng tạo Hà Nội 2026, với chương trình nghệ thuật "
                "của Lên Ngàn.",
                "The official start of the journey to the Hanoi Creative Design Festival 2026, with an art programme "
                "by Lên Ngàn.",
            ),
            (
                "Lễ khai mạc chính thức khởi động Lễ hội Thiết kế Sáng tạo Hà Nội 2026 với chủ đề “Kinh tế sáng tạo”. "
                "Nền tảng văn hóa – nghệ thuật Lên Ngàn mang đến tiếng đàn tranh, đàn bầu và phần dàn dựng đương đại "
                "bức tranh Đông Hồ “Vinh Quy Bái Tổ”.\n\nPhát biểu: bà Vũ Thu Hà, Phó Chủ tịch UBND Thành phố Hà Nội; "
                "ông Jonathan Wallace Baker, Trưởng đại diện UNESCO tại Việt Nam.",
                "The opening ceremony officially launches the Hanoi Creative Design Festival 2026 and its theme, "
                "“Creative Economy”. The culture and arts platform Lên Ngàn presents đàn tranh and đàn bầu music and a "
                "contemporary staging of the Đông Hồ folk painting “Vinh Quy Bái Tổ”.\n\nSpeakers: Vũ Thu Hà, Vice "
                "Chair of the Hanoi People's Committee; Jonathan Wallace Baker, Head of the UNESCO Office in Viet Nam.",
            ),
            10,
            "19:30",
            "21:00",
            DONG_KINH,
            ("Sân khấu chính", "Main stage"),
            sectors=("performing-arts", "design"),
            speakers=(VU_THU_HA, JONATHAN_BAKER),
            hosts=(U.LEN_NGAN,),
            language=L.BOTH,
            highlight=True,
            image="square",
        ),
        SessionData(
            "ket-noi-giao-thuong-thu-cong-va-qua-tang-thiet-ke",
            S.NETWORKING,
            (
                "Kết nối giao thương: thủ công mỹ nghệ và quà tặng thiết kế",
                "Business meetings: handicrafts and design gifts",
            ),
            (
                "Gặp gỡ có hẹn trước giữa đơn vị sáng tạo và nhà bán lẻ, nhà phân phối, doanh nghiệp quà tặng.",
                "Pre-arranged meetings between creative units and retailers, distributors and corporate gift buyers.",
            ),
            (
                "Buổi kết nối dành cho người mua: mỗi cuộc gặp kéo dài khoảng 20 phút giữa một đơn vị có sản phẩm sẵn "
                "sàng thương mại và một nhà bán lẻ, nhà phân phối hoặc doanh nghiệp quà tặng. Người mua đăng ký trước "
                "và có thể gửi yêu cầu gặp từ trang của từng đơn vị.",
                "A session for buyers: meetings of about 20 minutes between a unit with market-ready products and a "
                "retailer, distributor or corporate gift buyer. Buyers register in advance and can request a meeting "
                "from each unit's page.",
            ),
            10,
            "14:00",
            "16:30",
            HO_GUOM_CENTRE,
            ("Phòng họp tầng trên cùng", "Top-floor meeting room"),
            sectors=("crafts", "design"),
            speakers=(trader,),
            capacity=40,
        ),
        SessionData(
            "hoa-tau-nhac-cu-dan-toc-tren-pho",
            S.PERFORMANCE,
            ("Hòa tấu nhạc cụ dân tộc trên phố", "Traditional instruments on the street"),
            (
                "Đàn tranh, đàn bầu, sáo trúc và trống trong những bản dân ca phối mới.",
                "Đàn tranh, đàn bầu, bamboo flute and drums in new arrangements of folk songs.",
            ),
            (
                "Một giờ hòa tấu ngoài trời trên sân khấu cộng đồng. Khán giả đứng xem tự do.",
                "An hour of open-air music on the community stage. Free to watch, standing.",
            ),
            10,
            "10:00",
            "11:00",
            DINH_TIEN_HOANG,
            ("Sân khấu cộng đồng, khu D", "Community stage, zone D"),
            sectors=("performing-arts",),
            hosts=(ensemble,),
            language=L.NONE,
        ),
        SessionData(
            "tranh-ghep-mosaic",
            S.WORKSHOP,
            ("Tranh ghép mosaic", "Mosaic pictures"),
            ("Ghép tranh từ những mảnh gốm và giấy màu.", "Make a picture from pieces of tile and coloured paper."),
            (
                "Mỗi người hoàn thành một bức tranh mosaic nhỏ về một góc Hồ Gươm, dùng mảnh gốm vỡ và giấy màu. Găng "
                "tay và dụng cụ được chuẩn bị sẵn.\n\nSố chỗ có hạn; vui lòng đăng ký trước.",
                "Each participant makes a small mosaic of a corner of Hoàn Kiếm Lake from broken tiles and coloured "
                "paper. Gloves and tools are provided.\n\nPlaces are limited; please register in advance.",
            ),
            10,
            "14:00",
            "15:30",
            DINH_TIEN_HOANG,
            ("Góc workshop, khu C", "Workshop corner, zone C"),
            sectors=("crafts", "fine-arts"),
            capacity=16,
        ),
        SessionData(
            "in-tranh-khac-go-mini",
            S.WORKSHOP,
            ("In tranh khắc gỗ mini", "Mini woodcut printing"),
            ("Khắc một bản gỗ nhỏ và in lên giấy dó.", "Carve a small woodblock and print it on dó paper."),
            (
                "Xưởng hướng dẫn cách chuyển hình vẽ lên bản gỗ, khắc và in tay lên giấy dó. Mỗi người mang về hai bản "
                "in.\n\nSố chỗ có hạn; vui lòng đăng ký trước.",
                "The studio shows how to transfer a drawing to a woodblock, carve it and print it by hand on dó paper. "
                "Everyone takes home two prints.\n\nPlaces are limited; please register in advance.",
            ),
            10,
            "16:00",
            "17:30",
            DINH_TIEN_HOANG,
            ("Góc workshop, khu C", "Workshop corner, zone C"),
            sectors=("fine-arts", "crafts"),
            hosts=(print_studio, paper),
            capacity=12,
        ),
        SessionData(
            "di-bo-kham-pha-hoi-cho-cung-huong-dan-vien",
            S.TOUR,
            ("Đi bộ khám phá hội chợ cùng hướng dẫn viên", "Guided walk through the fair"),
            (
                "Một vòng hội chợ có người dẫn, bằng tiếng Việt và tiếng Anh.",
                "A guided loop of the fair in Vietnamese and English.",
            ),
            (
                "Tình nguyện viên dẫn nhóm nhỏ đi qua năm khu của hội chợ, giới thiệu các đơn vị và những sản phẩm "
                "tiêu biểu. Điểm hẹn: đầu phố Đinh Tiên Hoàng, phía quảng trường Đông Kinh Nghĩa Thục.\n\nSố chỗ có "
                "hạn; vui lòng đăng ký trước.",
                "Volunteers lead small groups through the fair's five zones, introducing the units and some of their "
                "products. Meeting point: the Đông Kinh Nghĩa Thục Square end of Đinh Tiên Hoàng Street.\n\nPlaces "
                "are limited; please register in advance.",
            ),
            10,
            "15:00",
            "16:00",
            DINH_TIEN_HOANG,
            ("Điểm hẹn khu A", "Meeting point, zone A"),
            sectors=("tourism",),
            hosts=(guides,),
            language=L.BOTH,
            capacity=25,
        ),
        # Sunday 11 January
        SessionData(
            "toa-dam-tu-le-hoi-thuong-nien-den-he-sinh-thai-sang-tao-do-thi",
            S.FORUM,
            (
                "Tọa đàm “Từ lễ hội thường niên đến hệ sinh thái sáng tạo đô thị”",
                "Talk: “From an annual festival to an urban creative ecosystem”",
            ),
            (
                "Làm thế nào để một lễ hội mỗi năm một lần trở thành hệ sinh thái sáng tạo bền vững của thành phố?",
                "How can a once-a-year festival grow into a lasting creative ecosystem for the city?",
            ),
            (
                "Tọa đàm quy tụ đại diện chính quyền thành phố, ban tổ chức, nhà tài trợ, nghệ sĩ, doanh nghiệp, các "
                "nhóm cộng đồng, nhà nghiên cứu và cơ sở đào tạo. Bà Bùi Thị Thu Thủy, Phó Trưởng phòng Quản lý di "
                "sản, "
                "Sở Văn hóa và Thể thao Hà Nội, chia sẻ về vai trò then chốt của cộng đồng.",
                "The talk brings together city officials, organisers, sponsors, artists, businesses, community "
                "groups, researchers and training institutions. Bùi Thị Thu Thủy, Deputy Head of the Heritage "
                "Management Division at the Hanoi Department of Culture and Sports, speaks about the key role of the "
                "community.",
            ),
            11,
            "09:00",
            "11:00",
            BAT_GIAC,
            ("Nhà Bát Giác", "The Octagonal House"),
            sectors=("architecture", "tourism", "design"),
            speakers=(BUI_THI_THU_THUY,),
            highlight=True,
            image="pavilion",
        ),
        SessionData(
            "dien-dan-sang-tao-trung-tam-cong-nghiep-van-hoa",
            S.FORUM,
            (
                "Diễn đàn Sáng tạo: Trung tâm Công nghiệp văn hóa và những không gian sáng tạo tiềm năng",
                "Creative Forum: Cultural Industry Centres and potential creative spaces",
            ),
            (
                "Giới thiệu các Trung tâm Công nghiệp văn hóa thí điểm ở Đồng Xuân – Bắc Qua và Cửa Nam.",
                "An introduction to the pilot Cultural Industry Centres at Đồng Xuân – Bắc Qua and Cửa Nam.",
            ),
            (
                "Diễn đàn giới thiệu mô hình Trung tâm Công nghiệp văn hóa: trung tâm Đồng Xuân – Bắc Qua dự kiến hoạt "
                "động từ tháng 3/2026, trung tâm ở phường Cửa Nam dành cho các nhà sáng tạo quốc tế từ tháng 6/2026. "
                "Người tham dự cùng thảo luận cách các đơn vị sáng tạo có thể tham gia.",
                "The forum introduces the Cultural Industry Centre model: the Đồng Xuân – Bắc Qua centre is expected "
                "to open in March 2026, and a centre in Cửa Nam ward for international creators in June 2026. "
                "Participants discuss how creative units can take part.",
            ),
            11,
            "14:30",
            "16:30",
            BAT_GIAC,
            ("Nhà Bát Giác", "The Octagonal House"),
            sectors=("architecture", "design", "crafts"),
            speakers=(researcher, curator),
        ),
        SessionData(
            "ket-noi-giao-thuong-thoi-trang-thiet-ke-va-du-lich-van-hoa",
            S.NETWORKING,
            (
                "Kết nối giao thương: thời trang, thiết kế và du lịch văn hóa",
                "Business meetings: fashion, design and cultural tourism",
            ),
            (
                "Gặp gỡ có hẹn trước cho nhà bán lẻ, khách sạn, doanh nghiệp lữ hành và nhà nhập khẩu.",
                "Pre-arranged meetings for retailers, hotels, tour operators and importers.",
            ),
            (
                "Buổi kết nối giúp các thương hiệu thời trang, thiết kế và đơn vị du lịch văn hóa gặp khách sạn, doanh "
                "nghiệp lữ hành, nhà bán lẻ và nhà nhập khẩu. Có phiên dịch Việt – Anh.",
                "Fashion and design brands and cultural tourism providers meet hotels, tour operators, retailers and "
                "importers. Vietnamese–English interpreting is available.",
            ),
            11,
            "09:30",
            "11:30",
            HO_GUOM_CENTRE,
            ("Phòng họp tầng trên cùng", "Top-floor meeting room"),
            sectors=("fashion", "design", "tourism"),
            speakers=(trader,),
            language=L.BOTH,
            capacity=40,
        ),
        SessionData(
            "ket-noi-giao-thuong-am-thuc-va-qua-tet",
            S.NETWORKING,
            ("Kết nối giao thương: ẩm thực và quà Tết", "Business meetings: food and Tết gifts"),
            (
                "Nhà sản xuất trà, bánh, cà phê gặp doanh nghiệp quà tặng và nhà phân phối trước mùa Tết.",
                "Tea, cake and coffee makers meet gift companies and distributors ahead of Tết.",
            ),
            (
                "Ngay trước mùa quà Tết, buổi kết nối dành cho các đơn vị ẩm thực có sản phẩm đóng gói và những doanh "
                "nghiệp tìm quà tặng, nhà phân phối, chuỗi bán lẻ.",
                "Just before the Tết gift season, this session is for food producers with packaged products and for "
                "companies looking for gifts, distributors and retail chains.",
            ),
            11,
            "14:00",
            "16:00",
            HO_GUOM_CENTRE,
            ("Phòng họp tầng trên cùng", "Top-floor meeting room"),
            sectors=("cuisine",),
            hosts=(tea,),
            capacity=30,
        ),
        SessionData(
            "ve-tranh-ho-guom-cung-thieu-nhi",
            S.FAMILY,
            ("Vẽ tranh Hồ Gươm cùng thiếu nhi", "Drawing Hoàn Kiếm Lake with children"),
            (
                "Các em vẽ hồ Gươm và phố đi bộ theo cách của mình.",
                "Children draw the lake and the pedestrian zone in their own way.",
            ),
            (
                "Buổi vẽ ngoài trời bên hồ; giấy, bút màu và bảng kê được chuẩn bị sẵn. Tranh của các em được treo "
                "ngay tại góc thiếu nhi đến cuối ngày.\n\nSố chỗ có hạn; vui lòng đăng ký trước.",
                "An outdoor drawing session by the lake; paper, crayons and boards are provided. The children's "
                "drawings hang in the children's corner until the end of the day.\n\nPlaces are limited; please "
                "register in advance.",
            ),
            11,
            "14:00",
            "15:30",
            DINH_TIEN_HOANG,
            ("Góc thiếu nhi, khu E", "Children's corner, zone E"),
            sectors=("fine-arts",),
            capacity=30,
        ),
        SessionData(
            "mua-duong-pho-ben-ho",
            S.PERFORMANCE,
            ("Múa đường phố bên hồ", "Street dance by the lake"),
            (
                "Những tác phẩm múa đương đại ngắn lấy cảm hứng từ cử chỉ đời thường của phố cổ.",
                "Short contemporary dance pieces drawn from everyday gestures in the Old Quarter.",
            ),
            (
                "Ba tác phẩm múa ngắn diễn liên tiếp trên mặt phố, khán giả đứng quanh vòng tròn.",
                "Three short dance pieces performed one after another on the street, with the audience standing "
                "around in a circle.",
            ),
            11,
            "10:30",
            "11:15",
            DINH_TIEN_HOANG,
            ("Sân khấu cộng đồng, khu D", "Community stage, zone D"),
            sectors=("performing-arts",),
            hosts=(dance,),
            language=L.NONE,
        ),
        SessionData(
            "mua-roi-que-cho-thieu-nhi",
            S.FAMILY,
            ("Múa rối que cho thiếu nhi", "Rod puppets for children"),
            (
                "Một tích trò ngắn từ truyện cổ tích, sau đó các em được thử điều khiển con rối.",
                "A short fairy-tale show, after which children can try working the puppets.",
            ),
            (
                "Buổi diễn rối que khoảng 30 phút, tiếp theo là 15 phút để các em cầm thử con rối.",
                "A rod-puppet show of about 30 minutes, followed by 15 minutes for children to handle the puppets.",
            ),
            11,
            "15:30",
            "16:15",
            DINH_TIEN_HOANG,
            ("Góc thiếu nhi, khu E", "Children's corner, zone E"),
            sectors=("performing-arts",),
            hosts=(puppeteer,),
        ),
        SessionData(
            "tham-quan-trien-lam-chat-dia-phuong-co-huong-dan",
            S.TOUR,
            ("Tham quan triển lãm “Chất Địa Phương” có hướng dẫn", "Guided visit to “Local Essence”"),
            (
                "Đi một vòng triển lãm cùng người hướng dẫn, từ vùng cao đến miền sông nước.",
                "A guided walk through the exhibition, from the highlands to the delta.",
            ),
            (
                "Người hướng dẫn giới thiệu các nhóm chủ đề của triển lãm: chất liệu đời thường, trang phục truyền "
                "thống, phong tục, màu sắc lễ hội, nhà cửa làng quê và nhịp sống đô thị.\n\nSố chỗ có hạn; vui lòng "
                "đăng ký trước.",
                "The guide introduces the exhibition's themes: everyday materials, traditional dress, customs, the "
                "colours of festivals, village houses and the rhythm of the city.\n\nPlaces are limited; please "
                "register in advance.",
            ),
            11,
            "10:00",
            "11:00",
            HO_GUOM_CENTRE,
            ("Tầng 1 và tầng 2", "First and second floors"),
            sectors=("fine-arts",),
            speakers=(curator,),
            language=L.BOTH,
            capacity=25,
        ),
        SessionData(
            "chia-se-dua-gom-vao-doi-song-duong-dai",
            S.FORUM,
            ("Chia sẻ: Đưa gốm vào đời sống đương đại", "Talk: bringing ceramics into contemporary life"),
            (
                "Một nghệ nhân gốm kể về việc làm mới nghề truyền thống.",
                "A ceramic artist on renewing a traditional craft.",
            ),
            (
                "Buổi trò chuyện ngắn ngay tại hội chợ về dáng, men và cách đưa gốm thủ công đến với người dùng trẻ.",
                "A short conversation at the fair about shapes, glazes and bringing handmade ceramics to young buyers.",
            ),
            11,
            "16:00",
            "17:00",
            DINH_TIEN_HOANG,
            ("Góc chia sẻ, khu B", "Talk corner, zone B"),
            sectors=("crafts",),
            speakers=(potter,),
        ),
        SessionData(
            "dem-nhac-cong-dong-khep-lai-hai-ngay-hoi",
            S.PERFORMANCE,
            ("Đêm nhạc cộng đồng khép lại hai ngày hội", "Community concert to close the weekend"),
            (
                "Các nhóm nhạc trẻ cùng biểu diễn ở quảng trường trong đêm cuối.",
                "Young bands play together on the square on the last evening.",
            ),
            (
                "Đêm nhạc ngoài trời với nhạc cụ dân tộc và ca khúc về Hà Nội, khép lại hai ngày Tụ hội sáng tạo.",
                "An open-air concert of traditional instruments and songs about Hanoi to close the two days of the "
                "Creative Gathering.",
            ),
            11,
            "19:30",
            "21:00",
            DONG_KINH,
            ("Sân khấu chính", "Main stage"),
            sectors=("performing-arts",),
            hosts=(ensemble,),
            language=L.NONE,
            highlight=True,
        ),
        # Drafts: never shown on the site.
        SessionData(
            "workshop-lam-den-long-ban-nhap",
            S.WORKSHOP,
            ("Workshop làm đèn lồng (chưa xác nhận)", "Lantern-making workshop (not confirmed)"),
            ("Bản nháp, chưa công bố.", "Draft, not published."),
            ("Nội dung đang chờ đơn vị tổ chức xác nhận.", "Waiting for the host to confirm."),
            11,
            "09:00",
            "10:30",
            DINH_TIEN_HOANG,
            sectors=("crafts",),
            capacity=15,
            draft=True,
        ),
        SessionData(
            "toa-dam-du-kien-ve-kinh-te-dem-ban-nhap",
            S.FORUM,
            ("Tọa đàm dự kiến về kinh tế ban đêm (bản nháp)", "Planned talk on the night-time economy (draft)"),
            ("Bản nháp, chưa công bố.", "Draft, not published."),
            ("Chủ đề và diễn giả chưa được xác nhận.", "Topic and speakers not yet confirmed."),
            10,
            "17:00",
            "18:00",
            BAT_GIAC,
            draft=True,
        ),
    ]
    slugs = [s.slug for s in sessions]
    if len(slugs) != len(set(slugs)):
        raise ValueError("Duplicate session slugs in the demo programme.")
    return sessions


def all_sessions() -> list[SessionData]:
    return _sessions()
