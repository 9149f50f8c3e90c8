// ebookify serve: the page's behaviour. Plain JavaScript, no libraries, nothing fetched from elsewhere.
"use strict";

const $ = (id) => document.getElementById(id);
const state = { stories: [], settings: {}, selected: null, version: 0, dragged: null, adding: false };

// Every call to the server: JSON answers, errors as the one sentence the server wrote.
async function api(method, url, body, type) {
  const options = { method, credentials: "same-origin", headers: {} };
  if (body !== undefined) {
    options.body = type ? body : JSON.stringify(body);
    options.headers["Content-Type"] = type || "application/json";
  }
  let response;
  try {
    response = await fetch(url, options);
  } catch (error) {
    throw new Error("The ebookify server does not answer; is `ebookify serve` still running?");
  }
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.error || `The server answered ${response.status}.`);
  return data;
}

// One sentence per problem; while several files are added, each one's problem is kept.
function showError(message) {
  const box = $("error");
  box.textContent = state.adding && message && box.textContent ? `${box.textContent} ${message}` : message;
  box.hidden = !box.textContent;
}

function say(message) {
  $("status").textContent = message;
}

// Work that talks to the server: its error is shown in one sentence; the page is marked busy meanwhile
// (aria-busy tells assistive technology, and the browser test, to wait).
let pending = 0;
async function guarded(work) {
  pending += 1;
  document.body.setAttribute("aria-busy", "true");
  try {
    if (!state.adding) showError("");
    await work();
    return true;
  } catch (error) {
    showError(error.message);
    return false;
  } finally {
    pending -= 1;
    if (pending === 0) document.body.removeAttribute("aria-busy");
  }
}

// The stories, in order, each with buttons to show, move and remove it.
function drawStories() {
  const list = $("stories");
  list.replaceChildren();
  state.stories.forEach((story, index) => list.append(storyItem(story, index)));
  const count = state.stories.length;
  $("no-stories").hidden = count > 0;
  $("order-hint").hidden = count < 2;
  $("show-book").hidden = count < 2;
  $("no-story").hidden = count > 0;
  $("story-view").hidden = count === 0;
  if (!$("progress").hidden) return;
  $("build-epub").disabled = count === 0;
  $("build-pdf").disabled = count === 0;
}

function button(text, label, action) {
  const element = document.createElement("button");
  element.type = "button";
  element.textContent = text;
  if (label) element.setAttribute("aria-label", label);
  element.addEventListener("click", action);
  return element;
}

function storyItem(story, index) {
  const item = document.createElement("li");
  item.draggable = true;
  item.dataset.id = story.id;
  item.className = story.id === state.selected ? "selected" : "";
  const name = story.title || story.name;
  const show = button(name, `Show ${name}`, () => guarded(() => select(story.id, true)));
  show.className = "story-name";
  if (story.id === state.selected) show.setAttribute("aria-current", "true");
  const moves = document.createElement("span");
  moves.className = "moves";
  const up = button("↑", `Move ${name} up`, () => move(index, -1));
  const down = button("↓", `Move ${name} down`, () => move(index, 1));
  up.dataset.action = "up";
  down.dataset.action = "down";
  up.disabled = index === 0;
  down.disabled = index === state.stories.length - 1;
  moves.append(up, down, button("✕", `Remove ${name}`, () => remove(story.id)));
  item.append(show, moves);
  item.addEventListener("dragstart", (event) => {
    state.dragged = story.id;
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", story.id);
  });
  item.addEventListener("dragover", (event) => {
    if (state.dragged) event.preventDefault();
  });
  item.addEventListener("drop", (event) => {
    if (!state.dragged) return;
    event.preventDefault();
    event.stopPropagation();
    const dragged = state.dragged;
    state.dragged = null;
    if (dragged === story.id) return; // dropped on itself: nothing moves
    const ids = state.stories.map((s) => s.id).filter((id) => id !== dragged);
    ids.splice(ids.indexOf(story.id) + afterHalf(event, item), 0, dragged);
    guarded(() => saveOrder(ids));
  });
  // A drag that ends anywhere else (outside the window, Escape) is over too.
  item.addEventListener("dragend", () => {
    state.dragged = null;
  });
  return item;
}

