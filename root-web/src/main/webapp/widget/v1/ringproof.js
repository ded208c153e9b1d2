/*
 * Ringproof web widget v1: missed-call phone verification on any page, no framework.
 * Embed: <script src="https://YOUR-RINGPROOF/widget/v1/ringproof.js" defer></script>
 *        <div data-ringproof-key="rp_pub_live_..."></div>
 * On success it fills <input type="hidden" name="ringproof_token"> (in the element's form, or
 * in the element) and dispatches the bubbling event "ringproof:verified" with
 * {token, phone, verification_id}. The page's backend redeems the token with its secret key:
 * POST /api/v1/tokens/redeem. Guide: docs/widget.md.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var BASE = script && script.src ? new URL("/api/", script.src).href : "/api/";

  var TEXT = {
    en: {
      country: "Country", phone: "Phone number", verify: "Verify my number", code: "Code",
      confirm: "Confirm", other: "Use another number", sending: "Starting\u2026",
      missed_call: "We are calling you from {cli}: no need to answer. Enter the last {n} digits of that number.",
      sms: "We sent a text message with a {n}-digit code to {phone}. Enter it below.",
      voice: "We are calling {phone} to read out a {n}-digit code. Enter it below.",
      next_sms: "If the call does not come, we will send a text message in {s} s.",
      next_voice: "If the text does not come, we will call you with the code in {s} s.",
      expires: "The code is valid for another {t}.",
      wrong: "That code is not right. {n} tries left.",
      verified: "Your number {phone} is verified.",
      failed: "Too many wrong codes. Please start again.",
      expired: "This verification expired. Please start again.",
      invalid_phone: "Please enter a valid phone number.",
      error: "Something went wrong: {detail}"
    },
    fr: {
      country: "Pays", phone: "Num\u00e9ro de t\u00e9l\u00e9phone", verify: "V\u00e9rifier mon num\u00e9ro",
      code: "Code", confirm: "Confirmer", other: "Utiliser un autre num\u00e9ro", sending: "D\u00e9marrage\u2026",
      missed_call: "Nous vous appelons depuis le {cli} : inutile de d\u00e9crocher. Saisissez les {n} derniers chiffres de ce num\u00e9ro.",
      sms: "Nous avons envoy\u00e9 un SMS avec un code \u00e0 {n} chiffres au {phone}. Saisissez-le ci-dessous.",
      voice: "Nous appelons le {phone} pour vous dicter un code \u00e0 {n} chiffres. Saisissez-le ci-dessous.",
      next_sms: "Si l\u2019appel n\u2019arrive pas, nous enverrons un SMS dans {s} s.",
      next_voice: "Si le SMS n\u2019arrive pas, nous vous appellerons avec le code dans {s} s.",
      expires: "Le code reste valable {t}.",
      wrong: "Ce code n\u2019est pas le bon. Encore {n} essais.",
      verified: "Votre num\u00e9ro {phone} est v\u00e9rifi\u00e9.",
      failed: "Trop de codes erron\u00e9s. Veuillez recommencer.",
      expired: "Cette v\u00e9rification a expir\u00e9. Veuillez recommencer.",
      invalid_phone: "Veuillez saisir un num\u00e9ro de t\u00e9l\u00e9phone valide.",
      error: "Une erreur est survenue : {detail}"
    }
  };

  // country: [calling code, national groups (the last one takes the rest), keeps its leading 0]
  var COUNTRIES = {
    GB: ["44", function (d) { return d.slice(0, 2) === "20" ? [2, 4, 4] : [4, 6]; }],
    FR: ["33", [1, 2, 2, 2, 2]], DE: ["49", [3, 4, 8]], ES: ["34", [3, 3, 3]], IT: ["39", [3, 3, 4], true],
    NL: ["31", [1, 4, 4]], BE: ["32", [3, 2, 2, 2]], IE: ["353", [2, 3, 4]], CH: ["41", [2, 3, 2, 2]],
    AT: ["43", [3, 7]], US: ["1", [3, 3, 4]], CA: ["1", [3, 3, 4]]
  };
  var NAMES = { GB: "United Kingdom", FR: "France", DE: "Deutschland", ES: "Espa\u00f1a", IT: "Italia",
    NL: "Nederland", BE: "Belgique", IE: "Ireland", CH: "Schweiz", AT: "\u00d6sterreich", US: "United States",
    CA: "Canada" };

  function groupsOf(country, digits) {
    var g = COUNTRIES[country][1];
    return typeof g === "function" ? g(digits) : g;
  }

  /** Digits of a national number, trunk 0 dropped (but for Italy), as the person typed them. */
  function nationalDigits(country, text) {
    var d = String(text).replace(/[^0-9]/g, "");
    return COUNTRIES[country][2] ? d : d.replace(/^0+/, "");
  }

  function group(digits, sizes) {
    var out = [], at = 0;
    for (var i = 0; i < sizes.length && at < digits.length; i++) {
      var size = i === sizes.length - 1 ? digits.length - at : sizes[i];
      out.push(digits.slice(at, at + size));
      at += size;
    }
    return out.join(" ");
  }

  /** As typed, spaced in the country's groups; a trunk 0 typed first stays in sight (07400 123456). */
  function formatNational(country, text) {
    var digits = nationalDigits(country, text);
    var sizes = groupsOf(country, digits).slice();
    if (!COUNTRIES[country][2] && /^\s*0/.test(text)) {
      sizes[0] += 1;
      digits = "0" + digits;
    }
    return group(digits, sizes);
  }

  /** An E.164 number (or prefix plus masked digits) spaced for reading: +44 20 7946 ••••. */
  function formatInternational(number) {
    for (var c in COUNTRIES) {
      var cc = COUNTRIES[c][0];
      if (number.indexOf("+" + cc) === 0) {
        var rest = number.slice(cc.length + 1);
        return "+" + cc + " " + group(rest, groupsOf(c, rest));
      }
    }
    return number;
  }

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return values[k] == null ? m : values[k]; });
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { node.textContent = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { node.appendChild(c); });
    return node;
  }

  var counter = 0;

  function mount(root, options) {
    options = options || {};
    var key = options.key || root.getAttribute("data-ringproof-key");
    var api = options.api || root.getAttribute("data-ringproof-api") || BASE;
    var langTag = (options.lang || (root.closest("[lang]") || document.documentElement).getAttribute("lang") || "en");
    var t = TEXT[langTag.slice(0, 2).toLowerCase()] || TEXT.en;
    var countries = (root.getAttribute("data-ringproof-countries") || "GB,FR,DE,ES,IT,NL,BE,IE,CH,AT,US,CA")
      .split(",").filter(function (c) { return COUNTRIES[c]; });
    var id = "rp" + (++counter);
    var state = { verification: null, poll: null, tick: null, channel: null };

    root.classList.add("ringproof");
    root.textContent = "";
    var select = el("select", { id: id + "-country", autocomplete: "tel-country-code" });
    countries.forEach(function (c) {
      select.appendChild(el("option", { value: c, text: NAMES[c] + " (+" + COUNTRIES[c][0] + ")" }));
    });
    select.value = root.getAttribute("data-ringproof-country") || countries[0];
    var phone = el("input", { id: id + "-phone", type: "tel", autocomplete: "tel-national", inputmode: "tel",
      "aria-describedby": id + "-status" });
    var start = el("button", { type: "button", id: id + "-start", text: t.verify });
    var phoneStep = el("div", { "class": "ringproof-phone" }, [
      el("label", { "for": id + "-country", text: t.country }), select,
      el("label", { "for": id + "-phone", text: t.phone }), phone, start]);
    var code = el("input", { id: id + "-code", type: "text", inputmode: "numeric", autocomplete: "one-time-code",
      "aria-describedby": id + "-status" });
    var confirm = el("button", { type: "button", id: id + "-confirm", text: t.confirm });
    var other = el("button", { type: "button", id: id + "-other", "class": "ringproof-other", text: t.other });
    var codeStep = el("div", { "class": "ringproof-code", hidden: "" }, [
      el("label", { "for": id + "-code", text: t.code }), code, confirm, other]);
    var status = el("p", { id: id + "-status", "class": "ringproof-status", role: "status", "aria-live": "polite" });
    var countdown = el("p", { id: id + "-countdown", "class": "ringproof-countdown" });
    var alert = el("p", { id: id + "-alert", "class": "ringproof-alert", role: "alert" });
    // what happens, then the code: read (and announced) before the field it asks for
    [phoneStep, status, countdown, codeStep, alert].forEach(function (n) { root.appendChild(n); });

    var form = root.closest("form");
    var hidden = (form || root).querySelector("input[name='" + (root.getAttribute("data-ringproof-input") || "ringproof_token") + "']");
    if (!hidden) {
      hidden = el("input", { type: "hidden", name: root.getAttribute("data-ringproof-input") || "ringproof_token" });
      root.appendChild(hidden);
    }

    function call(method, path, body) {
      return fetch(api + path, {
        method: method, mode: "cors", credentials: "omit",
        headers: body ? { "Authorization": "Bearer " + key, "Content-Type": "application/json" }
          : { "Authorization": "Bearer " + key },
        body: body ? JSON.stringify(body) : undefined
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) {
          if (!response.ok) {
            var problem = new Error(json.detail || json.title || String(response.status));
            problem.problem = json;
            throw problem;
          }
          return json;
        });
      });
    }

    function say(text) { status.textContent = text; }
    function fail(error) { alert.textContent = fill(t.error, { detail: error.message }); }

    phone.addEventListener("input", function () {
      var formatted = formatNational(select.value, phone.value);
      if (formatted !== phone.value.trim()) { phone.value = formatted; }
    });
    phone.addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); begin(); } });
    code.addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); check(); } });
    start.addEventListener("click", begin);
    confirm.addEventListener("click", check);
    other.addEventListener("click", reset);

    function begin() {
      alert.textContent = "";
      var digits = nationalDigits(select.value, phone.value);
      if (digits.length < 6) { alert.textContent = t.invalid_phone; phone.focus(); return; }
      start.disabled = true;
      say(t.sending);
      call("POST", "v1/verifications", { phone: "+" + COUNTRIES[select.value][0] + digits, locale: langTag })
        .then(function (v) {
          state.verification = v;
          state.channel = null;
          root.dispatchEvent(new CustomEvent("ringproof:started", { bubbles: true,
            detail: { phone: v.phone, verification_id: v.id } }));
          phoneStep.hidden = true;
          codeStep.hidden = false;
          show(v);
          code.focus();
          state.poll = setInterval(refresh, 2000);
          state.tick = setInterval(tick, 1000);
        })
        .catch(function (e) { start.disabled = false; say(""); fail(e); });
    }

    function attempt(v) {
      return v.attempts[v.attempts.length - 1] || {};
    }

    function show(v) {
      state.verification = v;
      if (v.status !== "pending") { return finish(v); }
      if (v.channel !== state.channel) {
        state.channel = v.channel;
        var a = attempt(v);
        var mask = new Array((a.code_length || 4) + 1).join("\u2022");
        code.setAttribute("maxlength", String(a.code_length || 10));
        code.value = "";
        say(fill(t[v.channel] || t.sms, { cli: formatInternational((a.cli_prefix || "") + mask),
          n: a.code_length, phone: formatInternational(v.phone) }));
      }
      tick();
    }

    function tick() {
      var v = state.verification;
      if (!v || v.status !== "pending") { return; }
      var now = Date.now();
      if (v.next_fallback_at) {
        var s = Math.max(0, Math.round((Date.parse(v.next_fallback_at) - now) / 1000));
        countdown.textContent = fill(v.channel === "missed_call" ? t.next_sms : t.next_voice, { s: s });
      } else {
        var left = Math.max(0, Math.round((Date.parse(v.expires_at) - now) / 1000));
        countdown.textContent = fill(t.expires, { t: Math.floor(left / 60) + ":" + ("0" + (left % 60)).slice(-2) });
      }
    }

    function refresh() {
      if (!state.verification) { return; }
      call("GET", "v1/verifications/" + encodeURIComponent(state.verification.id)).then(show).catch(function () {});
    }

    function check() {
      alert.textContent = "";
      var digits = code.value.replace(/\s/g, "");
      if (!digits || !state.verification) { code.focus(); return; }
      confirm.disabled = true;
      call("POST", "v1/verifications/" + encodeURIComponent(state.verification.id) + "/check", { code: digits })
        .then(function (v) {
          confirm.disabled = false;
          if (v.valid) { return finish(v); }
          if (v.status !== "pending") { return finish(v); }
          alert.textContent = fill(t.wrong, { n: v.remaining_checks });
          code.select();
        })
        .catch(function (e) { confirm.disabled = false; fail(e); });
    }

    function stop() {
      clearInterval(state.poll);
      clearInterval(state.tick);
      countdown.textContent = "";
    }

    function finish(v) {
      stop();
      codeStep.hidden = true;
      if (v.status === "approved" && v.token) {
        hidden.value = v.token;
        say(fill(t.verified, { phone: formatInternational(v.phone) }));
        root.setAttribute("data-ringproof-verified", "true");
        root.dispatchEvent(new CustomEvent("ringproof:verified", { bubbles: true,
          detail: { token: v.token, phone: v.phone, verification_id: v.id } }));
        return;
      }
      say(v.status === "failed" ? t.failed : t.expired);
      phoneStep.hidden = false;
      start.disabled = false;
      phone.focus();
    }

    function reset() {
      stop();
      state.verification = null;
      codeStep.hidden = true;
      phoneStep.hidden = false;
      start.disabled = false;
      say("");
      alert.textContent = "";
      phone.focus();
    }
    return { reset: reset };
  }

  function mountAll() {
    var nodes = document.querySelectorAll("[data-ringproof-key]");
    for (var i = 0; i < nodes.length; i++) {
      if (!nodes[i].classList.contains("ringproof")) { mount(nodes[i]); }
    }
  }

  window.Ringproof = { mount: mount, format: formatNational, formatInternational: formatInternational };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountAll);
  } else {
    mountAll();
  }
})();
