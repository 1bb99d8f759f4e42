// Syntax highlighting for the policy editor: a coloured copy of the JSON is drawn under the (transparent)
// text of the editor's <textarea>, refreshed on every keystroke in the browser. Plain script, no build step.
(function () {
  if (window.__dojoPolicyHighlight) {
    return;
  }
  window.__dojoPolicyHighlight = true;
  var TOKEN = /("(?:\\u[0-9a-fA-F]{4}|\\[^u]|[^\\"])*"(\s*:)?)|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([{}\[\],:])/g;
  var COLORS = {key: 'color:#0b5cad', string: 'color:#1e7b34', number: 'color:#a15c00',
    literal: 'color:#8e24aa;font-weight:600', punct: 'color:#64748b'};

  function escape(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  function highlight(text) {
    var out = '';
    var last = 0;
    text.replace(TOKEN, function (match, str, colon, literal, number, punct, offset) {
      out += escape(text.slice(last, offset));
      var kind = str ? (colon ? 'key' : 'string') : literal ? 'literal' : number ? 'number' : 'punct';
      out += '<span style="' + COLORS[kind] + '">' + escape(match) + '</span>';
      last = offset + match.length;
      return match;
    });
    return out + escape(text.slice(last)) + '\n';
  }

  function attach(host) {
    var textarea = host.querySelector('textarea');
    var body = host.closest('.policy-editor-body');
    if (!textarea || !body || textarea.__dojoHighlight) {
      return;
    }
    // The layer is our own element beside the text area (never slotted into it), placed over the textarea.
    var layer = document.createElement('pre');
    layer.className = 'policy-highlight';
    layer.setAttribute('aria-hidden', 'true');
    body.insertBefore(layer, host);
    textarea.__dojoHighlight = layer;
    var place = function () {
      var r = textarea.getBoundingClientRect();
      var b = body.getBoundingClientRect();
      var cs = getComputedStyle(textarea);
      layer.style.left = (r.left - b.left + body.scrollLeft) + 'px';
      layer.style.top = (r.top - b.top + body.scrollTop) + 'px';
      layer.style.width = r.width + 'px';
      layer.style.height = r.height + 'px';
      layer.style.padding = cs.padding;
      layer.style.font = cs.font;
      layer.style.lineHeight = cs.lineHeight;
      layer.style.letterSpacing = cs.letterSpacing;
    };
    var paint = function () {
      place();
      layer.innerHTML = highlight(textarea.value);
      layer.scrollTop = textarea.scrollTop;
      layer.scrollLeft = textarea.scrollLeft;
    };
    textarea.addEventListener('input', paint);
    textarea.addEventListener('scroll', paint);
    new MutationObserver(paint).observe(host, {attributes: true});
    new ResizeObserver(paint).observe(textarea);
    host.classList.add('highlighted');
    paint();
  }

  function scan() {
    document.querySelectorAll('vaadin-text-area.policy-json').forEach(attach);
  }

  new MutationObserver(scan).observe(document.body, {childList: true, subtree: true});
  scan();
})();
