// The report's only script, inlined into the page: a click on anything with a data-detail (a
// message arrow, a fault, a violation, a lane segment) shows its details in a panel, the message's
// body included; Escape or the panel's button closes it. It writes text only (textContent), so a
// message body cannot become markup. Hover details need no script: every mark has an SVG <title>.

export const REPORT_SCRIPT = `
(function () {
  var panel = document.getElementById('detail');
  var heading = document.getElementById('detail-heading');
  var text = document.getElementById('detail-text');
  var selected = null;
  function close() {
    panel.className = '';
    if (selected) selected.classList.remove('selected');
    selected = null;
  }
  document.addEventListener('click', function (event) {
    var target = event.target;
    if (target && target.id === 'detail-close') { close(); return; }
    var element = target && target.closest ? target.closest('[data-detail]') : null;
    if (!element) return;
    if (selected) selected.classList.remove('selected');
    selected = element;
    element.classList.add('selected');
    heading.textContent = element.getAttribute('data-heading') || 'details';
    text.textContent = element.getAttribute('data-detail');
    panel.className = 'open';
  });
  document.addEventListener('keydown', function (event) { if (event.key === 'Escape') close(); });
})();
`;
