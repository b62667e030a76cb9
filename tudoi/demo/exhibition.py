"""The "Chất Địa Phương" / "Local Essence" exhibition: its record from the event facts (§4), and a catalogue of 89
fictional works by fictional artists, each with an abstract demo picture drawn from its title's colours and its
medium (never a scene that could pass for the work).

The real show had 89 works by 98 artists; the names of those artists and works were not found, so none is used.
"""

import functools
import random
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from core.text import slugify_vi
from exhibitions.models import Region, Technique

from .images import ArtworkPlan, plan_artwork
from .names import ARTIST_PEOPLE

Text = tuple[str, str]

SLUG = "chat-dia-phuong"
TITLE = ("Chất Địa Phương", "Local Essence")
SUBTITLE = (
    "Triển lãm tranh minh họa về bản sắc địa phương ba miền",
    "An exhibition of illustrations on local identity across Vietnam's three regions",
)
STARTS_ON = date(2026, 1, 10)
ENDS_ON = date(2026, 1, 18)
# The source prints the Friday–Sunday afternoon as "10:30 PM – 09 PM": only the hours it states clearly are given.
HOURS = (
    "Thứ Hai – Thứ Năm: 08:00–12:00 và 13:30–17:00\nThứ Sáu – Chủ nhật: 08:00–12:00; giờ mở cửa buổi chiều và tối "
    "chưa được xác nhận, vui lòng hỏi ban tổ chức trước khi đến.",
    "Monday – Thursday: 08:00–12:00 and 13:30–17:00\nFriday – Sunday: 08:00–12:00; the afternoon and evening hours "
    "are not confirmed, so please ask the organisers before you go.",
)
ORGANISERS = (
    "UNESCO; Sở Văn hóa và Thể thao Hà Nội; Ban Quản lý hồ Hoàn Kiếm và phố cổ Hà Nội; TiredCity (doanh nghiệp văn "
    "hóa – sáng tạo)",
    "UNESCO; Hanoi Department of Culture and Sports; Hoàn Kiếm Lake and Hanoi Old Quarter Management Board; "
    "TiredCity (cultural and creative enterprise)",
)
SUPPORTERS = ("Tập đoàn SOVICO", "SOVICO Group")
DESCRIPTION = (
    "Có những điều làm nên một vùng đất mà người ở đó ít khi để ý: màu vải phơi trước hiên, dáng chiếc nón, mùi "
    "khói bếp chiều, tiếng rao đầu ngõ. “Chất Địa Phương” mời các họa sĩ minh họa đi tìm những điều ấy.\n\n"
    "Triển lãm tập hợp 89 tác phẩm của 98 tác giả, chọn từ cuộc thi minh họa cùng tên phát động tháng 5/2025. Đi "
    "từ núi cao xuống đồng bằng, ra biển và theo những dòng sông, các tác phẩm kể về chất liệu đời thường, trang "
    "phục truyền thống, phong tục, màu sắc lễ hội, nếp nhà làng quê và cả nhịp sống của những đô thị hôm nay: một "
    "phiên chợ vùng cao, vẻ trầm mặc của Huế, một buổi sáng trên chợ nổi miền Tây. Một số tác phẩm mời người xem "
    "chạm, xoay hoặc tự sắp đặt.\n\n"
    "Những tác phẩm có thể vẽ tay rồi scan hoặc vẽ hoàn toàn trên máy, nhưng đều do con người làm ra: cuộc thi không "
    "nhận tác phẩm có sự hỗ trợ của trí tuệ nhân tạo.\n\n"
    "Lưu ý về bản demo: tên tác giả, tên tác phẩm và hình ảnh trong danh mục dưới đây đều là nội dung minh họa được "
    "tạo tự động, không phải tác phẩm thật của triển lãm.",
    "Some of what makes a place its own goes almost unnoticed by the people who live there: the colour of cloth "
    "drying on a porch, the shape of a hat, the smell of kitchen smoke at dusk, a street vendor's call at the end of "
    "the lane. “Local Essence” asked illustrators to look for those things.\n\n"
    "The exhibition brings together 89 works by 98 artists, selected from the illustration contest of the same name "
    "launched in May 2025. Moving from the mountains to the plains, out to the sea and along the rivers, the works "
    "speak of everyday materials, traditional dress, customs, the colours of festivals, village houses and the "
    "rhythm of today's cities: a highland market, the quiet of Huế, a morning on a floating market in the Mekong "
    "Delta. Some works invite visitors to touch, turn or arrange them.\n\n"
    "Works may be drawn by hand and scanned or made entirely on screen, but all are made by people: the contest did "
    "not accept AI-assisted entries.\n\n"
    "A note on this demo: the artists' names, titles and pictures in the catalogue below are generated "
    "placeholders, not the real works in the exhibition.",
)

