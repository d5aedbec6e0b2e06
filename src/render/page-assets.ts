/**
 * The page's style and script, inlined so that the page opens offline and
 * loads nothing (its Content-Security-Policy forbids any load).
 *
 * Colours are chosen for a contrast of at least 4.5:1 for every text against
 * its background (tests/render-browser.test.ts measures it); names are told
 * apart by the line under them as well as by colour. The reading switch only
 * toggles a class on <body>: both readings are in the DOM and CSS hides one,
 * so switching costs one style recalculation, whatever the size of the edition.
 */
export const PAGE_CSS = `
:root { color-scheme: light; --ink: #1b1b1b; --paper: #fdfdfb; --muted: #4f4f4f; --link: #0b4ea2; --focus: #b35c00;
  --person: #e3ecfa; --person-line: #1f4f99; --org: #fbe9d7; --org-line: #8a4b0f; --place: #e2f2e4; --place-line: #2e6b35;
  --iv: #fff1b8; --iv-line: #7a5a00; }
* { box-sizing: border-box; }
html { font-size: 100%; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 1.0625rem/1.6 Georgia, 'Times New Roman', serif; }
a { color: var(--link); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
/* Targets of links land below the sticky controls, not under them. */
[id] { scroll-margin-top: 6.5rem; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; z-index: 20; background: #fff; padding: .25rem .5rem; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.muted { color: var(--muted); }
.controls { position: sticky; top: 0; z-index: 15; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; padding: .5rem 1rem;
  background: #fff; border-bottom: 1px solid #c8c8c8; font: .95rem/1.4 system-ui, sans-serif; }
.switch { display: inline-flex; gap: 0; }
body:not(.js) .switch { display: none; }
.switch button { font: inherit; padding: .35rem .8rem; border: 2px solid var(--link); background: #fff; color: var(--link); cursor: pointer; }
.switch button + button { border-left-width: 0; }
.switch button[aria-pressed="true"] { background: var(--link); color: #fff; }
.controls nav a { margin-right: .75rem; }
.key { display: flex; flex-wrap: wrap; gap: .25rem .75rem; margin: 0; padding: 0; list-style: none; font-size: .85rem; }
main { max-width: 48rem; margin: 0 auto; padding: 1rem 1.25rem 4rem; }
.panel { margin: 2rem 0; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 1rem 0; }
h2 { font-size: 1.25rem; border-bottom: 1px solid #c8c8c8; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin-bottom: .25rem; }
dl.facts, dl.policy { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
dl.facts dt, dl.policy dt { font-weight: bold; }
dl.facts dd, dl.policy dd { margin: 0; }
dl.policy dd p { margin: 0 0 .4rem; }
ul.plain { list-style: none; margin: 0; padding: 0; }
.edition-text p { white-space: pre-wrap; margin: 0 0 1em; }
/* A long edition's off-screen paragraphs are not laid out until scrolled to, so that it opens and switches readings
   quickly. Short ones are laid out whole: then innerText, which leaves out what is not laid out, is the whole reading. */
.edition-text.long p { content-visibility: auto; contain-intrinsic-size: auto 6em; }
.edition-text p.u-head { font-weight: bold; font-size: 1.1em; }
.edition-text p.u-front { font-style: italic; }
.edition-text p.u-frame { text-align: right; }
.edition-text p.u-verse { margin: 0 0 .25em 2em; }
.reading-diplomatic .corr, .reading-corrected .dip { display: none; }
.name { color: inherit; text-decoration: none; border-bottom: 2px solid; padding: 0 .05em; }
.name.person { background: var(--person); border-color: var(--person-line); }
.name.org { background: var(--org); border-bottom-style: dashed; border-color: var(--org-line); }
.name.place { background: var(--place); border-bottom-style: double; border-bottom-width: 3px; border-color: var(--place-line); }
.name.unknown { border-bottom-style: dotted; border-color: var(--muted); }
.iv, .date { position: relative; }
.iv { background: var(--iv); border-bottom: 2px dotted var(--iv-line); cursor: help; }
.iv-omission { background: none; border-bottom-style: dashed; }
.reading-diplomatic .iv.no-dip::before, .reading-corrected .iv.no-corr::before { content: "‸"; color: var(--iv-line); font-weight: bold; }
.reg-link { text-decoration: none; }
.reg-link::after { content: "→"; font: bold .72em/1 system-ui, sans-serif; vertical-align: super; }
.date { border-bottom: 1px dashed var(--muted); cursor: help; }
.note-inline { color: #3d2f66; font-style: italic; }
.note-ref { text-decoration: none; }
.note-ref::after { content: attr(data-n); font: bold .72em/1 system-ui, sans-serif; vertical-align: super; padding: 0 .1em; }
.tip { display: none; position: absolute; left: 0; top: calc(100% + 4px); z-index: 10; width: max-content; max-width: min(24rem, 80vw);
  padding: .4rem .6rem; background: #1b1b1b; color: #fff; font: .85rem/1.4 system-ui, sans-serif; font-style: normal; font-weight: normal;
  white-space: normal; text-align: left; border-radius: 4px; box-shadow: 0 2px 6px rgba(0,0,0,.3); }
.tip-row { display: block; }
.iv:hover > .tip, .iv:focus > .tip, .date:hover > .tip, .date:focus > .tip { display: block; }
.iv.tip-dismissed > .tip, .date.tip-dismissed > .tip { display: none; }
ol.apparatus li, ol.notes li, ul.register li { margin-bottom: .5rem; }
/* The same for the lists of a long edition, thousands of items long. */
.long-lists ol.apparatus li, .long-lists ol.notes li, .long-lists ul.register li { content-visibility: auto; contain-intrinsic-size: auto 3em; }
ol.apparatus .kind { font-weight: bold; }
ul.register { list-style: none; padding: 0; }
.entry-name { font-weight: bold; }
.back { text-decoration: none; }
@media (max-width: 40rem) {
  body { font-size: 1rem; }
  dl.facts, dl.policy { grid-template-columns: 1fr; }
  .controls nav { display: none; }
}
@media print {
  .controls, .skip, .tip, .back { display: none !important; }
  body { background: #fff; color: #000; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .name, .iv { background: none; }
  .iv { border-bottom: 1px dotted #000; }
  .panel { break-inside: auto; }
  h2 { break-after: avoid; }
}
`;

export const PAGE_SCRIPT = `
(function () {
  var body = document.body;
  var buttons = document.querySelectorAll('button[data-reading]');
  function choose(reading) {
    body.classList.toggle('reading-diplomatic', reading === 'diplomatic');
    body.classList.toggle('reading-corrected', reading === 'corrected');
    for (var i = 0; i < buttons.length; i++) buttons[i].setAttribute('aria-pressed', String(buttons[i].getAttribute('data-reading') === reading));
  }
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].addEventListener('click', function (event) { choose(event.currentTarget.getAttribute('data-reading')); });
  }
  // Escape hides the tooltip of the focused mark (WCAG 1.4.13); it shows again on the next focus.
  document.addEventListener('keydown', function (event) {
    var el = document.activeElement;
    if (event.key === 'Escape' && el && el.classList) el.classList.add('tip-dismissed');
  });
  document.addEventListener('focusout', function (event) {
    if (event.target && event.target.classList) event.target.classList.remove('tip-dismissed');
  });
  body.classList.add('js');
})();
`;
