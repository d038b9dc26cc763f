"""Claim photos move to private storage: only staff see them, through the dashboard view.

They were saved under public media (served at /media/ to anyone with the address); the files
already there are moved across, and their public copies deleted.
"""

from django.core.files.storage import default_storage
from django.db import migrations, models

import shop.guarantee.models
import shop.privatefiles.storage


def move_photos_to_private_storage(apps, schema_editor):
    private = shop.privatefiles.storage.get_private_storage()
    ClaimPhoto = apps.get_model("guarantee", "ClaimPhoto")
    for photo in ClaimPhoto.objects.exclude(image="").iterator():
        name = photo.image.name
        if not default_storage.exists(name):
            continue  # already moved, or lost before this migration
        with default_storage.open(name, "rb") as public_copy:
            saved = private.save(name, public_copy)
        if saved != name:
            ClaimPhoto.objects.filter(pk=photo.pk).update(image=saved)
        default_storage.delete(name)


class Migration(migrations.Migration):
    dependencies = [("guarantee", "0002_claims")]

    operations = [
        migrations.AlterField(
            model_name="claimphoto",
            name="image",
            field=models.ImageField(
                storage=shop.privatefiles.storage.get_private_storage,
                upload_to=shop.guarantee.models.claim_photo_path,
            ),
        ),
        # Going back leaves the photos private: nothing should make them public again.
        migrations.RunPython(move_photos_to_private_storage, migrations.RunPython.noop),
    ]
