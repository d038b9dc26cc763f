"""One account per email address, whatever its letter case (issue 22).

The user model is Django's ``auth.User``, whose state a project app cannot give a constraint,
so the rule is a unique index on ``LOWER(email)`` created in SQL (valid on SQLite and
PostgreSQL). Accounts without an email (a superuser made on the command line) are left out.
Creating it fails on a database that already holds two accounts differing only by case: merge
or rename one of them first.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("storefront", "0001_outgoing_email"),
    ]

    operations = [
        migrations.RunSQL(
            sql=(
                "CREATE UNIQUE INDEX auth_user_email_ci_uniq "
                "ON auth_user (LOWER(email)) WHERE email <> ''"
            ),
            reverse_sql="DROP INDEX auth_user_email_ci_uniq",
        )
    ]
