"""The carriers the shop hands parcels to, and where each one lets a customer track a parcel.

This table is the one place that knows carrier names and tracking addresses: the dashboard's
shipment form offers its entries, and every email and order page builds its tracking link here.
A carrier without a tracking address ("Other") still records its name and the number.
"""

from dataclasses import dataclass
from urllib.parse import quote


@dataclass(frozen=True)
class Carrier:
    code: str
    name: str
    # "{number}" is replaced by the tracking number, URL-quoted.
    tracking_url: str = ""

    def tracking_link(self, number: str) -> str:
        if not self.tracking_url or not number:
            return ""
        return self.tracking_url.format(number=quote(number.strip(), safe=""))


CARRIERS: tuple[Carrier, ...] = (
    Carrier("usps", "USPS", "https://tools.usps.com/go/TrackConfirmAction?tLabels={number}"),
    Carrier("ups", "UPS", "https://www.ups.com/track?tracknum={number}"),
    Carrier("fedex", "FedEx", "https://www.fedex.com/fedextrack/?trknbr={number}"),
    Carrier(
        "dhl-express",
        "DHL Express",
        "https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id={number}",
    ),
    Carrier(
        "dhl-paket",
        "DHL Paket (Germany)",
        "https://www.dhl.de/en/privatkunden/dhl-sendungsverfolgung.html?piececode={number}",
    ),
    Carrier(
        "royal-mail",
        "Royal Mail",
        "https://www.royalmail.com/track-your-item#/tracking-results/{number}",
    ),
    Carrier(
        "canada-post",
        "Canada Post",
        "https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor={number}",
    ),
    Carrier(
        "australia-post", "Australia Post", "https://auspost.com.au/mypost/track/details/{number}"
    ),
    Carrier(
        "japan-post",
        "Japan Post",
        "https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1={number}&locale=en",
    ),
    Carrier("other", "Other carrier"),
)

_BY_CODE = {carrier.code: carrier for carrier in CARRIERS}


def carrier_choices() -> list[tuple[str, str]]:
    return [(carrier.code, carrier.name) for carrier in CARRIERS]


def carrier_for(code: str) -> Carrier | None:
    return _BY_CODE.get(code)


def tracking_link(code: str, number: str) -> str:
    """The page where the customer follows the parcel, or "" when the carrier has none."""
    carrier = carrier_for(code)
    return carrier.tracking_link(number) if carrier else ""
