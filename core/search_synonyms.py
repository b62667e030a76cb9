"""Words that mean the same thing to a visitor, in Vietnamese and English: a search for one also searches the others.

Kept small and in the code, like a glossary: each group names a craft, a material or a field of the programme. A
term written "ceramics|ceramic" is shown as its first form and also matches the others (plurals, -er nouns). A
name of `typed_only` searches its group when it is typed, but the group does not search it: a pottery village such
as Bát Tràng, or a phrase that holds a word of the group already ("gốm sứ" holds "gốm", so every text that says
"gốm sứ" is found by "gốm"; and "tranh thêu" is embroidery, not painting).

Matching is careful because a synonym is looked for as a whole word with its diacritics: "gốm" never finds "gồm"
(includes), "lụa" never finds "lúa" (rice). A query typed without diacritics ("gom", "son mai") still finds its
group, except the few words whose bare form is too common to mean anything (`NOT_WITHOUT_DIACRITICS`).

Left out on purpose: xưởng ↔ workshop. On this site "workshop" names the hands-on sessions (also on Vietnamese
pages: "Góc workshop"), while "xưởng" is a maker's place and "xưởng may" a garment factory; and every record is
indexed in both languages, so the unit "Xưởng giấy" is already found by "workshop" through "Paper Workshop".
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Group:
    vi: tuple[str, ...]
    en: tuple[str, ...]
    typed_only: tuple[str, ...] = ()
    # phrases in which a word of the group means something else: a synonym found only inside one of them is no match
    not_in: tuple[str, ...] = ()


GROUPS: tuple[Group, ...] = (
    Group(
        vi=("gốm",),
        en=("ceramics|ceramic", "pottery|potter|potters"),
        typed_only=("gốm sứ", "đồ gốm", "bát tràng", "chu đậu", "phù lãng"),  # the last three: pottery villages
    ),
    Group(vi=("sơn mài",), en=("lacquer|lacquerware|lacquered",)),
    Group(vi=("lụa",), en=("silk|silks",)),
    Group(
        vi=("tranh", "hội họa"),
        en=("painting|paintings",),
        not_in=("đàn tranh", "cạnh tranh", "chiến tranh", "đấu tranh", "tranh luận", "tranh thủ", "tranh chấp"),
    ),
    Group(vi=("thêu",), en=("embroidery|embroidered|embroiderer|embroiderers",), typed_only=("tranh thêu", "thêu tay")),
    Group(vi=("mây tre",), en=("rattan", "bamboo"), typed_only=("mây tre đan",)),
    Group(vi=("gỗ",), en=("wood|wooden|woodwork",), typed_only=("đồ gỗ",)),
    Group(vi=("giấy dó",), en=("dó paper",)),
    Group(vi=("thời trang",), en=("fashion",)),
    Group(vi=("trang sức",), en=("jewellery|jewelry|jeweller|jewellers|jeweler|jewelers",)),
    Group(vi=("thiết kế",), en=("design|designs|designer|designers",)),
    Group(vi=("kiến trúc",), en=("architecture|architect|architects|architectural",)),
    Group(vi=("âm nhạc",), en=("music|musician|musicians",)),
    Group(vi=("điện ảnh",), en=("film|films", "cinema")),
    Group(vi=("nhiếp ảnh",), en=("photography|photograph|photographs|photographer|photographers",)),
    Group(vi=("múa rối",), en=("puppetry|puppet|puppets",)),
    Group(vi=("ẩm thực",), en=("food", "cuisine")),
)

# Bare forms that are other words too: "go" is also "gò" (mound) and English "go".
NOT_WITHOUT_DIACRITICS = frozenset({"go"})
