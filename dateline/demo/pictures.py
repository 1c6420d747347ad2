"""The demo edition's lead images: abstract scenes drawn here with Pillow, one per section,
the same for the same seed, so a new site shows pictures, renditions, captions and credits
without anyone's photographs."""

from __future__ import annotations

import io
import math
import random
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, ImageDraw

SIZE = (1200, 675)  # 16:9; the newsroom makes the 480 and 800 px renditions from it
CREDIT = {"en": "Illustration: Dateline demo desk", "ru": "Иллюстрация: демо-редакция Dateline"}

Colour = tuple[int, int, int]


@dataclass(frozen=True)
class Picture:
    section: str
    scene: str
    palette: tuple[Colour, Colour, Colour]
    alt: dict[str, str]
    caption: dict[str, str]


PICTURES = [
    Picture("world", "skyline", ((244, 162, 97), (231, 111, 81), (38, 70, 83)),
            {"en": "A city skyline in silhouette against an orange evening sky",
             "ru": "Силуэт городских кварталов на фоне оранжевого вечернего неба"},
            {"en": "Evening falls over a harbour city.", "ru": "Вечер над портовым городом."}),
    Picture("russia", "skyline", ((168, 218, 220), (69, 123, 157), (29, 53, 87)),
            {"en": "Tower blocks and a church dome in silhouette against a pale winter sky",
             "ru": "Силуэты многоэтажек и купола церкви на фоне бледного зимнего неба"},
            {"en": "A winter morning in a northern city.", "ru": "Зимнее утро в северном городе."}),
    Picture("europe", "map", ((202, 240, 248), (144, 190, 109), (67, 170, 139)),
            {"en": "A stylised map of a coastline with green land and a blue sea",
             "ru": "Условная карта побережья: зелёная суша и синее море"},
            {"en": "Coasts and borders, drawn for the demo edition.",
             "ru": "Побережья и границы, нарисованные для демо-выпуска."}),
    Picture("asia", "skyline", ((255, 214, 165), (255, 173, 173), (93, 46, 70)),
            {"en": "Tall towers in silhouette against a pink dawn sky",
             "ru": "Силуэты высотных башен на фоне розового рассвета"},
            {"en": "Dawn over a city of towers.", "ru": "Рассвет над городом башен."}),
    Picture("economy", "chart", ((248, 249, 250), (42, 157, 143), (233, 196, 106)),
            {"en": "A bar chart whose bars rise from left to right, with a trend line above",
             "ru": "Столбчатая диаграмма, столбцы растут слева направо, над ними линия тренда"},
            {"en": "Figures of the quarter, charted.", "ru": "Итоги квартала в графике."}),
    Picture("technology", "circuit", ((13, 27, 42), (65, 90, 119), (119, 141, 169)),
            {"en": "A network of lit nodes joined by straight lines on a dark blue ground",
             "ru": "Сеть светящихся узлов, соединённых прямыми линиями, на тёмно-синем фоне"},
            {"en": "Machines talking to machines.", "ru": "Машины говорят с машинами."}),
    Picture("science", "map", ((224, 251, 252), (194, 223, 227), (92, 107, 115)),
            {"en": "Contour lines of an island seen from above, in grey and pale blue",
             "ru": "Горизонтали острова, вид сверху, в серых и бледно-голубых тонах"},
            {"en": "An island surveyed from the air.", "ru": "Остров, снятый с воздуха."}),
    Picture("defense", "map", ((233, 237, 201), (204, 213, 174), (107, 112, 92)),
            {"en": "A stylised map in olive tones with a border drawn across it",
             "ru": "Условная карта в оливковых тонах с линией границы"},
            {"en": "A border region, drawn for the demo edition.",
             "ru": "Приграничный район, нарисованный для демо-выпуска."}),
    Picture("sport", "track", ((193, 68, 14), (255, 255, 255), (46, 125, 50)),
            {"en": "The curving lanes of a red running track beside green grass",
             "ru": "Изгиб красных беговых дорожек рядом с зелёным газоном"},
            {"en": "The lanes of a stadium track.", "ru": "Дорожки стадиона."}),
    Picture("culture", "stage", ((122, 9, 26), (255, 236, 179), (20, 20, 20)),
            {"en": "A theatre stage with red curtains and a spotlight on the boards",
             "ru": "Театральная сцена с красным занавесом и лучом прожектора"},
            {"en": "The stage, before the curtain rises.",
             "ru": "Сцена перед поднятием занавеса."}),
]


def _mix(a: Colour, b: Colour, t: float) -> Colour:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))  # type: ignore


def _gradient(draw: ImageDraw.ImageDraw, top: Colour, bottom: Colour, height: int) -> None:
    for y in range(0, height, 3):
        draw.rectangle((0, y, SIZE[0], y + 3), fill=_mix(top, bottom, y / height))


