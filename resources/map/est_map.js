/* EST Desktop's map page: incidents (clustered), district outlines, hotspots, and the
 * link to the desktop app through QWebChannel (object "est").
 *
 * The page is built by est_desktop/maps/page.py; it calls EstMap.init(map, config) once. Points
 * arrive as one binary array (est_desktop/maps/payload.py describes the layout), fetched from the
 * app's own URL scheme: no request leaves the PC. */
(function () {
  'use strict';

  const SHOW_ZOOM = 17; // streets and buildings: where an incident selected in the list is shown

  const state = {
    map: null,
    cfg: null,
    bridge: null,
    layers: {},
    markers: [], // all incident markers of the current data, in the order received
    byPk: new Map(),
    draft: null,
    generation: 0,
    pointCount: 0, // markers held by the cluster layer once loading is done
    loading: false,
    tiles: { loaded: 0, failed: 0 },
  };

  function init(map, cfg) {
    state.map = map;
    state.cfg = cfg;
    map.getContainer().classList.add('est-map');
    map.eachLayer(function (layer) {
      if (layer instanceof L.TileLayer) watchTiles(layer);
    });

    // District names above the markers, so a cluster never hides where it is.
    map.createPane('estLabels').style.zIndex = 640;
    L.control.scale({ imperial: false }).addTo(map);
    state.layers.districts = districtLayer(cfg);
    state.layers.hotspots = L.layerGroup();
    state.layers.measures = L.layerGroup();
    state.layers.incidents = L.markerClusterGroup({
      chunkedLoading: true,
      chunkProgress: onChunk,
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: true,
      maxClusterRadius: 60,
      iconCreateFunction: EstMapControls.clusterIcon,
    });
    state.layers.incidents.on('click', function (e) {
      if (drawing()) return;
      if (e.layer && e.layer.estPk !== undefined) selectMarker(e.layer, true);
    });
    ['districts', 'hotspots', 'measures', 'incidents'].forEach(function (name) {
      if (cfg.hidden.indexOf(name) < 0) map.addLayer(state.layers[name]);
    });

    state.legend = EstMapControls.legend(cfg).addTo(map);
    state.offlineNote = EstMapControls.note(cfg.texts.offline || '').addTo(map);
    state.offlineNote.getContainer().hidden = true;

    map.on('click', function (e) {
      // While an area is drawn (est_draw.js), a click is a corner, not an incident's place.
      if (state.bridge && !drawing()) state.bridge.mapClicked(e.latlng.lat, e.latlng.lng);
    });
    map.on('moveend', function () {
      const c = map.getCenter();
      if (state.bridge) state.bridge.viewChanged(c.lat, c.lng, map.getZoom());
    });
    if (cfg.zoom === null) fitBounds(cfg.bounds);

    // In the app the page talks to it; a snapshot for print loads without the channel.
    if (window.qt && qt.webChannelTransport) {
      new QWebChannel(qt.webChannelTransport, function (channel) {
        state.bridge = channel.objects.est;
        state.bridge.pageReady();
      });
    }
  }

  // -- layers -----------------------------------------------------------------------------

  function districtLayer(cfg) {
    const group = L.layerGroup();
    L.geoJSON(cfg.districts, {
      interactive: false,
      style: { color: '#1f3a5f', weight: 2, opacity: 0.8, fill: true, fillOpacity: 0.04, dashArray: '6 4' },
    }).addTo(group);
    cfg.districtLabels.forEach(function (label) {
      L.marker([label.lat, label.lon], {
        pane: 'estLabels',
        interactive: false,
        keyboard: false,
        icon: L.divIcon({ className: 'est-district-label', html: escapeHtml(label.name), iconSize: null }),
      }).addTo(group);
    });
    return group;
  }

  // The base map is "offline" when a round of tile loading ends with failures and no tile shown.
  function watchTiles(layer) {
    layer.on('loading', function () {
      state.tiles = { loaded: 0, failed: 0, busy: true };
    });
    layer.on('tileload', function () {
      state.tiles.loaded += 1;
    });
    layer.on('tileerror', function () {
      state.tiles.failed += 1;
    });
    layer.on('load', function () {
      state.tiles.busy = false;
      const offline = state.tiles.failed > 0 && state.tiles.loaded === 0 && hasOfflineText();
      if (state.offlineNote) state.offlineNote.getContainer().hidden = !offline;
      state.map.getContainer().classList.toggle('est-no-tiles', offline);
    });
  }

  function hasOfflineText() {
    return Boolean(state.cfg && state.cfg.texts.offline);
  }

  // -- incidents ----------------------------------------------------------------------------

  /* Layout (little-endian): uint32 count, uint32 generation, then count float64 latitudes,
   * count float64 longitudes, count float64 primary keys, count uint8 colour indexes. */
  function loadPoints(url, hotspots, measures) {
    state.loading = true;
    return fetch(url)
      .then(function (answer) {
        return answer.arrayBuffer();
      })
      .then(function (buffer) {
        const head = new Uint32Array(buffer, 0, 2);
        const n = head[0];
        const lat = new Float64Array(buffer, 8, n);
        const lon = new Float64Array(buffer, 8 + n * 8, n);
        const pk = new Float64Array(buffer, 8 + n * 16, n);
        const colour = new Uint8Array(buffer, 8 + n * 24, n);
        const colours = state.cfg.groups.map(function (g) {
          return g.colour;
        });
        const markers = new Array(n);
        state.byPk = new Map();
        for (let i = 0; i < n; i++) {
          const marker = L.circleMarker([lat[i], lon[i]], {
            radius: 7,
            weight: 1.5,
            color: '#ffffff',
            fillColor: colours[colour[i]] || '#555555',
            fillOpacity: 0.95,
            bubblingMouseEvents: false,
          });
          marker.estPk = pk[i];
          markers[i] = marker;
          state.byPk.set(pk[i], marker);
        }
        state.generation = head[1];
        state.markers = markers;
        state.pointCount = 0;
        setHotspots(hotspots);
        setMeasures(measures);
        fillIncidentLayer();
      });
  }

  // Markercluster clusters fast only while on the map (off it, each add scans a pending list),
  // so a hidden layer gets its markers when it is shown.
  function fillIncidentLayer() {
    const group = state.layers.incidents;
    group.clearLayers();
    state.loading = true;
    // Hidden, or nothing to add: the page holds the markers (for when the layer is shown).
    if (!state.map.hasLayer(group) || state.markers.length === 0) onChunk(0, 0);
    else group.addLayers(state.markers, true); // true: no 'layeradd' event per marker
  }

  function onChunk(done, total) {
    if (done < total) return;
    state.loading = false;
    state.pointCount = state.markers.length;
    if (state.bridge) state.bridge.pointsLoaded(state.pointCount, state.generation);
  }

  function selectMarker(marker, tellApp) {
    const popup = L.popup({ maxWidth: 320, autoPanPadding: [40, 40] })
      .setLatLng(marker.getLatLng())
      .setContent(state.cfg.texts.loading)
      .openOn(state.map);
    if (!state.bridge) return;
    if (tellApp) state.bridge.incidentClicked(marker.estPk);
    state.bridge.popupData(marker.estPk, function (json) {
      popup.setContent(popupContent(JSON.parse(json || 'null')));
    });
  }

  // Built from text nodes, never from HTML: descriptions are free text typed by people.
  function popupContent(data) {
    const box = L.DomUtil.create('div', 'est-popup');
    if (!data) {
      box.textContent = state.cfg.texts.gone;
      return box;
    }
    L.DomUtil.create('div', 'est-popup-title', box).textContent = data.category;
    L.DomUtil.create('div', 'est-popup-time', box).textContent = data.time;
    if (data.place) L.DomUtil.create('div', 'est-popup-place', box).textContent = data.place;
    if (data.description) {
      L.DomUtil.create('div', 'est-popup-description', box).textContent = data.description;
    }
    return box;
  }

  // Markercluster's zoomToShowLayer waits for a marker icon, which circle markers do not
  // have: zoom in close enough to see the place, then point the popup at it.
  function showIncident(pk) {
    const marker = state.byPk.get(pk);
    if (!marker || !state.map.hasLayer(state.layers.incidents)) return false;
    const open = function () {
      selectMarker(marker, false);
    };
    const zoom = Math.max(state.map.getZoom(), SHOW_ZOOM);
    if (state.map.getZoom() === zoom && state.map.getBounds().contains(marker.getLatLng())) {
      open();
    } else {
      state.map.once('moveend', open);
      state.map.setView(marker.getLatLng(), zoom);
    }
    return true;
  }

  // -- the point being reported -----------------------------------------------------------

  function placeDraft(lat, lon) {
    if (!state.draft) {
      state.draft = L.marker([lat, lon], {
        draggable: true,
        autoPan: true,
        title: state.cfg.texts.draft,
        zIndexOffset: 1000,
      }).addTo(state.map);
      state.draft.on('dragend', function () {
        const p = state.draft.getLatLng();
        if (state.bridge) state.bridge.draftMoved(p.lat, p.lng);
      });
    } else {
      state.draft.setLatLng([lat, lon]);
    }
    if (!state.map.getBounds().contains([lat, lon])) state.map.panTo([lat, lon]);
  }

  function clearDraft() {
    if (state.draft) state.map.removeLayer(state.draft);
    state.draft = null;
  }

  // -- hotspots, layers, view ---------------------------------------------------------------

  // Drawn on the canvas (the map prefers it), so styled here rather than in CSS.
  const HOT_99 = { interactive: false, stroke: false, fillColor: '#b2182b', fillOpacity: 0.5 };
  const HOT_95 = { interactive: false, stroke: false, fillColor: '#ef8a62', fillOpacity: 0.4 };

  function setHotspots(cells) {
    const layer = state.layers.hotspots;
    layer.clearLayers();
    (cells || []).forEach(function (c) {
      L.rectangle(
        [
          [c[0], c[1]],
          [c[2], c[3]],
        ],
        c[4] >= 99 ? HOT_99 : HOT_95
      ).addTo(layer);
    });
  }

  // Areas of joint measures: outlined, never filled so much that incidents hide under them.
  const MEASURE = { color: '#5b2a86', weight: 2.5, dashArray: '8 5', fillOpacity: 0.08 };
  const MEASURE_DONE = { color: '#777777', weight: 2, dashArray: '3 5', fillOpacity: 0.03 };

  function setMeasures(shapes) {
    const layer = state.layers.measures;
    layer.clearLayers();
    (shapes || []).forEach(function (shape) {
      const style = Object.assign({ interactive: true, bubblingMouseEvents: true }, shape.done ? MEASURE_DONE : MEASURE);
      const drawn = shape.area
        ? L.geoJSON(shape.area, { style: style })
        : L.circle([shape.circle[0], shape.circle[1]], Object.assign({ radius: shape.circle[2] }, style));
      drawn.bindTooltip(escapeHtml(shape.text), { sticky: true });
      drawn.addTo(layer);
    });
  }

  function setLayerVisible(name, visible) {
    const layer = state.layers[name];
    if (!layer || visible === state.map.hasLayer(layer)) return;
    if (visible) {
      state.map.addLayer(layer);
      if (name === 'incidents') fillIncidentLayer();
    } else {
      state.map.removeLayer(layer);
    }
    if (name === 'hotspots') {
      const legend = state.legend.getContainer().querySelector('.est-legend-hotspots');
      legend.hidden = !visible;
    }
  }

  // `still`: no zoom animation (a snapshot must not catch the canvas half-way).
  function fitBounds(b, still) {
    state.map.fitBounds(
      [
        [b[0], b[1]],
        [b[2], b[3]],
      ],
      { padding: [20, 20], animate: !still }
    );
  }

  function view() {
    const b = state.map.getBounds();
    return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast(), state.map.getZoom()];
  }

  function drawing() {
    return Boolean(window.EstDraw && window.EstDraw.active());
  }

  function escapeHtml(text) {
    const span = document.createElement('span');
    span.textContent = text;
    return span.innerHTML;
  }

  window.EstMap = {
    init: init,
    loadPoints: loadPoints,
    showIncident: showIncident,
    placeDraft: placeDraft,
    clearDraft: clearDraft,
    setLayerVisible: setLayerVisible,
    fitBounds: fitBounds,
    view: view,
    // For tests and the benchmark: what the page holds, and a click on a marker.
    map: function () {
      return state.map;
    },
    bridge: function () {
      return state.bridge;
    },
    clickIncident: function (pk) {
      const marker = state.byPk.get(pk);
      if (marker) selectMarker(marker, true);
      return Boolean(marker);
    },
    popupText: function () {
      const popup = state.map._popup;
      return popup && state.map.hasLayer(popup) ? popup.getElement().textContent : null;
    },
    tilesLoaded: function () {
      return state.tiles.loaded;
    },
    tilesIdle: function () {
      return !state.tiles.busy;
    },
    pointCount: function () {
      return state.loading ? -1 : state.pointCount;
    },
    generation: function () {
      return state.generation;
    },
    measureCount: function () {
      return state.layers.measures.getLayers().length;
    },
    hotspotCount: function () {
      return state.layers.hotspots.getLayers().length;
    },
    offline: function () {
      return !state.offlineNote.getContainer().hidden;
    },
    draft: function () {
      if (!state.draft) return null;
      const p = state.draft.getLatLng();
      return [p.lat, p.lng];
    },
  };
})();
