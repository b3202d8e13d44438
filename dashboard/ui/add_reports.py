"""Add reports: paste or upload, review what was read (places, figures, events), then save.

Nothing is written before the user has seen the extraction. Saving a report that is
already stored is a no-op (the report id is the hash of its normalised text) and says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import streamlit as st

from dashboard.model import Extraction
from dashboard.reading import (
    MAX_REPORT_BYTES,
    READABLE_SUFFIXES,
    BadInput,
    ReportText,
    report_text_from_bytes,
)
from dashboard.ui.data import get_store
from dashboard.ui.highlight import md_escape

PENDING = "pending_reports"
RESULT = "add_result"
FAILED = "add_failed"


@dataclass(frozen=True)
class Pending:
    name: str
    extraction: Extraction
    already_stored: bool


@st.cache_resource(show_spinner="Loading the gazetteer…")
def _gazetteer() -> Any:
    from dashboard.geocode.gazetteer import load_gazetteer

    return load_gazetteer()


@dataclass(frozen=True)
class _Input:
    name: str
    text: ReportText
    url: str | None = None
    published: date | None = None
    source: str | None = None


def _fetch(url: str) -> _Input:
    """A web page as a report: its main text, title, date and outlet (dashboard.interop.fetch)."""
    from dashboard import settings
    from dashboard.interop.fetch import fetch_article

    # The server fetches on the user's behalf: never from its own network unless allowed.
    article = fetch_article(url, allow_private=settings.flag("REPORT_ATLAS_ALLOW_PRIVATE_URLS"))
    return _Input(
        url, ReportText(article.text, article.title), article.url, article.published, article.outlet
    )


def _read_inputs(
    pasted: str, uploads: list, published: date | None, source: str | None, url: str = ""
) -> tuple[list[Pending], list[str]]:
    texts: list[_Input] = []
    errors: list[str] = []
    if pasted.strip():
        texts.append(_Input("pasted text", ReportText(text=pasted)))
    for upload in uploads or []:
        try:
            texts.append(_Input(upload.name, report_text_from_bytes(upload.getvalue(), upload.name)))
        except BadInput as exc:
            errors.append(str(exc))
    if url.strip():
        try:
            texts.append(_fetch(url.strip()))
        except BadInput as exc:  # FetchError names the address and the reason
            errors.append(str(exc))
    # Imported on use: the pipeline loads the gazetteer, which browsing the atlas never needs.
    from dashboard.pipeline import extract_report

    gazetteer = _gazetteer()
    store = get_store()
    pending: list[Pending] = []
    seen: set[str] = set()
    for item in texts:
        name = item.name
        try:
            extraction = extract_report(
                item.text.text,
                published=published or item.published,
                source=source or item.source,
                title=item.text.title,
                url=item.url,
                gazetteer=gazetteer,
            )
        except Exception as exc:  # noqa: BLE001 - one bad report must not lose the others
            errors.append(f"{name}: could not be read ({type(exc).__name__}: {exc})")
            continue
        if extraction.report.id in seen:
            errors.append(f"{name}: the same text as another report in this batch; kept once.")
            continue
        seen.add(extraction.report.id)
        pending.append(Pending(name, extraction, store.report(extraction.report.id) is not None))
    return pending, errors


def _review(item: Pending) -> None:
    ex = item.extraction
    places = ex.place_by_id()
    title = md_escape(ex.report.title or ex.report.id)
    with st.container(border=True):
        st.markdown(f"**{title}** · {md_escape(item.name)} · report `{ex.report.id}`")
        if item.already_stored:
            st.info("Already in the store: saving it again changes nothing.", icon=":material/content_copy:")
        st.caption(
            f"Published: {ex.report.published or 'unknown'} · source: {md_escape(ex.report.source or 'none given')}"
        )
        st.markdown(f"**Places** ({len(ex.places)})")
        st.dataframe(
            [
                {
                    "As written": m.surface,
                    "Place": places[m.place_id].name if m.place_id in places else "(not found)",
                    "Precision": places[m.place_id].precision if m.place_id in places else "",
                    "Lat": places[m.place_id].lat if m.place_id in places else None,
                    "Lon": places[m.place_id].lon if m.place_id in places else None,
                }
                for m in ex.mentions
            ],
            hide_index=True,
            width="stretch",
        )
        st.markdown(f"**Casualty figures** ({len(ex.figures)})")
        st.dataframe(
            [
                {
                    "Figure": f.as_text(),
                    "Who": f.category.replace("_", " "),
                    "Outcome": f.outcome,
                    "Source in text": f.attributed_to or "",
                    "Verified": "yes" if f.verified else "",
                    "As written": f.surface,
                }
                for f in ex.figures
            ],
            hide_index=True,
            width="stretch",
        )
        st.markdown(f"**Events** ({len(ex.events)})")
        st.dataframe(
            [
                {
                    "Type": e.type.replace("_", " "),
                    "Date": e.date_start,
                    "Place": places[e.place_ids[0]].name if e.place_ids and e.place_ids[0] in places else "",
                    "Summary": e.summary,
                }
                for e in ex.events
            ],
            hide_index=True,
            width="stretch",
        )


def _save(pending: list[Pending]) -> None:
    store = get_store()
    added = already = 0
    failed: list[str] = []
    for item in pending:
        # One report the store refuses (say, a count too large for an INTEGER column) must
        # not lose the others or break the page: it is named with the reason instead.
        try:
            if store.save(item.extraction):
                added += 1
            else:
                already += 1
        except Exception as exc:  # noqa: BLE001 - shown to the user, the rest still saved
            failed.append(
                f"{item.name} ({item.extraction.report.title[:60]}): not saved — {type(exc).__name__}: {exc}"
            )
    parts = [f"Saved {added} new report(s)."]
    if already:
        parts.append(f"{already} already stored (nothing duplicated).")
    st.session_state[RESULT] = " ".join(parts)
    st.session_state[FAILED] = failed
    st.session_state[PENDING] = []


def render_add_reports() -> None:
    st.subheader("Add reports")
    st.caption(
        "Paste a news report, upload .txt, .md, .html or .pdf files, or give the address of a web "
        "article. You will see the places, figures and events read from each before anything is saved."
    )
    if st.session_state.get(RESULT):
        st.success(st.session_state.pop(RESULT))
    for failure in st.session_state.pop(FAILED, None) or []:
        st.error(md_escape(failure))
    with st.form("add_reports_form", clear_on_submit=False):
        pasted = st.text_area("Report text", height=180, placeholder="Paste the text of a report here…")
        uploads = st.file_uploader(
            "…or upload files",
            type=[s.lstrip(".") for s in READABLE_SUFFIXES],
            accept_multiple_files=True,
            help=f"At most {MAX_REPORT_BYTES // (1024 * 1024)} MB per report; HTML pages are read as their visible text.",
        )
        url = st.text_input(
            "…or a web address",
            placeholder="https://…",
            help="The article's main text, title, date and outlet are read from the page.",
        )
        cols = st.columns(2)
        published = cols[0].date_input("Published (optional)", value=None, format="YYYY-MM-DD")
        source = cols[1].text_input("Source / outlet (optional)", placeholder="e.g. Reuters")
        submitted = st.form_submit_button("Read reports", type="primary")
    if submitted:
        if not pasted.strip() and not uploads and not url.strip():
            st.warning("Paste some text, choose a file or give a web address first.")
        else:
            with st.spinner("Reading places, figures and events…"):
                pending, errors = _read_inputs(pasted, uploads, published, source.strip() or None, url)
            st.session_state[PENDING] = pending
            for error in errors:
                st.error(md_escape(error))
    pending = st.session_state.get(PENDING) or []
    if pending:
        st.markdown(f"### Review ({len(pending)} report(s))")
        for item in pending:
            _review(item)
        buttons = st.columns([1, 1, 4])
        buttons[0].button(
            "Save to the atlas", type="primary", on_click=_save, args=(pending,), key="save_reports"
        )
        if buttons[1].button("Discard", key="discard_reports"):
            st.session_state[PENDING] = []
            st.rerun()
