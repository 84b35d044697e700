"""The Demo Store's catalogue: 40 products in three variants each, 120 SKUs.

A home, kitchen, outdoor and pet brand. Each product belongs to a category
(which picks the wording of reviews and questions), is sold either FBA (AFN)
or seller-fulfilled (MFN), and some carry a return problem so the returns page
has SKUs with clearly elevated return rates.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

BRAND = "Harbor Lane"
_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


@dataclass(frozen=True, slots=True)
class Product:
    code: str
    name: str  # as buyers say it: "insulated water bottle"
    title: str  # the listing title without the variant
    category: str
    price: Decimal
    step: Decimal  # price difference between consecutive variants
    variants: tuple[tuple[str, str], ...]  # (sku suffix, label)
    channel: str  # AFN or MFN
    # Return problem: (return probability per unit, reason codes it shows up with).
    return_problem: tuple[float, tuple[str, ...]] | None = None


@dataclass(frozen=True, slots=True)
class Sku:
    sku: str
    asin: str
    product: Product
    variant: str
    price: Decimal

    @property
    def title(self) -> str:
        return f"{BRAND} {self.product.title}, {self.variant}"

    @property
    def display(self) -> str:
        """How a reply names the item: short, with the variant."""
        return f"{self.product.title.split(',')[0]} ({self.variant})"


def _p(
    code: str,
    name: str,
    title: str,
    category: str,
    price: str,
    variants: str,
    channel: str,
    step: str = "0",
    problem: tuple[float, tuple[str, ...]] | None = None,
) -> Product:
    pairs = tuple(
        (label.split("=")[0].strip(), label.split("=")[1].strip()) for label in variants.split("|")
    )
    return Product(
        code, name, title, category, Decimal(price), Decimal(step), pairs, channel, problem
    )


COLOURS = "BLK=Matte Black|SGE=Sage Green|NVY=Navy Blue"

# fmt: off
PRODUCTS: tuple[Product, ...] = (
    _p("WB32", "water bottle", "Insulated Water Bottle 32 oz, Leak-Proof Lid", "drinkware",
       "24.99", COLOURS, "AFN"),
    _p("WB20", "water bottle", "Insulated Water Bottle 20 oz, Straw Lid", "drinkware",
       "19.99", COLOURS, "AFN"),
    _p("TM16", "travel mug", "Stainless Steel Travel Mug 16 oz", "drinkware", "21.99",
       "BLK=Black|WHT=White|CPR=Copper", "AFN"),
    _p("MPC", "meal prep containers", "Glass Meal Prep Containers, 10-Pack", "kitchen",
       "29.99", "1C=1 Compartment|2C=2 Compartments|3C=3 Compartments", "AFN", "2.00"),
    _p("BKM", "baking mat", "Silicone Baking Mat Set, Non-Stick", "kitchen", "14.99",
       "HALF=Half Sheet|QTR=Quarter Sheet|SET3=Set of 3", "AFN", "3.00"),
    _p("CB", "cutting board", "Bamboo Cutting Board with Juice Groove", "kitchen", "27.99",
       "M=Medium|L=Large|XL=Extra Large", "MFN", "5.00"),
    _p("CK8", "chef's knife", "Chef's Knife 8 Inch, High-Carbon Steel", "kitchen", "39.99",
       "CLS=Classic Handle|PKW=Pakkawood Handle|SHT=With Sheath", "MFN", "5.00"),
    _p("CIS", "cast iron skillet", "Pre-Seasoned Cast Iron Skillet", "kitchen", "24.99",
       "08=8 Inch|10=10 Inch|12=12 Inch", "MFN", "6.00"),
    _p("PKT", "pour-over kettle", "Gooseneck Pour-Over Kettle 1 L", "coffee", "34.99",
       "BLK=Matte Black|CPR=Copper|SLV=Brushed Steel", "MFN"),
    _p("FP34", "French press", "French Press Coffee Maker 34 oz", "coffee", "27.99",
       "GLS=Glass|STL=Stainless Steel|BLK=Matte Black", "AFN", "4.00"),
    _p("MF", "milk frother", "Handheld Milk Frother with Stand", "coffee", "15.99",
       "BLK=Black|WHT=White|SLV=Silver", "AFN"),
    _p("KS", "kitchen scale", "Digital Kitchen Scale, 11 lb", "kitchen", "18.99",
       "BLK=Black|WHT=White|STL=Stainless", "AFN"),
    _p("SJ", "spice jars", "Glass Spice Jars with Labels", "kitchen", "22.99",
       "12=12 Jars|24=24 Jars|36=36 Jars", "MFN", "8.00"),
    _p("DL", "desk lamp", "LED Desk Lamp with USB Charging Port", "electronics", "36.99",
       "BLK=Black|WHT=White|SLV=Silver", "AFN",
       problem=(0.16, ("CR-DEFECTIVE", "CR-QUALITY_UNACCEPTABLE", "AMZ-PG-BAD-DESC"))),
    _p("WC", "wireless charger", "Wireless Charging Pad", "electronics", "19.99",
       "10W=10W|15W=15W Fast|3IN1=3-in-1 Stand", "AFN", "6.00",
       problem=(0.22, ("CR-DEFECTIVE", "CR-NOT_COMPATIBLE", "DEFECTIVE"))),
    _p("SSP", "shower speaker", "Waterproof Bluetooth Shower Speaker", "electronics", "25.99",
       "BLK=Black|BLU=Ocean Blue|PNK=Blush Pink", "AFN"),
    _p("MFP", "memory foam pillow", "Memory Foam Pillow, Cooling Cover", "bedding", "39.99",
       "STD=Standard|QN=Queen|KG=King", "AFN", "5.00"),
    _p("WBL", "weighted blanket", "Weighted Blanket, Breathable Cotton", "bedding", "69.99",
       "10=10 lb|15=15 lb|20=20 lb", "MFN", "10.00"),
    _p("BTS", "bath towel set", "Bamboo Bath Towel Set, 6 Pieces", "bedding", "44.99",
       "WHT=White|GRY=Stone Grey|NVY=Navy", "AFN"),
    _p("BC", "blackout curtains", "Thermal Blackout Curtains, 2 Panels", "home", "32.99",
       "63=52 x 63 in|84=52 x 84 in|95=52 x 95 in", "MFN", "4.00",
       problem=(0.15, ("CR-NOT_COMPATIBLE", "AMZ-PG-BAD-DESC", "CR-ORDERED_WRONG_ITEM"))),
    _p("BM", "bath mat", "Non-Slip Memory Foam Bath Mat", "home", "17.99",
       "GRY=Grey|BEI=Beige|WHT=White", "AFN"),
    _p("SC", "shower caddy", "Rust-Proof Shower Caddy", "home", "23.99",
       "2T=2 Tier|3T=3 Tier|CRN=Corner", "MFN", "3.00"),
    _p("USO", "under-sink organizer", "Under-Sink Organizer, Pull-Out Drawers", "home",
       "27.99", "1T=1 Tier|2T=2 Tier|SET2=Set of 2", "AFN", "6.00"),
    _p("DO", "drawer organizer", "Drawer Organizer Set, Clear", "home", "21.99",
       "06=6 Pieces|13=13 Pieces|25=25 Pieces", "AFN", "5.00"),
    _p("YM6", "yoga mat", "Yoga Mat 6 mm, Non-Slip", "fitness", "29.99",
       "PRP=Purple|TEL=Teal|CHR=Charcoal", "AFN"),
    _p("RB", "resistance bands", "Resistance Bands Set with Handles", "fitness", "19.99",
       "LT=Light|MD=Medium|HV=Heavy", "AFN", "3.00"),
    _p("ADB", "adjustable dumbbells", "Adjustable Dumbbell Pair", "fitness", "129.99",
       "25=25 lb|40=40 lb|52=52.5 lb", "MFN", "40.00",
       problem=(0.12, ("CR-DAMAGED_BY_CARRIER", "CR-MISSING_PARTS", "CR-DEFECTIVE"))),
    _p("FR", "foam roller", "High-Density Foam Roller", "fitness", "21.99",
       "12=12 Inch|18=18 Inch|36=36 Inch", "AFN", "4.00"),
    _p("RWP", "running belt", "Running Waist Pack, Phone Holder", "fitness", "16.99",
       "BLK=Black|GRY=Grey|NEO=Neon Yellow", "AFN"),
    _p("CSX", "compression socks", "Compression Socks, 3 Pairs", "apparel", "18.99",
       "SM=S/M|LXL=L/XL|XXL=XXL", "AFN",
       problem=(0.24, ("POOR_FIT", "AMZ-PG-APP-TOO-SMALL", "AMZ-PG-APP-TOO-LARGE"))),
    _p("HDP", "daypack", "Hiking Daypack 25 L, Water-Resistant", "outdoor", "49.99",
       "BLK=Black|OLV=Olive|BLU=Lake Blue", "MFN"),
    _p("HMK", "hammock", "Camping Hammock, Parachute Nylon", "outdoor", "34.99",
       "SGL=Single|DBL=Double|NET=With Mosquito Net", "MFN", "8.00"),
    _p("LNT", "camping lantern", "LED Camping Lantern, 2-Pack", "outdoor", "27.99",
       "BAT=Battery|RCH=Rechargeable|SOL=Solar", "AFN", "6.00"),
    _p("LB", "lunch bag", "Insulated Lunch Bag", "outdoor", "19.99",
       "BLK=Black|GRY=Heather Grey|FLR=Floral", "AFN"),
    _p("DLS", "dog leash", "Dog Leash with Padded Handle", "pet", "17.99",
       "4FT=4 ft|6FT=6 ft|HF=Hands-Free", "MFN", "2.00"),
    _p("ODB", "dog bed", "Orthopedic Dog Bed, Washable Cover", "pet", "59.99",
       "M=Medium|L=Large|XL=Extra Large", "MFN", "15.00"),
    _p("CWF", "cat water fountain", "Cat Water Fountain, Ultra-Quiet Pump", "pet", "29.99",
       "16=1.6 L|25=2.5 L|KIT=2.5 L with 4 Filters", "AFN", "5.00",
       problem=(0.18, ("CR-DEFECTIVE", "CR-QUALITY_UNACCEPTABLE", "CR-DAMAGED_BY_FC"))),
    _p("SFB", "slow feeder bowl", "Slow Feeder Dog Bowl", "pet", "14.99",
       "S=Small|M=Medium|L=Large", "AFN", "2.00"),
    _p("PGG", "grooming glove", "Pet Grooming Glove", "pet", "12.99",
       "LFT=Left Hand|RGT=Right Hand|PR=Pair", "MFN", "0.00"),
    _p("GK", "garden kneeler", "Foldable Garden Kneeler and Seat", "outdoor", "44.99",
       "GRN=Forest Green|BLU=Blue|BLK=Black", "MFN"),
)
# fmt: on


def _asin(rng: random.Random, taken: set[str]) -> str:
    while True:
        asin = "B0" + "".join(rng.choice(_ALNUM) for _ in range(8))
        if asin not in taken:
            taken.add(asin)
            return asin


def build_catalog(rng: random.Random) -> list[Sku]:
    """The 120 SKUs, each with its own ASIN (child ASINs, as variations have)."""
    taken: set[str] = set()
    skus = []
    for product in PRODUCTS:
        for index, (suffix, label) in enumerate(product.variants):
            skus.append(
                Sku(
                    sku=f"HL-{product.code}-{suffix}",
                    asin=_asin(rng, taken),
                    product=product,
                    variant=label,
                    price=product.price + product.step * index,
                )
            )
    return skus


def popularity(rng: random.Random, skus: list[Sku]) -> list[float]:
    """Sales weights: a long tail, as real catalogues have (Zipf-like over a shuffled order)."""
    ranks = list(range(1, len(skus) + 1))
    rng.shuffle(ranks)
    return [1.0 / rank**0.75 for rank in ranks]
