"""Production static files: hashed names with gzip and Brotli copies (WhiteNoise)."""

from io import StringIO

from django.core.management import call_command
from django.test import override_settings

PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


def test_collectstatic_writes_hashed_gzip_and_brotli_copies_of_the_stylesheet(tmp_path):
    # Only the project's own static directory, to keep the test fast.
    with override_settings(
        STATIC_ROOT=tmp_path,
        STORAGES=PRODUCTION_STORAGES,
        STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
    ):
        call_command("collectstatic", interactive=False, verbosity=0, stdout=StringIO())
    hashed = list((tmp_path / "css").glob("site.*.css"))
    assert len(hashed) == 1, list((tmp_path / "css").iterdir())
    assert hashed[0].with_name(hashed[0].name + ".gz").exists()
    assert hashed[0].with_name(hashed[0].name + ".br").exists()