function afterHalf(event, item) {
  const box = item.getBoundingClientRect();
  return event.clientY > box.top + box.height / 2 ? 1 : 0;
}

async function saveOrder(ids, focusId, action) {
  takeState(await api("POST", "/api/order", { ids }));
  if (focusId) {
    // The keyboard stays on the button just pressed, or on the story's name at the end of the list.
    const pressed = document.querySelector(`li[data-id="${focusId}"] [data-action="${action}"]`);
    (pressed && !pressed.disabled ? pressed : document.querySelector(`li[data-id="${focusId}"] .story-name`)).focus();
  }
  const names = state.stories.map((s, i) => `${i + 1}. ${s.title || s.name}`);
  say(`New order: ${names.join(", ")}.`);
}

function move(index, step) {
  const ids = state.stories.map((s) => s.id);
  const target = index + step;
  if (target < 0 || target >= ids.length) return;
  const [id] = ids.splice(index, 1);
  ids.splice(target, 0, id);
  guarded(() => saveOrder(ids, id, step < 0 ? "up" : "down"));
}

async function remove(id) {
  await guarded(async () => {
    takeState(await api("DELETE", `/api/stories/${id}`));
    if (state.selected === id) state.selected = state.stories.length ? state.stories[0].id : null;
    drawStories();
    if (state.selected) await select(state.selected, false);
  });
}

// A change to the stories or the settings makes an earlier book out of date: its link goes.
function forgetBuilt() {
  if ($("download").childElementCount) {
    $("download").replaceChildren();
    say("Changed since the last book was made; make it again to include the change.");
  }
}

function takeState(data) {
  forgetBuilt();
  const titles = new Map(state.stories.map((s) => [s.id, s.title]));
  state.stories = data.stories.map((s) => ({ ...s, title: s.title || titles.get(s.id) }));
  state.settings = data.settings;
  drawSettings(data);
  drawStories();
}

// Adding stories: dropped files, chosen files, pasted text; one after the other. A manifest (.toml) comes
// last: it orders and describes the stories already on the page, by their file names.
async function addFiles(files) {
  showError("");
  state.adding = true;
  try {
    await addEach(files);
  } finally {
    state.adding = false;
  }
}

async function addEach(files) {
  const isManifest = (file) => file.name.toLowerCase().endsWith(".toml");
  for (const file of files.filter((f) => !isManifest(f))) {
    say(`Reading ${file.name}…`);
    const added = await guarded(async () => {
      const data = await api("POST", `/api/stories?name=${encodeURIComponent(file.name)}`, file, "text/plain");
      takeState(data);
      remember(data.id, data.title);
      await select(data.id, false);
      say(`Added ${data.title}.`);
    });
    if (!added) say(`${file.name} was not added.`);
  }
  for (const file of files.filter(isManifest)) await addManifest(file);
}

async function addManifest(file) {
  await guarded(async () => {
    const data = await api("POST", `/api/manifest?name=${encodeURIComponent(file.name)}`, file, "text/plain");
    takeState(data);
    if (state.selected) await select(state.selected, false);
    const missing = data.missing.length ? ` It also names ${data.missing.join(", ")}: add those files too.` : "";
    say(`Applied ${file.name}: the book’s title, order and settings.${missing}`);
  });
}

function remember(id, title) {
  const story = state.stories.find((s) => s.id === id);
  if (story) story.title = title;
  drawStories();
}

