"""The Selling Partner API connector: reports in, live order details, review requests and
proactive messages.

``client.py`` is the desk's own small interface to Amazon; it is the only module
that imports the ``sp_api`` library.
"""
