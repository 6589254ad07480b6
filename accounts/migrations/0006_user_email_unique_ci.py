"""At most one account that holds an e-mail address (active, or a sign-up waiting for its verification) per
address, whatever its case (0005 resolved existing duplicates)."""

import django.db.models.functions.text
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0005_verification_pending'),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='user',
            constraint=models.UniqueConstraint(django.db.models.functions.text.Lower('email'), condition=models.Q(models.Q(('is_active', True), ('verification_pending', True), _connector='OR'), models.Q(('email', ''), _negated=True)), name='user_email_unique_ci', violation_error_message='An account with this e-mail address exists already.'),
        ),
    ]
