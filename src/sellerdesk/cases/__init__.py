"""Working A-to-z claims and chargebacks as cases: what the two streams share.

Deadlines in the store's time zone (``deadlines``), the case settings page's
service (``settings``), the timeline of actions read from the audit log
(``timeline``), the compliance check of texts sent to Amazon (``texts``), the
evidence pack as HTML, PDF and ZIP (``evidence``), CSV exports (``export``), the
upsert loop of the claims and chargebacks CSV importers (``importers``) and the
pages built on them (``views``, ``forms``).

Not a Django app (no models, and ``settings.py`` lists the apps): its templates
live in the claims app under ``templates/cases/``, its stylesheets under
``static/cases/``.
"""
