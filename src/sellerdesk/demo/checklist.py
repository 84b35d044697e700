"""The Demo Store's checklist history: six weeks of past periods, most ticked, a few missed.

The rows come from the real planner (``checklist_ensure`` for each past day), so the
cadences are the ones the store's size gives; only who ticked them and when is drawn.
A ticked row's snapshot holds the counts a seller would plausibly have seen then.
"""

from __future__ import annotations

from datetime import timedelta

from sellerdesk.checklist.models import ChecklistTask
from sellerdesk.checklist.services import checklist_ensure
from sellerdesk.demo.world import World

HISTORY_DAYS = 42
# Share of past periods left undone, so history shows what "overdue" looks like.
MISSED = 0.12


def build_checklist_history(world: World) -> int:
    """Create and tick the past periods' rows; returns how many rows there are."""
    today = world.today
    for back in range(HISTORY_DAYS, 0, -1):
        checklist_ensure(store=world.store, day=today - timedelta(days=back))
    past = list(
        ChecklistTask.objects.filter(store=world.store, due__lt=today).order_by(
            "due", "task", "cadence"
        )
    )
    ticked = []
    for row in past:
        if world.rng.random() < MISSED:
            continue
        # Ticked on a working day of the period, in working hours, never after it ended.
        span = (row.due - row.period_start).days
        day = row.period_start + timedelta(days=world.rng.randint(0, span))
        row.done_at = world.at(day, world.rng.randint(8, 17), world.rng.randint(0, 59))
        row.done_by = world.owner
        outstanding = world.rng.choice([0, 0, 1, 2, 3, 5])
        row.snapshot = {
            "outstanding": outstanding,
            "overdue": world.rng.choice([0, 0, 0, 1]) if outstanding else 0,
        }
        ticked.append(row)
    ChecklistTask.objects.bulk_update(ticked, ["done_at", "done_by", "snapshot"])
    return len(past)
