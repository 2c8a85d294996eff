/* The map's own controls, drawn by Leaflet: the legend (category groups, hotspot levels), a note
 * box (the "no background map offline" notice) and the cluster bubbles' look. Used by
 * est_map.js through window.EstMapControls; they hold no state of their own. */
(function () {
  'use strict';

  function clusterIcon(cluster) {
    const count = cluster.getChildCount();
    const size = count < 10 ? 30 : count < 100 ? 36 : count < 1000 ? 44 : 52;
    return L.divIcon({
      html: '<span>' + count.toLocaleString('sv-SE') + '</span>',
      className: 'est-cluster',
      iconSize: L.point(size, size),
    });
  }

  function legend(cfg) {
    const control = L.control({ position: 'bottomright' });
    control.onAdd = function () {
      const box = L.DomUtil.create('div', 'est-legend');
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      const title = L.DomUtil.create('div', 'est-legend-title', box);
      title.textContent = cfg.texts.legendTitle;
      cfg.groups.forEach(function (group) {
        const row = L.DomUtil.create('div', 'est-legend-row', box);
        const dot = L.DomUtil.create('span', 'est-legend-dot', row);
        dot.style.background = group.colour;
        L.DomUtil.create('span', '', row).textContent = group.label;
      });
      const hot = L.DomUtil.create('div', 'est-legend-hotspots', box);
      hot.dataset.layer = 'hotspots';
      [['est-hot-99', cfg.texts.hot99], ['est-hot-95', cfg.texts.hot95]].forEach(function (item) {
        const row = L.DomUtil.create('div', 'est-legend-row', hot);
        L.DomUtil.create('span', 'est-legend-swatch ' + item[0], row);
        L.DomUtil.create('span', '', row).textContent = item[1];
      });
      L.DomUtil.create('div', 'est-legend-note', hot).textContent = cfg.texts.hotExplained;
      hot.hidden = cfg.hidden.indexOf('hotspots') >= 0;
      return box;
    };
    return control;
  }

  function note(text) {
    const control = L.control({ position: 'topright' });
    control.onAdd = function () {
      const box = L.DomUtil.create('div', 'est-note');
      box.textContent = text;
      return box;
    };
    return control;
  }

  window.EstMapControls = { clusterIcon: clusterIcon, legend: legend, note: note };
})();
