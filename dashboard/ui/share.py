"""Share links: the page's own address with the view state as query string, and a copy button."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st


def share_link(query: dict[str, str]) -> str:
    """The address of this app with ``query``; a relative link when the address is unknown."""
    base = ""
    try:
        base = st.context.url or ""
    except Exception:  # noqa: BLE001 - st.context has no URL outside a browser session (AppTest)
        base = ""
    parts = urlsplit(base)
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", urlencode(query), ""))


# Static: the button copies the address of the page around it (the frame is same-origin),
# which always holds the share link. Nothing of the link (user text) is written into it.
_COPY_BUTTON = """
<button id="copy" style="font:14px sans-serif;padding:6px 14px;border:1px solid #d0d5dd;
  border-radius:8px;background:#fff;cursor:pointer;width:100%">Copy link</button>
<span id="done" style="font:12px sans-serif;color:#067647;display:block;margin-top:4px"></span>
<script>
  const done = document.getElementById("done");
  document.getElementById("copy").addEventListener("click", async () => {
    const link = window.parent.location.href;
    try { await navigator.clipboard.writeText(link); }
    catch (e) {
      const area = document.createElement("textarea");
      area.value = link; document.body.appendChild(area); area.select();
      document.execCommand("copy"); area.remove();
    }
    done.textContent = "Link copied.";
  });
</script>
"""


def render_share(query: dict[str, str]) -> str:
    link = share_link(query)
    st.sidebar.subheader("Share this view")
    with st.sidebar:
        st.iframe(_COPY_BUTTON, height=64)
        st.code(link, language=None, wrap_lines=True)
        st.caption("The address bar always holds this link: filters, the selected event and the map view.")
    return link
