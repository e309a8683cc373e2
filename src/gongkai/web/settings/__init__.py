"""Django settings: ``base`` (shared), ``local`` (``gongkai serve`` on one machine), ``dev``, ``test``, ``prod``.

Environment variables are read only in :mod:`.env`.
"""

__all__: list[str] = []
