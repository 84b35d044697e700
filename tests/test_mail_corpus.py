"""Every message of the shared robustness corpus is ingested or quarantined: none crashes
the run, none disappears, and the outcome is the same on every run."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from sellerdesk.mail.files import iter_messages
from sellerdesk.mail.models import EmailStatus, InboundEmail
from sellerdesk.mail.services import email_ingest, files_channel
from tests.factories import StoreFactory

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "email"


def corpus_files() -> list[Path]:
    manifest = CORPUS / "MANIFEST.tsv"
    assert manifest.exists(), f"the shared email corpus is missing at {CORPUS}"
    with manifest.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [CORPUS / row["file"] for row in rows]


def run_corpus(store_name: str) -> dict[str, str]:
    channel = files_channel(store=StoreFactory(name=store_name))
    outcomes: dict[str, str] = {}
    for path in corpus_files():
        messages = list(iter_messages(path))
        assert len(messages) == 1, path  # each corpus file is one message
        outcome = email_ingest(channel=channel, raw=messages[0][1], source=str(path))
        outcomes[path.name + "|" + path.parent.name] = f"{outcome.status}:{outcome.kind}"
    return outcomes


@pytest.mark.django_db
def test_corpus_is_ingested_or_quarantined_and_nothing_is_lost() -> None:
    files = corpus_files()
    assert len(files) >= 400
    first = run_corpus("Corpus run 1")
    statuses = [value.split(":")[0] for value in first.values()]
    ingested = statuses.count("ingested")
    duplicates = statuses.count("duplicate")
    quarantined = statuses.count("quarantined")
    assert ingested + duplicates + quarantined == len(files)
    # Every stored email is accounted for: one row per distinct message.
    channel_rows = InboundEmail.objects.filter(channel__store__name="Corpus run 1")
    assert channel_rows.count() == ingested + quarantined
    assert channel_rows.filter(status=EmailStatus.QUARANTINED).count() == quarantined
    for email in channel_rows.filter(status=EmailStatus.QUARANTINED):
        assert email.reason
        assert email.reason != "not processed yet"
        assert not email.reason.startswith("internal error"), (email.source, email.reason)
        assert len(bytes(email.raw)) == email.size
    # The same input again is the same outcome, file by file.
    second = run_corpus("Corpus run 2")
    assert second == first
    # Most of the corpus is real mail: only what is not an email at all is quarantined.
    assert quarantined <= 10, [k for k, v in first.items() if v.startswith("quarantined")]
