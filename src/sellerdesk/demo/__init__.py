"""The Demo Store: deterministic, live-looking data for every stream (see ``services``)."""
