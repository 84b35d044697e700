"""sellerdesk: the self-hosted customer-service desk for Amazon sellers."""

__version__ = "0.1.0"