# fmt: off
TITLES: dict[str, tuple[Text, ...]] = {
    Region.NORTH: (
        ("Phiên chợ Tết làng", "Village market before Tết"), ("Mùa gặt bên đê", "Harvest by the dyke"),
        ("Áo tứ thân ngày hội", "Four-panel dress on festival day"),
        ("Tranh Đông Hồ bên bếp lửa", "Đông Hồ prints by the hearth"), ("Hội vật làng", "Village wrestling"),
        ("Quan họ trên thuyền", "Quan họ singing on the boat"), ("Cổng làng lúc chiều", "Village gate at dusk"),
        ("Ao sen đầu hạ", "Lotus pond in early summer"), ("Bánh chưng đêm ba mươi", "Bánh chưng on New Year's Eve"),
        ("Con trâu và cánh diều", "The buffalo and the kite"), ("Chiếu cói phơi nắng", "Sedge mats in the sun"),
        ("Đình làng mùa lễ", "The communal house in festival season"), ("Nón quai thao", "Quai thao hats"),
        ("Lò gốm ven sông", "Riverside kiln"), ("Múa rối nước ao làng", "Water puppets on the village pond"),
        ("Vại tương, chum nước", "Soy-sauce jars and water urns"), ("Gánh hàng hoa", "A flower seller's baskets"),
        ("Giếng làng buổi sớm", "The village well at dawn"), ("Đồng lúa con gái", "Young rice fields"),
        ("Trống hội", "Festival drums"),
    ),
    Region.HIGHLANDS: (
        ("Chợ phiên vùng cao", "Highland market day"),
        ("Ruộng bậc thang mùa nước đổ", "Terraced fields in the flooding season"),
        ("Váy xòe hoa văn", "Patterned pleated skirts"), ("Nhà sàn bên suối", "Stilt house by the stream"),
        ("Khèn trên đỉnh đèo", "Khèn pipes on the mountain pass"),
        ("Hoa mận tháng Giêng", "Plum blossom in the first lunar month"),
        ("Nhà rông giữa buôn", "The rông house in the village centre"),
        ("Cồng chiêng đêm lửa", "Gongs around the night fire"), ("Gùi ngô về bản", "Carrying maize home"),
        ("Dệt thổ cẩm", "Weaving brocade"), ("Mùa hoa tam giác mạch", "Buckwheat flower season"),
        ("Sương sớm trên nương", "Morning mist over the hill fields"),
        ("Bếp lửa nhà trình tường", "Hearth in a rammed-earth house"), ("Cà phê đất đỏ", "Coffee on red earth"),
        ("Thác nước rừng già", "Waterfall in the old forest"), ("Tiếng đàn môi", "The sound of the jaw harp"),
        ("Vòng xòe", "The xòe circle dance"), ("Ngựa thồ qua bản", "Pack horses through the village"),
    ),
    Region.CENTRAL: (
        ("Nón lá Huế", "Huế conical hats"), ("Sông Hương chiều tím", "The Perfume River at violet dusk"),
        ("Hội An đêm rằm", "Hội An on a full-moon night"), ("Làng chài ven biển", "Coastal fishing village"),
        ("Thuyền thúng", "Basket boats"), ("Áo dài tím", "Violet áo dài"),
        ("Mái ngói thành cổ", "Citadel roof tiles"), ("Ruộng muối", "Salt fields"),
        ("Bài chòi ngày Tết", "Bài chòi at Tết"), ("Đèn lồng phố Hội", "Lanterns of Hội An"),
        ("Gió Lào trên cát", "The Lào wind over the dunes"), ("Chùa trên đồi", "Pagoda on the hill"),
        ("Bữa cơm cung đình", "A royal-style meal"), ("Đầm phá lúc bình minh", "Lagoon at sunrise"),
        ("Nước mắm nhà làng", "Village fish sauce"), ("Cầu gỗ qua phá", "Wooden bridge over the lagoon"),
        ("Lễ hội cầu ngư", "The fishermen's whale festival"), ("Đồi cát trắng", "White sand dunes"),
    ),
    Region.SOUTH: (
        ("Chợ nổi lúc rạng đông", "Floating market at daybreak"), ("Vườn trái cây miệt vườn", "Delta orchards"),
        ("Áo bà ba", "Áo bà ba blouses"), ("Đờn ca tài tử", "Đờn ca tài tử music"),
        ("Xuồng ba lá", "Three-plank boats"), ("Rặng dừa nước", "Nipa palm banks"), ("Cầu khỉ", "Monkey bridge"),
        ("Mùa nước nổi", "Flood season"), ("Bánh xèo bếp quê", "Bánh xèo in a country kitchen"),
        ("Ghe hàng chở bí", "A boat loaded with pumpkins"), ("Khăn rằn", "Checked khăn rằn scarves"),
        ("Chợ Tết ven kênh", "Tết market by the canal"), ("Sen Đồng Tháp", "Đồng Tháp lotus"),
        ("Ruộng lúa chín vàng", "Ripe golden rice"), ("Nhà cổ Nam Bộ", "An old southern house"),
        ("Hoàng hôn trên sông Tiền", "Sunset on the Tiền River"), ("Lò bánh tráng", "Rice-paper makers"),
    ),
    Region.CITY: (
        ("Phố cổ sáng Chủ nhật", "The Old Quarter on a Sunday morning"), ("Cà phê vỉa hè", "Pavement coffee"),
        ("Cầu Long Biên", "Long Biên Bridge"), ("Tàu qua phố", "Train through the street"), ("Nhà ống", "Tube houses"),
        ("Hàng rong xe đạp", "Bicycle vendors"), ("Khu tập thể cũ", "Old apartment blocks"),
        ("Ban công hoa giấy", "Bougainvillea balconies"), ("Đèn đường mùa đông", "Streetlights in winter"),
        ("Phố đi bộ cuối tuần", "The weekend pedestrian street"), ("Xe máy giờ tan tầm", "Motorbikes at rush hour"),
        ("Mái tôn và chim bồ câu", "Tin roofs and pigeons"), ("Chợ đêm", "Night market"),
        ("Bến xe buýt", "Bus stop"), ("Sân thượng ngắm trăng", "Rooftop moon-watching"),
        ("Hồ Gươm mùa thu", "Hoàn Kiếm Lake in autumn"),
    ),
}
# fmt: on