def _skyline(draw: ImageDraw.ImageDraw, p: Picture, rng: random.Random) -> None:
    sky, glow, ink = p.palette
    w, h = SIZE
    _gradient(draw, sky, glow, h)
    sun = (w * 0.62, h * 0.25)
    draw.ellipse((*sun, sun[0] + 140, sun[1] + 140), fill=_mix(sky, (255, 255, 255), .5))
    for layer, shade in ((0.55, _mix(ink, glow, .45)), (0.35, ink)):
        x = -20
        while x < w:
            width, top = rng.randint(40, 110), h * layer + rng.randint(-60, 160)
            draw.rectangle((x, top, x + width, h), fill=shade)
            if rng.random() < 0.2:
                draw.ellipse((x + 5, top - width * 0.4, x + width - 5, top + width * 0.4),
                             fill=shade)
            x += width + rng.randint(0, 12)


def _map(draw: ImageDraw.ImageDraw, p: Picture, rng: random.Random) -> None:
    sea, land, ink = p.palette
    w, h = SIZE
    draw.rectangle((0, 0, w, h), fill=sea)
    cx, cy = w * rng.uniform(0.35, 0.6), h * rng.uniform(0.4, 0.6)
    radii = [rng.uniform(0.8, 1.2) for _ in range(36)]
    for ring in range(6):
        scale = 330 - ring * 52
        points = []
        for i, r in enumerate(radii):
            angle = i / len(radii) * math.tau
            points.append((cx + math.cos(angle) * scale * r * 1.5,
                           cy + math.sin(angle) * scale * r))
        draw.polygon(points, fill=_mix(land, ink, ring / 8), outline=ink)
    x = rng.randint(100, 300)
    draw.line([(x + i * 90, (i % 2) * 60 + 40 + i * 70) for i in range(9)], fill=ink, width=5)


def _chart(draw: ImageDraw.ImageDraw, p: Picture, rng: random.Random) -> None:
    paper, bar, line = p.palette
    w, h = SIZE
    draw.rectangle((0, 0, w, h), fill=paper)
    for y in range(100, h - 60, 90):
        draw.line((80, y, w - 60, y), fill=(210, 214, 218), width=2)
    value, tops = 180.0, []
    for i in range(12):
        value += rng.uniform(-15, 45)
        x = 110 + i * 88
        draw.rectangle((x, h - 60 - value, x + 56, h - 60), fill=bar)
        tops.append((x + 28, h - 100 - value))
    draw.line(tops, fill=line, width=8, joint="curve")


def _circuit(draw: ImageDraw.ImageDraw, p: Picture, rng: random.Random) -> None:
    ground, wire, light = p.palette
    w, h = SIZE
    draw.rectangle((0, 0, w, h), fill=ground)
    nodes = [(rng.randint(40, w - 40), rng.randint(40, h - 40)) for _ in range(40)]
    for a in nodes:
        b = min((n for n in nodes if n != a), key=lambda n: math.dist(n, a))
        draw.line((a, (b[0], a[1]), b), fill=wire, width=4)
    for x, y in nodes:
        draw.ellipse((x - 12, y - 12, x + 12, y + 12), fill=light, outline=(224, 225, 221), width=3)


def _track(draw: ImageDraw.ImageDraw, p: Picture, rng: random.Random) -> None:
    track, chalk, grass = p.palette
    w, h = SIZE
    draw.rectangle((0, 0, w, h), fill=grass)
    for lane in range(9):
        r = 900 + lane * 70
        draw.ellipse((w * 0.1 - r, h * 1.4 - r, w * 0.1 + r, h * 1.4 + r), outline=track, width=70)
    for lane in range(10):
        r = 865 + lane * 70
        draw.ellipse((w * 0.1 - r, h * 1.4 - r, w * 0.1 + r, h * 1.4 + r), outline=chalk, width=4)


def _stage(draw: ImageDraw.ImageDraw, p: Picture, rng: random.Random) -> None:
    curtain, light, dark = p.palette
    w, h = SIZE
    draw.rectangle((0, 0, w, h), fill=dark)
    draw.polygon([(w * 0.45, 0), (w * 0.55, 0), (w * 0.75, h * 0.8), (w * 0.25, h * 0.8)],
                 fill=_mix(dark, light, .35))
    draw.ellipse((w * 0.25, h * 0.72, w * 0.75, h * 0.88), fill=light)
    for side in (0, 1):
        for fold in range(8):
            x = fold * 34 if side == 0 else w - (fold + 1) * 34
            draw.rectangle((x, 0, x + 34, h), fill=_mix(curtain, dark, (fold % 2) * .35))
    draw.rectangle((0, 0, w, 70), fill=curtain)


SCENES: dict[str, Callable[[ImageDraw.ImageDraw, Picture, random.Random], None]] = {
    "skyline": _skyline, "map": _map, "chart": _chart, "circuit": _circuit, "track": _track,
    "stage": _stage,
}


def draw(picture: Picture, seed: int) -> bytes:
    """The picture as a PNG, the same bytes for the same seed."""
    image = Image.new("RGB", SIZE)
    rng = random.Random(f"{seed}-{picture.section}")
    SCENES[picture.scene](ImageDraw.Draw(image), picture, rng)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=False, compress_level=1)
    return out.getvalue()
