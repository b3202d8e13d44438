"""Report Atlas: news reports about violence -> places, events and casualty figures on a map."""

__version__ = "0.1.0"
