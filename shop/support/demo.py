"""Demo data of the support app: the canned replies agents start from. Idempotent."""

from .models import CannedReply

CANNED_REPLIES: tuple[tuple[str, str], ...] = (
    (
        "Where is my parcel?",
        "Thank you for your patience. Your parcel is on its way; the tracking link in your "
        "shipping email shows where it is now. If it has not moved for five working days, "
        "reply here and we will chase the carrier for you.",
    ),
    (
        "Using the QL Claw on the glutes",
        "Lie on your side or your back with the QL Claw under the tender spot, let your weight "
        "sink in slowly and hold for 30 to 90 seconds while breathing out. Ease off if the pain "
        "goes above a 7 out of 10. Our library's gluteus medius article shows the usual spots.",
    ),
    (
        "Money-back guarantee: how to claim",
        "You can claim your refund yourself from your order page (or the order lookup if you "
        "checked out as a guest) within 30 days of delivery. Choose the items, tell us why, and "
        "you will get a claim reference by email.",
    ),
)


def ensure_canned_replies() -> None:
    for title, body in CANNED_REPLIES:
        reply, created = CannedReply.objects.get_or_create(title=title, defaults={"body": body})
        if not created and reply.body != body:
            # Only touch rows that changed, so a second run leaves every column as it was.
            reply.body = body
            reply.save()