REGION_PHRASES = {
    Region.NORTH: ("làng quê đồng bằng Bắc Bộ", "village life in the Red River Delta"),
    Region.HIGHLANDS: ("đời sống vùng cao", "life in the highlands"),
    Region.CENTRAL: (
        "miền Trung, từ cố đô Huế đến những làng chài ven biển",
        "central Vietnam, from the old capital Huế to its fishing villages",
    ),
    Region.SOUTH: ("miền sông nước Nam Bộ", "the waterways of the Mekong Delta"),
    Region.CITY: ("nhịp sống đô thị hôm nay", "the rhythm of city life today"),
}
INTENTS = (
    (
        "Tác giả muốn giữ lại những chi tiết nhỏ của đời thường đang dần thay đổi.",
        "The artist wanted to hold on to small everyday details that are slowly changing.",
    ),
    ("Bảng màu được chọn từ trí nhớ hơn là từ ảnh chụp.", "The colours come from memory rather than photographs."),
    (
        "Tác giả giản lược hình khối để người xem tự điền vào câu chuyện của mình.",
        "The artist simplified the shapes so that viewers can fill in their own story.",
    ),
    ("Tác phẩm bắt đầu từ một chuyến đi và một cuốn sổ ký họa.", "The work began with a journey and a sketchbook."),
    (
        "Tác giả đặt cảnh vật lên trước, con người chỉ hiện ra qua dấu vết họ để lại.",
        "The artist puts the place first; people appear only through the traces they leave.",
    ),
    (
        "Những mảng màu lớn được xếp lớp như trong tranh khắc gỗ dân gian.",
        "Broad areas of colour are layered as in folk woodblock prints.",
    ),
)
MEDIA = {
    Technique.DIGITAL: (
        ("Minh họa kỹ thuật số, in giclée trên giấy mỹ thuật", "Digital illustration, giclée print on fine-art paper"),
        ("Minh họa kỹ thuật số, in trên giấy dó", "Digital illustration, printed on dó paper"),
    ),
    Technique.HAND: (
        ("Màu nước và mực trên giấy", "Watercolour and ink on paper"),
        ("Bột màu trên giấy dó", "Gouache on dó paper"),
        ("Acrylic trên toan", "Acrylic on canvas"),
    ),
    Technique.MIXED: (
        ("Cắt dán giấy và màu nước", "Paper collage and watercolour"),
        ("Vẽ tay và chỉnh sửa kỹ thuật số, in giclée", "Hand drawing finished digitally, giclée print"),
    ),
}
CITIES = (
    ("Hà Nội", "Hanoi"),
    ("TP. Hồ Chí Minh", "Ho Chi Minh City"),
    ("Huế", "Hue"),
    ("Đà Nẵng", "Da Nang"),
    ("Hải Phòng", "Hai Phong"),
    ("Cần Thơ", "Can Tho"),
    ("Đà Lạt", "Da Lat"),
    ("Nha Trang", "Nha Trang"),
    ("Quy Nhơn", "Quy Nhon"),
    ("Vinh", "Vinh"),
    ("Thái Nguyên", "Thai Nguyen"),
    ("Buôn Ma Thuột", "Buon Ma Thuot"),
)
TOPICS = (
    ("vẽ về chợ quê và những người bán hàng", "draws country markets and the people who work in them"),
    ("thích vẽ nhà cửa và mái ngói", "likes drawing houses and roofs"),
    ("làm sách tranh cho thiếu nhi", "makes picture books for children"),
    ("minh họa cho báo và tạp chí", "illustrates for newspapers and magazines"),
    ("vẽ ký họa trên đường đi", "sketches while travelling"),
    ("quan tâm đến hoa văn và trang phục truyền thống", "is interested in traditional patterns and dress"),
    ("vẽ phong cảnh sông nước", "paints river landscapes"),
    ("thiết kế nhân vật cho trò chơi", "designs characters for games"),
)
FICTIONAL_ARTIST = ("Tác giả hư cấu, chỉ dùng cho nội dung minh họa.", "A fictional artist, for demonstration only.")
RIGHTS = (
    "Bản quyền thuộc về tác giả. Không sao chép hoặc sử dụng lại khi chưa được phép.",
    "Copyright the artist. Do not copy or reuse without permission.",
)
ARTIST_COUNT = 80
# The credit of every demo picture, shown under the work and on its card.
DEMO_CREDIT = ("Minh họa demo, không phải ảnh tác phẩm", "Demo illustration, not a photograph of the work")


