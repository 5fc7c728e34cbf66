"""The Dagster layer: assets, asset checks, the sensor and schedule, and resources.

Thin wrappers: each reads its inputs, calls ``pipeline.stages`` or ``pipeline.warehouse`` and
attaches metadata.
"""
