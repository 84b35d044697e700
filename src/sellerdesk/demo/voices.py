"""What buyers say in seller feedback, product reviews and listing questions.

``{product}`` is the buyer's word for the item ("water bottle").
"""

from __future__ import annotations

FEEDBACK_POSITIVE = (
    "Fast shipping and exactly as described.",
    "Great seller, item arrived well packed.",
    "Arrived two days early. Would buy from them again.",
    "Answered my question within an hour. Excellent communication.",
    "Perfect, thank you!",
    "Good product, quick delivery.",
    "Item as pictured, arrived on time.",
    "Very happy with my {product}.",
    "Smooth transaction, no problems at all.",
    "Packaging was great, nothing damaged.",
    "A+ seller",
    "Had a problem with my order and they fixed it right away. Great service.",
    "",
)
FEEDBACK_NEUTRAL = (
    "Item is fine but shipping took longer than expected.",
    "OK. The box was a bit beat up but the {product} works.",
    "Average experience. Took a week to arrive.",
    "Product is good, but it took two days to get an answer to my question.",
)
# Negative feedback by what it is about: that decides what Amazon does with it.
FEEDBACK_NEGATIVE = {
    "product": (
        "The {product} broke after two uses. Cheap quality.",
        "Terrible {product}, does not work as advertised.",
        "Smaller than described. Waste of money.",
        "Poor quality, the {product} fell apart within a week.",
    ),
    "delivery": (
        "Package arrived four days late.",
        "Box was crushed when it arrived.",
        "Delivery took forever and the tracking never updated.",
        "Arrived a week after the delivery date.",
    ),
    "service": (
        "Seller never answered my messages.",
        "Still waiting on my refund after two weeks.",
        "Asked to cancel right after ordering and they shipped it anyway.",
    ),
    "mixed": (
        "Seller replied quickly but the {product} stopped working after a week.",
        "Arrived late and the item was scratched.",
        "Wrong color was sent and the return took forever.",
    ),
}
FEEDBACK_REPLY_NEGATIVE = (
    "We are sorry about your experience with this order. We have sent you a message through "
    "Amazon to put this right.",
    "We apologize for the delay. We have contacted you through Buyer-Seller Messaging with a "
    "solution.",
    "We are sorry the item did not meet your expectations. A replacement or refund is "
    "available through your Amazon order page.",
)
FEEDBACK_REPLY_POSITIVE = (
    "Thank you for your order. We are glad everything arrived as expected.",
    "Thank you for taking the time to leave feedback.",
)

REVIEW_TITLES = {
    5: (
        "Love it",
        "Exactly what I needed",
        "Great quality",
        "Perfect {product}",
        "Highly recommend",
    ),
    4: ("Very good", "Good value", "Nice, one small issue", "Solid {product}"),
    3: ("It's okay", "Mixed feelings", "Does the job", "Average"),
    2: ("Disappointed", "Not great", "Expected more", "Not as described"),
    1: ("Broke quickly", "Don't buy", "Waste of money", "Stopped working", "Returned it"),
}
REVIEW_CLOSINGS = {
    5: ("Would buy again.", "Already ordered a second one.", "Great purchase.", ""),
    4: ("Still recommend it.", "Good for the price.", ""),
    3: ("It's ok for the price.", "Might look for something else next time.", ""),
    2: ("Expected better.", "Not sure I'd buy it again.", ""),
    1: ("Returning it.", "Save your money.", "Very disappointed.", ""),
}
# By product category: (what people like, what they complain about).
CATEGORY_VOICES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "drinkware": (
        ("Keeps drinks cold all day", "No leaks even in my bag", "The finish feels sturdy"),
        (
            "The lid started leaking after a month",
            "The paint chipped quickly",
            "Coffee tastes metallic",
        ),
    ),
    "kitchen": (
        ("Feels solid and well made", "Easy to clean", "Looks great on the counter"),
        (
            "Warped after a few washes",
            "Smaller than it looks in the photos",
            "The finish scratches easily",
        ),
    ),
    "coffee": (
        ("Makes a great cup every morning", "Pours smoothly", "Nice weight to it"),
        ("The handle gets hot", "Hard to clean properly", "The lid doesn't sit tight"),
    ),
    "electronics": (
        ("Works exactly as described", "Set up in two minutes", "Bright and easy to adjust"),
        ("Stopped working after three weeks", "Gets very hot", "Flickers at low settings"),
    ),
    "bedding": (
        ("So soft and comfortable", "Washes well", "I sleep much better now"),
        ("Has a chemical smell", "Thinner than expected", "Lost its shape after a month"),
    ),
    "home": (
        ("Fit perfectly", "Easy to install", "Sturdy and looks nice"),
        ("The measurements in the listing are off", "Rusted within weeks", "Hardware was flimsy"),
    ),
    "fitness": (
        ("Great grip and thickness", "Perfect for home workouts", "Good quality for the money"),
        (
            "Started tearing after a few sessions",
            "Has a strong rubber smell",
            "The weight markings are hard to read",
        ),
    ),
    "apparel": (
        ("Comfortable all day", "True to size for me", "Helps with my swelling"),
        ("Runs very small", "Too tight around the calf", "Lost elasticity after washing"),
    ),
    "outdoor": (
        ("Held up great on our camping trip", "Light and packs small", "Very durable"),
        ("A seam came apart on the first trip", "Zipper broke", "Not as waterproof as claimed"),
    ),
    "pet": (
        ("Our pet took to it right away", "Easy to wash", "Well made and sturdy"),
        ("Started falling apart within weeks", "Smaller than pictured", "Hard to clean"),
    ),
}
REVIEW_RESPONSES = (
    "We are sorry the {product} did not meet your expectations. Please reach out through "
    "your Amazon order page so we can arrange a replacement or refund.",
    "Thank you for the detailed feedback. We have passed it on to our product team and are "
    "sorry for the trouble.",
)