@dataclass(frozen=True)
class ArtistData:
    slug: str
    name: str
    bio: Text
    city: Text
    birth_year: int


@dataclass(frozen=True)
class ArtworkData:
    number: int
    slug: str
    title: Text
    artists: tuple[str, ...]
    region: str
    technique: str
    medium: Text
    width_cm: Decimal
    height_cm: Decimal
    caption: Text
    description: Text
    alt_text: Text
    long_description: Text
    credit: Text
    plan: ArtworkPlan


@functools.cache
def artists() -> tuple[ArtistData, ...]:
    rng = random.Random(2026_01_10)
    result = []
    for name in ARTIST_PEOPLE[:ARTIST_COUNT]:
        city = rng.choice(CITIES)
        topic = rng.choice(TOPICS)
        result.append(
            ArtistData(
                slugify_vi(name),
                name,
                (
                    f"{name} là họa sĩ minh họa sống và làm việc tại {city[0]}, {topic[0]}. {FICTIONAL_ARTIST[0]}",
                    f"{name} is an illustrator based in {city[1]} who {topic[1]}. {FICTIONAL_ARTIST[1]}",
                ),
                city,
                rng.randint(1988, 2005),
            )
        )
    return tuple(result)


def _join(names: list[str], lang: str) -> str:
    return names[0] if len(names) == 1 else f"{names[0]} {'và' if lang == 'vi' else 'and'} {names[1]}"


