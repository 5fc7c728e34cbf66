"""The processing stages, in the order a page meets them: ``ingest`` (files to documents),
``clean`` (boilerplate and metadata), then the extractors ``actors``, ``numbers``, ``dates``
and ``claims``, and ``validate``. ``article`` builds an article from a cleaned document and
``runner`` runs each stage over one part of a staged batch. No module here imports Dagster.
"""