# (question, answer) pairs by category; answers are public content: no links, no contact.
QUESTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "drinkware": (
        (
            "Is the {product} dishwasher safe?",
            "The lid is top-rack dishwasher safe. We recommend washing the body by hand to keep "
            "the finish.",
        ),
        (
            "Will it fit in a car cup holder?",
            "The base is 2.9 inches wide and fits most standard cup holders.",
        ),
        ("Is it BPA free?", "Yes, every part that touches your drink is BPA free."),
    ),
    "kitchen": (
        (
            "Can the {product} go in the dishwasher?",
            "We recommend hand washing with warm soapy water to keep it in the best condition.",
        ),
        (
            "What are the exact dimensions?",
            "The dimensions for each size are listed in the product details section of this page.",
        ),
    ),
    "coffee": (
        (
            "Does the {product} work on an induction stove?",
            "Yes, the base is suitable for induction, gas and electric stoves.",
        ),
        ("How many cups does it make?", "The 34 oz size makes about four mugs of coffee."),
    ),
    "electronics": (
        (
            "Does it work with a phone case on?",
            "It charges through most cases up to 5 mm thick. Metal cases and magnets block "
            "charging.",
        ),
        (
            "Is a power adapter included?",
            "A USB-C cable is included. A wall adapter is not included.",
        ),
        ("Can the brightness be dimmed?", "Yes, there are five brightness levels."),
    ),
    "bedding": (
        (
            "Is the cover removable and washable?",
            "Yes, the cover unzips and is machine washable on a gentle cycle.",
        ),
        (
            "Does it have a smell when new?",
            "A light smell is normal when it is first unpacked and fades within a day or two of "
            "airing.",
        ),
    ),
    "home": (
        (
            "Does it come with mounting hardware?",
            "Yes, all screws and anchors are included in the box.",
        ),
        (
            "Will this fit a standard 30 inch cabinet?",
            "The 1-tier version fits cabinets from 12 inches deep. Please check the dimensions "
            "listed for each size.",
        ),
    ),
    "fitness": (
        ("Is the {product} latex free?", "Yes, it is made without latex."),
        (
            "What weight is each band?",
            "The resistance of each band is printed on it and listed in the product details.",
        ),
    ),
    "apparel": (
        (
            "What size should I order for a 15 inch calf?",
            "For a calf of 15 inches we recommend L/XL. The size chart is in the product images.",
        ),
        ("Can they be machine washed?", "Yes, wash cold and hang to dry for the longest life."),
    ),
    "outdoor": (
        (
            "Is the {product} waterproof?",
            "It is water-resistant and handles light rain. It is not designed to be submerged.",
        ),
        (
            "How much weight can it hold?",
            "The maximum load for each version is listed in the product details.",
        ),
    ),
    "pet": (
        (
            "Is the {product} suitable for a large dog?",
            "Please choose the size by your pet's weight as shown in the size chart.",
        ),
        (
            "How often should the filter be changed?",
            "We recommend a new filter every two to four weeks, depending on the number of pets.",
        ),
        ("Is it loud?", "The pump is very quiet when the water level is above the minimum line."),
    ),
}
GENERIC_QUESTIONS = (
    "Does this come in other colors?",
    "Is there a warranty?",
    "Where is it made?",
    "Is this the same as the one sold in stores?",
)
