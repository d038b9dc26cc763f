"""Demo catalogue: the QL Claw, its accessories and a bundle, with stock, USD prices and images.

``ensure_catalogue`` is idempotent: products are found by UPC and updated in place, images are
drawn only for products that have none, so ``load_demo`` can run on every start. The images are
drawn here with Pillow (simple flat illustrations), so the shop ships no picture taken from
elsewhere.
"""

import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model
from PIL import Image, ImageDraw

from shop.shipping.weights import WEIGHT_ATTRIBUTE_CODE, WEIGHT_ATTRIBUTE_NAME

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductAttribute = get_model("catalogue", "ProductAttribute")
ProductImage = get_model("catalogue", "ProductImage")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")

# Other apps find the main product by this UPC (the article "release it" panel, the guarantee).
QL_CLAW_UPC = "QL-CLAW"
PARTNER_CODE = "qlclaw"

# Attributes every physical product of the shop describes on its product page.
SPECIFICATION_ATTRIBUTES: tuple[tuple[str, str, str], ...] = (
    ("dimensions", "Dimensions", ProductAttribute.TEXT),
    (WEIGHT_ATTRIBUTE_CODE, WEIGHT_ATTRIBUTE_NAME, ProductAttribute.FLOAT),
    ("material", "Material", ProductAttribute.TEXT),
    ("colour", "Colour", ProductAttribute.TEXT),
)


@dataclass(frozen=True)
class DemoProduct:
    upc: str
    title: str
    product_class: str
    category: str
    price: Decimal
    stock: int
    description: str
    # Weight in kilograms (shop/shipping/weights.py), packed as it ships.
    attributes: dict = field(default_factory=dict)
    colour: tuple[int, int, int] = (31, 94, 120)
    priority: int = 0


DEMO_PRODUCTS: tuple[DemoProduct, ...] = (
    DemoProduct(
        upc=QL_CLAW_UPC,
        title="QL Claw",
        product_class="Massage tool",
        category="Tools",
        price=Decimal("49.00"),
        stock=120,
        priority=100,
        description=(
            "<p>The QL Claw is a hooked, two-pronged self-massage tool shaped to reach the "
            "muscles that send pain into the low back: the quadratus lumborum beside the spine, "
            "the gluteus medius and minimus on the side of the hip, the piriformis deep in the "
            "buttock and the iliopsoas in front of the hip.</p>"
            "<p>Lie on it or lean into a wall, let your body weight sink onto a tender spot and "
            "hold for thirty to sixty seconds while the tension lets go. The long handle lets "
            "you steer the pressure without twisting your back.</p>"
        ),
        attributes={
            "dimensions": "32 x 14 x 9 cm",
            "weight": 0.41,
            "material": "Glass-fibre reinforced nylon, silicone tips",
            "colour": "Slate blue",
        },
    ),
    DemoProduct(
        upc="QL-BALLS",
        title="Massage ball pair",
        product_class="Accessory",
        category="Accessories",
        price=Decimal("14.00"),
        stock=3,
        priority=50,
        description=(
            "<p>Two firm rubber balls, 6 cm across, for the small trigger points the Claw's "
            "prongs are too wide for: the top of the shoulder, the sole of the foot, the "
            "forearm. Joined by a cotton sleeve, they also straddle the spine safely.</p>"
        ),
        attributes={
            "dimensions": "2 x 6 cm diameter",
            "weight": 0.18,
            "material": "Natural rubber, cotton sleeve",
            "colour": "Orange",
        },
        colour=(196, 84, 24),
    ),
    DemoProduct(
        upc="QL-POUCH",
        title="Travel pouch",
        product_class="Accessory",
        category="Accessories",
        price=Decimal("12.00"),
        stock=60,
        priority=40,
        description=(
            "<p>A padded, water-resistant pouch that holds the QL Claw and a pair of massage "
            "balls, so the tool comes along to the office, the gym and long flights.</p>"
        ),
        attributes={
            "dimensions": "35 x 18 x 10 cm",
            "weight": 0.15,
            "material": "Recycled polyester, zip closure",
            "colour": "Charcoal",
        },
        colour=(60, 64, 72),
    ),
    DemoProduct(
        upc="QL-CHART",
        title="Trigger point wall chart",
        product_class="Accessory",
        category="Accessories",
        price=Decimal("9.00"),
        stock=0,
        priority=30,
        description=(
            "<p>A large printed chart of the low-back and hip muscles, their trigger points and "
            "the areas each one refers pain to, with the library's article for each muscle a "
            "scan away.</p>"
        ),
        attributes={
            "dimensions": "60 x 84 cm",
            "weight": 0.12,
            "material": "Matt 200 g paper",
            "colour": "Full colour",
        },
        colour=(120, 60, 140),
    ),
    DemoProduct(
        upc="QL-KIT",
        title="QL Claw complete kit",
        product_class="Bundle",
        category="Bundles",
        price=Decimal("69.00"),
        stock=40,
        priority=90,
        description=(
            "<p>Everything for a full low-back routine, for less than buying each piece: the QL "
            "Claw, a pair of massage balls and the travel pouch to carry them.</p>"
        ),
        attributes={
            "dimensions": "35 x 18 x 10 cm (packed)",
            "weight": 0.74,
            "material": "See each item",
            "colour": "Slate blue, orange, charcoal",
        },
        colour=(24, 110, 80),
    ),
)


