/* The live demo: the widget on a sign-up form, and a virtual handset that shows what the sandbox delivered. */
(function () {
  "use strict";
  var widget = document.getElementById("widget");
  var inbox = document.getElementById("inbox");
  var numberLabel = document.getElementById("handset-number");
  var watching = null;
  var timer = null;

  function key() {
    var given = new URLSearchParams(location.search).get("key");
    if (given) { return Promise.resolve(given); }
    return fetch("/api/sandbox/v1/demo").then(function (r) {
      if (!r.ok) { throw new Error("The demo runs only in development mode with the sandbox open."); }
      return r.json();
    }).then(function (demo) { return demo.publishable_key; });
  }

  function entry(m, ringing) {
    var li = document.createElement("li");
    var from = document.createElement("span");
    from.className = "from";
    from.textContent = window.Ringproof.formatInternational(m.from);
    var kind = document.createElement("span");
    kind.className = "kind";
    li.setAttribute("data-type", m.type);
    li.setAttribute("data-from", m.from);
    if (m.type === "call") {
      li.className = ringing ? "ringing" : "missed";
      kind.textContent = ringing ? "Incoming call\u2026 ringing" : "Missed call";
    } else {
      kind.textContent = m.type === "sms" ? "Text message" : "Voice call, read out:";
    }
    li.appendChild(from);
    li.appendChild(kind);
    if (m.text) {
      var text = document.createElement("p");
      text.className = "text";
      text.textContent = m.text;
      li.appendChild(text);
    }
    return li;
  }

  function poll() {
    if (!watching) { return; }
    var phone = watching;
    fetch("/api/sandbox/v1/handsets/" + encodeURIComponent(phone) + "/inbox").then(function (r) {
      return r.ok ? r.json() : [];
    }).then(function (messages) {
      if (phone !== watching) { return; }
      var shown = inbox.children.length;
      for (var i = shown; i < messages.length; i++) {
        var li = entry(messages[i], messages[i].type === "call");
        inbox.insertBefore(li, inbox.firstChild);
        if (messages[i].type === "call") {
          setTimeout(function (node) {
            return function () { node.className = "missed"; node.querySelector(".kind").textContent = "Missed call"; };
          }(li), 2500);
        }
      }
    });
  }

  widget.addEventListener("ringproof:started", function (e) {
    watching = e.detail.phone;
    numberLabel.textContent = window.Ringproof.formatInternational(watching);
    inbox.textContent = "";
    clearInterval(timer);
    timer = setInterval(poll, 1000);
    poll();
  });

  widget.addEventListener("ringproof:verified", function (e) {
    document.getElementById("create").disabled = false;
    setTimeout(function () { clearInterval(timer); }, 3000);
  });

  document.getElementById("signup").addEventListener("submit", function (e) {
    e.preventDefault();
    var token = document.querySelector("input[name=ringproof_token]").value;
    document.getElementById("signed-up").textContent = "Signed up. Your backend now redeems " + token.slice(0, 12)
      + "\u2026 with its secret key: POST /api/v1/tokens/redeem.";
  });

  key().then(function (k) {
    widget.setAttribute("data-ringproof-key", k);
    window.Ringproof.mount(widget);
  }).catch(function (e) {
    widget.textContent = e.message;
  });
})();
