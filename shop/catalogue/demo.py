"""Demo catalogue: the QL Claw, its accessories and a bundle, with stock, USD prices and images.

``ensure_catalogue`` is idempotent: products are found by UPC and updated in place, and each
picture is drawn once per version of its drawing, so ``load_demo`` can run on every start. The
pictures are the shop's own vector drawings (``shop.illustrations.products``), drawn as PNGs
by Pillow: Oscar's thumbnailer makes the WebP and JPEG renditions from them.
"""

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.db import transaction
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model

from shop.illustrations.products import PRODUCT_DRAWINGS
from shop.illustrations.vector import Drawing, to_png, to_svg
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
            "<p>The QL Claw is a self-massage tool shaped to reach the muscles that send pain "
            "into the low back: the quadratus lumborum beside the spine, the gluteus medius and "
            "minimus on the side of the hip, the piriformis deep in the buttock, and the back "
            "muscles that tighten with a sore hip flexor.</p>"
            "<p>Its long ramp rests against the tailbone as a stable base, and its trigger, a "
            "firm rounded point with a silicone tip, presses into the muscle. Lie on it or lean "
            "back against a wall, let your body weight sink onto a tender spot and hold for "
            "thirty to sixty seconds while the tension lets go. Tilting your body moves the "
            "point of pressure without twisting your back.</p>"
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
    ),
)


# Oscar's ProductImage caption is the image's alt text, and holds up to 200 characters.
CAPTION_LENGTH = 200
PRODUCT_IMAGE_WIDTH = 1200


@cache
def _drawn_png(drawing: Drawing) -> bytes:
    """Drawing a picture takes about a second; a process draws each version once."""
    return to_png(drawing, width=PRODUCT_IMAGE_WIDTH)


def _image_stem(drawing: Drawing) -> str:
    """The file name of a drawing's picture: a new drawing gets a new name (and thumbnails)."""
    digest = hashlib.sha256(to_svg(drawing).encode()).hexdigest()[:10]
    return f"{drawing.key}-{digest}"


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


def _ensure_images(product: Product, demo: DemoProduct) -> None:
    """Give the product its drawings as images, first drawing first; leave other images alone.

    An image the demo drew (its file named after the product's UPC) whose drawing changed or
    is no longer wanted is deleted (Oscar removes the file and its thumbnails); one already
    current is kept, so a second run changes nothing. Images staff uploaded are not touched.
    """
    drawings = [make() for make in PRODUCT_DRAWINGS[demo.upc]]
    wanted = {_image_stem(drawing): drawing for drawing in drawings}
    prefix = demo.upc.lower()
    kept: dict[str, ProductImage] = {}
    for image in product.images.all():
        name = PurePosixPath(image.original.name).name
        stem = next((stem for stem in wanted if name.startswith(stem)), None)
        if stem and stem not in kept:
            kept[stem] = image
        elif name.startswith(prefix):
            image.delete()  # renumbers the images left
            for current in kept.values():
                current.refresh_from_db(fields=["display_order"])
    for order, (stem, drawing) in enumerate(wanted.items()):
        caption = drawing.description[:CAPTION_LENGTH]
        image = kept.get(stem)
        if image is None:
            image = ProductImage(product=product, caption=caption, display_order=order)
            image.original.save(f"{stem}.png", ContentFile(_drawn_png(drawing)), save=False)
            image.save()
        elif _assign(image, {"caption": caption, "display_order": order}):
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
        _ensure_images(product, demo)
        products[demo.upc] = product
    return products[QL_CLAW_UPC]