def draw_product_image(*, title: str, colour: tuple[int, int, int], size: int = 1200) -> bytes:
    """Draw a flat illustration of a product (a claw-like hook on a tinted card) as a PNG."""
    background = tuple(240 - (240 - c) // 6 for c in colour)
    image = Image.new("RGB", (size, size), background)
    draw = ImageDraw.Draw(image)
    unit = size // 12
    # Handle: a thick rounded bar from the lower left towards the centre.
    draw.rounded_rectangle(
        (2 * unit, 7 * unit, 8 * unit, 8 * unit + unit // 2), radius=unit, fill=colour
    )
    # Hook: two prongs curving up from the end of the handle.
    draw.arc((6 * unit, 3 * unit, 10 * unit, 9 * unit), start=270, end=90, fill=colour, width=unit)
    for x in (6 * unit + unit // 2, 8 * unit + unit // 2):
        draw.ellipse((x, 2 * unit + unit // 2, x + unit, 3 * unit + unit // 2), fill=colour)
    # A small mark per product so each image differs.
    initial = sum(title.encode()) % 5
    for step in range(initial + 1):
        offset = 2 * unit + step * unit
        draw.ellipse((offset, 10 * unit, offset + unit // 2, 10 * unit + unit // 2), fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _ensure_product_classes() -> dict[str, ProductClass]:
    classes = {}
    for name in {demo.product_class for demo in DEMO_PRODUCTS}:
        product_class, _ = ProductClass.objects.get_or_create(
            name=name, defaults={"requires_shipping": True, "track_stock": True}
        )
        for code, label, kind in SPECIFICATION_ATTRIBUTES:
            ProductAttribute.objects.update_or_create(
                product_class=product_class, code=code, defaults={"name": label, "type": kind}
            )
        classes[name] = product_class
    return classes


def _ensure_image(product: Product, demo: DemoProduct) -> None:
    if product.images.exists():
        return
    png = draw_product_image(title=demo.title, colour=demo.colour)
    image = ProductImage(product=product, caption=demo.title, display_order=0)
    image.original.save(f"{demo.upc.lower()}.png", ContentFile(png), save=False)
    image.save()


def _assign(instance, values: dict) -> bool:
    """Set the values that differ; return whether the instance needs saving.

    Saving only what changed keeps ``date_updated`` (auto_now) still, so a second run of
    ``load_demo`` leaves every row as it was.
    """
    changed = instance.pk is None
    for name, value in values.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed = True
    return changed


@transaction.atomic
def ensure_catalogue() -> Product:
    """Create or refresh the demo catalogue; return the QL Claw."""
    classes = _ensure_product_classes()
    partner, _ = Partner.objects.get_or_create(code=PARTNER_CODE, defaults={"name": "QL Claw"})
    products = {}
    for demo in DEMO_PRODUCTS:
        product = Product.objects.filter(upc=demo.upc).first() or Product(upc=demo.upc)
        changed = _assign(
            product,
            {
                "title": demo.title,
                "product_class": classes[demo.product_class],
                "description": demo.description,
                "priority": demo.priority,
                "is_public": True,
                "structure": Product.STANDALONE,
            },
        )
        for code, value in demo.attributes.items():
            if getattr(product.attr, code, None) != value:
                setattr(product.attr, code, value)
                changed = True
        if changed:
            product.save()
        product.categories.set([create_from_breadcrumbs(demo.category)])
        stockrecord = StockRecord.objects.filter(product=product, partner=partner).first()
        stockrecord = stockrecord or StockRecord(product=product, partner=partner)
        if _assign(
            stockrecord,
            {
                "partner_sku": demo.upc,
                "price_currency": "USD",
                "price": demo.price,
                "num_in_stock": demo.stock,
            },
        ):
            stockrecord.save()
        _ensure_image(product, demo)
        products[demo.upc] = product
    return products[QL_CLAW_UPC]
