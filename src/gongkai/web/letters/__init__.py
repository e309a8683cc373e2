"""Reply letters (答复书、告知书、征求意见函): drafted from editable DOCX templates, signed off, sent."""

__all__: list[str] = []
