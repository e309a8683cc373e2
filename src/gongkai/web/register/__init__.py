"""The disclosure register (主动公开): rules and normative documents, and the other 第二十条 figures."""

__all__: list[str] = []
