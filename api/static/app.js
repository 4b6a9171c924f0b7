// The search page: ask a question, show the answer and its cited clauses, open a clause or a
// whole resolution. All text goes into the page through textContent (never innerHTML).
"use strict";

const $ = (id) => document.getElementById(id);
let lastAnswer = null;

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "text") node.textContent = String(value);
    else if (name === "className") node.className = value;
    else node.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function idPath(id) {
  return id.split("/").map(encodeURIComponent).join("/");
}

function apiKey() {
  return sessionStorage.getItem("rescite-key") || "";
}

async function api(method, path, body) {
  const headers = { Accept: "application/json" };
  if (apiKey()) headers["X-API-Key"] = apiKey();
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
  });
  let data = null;
  try { data = await response.json(); } catch (_) { data = null; }
  if (!response.ok) {
    const error = (data && data.error) || {};
    const failure = new Error(error.message || `The server answered ${response.status}.`);
    failure.status = response.status;
    throw failure;
  }
  return data;
}

function showError(message) {
  const box = $("error");
  box.textContent = message;
  box.hidden = !message;
}

function filtersFromForm() {
  const filters = {};
  const body = $("f-body").value;
  const section = $("f-section").value;
  const language = $("f-language").value;
  const yearFrom = parseInt($("f-year-from").value, 10);
  const yearTo = parseInt($("f-year-to").value, 10);
  if (body) filters.body = [body];
  if (section) filters.section = [section];
  if (language) filters.language = [language];
  if (!Number.isNaN(yearFrom)) filters.year_from = yearFrom;
  if (!Number.isNaN(yearTo)) filters.year_to = yearTo;
  return filters;
}

