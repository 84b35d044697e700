"""Where the ODR is heading, from one channel's current figure.

* **If every pending case is lost**: each order with an open or appealed claim,
  or an open or represented service chargeback, in the window becomes defective
  (once, even with both, and not again when it already is).
* **When each defect leaves the window**: the window of as-of day ``d`` holds
  the order dates ``d - lag - (window - 1)`` to ``d - lag``, so an order dated
  ``o`` is counted last as of ``o + lag + window - 1`` and leaves on
  ``o + lag + window`` (with 14 and 60 days: 74 days after the order).
* **Defect-free orders to reach the target**: the fewest ``n`` with
  ``D / (N + n) < target``, i.e. ``(N + n) * target_bp > D * 10 000`` in whole
  numbers (no rounding at the boundary): ``n = ⌊D * 10 000 / target_bp⌋ + 1 - N``,
  or 0 when the rate is already under the target. Assumes no order leaves the
  window and no new defect comes in meanwhile.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sellerdesk.health.odr import BASIS_POINTS, DefectiveOrder, OdrFigure, OdrSettings, rate


def leaves_window_on(order_date: date, settings: OdrSettings) -> date:
    """The first as-of day whose window no longer holds an order of ``order_date``."""
    return order_date + timedelta(days=settings.lag_days + settings.window_days)


def orders_to_target(defective: int, orders: int, target_bp: int) -> int:
    """Defect-free orders needed for ``defective / (orders + n)`` to fall under the target."""
    if defective == 0:
        return 0
    return max(0, defective * BASIS_POINTS // target_bp + 1 - orders)


@dataclass(frozen=True, slots=True)
class OdrForecast:
    figure: OdrFigure
    settings: OdrSettings

    @property
    def defective_if_pending_lost(self) -> int:
        return len({o.order_id for o in self.figure.defective + self.figure.pending})

    def _leaving(self, order: DefectiveOrder) -> dict[str, Any]:
        return {
            "order_id": order.order_id,
            "order_date": order.order_date.isoformat(),
            "defects": order.kinds,
            "leaves_window_on": leaves_window_on(order.order_date, self.settings).isoformat(),
        }

    def as_dict(self) -> dict[str, Any]:
        fig, worst = self.figure, self.defective_if_pending_lost
        return {
            "rate": fig.rate,
            "orders_to_target": orders_to_target(
                fig.orders_with_defects, fig.orders, fig.target_bp
            ),
            "pending": [
                {"order_id": o.order_id, "order_date": o.order_date.isoformat()}
                | {"cases": o.kinds, "details": [d.as_dict() for d in o.defects]}
                for o in fig.pending
            ],
            "orders_with_defects_if_pending_lost": worst,
            "rate_if_pending_lost": rate(worst, fig.orders),
            "orders_to_target_if_pending_lost": orders_to_target(worst, fig.orders, fig.target_bp),
            "defects_leaving": [self._leaving(o) for o in fig.defective],
        }