@functools.cache
def artworks() -> tuple[ArtworkData, ...]:
    rng = random.Random(2026_01_18)
    people = [a.name for a in artists()]
    # 89 works by 80 artists; nine works are collaborations, as the real show had more artists than works.
    firsts = people + rng.sample(people, 9)
    collaborations = set(rng.sample(range(1, 90), 9))
    works = []
    number = 0
    for region, titles in TITLES.items():
        phrase_vi, phrase_en = REGION_PHRASES[region]
        for title_vi, title_en in titles:
            number += 1
            names = [firsts[number - 1]]
            if number in collaborations:
                names.append(rng.choice([p for p in people if p != names[0]]))
            technique = (Technique.DIGITAL, Technique.HAND, Technique.MIXED)[rng.choice((0, 0, 1, 1, 2))]
            medium = rng.choice(MEDIA[technique])
            width = rng.choice((40, 42, 48, 50, 60))
            height = Decimal(width * 5) / 4
            intent_vi, intent_en = rng.choice(INTENTS)
            by_vi, by_en = _join(names, "vi"), _join(names, "en")
            # The first work of each region is drawn large enough for the 2,400-pixel zoom; the others stay
            # small, so that the demo loads quickly (see tudoi/demo/images.py).
            large = (title_vi, title_en) == titles[0]
            plan = plan_artwork(number, (title_vi, title_en), region, medium, technique, large=large)
            works.append(
                ArtworkData(
                    number=number,
                    slug=slugify_vi(title_vi),
                    title=(title_vi, title_en),
                    artists=tuple(slugify_vi(n) for n in names),
                    region=region,
                    technique=technique,
                    medium=medium,
                    width_cm=Decimal(width).quantize(Decimal("0.1")),
                    height_cm=height.quantize(Decimal("0.1")),
                    caption=(f"{title_vi}. {by_vi}, 2025. {medium[0]}.", f"{title_en}. {by_en}, 2025. {medium[1]}."),
                    description=(
                        f"“{title_vi}” lấy cảm hứng từ {phrase_vi}. {intent_vi} "
                        "Tác phẩm và tác giả đều hư cấu; hình ảnh được tạo tự động cho bản demo.",
                        f"“{title_en}” is inspired by {phrase_en}. {intent_en} "
                        "Both the work and the artist are fictional; the picture was generated for the demo.",
                    ),
                    alt_text=(plan.alt_vi, plan.alt_en),
                    long_description=(plan.long_vi, plan.long_en),
                    credit=DEMO_CREDIT,
                    plan=plan,
                )
            )
    slugs = {w.slug for w in works}
    if len(works) != 89 or len(slugs) != 89:
        raise ValueError("The demo catalogue must have 89 works with distinct slugs.")
    return tuple(works)