// Where the quote sits in the clause text, allowing for line breaks and runs of spaces that the
// quote (one line) and the stored clause text (as in the document) may lay out differently.
function findQuote(text, quote) {
  const words = (quote || "").trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const match = new RegExp(escaped.join("\\s+")).exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

// The clause text with the quote marked: three text nodes, the middle one inside <mark>.
function highlighted(text, quote) {
  const block = el("blockquote", { className: "clause-text" });
  const found = findQuote(text, quote);
  if (!found) {
    block.append(document.createTextNode(text));
    return block;
  }
  block.append(
    document.createTextNode(text.slice(0, found.start)),
    el("mark", { text: text.slice(found.start, found.end) }),
    document.createTextNode(text.slice(found.end)),
  );
  return block;
}

function metaLine(doc, extra) {
  const parts = [doc.body, doc.doc_type, doc.year, doc.language && doc.language.toUpperCase()];
  return parts.concat(extra || []).filter((p) => p !== null && p !== undefined && p !== "")
    .join(" · ");
}

function citationItem(citation) {
  const doc = citation.document;
  const extra = [];
  if (citation.page) extra.push(`page ${citation.page}`);
  extra.push(citation.verified ? "quote verified" : "quote not verified");
  return el("li", { className: "citation", "data-clause-id": citation.clause_id },
    el("h4", {},
      el("span", { className: "marker", text: `[${citation.n}]` }), " ",
      el("span", { className: "citation-string", text: citation.citation })),
    el("p", { className: "doc-title", text: doc.title || doc.doc_id }),
    el("p", { className: "meta", text: metaLine(doc, extra) }),
    highlighted(citation.text, citation.quote),
    el("p", { className: "links" },
      el("a", { href: `#clause=${encodeURIComponent(citation.clause_id)}`,
                className: "open-clause", text: "Whole clause" }), " · ",
      el("a", { href: `#doc=${encodeURIComponent(doc.doc_id)}&clause=${encodeURIComponent(citation.clause_id)}`,
                className: "open-document", text: "Whole resolution" }), " · ",
      el("a", { href: `v1/clauses/${idPath(citation.clause_id)}`, text: "JSON" })));
}

function leadItem(lead) {
  return el("li", { className: "lead", "data-clause-id": lead.clause_id },
    el("a", { href: `#clause=${encodeURIComponent(lead.clause_id)}`, text: lead.citation }));
}

function renderAnswer(answer) {
  lastAnswer = answer;
  $("answer-text").textContent = answer.refused
    ? (answer.answer || "No clause in the archive supports an answer to this question.")
    : answer.answer;
  $("answer-text").classList.toggle("refused", Boolean(answer.refused));
  const list = $("citations");
  list.replaceChildren(...answer.citations.map(citationItem));
  $("citations-heading").hidden = answer.citations.length === 0;
  const leads = answer.leads || [];
  $("leads").replaceChildren(...leads.map(leadItem));
  $("leads-heading").hidden = leads.length === 0;
  $("results").hidden = false;
  $("answer-heading").focus();
}

async function onAsk(event) {
  event.preventDefault();
  const question = $("question").value.trim();
  if (!question) return;
  showError("");
  $("status").textContent = "Searching the resolutions…";
  $("ask-button").disabled = true;
  try {
    const answer = await api("POST", "v1/ask", { question, filters: filtersFromForm() });
    const count = answer.citations.length;
    $("status").textContent = answer.refused ? "No supported answer."
      : `${count} cited clause${count === 1 ? "" : "s"}.`;
    renderAnswer(answer);
  } catch (error) {
    $("status").textContent = "";
    showError(error.message);
    if (error.status === 401) $("key-box").open = true;
  } finally {
    $("ask-button").disabled = false;
  }
}

function clauseBlock(clause, current) {
  const heading = [clause.keyword || clause.section, clause.label].filter(Boolean).join(" ");
  return el("div", { className: clause.clause_id === current ? "clause current" : "clause",
                     id: `c-${clause.ordinal}`, "data-clause-id": clause.clause_id },
    el("p", { className: "clause-label", text: heading }),
    el("p", { className: "clause-body", text: clause.text }));
}

function showDetail(title, meta, nodes) {
  $("search-view").hidden = true;
  $("detail-view").hidden = false;
  $("detail-heading").textContent = title;
  $("detail-meta").textContent = meta;
  $("detail-body").replaceChildren(...nodes);
  $("detail-heading").focus();
}

async function openClause(clauseId) {
  const data = await api("GET", `v1/clauses/${idPath(clauseId)}?neighbours=2`);
  const doc = data.document;
  const nodes = [
    ...data.previous.map((c) => clauseBlock(c, clauseId)),
    clauseBlock(data.clause, clauseId),
    ...data.next.map((c) => clauseBlock(c, clauseId)),
    el("p", { className: "links" },
      el("a", { href: `#doc=${encodeURIComponent(doc.doc_id)}&clause=${encodeURIComponent(clauseId)}`,
                className: "open-document", text: "Whole resolution" })),
  ];
  const clause = data.clause;
  showDetail(data.citation, `${clause.clause_id} — ${doc.title || doc.doc_id} — ${metaLine(doc)}`, nodes);
}

async function openDocument(docId, clauseId) {
  const data = await api("GET", `v1/documents/${idPath(docId)}`);
  const doc = data.document;
  const nodes = [];
  let group = null;
  for (const clause of data.clauses) {
    const name = [clause.section, clause.keyword].filter(Boolean).join(" — ");
    if (name !== group) {
      nodes.push(el("h3", { className: "group", text: name }));
      group = name;
    }
    nodes.push(clauseBlock(clause, clauseId));
  }
  const source = doc.source ? [el("p", { className: "meta", text: `Source: ${doc.source}` })] : [];
  showDetail(doc.title || doc.doc_id, `${doc.doc_id} — ${metaLine(doc)}`, [...source, ...nodes]);
  const current = clauseId && document.querySelector(".clause.current");
  if (current) current.scrollIntoView({ block: "center" });
}

async function route() {
  const params = new URLSearchParams(location.hash.slice(1));
  showError("");
  try {
    if (params.get("clause") && !params.get("doc")) {
      await openClause(params.get("clause"));
    } else if (params.get("doc")) {
      await openDocument(params.get("doc"), params.get("clause"));
    } else {
      $("detail-view").hidden = true;
      $("search-view").hidden = false;
      if (lastAnswer) $("answer-heading").focus();
    }
  } catch (error) {
    $("detail-view").hidden = true;
    $("search-view").hidden = false;
    showError(error.message);
  }
}

function start() {
  $("ask-form").addEventListener("submit", onAsk);
  $("api-key").value = apiKey();
  $("api-key").addEventListener("change", (e) => sessionStorage.setItem("rescite-key", e.target.value));
  $("back-link").addEventListener("click", (e) => {
    e.preventDefault();
    location.hash = "";
  });
  window.addEventListener("hashchange", route);
  route();
}

document.addEventListener("DOMContentLoaded", start);
