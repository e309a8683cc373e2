"""Administrative reconsideration and litigation cases (行政复议、行政诉讼) about disclosure work."""

__all__: list[str] = []
