"""gongkai (公开): statutory government information disclosure work, from ledger to annual report."""

__all__ = ["__version__"]

__version__ = "0.1.0"
