"""The full-text index of the ledger (see gongkai.web.ledger.fulltext): a vendor-specific table, filled
for the applications already there."""

from django.db import migrations


def forwards(apps, schema_editor):
    from gongkai.web.ledger.fulltext import create_index, document_tokens, write_rows

    create_index(schema_editor.connection)
    Application = apps.get_model("ledger", "Application")
    RequestedItem = apps.get_model("ledger", "RequestedItem")
    texts = {}
    for app_id, text in RequestedItem.objects.order_by("application_id", "position").values_list(
        "application_id", "text"
    ):
        texts.setdefault(app_id, []).append(text)
    rows = [
        (pk, document_tokens(number, name, texts.get(pk, [])))
        for pk, number, name in Application.objects.values_list("pk", "number", "applicant_name")
    ]
    for start in range(0, len(rows), 2000):
        write_rows(rows[start : start + 2000], db=schema_editor.connection)


def backwards(apps, schema_editor):
    from gongkai.web.ledger.fulltext import drop_index

    drop_index(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("ledger", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
