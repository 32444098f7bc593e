/* Platform previews: unfold a caption ("… selengkapnya") and switch carousel slides.
   Plain JavaScript, no network; works served and from file://. */
(function () {
  "use strict";

  function unfold(button) {
    var text = button.closest(".kk-text");
    if (!text) return;
    var rest = text.querySelector(".kk-text__rest");
    var more = text.querySelector(".kk-text__more");
    if (rest) rest.hidden = false;
    if (more) more.hidden = true;
    button.setAttribute("aria-expanded", "true");
    text.setAttribute("data-folded", "false");
  }

  function show(carousel, index) {
    var slides = carousel.querySelectorAll(".kk-slide");
    var last = slides.length - 1;
    index = Math.max(0, Math.min(last, index));
    carousel.setAttribute("data-index", String(index));
    var track = carousel.querySelector(".kk-slides__track");
    if (track) track.style.transform = "translateX(" + (-100 * index) + "%)";
    var prev = carousel.querySelector(".kk-arrow--prev");
    var next = carousel.querySelector(".kk-arrow--next");
    if (prev) prev.disabled = index === 0;
    if (next) next.disabled = index === last;
    var number = carousel.querySelector("[data-slide-number]");
    if (number) number.textContent = String(index + 1);
    var dots = carousel.parentElement.querySelectorAll(".kk-dot");
    for (var i = 0; i < dots.length; i++) {
      if (i === index) dots[i].setAttribute("data-current", "");
      else dots[i].removeAttribute("data-current");
    }
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) return;
    var fold = target.closest("[data-fold-link]");
    if (fold) {
      unfold(fold);
      return;
    }
    var arrow = target.closest("[data-slide]");
    var carousel = arrow && arrow.closest("[data-carousel]");
    if (carousel) {
      var step = Number(arrow.getAttribute("data-slide"));
      show(carousel, Number(carousel.getAttribute("data-index") || 0) + step);
    }
  });
})();
