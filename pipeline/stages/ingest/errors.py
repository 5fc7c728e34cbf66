"""The error every ingest step raises for a file or record that cannot become an article."""


class InputError(ValueError):
    """A file or record that cannot become an article; the message tells the user why."""