// One story: its metadata (editable), chapters, notes, the repairs and why, and the preview.
async function select(id, focus) {
  state.selected = id;
  const story = await api("GET", `/api/stories/${id}`);
  if (state.selected !== id) return; // another story was chosen meanwhile: its answer draws the form
  remember(id, story.metadata.title);
  $("story-heading").textContent = `3. The story: ${story.metadata.title}`;
  const meta = story.metadata;
  const edits = story.edits;
  const switched = state.shown !== id;
  state.shown = id;
  // The field being typed in keeps what is typed (a save of the field before it redraws the form).
  const fill = (field, value) => {
    if (switched || document.activeElement !== $(field)) $(field).value = value;
  };
  fill("meta-title", edits.title || meta.title || "");
  fill("meta-authors", edits.authors || meta.authors.join(", "));
  fill("meta-summary", edits.summary || meta.summary || "");
  fill("meta-language", edits.language || meta.language || "");
  fill("meta-series", edits.series || meta.series || "");
  const index = edits.series_index ?? meta.series_index;
  fill("meta-series-index", index === null || index === undefined ? "" : String(index));
  drawChapters(story.chapters);
  const inBook = state.settings.include_notes ? "in the book" : "left out of the book";
  $("notes-count").textContent = String(story.notes.length);
  $("notes-state").textContent = story.notes.length ? `(${inBook})` : "";
  $("notes").replaceChildren(...story.notes.map((note) => {
    const item = document.createElement("li");
    const where = document.createElement("strong");
    where.textContent = `${note.where[0].toUpperCase()}${note.where.slice(1)}:`;
    item.append(where, ` ${note.text}`);
    return item;
  }));
  const repairs = $("repairs");
  repairs.replaceChildren(...story.explanations.map(explanation));
  $("repair-count").textContent = String(story.explanations.length);
  showPreview(`/preview/${id}`);
  if (focus) $("story").focus();
}

function drawChapters(chapters) {
  const list = $("chapters");
  list.replaceChildren();
  let part = null;
  for (const chapter of chapters) {
    if (chapter.part && chapter.part !== part) {
      const heading = document.createElement("li");
      heading.className = "part";
      heading.textContent = `Part: ${chapter.part}`;
      list.append(heading);
    }
    part = chapter.part;
    const item = document.createElement("li");
    item.textContent = `${chapter.title} (${chapter.blocks} paragraphs)`;
    list.append(item);
  }
  $("chapter-count").textContent = String(chapters.length);
}

function explanation(entry) {
  const item = document.createElement("li");
  const kind = document.createElement("strong");
  kind.textContent = { layout: "Layout", repair: "Repair", why: "Why", quotes: "Quotes" }[entry.kind] || entry.kind;
  item.append(kind, ` ${entry.text}`);
  return item;
}

function showPreview(url) {
  const book = url === "/preview/book";
  $("preview-heading").textContent = book ? "Preview: the book’s title page" : "Preview";
  $("preview").title = book ? "Preview of the book’s title page" : "Preview of the story as the book will set it";
  state.version += 1;
  $("preview").src = `${url}?v=${state.version}`;
}

// Each field is saved when it is left (and all of them with the button), so a build never misses an edit.
async function saveMetadata(event) {
  event.preventDefault();
  const id = state.selected;
  if (!id) return;
  const form = $("meta-form");
  const values = Object.fromEntries(new FormData(form).entries());
  await guarded(async () => {
    await api("PUT", `/api/stories/${id}`, values);
    forgetBuilt();
    await select(id, false);
    say("Saved; the preview shows the change.");
  });
}

// The book's settings and switches: every change is saved and the preview redrawn.
function drawSettings(data) {
  const settings = data.settings;
  const style = $("style");
  if (style.options.length === 0 || style.dataset.uploaded !== String(settings.has_uploaded_style)) {
    style.replaceChildren(...data.styles.map((name) => new Option(name, name)));
    if (settings.has_uploaded_style) style.append(new Option("your stylesheet", "uploaded"));
    style.dataset.uploaded = String(settings.has_uploaded_style);
  }
  const size = $("page-size");
  if (size.options.length === 0) size.replaceChildren(...data.page_sizes.map((name) => new Option(name, name)));
  if (![...size.options].some((o) => o.value === settings.page_size)) {
    size.append(new Option(settings.page_size, settings.page_size)); // a manifest's own CSS size
  }
  style.value = settings.style;
  size.value = settings.page_size;
  for (const [id, key] of [["book-title", "title"], ["book-editor", "editor"], ["book-series", "series"]]) {
    if (document.activeElement !== $(id)) $(id).value = settings[key];
  }
  $("include-notes").checked = settings.include_notes;
  $("smart-quotes").checked = settings.smart_quotes;
  $("thoughts").checked = settings.thoughts;
}

