"""The health dashboard at ``/s/<store_id>/health/`` (also the store's home page).

Each figure against its target, the ODR's components, defective orders and
forecast, the reconciliation with Amazon's imported figures, trend charts
(``health.trends``, inline SVG from ``web.charts``) and today's checklist beside
them. ``?as_of=YYYY-MM-DD`` shows an earlier day (the checklist stays today's).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sellerdesk.checklist.views import checklist_rows
from sellerdesk.health.dashboard import health_dashboard
from sellerdesk.health.selectors import store_health
from sellerdesk.health.trends import store_trends
from sellerdesk.web.generic import StoreView

EARLIEST = date(2000, 1, 1)


class HealthView(StoreView):
    stream = "health"
    title = "Account health"
    template_name = "health/dashboard.html"

    def _as_of(self, today: date) -> date:
        """The day asked for; today when none, not a date, in the future, or before
        ``EARLIEST`` (the windows reach back half a year before the day)."""
        try:
            day = date.fromisoformat(self.request.GET.get("as_of", ""))
        except ValueError:
            return today
        return day if EARLIEST <= day <= today else today

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        now = context["now"]
        today = now.astimezone(self.store.tz).date()
        as_of = self._as_of(today)
        health = store_health(store=self.store, as_of=as_of, now=now)
        trends = store_trends(store=self.store, as_of=as_of, now=now)
        context.update(
            dashboard=health_dashboard(health=health, trends=trends),
            health=health,
            as_of=as_of,
            today=today,
            tasks=checklist_rows(store=self.store, now=now),
        )
        return context
