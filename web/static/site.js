// Progressive touches only: every page works without this file.
// "/" jumps to the search box, as on many search sites.
document.addEventListener("keydown", function (event) {
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
  var target = event.target;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  var box = document.getElementById("q");
  if (box) {
    event.preventDefault();
    box.focus();
    box.select();
  }
});

// The filters are a <details>: closed on a phone, an open sidebar on a wide screen. The
// stylesheet shows a closed one's content there already; opening it as well keeps its
// state true for assistive technology and for browsers without ::details-content.
(function () {
  var filters = document.querySelector("details.filters");
  if (!filters || !window.matchMedia) return;
  var wide = window.matchMedia("(min-width: 48.01rem)");
  function follow() { if (wide.matches) filters.open = true; }
  follow();
  if (wide.addEventListener) wide.addEventListener("change", follow);
})();