async function saveSettings() {
  await guarded(async () => {
    const values = {
      title: $("book-title").value,
      editor: $("book-editor").value,
      series: $("book-series").value,
      style: $("style").value,
      page_size: $("page-size").value,
      include_notes: $("include-notes").checked,
      smart_quotes: $("smart-quotes").checked,
      thoughts: $("thoughts").checked,
    };
    takeState(await api("PUT", "/api/settings", values));
    if (state.selected) await select(state.selected, false);
  });
}

async function uploadStyle() {
  const file = $("style-file").files[0];
  if (!file) return;
  await guarded(async () => {
    takeState(await api("POST", "/api/style", file, "text/css"));
    if (state.selected) showPreview(`/preview/${state.selected}`);
    say(`The book now uses ${file.name}.`);
  });
}

// Building: the server works in the background; the page asks how far it got twice a second.
async function buildBook(format) {
  await guarded(async () => {
    $("download").replaceChildren();
    setBuilding(true);
    let job = await api("POST", "/api/builds", { format });
    while (job.running) {
      say(`Making the ${format.toUpperCase()}: ${job.phase} (${Math.round(job.seconds)} s)…`);
      const bar = $("progress");
      if (job.total) {
        bar.max = job.total;
        bar.value = job.done;
      } else {
        bar.removeAttribute("value"); // no count: the bar shows that work goes on
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      job = await api("GET", `/api/builds/${job.id}`);
    }
    if (job.error) throw new Error(job.error);
    say(`The ${format.toUpperCase()} is ready (${job.seconds} s).`);
    const link = document.createElement("a");
    link.href = job.download;
    link.id = `download-${format}`;
    link.className = "button download";
    link.textContent = `Download the ${format.toUpperCase()}`;
    $("download").append(link);
    link.focus();
  });
  setBuilding(false);
}

function setBuilding(building) {
  $("progress").hidden = !building;
  $("build-epub").disabled = building || state.stories.length === 0;
  $("build-pdf").disabled = building || state.stories.length === 0;
  if (!building && $("error").textContent) say("");
}

async function startOver() {
  if (!window.confirm("Remove every story and book from this page?")) return;
  await guarded(async () => {
    await api("POST", "/api/end", {});
    window.location.reload();
  });
}

function setUp() {
  const drop = $("drop");
  for (const name of ["dragenter", "dragover"]) {
    drop.addEventListener(name, (event) => {
      if (state.dragged) return;
      event.preventDefault();
      drop.classList.add("over");
    });
  }
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    event.stopPropagation(); // the page's own drop handler would add the files a second time
    drop.classList.remove("over");
    addFiles([...event.dataTransfer.files]);
  });
  // A file dropped anywhere on the page is added too (and never replaces the page with the file).
  window.addEventListener("dragover", (event) => event.preventDefault());
  window.addEventListener("drop", (event) => {
    event.preventDefault();
    if (!state.dragged && event.dataTransfer.files.length) addFiles([...event.dataTransfer.files]);
    state.dragged = null;
  });
  $("files").addEventListener("change", async (event) => {
    await addFiles([...event.target.files]);
    event.target.value = "";
  });
  $("paste-add").addEventListener("click", async () => {
    const text = $("paste").value;
    if (!text.trim()) return showError("Paste a story's text in the box first.");
    const name = ($("paste-name").value.trim() || "Pasted story") + ".txt";
    await addFiles([new File([text], name, { type: "text/plain" })]);
    $("paste").value = "";
  });
  $("meta-form").addEventListener("submit", saveMetadata);
  $("meta-form").addEventListener("change", saveMetadata);
  $("book-form").addEventListener("submit", (event) => event.preventDefault());
  for (const id of ["style", "page-size", "include-notes", "smart-quotes", "thoughts"]) {
    $(id).addEventListener("change", saveSettings);
  }
  for (const id of ["book-title", "book-editor", "book-series"]) $(id).addEventListener("change", saveSettings);
  $("style-file").addEventListener("change", uploadStyle);
  $("show-book").addEventListener("click", () => showPreview("/preview/book"));
  $("build-epub").addEventListener("click", () => buildBook("epub"));
  $("build-pdf").addEventListener("click", () => buildBook("pdf"));
  $("end").addEventListener("click", startOver);
  guarded(async () => {
    takeState(await api("GET", "/api/state"));
    if (state.stories.length) await select(state.stories[0].id, false);
  });
}

setUp();
