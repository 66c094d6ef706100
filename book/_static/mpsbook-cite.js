// A Cite block names the address of what it cites. Where the book was built without its site's
// address (html_baseurl), the block holds the path within the site; when the page is read from a
// web server, this writes the full address instead, taken from the page's own, in the citation
// line and in the BibTeX. Read from a file, the path stays as it is.
(function () {
  "use strict";

  function completeAddresses() {
    if (!/^https?:$/.test(window.location.protocol)) {
      return;
    }
    document.querySelectorAll("details.mpsbook-cite").forEach(function (block) {
      var link = block.querySelector("a.mpsbook-cite-address");
      var bibtex = block.querySelector("pre.mpsbook-cite-bibtex");
      var path = link && link.getAttribute("data-address");
      if (!path || /^[a-z][a-z0-9+.-]*:/i.test(path)) {
        return; // no address, or a full one already
      }
      var address = new URL(link.getAttribute("href"), window.location.href).href;
      link.textContent = address;
      if (bibtex) {
        bibtex.textContent = bibtex.textContent.replace('url = "' + path + '"', 'url = "' + address + '"');
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", completeAddresses);
  } else {
    completeAddresses();
  }
})();
