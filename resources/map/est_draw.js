/* Drawing an area on EST Desktop's map: a measure's area or a follow-up's control area.
 *
 * A polygon: click the corners, finish by clicking the first corner again, double-clicking or
 * pressing Enter; Backspace or Ctrl+Z takes back the last corner, Escape cancels. A circle:
 * press at the centre and drag to the edge, or click the centre and then the edge; the app can
 * set the radius typed in its form. Once finished the shape stays editable (drag its corners,
 * or the circle's centre and edge) until the app stops the drawing.
 *
 * Plain Leaflet, no plugin. The result goes to the app through the page's channel object:
 * est.areaDrawn(json) with a GeoJSON Polygon ([lon, lat], closed ring) or
 * {"type": "Circle", "center": [lat, lon], "radius": metres}; est.drawingCancelled(). */
(function () {
  'use strict';

  const NEAR_PX = 8; // a click this close to the first corner closes the polygon
  const SAME_PX = 4; // a click this close to the last corner adds nothing (a double-click's)
  const STYLES = {
    measure: { color: '#5b2a86', weight: 3, fillOpacity: 0.15 },
    control: { color: '#00796b', weight: 3, dashArray: '10 6', fillOpacity: 0.1 },
  };

  let d = null; // the drawing under way: null when none

  function start(options) {
    stop();
    const map = EstMap.map();
    d = {
      map: map,
      kind: options.kind === 'circle' ? 'circle' : 'polygon',
      style: Object.assign({ interactive: false }, STYLES[options.purpose] || STYLES.measure),
      texts: options.texts || {},
      points: [], // polygon corners, L.LatLng
      centre: null,
      radius: 0,
      pressed: false,
      finished: false,
      layer: L.layerGroup().addTo(map),
      shape: null,
      guide: null,
      handles: [],
    };
    map.getContainer().classList.add('est-drawing');
    map.doubleClickZoom.disable();
    d.control = toolbar().addTo(map);
    map.on('click', onClick);
    map.on('dblclick', onDoubleClick);
    map.on('mousedown', onMouseDown);
    map.on('mousemove', onMouseMove);
    map.on('mouseup', onMouseUp);
    document.addEventListener('keydown', onKey);
    if (d.kind === 'circle') map.dragging.disable();

    if (options.area && options.area.coordinates) {
      const ring = options.area.coordinates[0].slice(0, -1);
      d.points = ring.map(function (p) {
        return L.latLng(p[1], p[0]);
      });
      finish(false);
    } else if (options.circle) {
      d.centre = L.latLng(options.circle[0], options.circle[1]);
      d.radius = options.circle[2];
      finish(false);
    } else {
      redraw();
    }
  }

  function stop() {
    if (!d) return;
    const map = d.map;
    map.off('click', onClick);
    map.off('dblclick', onDoubleClick);
    map.off('mousedown', onMouseDown);
    map.off('mousemove', onMouseMove);
    map.off('mouseup', onMouseUp);
    document.removeEventListener('keydown', onKey);
    map.removeLayer(d.layer);
    map.removeControl(d.control);
    map.dragging.enable();
    map.doubleClickZoom.enable();
    map.getContainer().classList.remove('est-drawing');
    d = null;
  }

  // -- gestures ---------------------------------------------------------------------------

  function onClick(e) {
    if (d.finished) return;
    if (d.kind === 'circle') {
      if (d.centre && pixels(d.centre, e.latlng) > SAME_PX) {
        d.radius = d.centre.distanceTo(e.latlng);
        finish(true);
      }
      return;
    }
    const last = d.points[d.points.length - 1];
    if (d.points.length >= 3 && pixels(d.points[0], e.latlng) <= NEAR_PX) {
      finish(true);
    } else if (!last || pixels(last, e.latlng) > SAME_PX) {
      d.points.push(e.latlng);
      redraw();
    }
  }

  function onDoubleClick() {
    if (!d.finished && d.kind === 'polygon' && d.points.length >= 3) finish(true);
  }

  function onMouseDown(e) {
    if (d.finished || d.kind !== 'circle' || d.centre) return;
    d.centre = e.latlng;
    d.pressed = true;
    redraw();
  }

  function onMouseMove(e) {
    if (d.finished) return;
    if (d.kind === 'circle' && d.centre) {
      d.radius = d.centre.distanceTo(e.latlng);
      redraw();
    } else if (d.kind === 'polygon' && d.points.length) {
      guide([d.points[d.points.length - 1], e.latlng]);
    }
  }

  function onMouseUp(e) {
    if (d.finished || !d.pressed) return;
    d.pressed = false;
    if (pixels(d.centre, e.latlng) > SAME_PX) {
      d.radius = d.centre.distanceTo(e.latlng);
      finish(true);
    }
  }

  function onKey(e) {
    if (e.key === 'Escape') {
      if (!d.finished) cancel();
    } else if (e.key === 'Enter') {
      if (!d.finished && d.kind === 'polygon' && d.points.length >= 3) finish(true);
    } else if (e.key === 'Backspace' || ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z')) {
      undo();
    } else {
      return;
    }
    e.preventDefault();
  }

  function undo() {
    if (!d || d.finished) return;
    if (d.kind === 'polygon') d.points.pop();
    else d.centre = null;
    guide(null);
    redraw();
  }

  function cancel() {
    const bridge = EstMap.bridge();
    stop();
    if (bridge) bridge.drawingCancelled();
  }

  // -- drawing ----------------------------------------------------------------------------

  function finish(report) {
    d.finished = true;
    d.pressed = false;
    d.map.dragging.enable();
    guide(null);
    redraw();
    editHandles();
    hint();
    if (report) send();
  }

  function redraw() {
    if (d.shape) d.layer.removeLayer(d.shape);
    d.shape = null;
    if (d.kind === 'circle') {
      if (d.centre) {
        d.shape = L.circle(d.centre, Object.assign({ radius: Math.max(d.radius, 1) }, d.style));
      }
    } else if (d.finished || d.points.length >= 3) {
      d.shape = L.polygon(d.points, d.style);
    } else if (d.points.length) {
      d.shape = L.polyline(d.points, d.style);
    }
    if (d.shape) d.shape.addTo(d.layer);
    if (!d.finished) cornerDots();
    hint();
  }

  // While drawing: plain dots (the first one larger, to be clicked to close the polygon).
  function cornerDots() {
    d.handles.forEach(function (h) {
      d.layer.removeLayer(h);
    });
    const corners = d.kind === 'circle' ? (d.centre ? [d.centre] : []) : d.points;
    d.handles = corners.map(function (p, i) {
      return L.circleMarker(p, {
        interactive: false,
        radius: i === 0 ? 7 : 5,
        color: d.style.color,
        weight: 2,
        fillColor: '#ffffff',
        fillOpacity: 1,
      }).addTo(d.layer);
    });
  }

  // Once finished: handles to drag, reported to the app when let go.
  function editHandles() {
    d.handles.forEach(function (h) {
      d.layer.removeLayer(h);
    });
    const handle = function (p, cls) {
      return L.marker(p, {
        draggable: true,
        keyboard: false,
        icon: L.divIcon({ className: 'est-draw-handle ' + cls, iconSize: [14, 14] }),
      }).addTo(d.layer);
    };
    if (d.kind === 'polygon') {
      d.handles = d.points.map(function (p, i) {
        const h = handle(p, '');
        h.on('drag', function () {
          d.points[i] = h.getLatLng();
          d.shape.setLatLngs(d.points);
        });
        h.on('dragend', send);
        return h;
      });
      return;
    }
    const centre = handle(d.centre, 'est-draw-centre');
    const edge = handle(edgePoint(), '');
    centre.on('drag', function () {
      d.centre = centre.getLatLng();
      d.shape.setLatLng(d.centre);
      edge.setLatLng(edgePoint());
    });
    edge.on('drag', function () {
      d.radius = d.centre.distanceTo(edge.getLatLng());
      d.shape.setRadius(d.radius);
    });
    centre.on('dragend', send);
    edge.on('dragend', send);
    d.handles = [centre, edge];
  }

  // The point on the circle due east of its centre.
  function edgePoint() {
    const east = d.radius / (111320 * Math.cos((d.centre.lat * Math.PI) / 180));
    return L.latLng(d.centre.lat, d.centre.lng + east);
  }

  function guide(latlngs) {
    if (d.guide) d.layer.removeLayer(d.guide);
    d.guide = null;
    if (latlngs) {
      const style = { interactive: false, color: d.style.color, weight: 2, dashArray: '4 6' };
      d.guide = L.polyline(latlngs, style).addTo(d.layer);
    }
  }

  function pixels(a, b) {
    return d.map.latLngToContainerPoint(a).distanceTo(d.map.latLngToContainerPoint(b));
  }

  function send() {
    const bridge = EstMap.bridge();
    const drawn = shape();
    if (bridge && drawn) bridge.areaDrawn(JSON.stringify(drawn));
  }

  function shape() {
    if (!d || !d.finished) return null;
    if (d.kind === 'circle') {
      return { type: 'Circle', center: [d.centre.lat, d.centre.lng], radius: d.radius };
    }
    const ring = d.points.map(function (p) {
      return [p.lng, p.lat];
    });
    ring.push(ring[0]);
    return { type: 'Polygon', coordinates: [ring] };
  }

  // -- the hint and buttons on the map --------------------------------------------------------

  function toolbar() {
    const control = L.control({ position: 'topleft' });
    control.onAdd = function () {
      const box = L.DomUtil.create('div', 'est-draw-bar');
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      L.DomUtil.create('div', 'est-draw-hint', box);
      const buttons = L.DomUtil.create('div', 'est-draw-buttons', box);
      [
        ['undo', undo],
        ['done', function () {
          if (d && !d.finished && d.kind === 'polygon' && d.points.length >= 3) finish(true);
        }],
        ['cancel', cancel],
      ].forEach(function (item) {
        const button = L.DomUtil.create('button', 'est-draw-' + item[0], buttons);
        button.type = 'button';
        button.textContent = d.texts[item[0]] || item[0];
        L.DomEvent.on(button, 'click', item[1]);
      });
      return box;
    };
    return control;
  }

  function hint() {
    const box = d.control.getContainer();
    const texts = d.texts;
    let text = texts.polygon;
    if (d.finished) text = texts.edit;
    else if (d.kind === 'circle') text = d.centre ? texts.circleEdge : texts.circle;
    else if (d.points.length >= 3) text = texts.close;
    box.querySelector('.est-draw-hint').textContent = text || '';
    box.querySelector('.est-draw-undo').hidden = d.finished;
    box.querySelector('.est-draw-done').hidden = d.finished || d.kind === 'circle';
    box.querySelector('.est-draw-done').disabled = d.points.length < 3;
    box.querySelector('.est-draw-cancel').hidden = d.finished;
  }

  window.EstDraw = {
    start: start,
    stop: stop,
    active: function () {
      return d !== null;
    },
    // The radius typed in the app's form: the circle follows (no report back, it came from there).
    setRadius: function (metres) {
      if (!d || d.kind !== 'circle' || !d.centre || !(metres > 0)) return;
      d.radius = metres;
      redraw();
      if (d.finished) editHandles();
    },
    shape: shape,
    corners: function () {
      return d ? d.points.length : 0;
    },
  };
})();
