"""Versioned terms of the money-back guarantee; every order keeps the version it was sold under."""

from django.db import models
from django.db.models import Q


class GuaranteeTerms(models.Model):
    """One version of the guarantee terms. Exactly one version is current at any time."""

    version = models.PositiveIntegerField(unique=True)
    window_days = models.PositiveIntegerField(default=30)
    refunds_shipping = models.BooleanField(default=False)
    requires_return = models.BooleanField(default=False)
    return_instructions = models.TextField(blank=True)
    refund_time_text = models.CharField(max_length=200)
    body = models.TextField()
    is_current = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-version"]
        verbose_name = "guarantee terms"
        verbose_name_plural = "guarantee terms"
        constraints = [
            # "At most one" in the database; "at least one" is kept by make_terms_current().
            models.UniqueConstraint(
                fields=["is_current"], condition=Q(is_current=True), name="one_current_terms"
            )
        ]

    def __str__(self) -> str:
        return f"Guarantee terms v{self.version}"
