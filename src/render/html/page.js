// Interactivity of the review page: filters kept in the URL hash, the tooltip
// on highlights, jumps from the lists. The page is complete without it: every
// message is already in the side lists. Report text is never parsed as markup:
// this script only toggles classes, reads attributes and clones existing nodes.
(function () {
  const doc = document;
  const SEVERITIES = ["error", "warning", "info"];
  const FAMILIES = ["input", "numbering", "arithmetic", "tables", "typo"];
  const form = doc.getElementById("filters");
  const tip = doc.getElementById("tip");
  const shown = doc.getElementById("shown");
  const tbody = doc.querySelector("#rank tbody");
  const header = doc.getElementById("top");

  // Every finding: its list item, its highlight pieces and its labels.
  const findings = new Map();
  for (const li of doc.querySelectorAll("li.fi")) {
    const section = li.closest("section.report");
    const path = section ? section.querySelector("h2").textContent : "";
    findings.set(li.dataset.f, {
      li: li,
      section: section,
      sev: li.dataset.sev,
      family: li.dataset.family,
      code: li.dataset.code,
      lint: li.dataset.lint,
      haystack: (li.textContent + " " + path).toLowerCase(),
      marks: [],
      labels: [],
      head: null,
      visible: true,
    });
  }
  for (const m of doc.querySelectorAll("mark.hl")) {
    const f = findings.get(m.dataset.f);
    if (!f) continue;
    f.marks.push(m);
    if (m.hasAttribute("data-head")) f.head = m;
  }
  for (const l of doc.querySelectorAll(".lbl, .lend")) {
    for (const id of l.dataset.l.split(" ")) {
      const f = findings.get(id);
      if (f) f.labels.push(l);
    }
  }

  // ---- filter state <-> URL hash <-> form ----
  // The highlight last focused, kept in the hash (`at=f12`) so a link can point at it.
  let at = "";

  function fullState() {
    return { sev: SEVERITIES.slice(), family: FAMILIES.slice(), lint: "", q: "", at: "", clean: "hide", sort: "" };
  }

  function readHash() {
    const state = fullState();
    const raw = location.hash.replace(/^#/, "");
    if (!raw) return state;
    const lists = { sev: [], family: [] };
    let sawSev = false;
    let sawFamily = false;
    for (const part of raw.split("&")) {
      const eq = part.indexOf("=");
      if (eq < 0) continue;
      const key = part.slice(0, eq);
      let value = part.slice(eq + 1).replace(/\+/g, " ");
      try {
        value = decodeURIComponent(value);
      } catch (e) {
        continue;
      }
      if (key === "sev" || key === "severity") {
        sawSev = true;
        lists.sev.push(...value.split(",").map(s => s.trim().toLowerCase()));
      } else if (key === "family") {
        sawFamily = true;
        lists.family.push(...value.split(",").map(s => s.trim().toLowerCase()));
      } else if (key === "lint") {
        state.lint = value.trim();
      } else if (key === "q") {
        state.q = value;
      } else if (key === "at") {
        state.at = value;
      } else if (key === "clean") {
        state.clean = value === "show" ? "show" : "hide";
      } else if (key === "sort") {
        state.sort = value.trim();
      }
    }
    if (sawSev) state.sev = SEVERITIES.filter(s => lists.sev.includes(s));
    if (sawFamily) state.family = FAMILIES.filter(s => lists.family.includes(s));
    return state;
  }

  function hashOf(state) {
    const parts = [];
    if (state.sev.length !== SEVERITIES.length) parts.push("sev=" + state.sev.join(","));
    if (state.family.length !== FAMILIES.length) parts.push("family=" + state.family.join(","));
    if (state.lint) parts.push("lint=" + encodeURIComponent(state.lint));
    if (state.q) parts.push("q=" + encodeURIComponent(state.q));
    if (state.clean === "show") parts.push("clean=show");
    if (state.sort) parts.push("sort=" + encodeURIComponent(state.sort));
    if (state.at) parts.push("at=" + encodeURIComponent(state.at));
    return parts.join("&");
  }

  function readForm() {
    const checked = name =>
      Array.from(form.querySelectorAll("input[name=" + name + "]:checked")).map(i => i.value);
    return {
      sev: checked("sev"),
      family: checked("family"),
      lint: form.elements.lint.value,
      q: form.elements.q.value,
      at: at,
      clean: form.elements.clean.checked ? "hide" : "show",
      sort: sortKey === "score" && sortDesc ? "" : (sortDesc ? "-" : "") + sortKey,
    };
  }

  function writeForm(state) {
    for (const i of form.querySelectorAll("input[name=sev]")) i.checked = state.sev.includes(i.value);
    for (const i of form.querySelectorAll("input[name=family]")) i.checked = state.family.includes(i.value);
    const select = form.elements.lint;
    const wanted = Array.from(select.options).find(
      o => o.value && (o.value.toLowerCase() === state.lint.toLowerCase() || o.textContent.split(" ")[1] === state.lint)
    );
    select.value = wanted ? wanted.value : "";
    form.elements.q.value = state.q;
    form.elements.clean.checked = state.clean !== "show";
  }

  function isFiltering(state) {
    return hashOf(Object.assign({}, state, { at: "", clean: "hide", sort: "" })) !== "";
  }

  // ---- sorting the ranking: by the column last clicked (score, highest first, to start) ----
  let sortKey = "score";
  let sortDesc = true;

  function cellValue(row, key) {
    let cell;
    if (key === "name") cell = row.querySelector("th.name");
    else if (key === "score") cell = row.querySelector("td.score");
    else if (SEVERITIES.includes(key)) cell = row.querySelector('td[data-sev="' + key + '"]');
    else cell = row.querySelector('td[data-family="' + key + '"]');
    const v = cell ? cell.dataset.v : "";
    return key === "name" ? v : Number(v);
  }

  function sortRows(rows) {
    rows.sort((a, b) => {
      const x = cellValue(a, sortKey);
      const y = cellValue(b, sortKey);
      let c = typeof x === "string" ? x.localeCompare(y) : x - y;
      if (sortDesc) c = -c;
      return c || a._rank - b._rank;
    });
    for (const th of doc.querySelectorAll("#rank thead th[data-sort]")) {
      if (th.dataset.sort === sortKey) th.setAttribute("aria-sort", sortDesc ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    }
  }

  // ---- applying a state ----
  function apply(state) {
    const q = state.q.trim().toLowerCase();
    const lint = state.lint.toLowerCase();
    const perReport = new Map();
    let visibleCount = 0;
    for (const [, f] of findings) {
      const visible =
        state.sev.includes(f.sev) &&
        (state.family.includes(f.family) || !FAMILIES.includes(f.family)) &&
        (!lint || f.code.toLowerCase() === lint || f.lint === lint) &&
        (!q || f.haystack.includes(q));
      f.visible = visible;
      f.li.hidden = !visible;
      for (const m of f.marks) m.classList.toggle("off", !visible);
      if (f.head) f.head.tabIndex = visible ? 0 : -1;
      if (!visible) continue;
      visibleCount++;
      const id = f.section ? f.section.dataset.report : "";
      const c = perReport.get(id) || { sev: [0, 0, 0], family: [0, 0, 0, 0, 0] };
      c.sev[SEVERITIES.indexOf(f.sev)]++;
      const k = FAMILIES.indexOf(f.family);
      if (k >= 0) c.family[k]++;
      perReport.set(id, c);
    }
    const filtering = isFiltering(state);
    const rows = Array.from(tbody.rows);
    const total = { sev: [0, 0, 0], family: [0, 0, 0, 0, 0] };
    let widest = 1;
    for (const row of rows) {
      const c = perReport.get(row.dataset.report) || { sev: [0, 0, 0], family: [0, 0, 0, 0, 0] };
      row._counts = c;
      widest = Math.max(widest, c.sev[0] + c.sev[1] + c.sev[2]);
      c.sev.forEach((n, i) => (total.sev[i] += n));
      c.family.forEach((n, i) => (total.family[i] += n));
    }
    rows.forEach((row, i) => (row._rank = row._rank === undefined ? i : row._rank));
    for (const row of rows) fillCounts(row, row._counts);
    sortRows(rows);
    let position = 0;
    for (const row of rows) {
      const c = row._counts;
      const sum = c.sev[0] + c.sev[1] + c.sev[2];
      const hide = (filtering || state.clean !== "show") && sum === 0;
      row.hidden = hide;
      const section = doc.getElementById(row.dataset.report);
      if (section) section.hidden = hide;
      if (!hide) position++;
      row.cells[0].textContent = hide ? "" : String(position);
      row.querySelectorAll(".bar span").forEach((bar, i) => {
        bar.style.width = ((c.sev[i] * 100) / widest).toFixed(2) + "%";
      });
      tbody.appendChild(row);
    }
    fillCounts(doc.getElementById("total"), total);
    const words = filtering ? shown.dataset.some : shown.dataset.all;
    shown.textContent = words
      .replace("{shown}", String(visibleCount))
      .replace("{n}", String(findings.size));
  }

  function fillCounts(row, c) {
    for (const cell of row.querySelectorAll("td[data-sev]")) {
      const n = c.sev[SEVERITIES.indexOf(cell.dataset.sev)];
      cell.textContent = String(n);
      cell.dataset.v = String(n);
      cell.classList.toggle("zero", n === 0);
    }
    for (const cell of row.querySelectorAll("td[data-family]")) {
      const n = c.family[FAMILIES.indexOf(cell.dataset.family)];
      cell.textContent = String(n);
      cell.dataset.v = String(n);
      cell.classList.toggle("zero", n === 0);
    }
  }

  function writeHash(state) {
    const hash = hashOf(state);
    history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
  }

  function fromForm() {
    const state = readForm();
    apply(state);
    writeHash(state);
  }

  const SORTS = ["name", "score"].concat(SEVERITIES, FAMILIES);

  function fromHash() {
    const state = readHash();
    // `sort=name` sorts A to Z, `sort=-errors` highest first; anything else: by score.
    const key = state.sort.replace(/^-/, "");
    sortKey = SORTS.includes(key) ? key : "score";
    sortDesc = SORTS.includes(key) ? state.sort.startsWith("-") : true;
    writeForm(state);
    // A lint the page does not know (a stale link) filters nothing rather than everything.
    state.lint = form.elements.lint.value;
    apply(state);
    const target = state.at && doc.getElementById(state.at);
    at = target && target.matches("mark[data-head]") ? state.at : "";
    if (at) jumpTo(target);
  }

  form.addEventListener("change", fromForm);
  form.addEventListener("input", fromForm);
  form.addEventListener("submit", e => e.preventDefault());
  form.addEventListener("reset", () => setTimeout(fromForm, 0));
  window.addEventListener("hashchange", fromHash);

  // ---- hover and focus: the message, the help, the related labels ----
  let activeIds = [];
  let hideTimer = 0;

  function deactivate() {
    for (const id of activeIds) {
      const f = findings.get(id);
      if (!f) continue;
      for (const m of f.marks) m.classList.remove("on");
      for (const l of f.labels) l.classList.remove("on");
      f.li.classList.remove("on");
    }
    activeIds = [];
    tip.hidden = true;
  }

  function cloneWithoutIds(node) {
    const copy = node.cloneNode(true);
    copy.removeAttribute("id");
    for (const n of copy.querySelectorAll("[id]")) n.removeAttribute("id");
    return copy;
  }

  function activate(ids, anchor) {
    clearTimeout(hideTimer);
    deactivate();
    activeIds = ids.filter(id => findings.has(id) && findings.get(id).visible);
    if (!activeIds.length) return;
    tip.replaceChildren();
    for (const id of activeIds) {
      const f = findings.get(id);
      for (const m of f.marks) m.classList.add("on");
      for (const l of f.labels) l.classList.add("on");
      f.li.classList.add("on");
      const card = doc.createElement("div");
      card.className = "card sev-" + f.sev;
      for (const part of f.li.querySelectorAll(".meta, .msg, .help:not([hidden]), .labels, .fix")) {
        card.appendChild(cloneWithoutIds(part));
      }
      tip.appendChild(card);
    }
    tip.hidden = false;
    place(anchor);
  }

  function place(anchor) {
    const r = anchor.getBoundingClientRect();
    const width = Math.min(520, doc.documentElement.clientWidth - 16);
    tip.style.maxWidth = width + "px";
    const left = Math.max(8, Math.min(r.left, doc.documentElement.clientWidth - tip.offsetWidth - 8));
    let top = r.bottom + 6;
    if (top + tip.offsetHeight > window.innerHeight && r.top - tip.offsetHeight - 6 > headerHeight()) {
      top = r.top - tip.offsetHeight - 6;
    }
    tip.style.left = left + window.scrollX + "px";
    tip.style.top = top + window.scrollY + "px";
  }

  // Every finding covering the text under the pointer, outermost first.
  function idsAt(mark) {
    const ids = [];
    for (let m = mark; m && m.matches && m.matches("mark.hl"); m = m.parentElement) {
      if (!m.classList.contains("off")) ids.unshift(m.dataset.f);
    }
    return ids;
  }

  doc.addEventListener("mouseover", e => {
    const mark = e.target.closest && e.target.closest("mark.hl");
    if (mark) activate(idsAt(mark), mark);
  });
  doc.addEventListener("mouseout", e => {
    const to = e.relatedTarget;
    if (to && to.closest && to.closest("mark.hl")) return;
    if (doc.activeElement && doc.activeElement.matches("mark.hl")) return;
    hideTimer = setTimeout(deactivate, 150);
  });
  doc.addEventListener("focusin", e => {
    const t = e.target;
    if (t.matches && t.matches("mark.hl")) {
      activate([t.dataset.f], t);
      if (at !== t.id) {
        at = t.id;
        writeHash(readForm());
      }
    }
  });
  doc.addEventListener("focusout", e => {
    if (e.target.matches && e.target.matches("mark.hl")) deactivate();
  });

  // ---- jumps: side list -> highlight, ranking -> report ----
  function headerHeight() {
    return header ? header.offsetHeight : 0;
  }

  function jumpTo(target) {
    const details = target.closest("details");
    if (details) details.open = true;
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
  }

  doc.addEventListener("click", e => {
    const sort = e.target.closest && e.target.closest("#rank thead th[data-sort]");
    if (sort) {
      const key = sort.dataset.sort;
      // A new column starts with its natural order: names A to Z, numbers highest first.
      sortDesc = key === sortKey ? !sortDesc : key !== "name";
      sortKey = key;
      fromForm();
      return;
    }
    const bar = e.target.closest && e.target.closest("button.cbar");
    if (bar) {
      form.elements.lint.value = bar.dataset.lint;
      fromForm();
      return;
    }
    const more = e.target.closest && e.target.closest("button.more");
    if (more) {
      const open = more.getAttribute("aria-expanded") !== "true";
      more.setAttribute("aria-expanded", open ? "true" : "false");
      for (const li of doc.querySelectorAll('li.rep[data-group="' + more.dataset.group + '"]')) {
        li.classList.toggle("show", open);
      }
      return;
    }
    const button = e.target.closest && e.target.closest("button.jump");
    if (button) {
      const target = doc.getElementById(button.dataset.target);
      if (target) jumpTo(target);
      return;
    }
    // In-page links scroll by script: following them would replace the filters in the hash.
    const link = e.target.closest && e.target.closest("a[data-jump]");
    if (link) {
      const section = doc.getElementById(link.dataset.jump);
      if (!section) return;
      e.preventDefault();
      const heading = section.querySelector("h2") || section;
      heading.tabIndex = -1;
      section.scrollIntoView({ block: "start" });
      heading.focus({ preventScroll: true });
    }
  });

  // ---- keyboard: / search, j / k next and previous finding, Escape ----
  function visibleHeads() {
    return Array.from(doc.querySelectorAll("mark[data-head]")).filter(
      m => m.tabIndex === 0 && !m.closest("[hidden]")
    );
  }

  doc.addEventListener("keydown", e => {
    if (e.key === "Escape") {
      deactivate();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target;
    if (t.matches && t.matches("input, select, textarea")) return;
    if (e.key === "/") {
      e.preventDefault();
      form.elements.q.focus();
    } else if (e.key === "j" || e.key === "k") {
      const heads = visibleHeads();
      if (!heads.length) return;
      const at = heads.indexOf(doc.activeElement);
      let next;
      if (at >= 0) {
        next = e.key === "j" ? Math.min(at + 1, heads.length - 1) : Math.max(at - 1, 0);
      } else {
        const line = headerHeight();
        next = heads.findIndex(m => m.getBoundingClientRect().top > line);
        if (next < 0) next = heads.length - 1;
      }
      e.preventDefault();
      jumpTo(heads[next]);
    }
  });

  function syncHeaderHeight() {
    doc.documentElement.style.setProperty("--header-h", headerHeight() + "px");
  }
  window.addEventListener("resize", syncHeaderHeight);
  syncHeaderHeight();
  fromHash();
  doc.documentElement.setAttribute("data-ready", "");
})();
