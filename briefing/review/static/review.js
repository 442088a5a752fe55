// The review page's behaviour: save each change at once, show the checks, move entries.
// Every text from the issue is put in with textContent, never as HTML.
"use strict";

(function () {
  const body = document.body;
  const token = body.dataset.token;
  const maxChars = Number(body.dataset.maxChars);
  let version = Number(body.dataset.version);
  let stale = false;
  let queue = Promise.resolve();
  const pending = new Map(); // key -> {timer, send}: typed changes waiting for a pause
  const statusLine = document.getElementById("status");
  const alertLine = document.getElementById("alert");

  function say(text) { statusLine.textContent = text; }

  function warn(text) {
    alertLine.textContent = text;
    alertLine.hidden = !text;
  }

  function when(iso) { return iso.replace("T", " "); }

  function timeNow() {
    return new Date().toLocaleTimeString("zh-CN", { hour12: false });
  }

  // Changes go one after another, each naming the version it was made on; the server refuses
  // a change made on an older version (another tab saved since), and we stop saving.
  function post(path, data, options) {
    const run = () => {
      if (stale) return Promise.resolve(null);
      say("保存中…");
      return fetch(path, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Review-Token": token },
        body: JSON.stringify(Object.assign({ version: version }, data)),
        keepalive: Boolean(options && options.keepalive),
        credentials: "omit",
      }).then((response) => response.json().then((reply) => ({ response, reply })))
        .then(({ response, reply }) => {
          if (response.status === 409) {
            stale = true;
            body.classList.add("stale");
            warn(reply.message);
            say("未保存");
            return null;
          }
          if (!response.ok) {
            warn(reply.message || "保存失败");
            say("未保存");
            return null;
          }
          warn("");
          version = reply.version;
          body.dataset.version = String(version);
          showApproval(reply);
          return reply;
        })
        .catch(() => {
          warn("无法连接审阅服务（已停止？）：这次修改未保存。重新运行 briefing review，打开它新打印的地址（已保存的修改都在）。");
          say("未保存");
          return null;
        });
    };
    const result = queue.then(run);
    queue = result.then(() => undefined);
    return result;
  }

  function showApproval(reply) {
    document.getElementById("article-count").textContent = reply.article_count;
    body.dataset.approved = String(reply.approved);
    if (reply.approved) {
      say("已批准：" + reply.approval.by + "，" + when(reply.approval.at) + "（版本 " + reply.approval.version + "）");
    } else if (reply.approval) {
      say("批准后又有改动，发送前需重新批准 · 已保存 " + timeNow());
    } else {
      say("已保存 " + timeNow() + " · 版本 " + reply.version);
    }
  }

  // --- checks ---------------------------------------------------------------------------------

  function fold(text) { // full-width ASCII to ASCII, as the server's checks see the text
    return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
  }

  function length(text) { return Array.from(text.trim()).length; }

  function showCount(entry) {
    const text = entry.querySelector(".summary").value;
    const chars = entry.querySelector(".chars");
    const n = length(text);
    chars.textContent = n + " / " + maxChars + " 字";
    chars.classList.toggle("over", n > maxChars);
  }

  // The summary again, with what the article lacks marked (a textarea cannot hold marks).
  function showFlagged(box, text, spans) {
    box.textContent = "";
    if (!spans.length) { box.hidden = true; return; }
    const folded = fold(text);
    const marks = [];
    spans.forEach((span) => {
      let at = folded.indexOf(span);
      while (at >= 0) { marks.push([at, at + span.length]); at = folded.indexOf(span, at + span.length); }
    });
    marks.sort((a, b) => a[0] - b[0]);
    let done = 0;
    marks.forEach(([start, end]) => {
      if (start < done) return;
      box.appendChild(document.createTextNode(text.slice(done, start)));
      const mark = document.createElement("mark");
      mark.textContent = text.slice(start, end);
      box.appendChild(mark);
      done = end;
    });
    box.appendChild(document.createTextNode(text.slice(done)));
    box.hidden = false;
  }

  function showChecks(entry, checks) {
    entry.dataset.checks = JSON.stringify(checks);
    const list = entry.querySelector(".problems");
    list.textContent = "";
    const add = (prefix, problem) => {
      const li = document.createElement("li");
      li.textContent = prefix + problem;
      list.appendChild(li);
    };
    checks.title_problems.forEach((p) => add("标题：", p));
    checks.summary_problems.forEach((p) => add("摘要：", p));
    showFlagged(entry.querySelector(".flagged"), entry.querySelector(".summary").value.trim(), checks.summary_spans);
    entry.classList.toggle("has-problems", list.children.length > 0);
    showCount(entry);
  }

  // --- applying the server's answer -----------------------------------------------------------

  function place(entry, placement) {
    const list = document.querySelector('ol.entries[data-section="' + CSS.escape(placement.section) + '"]');
    const before = placement.before ? document.getElementById("entry-" + placement.before) : null;
    if (entry.parentElement !== list || entry.nextElementSibling !== before) {
      list.insertBefore(entry, before);
    }
    document.querySelectorAll("section.section").forEach((section) => {
      section.hidden = !section.querySelector("li.entry");
    });
  }

  // How the summary and title were made (the server words it: model, fallback and why, edited).
  function showMade(entry, made) {
    Object.keys(made).forEach((name) => {
      const span = entry.querySelector(".made-" + name);
      span.textContent = made[name].text;
      span.className = "made-" + name + " made-" + made[name].kind;
      span.hidden = !made[name].text;
    });
  }

  function apply(entry, item, typing) {
    const title = entry.querySelector(".title");
    const summary = entry.querySelector(".summary");
    // What the editor is typing stays as typed; the rest follows the saved draft.
    if (!typing && document.activeElement !== title) title.value = item.title;
    if (!typing && document.activeElement !== summary) summary.value = item.summary;
    entry.querySelector(".mark").hidden = !item.title_generated;
    entry.querySelector(".topic").value = item.topic;
    entry.querySelector(".top").checked = item.top;
    entry.classList.toggle("dropped", item.dropped);
    entry.querySelector(".drop").textContent = item.dropped ? "恢复" : "删除";
    entry.classList.toggle("edited", item.edited.length > 0);
    showMade(entry, item.made);
    showChecks(entry, item.checks);
    place(entry, item.placement);
  }

  function save(entry, field, value, options) {
    return post("/api/edit", { id: entry.dataset.id, field: field, value: value }, options).then((reply) => {
      if (reply) apply(entry, reply.item, Boolean(options && options.typing));
      return reply;
    });
  }

  // Typing is saved after a short pause, and at once when the field is left or the page hidden.
  function later(key, send) {
    const waiting = pending.get(key);
    if (waiting) clearTimeout(waiting.timer);
    const timer = setTimeout(() => { pending.delete(key); send(false); }, 350);
    pending.set(key, { timer, send });
  }

  function flush(keepalive) {
    pending.forEach((waiting, key) => {
      clearTimeout(waiting.timer);
      pending.delete(key);
      waiting.send(keepalive);
    });
  }

  function move(entry, direction) {
    return post("/api/move", { id: entry.dataset.id, direction: direction }).then((reply) => {
      if (reply) apply(entry, reply.item, false);
      const button = entry.querySelector(direction === "up" ? ".up" : ".down");
      if (document.activeElement === document.body) button.focus();
      return reply;
    });
  }

  // --- wiring -----------------------------------------------------------------------------------

  const sections = document.getElementById("sections");

  sections.addEventListener("input", (event) => {
    const entry = event.target.closest("li.entry");
    if (!entry) return;
    if (event.target.classList.contains("title")) {
      const input = event.target;
      entry.querySelector(".mark").hidden = true; // the editor is writing the title: no longer generated
      later(entry.id + ":title", (keepalive) => {
        if (input.value.trim()) save(entry, "title", input.value, { typing: true, keepalive });
      });
    } else if (event.target.classList.contains("summary")) {
      const area = event.target;
      showCount(entry);
      later(entry.id + ":summary", (keepalive) => save(entry, "summary", area.value, { typing: true, keepalive }));
    }
  });

  sections.addEventListener("focusout", (event) => {
    if (event.target.matches(".title, .summary")) flush(false);
  });

  sections.addEventListener("change", (event) => {
    const entry = event.target.closest("li.entry");
    if (!entry) return;
    if (event.target.classList.contains("topic")) {
      flush(false);
      save(entry, "topic", event.target.value);
    } else if (event.target.classList.contains("top")) {
      flush(false);
      save(entry, "top", event.target.checked).then(() => event.target.focus());
    }
  });

  sections.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    const entry = button && button.closest("li.entry");
    if (!entry) return;
    flush(false);
    if (button.classList.contains("up")) move(entry, "up");
    else if (button.classList.contains("down")) move(entry, "down");
    else if (button.classList.contains("drop")) {
      save(entry, "dropped", !entry.classList.contains("dropped")).then(() => button.focus());
    }
  });

  sections.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.target.classList.contains("title")) {
      event.preventDefault(); // a title is one line
      return;
    }
    if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    const entry = event.target.closest("li.entry");
    if (!entry) return;
    event.preventDefault();
    flush(false);
    const focused = event.target;
    move(entry, event.key === "ArrowUp" ? "up" : "down").then(() => focused.focus());
  });

  const paper = document.getElementById("paper");
  const date = document.getElementById("date");
  function saveHeader(keepalive) {
    post("/api/header", { paper: paper.value, date: date.value }, { keepalive }).then((reply) => {
      if (reply) document.getElementById("date-text").textContent = reply.date_text;
    });
  }
  document.getElementById("head").addEventListener("input", () => later("header", saveHeader));
  document.getElementById("head").addEventListener("submit", (event) => { event.preventDefault(); flush(false); });

  document.getElementById("approve").addEventListener("click", () => {
    flush(false);
    const flagged = document.querySelectorAll("li.entry.has-problems:not(.dropped)").length;
    if (flagged && !window.confirm(flagged + " 条摘要或标题仍有检查提示（原文没有的数字、引语或名字，或超出字数）。仍要批准吗？")) return;
    post("/api/approve", {}).then((reply) => {
      if (!reply) return;
      const files = Object.values(reply.written).join("、");
      say("已批准：" + reply.approval.by + "，" + when(reply.approval.at) + "（版本 " + reply.approval.version + "）· 已写出 " + files);
    });
  });

  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") flush(true); });
  window.addEventListener("pagehide", () => flush(true));

  // The server wrote every count; problems are listed only where there are some (few, usually).
  document.querySelectorAll("li.entry.has-problems").forEach((entry) => {
    showChecks(entry, JSON.parse(entry.dataset.checks));
  });
  body.classList.add("ready");
  window.reviewReady = performance.now();
})();
