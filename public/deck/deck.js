// The example deck: reveal.js, with each "data-graph-step" fragment moving the slide's graph one
// presentation step forward (fragmentshown) or back (fragmenthidden), so going back undoes a step.
/* global Reveal */
const graphOf = (fragment) => fragment.closest('section').querySelector('governance-graph');

Reveal.on('fragmentshown', (event) => {
  if (event.fragment.hasAttribute('data-graph-step')) graphOf(event.fragment).next();
});
Reveal.on('fragmenthidden', (event) => {
  if (event.fragment.hasAttribute('data-graph-step')) graphOf(event.fragment).prev();
});

// print/PDF mode copies a slide once per fragment: show each copy's graph at the step it stands for
Reveal.on('pdf-ready', () => {
  for (const page of document.querySelectorAll('.pdf-page')) {
    const graph = page.querySelector('governance-graph[step]');
    if (graph) graph.step = 1 + page.querySelectorAll('[data-graph-step].visible').length;
  }
});

Reveal.initialize({ hash: true, width: 1280, height: 720, margin: 0.04, transition: 'slide' });
